//! A full backup: every assessment and the exam history in one file, and its checked restore.
//!
//! The exam history travels as a plain `serde_json::Value`, so this module does not depend on the exam
//! module's types; the caller converts it (and validates it the way it validates its own storage).

use serde::Serialize;
use serde_json::Value;

use super::decode::{decode_assessment, reject_duplicates, Fields};
use super::errors::{shorten, FileKind, ImportError, ImportWarning};
use super::read::{checksum_warning, header, label, parse_json};
use super::result_file::{unknown_requirements, FileAssessment};
use super::{checksum, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MAX_BACKUP_BYTES};
use crate::domain::assessment::Assessment;
use crate::domain::persistence::reads_back_unchanged;

#[derive(Serialize)]
struct BackupData<'a> {
    assessments: Vec<FileAssessment<'a>>,
    exam: &'a Value,
}

#[derive(Serialize)]
struct BackupFile<'a> {
    format: &'static str,
    format_version: u64,
    app_version: &'a str,
    catalogue_version: &'a str,
    exported_at: &'a str,
    data: Value,
    checksum: String,
}

/// The pretty-printed backup of `assessments` and the exam store. The checksum covers `data`.
pub fn export_backup(
    assessments: &[Assessment],
    exam: &Value,
    app_version: &str,
    catalogue_version: &str,
    exported_at: &str,
) -> String {
    let data = BackupData {
        assessments: assessments.iter().map(FileAssessment::of).collect(),
        exam,
    };
    // Strings, numbers, enums and a JSON value: serialising cannot fail.
    let data = serde_json::to_value(&data).unwrap_or_default();
    let file = BackupFile {
        format: BACKUP_FORMAT,
        format_version: BACKUP_FORMAT_VERSION,
        app_version,
        catalogue_version,
        exported_at,
        checksum: checksum(&data),
        data,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// An accepted backup. Assessments keep their ids: restoring means putting back what was saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub assessments: Vec<Assessment>,
    /// The exam store as it was saved, or `Value::Null` when the backup has none.
    pub exam: Value,
    /// Show every warning; those with [`ImportWarning::needs_consent`] need the user's explicit yes.
    pub warnings: Vec<ImportWarning>,
    pub exported_at: String,
    pub app_version: String,
    pub catalogue_version: String,
}

/// Reads and checks a backup with the same discipline as a result file: size, encoding, JSON, format,
/// version, every assessment as in a result file, unique assessment ids, then the checksum (a warning).
pub fn import_backup(
    bytes: &[u8],
    is_known_requirement: &dyn Fn(&str) -> bool,
) -> Result<Backup, ImportError> {
    let root = parse_json(bytes, MAX_BACKUP_BYTES)?;
    let head = header(&root, FileKind::Backup, BACKUP_FORMAT_VERSION)?;
    if head.version < BACKUP_FORMAT_VERSION {
        return Err(ImportError::invalid(
            "format_version",
            format!(
                "is {}, but backups start at version {BACKUP_FORMAT_VERSION}",
                head.version
            ),
        ));
    }
    let obj = head.root;
    let app_version = label(obj, "app_version", None)?;
    let catalogue_version = label(obj, "catalogue_version", None)?;
    let exported_at = label(obj, "exported_at", None)?;
    let data_value = obj
        .get("data")
        .ok_or_else(|| ImportError::invalid("data", "is missing"))?;
    let data = Fields::of(data_value, "data")?;
    let assessments = decode_assessments(data.required("assessments")?)?;
    let exam = data.required("exam")?.clone();
    refuse_inexact_numbers(&exam, "data.exam")?;
    let mut warnings: Vec<ImportWarning> = checksum_warning(obj, data_value)?.into_iter().collect();
    warnings.extend(unknown_requirements(
        assessments.iter(),
        is_known_requirement,
    ));
    Ok(Backup {
        assessments,
        exam,
        warnings,
        exported_at,
        app_version,
        catalogue_version,
    })
}

fn decode_assessments(value: &Value) -> Result<Vec<Assessment>, ImportError> {
    const PATH: &str = "data.assessments";
    let items = value.as_array().ok_or_else(|| {
        ImportError::invalid(
            PATH,
            format!(
                "should be a list of assessments but is {}",
                super::read::kind_name(value)
            ),
        )
    })?;
    let assessments = items
        .iter()
        .enumerate()
        .map(|(i, item)| decode_assessment(item, &format!("{PATH}[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    for (i, a) in assessments.iter().enumerate() {
        if a.id.trim().is_empty() {
            return Err(ImportError::invalid(
                &format!("{PATH}[{i}].id"),
                "is empty; every assessment in a backup needs its id",
            ));
        }
    }
    let ids: Vec<(String, ())> = assessments.iter().map(|a| (a.id.clone(), ())).collect();
    reject_duplicates(&ids, PATH)?;
    Ok(assessments)
}

/// Refuses a number that would come back changed from the backup's own export, and so be flagged as
/// tampered with. With serde_json's `float_roundtrip` every number read from JSON reads back (see
/// [`reads_back_unchanged`]), so this guard should never refuse anything now; without the feature, some
/// long numbers read one bit off. The app writes only whole milliseconds and counts in the exam history.
fn refuse_inexact_numbers(value: &Value, path: &str) -> Result<(), ImportError> {
    match value {
        Value::Number(n) if is_inexact(n) => Err(ImportError::invalid(
            path,
            format!(
                "is {n}, a number with more digits than the app writes or can read back exactly; shorten it"
            ),
        )),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, item)| refuse_inexact_numbers(item, &format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().try_for_each(|(key, member)| {
            refuse_inexact_numbers(member, &format!("{path}.{}", shorten(key, 40)))
        }),
        _ => Ok(()),
    }
}

/// Integers always read back; only a number read as a float can drift.
fn is_inexact(n: &serde_json::Number) -> bool {
    n.is_f64() && n.as_f64().is_some_and(|x| !reads_back_unchanged(x))
}
