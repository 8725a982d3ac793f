//! The JSON result file (see docs/result-format.md), with a summary of the analysis.

use super::ExportFormat;
use crate::domain::exchange::export_result_with_summary;

pub const FORMAT: ExportFormat = ExportFormat {
    id: "result",
    label: "Result file (JSON)",
    suffix: ".json",
    mime: "application/json",
    render: |a, analysis, ctx| {
        export_result_with_summary(
            a,
            analysis,
            &ctx.app_version,
            &ctx.catalogue_version,
            &ctx.exported_at,
        )
    },
};
