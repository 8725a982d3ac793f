//! One exam or practice session: which questions, in which order, the answers given, the timer, grading.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::rng::Rng;
use crate::domain::catalogue::Question;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Timed, no feedback until submission.
    Mock,
    /// One question at a time with immediate feedback.
    Practice,
    /// Questions from the weak-spots queue.
    Drill,
}

impl Mode {
    /// Practice and drills show the answer as soon as one is chosen; a mock exam waits for submission.
    pub fn gives_feedback(self) -> bool {
        self != Mode::Mock
    }

    pub fn label(self) -> &'static str {
        match self {
            Mode::Mock => "Mock exam",
            Mode::Practice => "Practice",
            Mode::Drill => "Weak-spot drill",
        }
    }
}

/// How an exam is put together. The defaults are the published Foundation format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamConfig {
    pub count: usize,
    /// Time allowed; 0 means untimed.
    pub minutes: u32,
    pub pass_percent: u32,
    pub seed: String,
    /// Restrict to these domains (empty: all).
    #[serde(default)]
    pub domains: Vec<u8>,
    /// Restrict to questions within these clauses or topics (empty: all).
    #[serde(default)]
    pub clauses: Vec<String>,
}

impl Default for ExamConfig {
    fn default() -> Self {
        ExamConfig {
            count: 40,
            minutes: 60,
            pass_percent: 65,
            seed: String::new(),
            domains: Vec::new(),
            clauses: Vec::new(),
        }
    }
}

pub const MAX_QUESTIONS: usize = 200;
pub const MAX_MINUTES: u32 = 600;

/// Why a typed-in exam configuration was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigError {
    NoQuestions,
    TooManyQuestions,
    TooManyMinutes,
    PassMarkOutOfRange,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::NoQuestions => write!(f, "An exam needs at least one question."),
            ConfigError::TooManyQuestions => {
                write!(f, "At most {MAX_QUESTIONS} questions per exam.")
            }
            ConfigError::TooManyMinutes => write!(f, "At most {MAX_MINUTES} minutes."),
            ConfigError::PassMarkOutOfRange => {
                write!(f, "The pass mark is a percentage from 1 to 100.")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

impl ExamConfig {
    /// Refuses out-of-range user-typed values and tidies the seed.
    pub fn checked(mut self) -> Result<ExamConfig, ConfigError> {
        if self.count == 0 {
            return Err(ConfigError::NoQuestions);
        }
        if self.count > MAX_QUESTIONS {
            return Err(ConfigError::TooManyQuestions);
        }
        if self.minutes > MAX_MINUTES {
            return Err(ConfigError::TooManyMinutes);
        }
        if !(1..=100).contains(&self.pass_percent) {
            return Err(ConfigError::PassMarkOutOfRange);
        }
        self.seed = self.seed.trim().chars().take(64).collect();
        Ok(self)
    }

    /// Whether a question falls within the chosen domains and clauses or topics.
    pub fn admits(&self, q: &Question) -> bool {
        (self.domains.is_empty() || self.domains.contains(&q.domain))
            && (self.clauses.is_empty()
                || self
                    .clauses
                    .iter()
                    .any(|c| crate::domain::catalogue::is_within(q.clause, c)))
    }
}

/// One question as shown: its id and the order its options are displayed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamItem {
    pub question: String,
    /// `order[k]` is the bank index of the option shown in position k.
    pub order: [u8; 4],
}

impl ExamItem {
    /// The displayed position of the correct answer.
    pub fn correct_position(&self, q: &Question) -> usize {
        self.order.iter().position(|&o| o == q.answer).unwrap_or(0)
    }
}

/// Splits `count` over groups in proportion to their sizes (largest remainder), never more than a group has.
pub fn proportional(count: usize, sizes: &[usize]) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    if total == 0 {
        return vec![0; sizes.len()];
    }
    let count = count.min(total);
    let mut shares: Vec<usize> = sizes.iter().map(|s| count * s / total).collect();
    let mut rest: Vec<(usize, usize)> = sizes
        .iter()
        .enumerate()
        .map(|(i, s)| ((count * s) % total, i))
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut left = count - shares.iter().sum::<usize>();
    for (_, i) in rest {
        if left == 0 {
            break;
        }
        if shares[i] < sizes[i] {
            shares[i] += 1;
            left -= 1;
        }
    }
    shares
}

