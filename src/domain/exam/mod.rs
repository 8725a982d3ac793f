//! Exam practice: assembling exams from the question bank with a seed, grading, the timer, the Leitner
//! queue of weak spots, and progress history. Time is always passed in (milliseconds since the epoch), so
//! every rule is testable with an injected clock.

pub mod attempt;
pub mod labels;
pub mod leitner;
pub mod progress;
pub mod rng;
pub mod wire;

pub use attempt::{assemble, Attempt, ExamConfig, ExamItem, ExamResult, Mode};
