//! The import panel of /assessments: pick or drop files, or download a full backup. Reading what the files
//! hold (and the import, compare and consolidate code) is loaded only when a file is chosen, so the page
//! opens without it (`crate::ui::lazy_routes::import_outcome`, built by `import.rs`).

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::catalogue::CATALOGUE_VERSION;
use crate::domain::exchange::{export_backup, ImportError, MAX_BACKUP_BYTES};
use crate::ui::components::download::download_text;
use crate::ui::components::export::{iso_now, iso_today};
use crate::ui::exam_state::ExamState;
use crate::ui::lazy_routes::import_outcome;
use crate::ui::state::use_app;
use crate::APP_VERSION;

/// A file the user chose, read but not yet checked: its bytes, or why it could not be read.
#[derive(Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub bytes: Result<Vec<u8>, String>,
}

async fn read_file(file: web_sys::File) -> PickedFile {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_BACKUP_BYTES {
        let message = ImportError::TooLarge {
            bytes: size,
            limit: MAX_BACKUP_BYTES,
        }
        .message();
        return PickedFile {
            name,
            bytes: Err(message),
        };
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err(
            "The browser could not read this file. Check that it still exists and try again."
                .into(),
        ),
    };
    PickedFile { name, bytes }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let picked = RwSignal::new(Vec::<PickedFile>::new());
    let busy = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let load = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let mut out = Vec::new();
            for f in files {
                out.push(read_file(f).await);
            }
            picked.set(out);
            busy.set(false);
        });
    };
    // Drop files anywhere on the page.
    let over = window_event_listener(leptos::ev::dragover, move |e: web_sys::DragEvent| {
        e.prevent_default();
        dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |_| dragging.set(false));
    let drop = window_event_listener(leptos::ev::drop, move |e: web_sys::DragEvent| {
        e.prevent_default();
        dragging.set(false);
        load(files_of(e.data_transfer().and_then(|d| d.files())));
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    let on_pick = move |e: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&e);
        load(files_of(input.files()));
        input.set_value("");
    };
    let on_done = Callback::new(move |()| picked.set(Vec::new()));
    view! {
        <section class="card import" class:dragging=move || dragging.get() aria-labelledby="import-title">
            <h2 id="import-title">"Import, compare or consolidate"</h2>
            <p>"Open result files exported from this app (by you, a colleague or a consultant), a full backup, "
               "or an answers CSV filled in a spreadsheet. "
               "You can also drop files anywhere on this page. Files are checked and previewed before anything is stored; "
               "nothing you have is ever overwritten."</p>
            <div class="field">
                <label for="import-files">"Result files, a backup or an answers CSV (.json or .csv, up to 5 MB each; backups up to 20 MB)"</label>
                <input id="import-files" type="file" accept=".json,application/json,.csv,text/csv" multiple on:change=on_pick/>
            </div>
            <BackupButton/>
            {move || busy.get().then(|| view! { <p role="status">"Checking the files…"</p> })}
            <div role="region" aria-live="polite" aria-label="Import results">
                {move || {
                    let files = picked.get();
                    (!files.is_empty()).then(|| Suspend::new(async move {
                        import_outcome(files, on_done).await
                    }))
                }}
            </div>
        </section>
    }
}

#[component]
fn BackupButton() -> impl IntoView {
    let app = use_app();
    let exam = expect_context::<ExamState>();
    let backup = move |_| {
        let assessments = app.assessments.get_untracked();
        let exam_value = exam
            .store
            .with_untracked(|s| serde_json::to_value(s).unwrap_or_default());
        let text = export_backup(
            &assessments,
            &exam_value,
            APP_VERSION,
            CATALOGUE_VERSION,
            &iso_now(),
        );
        download_text(
            &format!("iso20000-readiness-backup-{}.json", iso_today()),
            "application/json",
            &text,
        );
    };
    view! {
        <p><button type="button" on:click=backup>"Download a full backup"</button>
           <span class="meta">" Every assessment and your exam history in one file."</span></p>
    }
}
