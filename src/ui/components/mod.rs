//! Reusable pieces of UI.

pub mod download;
pub mod marked;
pub mod notices;
pub mod title;