/// Draws `config.count` questions (fewer if the selection is smaller) in proportion to the bank's
/// domains, then shuffles questions and options. The same bank, config and seed give the same exam.
pub fn assemble(bank: &[Question], config: &ExamConfig) -> Vec<ExamItem> {
    let mut rng = Rng::from_text(&config.seed);
    let mut by_domain: BTreeMap<u8, Vec<&Question>> = BTreeMap::new();
    for q in bank.iter().filter(|q| config.admits(q)) {
        by_domain.entry(q.domain).or_default().push(q);
    }
    let sizes: Vec<usize> = by_domain.values().map(Vec::len).collect();
    let shares = proportional(config.count, &sizes);
    let mut picked: Vec<&Question> = Vec::new();
    for (mut pool, take) in by_domain.into_values().zip(shares) {
        rng.shuffle(&mut pool);
        picked.extend(pool.into_iter().take(take));
    }
    rng.shuffle(&mut picked);
    picked
        .into_iter()
        .map(|q| {
            let mut order = [0u8, 1, 2, 3];
            rng.shuffle(&mut order);
            ExamItem {
                question: q.id.to_string(),
                order,
            }
        })
        .collect()
}

/// Items for an explicit list of question ids (a weak-spot drill), options shuffled with the seed.
pub fn items_for(ids: &[String], seed: &str) -> Vec<ExamItem> {
    let mut rng = Rng::from_text(seed);
    ids.iter()
        .map(|id| {
            let mut order = [0u8, 1, 2, 3];
            rng.shuffle(&mut order);
            ExamItem {
                question: id.clone(),
                order,
            }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: String,
    pub mode: Mode,
    pub config: ExamConfig,
    pub items: Vec<ExamItem>,
    /// Displayed position chosen for each item.
    pub answers: Vec<Option<u8>>,
    pub flags: Vec<bool>,
    pub started: f64,
    pub submitted: Option<f64>,
}

impl Attempt {
    pub fn new(
        id: String,
        mode: Mode,
        config: ExamConfig,
        items: Vec<ExamItem>,
        now: f64,
    ) -> Attempt {
        let n = items.len();
        Attempt {
            id,
            mode,
            config,
            items,
            answers: vec![None; n],
            flags: vec![false; n],
            started: now,
            submitted: None,
        }
    }

    /// When the time runs out, for a timed exam.
    pub fn deadline(&self) -> Option<f64> {
        (self.config.minutes > 0).then(|| self.started + f64::from(self.config.minutes) * 60_000.0)
    }

    /// Milliseconds left (never negative), or None when untimed.
    pub fn remaining(&self, now: f64) -> Option<f64> {
        self.deadline().map(|d| (d - now).max(0.0))
    }

    pub fn is_expired(&self, now: f64) -> bool {
        self.remaining(now) == Some(0.0)
    }

    /// Records an answer; refused once submitted or after the deadline.
    pub fn answer(&mut self, index: usize, position: u8, now: f64) -> bool {
        if self.submitted.is_some() || self.is_expired(now) || position > 3 {
            return false;
        }
        match self.answers.get_mut(index) {
            Some(slot) => {
                *slot = Some(position);
                true
            }
            None => false,
        }
    }

    /// The displayed position chosen for question `index`, if any.
    pub fn answer_at(&self, index: usize) -> Option<u8> {
        self.answers.get(index).copied().flatten()
    }

    pub fn is_flagged(&self, index: usize) -> bool {
        self.flags.get(index).copied().unwrap_or(false)
    }

    pub fn answered_count(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    pub fn unanswered_count(&self) -> usize {
        self.items.len().saturating_sub(self.answered_count())
    }

    pub fn flagged_count(&self) -> usize {
        self.flags.iter().filter(|f| **f).count()
    }

    pub fn first_unanswered(&self) -> Option<usize> {
        (0..self.items.len()).find(|&i| self.answer_at(i).is_none())
    }

    pub fn first_flagged(&self) -> Option<usize> {
        (0..self.items.len()).find(|&i| self.is_flagged(i))
    }

    /// Whether question `index` counts in the score: every question of a mock exam (unanswered is
    /// wrong), only the answered ones in practice and drills (finishing early is not failing).
    pub fn is_scored(&self, index: usize) -> bool {
        index < self.items.len() && (self.mode == Mode::Mock || self.answer_at(index).is_some())
    }

    /// The questions to try again: scored and not answered right, in the order they were asked.
    pub fn missed_questions(&self, bank: &[Question]) -> Vec<String> {
        self.items
            .iter()
            .enumerate()
            .filter(|(i, _)| self.is_scored(*i) && self.is_correct(*i, bank) != Some(true))
            .map(|(_, item)| item.question.clone())
            .collect()
    }

    /// Checks what was read from storage before any of it is used: one entry per question in `answers`
    /// and `flags`, answers within the four options, each option order a permutation, finite times.
    pub fn validate(&self) -> Result<(), AttemptProblem> {
        let n = self.items.len();
        if self.answers.len() != n || self.flags.len() != n {
            return Err(AttemptProblem::LengthMismatch);
        }
        if self.answers.iter().flatten().any(|&p| p > 3) {
            return Err(AttemptProblem::AnswerOutOfRange);
        }
        for item in &self.items {
            let mut o = item.order;
            o.sort_unstable();
            if o != [0, 1, 2, 3] {
                return Err(AttemptProblem::BadOptionOrder);
            }
        }
        if !self.started.is_finite() || self.submitted.is_some_and(|s| !s.is_finite()) {
            return Err(AttemptProblem::BadTime);
        }
        Ok(())
    }

    pub fn toggle_flag(&mut self, index: usize) {
        if let Some(f) = self.flags.get_mut(index) {
            *f = !*f;
        }
    }

    /// Submits the attempt; a submission after the deadline counts as submitted at the deadline.
    pub fn submit(&mut self, now: f64) {
        if self.submitted.is_none() {
            self.submitted = Some(self.deadline().map_or(now, |d| now.min(d)));
        }
    }

    /// Submits by itself once time is up; returns true when it did so.
    pub fn auto_submit(&mut self, now: f64) -> bool {
        if self.submitted.is_none() && self.is_expired(now) {
            self.submit(now);
            true
        } else {
            false
        }
    }

    pub fn is_correct(&self, index: usize, bank: &[Question]) -> Option<bool> {
        let item = self.items.get(index)?;
        let q = bank.iter().find(|q| q.id == item.question)?;
        let chosen = self.answers.get(index).copied().flatten()?;
        Some(usize::from(chosen) == item.correct_position(q))
    }

    pub fn grade(&self, bank: &[Question]) -> ExamResult {
        let mut result = ExamResult {
            total: self.items.len(),
            pass_percent: self.config.pass_percent,
            time_used_ms: self.submitted.map(|s| s - self.started).unwrap_or(0.0),
            ..Default::default()
        };
        result.total = (0..self.items.len()).filter(|&i| self.is_scored(i)).count();
        result.unanswered = self.unanswered_count();
        for (i, item) in self.items.iter().enumerate() {
            if !self.is_scored(i) {
                continue;
            }
            let Some(q) = bank.iter().find(|q| q.id == item.question) else {
                continue;
            };
            let ok = self.is_correct(i, bank) == Some(true);
            result.correct += usize::from(ok);
            for (key, map) in [
                (q.domain.to_string(), &mut result.per_domain),
                (q.clause.to_string(), &mut result.per_clause),
            ] {
                let e = map.entry(key).or_default();
                e.0 += usize::from(ok);
                e.1 += 1;
            }
        }
        result
    }
}

/// Why an attempt read from storage cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptProblem {
    LengthMismatch,
    AnswerOutOfRange,
    BadOptionOrder,
    BadTime,
}

impl std::fmt::Display for AttemptProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AttemptProblem::LengthMismatch => "the answers and flags do not match the questions",
            AttemptProblem::AnswerOutOfRange => "an answer points to an option that does not exist",
            AttemptProblem::BadOptionOrder => "the order of a question's options is damaged",
            AttemptProblem::BadTime => "the start or end time is damaged",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ExamResult {
    pub correct: usize,
    /// Questions scored: all of a mock exam, the answered ones of a practice session or drill.
    pub total: usize,
    /// Questions left unanswered (wrong in a mock exam, not scored in practice).
    #[serde(default)]
    pub unanswered: usize,
    pub pass_percent: u32,
    pub time_used_ms: f64,
    /// Domain ("1", "2") to (correct, asked).
    pub per_domain: BTreeMap<String, (usize, usize)>,
    /// Clause or topic to (correct, asked).
    pub per_clause: BTreeMap<String, (usize, usize)>,
}

/// Correct answers as a percentage of the questions (0 for none).
pub fn score_percent(correct: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        correct as f64 * 100.0 / total as f64
    }
}

/// Passed when the score reaches the pass mark (26 of 40 at 65 % passes), in whole numbers.
pub fn reaches_pass_mark(correct: usize, total: usize, pass_percent: u32) -> bool {
    total > 0 && correct * 100 >= total * pass_percent as usize
}

impl ExamResult {
    pub fn percent(&self) -> f64 {
        score_percent(self.correct, self.total)
    }

    pub fn passed(&self) -> bool {
        reaches_pass_mark(self.correct, self.total, self.pass_percent)
    }
}
