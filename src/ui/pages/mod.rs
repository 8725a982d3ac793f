//! One module per route.

pub mod about;
pub mod assessments;
pub mod exam;
pub mod home;
pub mod learn;
pub mod not_found;
pub mod results;
pub mod walkthrough;
