//! What the results pages show beyond scores: the gaps to close, the action plan, the documented-information
//! checklist and the comparison with a baseline.
//!
//! Every function has an `_over` variant taking a chosen set of requirements (the whole catalogue in the app,
//! small made-up sets in tests), as [`Scorecard::over`] does.

use super::scoring::{Scorecard, TOLERANCE};
use crate::domain::assessment::{ActionStatus, Answer, Assessment, DocStatus, Rating};
use crate::domain::catalogue::{self, is_within, Clause, DocKind, Requirement, REQUIREMENTS};
use std::cmp::Ordering;

// ---------------------------------------------------------------------------------------------------------
// Gap analysis
// ---------------------------------------------------------------------------------------------------------

/// How far one assessed requirement is from the assessment's target. A requirement that is not assessed
/// yet is never a gap: it is still to assess ([`StillToAssess`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub requirement: &'static Requirement,
    /// The rating given; `NotApplicable` for a not-applicable answer without 8.2.3 justification.
    pub rating: Rating,
    /// The rating's value in 0..=1; None when not applicable.
    pub current: Option<f64>,
    pub target: f64,
    /// `target - current`, never negative; the whole target when there is no value.
    pub gap: f64,
    /// `gap * weight`: what closing this gap is worth.
    pub priority: f64,
}

impl Gap {
    pub fn rating_label(&self) -> String {
        self.rating.label()
    }

    /// The priority as every output shows it.
    pub fn priority_label(&self) -> String {
        format!("{:.1}", self.priority)
    }
}

/// Gaps over the whole catalogue, largest priority first.
pub fn gaps(a: &Assessment) -> Vec<Gap> {
    gaps_over(a, REQUIREMENTS.iter())
}

/// Assessed requirements below target among `reqs` (and not-applicable ones without justification), ordered by priority descending, then in the given order.
pub fn gaps_over<'r>(a: &Assessment, reqs: impl Iterator<Item = &'r Requirement>) -> Vec<Gap>
where
    'r: 'static,
{
    let target = a.target.value().unwrap_or(0.0);
    let mut found: Vec<Gap> = reqs
        .filter_map(|r| gap_of(a, r, target))
        .filter(|g| g.gap > TOLERANCE)
        .collect();
    // Stable: equal priorities keep the standard's order.
    found.sort_by(|x, y| {
        y.priority
            .partial_cmp(&x.priority)
            .unwrap_or(Ordering::Equal)
    });
    found
}

/// The gap of one requirement, or None when it is not assessed, or not applicable with a valid 8.2.3
/// justification.
fn gap_of(a: &Assessment, r: &'static Requirement, target: f64) -> Option<Gap> {
    let answer = a.answer(r.id)?;
    let rating = answer.rating?;
    if rating == Rating::NotApplicable && is_justified_na(answer) {
        return None;
    }
    let current = rating.value();
    let gap = (target - current.unwrap_or(0.0)).max(0.0);
    Some(Gap {
        requirement: r,
        rating,
        current,
        target,
        gap,
        priority: gap * f64::from(r.weight),
    })
}

/// Not applicable is only acceptable when another party meets the requirement under 8.2.3 control, with a reason.
pub fn is_justified_na(answer: &Answer) -> bool {
    answer.na_other_party && !answer.na_justification.trim().is_empty()
}

// ---------------------------------------------------------------------------------------------------------
// Still to assess
// ---------------------------------------------------------------------------------------------------------

/// The requirements without a rating yet, in the standard's order: work still to do, kept apart from gaps.
/// Only those that count for conformity, as in the verdict: good practice is rated when there is time, but
/// never stands between an organisation and its audit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StillToAssess {
    pub requirements: Vec<&'static Requirement>,
}

/// How many requirements of one clause are still to assess, and where to continue.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseToAssess {
    pub clause: &'static Clause,
    pub count: usize,
    /// Of the clause's requirements.
    pub total: usize,
    pub first: &'static Requirement,
}

