//! The self-contained HTML report.

use super::{ExportContext, ExportFormat};

pub const FORMAT: ExportFormat = ExportFormat {
    id: "report-html",
    label: "Report (HTML)",
    suffix: "-report.html",
    mime: "text/html;charset=utf-8",
    render: |a, analysis, ctx: &ExportContext| {
        super::report::render(
            a,
            analysis,
            ctx.date(),
            &ctx.app_version,
            &ctx.catalogue_version,
        )
    },
};
