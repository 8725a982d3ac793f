use leptos::prelude::*;

use crate::domain::catalogue::{QUESTIONS, REQUIREMENTS};
use crate::ui::components::title::set_title;
use crate::ui::routes::Route;

#[component]
pub fn Home() -> impl IntoView {
    set_title("Home");
    view! {
        <section class="hero">
            <h1>"Get ready for ISO/IEC 20000-1 certification"</h1>
            <p class="lead">
                "A free self-assessment of your service management system against every requirement of "
                "ISO/IEC 20000-1:2018, and exam practice for the ISO/IEC 20000 Foundation. Everything runs "
                "and stays in this browser: no account, no server."
            </p>
        </section>
        <div class="cards">
            <section class="card">
                <h2>"Assess your readiness"</h2>
                <p>
                    {format!("Rate yourself on {} requirements of clauses 4 to 10, ", REQUIREMENTS.len())}
                    "on a conformity or a capability (0-5) scale. See your score per clause, the gaps, an action "
                    "plan, the documents you still need, and a plain verdict on your readiness for a Stage 1 audit."
                </p>
                <a class="button primary" href=Route::Assessments.path()>"Start or continue an assessment"</a>
            </section>
            <section class="card">
                <h2>"Learn the standard"</h2>
                <p>
                    "Every clause explained in plain words, with what auditors look for, a glossary of service "
                    "management terms, and how Plan-Do-Check-Act and the certification journey fit together."
                </p>
                <a class="button" href=Route::Learn.path()>"Explore the clauses"</a>
            </section>
            <section class="card">
                <h2>"Practise for the Foundation exam"</h2>
                <p>
                    {format!("{} original questions with explanations, ", QUESTIONS.len())}
                    "timed mock exams, review of your wrong answers and spaced repetition of your weak spots."
                </p>
                <a class="button" href=Route::Exam.path()>"Practise now"</a>
            </section>
        </div>
        <section class="who">
            <h2>"Who it is for"</h2>
            <ul>
                <li><strong>"Organisations"</strong>" preparing for certification, and the consultants who help them."</li>
                <li><strong>"Trainees"</strong>" preparing for an ISO/IEC 20000 Foundation exam."</li>
                <li><strong>"Colleagues and auditors"</strong>" who receive exported results, to read, compare and merge them."</li>
            </ul>
        </section>
    }
}
