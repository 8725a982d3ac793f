//! Why an import was refused, and what an accepted import wants the user to know.

use super::{MAX_NESTING, RESULT_FORMAT};

/// The two kinds of file the app imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Result,
    Backup,
}

impl FileKind {
    fn described(self) -> &'static str {
        match self {
            FileKind::Result => "an ISO 20000 Readiness result file",
            FileKind::Backup => "an ISO 20000 Readiness backup",
        }
    }

    fn how_to_get_one(self) -> &'static str {
        match self {
            FileKind::Result => "Pick the .json file made by exporting an assessment's result.",
            FileKind::Backup => "Pick the .json file made by the app's full backup.",
        }
    }
}

/// Why a file was refused. Nothing is stored when import returns one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    /// Bytes that are not UTF-8, first found at this 1-based line and 0-based byte offset.
    NotUtf8 {
        line: usize,
        byte: usize,
    },
    /// The JSON stops in the middle (a cut-off download or copy).
    Truncated {
        line: usize,
        column: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    TooDeep {
        limit: usize,
    },
    /// JSON, but without our `format` field.
    NotOurFormat {
        expected: FileKind,
    },
    /// Another `format` name.
    OtherFormat {
        expected: FileKind,
        found: String,
    },
    /// Our other kind of file (a backup where a result is expected, or the reverse).
    WrongKind {
        expected: FileKind,
        found: FileKind,
    },
    TooNew {
        found: u64,
        supported: u64,
    },
    /// A field is missing or has the wrong type or value; `path` names it (`assessment.answers[2].notes`).
    Invalid {
        path: String,
        problem: String,
    },
    DuplicateIds {
        path: String,
        ids: Vec<String>,
    },
    TooLong {
        path: String,
        chars: usize,
        limit: usize,
    },
    RatingOffScale {
        path: String,
        rating: String,
        scale: String,
    },
}

impl ImportError {
    pub(crate) fn invalid(path: &str, problem: impl Into<String>) -> Self {
        ImportError::Invalid {
            path: path.to_string(),
            problem: problem.into(),
        }
    }

    /// What is wrong and what to do, for the user.
    pub fn message(&self) -> String {
        match self {
            ImportError::TooLarge { bytes, limit } => format!(
                "The file is {} MB, more than the {} MB the app accepts. Check that you picked the right file: \
                 an export from this app is much smaller.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            ImportError::Empty => "The file is empty. Ask for the file again or export it again: it may have \
                been cut off while being copied."
                .into(),
            ImportError::NotUtf8 { line, byte } => format!(
                "The file is not UTF-8 text (unreadable bytes on line {line}, at byte {byte}). It is another kind \
                 of file, or it was re-saved in another encoding or damaged: export it again from the app."
            ),
            ImportError::Truncated { line, column } => format!(
                "The file stops in the middle (line {line}, column {column}): it was probably cut off while being \
                 downloaded or copied. Ask for the file again."
            ),
            ImportError::Syntax {
                line,
                column,
                detail,
            } => format!(
                "The file is not valid JSON: {detail} at line {line}, column {column}. If it was edited by hand, \
                 fix that place; otherwise export it again from the app."
            ),
            ImportError::TooDeep { limit } => format!(
                "The file nests lists or objects more than {limit} levels deep, which no file from this app does. \
                 It is not an export of this app, or it was damaged: export it again."
            ),
            ImportError::NotOurFormat { expected } => format!(
                "This JSON file is not {}: it has no \"format\" field naming it. {}",
                expected.described(),
                expected.how_to_get_one()
            ),
            ImportError::OtherFormat { expected, found } => format!(
                "This file's format is \"{}\", not {}. {}",
                shorten(found, 80),
                expected.described(),
                expected.how_to_get_one()
            ),
            ImportError::WrongKind {
                expected: FileKind::Result,
                ..
            } => "This is a full backup of the app (every assessment and the exam history), not the result of \
                  one assessment. Restore it as a backup instead."
                .into(),
            ImportError::WrongKind { .. } => "This is the result of one assessment, not a full backup. Import \
                  it as an assessment result instead."
                .into(),
            ImportError::TooNew { found, supported } => format!(
                "This file was made by a newer version of the app (format version {found}; this version reads up \
                 to {supported}). Reload the page to get the latest version, then import it again."
            ),
            ImportError::Invalid { path, problem } => format!(
                "The file is damaged or was edited: {path} {problem}. Export it again from the app, or correct \
                 that field."
            ),
            ImportError::DuplicateIds { path, ids } => format!(
                "In the file, {path} has more than one entry for {}. Each must appear once: keep one entry each, or export \
                 the file again.",
                list(ids)
            ),
            ImportError::TooLong { path, chars, limit } => format!(
                "In the file, {path} is {chars} characters long; the app accepts at most {limit}. Shorten it in the file, \
                 or shorten it in the app and export again."
            ),
            ImportError::RatingOffScale {
                path,
                rating,
                scale,
            } => format!(
                "In the file, {path} is rated \"{rating}\", which is not on this assessment's {scale} scale. Correct the \
                 rating in the file, or export it again from the app."
            ),
        }
    }
}

/// What an accepted import wants the user to see before the data is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// The content does not match the checksum: changed after export, or damaged.
    ChecksumMismatch,
    /// No checksum: changes after export cannot be detected.
    ChecksumMissing,
    /// Answers for requirement ids this catalogue does not have; they are kept, never dropped.
    UnknownRequirements(Vec<String>),
    /// The file was in an older format version and was converted.
    Migrated { from: u64 },
}

