//! The action plan as CSV.

use super::{ExportContext, ExportFormat};

pub const FORMAT: ExportFormat = ExportFormat {
    id: "plan-csv",
    label: "Action plan (CSV)",
    suffix: "-action-plan.csv",
    mime: "text/csv;charset=utf-8",
    render: |a, analysis, _: &ExportContext| super::csv::action_plan_csv_of(a, analysis),
};