impl StillToAssess {
    pub fn over<'r>(a: &Assessment, reqs: impl Iterator<Item = &'r Requirement>) -> StillToAssess
    where
        'r: 'static,
    {
        StillToAssess {
            requirements: reqs
                .filter(|r| r.counts_for_conformity() && a.rating(r.id).is_none())
                .collect(),
        }
    }

    pub fn total(&self) -> usize {
        self.requirements.len()
    }

    /// How many of them lie within `clause` ("" or None: all).
    pub fn within(&self, clause: Option<&str>) -> usize {
        self.requirements
            .iter()
            .filter(|r| clause.is_none_or(|c| c.is_empty() || is_within(r.clause, c)))
            .count()
    }

    /// Counts per subclause (second level, such as 8.6), in the standard's order, within `clause` if given.
    pub fn by_clause(&self, clause: Option<&str>) -> Vec<ClauseToAssess> {
        let mut out: Vec<ClauseToAssess> = Vec::new();
        for r in &self.requirements {
            if clause.is_some_and(|c| !c.is_empty() && !is_within(r.clause, c)) {
                continue;
            }
            let Some(group) = catalogue::CLAUSES
                .iter()
                .find(|c| c.depth == 2 && is_within(r.clause, c.number))
                .or_else(|| catalogue::clause(r.clause))
            else {
                continue;
            };
            match out.iter_mut().find(|g| g.clause.number == group.number) {
                Some(g) => g.count += 1,
                None => out.push(ClauseToAssess {
                    clause: group,
                    count: 1,
                    total: catalogue::requirements_within(group.number)
                        .filter(|r| r.counts_for_conformity())
                        .count(),
                    first: r,
                }),
            }
        }
        out
    }

    /// One sentence for every output: how many requirements are still to assess.
    pub fn sentence(&self) -> String {
        match self.total() {
            0 => "Every requirement is assessed.".to_string(),
            1 => "1 requirement is still to assess.".to_string(),
            n => format!("{n} requirements are still to assess."),
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------------------

/// Narrows the gap list; each `None` field lets everything through.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GapFilter {
    /// A clause number: keeps gaps at that clause or below it.
    pub clause: Option<String>,
    /// An owner name, compared trimmed and case-insensitively; `Some("")` keeps gaps nobody owns yet.
    pub owner: Option<String>,
    /// Keeps gaps whose action has this status (an untouched answer counts as open).
    pub status: Option<ActionStatus>,
}

impl GapFilter {
    pub fn matches(&self, a: &Assessment, g: &Gap) -> bool {
        let answer = a.answer(g.requirement.id);
        let clause_ok = self
            .clause
            .as_deref()
            .is_none_or(|c| is_within(g.requirement.clause, c.trim()));
        let owner_ok = self
            .owner
            .as_deref()
            .is_none_or(|o| same_owner(o, answer.map_or("", |x| x.owner.as_str())));
        let status_ok = self
            .status
            .is_none_or(|s| answer.map_or(ActionStatus::default(), |x| x.action_status) == s);
        clause_ok && owner_ok && status_ok
    }
}

fn same_owner(x: &str, y: &str) -> bool {
    x.trim().to_lowercase() == y.trim().to_lowercase()
}

/// Distinct owners named in the answers (trimmed, one spelling per case-insensitive name), for the filter's list.
pub fn owners(a: &Assessment) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for owner in a.answers.values().map(|x| x.owner.trim()) {
        if !owner.is_empty() && !names.iter().any(|n| same_owner(n, owner)) {
            names.push(owner.to_string());
        }
    }
    names.sort_by_cached_key(|n| (n.to_lowercase(), n.clone()));
    names
}

// ---------------------------------------------------------------------------------------------------------
// Action plan
// ---------------------------------------------------------------------------------------------------------

/// One planned action, taken from an answer's action, owner, due date and status.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionItem {
    pub requirement: &'static Requirement,
    /// Trimmed; may be empty when only an owner or a due date was entered.
    pub action: String,
    pub owner: String,
    /// `YYYY-MM-DD` or empty.
    pub due: String,
    pub status: ActionStatus,
}

impl ActionItem {
    /// Past its due date and not done; `today` is `YYYY-MM-DD`, so plain string order is date order.
    pub fn is_overdue(&self, today: &str) -> bool {
        self.status != ActionStatus::Done && !self.due.is_empty() && self.due.as_str() < today
    }
}

/// The action plan over the whole catalogue.
pub fn action_plan(a: &Assessment) -> Vec<ActionItem> {
    action_plan_over(a, REQUIREMENTS.iter())
}

/// Every answer among `reqs` with an action, owner or due date: what is not done first, then the earliest due
/// date (none last), then the heaviest requirement, then the given order.
pub fn action_plan_over<'r>(
    a: &Assessment,
    reqs: impl Iterator<Item = &'r Requirement>,
) -> Vec<ActionItem>
where
    'r: 'static,
{
    let mut items: Vec<ActionItem> = reqs
        .filter_map(|r| a.answer(r.id).and_then(|x| action_of(r, x)))
        .collect();
    items.sort_by(|x, y| {
        let done = |i: &ActionItem| i.status == ActionStatus::Done;
        done(x)
            .cmp(&done(y))
            .then_with(|| x.due.is_empty().cmp(&y.due.is_empty()))
            .then_with(|| x.due.cmp(&y.due))
            .then_with(|| y.requirement.weight.cmp(&x.requirement.weight))
    });
    items
}

