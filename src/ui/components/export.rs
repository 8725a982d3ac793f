//! The export menu: one button per format of the domain's list (`crate::domain::export::FORMATS`), so a
//! new format appears here without touching this file. Ctrl+S (Cmd+S) saves the first format, the JSON
//! result file. The renderers load when a format is first chosen (split `export`,
//! `crate::ui::lazy_routes::export`): the menu itself shows only their labels.

use leptos::prelude::*;

use crate::domain::analysis::Analysis;
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::CATALOGUE_VERSION;
use crate::domain::export::{ExportContext, FORMATS, LABELS};
use crate::ui::components::download::download_text;
use crate::ui::lazy_routes;
use crate::ui::state::{use_app, NoticeKind};
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

/// Renders format number `format` of [`FORMATS`] and downloads it; without the page's analysis, computes it.
pub fn save(format: usize, a: &Assessment, analysis: Option<Analysis>) {
    let Some(format) = FORMATS.get(format) else {
        return;
    };
    let analysis = analysis.unwrap_or_else(|| Analysis::of(a));
    let file = format.export(a, &analysis, &context());
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
    let export = move |format: usize| {
        let Some(a) = app.assessment(&id.get_value()) else {
            return;
        };
        let analysis = analysis.and_then(|m| m.get_untracked());
        leptos::task::spawn_local(async move {
            if lazy_routes::export(format, a, analysis).await.is_err() {
                app.notify(
                    NoticeKind::Error,
                    "The export could not be loaded, perhaps because the connection dropped. Your data is safe: try again in a moment.".into(),
                );
            }
        });
    };
    // Ctrl+S / Cmd+S saves the result file instead of the browser's "save page".
    let keys = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("s") {
            e.prevent_default();
            export(0);
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="export-menu no-print" role="group" aria-label="Export">
            <span class="meta">"Export: "</span>
            {LABELS.iter().enumerate().map(|(i, label)| view! {
                <button type="button" class="small" title=(i == 0).then_some("Ctrl+S")
                    on:click=move |_| export(i)>{*label}</button>
            }).collect_view()}
        </div>
    }
}
