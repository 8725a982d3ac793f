//! The shape of the TOML content and every rule it must obey.
//!
//! Shared by `build.rs` (which refuses to build invalid content and then emits static data) and by the
//! native tests (which break real content on purpose and check that each rule catches it). It depends on
//! serde only, so that it can be included by path from the build script.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The numbers and titles of clauses 4 to 10 of ISO/IEC 20000-1:2018 (facts, from its table of contents).
/// `clauses.toml` must list exactly these, in this order.
pub const EXPECTED_CLAUSES: &[(&str, &str)] = &[
    ("4", "Context of the organization"),
    ("4.1", "Understanding the organization and its context"),
    (
        "4.2",
        "Understanding the needs and expectations of interested parties",
    ),
    (
        "4.3",
        "Determining the scope of the service management system",
    ),
    ("4.4", "Service management system"),
    ("5", "Leadership"),
    ("5.1", "Leadership and commitment"),
    ("5.2", "Policy"),
    ("5.2.1", "Establishing the service management policy"),
    ("5.2.2", "Communicating the service management policy"),
    (
        "5.3",
        "Organizational roles, responsibilities and authorities",
    ),
    ("6", "Planning"),
    ("6.1", "Actions to address risks and opportunities"),
    (
        "6.2",
        "Service management objectives and planning to achieve them",
    ),
    ("6.2.1", "Establish objectives"),
    ("6.2.2", "Plan to achieve objectives"),
    ("6.3", "Plan the service management system"),
    ("7", "Support of the service management system"),
    ("7.1", "Resources"),
    ("7.2", "Competence"),
    ("7.3", "Awareness"),
    ("7.4", "Communication"),
    ("7.5", "Documented information"),
    ("7.5.1", "General"),
    ("7.5.2", "Creating and updating documented information"),
    ("7.5.3", "Control of documented information"),
    ("7.5.4", "Service management system documented information"),
    ("7.6", "Knowledge"),
    ("8", "Operation of the service management system"),
    ("8.1", "Operational planning and control"),
    ("8.2", "Service portfolio"),
    ("8.2.1", "Service delivery"),
    ("8.2.2", "Plan the services"),
    (
        "8.2.3",
        "Control of parties involved in the service lifecycle",
    ),
    ("8.2.4", "Service catalogue management"),
    ("8.2.5", "Asset management"),
    ("8.2.6", "Configuration management"),
    ("8.3", "Relationship and agreement"),
    ("8.3.1", "General"),
    ("8.3.2", "Business relationship management"),
    ("8.3.3", "Service level management"),
    ("8.3.4", "Supplier management"),
    ("8.3.4.1", "Management of external suppliers"),
    (
        "8.3.4.2",
        "Management of internal suppliers and customers acting as a supplier",
    ),
    ("8.4", "Supply and demand"),
    ("8.4.1", "Budgeting and accounting for services"),
    ("8.4.2", "Demand management"),
    ("8.4.3", "Capacity management"),
    ("8.5", "Service design, build and transition"),
    ("8.5.1", "Change management"),
    ("8.5.1.1", "Change management policy"),
    ("8.5.1.2", "Change management initiation"),
    ("8.5.1.3", "Change management activities"),
    ("8.5.2", "Service design and transition"),
    ("8.5.2.1", "Plan new or changed services"),
    ("8.5.2.2", "Design"),
    ("8.5.2.3", "Build and transition"),
    ("8.5.3", "Release and deployment management"),
    ("8.6", "Resolution and fulfilment"),
    ("8.6.1", "Incident management"),
    ("8.6.2", "Service request management"),
    ("8.6.3", "Problem management"),
    ("8.7", "Service assurance"),
    ("8.7.1", "Service availability management"),
    ("8.7.2", "Service continuity management"),
    ("8.7.3", "Information security management"),
    ("8.7.3.1", "Information security policy"),
    ("8.7.3.2", "Information security controls"),
    ("8.7.3.3", "Information security incidents"),
    ("9", "Performance evaluation"),
    ("9.1", "Monitoring, measurement, analysis and evaluation"),
    ("9.2", "Internal audit"),
    ("9.3", "Management review"),
    ("9.4", "Service reporting"),
    ("10", "Improvement"),
    ("10.1", "Nonconformity and corrective action"),
    ("10.2", "Continual improvement"),
];

