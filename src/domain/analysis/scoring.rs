//! Scores, completion and the Stage 1 readiness verdict.
//!
//! A score is the weighted mean of rating values (0..1) over answered, applicable requirements. Unanswered
//! requirements lower completion, never the score; not-applicable ones are listed but count for nothing.
//! A group with nothing to score has no score (`None`), never NaN.

use crate::domain::assessment::{Assessment, DocStatus, Rating};
use crate::domain::catalogue::{self, Clause, DocKind, Pdca, Requirement, REQUIREMENTS};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GroupScore {
    /// Requirements in the group.
    pub total: usize,
    /// Requirements with any rating, not applicable included.
    pub answered: usize,
    pub not_applicable: usize,
    weighted_sum: f64,
    weight: f64,
}

impl GroupScore {
    fn add(&mut self, weight: u8, rating: Option<Rating>) {
        self.total += 1;
        let Some(rating) = rating else { return };
        self.answered += 1;
        match rating.value() {
            Some(v) => {
                self.weighted_sum += v * f64::from(weight);
                self.weight += f64::from(weight);
            }
            None => self.not_applicable += 1,
        }
    }

    /// Weighted mean in 0..=1, or None when nothing applicable is answered.
    pub fn score(&self) -> Option<f64> {
        (self.weight > 0.0).then(|| (self.weighted_sum / self.weight).clamp(0.0, 1.0))
    }

    /// Share of requirements answered, in 0..=1 (an empty group is complete).
    pub fn completion(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.answered as f64 / self.total as f64
        }
    }
}

/// Tolerance when comparing rating values, so that 0.6 - 0.4 never reads as a gap of 0.19999. The one copy:
/// the verdict, the gaps, the journey and the comparison all compare through it.
pub const TOLERANCE: f64 = 1e-9;

/// True when a rating value reaches the target (within [`TOLERANCE`]).
pub fn meets(value: f64, target: f64) -> bool {
    value + TOLERANCE >= target
}

/// Formats a 0..1 share as a whole percentage, or "no score".
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "no score".to_string(), |s| format!("{:.0} %", s * 100.0))
}

/// Every score of one assessment, computed in a single pass over the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    /// Requirements that count for conformity (good practice and orientation checks left out): the score,
    /// the completion and the verdict.
    pub overall: GroupScore,
    /// Every item of the walkthrough, good practice included: how much of the work is done.
    pub progress: GroupScore,
    /// One entry per clause of the catalogue, in its order.
    pub clauses: Vec<(&'static Clause, GroupScore)>,
    /// Per clause, in the same order, every item of the walkthrough (good practice included).
    pub clause_progress: Vec<GroupScore>,
    pub pdca: [(Pdca, GroupScore); 4],
}

impl Scorecard {
    pub fn of(a: &Assessment) -> Scorecard {
        Self::over(a, REQUIREMENTS.iter())
    }

    /// Scores over a chosen set of requirements (the whole catalogue in the app; small sets in tests).
    pub fn over<'r>(a: &Assessment, reqs: impl Iterator<Item = &'r Requirement>) -> Scorecard {
        let mut clauses: Vec<(&'static Clause, GroupScore)> = catalogue::CLAUSES
            .iter()
            .map(|c| (c, GroupScore::default()))
            .collect();
        let mut pdca = Pdca::ALL.map(|p| (p, GroupScore::default()));
        let mut overall = GroupScore::default();
        let mut progress = GroupScore::default();
        let mut clause_progress = vec![GroupScore::default(); clauses.len()];
        for r in reqs {
            let rating = a.rating(r.id);
            let counts = r.counts_for_conformity();
            progress.add(r.weight, rating);
            for i in catalogue::ancestor_indices(r.clause) {
                if let Some(g) = clause_progress.get_mut(i) {
                    g.add(r.weight, rating);
                }
                if counts {
                    clauses[i].1.add(r.weight, rating);
                }
            }
            if !counts {
                continue;
            }
            overall.add(r.weight, rating);
            let phase = catalogue::pdca_of(r.clause);
            if let Some((_, g)) = pdca.iter_mut().find(|(p, _)| *p == phase) {
                g.add(r.weight, rating);
            }
        }
        Scorecard {
            overall,
            progress,
            clauses,
            clause_progress,
            pdca,
        }
    }

    pub fn clause(&self, number: &str) -> GroupScore {
        self.clauses
            .iter()
            .find(|(c, _)| c.number == number)
            .map(|(_, g)| *g)
            .unwrap_or_default()
    }

    /// How much of one clause's walkthrough is done, good practice included.
    pub fn clause_progress(&self, number: &str) -> GroupScore {
        self.clauses
            .iter()
            .position(|(c, _)| c.number == number)
            .and_then(|i| self.clause_progress.get(i).copied())
            .unwrap_or_default()
    }

    pub fn phase(&self, phase: Pdca) -> GroupScore {
        self.pdca
            .iter()
            .find(|(p, _)| *p == phase)
            .map(|(_, g)| *g)
            .unwrap_or_default()
    }
}

