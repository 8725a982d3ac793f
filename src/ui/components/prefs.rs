//! Display preferences remembered in this browser (guidance open or closed, auto-advance, panels).
//! They are not data: a store that refuses them changes nothing but the remembering.

use crate::domain::persistence::KeyValueStore;
use crate::storage::BrowserStore;

const PREFIX: &str = "iso20000.pref.";

/// A remembered yes/no choice, or `default` when none was stored.
pub fn read_flag(name: &str, default: bool) -> bool {
    match BrowserStore.get(&format!("{PREFIX}{name}")) {
        Ok(Some(v)) => v == "1",
        _ => default,
    }
}

pub fn write_flag(name: &str, value: bool) {
    let _ = BrowserStore.set(&format!("{PREFIX}{name}"), if value { "1" } else { "0" });
}