/// Clause 3 (terms and definitions) is not assessed but exam questions on vocabulary cite it.
pub const TERMS_CLAUSE: &str = "3";

/// Minimums the content must reach (issue: catalogue and question bank).
pub struct Minimums {
    pub requirements_per_leaf: usize,
    pub requirements_total: usize,
    pub glossary_terms: usize,
    pub questions_total: usize,
    pub questions_domain1: usize,
    pub questions_per_subclause: usize,
    /// Scenario questions as a share of the bank, in per cent.
    pub scenario_percent: usize,
    /// Each answer position must hold between these shares of the bank, in per cent.
    pub answer_position_percent: (usize, usize),
}

pub const MINIMUMS: Minimums = Minimums {
    requirements_per_leaf: 2,
    requirements_total: 220,
    glossary_terms: 50,
    questions_total: 320,
    questions_domain1: 70,
    questions_per_subclause: 3,
    scenario_percent: 25,
    answer_position_percent: (20, 30),
};

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawClause {
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub pdca: Option<String>,
    pub intent: String,
    /// Leaves only: a nonconformity an auditor typically raises at this clause, in our own words.
    #[serde(default)]
    pub typical_finding: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub id: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub id: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub term: String,
    pub definition: String,
    pub clauses: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub id: String,
    pub clause: String,
    pub title: String,
    pub question: String,
    pub guidance: String,
    pub evidence: Vec<String>,
    pub doc: String,
    #[serde(default)]
    pub doc_item: Option<String>,
    pub weight: i64,
    #[serde(default)]
    pub itil: Option<String>,
    /// One of [`REQUIREMENT_KINDS`]; omitted means an obligation of the 2018 text.
    #[serde(default = "default_requirement_kind")]
    pub kind: String,
}

fn default_requirement_kind() -> String {
    REQUIREMENT_KINDS[0].to_string()
}

/// A page of Learn about the standard as a whole (how it applies, its structure, its family, its history).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub section: Vec<RawSection>,
}

/// A headed part of a guide: paragraphs, then a list of points, then a table; each part optional.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub heading: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub points: Vec<String>,
    #[serde(default)]
    pub table: Option<RawTable>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    /// What the table shows, for people who cannot see its layout (becomes the caption).
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub domain: i64,
    pub clause: String,
    pub difficulty: i64,
    pub kind: String,
    pub stem: String,
    pub options: Vec<String>,
    pub answer: i64,
    pub explanation: String,
}

/// File wrappers: each TOML file is an array of tables under one key.
#[derive(Debug, Deserialize)]
pub struct ClausesFile {
    pub clause: Vec<RawClause>,
}
#[derive(Debug, Deserialize)]
pub struct TopicsFile {
    pub topic: Vec<RawTopic>,
}
#[derive(Debug, Deserialize)]
pub struct JourneyFile {
    pub step: Vec<RawStep>,
}
#[derive(Debug, Deserialize)]
pub struct GlossaryFile {
    pub term: Vec<RawTerm>,
}
#[derive(Debug, Deserialize)]
pub struct GuidesFile {
    pub guide: Vec<RawGuide>,
}
#[derive(Debug, Deserialize)]
pub struct RequirementsFile {
    pub requirement: Vec<RawRequirement>,
}
#[derive(Debug, Deserialize)]
pub struct QuestionsFile {
    pub question: Vec<RawQuestion>,
}

/// All content, as read from the TOML files.
#[derive(Debug, Clone, Default)]
pub struct RawContent {
    pub clauses: Vec<RawClause>,
    pub topics: Vec<RawTopic>,
    pub journey: Vec<RawStep>,
    pub glossary: Vec<RawTerm>,
    pub guides: Vec<RawGuide>,
    pub requirements: Vec<RawRequirement>,
    pub questions: Vec<RawQuestion>,
}

