//! Reusable pieces of UI.

pub mod charts;
pub mod download;
pub mod export;
pub mod keys;
pub mod marked;
pub mod notices;
pub mod prefs;
pub mod text;
pub mod title;
pub mod update;
