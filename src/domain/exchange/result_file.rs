//! The result file of one assessment: export, file name, and import with validation and migration.

use serde::Serialize;
use serde_json::{Map, Value};

use super::decode::decode_assessment;
use super::errors::{FileKind, ImportError, ImportWarning};
use super::read::{checksum_warning, header, label, parse_json};
use super::{checksum, MAX_IMPORT_BYTES, RESULT_FORMAT, RESULT_FORMAT_VERSION};
use crate::domain::analysis::Analysis;
use crate::domain::assessment::{Answer, Assessment, Rating, Scale};
use crate::domain::catalogue;

/// An assessment as files carry it: answers are a list of objects with an `id`, so a file that answers a
/// requirement twice can be detected (a JSON object would silently keep one of them).
#[derive(Serialize)]
pub(crate) struct FileAssessment<'a> {
    id: &'a str,
    name: &'a str,
    organisation: &'a str,
    scope: &'a str,
    assessor: &'a str,
    scale: Scale,
    target: Rating,
    created: f64,
    updated: f64,
    answers: Vec<FileAnswer<'a>>,
}

#[derive(Serialize)]
struct FileAnswer<'a> {
    id: &'a str,
    #[serde(flatten)]
    answer: &'a Answer,
}

impl<'a> FileAssessment<'a> {
    /// Answers in catalogue order (ids the catalogue does not know last), so files read like the standard.
    pub(crate) fn of(a: &'a Assessment) -> Self {
        let mut answers: Vec<FileAnswer<'a>> = a
            .answers
            .iter()
            .map(|(id, answer)| FileAnswer { id, answer })
            .collect();
        answers.sort_by_cached_key(|f| {
            (
                catalogue::requirement_index(f.id).unwrap_or(usize::MAX),
                f.id,
            )
        });
        FileAssessment {
            id: &a.id,
            name: &a.name,
            organisation: &a.organisation,
            scope: &a.scope,
            assessor: &a.assessor,
            scale: a.scale,
            target: a.target,
            created: a.created,
            updated: a.updated,
            answers,
        }
    }

    /// The JSON value the checksum is computed over.
    pub(crate) fn to_value(&self) -> Value {
        // Plain strings, numbers and enums: serialising cannot fail.
        serde_json::to_value(self).unwrap_or_default()
    }
}

#[derive(Serialize)]
struct ResultFile<'a> {
    format: &'static str,
    format_version: u64,
    app_version: &'a str,
    catalogue_version: &'a str,
    exported_at: &'a str,
    assessment: FileAssessment<'a>,
    /// Derived from the assessment for a reader without the app; not covered by the checksum, ignored on
    /// import.
    summary: Summary,
    checksum: String,
}

/// The analysis' headline figures, as the results page shows them.
#[derive(Serialize)]
struct Summary {
    /// 0..=1, or null when nothing applicable is rated.
    overall_score: Option<f64>,
    completion: f64,
    answered: usize,
    requirements: usize,
    gaps: usize,
    still_to_assess: usize,
    planned_actions: usize,
    ready_for_stage_1: bool,
}

impl Summary {
    fn of(analysis: &Analysis) -> Summary {
        let overall = &analysis.scorecard.overall;
        Summary {
            overall_score: overall.score(),
            completion: overall.completion(),
            answered: overall.answered,
            requirements: overall.total,
            gaps: analysis.gaps.len(),
            still_to_assess: analysis.still_to_assess.total(),
            planned_actions: analysis.action_plan.len(),
            ready_for_stage_1: analysis.verdict.ready(),
        }
    }
}

/// The pretty-printed result file of `a`. `exported_at` is an ISO 8601 time stamp supplied by the caller.
pub fn export_result(
    a: &Assessment,
    app_version: &str,
    catalogue_version: &str,
    exported_at: &str,
) -> String {
    export_result_with_summary(
        a,
        &Analysis::of(a),
        app_version,
        catalogue_version,
        exported_at,
    )
}

/// [`export_result`] with the assessment's analysis already computed.
pub fn export_result_with_summary(
    a: &Assessment,
    analysis: &Analysis,
    app_version: &str,
    catalogue_version: &str,
    exported_at: &str,
) -> String {
    let assessment = FileAssessment::of(a);
    let checksum = checksum(&assessment.to_value());
    let file = ResultFile {
        format: RESULT_FORMAT,
        format_version: RESULT_FORMAT_VERSION,
        app_version,
        catalogue_version,
        exported_at,
        assessment,
        summary: Summary::of(analysis),
        checksum,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A safe file name: the assessment name as a lower-case ASCII slug, then the date, then `.json`
/// ("Baseline 2026 – ACME" on 2026-11-22 gives `baseline-2026-acme-2026-11-22.json`). Never empty, at
/// most [`MAX_FILE_NAME`] characters, and free of characters any file system rejects.
pub fn result_file_name(a: &Assessment, date: &str) -> String {
    let date = slug(date, 20);
    let suffix = if date.is_empty() {
        ".json".to_string()
    } else {
        format!("-{date}.json")
    };
    let mut name = slug(&a.name, MAX_FILE_NAME - suffix.len());
    if name.is_empty() {
        name = "assessment".into();
    }
    name + &suffix
}

/// Longest file name [`result_file_name`] returns.
pub const MAX_FILE_NAME: usize = 80;

/// Lower-case ASCII letters and digits, with one hyphen for any run of other characters, at most `max`
/// long. Common Latin accents lose their accent rather than the letter.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for ch in text.chars().flat_map(fold_accent) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

fn fold_accent(ch: char) -> Vec<char> {
    let base = match ch.to_lowercase().next().unwrap_or(ch) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return vec![ch],
    };
    base.chars().collect()
}

/// An accepted result file. `assessment.id` is the one in the file: give it a new id before storing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    /// Show every warning; those with [`ImportWarning::needs_consent`] need the user's explicit yes.
    pub warnings: Vec<ImportWarning>,
    pub exported_at: String,
    pub app_version: String,
    /// `"unknown"` for files older than format version 1.
    pub catalogue_version: String,
}

