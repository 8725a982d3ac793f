//! The app state, provided once at the root: the assessments in this browser, notices for the user, and
//! the save machinery (debounced, never losing the in-memory copy when a save fails).
//!
//! The root creates it empty; the stored data is read the first time a page needs it
//! (`crate::ui::lazy_routes`), so that the home page's first load carries no storage or JSON code.

use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;

use crate::domain::assessment::Assessment;
use crate::domain::persistence::{
    self, assessment_key, DecodeError, DocumentKind, Quarantined, Repository, StoreError,
};
use crate::storage::BrowserStore;
use crate::APP_VERSION;

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now() -> f64 {
    js_sys::Date::now()
}

pub fn random_u64() -> u64 {
    (js_sys::Math::random() * (u64::MAX as f64)) as u64
}

pub fn repository() -> Repository<'static, BrowserStore> {
    static STORE: BrowserStore = BrowserStore;
    Repository {
        store: &STORE,
        app_version: APP_VERSION,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// A message shown in the page's notice area until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    /// Raw data the user can download (quarantined values).
    pub download: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    Saving,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub assessments: RwSignal<Vec<Assessment>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub save_state: RwSignal<SaveState>,
    /// The last deleted assessment, for undo.
    pub last_deleted: RwSignal<Option<Assessment>>,
    pending: StoredValue<BTreeSet<String>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    loaded: StoredValue<bool>,
}

