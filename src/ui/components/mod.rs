//! Reusable pieces of UI: widgets shared by pages (a page never imports another page).

pub mod assessment_select;
pub mod charts;
pub mod comparison;
pub mod download;
pub mod export;
pub mod import;
pub mod import_panel;
pub mod keys;
pub mod kind;
pub mod marked;
pub mod notices;
pub mod prefs;
pub mod text;
pub mod time;
pub mod title;
pub mod update;
