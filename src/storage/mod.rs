//! The only code that touches localStorage. It adapts the browser's storage to the domain's
//! [`KeyValueStore`]; envelopes, migrations and quarantine live in `crate::domain::persistence`.

use crate::domain::persistence::{KeyValueStore, StoreError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

/// localStorage, reached safely: gloo's `LocalStorage::raw()` panics where storage is blocked, so
/// availability is checked first and reported as [`StoreError::Unavailable`].
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserStore;

impl BrowserStore {
    fn storage(&self) -> Result<web_sys::Storage, StoreError> {
        match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
            Some(Ok(None)) => Err(StoreError::Unavailable("localStorage is missing".into())),
            Some(Err(_)) => Err(StoreError::Unavailable("localStorage is blocked".into())),
            None => Err(StoreError::Unavailable("no window".into())),
        }
    }
}

/// Maps a browser error: a full store throws a DOMException named `QuotaExceededError` (Firefox once
/// used its own name).
pub fn classify(err: JsValue) -> StoreError {
    let field = |f: &str| {
        js_sys::Reflect::get(&err, &JsValue::from_str(f))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match field("name").as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
        name => StoreError::Other(format!("{name}: {}", field("message"))),
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.storage()?;
        let n = storage.length().map_err(classify)?;
        Ok((0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