/// How long edits are gathered before one save (the walkthrough promises at most 300 ms).
pub const SAVE_DELAY: Duration = Duration::from_millis(250);

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// The state before anything is read from storage.
    pub fn empty() -> AppState {
        AppState {
            assessments: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            save_state: RwSignal::new(SaveState::Saved),
            last_deleted: RwSignal::new(None),
            pending: StoredValue::new_local(BTreeSet::new()),
            timer: StoredValue::new_local(None),
            loaded: StoredValue::new(false),
        }
    }

    /// Loads what is stored (once), reporting corrupt, too-new or unreachable data as notices.
    pub fn load(&self) {
        if self.loaded.get_value() {
            return;
        }
        self.loaded.set_value(true);
        let state = *self;
        let repo = repository();
        match repo.load_assessments(now()) {
            Ok(loaded) => {
                for q in &loaded.quarantined {
                    state.notify_quarantined(q);
                }
                for key in &loaded.too_new {
                    state.notify(
                        NoticeKind::Warning,
                        format!(
                            "A stored assessment ({key}) was saved by a newer version of this app and is not shown. \
                             It is left untouched: open the app's newest version to use it."
                        ),
                    );
                }
                state.assessments.set(loaded.assessments);
            }
            Err(e) => state.notify(NoticeKind::Error, e.user_message()),
        }
        // Values quarantined in earlier visits stay downloadable until the user removes them.
        if let Ok(older) = repo.quarantined() {
            let now_keys: BTreeSet<String> = state.notices.with_untracked(|n| {
                n.iter()
                    .filter_map(|n| n.download.as_ref().map(|d| d.0.clone()))
                    .collect()
            });
            for q in older
                .iter()
                .filter(|q| !now_keys.contains(&download_name(q)))
            {
                state.notify_quarantined(q);
            }
        }
        state.listen_to_other_tabs();
    }

    pub fn notify(&self, kind: NoticeKind, text: String) {
        self.push_notice(kind, text, None);
    }

    fn push_notice(&self, kind: NoticeKind, text: String, download: Option<(String, String)>) {
        self.notices.update(|n| {
            if !n.iter().any(|x| x.text == text) {
                n.push(Notice {
                    id: random_u64(),
                    kind,
                    text,
                    download,
                })
            }
        });
    }

    pub fn notify_quarantined(&self, q: &Quarantined) {
        self.push_notice(
            NoticeKind::Error,
            format!(
                "Some stored data ({}) could not be read: {}. It was set aside, not deleted: download it to keep \
                 it or to ask for help. Everything else is loaded as usual.",
                q.original_key, q.reason
            ),
            Some((download_name(q), q.raw.clone())),
        );
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.assessments
            .with(|all| all.iter().find(|a| a.id == id).cloned())
    }

    /// Adds a new assessment and saves it at once.
    pub fn add(&self, a: Assessment) {
        let id = a.id.clone();
        self.assessments.update(|all| all.insert(0, a));
        self.schedule_save(&id);
        self.flush();
    }

    /// Edits one assessment in memory now and saves it shortly after.
    pub fn update(&self, id: &str, edit: impl FnOnce(&mut Assessment)) {
        let mut found = false;
        self.assessments.update(|all| {
            if let Some(a) = all.iter_mut().find(|a| a.id == id) {
                edit(a);
                found = true;
            }
        });
        if found {
            self.schedule_save(id);
        }
    }

    pub fn delete(&self, id: &str) {
        let removed = self.assessments.try_update(|all| {
            let pos = all.iter().position(|a| a.id == id)?;
            Some(all.remove(pos))
        });
        let Some(Some(removed)) = removed else { return };
        self.pending.update_value(|p| {
            p.remove(id);
        });
        match repository().delete(&assessment_key(id)) {
            Ok(()) => self.last_deleted.set(Some(removed)),
            Err(e) => {
                self.assessments.update(|all| all.insert(0, removed));
                self.notify(NoticeKind::Error, e.user_message());
            }
        }
    }

    pub fn undo_delete(&self) {
        if let Some(a) = self.last_deleted.get_untracked() {
            self.last_deleted.set(None);
            self.add(a);
        }
    }

    fn schedule_save(&self, id: &str) {
        self.pending.update_value(|p| {
            p.insert(id.to_string());
        });
        self.save_state.set(SaveState::Saving);
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.flush(), SAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Writes every pending assessment. A failed write keeps it pending (and in memory) for the next try.
    pub fn flush(&self) {
        let ids: Vec<String> = self.pending.with_value(|p| p.iter().cloned().collect());
        let repo = repository();
        let mut failure: Option<StoreError> = None;
        for id in ids {
            let Some(a) = self
                .assessments
                .with_untracked(|all| all.iter().find(|a| a.id == id).cloned())
            else {
                self.pending.update_value(|p| {
                    p.remove(&id);
                });
                continue;
            };
            match repo.save_assessment(&a) {
                Ok(()) => self.pending.update_value(|p| {
                    p.remove(&id);
                }),
                Err(e) => failure = Some(e),
            }
        }
        self.save_state.set(match failure {
            None => SaveState::Saved,
            Some(e) => SaveState::Failed(e.user_message()),
        });
    }

    /// Another tab wrote an assessment: take its version (it is newer), and say so if this tab had an
    /// unsaved edit of the same assessment.
    fn listen_to_other_tabs(&self) {
        let this = *self;
        let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            let Some(key) = e.key() else {
                // localStorage.clear() in another tab.
                this.assessments.set(Vec::new());
                return;
            };
            let Some(id) = key.strip_prefix(persistence::ASSESSMENT_PREFIX) else {
                return;
            };
            let had_pending = this.pending.with_value(|p| p.contains(id));
            match e.new_value() {
                None => this.assessments.update(|all| all.retain(|a| a.id != id)),
                Some(raw) => {
                    match persistence::decode::<Assessment>(&raw, DocumentKind::Assessment) {
                        Ok(a) => this.assessments.update(|all| {
                            match all.iter_mut().find(|x| x.id == a.id) {
                                Some(slot) => *slot = a,
                                None => all.insert(0, a),
                            }
                        }),
                        Err(DecodeError::TooNew(_)) | Err(DecodeError::Corrupt(_)) => return,
                    }
                }
            }
            if had_pending {
                this.pending.update_value(|p| {
                    p.remove(id);
                });
                this.notify(
                    NoticeKind::Warning,
                    "This assessment was changed in another tab at the same time. This tab now shows the other \
                     tab's version; your last few seconds of edits here were not saved over it."
                        .into(),
                );
            }
        });
        // The listener lives as long as the app.
        std::mem::forget(handle);
    }
}

fn download_name(q: &Quarantined) -> String {
    format!("{}.json", q.key.replace('.', "-"))
}