pub const PDCA_PHASES: &[&str] = &["plan", "do", "check", "act"];
pub const DOC_KINDS: &[&str] = &["document", "record", "none"];
/// "requirement": an obligation of ISO/IEC 20000-1:2018 (the default). "good_practice": what auditors like
/// to see but the 2018 text does not demand. "orientation": a check that helps to understand a clause that
/// holds no auditable requirement of its own (only the leaves of [`ORIENTATION_LEAVES`]). Only the first
/// counts for conformity.
pub const REQUIREMENT_KINDS: &[&str] = &["requirement", "good_practice", "orientation"];
/// Leaf clauses that are an overview in the standard, with no requirement to audit against.
pub const ORIENTATION_LEAVES: &[&str] = &["8.3.1"];
/// Obligations that must stay in the catalogue: (leaf clause, words its question must contain). The first is
/// ISO/IEC 20000-1:2018/Amd 1:2024 (climate action).
pub const REQUIRED_OBLIGATIONS: &[(&str, &str)] = &[("4.1", "climate change")];
pub const QUESTION_KINDS: &[&str] = &["knowledge", "scenario"];

/// A clause number's depth: "8" is 1, "8.6.1" is 3.
pub fn depth(number: &str) -> usize {
    number.split('.').count()
}

/// True when `number` is `ancestor` or lies below it ("8.6.1" is within "8.6", not within "8.60").
pub fn is_within(number: &str, ancestor: &str) -> bool {
    number == ancestor
        || (number.starts_with(ancestor) && number[ancestor.len()..].starts_with('.'))
}

/// The leaves of the expected clause tree: clauses with no subclause.
pub fn expected_leaves() -> Vec<&'static str> {
    EXPECTED_CLAUSES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| {
            !EXPECTED_CLAUSES
                .iter()
                .any(|(m, _)| m != n && is_within(m, n))
        })
        .collect()
}

