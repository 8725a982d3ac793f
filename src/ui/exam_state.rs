//! The exam side's state: the question bank (fetched once, on demand) and the stored exam progress.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::catalogue::{Question, CATALOGUE_VERSION};
use crate::domain::exam::leitner::day_of;
use crate::domain::exam::progress::ExamStore;
use crate::domain::exam::wire;
use crate::domain::persistence::KeyValueStore;
use crate::domain::persistence::{DecodeError, DocumentKind, EXAM_KEY};
use crate::storage::BrowserStore;
use crate::ui::state::{now, repository, use_app, NoticeKind};

#[derive(Debug, Clone, PartialEq)]
pub enum Bank {
    NotRequested,
    Loading,
    Ready(&'static [Question]),
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct ExamState {
    pub bank: RwSignal<Bank>,
    pub store: RwSignal<ExamStore>,
    /// False when the stored exam data could not be read: it is then never overwritten.
    writable: RwSignal<bool>,
    loaded: StoredValue<bool>,
}

/// Today's local calendar day, for the Leitner queue.
pub fn today() -> i64 {
    let offset = js_sys::Date::new_0().get_timezone_offset() as i32;
    day_of(now(), offset)
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the question bank could not be downloaded (are you offline?)".to_string())?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| "unexpected response".to_string())?;
    if !resp.ok() {
        return Err(format!(
            "the question bank could not be downloaded (HTTP {})",
            resp.status()
        ));
    }
    let text = JsFuture::from(resp.text().map_err(|_| "unreadable response".to_string())?)
        .await
        .map_err(|_| "unreadable response".to_string())?;
    text.as_string()
        .ok_or_else(|| "unreadable response".to_string())
}

impl ExamState {
    /// The state before anything is read from storage (see `crate::ui::lazy_routes`).
    pub fn empty() -> ExamState {
        ExamState {
            bank: RwSignal::new(Bank::NotRequested),
            store: RwSignal::new(ExamStore::default()),
            writable: RwSignal::new(true),
            loaded: StoredValue::new(false),
        }
    }

    /// Reads the stored exam progress (once); the bank is fetched later, by the first exam page.
    pub fn load(&self, app: crate::ui::state::AppState) {
        if self.loaded.get_value() {
            return;
        }
        self.loaded.set_value(true);
        let state = *self;
        match repository().load::<ExamStore>(EXAM_KEY, DocumentKind::Exam) {
            Ok(None) => {}
            Ok(Some(Ok(mut store))) => {
                let dropped = store.drop_invalid_attempts();
                if !dropped.is_empty() {
                    // Keep the damaged original (downloadable), go on with everything that is sound.
                    let raw = BrowserStore
                        .get(EXAM_KEY)
                        .ok()
                        .flatten()
                        .unwrap_or_default();
                    let why = dropped
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ");
                    match repository().quarantine(EXAM_KEY, &raw, &why, now()) {
                        Ok(q) => app.notify_quarantined(&q),
                        Err(e) => {
                            state.writable.set(false);
                            app.notify(NoticeKind::Error, e.user_message());
                        }
                    }
                }
                state.store.set(store);
                if !dropped.is_empty() && state.writable.get_untracked() {
                    if let Err(e) = repository().save(EXAM_KEY, &state.store.get_untracked()) {
                        app.notify(NoticeKind::Error, e.user_message());
                    }
                }
            }
            Ok(Some(Err(DecodeError::TooNew(_)))) => {
                state.writable.set(false);
                app.notify(
                    NoticeKind::Warning,
                    "Your exam history was saved by a newer version of this app. It is left untouched; new results \
                     will not be saved until you use that version."
                        .into(),
                );
            }
            Ok(Some(Err(DecodeError::Corrupt(why)))) => {
                // Set the unreadable value aside (downloadable) and start afresh.
                let raw = BrowserStore
                    .get(EXAM_KEY)
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                match repository().quarantine(EXAM_KEY, &raw, &why, now()) {
                    Ok(q) => app.notify_quarantined(&q),
                    Err(e) => {
                        state.writable.set(false);
                        app.notify(NoticeKind::Error, e.user_message());
                    }
                }
            }
            Err(e) => app.notify(NoticeKind::Error, e.user_message()),
        }
    }

    /// Starts fetching the question bank unless it is loaded or on its way.
    pub fn request_bank(&self) {
        if self.bank.get_untracked() != Bank::NotRequested {
            return;
        }
        self.bank.set(Bank::Loading);
        let state = *self;
        leptos::task::spawn_local(async move {
            let url = format!("/questions.json?v={CATALOGUE_VERSION}");
            let result = fetch_text(&url)
                .await
                .and_then(|json| wire::load(&json, CATALOGUE_VERSION).map_err(|e| e.to_string()));
            state.bank.set(match result {
                Ok(bank) => Bank::Ready(bank),
                Err(e) => Bank::Failed(e),
            });
        });
    }

    /// Edits the stored progress and saves it at once (exam changes are small and infrequent).
    pub fn update(&self, edit: impl FnOnce(&mut ExamStore)) {
        self.store.update(edit);
        if !self.writable.get_untracked() {
            return;
        }
        let result = self
            .store
            .with_untracked(|s| repository().save(EXAM_KEY, s));
        if let Err(e) = result {
            use_app().notify(NoticeKind::Error, e.user_message());
        }
    }
}

/// The exam state (provided at the root), with the question bank requested.
pub fn use_exam() -> ExamState {
    let s = expect_context::<ExamState>();
    s.request_bank();
    s
}

/// Shows `ready` once the bank is loaded, a status line before, and the problem if loading failed.
pub fn with_bank<V: IntoView + 'static>(
    exam: ExamState,
    ready: impl Fn(&'static [Question]) -> V + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        match exam.bank.get() {
        Bank::Loading | Bank::NotRequested => view! { <p role="status">"Loading the question bank…"</p> }.into_any(),
        Bank::Failed(why) => view! {
            <p class="error" role="alert">{format!("Exam practice is unavailable: {why}. Reload the page to try again.")}</p>
        }
        .into_any(),
        Bank::Ready(bank) => ready(bank).into_any(),
    }
    }
}
