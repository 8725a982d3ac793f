//! CSV for spreadsheets (RFC 4180): every answer (with its gap priority when it is a gap), and the action
//! plan in the analysis' order.
//!
//! - UTF-8 with a byte order mark, so Excel detects the encoding instead of guessing a legacy code page.
//! - CRLF after every record; a field containing a comma, a double quote, CR or LF is put in double quotes,
//!   with each double quote doubled.
//! - Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some also treat
//!   a leading tab or CR that way) as a formula, so a note such as `=HYPERLINK(...)` written by someone
//!   else could act when the file is opened. Such cells get a leading `'`, which spreadsheets show as
//!   text; the price is a visible `'` before notes that start with, for example, a dash.

use crate::domain::analysis::{doc_status_label, rating_label, Analysis};
use crate::domain::assessment::{Answer, Assessment};
use crate::domain::catalogue::{self, REQUIREMENTS};

const BOM: &str = "\u{FEFF}";
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// Put before a cell that a spreadsheet would run as a formula, and before a cell that starts with itself,
/// so that reading the CSV back drops exactly one.
pub(crate) const FORMULA_GUARD: char = '\'';

pub(crate) const ANSWER_HEADER: [&str; 14] = [
    "Clause",
    "Requirement",
    "Title",
    "Rating",
    "Score",
    "Not applicable because",
    "Notes",
    "Evidence",
    "Owner",
    "Due date",
    "Planned action",
    "Action status",
    "Documented information",
    "Gap priority",
];

const ACTION_HEADER: [&str; 7] = [
    "Clause",
    "Requirement",
    "Title",
    "Action",
    "Owner",
    "Due date",
    "Status",
];

/// One row per requirement of the catalogue, in its order, then any answered requirement the catalogue
/// does not know (so nothing in the assessment is left out).
pub fn answers_csv(a: &Assessment) -> String {
    answers_csv_of(a, &Analysis::of(a))
}

/// [`answers_csv`] with the analysis already computed; "Gap priority" is filled for the analysis' gaps.
pub fn answers_csv_of(a: &Assessment, analysis: &Analysis) -> String {
    let mut csv = Csv::with_header(&ANSWER_HEADER);
    for (clause, id, title) in rows_of(a) {
        let priority = analysis
            .gaps
            .iter()
            .find(|g| g.requirement.id == id)
            .map(|g| g.priority_label())
            .unwrap_or_default();
        csv.record(&answer_row(clause, id, title, a.answer(id), priority));
    }
    csv.finish()
}

/// The action plan of the whole catalogue, in the analysis' order.
pub fn action_plan_csv(a: &Assessment) -> String {
    action_plan_csv_of(a, &Analysis::of(a))
}

/// One row per planned action, in the order of the analysis' action plan (the app's and the report's),
/// then planned actions on requirements this catalogue version does not know.
pub fn action_plan_csv_of(a: &Assessment, analysis: &Analysis) -> String {
    let mut csv = Csv::with_header(&ACTION_HEADER);
    for item in &analysis.action_plan {
        let r = item.requirement;
        csv.record(&[
            r.clause,
            r.id,
            r.title(),
            &item.action,
            &item.owner,
            &item.due,
            item.status.label(),
        ]);
    }
    for (clause, id, title) in rows_of(a).into_iter().filter(|(c, _, _)| c.is_empty()) {
        let Some(x) = a.answer(id).filter(|x| x.has_plan()) else {
            continue;
        };
        csv.record(&[
            clause,
            id,
            title,
            &x.action,
            &x.owner,
            &x.due,
            x.action_status.label(),
        ]);
    }
    csv.finish()
}

/// Clause, id and title of every catalogue requirement, then of answered ids the catalogue lacks.
fn rows_of(a: &Assessment) -> Vec<(&str, &str, &str)> {
    let known = REQUIREMENTS.iter().map(|r| (r.clause, r.id, r.title()));
    let unknown = a
        .answers
        .keys()
        .filter(|id| catalogue::requirement(id).is_none())
        .map(|id| ("", id.as_str(), "(not in this version's catalogue)"));
    known.chain(unknown).collect()
}

fn answer_row(
    clause: &str,
    id: &str,
    title: &str,
    answer: Option<&Answer>,
    priority: String,
) -> Vec<String> {
    let blank = Answer::default();
    let x = answer.unwrap_or(&blank);
    let rating = rating_label(x.rating);
    let score = x
        .rating
        .and_then(|r| r.value())
        .map_or(String::new(), |v| format!("{:.0}", v * 100.0));
    let status = if x.has_plan() {
        x.action_status.label()
    } else {
        ""
    };
    vec![
        clause.into(),
        id.into(),
        title.into(),
        rating,
        score,
        x.na_justification.clone(),
        x.notes.clone(),
        x.evidence.clone(),
        x.owner.clone(),
        x.due.clone(),
        x.action.clone(),
        status.into(),
        x.doc_status
            .map_or("", |s| doc_status_label(Some(s)))
            .into(),
        priority,
    ]
}

/// A CSV text being written.
struct Csv(String);

impl Csv {
    fn with_header(header: &[&str]) -> Csv {
        let mut csv = Csv(BOM.to_string());
        csv.record(header);
        csv
    }

    fn record<S: AsRef<str>>(&mut self, cells: &[S]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.0.push_str(&field(cell.as_ref()));
        }
        self.0.push_str("\r\n");
    }

    fn finish(self) -> String {
        self.0
    }
}

/// One cell, defused against formula injection, then quoted if RFC 4180 requires it.
fn field(cell: &str) -> String {
    let text = if cell.starts_with(FORMULA_STARTS) || cell.starts_with(FORMULA_GUARD) {
        format!("{FORMULA_GUARD}{cell}")
    } else {
        cell.to_string()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
