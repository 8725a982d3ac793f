//! /exam/session: the attempt in progress. Mock exams give no feedback until submitted, count down and
//! submit themselves at time-out; practice and drills show the answer and explanation at once.
//! Keyboard: 1-4 or A-D choose, arrows or J/K move, F flags for review.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::time::Duration;

use crate::domain::catalogue::{self, Question};
use crate::domain::exam::{Attempt, Mode};
use crate::ui::components::keys::is_text_field;
use crate::ui::components::title::set_title;
use crate::ui::exam_state::{today, use_exam, with_bank, ExamState};
use crate::ui::routes::Route;
use crate::ui::state::now;

const LETTERS: [&str; 4] = ["A", "B", "C", "D"];

fn clock(ms: f64) -> String {
    let s = (ms / 1000.0).ceil() as i64;
    format!("{:02}:{:02}", s / 60, s % 60)
}

fn find(bank: &'static [Question], id: &str) -> Option<&'static Question> {
    bank.iter().find(|q| q.id == id)
}

/// Ends the attempt, records it, and opens the review.
fn finish(
    exam: ExamState,
    bank: &'static [Question],
    navigate: &impl Fn(&str, leptos_router::NavigateOptions),
) {
    exam.update(|s| s.finish(bank, now(), today()));
    navigate(&Route::ExamReview.path(), Default::default());
}

#[component]
pub fn Session() -> impl IntoView {
    set_title("Exam session");
    let exam = use_exam();
    let has_current = Memo::new(move |_| exam.store.with(|s| s.current.is_some()));
    view! {
        <Show
            when=move || has_current.get()
            fallback=|| view! {
                <h1>"No session in progress"</h1>
                <p><a href=Route::Exam.path()>"Start practice or a mock exam"</a>" · "<a href=Route::ExamReview.path()>"Review your last attempt"</a></p>
            }
        >
            {with_bank(exam, move |bank| view! { <Running bank=bank/> })}
        </Show>
    }
}

#[component]
fn Running(bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
    let navigate = use_navigate();
    let index = RwSignal::new(0usize);
    let confirming = RwSignal::new(false);
    let clock_now = RwSignal::new(now());
    let attempt = Memo::new(move |_| exam.store.with(|s| s.current.clone()));
    let mode = move || attempt.with(|a| a.as_ref().map(|a| a.mode).unwrap_or(Mode::Practice));
    let feedback = move || mode() != Mode::Mock;

    // The countdown ticks every second; at time-out the exam submits itself (also after a reload).
    {
        let navigate = navigate.clone();
        let tick = move || {
            clock_now.set(now());
            let expired = exam
                .store
                .with_untracked(|s| s.current.as_ref().is_some_and(|a| a.is_expired(now())));
            if expired {
                finish(exam, bank, &navigate);
            }
        };
        tick();
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(1000)) {
            on_cleanup(move || handle.clear());
        }
    }

    let total = move || attempt.with(|a| a.as_ref().map_or(0, |a| a.items.len()));
    let choose = move |pos: u8| {
        let i = index.get_untracked();
        let locked = exam.store.with_untracked(|s| {
            s.current.as_ref().is_some_and(|a| {
                a.mode != Mode::Mock && a.answers.get(i).copied().flatten().is_some()
            })
        });
        if locked {
            return; // feedback modes: the first answer counts
        }
        let mut recorded: Option<(String, bool)> = None;
        exam.update(|s| {
            if let Some(a) = s.current.as_mut() {
                if a.answer(i, pos, now()) && a.mode != Mode::Mock {
                    let ok = a.is_correct(i, bank) == Some(true);
                    recorded = Some((a.items[i].question.clone(), ok));
                }
            }
            if let Some((id, ok)) = &recorded {
                s.record_answer(id, *ok, today());
            }
        });
    };
    let go = move |delta: i64| {
        let n = total() as i64;
        let next = (index.get_untracked() as i64 + delta).clamp(0, (n - 1).max(0));
        index.set(next as usize);
    };
    let flag = move || {
        let i = index.get_untracked();
        exam.update(|s| {
            if let Some(a) = s.current.as_mut() {
                a.toggle_flag(i);
            }
        });
    };
    let on_key = move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key()
            || e.meta_key()
            || e.alt_key()
            || confirming.get_untracked()
            || is_text_field(&e)
        {
            return;
        }
        let handled = match e.key().as_str() {
            "1" | "a" | "A" => {
                choose(0);
                true
            }
            "2" | "b" | "B" => {
                choose(1);
                true
            }
            "3" | "c" | "C" => {
                choose(2);
                true
            }
            "4" | "d" | "D" => {
                choose(3);
                true
            }
            "ArrowRight" | "j" | "J" => {
                go(1);
                true
            }
            "ArrowLeft" | "k" | "K" => {
                go(-1);
                true
            }
            "f" | "F" => {
                flag();
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };
    // Keys work wherever focus is on the page, not only inside the question.
    let keys = window_event_listener(leptos::ev::keydown, on_key);
    on_cleanup(move || keys.remove());
    let submit_now = {
        let navigate = navigate.clone();
        move |_| {
            confirming.set(false);
            finish(exam, bank, &navigate);
        }
    };

    view! {
        <div class="exam-session">
            <header class="exam-header">
                <h1>{move || attempt.with(|a| a.as_ref().map(|a| a.mode.label()).unwrap_or("Session"))}</h1>
                {move || attempt.with(|a| a.as_ref().and_then(Attempt::deadline)).map(|_| view! {
                    <p class="countdown" role="timer" aria-live="off">
                        "Time left: "
                        <strong>{move || attempt.with(|a| a.as_ref().and_then(|a| a.remaining(clock_now.get())).map(clock).unwrap_or_default())}</strong>
                    </p>
                })}
                <p class="meta">{move || {
                    let answered = attempt.with(|a| a.as_ref().map_or(0, |a| a.answers.iter().filter(|x| x.is_some()).count()));
                    format!("Question {} of {} · {} answered", index.get() + 1, total(), answered)
                }}</p>
            </header>
            <nav class="navigator" aria-label="Questions">
                <ol>
                    {move || (0..total()).map(|i| {
                        let state = attempt.with(|a| a.as_ref().map(|a| (a.answers[i].is_some(), a.flags[i])).unwrap_or((false, false)));
                        let label = format!("Question {}{}{}", i + 1, if state.0 { ", answered" } else { ", not answered" }, if state.1 { ", flagged" } else { "" });
                        view! {
                            <li>
                                <button type="button" class="nav-q" class:answered=state.0 class:flagged=state.1
                                    aria-current=move || (index.get() == i).then_some("step")
                                    aria-label=label on:click=move |_| index.set(i)>
                                    {(i + 1).to_string()}{state.1.then_some("⚑")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
            {move || {
                let i = index.get();
                let Some(a) = attempt.get() else { return ().into_any() };
                let Some(item) = a.items.get(i).cloned() else { return ().into_any() };
                let Some(q) = find(bank, &item.question) else {
                    return view! { <p class="error">"This question is no longer in the bank; skip it."</p> }.into_any();
                };
                let chosen = a.answers[i];
                let flagged = a.flags[i];
                let correct_pos = item.correct_position(q) as u8;
                let show = feedback() && chosen.is_some();
                view! {
                    <article class="exam-question" aria-labelledby="q-stem">
                        <p class="meta">{format!("Domain {} · {}", q.domain, catalogue::subject_title(q.clause))}</p>
                        <fieldset>
                            <legend id="q-stem" class="stem">{q.stem}</legend>
                            {item.order.iter().enumerate().map(|(pos, &opt)| {
                                let pos = pos as u8;
                                let class = if show && pos == correct_pos { "option correct" } else if show && Some(pos) == chosen { "option wrong" } else { "option" };
                                view! {
                                    <label class=class>
                                        <input type="radio" name=format!("q-{i}") checked=chosen == Some(pos)
                                            disabled=show on:change=move |_| choose(pos)/>
                                        <span class="key" aria-hidden="true">{LETTERS[usize::from(pos)]}</span>
                                        <span>{q.options[usize::from(opt)]}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                        {show.then(|| {
                            let right = chosen == Some(correct_pos);
                            view! {
                                <div class=if right { "feedback right" } else { "feedback wrong" } role="status">
                                    <p><strong>{if right { "Correct." } else { "Not quite." }}</strong>
                                       {(!right).then(|| format!(" The answer is {}.", LETTERS[usize::from(correct_pos)]))}</p>
                                    <p>{q.explanation}</p>
                                    <p><a href=learn_link(q.clause)>{format!("Read about {} in Learn", catalogue::subject_title(q.clause))}</a></p>
                                </div>
                            }
                        })}
                        <div class="buttons">
                            <button type="button" on:click=move |_| go(-1) disabled=move || index.get() == 0>"← Previous (K)"</button>
                            <button type="button" on:click=move |_| flag() aria-pressed=flagged.to_string()>
                                {if flagged { "Unflag (F)" } else { "Flag for review (F)" }}
                            </button>
                            <button type="button" class="primary" on:click=move |_| go(1) disabled=move || index.get() + 1 >= total()>"Next (J) →"</button>
                        </div>
                    </article>
                }.into_any()
            }}
            <p class="muted keys">"Keys: 1-4 or A-D choose, ← → or J / K move, F flags the question."</p>
            <div class="submit-area">
                <button type="button" class="button primary" on:click=move |_| confirming.set(true)>
                    {move || if feedback() { "Finish the session" } else { "Submit the exam" }}
                </button>
                <Show when=move || confirming.get()>
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                        <p id="confirm-text">{move || {
                            let left = attempt.with(|a| a.as_ref().map_or(0, |a| a.answers.iter().filter(|x| x.is_none()).count()));
                            if left == 0 { "Submit now? You cannot change your answers afterwards.".to_string() }
                            else { format!("{left} questions are not answered and will count as wrong. Submit anyway?") }
                        }}</p>
                        <button type="button" class="danger" on:click=submit_now.clone()>"Submit"</button>
                        <button type="button" on:click=move |_| confirming.set(false)>"Keep going"</button>
                    </div>
                </Show>
            </div>
        </div>
    }
}

/// Where Learn explains what a question tests.
pub fn learn_link(clause: &str) -> String {
    if catalogue::clause(clause).is_some() {
        Route::LearnClause(clause.to_string()).path()
    } else if catalogue::topic(clause).is_some() {
        Route::Topic(clause.to_string()).path()
    } else {
        Route::Glossary { term: None }.path()
    }
}
