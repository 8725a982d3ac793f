//! Plain Rust: no leptos, no web-sys. Everything here compiles and is tested natively.
//!
//! Feature folders: `analysis/` (everything derived from an assessment, computed once), `export/` (one
//! renderer per output format over that analysis), `exchange/` (files in and out), `exam/`.

pub mod analysis;
pub mod assessment;
pub mod catalogue;
pub mod content_schema;
pub mod exam;
pub mod exchange;
pub mod export;
pub mod persistence;
pub mod search;
pub mod translation_schema;

// The modules' former paths, so that code elsewhere keeps its imports.
pub use analysis::{charts, gaps, journey, scoring};
pub use export::report;