/// Checks every rule; returns one readable message per broken rule (empty when the content is valid).
pub fn validate(content: &RawContent) -> Vec<String> {
    let mut errors = Vec::new();
    validate_clauses(&content.clauses, &mut errors);
    validate_topics(&content.topics, &mut errors);
    validate_journey(&content.journey, &mut errors);
    validate_glossary(&content.glossary, &mut errors);
    validate_guides(&content.guides, &mut errors);
    validate_requirements(&content.requirements, &mut errors);
    validate_questions(&content.questions, &content.topics, &mut errors);
    errors
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn known_clause(number: &str) -> bool {
    EXPECTED_CLAUSES.iter().any(|(n, _)| *n == number)
}

fn validate_clauses(clauses: &[RawClause], errors: &mut Vec<String>) {
    let present: BTreeSet<&str> = clauses.iter().map(|c| c.number.as_str()).collect();
    for (number, title) in EXPECTED_CLAUSES {
        if !present.contains(number) {
            errors.push(format!("clause {number} ({title}) is missing"));
        }
    }
    let mut seen = BTreeSet::new();
    for (i, c) in clauses.iter().enumerate() {
        let at = format!("clause {}", c.number);
        if !seen.insert(c.number.as_str()) {
            errors.push(format!("{at}: listed twice"));
        }
        match EXPECTED_CLAUSES.iter().position(|(n, _)| *n == c.number) {
            None => errors.push(format!(
                "{at}: not a clause of ISO/IEC 20000-1:2018 (4 to 10)"
            )),
            Some(pos) => {
                if EXPECTED_CLAUSES[pos].1 != c.title {
                    errors.push(format!(
                        "{at}: title {:?} should be {:?}",
                        c.title, EXPECTED_CLAUSES[pos].1
                    ));
                }
                if pos != i && clauses.len() == EXPECTED_CLAUSES.len() {
                    errors.push(format!("{at}: out of the standard's order"));
                }
            }
        }
        if blank(&c.intent) {
            errors.push(format!("{at}: intent is empty"));
        }
        let leaf = expected_leaves().contains(&c.number.as_str());
        match (&c.typical_finding, leaf) {
            (Some(f), true) if !blank(f) => {}
            (_, true) => errors.push(format!("{at}: leaf clause needs a typical_finding")),
            (Some(_), false) => {
                errors.push(format!("{at}: only leaf clauses carry a typical_finding"))
            }
            (None, false) => {}
        }
        match (depth(&c.number), &c.pdca) {
            (1, Some(p)) if PDCA_PHASES.contains(&p.as_str()) => {}
            (1, Some(p)) => errors.push(format!("{at}: pdca {p:?} is not one of {PDCA_PHASES:?}")),
            (1, None) => errors.push(format!("{at}: top-level clause needs a pdca phase")),
            (_, Some(_)) => errors.push(format!("{at}: only top-level clauses carry pdca")),
            (_, None) => {}
        }
    }
}

fn validate_topics(topics: &[RawTopic], errors: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for t in topics {
        let at = format!("topic {}", t.id);
        if !t.id.starts_with("concept-") {
            errors.push(format!("{at}: id must start with \"concept-\""));
        }
        if !seen.insert(t.id.as_str()) {
            errors.push(format!("{at}: duplicate id"));
        }
        if blank(&t.title) || blank(&t.summary) {
            errors.push(format!("{at}: empty title or summary"));
        }
    }
}

fn validate_journey(steps: &[RawStep], errors: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for s in steps {
        if !seen.insert(s.id.as_str()) {
            errors.push(format!("journey step {}: duplicate id", s.id));
        }
        if blank(&s.id) || blank(&s.title) || blank(&s.summary) {
            errors.push(format!(
                "journey step {:?}: empty id, title or summary",
                s.id
            ));
        }
    }
    if steps.is_empty() {
        errors.push("journey: no steps".into());
    }
}

fn validate_glossary(terms: &[RawTerm], errors: &mut Vec<String>) {
    if terms.len() < MINIMUMS.glossary_terms {
        errors.push(format!(
            "glossary: {} terms, at least {} needed",
            terms.len(),
            MINIMUMS.glossary_terms
        ));
    }
    let mut seen = BTreeSet::new();
    for t in terms {
        let at = format!("glossary term {:?}", t.term);
        if blank(&t.term) {
            errors.push(format!("{at}: empty term"));
        }
        if !seen.insert(t.term.trim().to_lowercase()) {
            errors.push(format!("{at}: duplicate term"));
        }
        if blank(&t.definition) {
            errors.push(format!("{at}: empty definition"));
        }
        if t.clauses.is_empty() {
            errors.push(format!("{at}: links to no clause"));
        }
        for c in &t.clauses {
            if !known_clause(c) {
                errors.push(format!("{at}: links to clause {c:?}, which does not exist"));
            }
        }
    }
}

fn validate_guides(guides: &[RawGuide], errors: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for g in guides {
        let at = format!("guide {}", g.id);
        if !g.id.starts_with("guide-") {
            errors.push(format!("{at}: id must start with \"guide-\""));
        }
        if !seen.insert(g.id.as_str()) {
            errors.push(format!("{at}: duplicate id"));
        }
        if blank(&g.title) || blank(&g.summary) {
            errors.push(format!("{at}: empty title or summary"));
        }
        if g.section.is_empty() {
            errors.push(format!("{at}: no sections"));
        }
        for s in &g.section {
            let at = format!("{at}, section {:?}", s.heading);
            if blank(&s.heading) {
                errors.push(format!("{at}: empty heading"));
            }
            if s.paragraphs.is_empty() && s.points.is_empty() && s.table.is_none() {
                errors.push(format!("{at}: no paragraphs, points or table"));
            }
            if s.paragraphs.iter().chain(&s.points).any(|t| blank(t)) {
                errors.push(format!("{at}: an empty paragraph or point"));
            }
            if let Some(t) = &s.table {
                if blank(&t.caption) || t.columns.is_empty() || t.rows.is_empty() {
                    errors.push(format!("{at}: table needs a caption, columns and rows"));
                }
                for (i, row) in t.rows.iter().enumerate() {
                    if row.len() != t.columns.len() || row.iter().any(|c| blank(c)) {
                        errors.push(format!(
                            "{at}: table row {} needs {} non-empty cells",
                            i + 1,
                            t.columns.len()
                        ));
                    }
                }
            }
        }
    }
}

fn validate_requirements(reqs: &[RawRequirement], errors: &mut Vec<String>) {
    let leaves = expected_leaves();
    let mut ids = BTreeSet::new();
    let mut per_leaf: BTreeMap<&str, usize> = BTreeMap::new();
    let mut obligations: BTreeMap<&str, usize> = BTreeMap::new();
    for r in reqs {
        let at = format!("requirement {}", r.id);
        if !ids.insert(r.id.as_str()) {
            errors.push(format!("{at}: duplicate id"));
        }
        if !leaves.contains(&r.clause.as_str()) {
            errors.push(format!("{at}: clause {:?} is not a leaf clause", r.clause));
        }
        let suffix =
            r.id.strip_prefix(r.clause.as_str())
                .and_then(|s| s.strip_prefix('.'));
        match suffix {
            Some(n) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {}
            _ => errors.push(format!(
                "{at}: id must be \"{}.<n>\" (its clause, a dot, a number)",
                r.clause
            )),
        }
        for (field, value) in [
            ("title", &r.title),
            ("question", &r.question),
            ("guidance", &r.guidance),
        ] {
            if blank(value) {
                errors.push(format!("{at}: {field} is empty"));
            }
        }
        if r.evidence.is_empty() || r.evidence.iter().any(|e| blank(e)) {
            errors.push(format!("{at}: evidence is empty or has an empty item"));
        }
        if !DOC_KINDS.contains(&r.doc.as_str()) {
            errors.push(format!("{at}: doc {:?} is not one of {DOC_KINDS:?}", r.doc));
        }
        match (&r.doc_item, r.doc.as_str()) {
            (None, "document" | "record") => {
                errors.push(format!("{at}: doc is {:?} but doc_item is missing", r.doc))
            }
            (Some(item), "document" | "record") if blank(item) => {
                errors.push(format!("{at}: doc_item is empty"))
            }
            (Some(_), "none") => errors.push(format!("{at}: doc_item given but doc is \"none\"")),
            _ => {}
        }
        if !(1..=3).contains(&r.weight) {
            errors.push(format!("{at}: weight {} is out of range 1..3", r.weight));
        }
        if r.itil.as_deref().is_some_and(blank) {
            errors.push(format!("{at}: itil is empty (omit the key instead)"));
        }
        let orientation_leaf = ORIENTATION_LEAVES.contains(&r.clause.as_str());
        match r.kind.as_str() {
            k if !REQUIREMENT_KINDS.contains(&k) => errors.push(format!(
                "{at}: kind {k:?} is not one of {REQUIREMENT_KINDS:?}"
            )),
            "orientation" if !orientation_leaf => errors.push(format!(
                "{at}: kind \"orientation\" only fits a clause with no requirement of its own ({ORIENTATION_LEAVES:?})"
            )),
            k if orientation_leaf && k != "orientation" => errors.push(format!(
                "{at}: clause {} holds no auditable requirement, so kind must be \"orientation\"",
                r.clause
            )),
            "requirement" => *obligations.entry(r.clause.as_str()).or_default() += 1,
            _ => {}
        }
        *per_leaf.entry(r.clause.as_str()).or_default() += 1;
    }
    for leaf in leaves {
        let n = per_leaf.get(leaf).copied().unwrap_or(0);
        if n < MINIMUMS.requirements_per_leaf {
            errors.push(format!(
                "leaf clause {leaf}: {n} requirements, at least {} needed",
                MINIMUMS.requirements_per_leaf
            ));
        }
        if n > 0 && !ORIENTATION_LEAVES.contains(&leaf) && !obligations.contains_key(leaf) {
            errors.push(format!(
                "leaf clause {leaf}: only good practice, no obligation of the standard"
            ));
        }
    }
    for (leaf, words) in REQUIRED_OBLIGATIONS {
        let present = reqs.iter().any(|r| {
            r.clause == *leaf
                && r.kind == "requirement"
                && r.question.to_lowercase().contains(words)
        });
        if !present {
            errors.push(format!(
                "leaf clause {leaf}: no requirement asks about {words:?}"
            ));
        }
    }
    if reqs.len() < MINIMUMS.requirements_total {
        errors.push(format!(
            "requirements: {} in all, at least {} needed",
            reqs.len(),
            MINIMUMS.requirements_total
        ));
    }
}

/// Folds a stem so that two stems differing only in case, spacing or punctuation count as alike.
pub fn fold_text(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn validate_questions(questions: &[RawQuestion], topics: &[RawTopic], errors: &mut Vec<String>) {
    let mut ids = BTreeSet::new();
    let mut stems = BTreeSet::new();
    let mut positions = [0usize; 4];
    let (mut domain1, mut scenarios) = (0, 0);
    for q in questions {
        let at = format!("question {}", q.id);
        if blank(&q.id) {
            errors.push("a question has an empty id".to_string());
        }
        if !ids.insert(q.id.as_str()) {
            errors.push(format!("{at}: duplicate id"));
        }
        let clause_ok = match q.domain {
            1 => {
                domain1 += 1;
                q.clause == TERMS_CLAUSE
                    || known_clause(&q.clause)
                    || topics.iter().any(|t| t.id == q.clause)
            }
            2 => known_clause(&q.clause),
            d => {
                errors.push(format!("{at}: domain {d} is not 1 or 2"));
                true
            }
        };
        if !clause_ok {
            errors.push(format!("{at}: clause {:?} does not exist", q.clause));
        }
        if !(1..=3).contains(&q.difficulty) {
            errors.push(format!(
                "{at}: difficulty {} is out of range 1..3",
                q.difficulty
            ));
        }
        if !QUESTION_KINDS.contains(&q.kind.as_str()) {
            errors.push(format!(
                "{at}: kind {:?} is not one of {QUESTION_KINDS:?}",
                q.kind
            ));
        }
        if q.kind == "scenario" {
            scenarios += 1;
        }
        if blank(&q.stem) {
            errors.push(format!("{at}: stem is empty"));
        } else if !stems.insert(fold_text(&q.stem)) {
            errors.push(format!("{at}: stem duplicates another question's"));
        }
        if blank(&q.explanation) {
            errors.push(format!("{at}: explanation is empty"));
        }
        if q.options.len() != 4 {
            errors.push(format!(
                "{at}: {} options, exactly 4 needed",
                q.options.len()
            ));
        }
        let distinct: BTreeSet<String> = q.options.iter().map(|o| fold_text(o)).collect();
        if q.options.iter().any(|o| blank(o)) || distinct.len() != q.options.len() {
            errors.push(format!("{at}: options are empty or repeat each other"));
        }
        match usize::try_from(q.answer) {
            Ok(a) if a < q.options.len().min(4) => positions[a] += 1,
            _ => errors.push(format!(
                "{at}: answer {} is not an option's index",
                q.answer
            )),
        }
    }
    let total = questions.len();
    if total < MINIMUMS.questions_total {
        errors.push(format!(
            "question bank: {total} questions, at least {} needed",
            MINIMUMS.questions_total
        ));
    }
    if domain1 < MINIMUMS.questions_domain1 {
        errors.push(format!(
            "question bank: {domain1} domain-1 questions, at least {} needed",
            MINIMUMS.questions_domain1
        ));
    }
    if total > 0 && scenarios * 100 < total * MINIMUMS.scenario_percent {
        errors.push(format!(
            "question bank: {scenarios} scenario questions of {total}, at least {} % needed",
            MINIMUMS.scenario_percent
        ));
    }
    let (lo, hi) = MINIMUMS.answer_position_percent;
    for (pos, n) in positions.iter().enumerate() {
        if total > 0 && (n * 100 < total * lo || n * 100 > total * hi) {
            errors.push(format!(
                "question bank: answer position {pos} is correct in {n} of {total} questions, \
                 outside {lo}-{hi} %"
            ));
        }
    }
    for (number, _) in EXPECTED_CLAUSES.iter().filter(|(n, _)| depth(n) == 2) {
        let n = questions
            .iter()
            .filter(|q| q.domain == 2 && is_within(&q.clause, number))
            .count();
        if n < MINIMUMS.questions_per_subclause {
            errors.push(format!(
                "question bank: subclause {number} has {n} questions, at least {} needed",
                MINIMUMS.questions_per_subclause
            ));
        }
    }
    validate_question_style(questions, errors);
}

// ==== Question style: items that test knowledge, not test-wiseness ====

/// Words that make a statement absolute. When they sit in wrong options and never in the key, a
/// candidate can score by avoiding them, without knowing the standard.
pub const ABSOLUTE_WORDS: &[&str] = &[
    "only",
    "always",
    "never",
    "all",
    "none",
    "every",
    "entirely",
    "solely",
    "exclusively",
    "at once",
    "whatever",
    "regardless",
];

/// Phrases that refer to an option by its place. Options are shuffled when shown, so an explanation
/// that says "option B" or "the first option" points at the wrong one.
pub const POSITIONAL_REFERENCES: &[&str] = &[
    "option a",
    "option b",
    "option c",
    "option d",
    "answer a",
    "answer b",
    "answer c",
    "answer d",
    "first option",
    "second option",
    "third option",
    "fourth option",
    "last option",
    "first answer",
    "second answer",
    "third answer",
    "fourth answer",
    "last answer",
    "first choice",
    "second choice",
    "third choice",
    "fourth choice",
    "of the above",
    "the other three",
];

/// Options nobody who had read a management system standard would pick: they make an item trivial.
/// A distractor should be a near miss (a neighbouring clause, a 2011 rule, an ITIL practice).
pub const ABSURD_OPTION_WORDS: &[&str] = &[
    "colour scheme",
    "color scheme",
    "share price",
    "stock price",
    "salary",
    "salaries",
    "holiday",
    "video recording",
    "page layout",
    "page count",
    "largest customer",
    "marketing",
    "brochure",
    "newsletter",
    "bonuses",
    "brand",
    "advertising",
    "headcount",
    "office space",
    "personal preferences",
    "retirement",
    "dress code",
    "canteen",
    "weather",
];

/// Bounds on test-wise cues in the whole bank.
pub struct StyleBounds {
    /// Questions whose absolute words appear in wrong options only (the key has none).
    pub absolute_giveaways: usize,
    /// Questions with "certification body" in a wrong option.
    pub certification_body_distractors: usize,
    /// Knowledge (not scenario) questions rated difficulty 3: hard should mean analysis, such as comparing
    /// two clauses, not recall.
    pub difficulty_3_knowledge: usize,
    /// Share of questions, in per cent, whose key is (one of) the longest options: above chance it is a cue.
    pub key_longest_percent: usize,
}

pub const STYLE_BOUNDS: StyleBounds = StyleBounds {
    absolute_giveaways: 10,
    certification_body_distractors: 5,
    difficulty_3_knowledge: 8,
    key_longest_percent: 30,
};

/// True when no wrong option is longer than the key.
pub fn key_is_longest(q: &RawQuestion) -> bool {
    let key_len = key_option(q).map_or(0, |k| k.chars().count());
    wrong_options(q).all(|o| o.chars().count() <= key_len)
}

/// True when `phrase` occurs in `text` as whole words, ignoring case ("all" is not found in "install",
/// and "option, a" is not "option a").
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let (text, phrase) = (text.to_lowercase(), phrase.to_lowercase());
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&phrase).any(|(i, m)| {
        !word_char(text[..i].chars().next_back()) && !word_char(text[i + m.len()..].chars().next())
    })
}

