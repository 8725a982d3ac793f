//! The shape of a translation of the content (`src/content/i18n/<lang>/`) and the rules it must obey.
//!
//! A translation mirrors the English files: the same entries, keyed by id (clause number, requirement id,
//! question id, English glossary term...), with only the fields a reader sees. Ids, weights, answers and
//! clause links are shared with English, so a mock exam or a score is the same in every language.
//!
//! Shared by `build.rs` (which refuses a build with an incomplete or inconsistent translation) and the
//! native tests. Like `content_schema.rs`, it depends on serde only.

use super::content_schema::{read_toml, toml_files, RawContent, RawGuide, TomlParser};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The languages besides English, with the folder of each under `src/content/i18n/`.
pub const LANGUAGES: &[&str] = &["de", "el"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrClause {
    pub number: String,
    pub title: String,
    pub intent: String,
    pub typical_finding: Option<String>,
}

/// A concept topic or a journey step.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrTerm {
    /// The English term this translates (the glossary's key).
    pub en: String,
    pub term: String,
    pub definition: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrGuide {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub section: Vec<TrSection>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrSection {
    pub heading: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub points: Vec<String>,
    pub table: Option<TrTable>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrTable {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrRequirement {
    pub id: String,
    pub title: String,
    pub question: String,
    pub guidance: String,
    pub evidence: Vec<String>,
    pub doc_item: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrQuestion {
    pub id: String,
    pub stem: String,
    pub options: Vec<String>,
    pub explanation: String,
}

/// An entry of a language's terminology list: the English term and the one every translation uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    pub en: String,
    pub tr: String,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Clauses {
    clause: Vec<TrClause>,
}
#[derive(Debug, Deserialize)]
struct Topics {
    topic: Vec<TrSummary>,
}
#[derive(Debug, Deserialize)]
struct Journey {
    step: Vec<TrSummary>,
}
#[derive(Debug, Deserialize)]
struct Glossary {
    term: Vec<TrTerm>,
}
#[derive(Debug, Deserialize)]
struct Guides {
    guide: Vec<TrGuide>,
}
#[derive(Debug, Deserialize)]
struct Requirements {
    requirement: Vec<TrRequirement>,
}
#[derive(Debug, Deserialize)]
struct Questions {
    question: Vec<TrQuestion>,
}
#[derive(Debug, Deserialize)]
struct Terms {
    term: Vec<TermEntry>,
}

/// One language's translation of all content.
#[derive(Debug, Clone, Default)]
pub struct Translation {
    pub lang: String,
    pub terms: Vec<TermEntry>,
    pub clauses: Vec<TrClause>,
    pub topics: Vec<TrSummary>,
    pub journey: Vec<TrSummary>,
    pub glossary: Vec<TrTerm>,
    pub guides: Vec<TrGuide>,
    pub requirements: Vec<TrRequirement>,
    pub questions: Vec<TrQuestion>,
}

/// Reads `dir/<lang>/` (`dir` is `src/content/i18n`), with the same file layout as the English content.
pub fn load(
    dir: &std::path::Path,
    lang: &str,
    parser: &impl TomlParser,
) -> Result<Translation, String> {
    let root = dir.join(lang);
    let mut requirements = Vec::new();
    for path in toml_files(&root.join("requirements"))? {
        requirements.extend(read_toml::<Requirements>(&path, parser)?.requirement);
    }
    let mut questions = Vec::new();
    for path in toml_files(&root.join("questions"))? {
        questions.extend(read_toml::<Questions>(&path, parser)?.question);
    }
    Ok(Translation {
        lang: lang.to_string(),
        terms: read_toml::<Terms>(&root.join("terms.toml"), parser)?.term,
        clauses: read_toml::<Clauses>(&root.join("clauses.toml"), parser)?.clause,
        topics: read_toml::<Topics>(&root.join("topics.toml"), parser)?.topic,
        journey: read_toml::<Journey>(&root.join("journey.toml"), parser)?.step,
        glossary: read_toml::<Glossary>(&root.join("glossary.toml"), parser)?.term,
        guides: read_toml::<Guides>(&root.join("guides.toml"), parser)?.guide,
        requirements,
        questions,
    })
}

/// Common English words that do not occur in German or Greek prose: three or more in a field means English
/// was left in it.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "that", "with", "which", "for", "are", "this", "have", "from", "their", "what",
    "does", "when", "should", "there", "been", "were", "your",
];

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Why a translated text is not acceptable, if it is not: empty, left identical to a sentence of English,
/// still in English, or (in Greek) without a Greek letter.
pub fn text_problem(lang: &str, en: &str, tr: &str) -> Option<&'static str> {
    if tr.trim().is_empty() {
        return Some("is empty");
    }
    let en_words = words(en).filter(|w| w.len() >= 3).count();
    if en_words < 4 {
        return None; // a name or a code: it may stay as it is
    }
    if tr.trim() == en.trim() {
        return Some("is identical to the English");
    }
    let english = words(tr)
        .filter(|w| ENGLISH_WORDS.contains(&w.to_lowercase().as_str()))
        .count();
    if english >= 3 {
        return Some("still contains English");
    }
    if lang == "el" && !tr.chars().any(|c| ('\u{0370}'..='\u{03ff}').contains(&c)) {
        return Some("has no Greek letter");
    }
    None
}

struct Check<'a> {
    lang: &'a str,
    errors: Vec<String>,
}

impl Check<'_> {
    fn text(&mut self, what: &str, en: &str, tr: &str) {
        if let Some(problem) = text_problem(self.lang, en, tr) {
            self.errors.push(format!("{}: {what} {problem}", self.lang));
        }
    }

    fn optional(&mut self, what: &str, en: &Option<String>, tr: &Option<String>) {
        match (en, tr) {
            (Some(en), Some(tr)) => self.text(what, en, tr),
            (None, None) => {}
            (Some(_), None) => self
                .errors
                .push(format!("{}: {what} is missing", self.lang)),
            (None, Some(_)) => self
                .errors
                .push(format!("{}: {what} is not in the English", self.lang)),
        }
    }

    fn list(&mut self, what: &str, en: &[String], tr: &[String]) {
        if en.len() != tr.len() {
            self.errors.push(format!(
                "{}: {what} has {} entries, the English {}",
                self.lang,
                tr.len(),
                en.len()
            ));
            return;
        }
        for (i, (e, t)) in en.iter().zip(tr).enumerate() {
            self.text(&format!("{what}[{i}]"), e, t);
        }
    }

    /// A title may be short ("Design", "General"): only emptiness is checked.
    fn title(&mut self, what: &str, tr: &str) {
        if tr.trim().is_empty() {
            self.errors.push(format!("{}: {what} is empty", self.lang));
        }
    }

    /// Every English entry has exactly one translation and no translation has a key English lacks; returns
    /// each English entry with its translation, in the English order.
    fn pairs<'e, 't, E, T>(
        &mut self,
        kind: &str,
        english: &'e [E],
        en_key: impl Fn(&E) -> &str,
        tr: &'t [T],
        tr_key: impl Fn(&T) -> &str,
    ) -> Vec<(&'e E, &'t T)> {
        let mut by_key = BTreeMap::new();
        for t in tr {
            if by_key.insert(tr_key(t), t).is_some() {
                self.errors.push(format!(
                    "{}: {kind} {} is translated twice",
                    self.lang,
                    tr_key(t)
                ));
            }
        }
        let english_keys: BTreeSet<&str> = english.iter().map(&en_key).collect();
        for k in by_key.keys() {
            if !english_keys.contains(k) {
                self.errors.push(format!(
                    "{}: {kind} {k} is not in the English content",
                    self.lang
                ));
            }
        }
        let mut out = Vec::new();
        for e in english {
            match by_key.get(en_key(e)) {
                Some(t) => out.push((e, *t)),
                None => self.errors.push(format!(
                    "{}: {kind} {} has no translation",
                    self.lang,
                    en_key(e)
                )),
            }
        }
        out
    }

    fn guide(&mut self, en: &RawGuide, tr: &TrGuide) {
        let g = &en.id;
        self.text(&format!("guide {g} title"), &en.title, &tr.title);
        self.text(&format!("guide {g} summary"), &en.summary, &tr.summary);
        if en.section.len() != tr.section.len() {
            self.errors.push(format!(
                "{}: guide {g} has {} sections, the English {}",
                self.lang,
                tr.section.len(),
                en.section.len()
            ));
            return;
        }
        for (i, (e, t)) in en.section.iter().zip(&tr.section).enumerate() {
            let at = format!("guide {g} section {}", i + 1);
            self.text(&format!("{at} heading"), &e.heading, &t.heading);
            self.list(&format!("{at} paragraphs"), &e.paragraphs, &t.paragraphs);
            self.list(&format!("{at} points"), &e.points, &t.points);
            match (&e.table, &t.table) {
                (None, None) => {}
                (Some(e), Some(t)) => {
                    self.text(&format!("{at} table caption"), &e.caption, &t.caption);
                    self.list(&format!("{at} table columns"), &e.columns, &t.columns);
                    let same_shape = e.rows.len() == t.rows.len()
                        && e.rows.iter().zip(&t.rows).all(|(a, b)| a.len() == b.len());
                    if !same_shape {
                        self.errors.push(format!(
                            "{}: {at} table rows differ in number or cells from the English",
                            self.lang
                        ));
                    }
                    for (r, row) in t.rows.iter().enumerate() {
                        if row.iter().any(|cell| cell.trim().is_empty()) {
                            self.errors.push(format!(
                                "{}: {at} table row {} has an empty cell",
                                self.lang,
                                r + 1
                            ));
                        }
                    }
                }
                _ => self.errors.push(format!(
                    "{}: {at} has a table in one language only",
                    self.lang
                )),
            }
        }
    }
}

/// The parts of a terms-list entry ("problem / known error" gives two), without parenthesised
/// abbreviations or notes, lowercased: what a glossary term must equal.
pub fn term_parts(list: &str) -> Vec<String> {
    list.split(" / ")
        .map(|part| {
            let mut out = String::new();
            let mut depth = 0;
            for c in part.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ if depth == 0 => out.push(c),
                    _ => {}
                }
            }
            out.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect()
}

/// What the terms list prescribes for each English term it names (lowercase English -> lowercase term).
pub fn prescribed_terms(terms: &[TermEntry]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for t in terms {
        let (en, tr) = (term_parts(&t.en), term_parts(&t.tr));
        if en.len() == tr.len() {
            out.extend(en.into_iter().zip(tr));
        }
    }
    out
}

/// Checks a translation against the English content; one readable message per broken rule.
pub fn validate(en: &RawContent, tr: &Translation) -> Vec<String> {
    let mut c = Check {
        lang: &tr.lang,
        errors: Vec::new(),
    };
    if tr.terms.is_empty() {
        c.errors
            .push(format!("{}: terms.toml lists no terms", tr.lang));
    }
    for t in &tr.terms {
        if t.en.trim().is_empty() || t.tr.trim().is_empty() {
            c.errors
                .push(format!("{}: terms.toml has an empty entry", tr.lang));
        }
        if term_parts(&t.en).len() != term_parts(&t.tr).len() {
            c.errors.push(format!(
                "{}: terms.toml entry {:?} names {} terms, its translation {}",
                tr.lang,
                t.en,
                term_parts(&t.en).len(),
                term_parts(&t.tr).len()
            ));
        }
    }

    for (e, t) in c.pairs(
        "clause",
        &en.clauses,
        |x| &x.number,
        &tr.clauses,
        |x| &x.number,
    ) {
        let n = &e.number;
        c.title(&format!("clause {n} title"), &t.title);
        c.text(&format!("clause {n} intent"), &e.intent, &t.intent);
        c.optional(
            &format!("clause {n} typical finding"),
            &e.typical_finding,
            &t.typical_finding,
        );
    }
    for (e, t) in c.pairs("topic", &en.topics, |x| &x.id, &tr.topics, |x| &x.id) {
        c.title(&format!("topic {} title", e.id), &t.title);
        c.text(&format!("topic {} summary", e.id), &e.summary, &t.summary);
    }
    for (e, t) in c.pairs(
        "journey step",
        &en.journey,
        |x| &x.id,
        &tr.journey,
        |x| &x.id,
    ) {
        c.title(&format!("journey step {} title", e.id), &t.title);
        c.text(
            &format!("journey step {} summary", e.id),
            &e.summary,
            &t.summary,
        );
    }
    let prescribed = prescribed_terms(&tr.terms);
    for (e, t) in c.pairs(
        "glossary term",
        &en.glossary,
        |x| &x.term,
        &tr.glossary,
        |x| &x.en,
    ) {
        c.title(&format!("glossary term {}", e.term), &t.term);
        c.text(
            &format!("glossary term {} definition", e.term),
            &e.definition,
            &t.definition,
        );
        if let Some(want) = prescribed.get(&term_parts(&e.term).concat()) {
            if term_parts(&t.term).concat() != *want {
                c.errors.push(format!(
                    "{}: glossary term {:?} is {:?}, but terms.toml prescribes {want:?}",
                    tr.lang, e.term, t.term
                ));
            }
        }
    }
    for (e, t) in c.pairs("guide", &en.guides, |x| &x.id, &tr.guides, |x| &x.id) {
        c.guide(e, t);
    }
    for (e, t) in c.pairs(
        "requirement",
        &en.requirements,
        |x| &x.id,
        &tr.requirements,
        |x| &x.id,
    ) {
        let id = &e.id;
        c.title(&format!("requirement {id} title"), &t.title);
        c.text(
            &format!("requirement {id} question"),
            &e.question,
            &t.question,
        );
        c.text(
            &format!("requirement {id} guidance"),
            &e.guidance,
            &t.guidance,
        );
        c.list(
            &format!("requirement {id} evidence"),
            &e.evidence,
            &t.evidence,
        );
        c.optional(
            &format!("requirement {id} doc_item"),
            &e.doc_item,
            &t.doc_item,
        );
    }
    for (e, t) in c.pairs(
        "question",
        &en.questions,
        |x| &x.id,
        &tr.questions,
        |x| &x.id,
    ) {
        let id = &e.id;
        c.text(&format!("question {id} stem"), &e.stem, &t.stem);
        c.list(&format!("question {id} options"), &e.options, &t.options);
        c.text(
            &format!("question {id} explanation"),
            &e.explanation,
            &t.explanation,
        );
    }
    c.errors
}
