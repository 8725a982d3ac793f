//! Plain Rust: no leptos, no web-sys. Everything here compiles and is tested natively.

pub mod assessment;
pub mod catalogue;
pub mod content_schema;
pub mod exam;
pub mod persistence;
pub mod scoring;
pub mod search;
