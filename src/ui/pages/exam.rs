//! /exam: Foundation exam practice.

use leptos::prelude::*;

use crate::domain::catalogue::QUESTIONS;
use crate::ui::components::title::set_title;

#[component]
pub fn ExamHome() -> impl IntoView {
    set_title("Exam practice");
    let d1 = QUESTIONS.iter().filter(|q| q.domain == 1).count();
    view! {
        <h1>"ISO/IEC 20000 Foundation exam practice"</h1>
        <p class="lead">
            {format!("{} original questions: {} on concepts and principles (domain 1), {} on the requirements of clauses 4 to 10 (domain 2).",
                QUESTIONS.len(), d1, QUESTIONS.len() - d1)}
        </p>
    }
}