fn has_absolute(text: &str) -> bool {
    ABSOLUTE_WORDS.iter().any(|w| has_phrase(text, w))
}

fn wrong_options(q: &RawQuestion) -> impl Iterator<Item = &String> {
    q.options
        .iter()
        .enumerate()
        .filter(move |(i, _)| i64::try_from(*i).ok() != Some(q.answer))
        .map(|(_, o)| o)
}

fn key_option(q: &RawQuestion) -> Option<&String> {
    usize::try_from(q.answer)
        .ok()
        .and_then(|a| q.options.get(a))
}

/// True when absolute words appear in the wrong options and not in the key: a giveaway.
pub fn is_absolute_giveaway(q: &RawQuestion) -> bool {
    !key_option(q).is_some_and(|k| has_absolute(k)) && wrong_options(q).any(|o| has_absolute(o))
}

/// True when a wrong option names the certification body.
pub fn has_certification_body_distractor(q: &RawQuestion) -> bool {
    wrong_options(q)
        .any(|o| has_phrase(o, "certification body") || has_phrase(o, "certification bodies"))
}

fn validate_question_style(questions: &[RawQuestion], errors: &mut Vec<String>) {
    for q in questions {
        let at = format!("question {}", q.id);
        if let Some(p) = POSITIONAL_REFERENCES
            .iter()
            .find(|p| has_phrase(&q.explanation, p))
        {
            errors.push(format!(
                "{at}: explanation refers to an option by position ({p:?}); options are shuffled, \
                 name the option by its content"
            ));
        }
        for w in ABSURD_OPTION_WORDS {
            if q.options.iter().any(|o| has_phrase(o, w)) {
                errors.push(format!(
                    "{at}: an option mentions {w:?}, which no candidate would pick; use a near miss"
                ));
            }
        }
    }
    let giveaways = questions.iter().filter(|q| is_absolute_giveaway(q)).count();
    if giveaways > STYLE_BOUNDS.absolute_giveaways {
        errors.push(format!(
            "question bank: {giveaways} questions have absolute words (only, always, never...) in wrong \
             options only, at most {} allowed",
            STYLE_BOUNDS.absolute_giveaways
        ));
    }
    let certification = questions
        .iter()
        .filter(|q| has_certification_body_distractor(q))
        .count();
    if certification > STYLE_BOUNDS.certification_body_distractors {
        errors.push(format!(
            "question bank: {certification} questions use the certification body as a distractor, \
             at most {} allowed",
            STYLE_BOUNDS.certification_body_distractors
        ));
    }
    let key_longest = questions.iter().filter(|q| key_is_longest(q)).count();
    if key_longest * 100 > questions.len() * STYLE_BOUNDS.key_longest_percent {
        errors.push(format!(
            "question bank: the key is the longest option in {key_longest} of {} questions, more than {} %",
            questions.len(),
            STYLE_BOUNDS.key_longest_percent
        ));
    }
    let hard_recall = questions
        .iter()
        .filter(|q| q.difficulty == 3 && q.kind == "knowledge")
        .count();
    if hard_recall > STYLE_BOUNDS.difficulty_3_knowledge {
        errors.push(format!(
            "question bank: {hard_recall} knowledge questions rated difficulty 3, at most {} allowed; \
             difficulty 3 is for scenarios and analysis",
            STYLE_BOUNDS.difficulty_3_knowledge
        ));
    }
}

