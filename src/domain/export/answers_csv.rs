//! Every answer as CSV.

use super::{ExportContext, ExportFormat};

pub const FORMAT: ExportFormat = ExportFormat {
    id: "answers-csv",
    label: "Answers (CSV)",
    suffix: "-answers.csv",
    mime: "text/csv;charset=utf-8",
    render: |a, analysis, _: &ExportContext| super::csv::answers_csv_of(a, analysis),
};
