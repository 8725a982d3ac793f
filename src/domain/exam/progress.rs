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

impl ExamStore {
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
            for i in 0..attempt.items.len() {
                // Unanswered questions in a mock exam count as missed.
                let correct = attempt.is_correct(i, bank) == Some(true);
                self.record_answer(&attempt.items[i].question.clone(), correct, day);
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
