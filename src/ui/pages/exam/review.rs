//! /exam/review: the last finished attempt: score, pass or fail, breakdowns, and each question with its
//! explanation (all, wrong only, or flagged).

use leptos::prelude::*;

use leptos_router::hooks::use_navigate;

use crate::domain::catalogue::Question;
use crate::domain::exam::attempt::items_for;
use crate::domain::exam::labels::{counted, duration_text, sorted_rows, subject_label};
use crate::domain::exam::{Attempt, ExamConfig, Mode};
use crate::ui::components::title::set_title;
use crate::ui::exam_state::{use_exam, with_bank};
use crate::ui::pages::exam::session::learn_link;
use crate::ui::pages::exam::{ConfirmStart, Starter};
use crate::ui::routes::Route;
use crate::ui::state::random_u64;

#[derive(Clone, Copy, PartialEq)]
enum Filter {
    All,
    Wrong,
    Flagged,
}

#[component]
pub fn Review() -> impl IntoView {
    set_title("Exam results");
    let exam = use_exam();
    view! {
        {with_bank(exam, move |bank| {
            match exam.store.with(|s| s.last.clone()) {
                None => view! {
                    <h1>"No results yet"</h1>
                    <p><a href=Route::Exam.path()>"Take a mock exam or practise"</a></p>
                }.into_any(),
                Some(a) => view! { <ReviewOf attempt=a bank=bank/> }.into_any(),
            }
        })}
    }
}

#[component]
fn ReviewOf(attempt: Attempt, bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
    let navigate = use_navigate();
    let starter = Starter::new();
    let result = attempt.grade(bank);
    let filter = RwSignal::new(Filter::All);
    let missed = attempt.missed_questions(bank);
    let attempt = StoredValue::new(attempt);
    let mode = attempt.with_value(|a| a.mode);
    let verdict = match (mode, result.passed()) {
        (Mode::Mock, true) => "Pass",
        (Mode::Mock, false) => "Fail",
        _ => "Session complete",
    };
    let score = if result.total == 0 {
        "Nothing answered".to_string()
    } else {
        format!(
            "{}/{} ({:.0} %)",
            result.correct,
            result.total,
            result.percent()
        )
    };
    let retry = {
        let missed = missed.clone();
        move |_| {
            // A practice session over exactly the questions missed, options shuffled afresh.
            let config = ExamConfig {
                count: missed.len(),
                minutes: 0,
                seed: format!("{:x}", random_u64()),
                ..Default::default()
            };
            let items = items_for(&missed, &config.seed);
            starter.request(exam, &navigate, Mode::Practice, config, items);
        }
    };
    let per_clause = sorted_rows(result.per_clause.iter());
    view! {
        <h1>{format!("{}: {}", mode.label(), verdict)}</h1>
        <section class="summary-cards">
            <div class="stat"><span class="label">"Score"</span><span class="value">{score}</span></div>
            {if mode == Mode::Mock {
                view! { <div class="stat"><span class="label">"Pass mark"</span><span class="value">{format!("{} %", result.pass_percent)}</span></div> }.into_any()
            } else {
                view! { <div class="stat"><span class="label">"Left unanswered (not counted)"</span><span class="value">{result.unanswered.to_string()}</span></div> }.into_any()
            }}
            <div class="stat"><span class="label">"Time used"</span><span class="value">{duration_text(result.time_used_ms)}</span></div>
        </section>
        <div class="retry">
            {if missed.is_empty() {
                view! { <p>"Nothing to retry: every scored question was answered right."</p> }.into_any()
            } else {
                view! {
                    <button type="button" class="button primary" on:click=retry>
                        {format!("Retry the {} I got wrong", counted(missed.len(), "question", "questions"))}
                    </button>
                }.into_any()
            }}
        </div>
        <div class="two-col exam-tables">
            <table>
                <caption>"Per domain"</caption>
                <thead><tr><th scope="col">"Domain"</th><th scope="col">"Correct"</th></tr></thead>
                <tbody>{result.per_domain.iter().map(|(d, (c, n))| view! {
                    <tr><th scope="row">{format!("Domain {d}")}</th><td>{format!("{c}/{n}")}</td></tr>
                }).collect_view()}</tbody>
            </table>
            <table>
                <caption>"Per clause or topic"</caption>
                <thead><tr><th scope="col">"Clause or topic"</th><th scope="col">"Correct"</th></tr></thead>
                <tbody>{per_clause.into_iter().map(|(label, (c, n))| view! {
                    <tr><th scope="row">{label}</th><td>{format!("{c}/{n}")}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </div>
        <fieldset class="filter">
            <legend>"Review"</legend>
            {[(Filter::All, "All questions"), (Filter::Wrong, "Wrong only"), (Filter::Flagged, "Flagged")].into_iter().map(|(f, label)| view! {
                <label><input type="radio" name="review-filter" checked=f == Filter::All on:change=move |_| filter.set(f)/>" "{label}</label>
            }).collect_view()}
        </fieldset>
        <ol class="review-list">
            {move || {
                let f = filter.get();
                attempt.with_value(|a| a.items.iter().enumerate().filter_map(|(i, item)| {
                    let q = bank.iter().find(|q| q.id == item.question)?;
                    let chosen_pos = a.answer_at(i);
                    let right = a.is_correct(i, bank) == Some(true);
                    let flagged = a.is_flagged(i);
                    // In practice an unanswered question was skipped, not missed: it is not "wrong".
                    let scored = a.is_scored(i);
                    let keep = match f { Filter::All => true, Filter::Wrong => scored && !right, Filter::Flagged => flagged };
                    if !keep { return None; }
                    let chosen = chosen_pos
                        .and_then(|p| item.order.get(usize::from(p)))
                        .and_then(|&o| q.options.get(usize::from(o)).copied());
                    let (class, verdict) = match (right, chosen_pos.is_some(), scored) {
                        (true, _, _) => ("review right", "✓ Correct: "),
                        (false, true, _) => ("review wrong", "✗ Your answer: "),
                        (false, false, true) => ("review wrong", "✗ Not answered"),
                        (false, false, false) => ("review skipped", "Not answered (not counted)"),
                    };
                    Some(view! {
                        <li class=class value=(i + 1).to_string()>
                            <p class="stem"><strong>{q.stem}</strong></p>
                            <p>{verdict}{chosen}</p>
                            {(!right).then(|| view! { <p>"Correct answer: "<strong>{q.options.get(usize::from(q.answer)).copied().unwrap_or("")}</strong></p> })}
                            <p class="explanation">{q.explanation}</p>
                            <p class="meta"><a href=learn_link(q.clause)>{subject_label(q.clause)}</a>
                                {flagged.then_some(" · ⚑ flagged")}</p>
                        </li>
                    })
                }).collect_view())
            }}
        </ol>
        <p><a class="button" href=Route::Exam.path()>"Back to exam practice"</a></p>
        <ConfirmStart starter=starter/>
    }
}
