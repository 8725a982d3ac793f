//! The "update available" prompt: the service worker (scripts/postbuild.py) fires an event when a newer
//! build is installed and waiting; the user chooses when to switch to it.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("iso20000ApplyUpdate")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&JsValue::NULL);
        }
    }
}

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let available = RwSignal::new(false);
    let handle =
        window_event_listener_untyped("iso20000-update-available", move |_| available.set(true));
    on_cleanup(move || handle.remove());
    view! {
        <Show when=move || available.get()>
            <div class="notice info update" role="status">
                <p>"A new version of the app is available."</p>
                <button type="button" class="primary" on:click=|_| apply_update()>"Update now"</button>
                <button type="button" class="link" on:click=move |_| available.set(false)>"Later"</button>
            </div>
        </Show>
    }
}