impl Imported {
    /// Label and value pairs describing the file, for the confirmation shown before anything is stored.
    pub fn preview(&self) -> Vec<(&'static str, String)> {
        let a = &self.assessment;
        let rated = a.answers.values().filter(|x| x.is_answered()).count();
        vec![
            ("Name", a.name.clone()),
            ("Organisation", a.organisation.clone()),
            ("Scope", a.scope.clone()),
            ("Assessor", a.assessor.clone()),
            ("Scale", a.scale.label().to_string()),
            ("Requirements rated", rated.to_string()),
            ("Exported at", self.exported_at.clone()),
            ("Exported by app version", self.app_version.clone()),
            ("Catalogue version", self.catalogue_version.clone()),
        ]
    }
}

/// Whether this version's catalogue has the requirement: the usual `is_known_requirement` for
/// [`import_result`].
pub fn is_catalogue_requirement(id: &str) -> bool {
    catalogue::requirement(id).is_some()
}

/// Reads and checks a result file (see the module documentation of `exchange` for the order of checks).
/// `is_known_requirement` tells which requirement ids the catalogue has; answers for others are kept and
/// reported in a warning.
pub fn import_result(
    bytes: &[u8],
    is_known_requirement: &dyn Fn(&str) -> bool,
) -> Result<Imported, ImportError> {
    let mut root = parse_json(bytes, MAX_IMPORT_BYTES)?;
    let version = header(&root, FileKind::Result, RESULT_FORMAT_VERSION)?.version;
    let mut warnings = Vec::new();
    if version < RESULT_FORMAT_VERSION {
        migrate(&mut root, version)?;
        warnings.push(ImportWarning::Migrated { from: version });
    }
    let obj = root.as_object().ok_or(ImportError::NotOurFormat {
        expected: FileKind::Result,
    })?;
    let app_version = label(obj, "app_version", None)?;
    let catalogue_version = label(obj, "catalogue_version", None)?;
    let exported_at = label(obj, "exported_at", None)?;
    let content = obj
        .get("assessment")
        .ok_or_else(|| ImportError::invalid("assessment", "is missing"))?;
    let assessment = decode_assessment(content, "assessment")?;
    if version == RESULT_FORMAT_VERSION {
        warnings.extend(checksum_warning(obj, content)?);
    }
    warnings.extend(unknown_requirements(
        [&assessment].into_iter(),
        is_known_requirement,
    ));
    Ok(Imported {
        assessment,
        warnings,
        exported_at,
        app_version,
        catalogue_version,
    })
}

/// One warning listing every answered id the catalogue does not know, or none.
pub(crate) fn unknown_requirements<'a>(
    assessments: impl Iterator<Item = &'a Assessment>,
    is_known_requirement: &dyn Fn(&str) -> bool,
) -> Option<ImportWarning> {
    let mut unknown: Vec<String> = assessments
        .flat_map(|a| a.answers.keys())
        .filter(|id| !is_known_requirement(id))
        .cloned()
        .collect();
    unknown.sort();
    unknown.dedup();
    (!unknown.is_empty()).then_some(ImportWarning::UnknownRequirements(unknown))
}

/// Brings a result file from `from` up to [`RESULT_FORMAT_VERSION`], one version at a time.
fn migrate(root: &mut Value, from: u64) -> Result<(), ImportError> {
    for version in from..RESULT_FORMAT_VERSION {
        match version {
            0 => migrate_0_to_1(root)?,
            v => {
                return Err(ImportError::invalid(
                    "format_version",
                    format!("is {v}, a version that never existed"),
                ))
            }
        }
    }
    Ok(())
}

/// Format version 0 wrote the assessment as the app stored it: answers as an object keyed by requirement
/// id (possibly absent), `target` possibly absent (it came later), and no `catalogue_version` or checksum.
fn migrate_0_to_1(root: &mut Value) -> Result<(), ImportError> {
    let obj = root.as_object_mut().ok_or(ImportError::NotOurFormat {
        expected: FileKind::Result,
    })?;
    obj.entry("catalogue_version")
        .or_insert_with(|| Value::String("unknown".into()));
    let assessment = obj
        .get_mut("assessment")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| ImportError::invalid("assessment", "should be an object"))?;
    // The same rule as stored data of schema 0 (one copy, in persistence).
    crate::domain::persistence::add_default_target(assessment);
    let answers = match assessment.remove("answers") {
        None => Vec::new(),
        Some(Value::Object(map)) => answers_as_list(map)?,
        Some(_) => {
            return Err(ImportError::invalid(
                "assessment.answers",
                "should be an object of answers keyed by requirement id (format version 0)",
            ))
        }
    };
    assessment.insert("answers".into(), Value::Array(answers));
    Ok(())
}

fn answers_as_list(map: Map<String, Value>) -> Result<Vec<Value>, ImportError> {
    map.into_iter()
        .map(|(id, answer)| match answer {
            Value::Object(mut fields) => {
                fields.insert("id".into(), Value::String(id));
                Ok(Value::Object(fields))
            }
            _ => Err(ImportError::invalid(
                &format!(
                    "assessment.answers[\"{}\"]",
                    super::errors::shorten(&id, 40)
                ),
                "should be an object",
            )),
        })
        .collect()
}
