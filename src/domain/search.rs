//! Search as you type over clauses, requirements, glossary terms and concept topics.
//!
//! Every word of the query must appear (case-insensitive, ASCII-folded) in an entry; title matches rank
//! first. The lower-cased text is prepared once, on the first search.

use std::sync::OnceLock;

use super::catalogue::{CLAUSES, GLOSSARY, REQUIREMENTS, TOPICS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HitKind {
    Clause,
    Term,
    Topic,
    Requirement,
}

impl HitKind {
    pub fn label(self) -> &'static str {
        match self {
            HitKind::Clause => "Clause",
            HitKind::Term => "Glossary",
            HitKind::Topic => "Concept",
            HitKind::Requirement => "Requirement",
        }
    }
}

/// One searchable entry: where it leads and its texts.
#[derive(Debug)]
struct Entry {
    kind: HitKind,
    /// Clause number, requirement id, term or topic id.
    key: &'static str,
    title: String,
    body: &'static str,
    title_lc: String,
    body_lc: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    pub key: &'static str,
    pub title: String,
    /// A short piece of text around the first match: (text, is_match) segments.
    pub snippet: Vec<(String, bool)>,
    /// The title split into (text, is_match) segments.
    pub title_marked: Vec<(String, bool)>,
}

fn index() -> &'static [Entry] {
    static INDEX: OnceLock<Vec<Entry>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut out = Vec::new();
        let mut push = |kind, key, title: String, body: &'static str| {
            out.push(Entry {
                kind,
                key,
                title_lc: title.to_lowercase(),
                body_lc: body.to_lowercase(),
                title,
                body,
            })
        };
        for c in CLAUSES {
            push(
                HitKind::Clause,
                c.number,
                format!("{} {}", c.number, c.title()),
                c.text().intent,
            );
        }
        for t in GLOSSARY {
            push(HitKind::Term, t.term, t.term.to_string(), t.definition);
        }
        for t in TOPICS {
            push(HitKind::Topic, t.id, t.title.to_string(), t.summary);
        }
        for r in REQUIREMENTS {
            push(
                HitKind::Requirement,
                r.id,
                format!("{} {}", r.id, r.title()),
                r.text().question,
            );
        }
        out
    })
}

/// Splits `text` into segments, marking every occurrence of any of `words` (already lower-case).
/// Matching works on the lower-cased text; `to_lowercase` can change byte lengths for some scripts, so
/// positions are only used when both strings have the same length, otherwise nothing is marked.
pub fn mark(text: &str, words: &[String]) -> Vec<(String, bool)> {
    let lc = text.to_lowercase();
    if lc.len() != text.len() {
        return vec![(text.to_string(), false)];
    }
    let mut marked = vec![false; text.len()];
    for w in words.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        while let Some(pos) = lc[from..].find(w.as_str()) {
            let start = from + pos;
            marked[start..start + w.len()]
                .iter_mut()
                .for_each(|m| *m = true);
            from = start + w.len();
        }
    }
    let mut segments: Vec<(String, bool)> = Vec::new();
    for (i, ch) in text.char_indices() {
        let m = marked[i];
        match segments.last_mut() {
            Some((s, lm)) if *lm == m => s.push(ch),
            _ => segments.push((ch.to_string(), m)),
        }
    }
    segments
}

fn snippet(body: &str, body_lc: &str, words: &[String]) -> Vec<(String, bool)> {
    const BEFORE: usize = 60;
    const LEN: usize = 180;
    let first = words
        .iter()
        .filter_map(|w| body_lc.find(w.as_str()))
        .min()
        .unwrap_or(0);
    let floor = |mut i: usize| {
        while i > 0 && !body.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = if body_lc.len() == body.len() {
        floor(first.saturating_sub(BEFORE))
    } else {
        0
    };
    let end = floor((start + LEN).min(body.len()));
    let mut piece = String::new();
    if start > 0 {
        piece.push('…');
    }
    piece.push_str(&body[start..end]);
    if end < body.len() {
        piece.push('…');
    }
    mark(&piece, words)
}

/// The query's words, lower-cased; empty when the query has nothing to search for.
pub fn words(query: &str) -> Vec<String> {
    query
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Entries matching every word of `query`, best first, at most `limit`.
pub fn search(query: &str, limit: usize) -> Vec<Hit> {
    let words = words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &Entry)> = index()
        .iter()
        .filter_map(|e| {
            let all = words
                .iter()
                .all(|w| e.title_lc.contains(w.as_str()) || e.body_lc.contains(w.as_str()));
            if !all {
                return None;
            }
            let in_title = words
                .iter()
                .filter(|w| e.title_lc.contains(w.as_str()))
                .count();
            // Rank: more words in the title first, then by kind (clauses and terms before requirements).
            Some(((words.len() - in_title) as u8, e))
        })
        .collect();
    hits.sort_by_key(|(rank, e)| (*rank, e.kind));
    hits.into_iter()
        .take(limit)
        .map(|(_, e)| Hit {
            kind: e.kind,
            key: e.key,
            title: e.title.clone(),
            title_marked: mark(&e.title, &words),
            snippet: snippet(e.body, &e.body_lc, &words),
        })
        .collect()
}
