//! The requirement catalogue, glossary, concept topics and question bank, as static data.
//!
//! `build.rs` validates `src/content/*.toml` and generates the arrays included below, so the data is already
//! in memory when the app starts. Lookups are slice scans, except the clause lookups that scoring makes for
//! every requirement ([`clause`], [`pdca_of`], [`ancestor_indices`]): those use an index built on first use.

pub use super::content_schema::is_within;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pdca {
    Plan,
    Do,
    Check,
    Act,
}

impl Pdca {
    pub const ALL: [Pdca; 4] = [Pdca::Plan, Pdca::Do, Pdca::Check, Pdca::Act];
    pub fn label(self) -> &'static str {
        match self {
            Pdca::Plan => "Plan",
            Pdca::Do => "Do",
            Pdca::Check => "Check",
            Pdca::Act => "Act",
        }
    }
}

/// A clause of the standard: where it sits and its PDCA phase. Its title and text are looked up by position
/// ([`Clause::title`], [`Clause::text`]), so code that only scores never links the text.
#[derive(Debug, PartialEq)]
pub struct Clause {
    pub number: &'static str,
    pub depth: u8,
    pub pdca: Pdca,
    pub is_leaf: bool,
    /// Position in [`CLAUSES`], and in the title and text arrays generated beside it.
    at: usize,
}

/// What Learn and the walkthrough say about a clause.
#[derive(Debug, PartialEq)]
pub struct ClauseText {
    pub intent: &'static str,
    /// On every leaf: a nonconformity an auditor typically raises there (what was missing, what showed it).
    pub typical_finding: Option<&'static str>,
}

impl Clause {
    pub fn title(&self) -> &'static str {
        CLAUSE_TITLES[self.at]
    }

    pub fn text(&self) -> &'static ClauseText {
        &CLAUSE_TEXTS[self.at]
    }
}

/// Whether a requirement asks for documented information to maintain (a document) or to retain (a record).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Document,
    Record,
    None,
}

/// Whether a statement is an obligation of ISO/IEC 20000-1:2018, or something that only helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequirementKind {
    /// An obligation of the 2018 text (with Amd 1:2024): it counts for conformity.
    Requirement,
    /// What auditors like to see, but the 2018 text does not demand: shown, never counted for conformity.
    GoodPractice,
    /// A check that explains a clause which is an overview with no requirement of its own (8.3.1).
    Orientation,
}

impl RequirementKind {
    /// What to call it in the interface.
    pub fn label(self) -> &'static str {
        match self {
            RequirementKind::Requirement => "Requirement",
            RequirementKind::GoodPractice => "Good practice",
            RequirementKind::Orientation => "Orientation",
        }
    }

    /// One sentence on what the kind means for a score, for a note next to the label (the guidance says why
    /// the statement is not an obligation).
    pub fn explanation(self) -> &'static str {
        match self {
            RequirementKind::Requirement => "An obligation of ISO/IEC 20000-1:2018: it counts in the conformity score.",
            RequirementKind::GoodPractice => {
                "Not counted in the conformity score or the Stage 1 verdict."
            }
            RequirementKind::Orientation => {
                "The clause has no requirement of its own; this check points to the clauses that do, and is not counted in the conformity score."
            }
        }
    }
}

/// A requirement statement: what scoring needs. Its labels and text are looked up by position
/// ([`Requirement::title`], [`Requirement::text`]), so code that only scores never links the text.
#[derive(Debug, PartialEq)]
pub struct Requirement {
    pub id: &'static str,
    pub clause: &'static str,
    pub doc: DocKind,
    /// The name of the documented information it asks for, on the checklist (set whenever `doc` is not
    /// `DocKind::None`).
    pub doc_item: Option<&'static str>,
    pub weight: u8,
    pub itil: Option<&'static str>,
    pub kind: RequirementKind,
    /// Position in [`REQUIREMENTS`], and in the label and text arrays generated beside it.
    at: usize,
}

/// What the walkthrough and Learn show of a requirement.
#[derive(Debug, PartialEq)]
pub struct RequirementText {
    pub question: &'static str,
    pub guidance: &'static str,
    pub evidence: &'static [&'static str],
}

static NO_TEXT: RequirementText = RequirementText {
    question: "",
    guidance: "",
    evidence: &[],
};

impl Requirement {
    /// A requirement outside the catalogue, for scoring only (tests): it has no title or text.
    pub const fn unlisted(
        id: &'static str,
        clause: &'static str,
        weight: u8,
        kind: RequirementKind,
    ) -> Requirement {
        Requirement {
            id,
            clause,
            doc: DocKind::None,
            doc_item: None,
            weight,
            itil: None,
            kind,
            at: usize::MAX,
        }
    }

    /// The same, asking for documented information named `item`.
    pub const fn with_doc(mut self, doc: DocKind, item: Option<&'static str>) -> Requirement {
        self.doc = doc;
        self.doc_item = item;
        self
    }

    pub fn title(&self) -> &'static str {
        REQUIREMENT_TITLES.get(self.at).copied().unwrap_or("")
    }

    pub fn text(&self) -> &'static RequirementText {
        REQUIREMENT_TEXTS.get(self.at).unwrap_or(&NO_TEXT)
    }

    /// Whether the statement counts in the conformity score and the Stage 1 verdict: only obligations of
    /// the standard do; good practice and orientation checks are shown apart.
    pub fn counts_for_conformity(&self) -> bool {
        self.kind == RequirementKind::Requirement
    }
}

/// A Learn page about the standard as a whole.
#[derive(Debug, PartialEq)]
pub struct Guide {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub sections: &'static [Section],
}