/// Parses one TOML text into a typed file. The build script and the tests each bring the `toml` crate,
/// which the app itself never links.
pub trait TomlParser {
    fn parse<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String>;
}

/// Reads and parses one TOML file; errors name the file.
pub fn read_toml<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
    parser: &impl TomlParser,
) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    parser
        .parse(&text)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The `.toml` files of a folder, in name order.
pub fn toml_files(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot list: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads every content file under `dir` (the `src/content` folder). Files in a folder are read in name
/// order; requirements are then put in the standard's clause order, keeping their order within a leaf.
pub fn load(dir: &std::path::Path, parser: &impl TomlParser) -> Result<RawContent, String> {
    let clauses: ClausesFile = read_toml(&dir.join("clauses.toml"), parser)?;
    let topics: TopicsFile = read_toml(&dir.join("topics.toml"), parser)?;
    let glossary: GlossaryFile = read_toml(&dir.join("glossary.toml"), parser)?;
    let journey: JourneyFile = read_toml(&dir.join("journey.toml"), parser)?;
    let guides: GuidesFile = read_toml(&dir.join("guides.toml"), parser)?;
    let mut requirements = Vec::new();
    for path in toml_files(&dir.join("requirements"))? {
        requirements.extend(read_toml::<RequirementsFile>(&path, parser)?.requirement);
    }
    let clause_order = |c: &str| EXPECTED_CLAUSES.iter().position(|(n, _)| *n == c);
    requirements.sort_by_key(|r| clause_order(&r.clause));
    let mut questions = Vec::new();
    for path in toml_files(&dir.join("questions"))? {
        questions.extend(read_toml::<QuestionsFile>(&path, parser)?.question);
    }
    Ok(RawContent {
        clauses: clauses.clause,
        topics: topics.topic,
        journey: journey.step,
        glossary: glossary.term,
        guides: guides.guide,
        requirements,
        questions,
    })
}
