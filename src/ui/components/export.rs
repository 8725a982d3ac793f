//! Export of one assessment: the JSON result file, CSV of the answers and of the action plan, and the
//! self-contained HTML report. Ctrl+S (Cmd+S) downloads the JSON result file.

use leptos::prelude::*;

use crate::domain::assessment::Assessment;
use crate::domain::catalogue::CATALOGUE_VERSION;
use crate::domain::exchange::{action_plan_csv, answers_csv, export_result, result_file_name};
use crate::domain::report::html_report;
use crate::ui::components::download::download_text;
use crate::ui::state::use_app;
use crate::APP_VERSION;

/// Now as an ISO 8601 time stamp (UTC).
pub fn iso_now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date, YYYY-MM-DD (UTC), for file names.
pub fn iso_today() -> String {
    iso_now().chars().take(10).collect()
}

pub fn download_result(a: &Assessment) {
    let json = export_result(a, APP_VERSION, CATALOGUE_VERSION, &iso_now());
    download_text(
        &result_file_name(a, &iso_today()),
        "application/json",
        &json,
    );
}

/// The same base name as the result file, with another extension.
fn sibling_name(a: &Assessment, suffix: &str) -> String {
    let base = result_file_name(a, &iso_today());
    format!("{}{suffix}", base.trim_end_matches(".json"))
}

#[component]
pub fn ExportMenu(id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(id);
    let with = move |f: fn(&Assessment)| {
        if let Some(a) = app.assessment(&id.get_value()) {
            f(&a);
        }
    };
    // Ctrl+S / Cmd+S saves the result file instead of the browser's "save page".
    let keys = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("s") {
            e.prevent_default();
            with(download_result);
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="export-menu no-print" role="group" aria-label="Export">
            <span class="meta">"Export: "</span>
            <button type="button" class="small" on:click=move |_| with(download_result) title="Ctrl+S">"Result file (JSON)"</button>
            <button type="button" class="small" on:click=move |_| with(|a| download_text(&sibling_name(a, "-answers.csv"), "text/csv;charset=utf-8", &answers_csv(a)))>"Answers (CSV)"</button>
            <button type="button" class="small" on:click=move |_| with(|a| download_text(&sibling_name(a, "-action-plan.csv"), "text/csv;charset=utf-8", &action_plan_csv(a)))>"Action plan (CSV)"</button>
            <button type="button" class="small" on:click=move |_| with(|a| download_text(&sibling_name(a, "-report.html"), "text/html;charset=utf-8", &html_report(a, &iso_today(), APP_VERSION, CATALOGUE_VERSION)))>"Report (HTML)"</button>
        </div>
    }
}
