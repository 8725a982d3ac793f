//! /exam/review: the last finished attempt: score, pass or fail, breakdowns, and each question with its
//! explanation (all, wrong only, or flagged).

use leptos::prelude::*;

use crate::domain::catalogue::{self, Question};
use crate::domain::exam::{Attempt, Mode};
use crate::ui::components::title::set_title;
use crate::ui::exam_state::{use_exam, with_bank};
use crate::ui::pages::exam::session::learn_link;
use crate::ui::routes::Route;

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
    let result = attempt.grade(bank);
    let filter = RwSignal::new(Filter::All);
    let attempt = StoredValue::new(attempt);
    let mode = attempt.with_value(|a| a.mode);
    let verdict = if mode == Mode::Mock {
        if result.passed() {
            "Pass"
        } else {
            "Fail"
        }
    } else {
        "Session complete"
    };
    view! {
        <h1>{format!("{}: {}", mode.label(), verdict)}</h1>
        <section class="summary-cards">
            <div class="stat"><span class="label">"Score"</span><span class="value">{format!("{}/{} ({:.0} %)", result.correct, result.total, result.percent())}</span></div>
            <div class="stat"><span class="label">"Pass mark"</span><span class="value">{format!("{} %", result.pass_percent)}</span></div>
            <div class="stat"><span class="label">"Time used"</span><span class="value">{format!("{:.0} min {:02.0} s", (result.time_used_ms / 60_000.0).floor(), (result.time_used_ms / 1000.0) % 60.0)}</span></div>
        </section>
        <div class="two-col">
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
                <tbody>{result.per_clause.iter().map(|(k, (c, n))| view! {
                    <tr><th scope="row">{format!("{k} {}", catalogue::subject_title(k))}</th><td>{format!("{c}/{n}")}</td></tr>
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
                    let right = a.is_correct(i, bank) == Some(true);
                    let keep = match f { Filter::All => true, Filter::Wrong => !right, Filter::Flagged => a.flags[i] };
                    if !keep { return None; }
                    let chosen = a.answers[i].map(|p| q.options[usize::from(item.order[usize::from(p)])]);
                    Some(view! {
                        <li class=if right { "review right" } else { "review wrong" } value=(i + 1).to_string()>
                            <p class="stem"><strong>{q.stem}</strong></p>
                            <p>{if right { "✓ Correct: " } else { "✗ Your answer: " }}{chosen.unwrap_or("(not answered)")}</p>
                            {(!right).then(|| view! { <p>"Correct answer: "<strong>{q.options[usize::from(q.answer)]}</strong></p> })}
                            <p class="explanation">{q.explanation}</p>
                            <p class="meta"><a href=learn_link(q.clause)>{format!("{} {}", q.clause, catalogue::subject_title(q.clause))}</a>
                                {a.flags[i].then_some(" · ⚑ flagged")}</p>
                        </li>
                    })
                }).collect_view())
            }}
        </ol>
        <p><a class="button" href=Route::Exam.path()>"Back to exam practice"</a></p>
    }
}
