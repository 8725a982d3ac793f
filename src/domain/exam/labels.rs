//! Exam text as people read it: what a question tests (a clause or a concept topic, never an internal id)
//! in reading order, counts with their plurals, durations.

use std::cmp::Ordering;

use crate::domain::catalogue;

/// The heading of a clause or topic: "8.1 Operational planning and control" for a clause, the topic's
/// title for a concept topic; never the internal topic id.
pub fn subject_label(key: &str) -> String {
    if let Some(t) = catalogue::topic(key) {
        return t.title.to_string();
    }
    match catalogue::subject_title(key) {
        "Unknown" => "Other".to_string(),
        title => format!("{key} {title}"),
    }
}

/// The numbers of a clause ("10.2" -> [10, 2]); None for anything that is not a clause number.
fn clause_numbers(key: &str) -> Option<Vec<u32>> {
    key.split('.').map(|p| p.parse().ok()).collect()
}

/// Concept topics first, in the catalogue's order, then clauses by number (3 before 10), then anything else.
pub fn subject_order(a: &str, b: &str) -> Ordering {
    let rank = |k: &str| match (
        catalogue::TOPICS.iter().position(|t| t.id == k),
        clause_numbers(k),
    ) {
        (Some(i), _) => (0, i, Vec::new()),
        (None, Some(n)) => (1, 0, n),
        (None, None) => (2, 0, Vec::new()),
    };
    rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
}

/// The rows of a per-subject table, labelled and sorted for reading.
pub fn sorted_rows<'a, T>(rows: impl IntoIterator<Item = (&'a String, T)>) -> Vec<(String, T)> {
    let mut rows: Vec<(&String, T)> = rows.into_iter().collect();
    rows.sort_by(|a, b| subject_order(a.0, b.0));
    rows.into_iter()
        .map(|(k, v)| (subject_label(k), v))
        .collect()
}

/// "1 question", "2 questions".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A duration in words: "45 s", "3 min 05 s", "1 h 02 min".
pub fn duration_text(ms: f64) -> String {
    let s = if ms.is_finite() {
        (ms / 1000.0).round().max(0.0) as u64
    } else {
        0
    };
    match s {
        0..=59 => format!("{s} s"),
        60..=3599 => format!("{} min {:02} s", s / 60, s % 60),
        _ => format!("{} h {:02} min", s / 3600, (s % 3600) / 60),
    }
}
