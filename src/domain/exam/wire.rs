//! The question bank as a separate JSON file, fetched when the exam pages open, so that the first page
//! load does not carry 300-odd questions. build.rs validates the bank; `export` writes it; the browser
//! parses it once with `load` and keeps it for the life of the page.

use serde::{Deserialize, Serialize};

use crate::domain::catalogue::{Question, QuestionKind};

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct WireQuestion {
    id: String,
    domain: u8,
    clause: String,
    difficulty: u8,
    scenario: bool,
    stem: String,
    options: [String; 4],
    answer: u8,
    explanation: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct WireBank {
    catalogue: String,
    questions: Vec<WireQuestion>,
}

/// The bank as JSON, stamped with the catalogue version it belongs to.
pub fn export(bank: &[Question], catalogue_version: &str) -> String {
    let questions = bank
        .iter()
        .map(|q| WireQuestion {
            id: q.id.into(),
            domain: q.domain,
            clause: q.clause.into(),
            difficulty: q.difficulty,
            scenario: q.kind == QuestionKind::Scenario,
            stem: q.stem.into(),
            options: q.options.map(String::from),
            answer: q.answer,
            explanation: q.explanation.into(),
        })
        .collect();
    serde_json::to_string(&WireBank {
        catalogue: catalogue_version.into(),
        questions,
    })
    .unwrap_or_default()
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Why the downloaded question bank cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankError {
    /// Not the JSON this app writes (a damaged or truncated download).
    Unreadable,
    /// Written for another catalogue version: a stale copy next to a newer app, or the reverse.
    OtherVersion,
}

impl std::fmt::Display for BankError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BankError::Unreadable => "the question bank could not be read",
            BankError::OtherVersion => {
                "the question bank belongs to another version of this app: reload the page"
            }
        })
    }
}

impl std::error::Error for BankError {}

/// Parses the bank. Its strings are leaked on purpose: the bank is loaded once and lives as long as the page.
pub fn load(json: &str, catalogue_version: &str) -> Result<&'static [Question], BankError> {
    let bank: WireBank = serde_json::from_str(json).map_err(|_| BankError::Unreadable)?;
    if bank.catalogue != catalogue_version {
        return Err(BankError::OtherVersion);
    }
    let questions: Vec<Question> = bank
        .questions
        .into_iter()
        .map(|w| Question {
            id: leak(w.id),
            domain: w.domain,
            clause: leak(w.clause),
            difficulty: w.difficulty,
            kind: if w.scenario {
                QuestionKind::Scenario
            } else {
                QuestionKind::Knowledge
            },
            stem: leak(w.stem),
            options: w.options.map(leak),
            answer: w.answer.min(3),
            explanation: leak(w.explanation),
        })
        .collect();
    Ok(Box::leak(questions.into_boxed_slice()))
}