fn action_of(r: &'static Requirement, answer: &Answer) -> Option<ActionItem> {
    answer.has_plan().then(|| ActionItem {
        requirement: r,
        action: answer.action.trim().to_string(),
        owner: answer.owner.trim().to_string(),
        due: answer.due.trim().to_string(),
        status: answer.action_status,
    })
}

// ---------------------------------------------------------------------------------------------------------
// Documented-information checklist
// ---------------------------------------------------------------------------------------------------------

/// One document to maintain or record to retain, with every requirement that asks for it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntry {
    pub kind: DocKind,
    pub item: &'static str,
    /// The clause of its first requirement, which decides where the entry is listed.
    pub clause: &'static str,
    pub requirements: Vec<&'static Requirement>,
    /// The worst status checked on any of its requirements; None when none was checked.
    pub status: Option<DocStatus>,
}

impl DocEntry {
    /// The top-level clause number ("4" to "10") the entry is grouped under.
    pub fn top_level(&self) -> &'static str {
        self.clause.split('.').next().unwrap_or(self.clause)
    }
}

/// The checklist over the whole catalogue, in the standard's order (so grouped by top-level clause).
pub fn doc_checklist(a: &Assessment) -> Vec<DocEntry> {
    doc_checklist_over(a, REQUIREMENTS.iter())
}

/// One entry per distinct (kind, item) among `reqs`, in order of first appearance.
pub fn doc_checklist_over<'r>(
    a: &Assessment,
    reqs: impl Iterator<Item = &'r Requirement>,
) -> Vec<DocEntry>
where
    'r: 'static,
{
    let mut entries: Vec<DocEntry> = Vec::new();
    for r in reqs {
        let (kind, Some(item)) = (r.doc, r.doc_item) else {
            continue;
        };
        if kind == DocKind::None {
            continue;
        }
        let status = a.answer(r.id).and_then(|x| x.doc_status);
        match entries
            .iter_mut()
            .find(|e| e.kind == kind && e.item == item)
        {
            Some(entry) => {
                entry.requirements.push(r);
                entry.status = worst(entry.status, status);
            }
            None => entries.push(DocEntry {
                kind,
                item,
                clause: r.clause,
                requirements: vec![r],
                status,
            }),
        }
    }
    entries
}

/// The worse of two checked statuses (missing < partial < present); unchecked ones do not count.
fn worst(x: Option<DocStatus>, y: Option<DocStatus>) -> Option<DocStatus> {
    match (x, y) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// How complete the documented information is, over the entries that were checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocScore {
    pub checked: usize,
    pub total: usize,
    /// Mean of present = 1, partial = 0.5, missing = 0; None when nothing was checked.
    pub score: Option<f64>,
}

pub fn doc_score(entries: &[DocEntry]) -> DocScore {
    let values: Vec<f64> = entries
        .iter()
        .filter_map(|e| e.status)
        .map(|s| match s {
            DocStatus::Present => 1.0,
            DocStatus::Partial => 0.5,
            DocStatus::Missing => 0.0,
        })
        .collect();
    let checked = values.len();
    DocScore {
        checked,
        total: entries.len(),
        score: (checked > 0).then(|| values.iter().sum::<f64>() / checked as f64),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Comparison with a baseline
// ---------------------------------------------------------------------------------------------------------

/// How one requirement moved since the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Improved,
    Worsened,
    Unchanged,
    /// Answered now (not applicable included), not in the baseline.
    New,
    /// Answered in the baseline, not now.
    Dropped,
    /// Answered on both sides, one of them not applicable and the other not.
    NotApplicable,
}

/// Who is compared with whom decides the words: an assessment and its own baseline move over time
/// (before, now, improved, worse); two respondents' views of the same thing only differ (A, B, differs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Perspective {
    /// The first assessment is an earlier baseline of the second.
    Baseline,
    /// The two assessments are two people's answers (A is the first, B the second).
    Respondents,
}

impl Perspective {
    /// Column headings for the first and the second assessment.
    pub fn columns(self) -> (&'static str, &'static str) {
        match self {
            Perspective::Baseline => ("Before", "Now"),
            Perspective::Respondents => ("A", "B"),
        }
    }

