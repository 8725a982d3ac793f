//! Sharing assessments outside the browser: a checked JSON result file per assessment, a full backup of
//! everything, CSV for spreadsheets, and the consolidation of several respondents' answers.
//!
//! A file from outside is untrusted: import checks everything it says (size, encoding, JSON, format,
//! version, types, duplicates, lengths, ratings) before the caller stores anything, and returns either an
//! [`ImportError`] that says what is wrong and what to do, or the data with [`ImportWarning`]s the user must
//! see. `docs/result-format.md` describes the files and their checksum.
//!
//! Import checks, in order: size, emptiness, UTF-8 (a byte order mark is skipped), nesting depth, JSON
//! syntax, format name, format version (older ones migrated, newer refused), field types, duplicate ids,
//! text lengths, ratings against the scale; then the checksum and unknown requirement ids give warnings.

pub mod backup;
mod canonical;
pub mod csv_import;
mod decode;
mod errors;
pub mod merge;
pub mod placement;
mod read;
pub mod result_file;

pub use crate::domain::export::csv::{self, action_plan_csv, answers_csv};
pub use backup::{export_backup, import_backup, Backup};
pub use canonical::{canonical_json, checksum};
pub use csv_import::{import_answers_csv, CsvAnswers, CsvImportError, RowError};
pub use errors::{FileKind, ImportError, ImportWarning};
pub use merge::{merge, Consolidated, ConsolidatedItem, MergeError, MergeRule, Pick, Response};
pub use placement::{already_stored, imported_name, restored_copy, Restore};
pub use result_file::{
    export_result, export_result_with_summary, import_result, is_catalogue_requirement,
    result_file_name, Imported,
};

/// The `format` of a result file (one assessment).
pub const RESULT_FORMAT: &str = "iso20000-readiness-result";
/// The `format` of a full backup (every assessment and the exam history).
pub const BACKUP_FORMAT: &str = "iso20000-readiness-backup";
/// The result file format this version writes; older ones are migrated on import, newer ones refused.
pub const RESULT_FORMAT_VERSION: u64 = 1;
/// The backup format this version writes and reads.
pub const BACKUP_FORMAT_VERSION: u64 = 1;
/// Largest result file accepted: one assessment is a few hundred kilobytes at most, so anything bigger is
/// the wrong file, and refusing it early keeps the browser responsive.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// Largest backup accepted: a backup holds what localStorage can hold (about 5 million characters) and is
/// pretty-printed, so it gets more room than a single result.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;
/// Deepest nesting of lists and objects accepted. Our files nest at most 6 levels (plus the exam history in
/// a backup); the limit stays well below serde_json's own recursion limit of 128, so a hostile file gets a
/// clear message instead of a parser error.
pub const MAX_NESTING: usize = 64;
/// Longest requirement or assessment id accepted, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Longest version or date label accepted (`app_version`, `catalogue_version`, `exported_at`).
pub const MAX_LABEL_CHARS: usize = 100;
