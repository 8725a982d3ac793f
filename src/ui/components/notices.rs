//! Messages about storage and data problems, announced to screen readers.

use leptos::prelude::*;

use crate::ui::components::download::download_text;
use crate::ui::state::{use_app, NoticeKind, SaveState};

#[component]
pub fn NoticeArea() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For
                each=move || app.notices.get()
                key=|n| n.id
                children=move |n| {
                    let class = match n.kind {
                        NoticeKind::Info => "notice info",
                        NoticeKind::Warning => "notice warning",
                        NoticeKind::Error => "notice error",
                    };
                    let id = n.id;
                    let download = n.download.clone().map(|(name, raw)| {
                        view! {
                            <button type="button" on:click=move |_| download_text(&name, "application/json", &raw)>
                                "Download the unreadable data"
                            </button>
                        }
                    });
                    view! {
                        <div class=class>
                            <p>{n.text.clone()}</p>
                            {download}
                            <button type="button" class="link" on:click=move |_| app.dismiss(id)>"Dismiss"</button>
                        </div>
                    }
                }
            />
            {move || match app.save_state.get() {
                SaveState::Failed(msg) => Some(view! { <div class="notice error"><p>{msg}</p></div> }),
                _ => None,
            }}
        </div>
    }
}