    /// How one requirement compares, in this perspective's words.
    pub fn change(self, change: Change) -> &'static str {
        match (self, change) {
            (_, Change::Unchanged) => "Same",
            (Perspective::Baseline, Change::Improved) => "Improved",
            (Perspective::Baseline, Change::Worsened) => "Worse",
            (Perspective::Baseline, Change::New) => "Rated only now",
            (Perspective::Baseline, Change::Dropped) => "Rated only before",
            (Perspective::Baseline, Change::NotApplicable) => "Applicability changed",
            (Perspective::Respondents, Change::Improved) => "Differs: B rates higher",
            (Perspective::Respondents, Change::Worsened) => "Differs: B rates lower",
            (Perspective::Respondents, Change::New) => "Only B rated it",
            (Perspective::Respondents, Change::Dropped) => "Only A rated it",
            (Perspective::Respondents, Change::NotApplicable) => "Differs: applicable or not",
        }
    }

    /// One sentence with the counts.
    pub fn summary(self, c: &Comparison) -> String {
        let differ = c
            .deltas
            .iter()
            .filter(|d| d.change == Change::NotApplicable)
            .count();
        match self {
            Perspective::Baseline => format!(
                "Since the baseline: {} improved, {} worse, {} with a changed applicability, {} rated only \
                 now, {} rated only before.",
                c.improved, c.worsened, differ, c.new, c.dropped
            ),
            Perspective::Respondents => format!(
                "A and B differ on {} (B higher on {}, lower on {}, applicability on {}); {} rated only \
                 by A, {} only by B.",
                super::plural(c.improved + c.worsened + differ, "requirement", "requirements"),
                c.improved,
                c.worsened,
                differ,
                c.dropped,
                c.new
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Delta {
    pub requirement: &'static Requirement,
    pub before: Option<Rating>,
    pub after: Option<Rating>,
    pub change: Change,
}

/// One clause's score in the baseline and now.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseDelta {
    pub clause: &'static Clause,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Requirements answered on at least one side, in the standard's order (unchanged ones included).
    pub deltas: Vec<Delta>,
    /// Clauses 4 to 10 and their direct subclauses, in the standard's order.
    pub clauses: Vec<ClauseDelta>,
    pub improved: usize,
    pub worsened: usize,
    pub new: usize,
    pub dropped: usize,
}

/// Compares over the whole catalogue. Scales may differ: ratings are compared by value.
pub fn compare(baseline: &Assessment, current: &Assessment) -> Comparison {
    compare_over(baseline, current, REQUIREMENTS.iter())
}

pub fn compare_over<'r>(
    baseline: &Assessment,
    current: &Assessment,
    reqs: impl Iterator<Item = &'r Requirement>,
) -> Comparison
where
    'r: 'static,
{
    let reqs: Vec<&'r Requirement> = reqs.collect();
    let deltas: Vec<Delta> = reqs
        .iter()
        .copied()
        .filter_map(|r| delta_of(r, baseline.rating(r.id), current.rating(r.id)))
        .collect();
    let count = |c: Change| deltas.iter().filter(|d| d.change == c).count();
    let (improved, worsened, new, dropped) = (
        count(Change::Improved),
        count(Change::Worsened),
        count(Change::New),
        count(Change::Dropped),
    );
    let before = Scorecard::over(baseline, reqs.iter().copied());
    let after = Scorecard::over(current, reqs.iter().copied());
    let clauses = catalogue::CLAUSES
        .iter()
        .filter(|c| c.depth <= 2)
        .map(|c| ClauseDelta {
            clause: c,
            before: before.clause(c.number).score(),
            after: after.clause(c.number).score(),
        })
        .collect();
    Comparison {
        deltas,
        clauses,
        improved,
        worsened,
        new,
        dropped,
    }
}

/// None when the requirement is unanswered on both sides.
fn delta_of(
    r: &'static Requirement,
    before: Option<Rating>,
    after: Option<Rating>,
) -> Option<Delta> {
    let change = match (before, after) {
        (None, None) => return None,
        (None, Some(_)) => Change::New,
        (Some(_), None) => Change::Dropped,
        (Some(b), Some(n)) => match (b.value(), n.value()) {
            (None, None) => Change::Unchanged,
            (None, _) | (_, None) => Change::NotApplicable,
            (Some(b), Some(n)) if n > b + TOLERANCE => Change::Improved,
            (Some(b), Some(n)) if n < b - TOLERANCE => Change::Worsened,
            _ => Change::Unchanged,
        },
    };
    Some(Delta {
        requirement: r,
        before,
        after,
        change,
    })
}
