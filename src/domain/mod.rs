//! Plain Rust: no leptos, no web-sys. Everything here compiles and is tested natively.

pub mod assessment;
pub mod catalogue;
pub mod charts;
pub mod content_schema;
pub mod exam;
pub mod exchange;
pub mod gaps;
pub mod journey;
pub mod persistence;
pub mod report;
pub mod scoring;
pub mod search;
