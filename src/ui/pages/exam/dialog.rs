//! A modal confirmation for the exam pages: a fixed overlay in the middle of the screen, focus moved
//! into it when it opens, kept inside it by Tab and given back when it closes; Escape or a click outside
//! closes it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn focus_first_button(root: &web_sys::HtmlDivElement) {
    if let Ok(Some(el)) = root.query_selector("button, a[href]") {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Keeps Tab inside the dialog: from the last control back to the first, and the reverse with Shift.
fn trap_tab(root: &web_sys::HtmlDivElement, e: &web_sys::KeyboardEvent) {
    let Ok(list) =
        root.query_selector_all("button:not([disabled]), a[href], input, select, textarea")
    else {
        return;
    };
    let all: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect();
    let (Some(first), Some(last)) = (all.first(), all.last()) else {
        return;
    };
    let active = active_element();
    let at = |el: &web_sys::HtmlElement| active.as_ref() == Some(el);
    let target = if e.shift_key() && (at(first) || active.is_none()) {
        last
    } else if !e.shift_key() && at(last) {
        first
    } else {
        return;
    };
    e.prevent_default();
    let _ = target.focus();
}

fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into()
        .ok()
}

#[component]
pub fn Modal(
    open: RwSignal<bool>,
    /// Id of the element that names the dialog.
    labelled_by: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open && was_open != Some(true) {
            opener.set_value(active_element());
        }
        if is_open {
            if let Some(root) = node.get() {
                focus_first_button(&root);
            }
        } else if was_open == Some(true) {
            if let Some(el) = opener.get_value() {
                let _ = el.focus();
            }
        }
        is_open
    });
    let children = StoredValue::new(children);
    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop" on:click=move |e| {
                // Only a click on the backdrop itself, not one bubbling up from the dialog.
                if e.target() == e.current_target() { open.set(false) }
            }>
                <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby=labelled_by
                    node_ref=node
                    on:keydown=move |e: web_sys::KeyboardEvent| {
                        match e.key().as_str() {
                            "Escape" => {
                                e.prevent_default();
                                open.set(false);
                            }
                            "Tab" => {
                                if let Some(root) = node.get_untracked() {
                                    trap_tab(&root, &e);
                                }
                            }
                            _ => {}
                        }
                    }>
                    {children.read_value()()}
                </div>
            </div>
        </Show>
    }
}
