//! A self-assessment: who assessed what, on which scale, and the answer to each requirement.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The rating scale, chosen once per assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    #[default]
    Conformity,
    Capability,
}

impl Scale {
    pub fn label(self) -> &'static str {
        match self {
            Scale::Conformity => "Conformity",
            Scale::Capability => "Capability 0-5",
        }
    }

    /// The ratings a user can pick on this scale, in the order of their keyboard digits (1, 2, 3...).
    pub fn ratings(self) -> Vec<Rating> {
        match self {
            Scale::Conformity => vec![Rating::NotInPlace, Rating::Partial, Rating::InPlace],
            Scale::Capability => (0..=5).map(Rating::Level).collect(),
        }
    }

    /// What "ready" asks of each requirement unless the assessment sets another target.
    pub fn default_target(self) -> Rating {
        match self {
            Scale::Conformity => Rating::Partial,
            Scale::Capability => Rating::Level(2),
        }
    }
}

/// One requirement's rating. "Not assessed" is the absence of a rating, never a zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Rating {
    NotInPlace,
    Partial,
    InPlace,
    /// ISO/IEC 33020 capability level 0..=5.
    Level(u8),
    NotApplicable,
}

/// ISO/IEC 33020 capability level names, with what each looks like for an IT service management process.
pub const CAPABILITY_LEVELS: [(&str, &str); 6] = [
    ("Incomplete", "The process is not in place or misses its purpose: work happens by chance, if at all."),
    ("Performed", "The process achieves its purpose, but depends on individuals; little planning or records."),
    ("Managed", "The work is planned, monitored and adjusted; responsibilities are set and outputs are controlled and reviewed."),
    ("Established", "A documented standard process is deployed across the scope, with defined roles, competences and resources."),
    ("Predictable", "The process runs within defined limits: it is measured, analysed and controlled with quantitative targets."),
    ("Innovating", "The process is improved continually from its measurements and from new ideas, in line with business goals."),
];

impl Rating {
    /// The rating's value between 0 and 1, or None for not applicable (which counts for nothing).
    pub fn value(self) -> Option<f64> {
        match self {
            Rating::NotInPlace => Some(0.0),
            Rating::Partial => Some(0.5),
            Rating::InPlace => Some(1.0),
            Rating::Level(l) => Some(f64::from(l.min(5)) / 5.0),
            Rating::NotApplicable => None,
        }
    }

    pub fn label(self) -> String {
        match self {
            Rating::NotInPlace => "Not in place".into(),
            Rating::Partial => "Partially in place".into(),
            Rating::InPlace => "In place".into(),
            Rating::Level(l) => format!(
                "Level {l}: {}",
                CAPABILITY_LEVELS.get(usize::from(l)).map_or("?", |c| c.0)
            ),
            Rating::NotApplicable => "Not applicable".into(),
        }
    }

    pub fn fits(self, scale: Scale) -> bool {
        match self {
            Rating::NotApplicable => true,
            Rating::Level(l) => scale == Scale::Capability && l <= 5,
            _ => scale == Scale::Conformity,
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rating::NotInPlace => f.write_str("not_in_place"),
            Rating::Partial => f.write_str("partial"),
            Rating::InPlace => f.write_str("in_place"),
            Rating::Level(l) => write!(f, "level_{l}"),
            Rating::NotApplicable => f.write_str("not_applicable"),
        }
    }
}

impl TryFrom<String> for Rating {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.as_str() {
            "not_in_place" => Ok(Rating::NotInPlace),
            "partial" => Ok(Rating::Partial),
            "in_place" => Ok(Rating::InPlace),
            "not_applicable" => Ok(Rating::NotApplicable),
            other => other
                .strip_prefix("level_")
                .and_then(|l| l.parse::<u8>().ok())
                .filter(|l| *l <= 5)
                .map(Rating::Level)
                .ok_or_else(|| format!("unknown rating {other:?}")),
        }
    }
}

impl From<Rating> for String {
    fn from(r: Rating) -> String {
        r.to_string()
    }
}

/// Progress of a planned action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
        }
    }

    /// The status whose label is `label` (as a form's select sends it back); Open for anything else.
    pub fn from_label(label: &str) -> ActionStatus {
        ActionStatus::ALL
            .into_iter()
            .find(|s| s.label() == label)
            .unwrap_or_default()
    }
}

/// Whether the documented information a requirement asks for exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    Present,
    Partial,
    Missing,
}

impl DocStatus {
    pub const ALL: [DocStatus; 3] = [DocStatus::Present, DocStatus::Partial, DocStatus::Missing];

