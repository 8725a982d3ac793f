//! What the exam side remembers: attempt history, per-question accuracy, the weak-spots queue and the
//! attempt in progress (so that a reload resumes it, timer running).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::attempt::{reaches_pass_mark, score_percent, Attempt, Mode};
use super::leitner::Leitner;
use crate::domain::catalogue::Question;

/// Attempts kept in the history; older ones are summarised away.
pub const HISTORY_LIMIT: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptSummary {
    pub id: String,
    pub mode: Mode,
    pub finished: f64,
    pub correct: usize,
    pub total: usize,
    pub pass_percent: u32,
    pub time_used_ms: f64,
    pub per_domain: BTreeMap<String, (usize, usize)>,
}

impl AttemptSummary {
    pub fn percent(&self) -> f64 {
        score_percent(self.correct, self.total)
    }
    pub fn passed(&self) -> bool {
        reaches_pass_mark(self.correct, self.total, self.pass_percent)
    }
    /// Pass or fail applies to mock exams only; practice and drills have no pass mark.
    pub fn verdict(&self) -> Option<bool> {
        (self.mode == Mode::Mock).then(|| self.passed())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tally {
    pub correct: u32,
    pub seen: u32,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.correct += other.correct;
        self.seen += other.seen;
    }
    pub fn percent(&self) -> Option<f64> {
        (self.seen > 0).then(|| f64::from(self.correct) * 100.0 / f64::from(self.seen))
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ExamStore {
    pub history: Vec<AttemptSummary>,
    /// Question id to its tally over every mode.
    pub stats: BTreeMap<String, Tally>,
    pub leitner: Leitner,
    /// The attempt in progress (mock exams, drills and practice sessions).
    pub current: Option<Attempt>,
    /// The last finished attempt, for review.
    pub last: Option<Attempt>,
}

/// What happened to a click on an option of the current attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// Recorded; in practice and drills `Some(correct)` says whether it was right.
    Recorded(Option<bool>),
    /// Refused: no attempt, submitted, out of time, or (practice, drills) already answered.
    Refused,
}

/// An attempt read from storage that could not be used and was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedAttempt {
    /// Which one: "exam session in progress" or "last finished exam session".
    pub which: &'static str,
    pub problem: super::attempt::AttemptProblem,
}

impl std::fmt::Display for DroppedAttempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the {} could not be used: {}", self.which, self.problem)
    }
}

impl ExamStore {
    /// Drops any stored attempt that fails [`Attempt::validate`], so that nothing downstream indexes
    /// damaged data; says what was dropped. History, tallies and the weak-spots queue are kept.
    pub fn drop_invalid_attempts(&mut self) -> Vec<DroppedAttempt> {
        let mut dropped = Vec::new();
        for (which, slot) in [
            ("exam session in progress", &mut self.current),
            ("last finished exam session", &mut self.last),
        ] {
            if let Some(Err(problem)) = slot.as_ref().map(Attempt::validate) {
                dropped.push(DroppedAttempt { which, problem });
                *slot = None;
            }
        }
        dropped
    }

    /// Chooses `position` for question `index` of the current attempt. The Leitner rule: in practice
    /// and drills the first answer counts and goes at once into the tallies and the weak-spots queue
    /// (the feedback shows it); a mock exam's answers may change until submission and are recorded then.
    pub fn answer_current(
        &mut self,
        index: usize,
        position: u8,
        bank: &[Question],
        now: f64,
        day: i64,
    ) -> Answered {
        let Some(a) = self.current.as_mut() else {
            return Answered::Refused;
        };
        let feedback = a.mode.gives_feedback();
        if feedback && a.answer_at(index).is_some() {
            return Answered::Refused;
        }
        if !a.answer(index, position, now) {
            return Answered::Refused;
        }
        if !feedback {
            return Answered::Recorded(None);
        }
        let correct = a.is_correct(index, bank) == Some(true);
        let Some(question) = a.items.get(index).map(|item| item.question.clone()) else {
            return Answered::Refused;
        };
        self.record_answer(&question, correct, day);
        Answered::Recorded(Some(correct))
    }

    /// One answered question: its tally and its place in the weak-spots queue.
    pub fn record_answer(&mut self, question: &str, correct: bool, day: i64) {
        let t = self.stats.entry(question.to_string()).or_default();
        t.seen += 1;
        t.correct += u32::from(correct);
        self.leitner.record(question, correct, day);
    }

    /// Closes the current attempt: records every question of a mock exam (practice and drills, which give
    /// feedback, record each answer as it is given),
    /// adds it to the history and keeps it for review.
    pub fn finish(&mut self, bank: &[Question], now: f64, day: i64) {
        let Some(mut attempt) = self.current.take() else {
            return;
        };
        attempt.submit(now);
        let result = attempt.grade(bank);
        if attempt.mode == Mode::Mock {
            for (i, item) in attempt.items.iter().enumerate() {
                // Unanswered questions in a mock exam count as missed.
                let correct = attempt.is_correct(i, bank) == Some(true);
                self.record_answer(&item.question, correct, day);
            }
        }
        self.history.push(AttemptSummary {
            id: attempt.id.clone(),
            mode: attempt.mode,
            finished: attempt.submitted.unwrap_or(now),
            correct: result.correct,
            total: result.total,
            pass_percent: result.pass_percent,
            time_used_ms: result.time_used_ms,
            per_domain: result.per_domain,
        });
        if self.history.len() > HISTORY_LIMIT {
            let excess = self.history.len() - HISTORY_LIMIT;
            self.history.drain(..excess);
        }
        self.last = Some(attempt);
    }

    /// Accuracy grouped by a key of the question (its domain, its clause...).
    pub fn accuracy_by(
        &self,
        bank: &[Question],
        key: impl Fn(&Question) -> String,
    ) -> BTreeMap<String, Tally> {
        let mut out: BTreeMap<String, Tally> = BTreeMap::new();
        for q in bank {
            if let Some(t) = self.stats.get(q.id) {
                out.entry(key(q)).or_default().add(*t);
            }
        }
        out
    }
}
