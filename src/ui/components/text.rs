//! Small pieces of plain language shared by the assessment pages.

/// "1 answer", "2 answers".
pub use crate::domain::analysis::plural;

/// A share as a whole percentage, never "0 %" for something started nor "100 %" for something unfinished.
pub fn share(part: usize, total: usize) -> String {
    if total == 0 {
        return "0 %".into();
    }
    let p = part as f64 * 100.0 / total as f64;
    if part > 0 && p < 1.0 {
        "under 1 %".into()
    } else if part < total && p > 99.0 {
        "over 99 %".into()
    } else {
        format!("{p:.0} %")
    }
}
