/// Sets the browser tab's title for the current page.
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{page} · ISO 20000 Readiness"));
    }
}