impl ImportWarning {
    /// True when the user must explicitly accept the warning before the import is stored.
    pub fn needs_consent(&self) -> bool {
        matches!(
            self,
            ImportWarning::ChecksumMismatch | ImportWarning::ChecksumMissing
        )
    }

    pub fn message(&self) -> String {
        match self {
            ImportWarning::ChecksumMismatch => "The content does not match the file's checksum: it was changed \
                after export (by hand or by another program) or damaged on the way. Import it only if you trust \
                where it came from."
                .into(),
            ImportWarning::ChecksumMissing => "The file has no checksum, so the app cannot tell whether it was \
                changed after export. Import it only if you trust where it came from."
                .into(),
            ImportWarning::UnknownRequirements(ids) => format!(
                "{} answer{} for requirements this version of the catalogue does not have ({}). They are kept with \
                 the assessment but count in no score.",
                ids.len(),
                if ids.len() == 1 { " is" } else { "s are" },
                list(ids)
            ),
            ImportWarning::Migrated { from } => {
                let mut text = format!(
                    "The file was made by an older version of the app (format version {from}) and was converted."
                );
                if *from == 0 {
                    text.push_str(
                        " Files of that version carry no checksum, so changes made after export cannot be detected.",
                    );
                }
                text
            }
        }
    }
}

/// The message when nesting passes [`MAX_NESTING`]; kept here so both importers say the same.
pub(crate) fn too_deep() -> ImportError {
    ImportError::TooDeep { limit: MAX_NESTING }
}

/// Whether `format` names our other kind of file.
pub(crate) fn kind_of_format(format: &str) -> Option<FileKind> {
    match format {
        RESULT_FORMAT => Some(FileKind::Result),
        super::BACKUP_FORMAT => Some(FileKind::Backup),
        _ => None,
    }
}

fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb.fract() == 0.0 {
        format!("{mb:.0}")
    } else {
        format!("{mb:.1}")
    }
}

/// "a, b and c", at most ten items, the rest counted.
fn list(ids: &[String]) -> String {
    const SHOWN: usize = 10;
    let quoted: Vec<String> = ids
        .iter()
        .take(SHOWN)
        .map(|id| format!("\"{}\"", shorten(id, 40)))
        .collect();
    let mut text = match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] if ids.len() <= SHOWN => format!("{} and {last}", init.join(", ")),
        all => all.join(", "),
    };
    if ids.len() > SHOWN {
        text.push_str(&format!(" and {} more", ids.len() - SHOWN));
    }
    text
}

/// At most `max` characters of text taken from a hostile file, so a message stays readable.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}