/// Why a requirement stands in the way of a Stage 1 audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockerKind {
    Unanswered,
    /// Rated below the assessment's target.
    BelowTarget(Rating),
    /// Marked not applicable without being met by another party under 8.2.3 control.
    UnjustifiedNotApplicable,
    /// The documented information it asks for is partial or missing.
    DocumentationMissing(DocStatus),
}

impl BlockerKind {
    pub fn describe(self) -> String {
        match self {
            BlockerKind::Unanswered => "not assessed yet".into(),
            BlockerKind::BelowTarget(r) => format!("rated {}, below the target", r.label()),
            BlockerKind::UnjustifiedNotApplicable => {
                "marked not applicable: ISO/IEC 20000-1 allows no exclusions unless another party meets it under 8.2.3 control".into()
            }
            BlockerKind::DocumentationMissing(DocStatus::Partial) => "its documented information is only partial".into(),
            BlockerKind::DocumentationMissing(_) => "its documented information is missing".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Blocker {
    pub requirement: &'static Requirement,
    pub kind: BlockerKind,
}

impl BlockerKind {
    /// A finding about something assessed; "not assessed yet" is work still to do, not a finding.
    pub fn is_finding(self) -> bool {
        self != BlockerKind::Unanswered
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Blockers: findings on assessed requirements first, then the requirements not assessed yet; each
    /// part heaviest requirement first, then in the standard's order.
    pub blockers: Vec<Blocker>,
}

impl Verdict {
    pub fn ready(&self) -> bool {
        self.blockers.is_empty()
    }

    /// The blockers found on assessed requirements (below target, unjustified N/A, documents missing).
    pub fn findings(&self) -> impl Iterator<Item = &Blocker> {
        self.blockers.iter().filter(|b| b.kind.is_finding())
    }

    /// How many requirements are not assessed yet (each blocks until it is).
    pub fn still_to_assess(&self) -> usize {
        self.blockers.len() - self.findings().count()
    }

    /// How many blockers are of kinds matching `f`.
    pub fn count(&self, f: impl Fn(BlockerKind) -> bool) -> usize {
        self.blockers.iter().filter(|b| f(b.kind)).count()
    }

    pub fn of(a: &Assessment) -> Verdict {
        Self::over(a, REQUIREMENTS.iter())
    }

    pub fn over<'r>(a: &Assessment, reqs: impl Iterator<Item = &'r Requirement>) -> Verdict
    where
        'r: 'static,
    {
        let target = a.target.value().unwrap_or(0.0);
        let mut blockers = Vec::new();
        for r in reqs.filter(|r| r.counts_for_conformity()) {
            let answer = a.answer(r.id);
            let rating = answer.and_then(|x| x.rating);
            let kind = match rating {
                None => Some(BlockerKind::Unanswered),
                Some(Rating::NotApplicable) => {
                    let justified = answer
                        .is_some_and(|x| x.na_other_party && !x.na_justification.trim().is_empty());
                    (!justified).then_some(BlockerKind::UnjustifiedNotApplicable)
                }
                Some(rating) if !meets(rating.value().unwrap_or(0.0), target) => {
                    Some(BlockerKind::BelowTarget(rating))
                }
                Some(_) => match answer.and_then(|x| x.doc_status) {
                    Some(s @ (DocStatus::Partial | DocStatus::Missing))
                        if r.doc != DocKind::None =>
                    {
                        Some(BlockerKind::DocumentationMissing(s))
                    }
                    _ => None,
                },
            };
            if let Some(kind) = kind {
                blockers.push(Blocker {
                    requirement: r,
                    kind,
                });
            }
        }
        // Stable: equal weights keep the standard's order.
        blockers.sort_by_key(|b| {
            (
                !b.kind.is_finding(),
                std::cmp::Reverse(b.requirement.weight),
            )
        });
        Verdict { blockers }
    }
}
