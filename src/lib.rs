//! ISO 20000 Readiness: self-assessment and exam practice for ISO/IEC 20000-1:2018, in the browser.
//!
//! `domain` holds all the logic and compiles natively; `storage` and `ui` are the browser side.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app's version, shown on /about and written into exports and the storage envelope.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