#[derive(Debug, PartialEq)]
pub struct Section {
    pub heading: &'static str,
    pub paragraphs: &'static [&'static str],
    pub points: &'static [&'static str],
    pub table: Option<Table>,
}

#[derive(Debug, PartialEq)]
pub struct Table {
    pub caption: &'static str,
    pub columns: &'static [&'static str],
    pub rows: &'static [&'static [&'static str]],
}

#[derive(Debug, PartialEq)]
pub struct Term {
    pub term: &'static str,
    pub definition: &'static str,
    pub clauses: &'static [&'static str],
}

#[derive(Debug, PartialEq)]
pub struct Topic {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
}

/// A step of the certification journey.
#[derive(Debug, PartialEq)]
pub struct Step {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    Knowledge,
    Scenario,
}

#[derive(Debug, PartialEq)]
pub struct Question {
    pub id: &'static str,
    pub domain: u8,
    pub clause: &'static str,
    pub difficulty: u8,
    pub kind: QuestionKind,
    pub stem: &'static str,
    pub options: [&'static str; 4],
    pub answer: u8,
    pub explanation: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// Where each clause sits in [`CLAUSES`], and the chain of clauses above it, built once.
struct ClauseIndex {
    /// Clause number -> index in [`CLAUSES`] (the first clause of that number, as a scan would find).
    position: BTreeMap<&'static str, usize>,
    /// For each clause of [`CLAUSES`], by index: what [`prefix_indices`] gives for its number.
    chains: Vec<Vec<usize>>,
}

fn clause_index() -> &'static ClauseIndex {
    static INDEX: OnceLock<ClauseIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut position = BTreeMap::new();
        for (i, c) in CLAUSES.iter().enumerate() {
            position.entry(c.number).or_insert(i);
        }
        let chains = CLAUSES
            .iter()
            .map(|c| prefix_indices(c.number, &position).collect())
            .collect();
        ClauseIndex { position, chains }
    })
}

/// Indices of the clauses numbered like `number` or one of its prefixes ("8.5.1.2" looks up 8, 8.5, 8.5.1
/// and 8.5.1.2), top-level first, skipping numbers that are not in the catalogue.
fn prefix_indices<'a>(
    number: &'a str,
    position: &'a BTreeMap<&'static str, usize>,
) -> impl Iterator<Item = usize> + 'a {
    number
        .match_indices('.')
        .map(|(i, _)| &number[..i])
        .chain(std::iter::once(number))
        .filter_map(|prefix| position.get(prefix).copied())
}

pub fn clause(number: &str) -> Option<&'static Clause> {
    clause_index().position.get(number).map(|&i| &CLAUSES[i])
}

/// Clauses 4 to 10.
pub fn top_level() -> impl Iterator<Item = &'static Clause> {
    CLAUSES.iter().filter(|c| c.depth == 1)
}

/// The direct subclauses of `number`, in the standard's order.
pub fn children(number: &str) -> impl Iterator<Item = &'static Clause> + '_ {
    let depth = number.split('.').count() as u8 + 1;
    CLAUSES
        .iter()
        .filter(move |c| c.depth == depth && is_within(c.number, number))
}

/// The chain from the top-level clause down to `number` itself (for breadcrumbs and tree expansion).
pub fn ancestors(number: &str) -> Vec<&'static Clause> {
    CLAUSES
        .iter()
        .filter(|c| is_within(number, c.number))
        .collect()
}

/// Indices in [`CLAUSES`] of `number` and every clause above it ("8.5.1.2" gives 8, 8.5, 8.5.1, 8.5.1.2).
/// A clause of the catalogue takes its chain from the index (one lookup); any other number is looked up
/// prefix by prefix, so scoring never scans the clause list.
pub fn ancestor_indices(number: &str) -> impl Iterator<Item = usize> + '_ {
    let index = clause_index();
    let known = index
        .position
        .get(number)
        .map(|&i| index.chains[i].as_slice());
    let unknown = known
        .is_none()
        .then(|| prefix_indices(number, &index.position))
        .into_iter()
        .flatten();
    known.unwrap_or_default().iter().copied().chain(unknown)
}

pub fn requirement(id: &str) -> Option<&'static Requirement> {
    REQUIREMENTS.iter().find(|r| r.id == id)
}

/// Every requirement at `number` or below it, in the standard's order.
pub fn requirements_within(number: &str) -> impl Iterator<Item = &'static Requirement> + '_ {
    REQUIREMENTS
        .iter()
        .filter(move |r| is_within(r.clause, number))
}

pub fn requirement_index(id: &str) -> Option<usize> {
    REQUIREMENTS.iter().position(|r| r.id == id)
}

/// The PDCA phase of the clause a requirement sits in.
pub fn pdca_of(number: &str) -> Pdca {
    clause(number).map(|c| c.pdca).unwrap_or(Pdca::Do)
}

pub fn guide(id: &str) -> Option<&'static Guide> {
    GUIDES.iter().find(|g| g.id == id)
}

pub fn topic(id: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.id == id)
}

/// A URL-safe anchor for a glossary term ("Known error" -> "known-error").
pub fn term_slug(term: &str) -> String {
    let mut slug = String::new();
    for ch in term.chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The label of what a question tests: a clause title, a concept topic or the vocabulary.
pub fn subject_title(clause_or_topic: &str) -> &'static str {
    if clause_or_topic == super::content_schema::TERMS_CLAUSE {
        return "Terms and definitions";
    }
    clause(clause_or_topic)
        .map(|c| c.title())
        .or_else(|| topic(clause_or_topic).map(|t| t.title))
        .unwrap_or("Unknown")
}
