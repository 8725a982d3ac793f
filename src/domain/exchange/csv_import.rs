//! Reading the answers CSV back, so that a team can fill answers in a spreadsheet and bring them in.
//!
//! The file must have the columns [`answers_csv`](super::answers_csv) writes, with the same header. Each
//! row is checked on its own and every problem is reported with its row number (the header is row 1, as a
//! spreadsheet counts); a file with any problem stores nothing. "Clause", "Title", "Score" and "Gap priority" are read for
//! nothing: they follow from the requirement and its rating.

use std::collections::BTreeSet;
use std::fmt;

use crate::domain::assessment::{
    ActionStatus, Answer, Assessment, DocStatus, Rating, Scale, MAX_TEXT,
};
use crate::domain::catalogue;
use crate::domain::export::csv::{ANSWER_HEADER, FORMULA_GUARD};

/// Largest answers CSV accepted: the full catalogue with long notes is well under this.
pub const MAX_CSV_BYTES: usize = 5 * 1024 * 1024;

/// One row that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row as a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    pub problem: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Row {}: {}", self.row, self.problem)
    }
}

/// Why an answers CSV was refused. Nothing is stored in any of these cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvImportError {
    TooLarge {
        bytes: usize,
    },
    NotUtf8,
    Empty,
    /// The first row is not the answers CSV's header.
    Header {
        found: Vec<String>,
    },
    /// A quoted cell is never closed.
    UnclosedQuote {
        row: usize,
    },
    Rows(Vec<RowError>),
}

impl fmt::Display for CsvImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvImportError::TooLarge { bytes } => write!(
                f,
                "This file is {:.1} MB; an answers CSV is far smaller (at most {} MB). Choose the CSV \
                 exported from an assessment.",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_CSV_BYTES / (1024 * 1024)
            ),
            CsvImportError::NotUtf8 => f.write_str(
                "This file is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8\" and try again.",
            ),
            CsvImportError::Empty => f.write_str("This file is empty."),
            CsvImportError::Header { found } => write!(
                f,
                "The first row should be the answers CSV's header ({}), but it is: {}. Start from a CSV \
                 exported with \"Answers (CSV)\" and keep its first row.",
                ANSWER_HEADER.join(", "),
                if found.is_empty() {
                    "empty".to_string()
                } else {
                    found.join(", ")
                }
            ),
            CsvImportError::UnclosedQuote { row } => write!(
                f,
                "Row {row}: a cell opens a double quote that is never closed. Check the row in your \
                 spreadsheet and save the file again."
            ),
            CsvImportError::Rows(rows) => {
                let n = rows.len();
                write!(
                    f,
                    "{n} {} cannot be read, so nothing was imported. Fix {} and try again:",
                    if n == 1 { "row" } else { "rows" },
                    if n == 1 { "it" } else { "them" }
                )?;
                for r in rows {
                    write!(f, "\n{r}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CsvImportError {}

/// The answers a CSV gives, one per row, in file order; a row whose cells are all blank gives a blank
/// answer (which clears that requirement).
#[derive(Debug, Clone, PartialEq)]
pub struct CsvAnswers {
    pub answers: Vec<(String, Answer)>,
}

impl CsvAnswers {
    /// Writes the rows into `assessment`: each requirement in the file gets the file's answer; the
    /// others keep theirs. Returns how many answers changed.
    pub fn apply(&self, assessment: &mut Assessment, now: f64) -> usize {
        let mut changed = 0;
        for (id, answer) in &self.answers {
            let before = assessment.answer(id).cloned().unwrap_or_default();
            if before != *answer {
                assessment.set_answer(id, answer.clone(), now);
                changed += 1;
            }
        }
        changed
    }
}

/// Reads an answers CSV for an assessment on `scale`.
pub fn import_answers_csv(bytes: &[u8], scale: Scale) -> Result<CsvAnswers, CsvImportError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CsvImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| CsvImportError::NotUtf8)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvImportError::Empty);
    }
    let records = parse(text)?;
    let Some((header, rows)) = records.split_first() else {
        return Err(CsvImportError::Empty);
    };
    let header: Vec<String> = header.iter().map(|c| c.trim().to_string()).collect();
    if header != ANSWER_HEADER {
        return Err(CsvImportError::Header { found: header });
    }
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    let mut answers = Vec::new();
    for (i, cells) in rows.iter().enumerate() {
        let row = i + 2;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue; // a blank line, as spreadsheets leave at the end
        }
        // A requirement named twice is refused even when its first row has other problems.
        let named = cells.get(col::ID).map(|c| unguard(c).trim().to_string());
        if let Some(id) = named.filter(|id| !id.is_empty() && !seen.insert(id.clone())) {
            errors.push(RowError {
                row,
                problem: format!("requirement {id} appears a second time; keep one row for it."),
            });
            continue;
        }
        match read_row(cells, scale) {
            Ok(answer) => answers.push(answer),
            Err(problems) => errors.extend(
                problems
                    .into_iter()
                    .map(|problem| RowError { row, problem }),
            ),
        }
    }
    if errors.is_empty() {
        Ok(CsvAnswers { answers })
    } else {
        Err(CsvImportError::Rows(errors))
    }
}

