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

    /// The rating a key press picks on this scale: the digit shown beside each rating (1 to 3 on the
    /// conformity scale, 0 to 5 on the capability scale) or N for not applicable.
    pub fn rating_for_key(self, key: char) -> Option<Rating> {
        if key.eq_ignore_ascii_case(&'n') {
            return Some(Rating::NotApplicable);
        }
        let digit = u8::try_from(key.to_digit(10)?).ok()?;
        match self {
            Scale::Conformity => self
                .ratings()
                .get(usize::from(digit).checked_sub(1)?)
                .copied(),
            Scale::Capability => (digit <= 5).then_some(Rating::Level(digit)),
        }
    }

    /// The key that picks `rating` on this scale (the inverse of [`Scale::rating_for_key`]).
    pub fn key_for(self, rating: Rating) -> Option<char> {
        if rating == Rating::NotApplicable {
            return Some('N');
        }
        let position = self.ratings().iter().position(|r| *r == rating)?;
        let digit = match self {
            Scale::Conformity => position + 1,
            Scale::Capability => position,
        };
        char::from_digit(u32::try_from(digit).ok()?, 10)
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

/// Progress of a planned action, ordered from the least to the most advanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
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

/// Whether the documented information a requirement asks for exists, ordered from the worst to the best
/// (so `min` gives the worst of several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    Missing,
    Partial,
    Present,
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
    /// Marked for review: the assessor wants to come back to it (unsure, or waiting for someone).
    /// Data written before this field existed reads as false.
    pub review: bool,
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

/// Longest accepted free-text field, in characters: generous for notes, bounded for storage.
pub const MAX_TEXT: usize = 20_000;

/// A field of the assessment's details, so that a form can show a complaint beside the right input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailsField {
    Name,
    Organisation,
    Scope,
    Assessor,
    Target,
}

impl DetailsField {
    /// The field's name inside a sentence.
    pub fn label(self) -> &'static str {
        match self {
            DetailsField::Name => "name",
            DetailsField::Organisation => "organisation",
            DetailsField::Scope => "scope",
            DetailsField::Assessor => "assessor",
            DetailsField::Target => "target",
        }
    }
}

/// Why a details form cannot be accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailsError {
    EmptyName,
    TooLong(DetailsField),
    TargetOffScale { target: Rating, scale: Scale },
}

impl DetailsError {
    /// The field to fix.
    pub fn field(&self) -> DetailsField {
        match self {
            DetailsError::EmptyName => DetailsField::Name,
            DetailsError::TooLong(f) => *f,
            DetailsError::TargetOffScale { .. } => DetailsField::Target,
        }
    }
}

impl fmt::Display for DetailsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetailsError::EmptyName => f.write_str("Give the assessment a name."),
            DetailsError::TooLong(field) => write!(
                f,
                "The {} is longer than {MAX_TEXT} characters.",
                field.label()
            ),
            DetailsError::TargetOffScale { target, scale } => write!(
                f,
                "The target {} does not fit the {} scale.",
                target.label(),
                scale.label()
            ),
        }
    }
}

impl std::error::Error for DetailsError {}

/// What a user types when creating an assessment or editing its details, before it is checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewAssessment {
    pub name: String,
    pub organisation: String,
    pub scope: String,
    pub assessor: String,
    pub scale: Scale,
    pub target: Option<Rating>,
}

/// Checked details: a name, texts within bounds (trimmed) and a target that fits the scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub name: String,
    pub organisation: String,
    pub scope: String,
    pub assessor: String,
    pub scale: Scale,
    pub target: Rating,
}

impl TryFrom<NewAssessment> for Details {
    type Error = DetailsError;

    fn try_from(form: NewAssessment) -> Result<Details, DetailsError> {
        let name = form.name.trim().to_string();
        if name.is_empty() {
            return Err(DetailsError::EmptyName);
        }
        for (field, value) in [
            (DetailsField::Name, &form.name),
            (DetailsField::Organisation, &form.organisation),
            (DetailsField::Scope, &form.scope),
            (DetailsField::Assessor, &form.assessor),
        ] {
            if value.chars().count() > MAX_TEXT {
                return Err(DetailsError::TooLong(field));
            }
        }
        let target = form.target.unwrap_or(form.scale.default_target());
        if !target.fits(form.scale) || target == Rating::NotApplicable {
            return Err(DetailsError::TargetOffScale {
                target,
                scale: form.scale,
            });
        }
        Ok(Details {
            name,
            organisation: form.organisation.trim().to_string(),
            scope: form.scope.trim().to_string(),
            assessor: form.assessor.trim().to_string(),
            scale: form.scale,
            target,
        })
    }
}

impl NewAssessment {
    /// Checks the form and builds the assessment; the error says which field to fix.
    pub fn build(self, id: String, now: f64) -> Result<Assessment, DetailsError> {
        let d = Details::try_from(self)?;
        Ok(Assessment {
            id,
            name: d.name,
            organisation: d.organisation,
            scope: d.scope,
            assessor: d.assessor,
            scale: d.scale,
            target: d.target,
            created: now,
            updated: now,
            answers: BTreeMap::new(),
        })
    }
}

impl Assessment {
    /// The details as a form shows them for editing.
    pub fn details_form(&self) -> NewAssessment {
        NewAssessment {
            name: self.name.clone(),
            organisation: self.organisation.clone(),
            scope: self.scope.clone(),
            assessor: self.assessor.clone(),
            scale: self.scale,
            target: Some(self.target),
        }
    }

    /// How many ratings a change to `scale` would clear: those that do not fit it (not applicable fits
    /// every scale and is kept).
    pub fn ratings_lost_by(&self, scale: Scale) -> usize {
        self.answers
            .values()
            .filter_map(|a| a.rating)
            .filter(|r| !r.fits(scale))
            .count()
    }

    /// Takes new details. A change of scale clears the ratings that do not fit the new scale (their
    /// notes, evidence, actions and review marks stay), and drops answers left blank.
    pub fn apply_details(&mut self, d: Details, now: f64) {
        if d.scale != self.scale {
            for answer in self.answers.values_mut() {
                if answer.rating.is_some_and(|r| !r.fits(d.scale)) {
                    answer.rating = None;
                }
            }
            self.answers.retain(|_, a| !a.is_blank());
        }
        self.name = d.name;
        self.organisation = d.organisation;
        self.scope = d.scope;
        self.assessor = d.assessor;
        self.scale = d.scale;
        self.target = d.target;
        self.updated = now;
    }

    /// Index in the catalogue of the first requirement without a rating, if any.
    pub fn first_unanswered<'r>(&self, ids: impl IntoIterator<Item = &'r str>) -> Option<usize> {
        ids.into_iter().position(|id| self.rating(id).is_none())
    }

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
