//! /exam/session: the attempt in progress. Mock exams give no feedback until submitted, count down and
//! submit themselves at time-out; practice and drills show the answer and explanation at once.
//! Keyboard: 1-4 or A-D choose, arrows or J/K move, F flags for review.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::time::Duration;

use crate::domain::catalogue::{self, Question};
use crate::domain::exam::labels::{counted, subject_label};
use crate::domain::exam::{Attempt, Mode};
use crate::ui::components::keys::is_text_field;
use crate::ui::components::title::set_title;
use crate::ui::exam_state::{today, use_exam, with_bank, ExamState};
use crate::ui::pages::exam::dialog::Modal;
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
    // A resumed session opens where the person left off: its first unanswered question.
    let index = RwSignal::new(exam.store.with_untracked(|s| {
        s.current
            .as_ref()
            .and_then(Attempt::first_unanswered)
            .unwrap_or(0)
    }));
    let confirming = RwSignal::new(false);
    let clock_now = RwSignal::new(now());
    let attempt = Memo::new(move |_| exam.store.with(|s| s.current.clone()));
    let mode = move || attempt.with(|a| a.as_ref().map(|a| a.mode).unwrap_or(Mode::Practice));
    let feedback = move || mode().gives_feedback();

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
        exam.update(|s| {
            s.answer_current(i, pos, bank, now(), today());
        });
    };
    let go_to = move |i: usize| {
        confirming.set(false);
        index.set(i.min(total().saturating_sub(1)));
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
            // The dialog is not closed first: closing gives focus back to the page's Submit button,
            // which would scroll the next page to where that button was.
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
                    let answered = attempt.with(|a| a.as_ref().map_or(0, Attempt::answered_count));
                    format!("Question {} of {} · {} answered", index.get() + 1, total(), answered)
                }}</p>
            </header>
            <nav class="navigator" aria-label="Questions">
                <ol>
                    {move || attempt.with(|a| {
                        let Some(a) = a.as_ref() else { return Vec::new() };
                        (0..a.items.len()).map(|i| {
                            let answered = a.answer_at(i).is_some();
                            let flagged = a.is_flagged(i);
                            // Practice and drills show right and wrong in the grid too.
                            let verdict = if a.mode.gives_feedback() { a.is_correct(i, bank) } else { None };
                            let label = format!(
                                "Question {}{}{}",
                                i + 1,
                                match verdict {
                                    Some(true) => ", answered right",
                                    Some(false) => ", answered wrong",
                                    None if answered => ", answered",
                                    None => ", not answered",
                                },
                                if flagged { ", flagged" } else { "" }
                            );
                            view! {
                                <li>
                                    <button type="button" class="nav-q" class:answered=answered class:flagged=flagged
                                        class:right=verdict == Some(true) class:wrong=verdict == Some(false)
                                        aria-current=move || (index.get() == i).then_some("step")
                                        aria-label=label on:click=move |_| index.set(i)>
                                        {(i + 1).to_string()}
                                        {match verdict { Some(true) => Some("✓"), Some(false) => Some("✗"), None => None }}
                                        {flagged.then_some("⚑")}
                                    </button>
                                </li>
                            }
                        }).collect::<Vec<_>>()
                    })}
                </ol>
            </nav>
            {move || {
                let i = index.get();
                let Some(a) = attempt.get() else { return ().into_any() };
                let Some(item) = a.items.get(i).cloned() else { return ().into_any() };
                let Some(q) = find(bank, &item.question) else {
                    return view! { <p class="error">"This question is no longer in the bank; skip it."</p> }.into_any();
                };
                let chosen = a.answer_at(i);
                let flagged = a.is_flagged(i);
                let correct_pos = item.correct_position(q) as u8;
                let show = a.mode.gives_feedback() && chosen.is_some();
                view! {
                    <article class="exam-question" aria-labelledby="q-stem">
                        <p class="meta">{format!("Domain {} · {}", q.domain, subject_label(q.clause))}</p>
                        <fieldset>
                            <legend id="q-stem" class="stem">{q.stem}</legend>
                            {item.order.iter().enumerate().map(|(pos, &opt)| {
                                let pos = pos as u8;
                                let (class, mark) = if show && pos == correct_pos {
                                    ("option correct", Some(("✓", if chosen == Some(pos) { "Your answer, right" } else { "The right answer" })))
                                } else if show && Some(pos) == chosen {
                                    ("option wrong", Some(("✗", "Your answer, wrong")))
                                } else {
                                    ("option", None)
                                };
                                view! {
                                    <label class=class>
                                        // prop:checked, not checked=: the live state must follow the stored
                                        // answer when the next question reuses these nodes.
                                        <input type="radio" name=format!("q-{i}") prop:checked=chosen == Some(pos)
                                            disabled=show on:change=move |_| choose(pos)/>
                                        <span class="key" aria-hidden="true">{LETTERS.get(usize::from(pos)).copied().unwrap_or("")}</span>
                                        <span class="option-text">{q.options.get(usize::from(opt)).copied().unwrap_or("")}</span>
                                        {mark.map(|(sign, words)| view! {
                                            <span class="mark"><span aria-hidden="true">{sign}</span><span class="visually-hidden">{words}</span></span>
                                        })}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                        {show.then(|| {
                            let right = chosen == Some(correct_pos);
                            view! {
                                <div class=if right { "feedback right" } else { "feedback wrong" } role="status">
                                    <p><strong>{if right { "✓ Correct." } else { "✗ Not quite." }}</strong>
                                       {(!right).then(|| format!(" The answer is {}.", LETTERS.get(usize::from(correct_pos)).copied().unwrap_or("")))}</p>
                                    <p>{q.explanation}</p>
                                    <p><a href=learn_link(q.clause)>{format!("Read about {} in Learn", subject_label(q.clause))}</a></p>
                                </div>
                            }
                        })}
                        <div class="buttons">
                            <button type="button" on:click=move |_| go(-1) disabled=move || index.get() == 0>
                                "← Previous"<span class="key-hint">" (K)"</span>
                            </button>
                            <button type="button" on:click=move |_| flag() aria-pressed=flagged.to_string()>
                                {if flagged { "Unflag" } else { "Flag for review" }}<span class="key-hint">" (F)"</span>
                            </button>
                            <button type="button" class="primary" on:click=move |_| go(1)
                                disabled=move || { index.get() + 1 >= total() }>
                                "Next"<span class="key-hint">" (J)"</span>" →"
                            </button>
                        </div>
                    </article>
                }.into_any()
            }}
            <p class="muted keys key-hint">"Keys: 1-4 or A-D choose, ← → or J / K move, F flags the question."</p>
            <div class="submit-area">
                <button type="button" class="button primary" on:click=move |_| confirming.set(true)>
                    {move || if feedback() { "Finish the session" } else { "Submit the exam" }}
                </button>
            </div>
            <Modal open=confirming labelled_by="confirm-title">
                {
                    let submit_now = submit_now.clone();
                    move || {
                        let (unanswered, flagged, first_unanswered, first_flagged, mock) = attempt.with(|a| {
                            a.as_ref().map_or((0, 0, None, None, true), |a| (
                                a.unanswered_count(),
                                a.flagged_count(),
                                a.first_unanswered(),
                                a.first_flagged(),
                                !a.mode.gives_feedback(),
                            ))
                        });
                        let submit_now = submit_now.clone();
                        view! {
                            <h2 id="confirm-title">{if mock { "Submit the exam?" } else { "Finish the session?" }}</h2>
                            <ul class="confirm-facts">
                                <li>{if unanswered == 0 {
                                    "Every question is answered.".to_string()
                                } else if mock {
                                    format!("{} not answered: they count as wrong.", counted(unanswered, "question is", "questions are"))
                                } else {
                                    format!("{} not answered: only answered questions are scored.", counted(unanswered, "question is", "questions are"))
                                }}</li>
                                <li>{if flagged == 0 {
                                    "No question is flagged for review.".to_string()
                                } else {
                                    format!("{} flagged for review.", counted(flagged, "question is", "questions are"))
                                }}</li>
                            </ul>
                            <p>{if mock { "Submit now? You cannot change your answers afterwards." } else { "Finish now? You can review every question afterwards." }}</p>
                            <div class="buttons">
                                <button type="button" class="danger" on:click=submit_now>{if mock { "Submit" } else { "Finish" }}</button>
                                <button type="button" on:click=move |_| confirming.set(false)>"Keep going"</button>
                                {first_unanswered.map(|i| view! {
                                    <button type="button" on:click=move |_| go_to(i)>{format!("Go to the first unanswered (question {})", i + 1)}</button>
                                })}
                                {first_flagged.map(|i| view! {
                                    <button type="button" on:click=move |_| go_to(i)>{format!("Go to the first flagged (question {})", i + 1)}</button>
                                })}
                            </div>
                        }
                    }
                }
            </Modal>
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
