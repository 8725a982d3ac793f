//! The shape of a translation of the content (`src/content/i18n/<lang>/`) and the rules it must obey.
//!
//! A translation mirrors the English files: the same entries, keyed by id (clause number, requirement id,
//! question id, English glossary term...), with only the fields a reader sees. Ids, weights, answers and
//! clause links are shared with English, so a mock exam or a score is the same in every language.
//!
//! Shared by `build.rs` (which refuses a build with an incomplete or inconsistent translation) and the
//! native tests. Like `content_schema.rs`, it depends on serde only.

use super::content_schema::{RawContent, RawGuide, TomlParser};
use serde::Deserialize;
use std::collections::BTreeMap;

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
    let read = |path: std::path::PathBuf| -> Result<String, String> {
        std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
    };
    let parse = |rel: &str| -> Result<(String, String), String> {
        let path = root.join(rel);
        Ok((path.display().to_string(), read(path)?))
    };
    macro_rules! file {
        ($rel:expr, $ty:ty) => {{
            let (name, text) = parse($rel)?;
            parser
                .parse::<$ty>(&text)
                .map_err(|e| format!("{name}: {e}"))?
        }};
    }
    let many = |folder: &str| -> Result<Vec<std::path::PathBuf>, String> {
        let path = root.join(folder);
        let mut files: Vec<_> = std::fs::read_dir(&path)
            .map_err(|e| format!("{}: cannot list: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        Ok(files)
    };
    let mut requirements = Vec::new();
    for path in many("requirements")? {
        let text = read(path.clone())?;
        let file: Requirements = parser
            .parse(&text)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        requirements.extend(file.requirement);
    }
    let mut questions = Vec::new();
    for path in many("questions")? {
        let text = read(path.clone())?;
        let file: Questions = parser
            .parse(&text)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        questions.extend(file.question);
    }
    Ok(Translation {
        lang: lang.to_string(),
        terms: file!("terms.toml", Terms).term,
        clauses: file!("clauses.toml", Clauses).clause,
        topics: file!("topics.toml", Topics).topic,
        journey: file!("journey.toml", Journey).step,
        glossary: file!("glossary.toml", Glossary).term,
        guides: file!("guides.toml", Guides).guide,
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

    /// Every English key has exactly one translation and no translation has a key English lacks; returns the
    /// translations by key.
    fn keyed<'t, T>(
        &mut self,
        kind: &str,
        english: impl Iterator<Item = String>,
        tr: &'t [T],
        key: impl Fn(&T) -> &str,
    ) -> BTreeMap<String, &'t T> {
        let mut by_key = BTreeMap::new();
        for t in tr {
            if by_key.insert(key(t).to_string(), t).is_some() {
                self.errors.push(format!(
                    "{}: {kind} {} is translated twice",
                    self.lang,
                    key(t)
                ));
            }
        }
        let english: Vec<String> = english.collect();
        for k in &english {
            if !by_key.contains_key(k) {
                self.errors
                    .push(format!("{}: {kind} {k} has no translation", self.lang));
            }
        }
        for k in by_key.keys() {
            if !english.contains(k) {
                self.errors.push(format!(
                    "{}: {kind} {k} is not in the English content",
                    self.lang
                ));
            }
        }
        by_key
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

    let clauses = c.keyed(
        "clause",
        en.clauses.iter().map(|x| x.number.clone()),
        &tr.clauses,
        |x| &x.number,
    );
    for e in &en.clauses {
        if let Some(t) = clauses.get(&e.number) {
            let n = &e.number;
            // A clause title may be short ("Design", "General"): only emptiness is checked.
            if t.title.trim().is_empty() {
                c.errors
                    .push(format!("{}: clause {n} title is empty", tr.lang));
            }
            c.text(&format!("clause {n} intent"), &e.intent, &t.intent);
            c.optional(
                &format!("clause {n} typical finding"),
                &e.typical_finding,
                &t.typical_finding,
            );
        }
    }
    let topics: Vec<(&String, &String)> = en.topics.iter().map(|x| (&x.id, &x.summary)).collect();
    let steps: Vec<(&String, &String)> = en.journey.iter().map(|x| (&x.id, &x.summary)).collect();
    for (kind, english, translated) in [
        ("topic", &topics, &tr.topics),
        ("journey step", &steps, &tr.journey),
    ] {
        let by_id = c.keyed(
            kind,
            english.iter().map(|(id, _)| (*id).clone()),
            translated,
            |x| &x.id,
        );
        for (id, summary) in english {
            if let Some(t) = by_id.get(*id) {
                if t.title.trim().is_empty() {
                    c.errors
                        .push(format!("{}: {kind} {id} title is empty", tr.lang));
                }
                c.text(&format!("{kind} {id} summary"), summary, &t.summary);
            }
        }
    }
    let glossary = c.keyed(
        "glossary term",
        en.glossary.iter().map(|x| x.term.clone()),
        &tr.glossary,
        |x| &x.en,
    );
    let prescribed = prescribed_terms(&tr.terms);
    for e in &en.glossary {
        if let Some(t) = glossary.get(&e.term) {
            if t.term.trim().is_empty() {
                c.errors
                    .push(format!("{}: glossary term {} is empty", tr.lang, e.term));
            }
            c.text(
                &format!("glossary term {} definition", e.term),
                &e.definition,
                &t.definition,
            );
            let english = term_parts(&e.term).concat();
            if let Some(want) = prescribed.get(&english) {
                if term_parts(&t.term).concat() != *want {
                    c.errors.push(format!(
                        "{}: glossary term {:?} is {:?}, but terms.toml prescribes {want:?}",
                        tr.lang, e.term, t.term
                    ));
                }
            }
        }
    }
    let guides = c.keyed(
        "guide",
        en.guides.iter().map(|x| x.id.clone()),
        &tr.guides,
        |x| &x.id,
    );
    for e in &en.guides {
        if let Some(t) = guides.get(&e.id) {
            c.guide(e, t);
        }
    }
    let requirements = c.keyed(
        "requirement",
        en.requirements.iter().map(|x| x.id.clone()),
        &tr.requirements,
        |x| &x.id,
    );
    for e in &en.requirements {
        if let Some(t) = requirements.get(&e.id) {
            let id = &e.id;
            if t.title.trim().is_empty() {
                c.errors
                    .push(format!("{}: requirement {id} title is empty", tr.lang));
            }
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
    }
    let questions = c.keyed(
        "question",
        en.questions.iter().map(|x| x.id.clone()),
        &tr.questions,
        |x| &x.id,
    );
    for e in &en.questions {
        if let Some(t) = questions.get(&e.id) {
            let id = &e.id;
            c.text(&format!("question {id} stem"), &e.stem, &t.stem);
            c.list(&format!("question {id} options"), &e.options, &t.options);
            c.text(
                &format!("question {id} explanation"),
                &e.explanation,
                &t.explanation,
            );
        }
    }
    c.errors
}
