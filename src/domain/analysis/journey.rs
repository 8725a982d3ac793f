//! Where an assessment stands on the certification journey (the steps in src/content/journey.toml).

use super::scoring::{meets, Scorecard, Verdict};
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::{requirements_within, JOURNEY};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Done,
    InProgress,
    Blocked,
    NotYet,
}

impl StepState {
    pub fn label(self) -> &'static str {
        match self {
            StepState::Done => "Done",
            StepState::InProgress => "In progress",
            StepState::Blocked => "Blocked",
            StepState::NotYet => "Not yet",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepStatus {
    pub id: &'static str,
    pub title: &'static str,
    pub state: StepState,
    pub note: String,
}

/// True when every requirement within `clause` is answered and meets the assessment's target.
fn meets_target(a: &Assessment, clause: &str) -> bool {
    let target = a.target.value().unwrap_or(0.0);
    requirements_within(clause).all(|r| {
        a.rating(r.id)
            .and_then(|x| x.value())
            .is_some_and(|v| meets(v, target))
    })
}

/// What remains before no blocker is left: findings to close first, then what is still to assess.
fn implement_note(verdict: &Verdict) -> String {
    let findings = verdict.findings().count();
    let open = verdict.still_to_assess();
    let findings = match findings {
        0 => "No finding to close".to_string(),
        1 => "1 finding to close".to_string(),
        n => format!("{n} findings to close"),
    };
    let open = match open {
        0 => String::new(),
        1 => "; 1 requirement still to assess".to_string(),
        n => format!("; {n} requirements still to assess"),
    };
    format!("{findings}{open}.")
}

/// Reads the assessment against each step. The internal audit (9.2) and management review (9.3) gate
/// the certification audit: if they are not in place, the journey stops before Stage 1.
pub fn journey(a: &Assessment) -> Vec<StepStatus> {
    journey_with(a, &Scorecard::of(a), &Verdict::of(a))
}

/// [`journey`] from the assessment's scorecard and verdict, already computed (`Scorecard::of(a)` and
/// `Verdict::of(a)`), for a page that shows them too.
pub fn journey_with(a: &Assessment, card: &Scorecard, verdict: &Verdict) -> Vec<StepStatus> {
    let completion = card.overall.completion();
    let scope_ok = meets_target(a, "4.3");
    let operate = card.clause("8");
    let checks_ok = meets_target(a, "9.2") && meets_target(a, "9.3");
    JOURNEY
        .iter()
        .map(|s| {
            let (state, note) = match s.id {
                "scope" if scope_ok => (StepState::Done, "The SMS scope (4.3) meets the target.".to_string()),
                "scope" => (StepState::InProgress, "Define and document the SMS scope (4.3) first.".to_string()),
                "gap" if completion >= 1.0 => (StepState::Done, "Every requirement is assessed.".to_string()),
                "gap" => (StepState::InProgress, format!("{:.0} % of requirements assessed.", completion * 100.0)),
                "implement" if verdict.ready() => (StepState::Done, "No blocker remains.".to_string()),
                "implement" => (StepState::InProgress, implement_note(verdict)),
                "operate" => match operate.score() {
                    Some(v) if v >= 0.8 => (StepState::Done, "Operational processes (clause 8) score 80 % or more.".to_string()),
                    Some(v) => (StepState::InProgress, format!("Operational processes (clause 8) score {:.0} %.", v * 100.0)),
                    None => (StepState::NotYet, "Clause 8 is not assessed yet.".to_string()),
                },
                "check" if checks_ok => (StepState::Done, "Internal audit (9.2) and management review (9.3) meet the target.".to_string()),
                "check" => (
                    StepState::Blocked,
                    "Internal audit (9.2) or management review (9.3) is not in place: the journey stops before Stage 1.".to_string(),
                ),
                "certify" if verdict.ready() && checks_ok => (StepState::InProgress, "Ready to book the Stage 1 audit.".to_string()),
                "certify" => (StepState::NotYet, "Not before every blocker is closed.".to_string()),
                _ => (StepState::NotYet, "After certification.".to_string()),
            };
            StepStatus { id: s.id, title: s.title, state, note }
        })
        .collect()
}
