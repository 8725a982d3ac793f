//! The export menu: one button per format of the domain's list (`crate::domain::export::FORMATS`), so a
//! new format appears here without touching this file. Ctrl+S (Cmd+S) saves the first format, the JSON
//! result file.

use leptos::prelude::*;

use crate::domain::analysis::Analysis;
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::CATALOGUE_VERSION;
use crate::domain::export::{ExportContext, ExportFormat, FORMATS};
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

fn context() -> ExportContext {
    ExportContext {
        app_version: APP_VERSION.to_string(),
        catalogue_version: CATALOGUE_VERSION.to_string(),
        exported_at: iso_now(),
    }
}

fn save(format: &ExportFormat, a: &Assessment, analysis: &Analysis) {
    let file = format.export(a, analysis, &context());
    download_text(&file.file_name, file.mime, &file.text);
}

/// `analysis`: the page's analysis of this assessment when it has one (the results page); without it the
/// analysis is computed at the moment of the export.
#[component]
pub fn ExportMenu(
    id: String,
    #[prop(optional)] analysis: Option<Memo<Option<Analysis>>>,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(id);
    let export = move |format: &ExportFormat| {
        let Some(a) = app.assessment(&id.get_value()) else {
            return;
        };
        match analysis.and_then(|m| m.get_untracked()) {
            Some(analysis) => save(format, &a, &analysis),
            None => save(format, &a, &Analysis::of(&a)),
        }
    };
    // Ctrl+S / Cmd+S saves the result file instead of the browser's "save page".
    let keys = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("s") {
            e.prevent_default();
            if let Some(first) = FORMATS.first() {
                export(first);
            }
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="export-menu no-print" role="group" aria-label="Export">
            <span class="meta">"Export: "</span>
            {FORMATS.iter().enumerate().map(|(i, format)| view! {
                <button type="button" class="small" title=(i == 0).then_some("Ctrl+S")
                    on:click=move |_| export(format)>{format.label}</button>
            }).collect_view()}
        </div>
    }
}
