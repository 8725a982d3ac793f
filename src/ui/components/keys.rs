//! Keyboard shortcuts must not steal keys from text entry.

use wasm_bindgen::JsCast;

/// True when the key event comes from a field where the user types (text inputs, text areas, selects).
pub fn is_text_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            let tag = el.tag_name().to_lowercase();
            let kind = el.get_attribute("type").unwrap_or_default();
            tag == "textarea"
                || tag == "select"
                || (tag == "input"
                    && !matches!(kind.as_str(), "radio" | "checkbox" | "button" | "submit"))
        })
        .unwrap_or(false)
}