    pub fn label(self) -> &'static str {
        match self {
            DocStatus::Present => "Present",
            DocStatus::Partial => "Partial",
            DocStatus::Missing => "Missing",
        }
    }

    /// The value a form's select uses for a status ("" stands for not checked).
    pub fn from_key(key: &str) -> Option<DocStatus> {
        match key {
            "present" => Some(DocStatus::Present),
            "partial" => Some(DocStatus::Partial),
            "missing" => Some(DocStatus::Missing),
            _ => None,
        }
    }
}

/// The answer to one requirement. Every field but the rating is optional free text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Answer {
    pub rating: Option<Rating>,
    /// Why the requirement is said not to apply (required with `NotApplicable`).
    pub na_justification: String,
    /// The requirement is met by another party under the organisation's control (8.2.3).
    pub na_other_party: bool,
    pub notes: String,
    /// Evidence references, one per line (document names, ticket numbers, links shown as text).
    pub evidence: String,
    pub owner: String,
    /// Due date of the planned action, `YYYY-MM-DD` or empty.
    pub due: String,
    pub action: String,
    pub action_status: ActionStatus,
    pub doc_status: Option<DocStatus>,
}

impl Answer {
    pub fn is_answered(&self) -> bool {
        self.rating.is_some()
    }

    /// A planned action exists: an action, an owner or a due date was entered.
    pub fn has_plan(&self) -> bool {
        [&self.action, &self.owner, &self.due]
            .iter()
            .any(|text| !text.trim().is_empty())
    }

    /// True when nothing was entered: such answers are not stored.
    pub fn is_blank(&self) -> bool {
        *self == Answer::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub scope: String,
    pub assessor: String,
    pub scale: Scale,
    /// The rating each requirement must reach for the Stage 1 verdict.
    pub target: Rating,
    /// Milliseconds since the Unix epoch.
    pub created: f64,
    pub updated: f64,
    /// Requirement id to answer; requirements without an entry are not assessed.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// What a user types when creating an assessment, before it is checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewAssessment {
    pub name: String,
    pub organisation: String,
    pub scope: String,
    pub assessor: String,
    pub scale: Scale,
    pub target: Option<Rating>,
}

/// Longest accepted free-text field, in characters: generous for notes, bounded for storage.
pub const MAX_TEXT: usize = 20_000;

impl NewAssessment {
    /// Checks the form and builds the assessment; the message says which field to fix.
    pub fn build(self, id: String, now: f64) -> Result<Assessment, String> {
        let name = self.name.trim().to_string();
        if name.is_empty() {
            return Err("Give the assessment a name.".into());
        }
        for (field, value) in [
            ("name", &self.name),
            ("organisation", &self.organisation),
            ("scope", &self.scope),
            ("assessor", &self.assessor),
        ] {
            if value.chars().count() > MAX_TEXT {
                return Err(format!("The {field} is longer than {MAX_TEXT} characters."));
            }
        }
        let target = self.target.unwrap_or(self.scale.default_target());
        if !target.fits(self.scale) || target == Rating::NotApplicable {
            return Err(format!(
                "The target {} does not fit the {} scale.",
                target.label(),
                self.scale.label()
            ));
        }
        Ok(Assessment {
            id,
            name,
            organisation: self.organisation.trim().to_string(),
            scope: self.scope.trim().to_string(),
            assessor: self.assessor.trim().to_string(),
            scale: self.scale,
            target,
            created: now,
            updated: now,
            answers: BTreeMap::new(),
        })
    }
}

impl Assessment {
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.get(id)
    }

    pub fn rating(&self, id: &str) -> Option<Rating> {
        self.answers.get(id).and_then(|a| a.rating)
    }

    /// Replaces one answer (dropping it when blank) and stamps the change time.
    pub fn set_answer(&mut self, id: &str, answer: Answer, now: f64) {
        if answer.is_blank() {
            self.answers.remove(id);
        } else {
            self.answers.insert(id.to_string(), answer);
        }
        self.updated = now;
    }

    /// Applies `edit` to one answer (created blank when missing).
    pub fn edit_answer(&mut self, id: &str, now: f64, edit: impl FnOnce(&mut Answer)) {
        let mut answer = self.answers.get(id).cloned().unwrap_or_default();
        edit(&mut answer);
        self.set_answer(id, answer, now);
    }

    /// A new baseline: same answers, new identity and name.
    pub fn duplicate(&self, id: String, name: String, now: f64) -> Assessment {
        Assessment {
            id,
            name,
            created: now,
            updated: now,
            ..self.clone()
        }
    }
}

/// A short unique id from a time stamp and a random number supplied by the caller.
pub fn new_id(now: f64, random: u64) -> String {
    format!("a{:x}{:06x}", now as u64, random & 0xff_ffff)
}