/// The columns, by their place in [`ANSWER_HEADER`].
mod col {
    pub const ID: usize = 1;
    pub const RATING: usize = 3;
    pub const NA: usize = 5;
    pub const NOTES: usize = 6;
    pub const EVIDENCE: usize = 7;
    pub const OWNER: usize = 8;
    pub const DUE: usize = 9;
    pub const ACTION: usize = 10;
    pub const STATUS: usize = 11;
    pub const DOCS: usize = 12;
}

fn read_row(cells: &[String], scale: Scale) -> Result<(String, Answer), Vec<String>> {
    if cells.len() != ANSWER_HEADER.len() {
        return Err(vec![format!(
            "it has {} cells, but the answers CSV has {} columns.",
            cells.len(),
            ANSWER_HEADER.len()
        )]);
    }
    let cell = |i: usize| unguard(&cells[i]);
    let mut problems = Vec::new();
    let id = cell(col::ID).trim().to_string();
    if id.is_empty() {
        problems.push(
            "the Requirement cell is empty; it should name a requirement such as 4.1.1.".into(),
        );
    } else if catalogue::requirement(&id).is_none() {
        problems.push(format!(
            "requirement \"{}\" is not in the catalogue; check the Requirement cell.",
            shorten(&id)
        ));
    }
    let rating = read_rating(cell(col::RATING).trim(), scale).unwrap_or_else(|p| {
        problems.push(p);
        None
    });
    let due = cell(col::DUE).trim().to_string();
    if !due.is_empty() && !is_date(&due) {
        problems.push(format!(
            "the due date \"{}\" is not a date in the form YYYY-MM-DD (for example 2026-12-31).",
            shorten(&due)
        ));
    }
    let status = cell(col::STATUS).trim().to_string();
    let action_status = if status.is_empty() {
        ActionStatus::Open
    } else {
        ActionStatus::ALL
            .into_iter()
            .find(|s| s.label().eq_ignore_ascii_case(&status))
            .unwrap_or_else(|| {
                problems.push(format!(
                    "the action status \"{}\" is not one of Open, In progress, Done.",
                    shorten(&status)
                ));
                ActionStatus::Open
            })
    };
    let docs = cell(col::DOCS).trim().to_string();
    let doc_status = if docs.is_empty() {
        None
    } else {
        DocStatus::ALL
            .into_iter()
            .find(|s| s.label().eq_ignore_ascii_case(&docs))
            .or_else(|| {
                problems.push(format!(
                    "the documented information \"{}\" is not one of Present, Partial, Missing (or empty).",
                    shorten(&docs)
                ));
                None
            })
    };
    let mut answer = Answer {
        rating,
        na_justification: cell(col::NA),
        notes: cell(col::NOTES),
        evidence: cell(col::EVIDENCE),
        owner: cell(col::OWNER),
        due,
        action: cell(col::ACTION),
        action_status,
        doc_status,
        ..Answer::default()
    };
    if !answer.has_plan() {
        // The export writes a status only beside a planned action; alone it means nothing.
        answer.action_status = ActionStatus::Open;
    }
    for (name, text) in [
        ("Not applicable because", &answer.na_justification),
        ("Notes", &answer.notes),
        ("Evidence", &answer.evidence),
        ("Owner", &answer.owner),
        ("Planned action", &answer.action),
    ] {
        let chars = text.chars().count();
        if chars > MAX_TEXT {
            problems.push(format!(
                "the {name} cell has {chars} characters; at most {MAX_TEXT} are accepted."
            ));
        }
    }
    if problems.is_empty() {
        Ok((id, answer))
    } else {
        Err(problems)
    }
}

/// A rating from its label as the CSV writes it ("Partially in place", "Level 2: Managed"), its code
/// ("partial", "level_2"), or, on the capability scale, a bare level digit. Empty or "Not assessed" is no
/// rating.
fn read_rating(text: &str, scale: Scale) -> Result<Option<Rating>, String> {
    if text.is_empty() || text.eq_ignore_ascii_case(NOT_ASSESSED) {
        return Ok(None);
    }
    let mut choices = scale.ratings();
    choices.push(Rating::NotApplicable);
    let by_label = choices
        .iter()
        .copied()
        .find(|r| r.label().eq_ignore_ascii_case(text) || r.to_string().eq_ignore_ascii_case(text));
    let by_level = match scale {
        Scale::Capability => text
            .parse::<u8>()
            .ok()
            .filter(|l| *l <= 5)
            .map(Rating::Level),
        Scale::Conformity => None,
    };
    by_label.or(by_level).map(Some).ok_or_else(|| {
        let accepted: Vec<String> = choices.iter().map(|r| r.label()).collect();
        format!(
            "the rating \"{}\" is not one of this assessment's ratings ({}, or {NOT_ASSESSED}).",
            shorten(text),
            accepted.join(", ")
        )
    })
}

/// The CSV's word for a requirement without a rating.
const NOT_ASSESSED: &str = "Not assessed";

/// Undoes the export's guard against formulas: one leading apostrophe is dropped.
fn unguard(cell: &str) -> String {
    cell.strip_prefix(FORMULA_GUARD).unwrap_or(cell).to_string()
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(y, 4), number(m, 2), number(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

/// RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks; a record ends at CRLF
/// or LF.
fn parse(text: &str) -> Result<Vec<Vec<String>>, CsvImportError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut quote_opened_at = 0;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => {
                quoted = true;
                quote_opened_at = records.len() + 1;
            }
            ',' => record.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvImportError::UnclosedQuote {
            row: quote_opened_at,
        });
    }
    if !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        records.push(record);
    }
    Ok(records)
}
