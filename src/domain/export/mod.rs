//! Every way an assessment leaves the app, as one list ([`FORMATS`]) that the export menu iterates. Each
//! format is one file here rendering the assessment's [`Analysis`]: adding a format is one new file with a
//! `FORMAT` constant and one line in [`FORMATS`].

pub mod answers_csv;
pub mod csv;
pub mod html;
pub mod plan_csv;
pub mod report;
pub mod result;

use crate::domain::analysis::Analysis;
use crate::domain::assessment::Assessment;
use crate::domain::exchange::result_file_name;

/// What every export needs besides the assessment and its analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportContext {
    pub app_version: String,
    pub catalogue_version: String,
    /// ISO 8601 time stamp of the export.
    pub exported_at: String,
}

impl ExportContext {
    /// The date part of `exported_at` (YYYY-MM-DD), for file names and the report's date.
    pub fn date(&self) -> &str {
        self.exported_at.get(..10).unwrap_or(&self.exported_at)
    }
}

/// A rendered export: what to save and under which name.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    pub file_name: String,
    pub mime: &'static str,
    pub text: String,
}

/// One export format, as the menu lists it.
#[derive(Clone, Copy)]
pub struct ExportFormat {
    /// A stable identifier (for tests and element ids), never shown.
    pub id: &'static str,
    /// The menu's label.
    pub label: &'static str,
    /// Appended to the assessment's file base name, e.g. "-answers.csv".
    pub suffix: &'static str,
    pub mime: &'static str,
    pub render: fn(&Assessment, &Analysis, &ExportContext) -> String,
}

impl ExportFormat {
    pub fn export(&self, a: &Assessment, analysis: &Analysis, ctx: &ExportContext) -> ExportFile {
        ExportFile {
            file_name: file_name(a, ctx, self.suffix),
            mime: self.mime,
            text: (self.render)(a, analysis, ctx),
        }
    }
}

/// Every format, in the menu's order; the first is the one Ctrl+S saves.
pub const FORMATS: [ExportFormat; 4] = [
    result::FORMAT,
    answers_csv::FORMAT,
    plan_csv::FORMAT,
    html::FORMAT,
];

/// The formats' menu labels, in the same order, evaluated at compile time: a menu that only shows them does
/// not link the renderers, which load when a format is chosen.
pub const LABELS: [&str; FORMATS.len()] = {
    let mut labels = [""; FORMATS.len()];
    let mut i = 0;
    while i < FORMATS.len() {
        labels[i] = FORMATS[i].label;
        i += 1;
    }
    labels
};

/// The result file's name with the format's suffix instead of ".json".
fn file_name(a: &Assessment, ctx: &ExportContext, suffix: &str) -> String {
    let base = result_file_name(a, ctx.date());
    format!("{}{suffix}", base.trim_end_matches(".json"))
}
