//! /exam: choose practice, a mock exam or a weak-spot drill; see progress.

pub mod dialog;
pub mod review;
pub mod session;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::catalogue::{self, top_level, Question, TOPICS};
use crate::domain::content_schema::TERMS_CLAUSE;
use crate::domain::exam::attempt::{items_for, MAX_MINUTES, MAX_QUESTIONS};
use crate::domain::exam::labels::{counted, duration_text, sorted_rows};
use crate::domain::exam::progress::Tally;
use crate::domain::exam::{assemble, Attempt, ExamConfig, ExamItem, Mode};
use crate::ui::components::charts::TrendChart;
use crate::ui::components::title::set_title;
use crate::ui::exam_state::{today, use_exam, with_bank, ExamState};
use crate::ui::pages::exam::dialog::Modal;
use crate::ui::routes::Route;
use crate::ui::state::{now, random_u64};

/// A session waiting for the person to confirm that the one in progress may be discarded.
#[derive(Clone)]
struct PendingStart {
    mode: Mode,
    config: ExamConfig,
    items: Vec<ExamItem>,
}

/// Starts sessions, asking first when one is in progress (its answers would be lost).
#[derive(Clone, Copy)]
pub struct Starter {
    pending: RwSignal<Option<PendingStart>>,
    open: RwSignal<bool>,
}

impl Starter {
    pub fn new() -> Starter {
        Starter {
            pending: RwSignal::new(None),
            open: RwSignal::new(false),
        }
    }

    /// Starts at once when nothing is in progress; otherwise opens the confirmation.
    pub fn request(
        &self,
        exam: ExamState,
        navigate: &impl Fn(&str, NavigateOptions),
        mode: Mode,
        config: ExamConfig,
        items: Vec<ExamItem>,
    ) {
        if exam.store.with_untracked(|s| s.current.is_some()) {
            self.pending.set(Some(PendingStart {
                mode,
                config,
                items,
            }));
            self.open.set(true);
        } else {
            start(exam, navigate, mode, config, items);
        }
    }
}

impl Default for Starter {
    fn default() -> Self {
        Starter::new()
    }
}

/// Starts a session and opens it.
fn start(
    exam: ExamState,
    navigate: &impl Fn(&str, NavigateOptions),
    mode: Mode,
    config: ExamConfig,
    items: Vec<ExamItem>,
) {
    let attempt = Attempt::new(format!("x{:x}", random_u64()), mode, config, items, now());
    exam.update(|s| s.current = Some(attempt));
    navigate(&Route::ExamSession.path(), Default::default());
}

/// The confirmation a [`Starter`] opens.
#[component]
pub fn ConfirmStart(starter: Starter) -> impl IntoView {
    let exam = use_exam();
    let navigate = use_navigate();
    // The dialog goes with the page it sits on; closing it first would move focus (and scroll) back
    // to the page's start button just before the session opens.
    let discard_and_start = move |_| {
        if let Some(p) = starter.pending.get_untracked() {
            start(exam, &navigate, p.mode, p.config, p.items);
        }
    };
    view! {
        <Modal open=starter.open labelled_by="start-title">
            {let discard_and_start = discard_and_start.clone();
            move || {
                let discard_and_start = discard_and_start.clone();
                let current = exam.store.with(|s| s.current.as_ref().map(|a| (a.mode, a.answered_count(), a.items.len())));
                let next = starter.pending.with(|p| p.as_ref().map(|p| p.mode));
                let (Some((mode, answered, total)), Some(next)) = (current, next) else { return ().into_any() };
                view! {
                    <h2 id="start-title">"Discard the session in progress?"</h2>
                    <p>{format!(
                        "You have a {} in progress ({} of {} answered). Starting a new {} discards it.",
                        mode.label().to_lowercase(), answered, total, next.label().to_lowercase()
                    )}</p>
                    <div class="buttons">
                        <a class="button primary" href=Route::ExamSession.path() on:click=move |_| starter.open.set(false)>"Resume it"</a>
                        <button type="button" class="danger" on:click=discard_and_start>"Discard it and start"</button>
                        <button type="button" on:click=move |_| starter.open.set(false)>"Cancel"</button>
                    </div>
                }.into_any()
            }}
        </Modal>
    }
}

fn pct(t: &Tally) -> String {
    t.percent()
        .map_or_else(|| "–".into(), |p| format!("{p:.0} %"))
}

/// Copies text with the asynchronous clipboard API, reached by name so that no extra web-sys feature
/// is needed; false when the browser offers no clipboard here.
fn copy_to_clipboard(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(clipboard) = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()) else {
        return false;
    };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call1(&clipboard, &text.into()).is_ok())
}

#[component]
pub fn ExamHome() -> impl IntoView {
    set_title("Exam practice");
    let exam = use_exam();
    let starter = Starter::new();
    provide_context(starter);
    view! {
        <h1>"ISO/IEC 20000 Foundation exam practice"</h1>
        <p class="lead">
            "Original questions on the concepts of service management (domain 1) and the requirements of "
            "clauses 4 to 10 (domain 2), each with an explanation. Your results stay in this browser."
        </p>
        {move || exam.store.with(|s| s.current.as_ref().map(|a| (a.mode, a.answered_count(), a.items.len()))).map(|(mode, answered, total)| view! {
            <div class="notice info">
                <p>{format!("You have a {} in progress ({} of {} answered).", mode.label().to_lowercase(), answered, total)}</p>
                <a class="button primary" href=Route::ExamSession.path()>"Resume"</a>
            </div>
        })}
        {with_bank(exam, move |bank| view! {
            <div class="cards">
                <MockSetup bank=bank/>
                <PracticeSetup bank=bank/>
                <WeakSpots bank=bank/>
            </div>
            <Progress bank=bank/>
        })}
        <ConfirmStart starter=starter/>
    }
}

#[component]
fn MockSetup(bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
    let starter = expect_context::<Starter>();
    let navigate = use_navigate();
    let query = use_query_map();
    let q = |k: &str| query.with_untracked(|m| m.get(k));
    let defaults = ExamConfig::default();
    let count = RwSignal::new(
        q("count")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.count as u32),
    );
    let minutes = RwSignal::new(
        q("minutes")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.minutes),
    );
    let pass = RwSignal::new(
        q("pass")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.pass_percent),
    );
    // A link from a class opens with its options shown, so that the person sees what they start.
    let from_link = q("seed").is_some() || q("count").is_some();
    let seed =
        RwSignal::new(q("seed").unwrap_or_else(|| format!("{:06x}", random_u64() & 0xff_ffff)));
    let error = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<&'static str>);
    let shared = move || {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        format!(
            "{origin}{}?seed={}&count={}&minutes={}&pass={}",
            Route::Exam.path(),
            js_sys::encode_uri_component(&seed.get()),
            count.get(),
            minutes.get(),
            pass.get()
        )
    };
    let summary = move || {
        let m = minutes.get();
        let time = if m == 0 {
            "untimed".to_string()
        } else {
            format!("in {}", counted(m as usize, "minute", "minutes"))
        };
        format!(
            "{} {time}, pass mark {} %.",
            counted(count.get() as usize, "question", "questions"),
            pass.get()
        )
    };
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let config = ExamConfig {
            count: count.get_untracked() as usize,
            minutes: minutes.get_untracked(),
            pass_percent: pass.get_untracked(),
            seed: seed.get_untracked(),
            ..Default::default()
        };
        match config.checked() {
            Ok(config) => {
                error.set(None);
                let items = assemble(bank, &config);
                starter.request(exam, &navigate, Mode::Mock, config, items);
            }
            Err(why) => error.set(Some(why.to_string())),
        }
    };
    let num = |id: &'static str, label: &'static str, sig: RwSignal<u32>, min: u32, max: u32| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="number" min=min max=max required
                    prop:value=move || sig.get().to_string()
                    on:input=move |e| sig.set(event_target_value(&e).parse().unwrap_or(0))/>
            </div>
        }
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="mock-title">
            <h2 id="mock-title">"Mock exam"</h2>
            <p>"The published Foundation format. No feedback until you submit."</p>
            <p class="mock-summary"><strong>{summary}</strong></p>
            <p class="meta">"The clock runs from the moment you start, also while this page is closed: like a real exam, a mock exam cannot be paused."</p>
            {move || error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            <button type="submit" class="button primary">"Start the mock exam"</button>
            <details class="mock-options" open=from_link>
                <summary>"Options"</summary>
                <div class="field-row">
                    {num("mock-count", "Questions", count, 1, MAX_QUESTIONS as u32)}
                    {num("mock-minutes", "Minutes (0: untimed)", minutes, 0, MAX_MINUTES)}
                    {num("mock-pass", "Pass mark %", pass, 1, 100)}
                </div>
                <div class="field">
                    <label for="mock-seed">"Seed (the same seed gives the same exam)"</label>
                    <input id="mock-seed" type="text" maxlength="64" prop:value=move || seed.get()
                        on:input=move |e| seed.set(event_target_value(&e))/>
                </div>
                <div class="field">
                    <label for="mock-link">"Link for a class to take the same exam"</label>
                    <div class="copy-row">
                        <input id="mock-link" class="share-link" type="text" readonly prop:value=shared
                            on:focus=move |e| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            }/>
                        <button type="button" on:click=move |_| {
                            copied.set(Some(if copy_to_clipboard(&shared()) {
                                "Link copied."
                            } else {
                                "Copying is not available here: select the link and copy it."
                            }));
                        }>"Copy link"</button>
                    </div>
                    <p class="meta" role="status">{move || copied.get()}</p>
                </div>
            </details>
        </form>
    }
}

#[component]
fn PracticeSetup(bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
    let starter = expect_context::<Starter>();
    let navigate = use_navigate();
    let domain = RwSignal::new(String::new());
    let clause = RwSignal::new(String::new());
    let config = move || ExamConfig {
        count: 20,
        minutes: 0,
        seed: format!("{:x}", random_u64()),
        domains: domain.get().parse().ok().into_iter().collect(),
        clauses: Some(clause.get())
            .filter(|c| !c.is_empty())
            .into_iter()
            .collect(),
        ..Default::default()
    };
    let count = Memo::new(move |_| {
        let config = config();
        bank.iter().filter(|q| config.admits(q)).count()
    });
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let config = untrack(config);
        let items = assemble(bank, &config);
        starter.request(exam, &navigate, Mode::Practice, config, items);
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="practice-title">
            <h2 id="practice-title">"Practice"</h2>
            <p>"20 questions at a time, with the answer and its explanation as soon as you choose."</p>
            <div class="field">
                <label for="practice-domain">"Domain"</label>
                <select id="practice-domain" on:change=move |e| { domain.set(event_target_value(&e)); clause.set(String::new()); }>
                    <option value="">"Both domains"</option>
                    <option value="1">"1: concepts and principles"</option>
                    <option value="2">"2: requirements of clauses 4 to 10"</option>
                </select>
            </div>
            <div class="field">
                <label for="practice-clause">"Clause or topic"</label>
                <select id="practice-clause" on:change=move |e| clause.set(event_target_value(&e))>
                    <option value="" selected=move || clause.get().is_empty()>"All"</option>
                    {move || {
                        let d = domain.get();
                        let mut opts: Vec<(String, String)> = Vec::new();
                        if d != "2" {
                            opts.push((TERMS_CLAUSE.into(), "Terms and definitions".into()));
                            opts.extend(TOPICS.iter().map(|t| (t.id.to_string(), t.title.to_string())));
                        }
                        if d != "1" {
                            opts.extend(top_level().map(|c| (c.number.to_string(), format!("{} {}", c.number, c.title()))));
                            opts.extend(catalogue::CLAUSES.iter().filter(|c| c.depth == 2).map(|c| (c.number.to_string(), format!("{} {}", c.number, c.title()))));
                        }
                        opts.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()
                    }}
                </select>
            </div>
            <p class="meta" aria-live="polite">{move || format!("{} match.", counted(count.get(), "question", "questions"))}</p>
            <button type="submit" class="button primary" disabled=move || count.get() == 0>"Start practising"</button>
        </form>
    }
}

#[component]
fn WeakSpots(bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
    let starter = expect_context::<Starter>();
    let navigate = use_navigate();
    let day = today();
    let queue = Memo::new(move |_| {
        exam.store
            .with(|s| (s.leitner.cards.len(), s.leitner.due(day).len()))
    });
    let drill = move |_| {
        let ids = exam.store.with_untracked(|s| s.leitner.drill(day, 20));
        let ids: Vec<String> = ids
            .into_iter()
            .filter(|id| bank.iter().any(|q| q.id == id))
            .collect();
        let config = ExamConfig {
            count: ids.len(),
            minutes: 0,
            seed: format!("{:x}", random_u64()),
            ..Default::default()
        };
        let items = items_for(&ids, &config.seed);
        starter.request(exam, &navigate, Mode::Drill, config, items);
    };
    view! {
        <section class="card" aria-labelledby="weak-title">
            <h2 id="weak-title">"Weak spots"</h2>
            <p>"Questions you missed come back on a spaced schedule. One leaves the queue after you answer it right on two separate days in a row."</p>
            <p><strong>{move || format!("{} in the queue, {} due today.", counted(queue.get().0, "question", "questions"), queue.get().1)}</strong></p>
            <button type="button" class="button primary" on:click=drill disabled=move || queue.get().0 == 0>"Drill my weak spots"</button>
        </section>
    }
}

#[component]
fn Progress(bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
    view! {
        <section aria-labelledby="progress-title">
            <h2 id="progress-title">"Your progress"</h2>
            {move || {
                let (history, by_domain, by_clause) = exam.store.with(|s| (
                    s.history.clone(),
                    s.accuracy_by(bank, |q| q.domain.to_string()),
                    s.accuracy_by(bank, |q| q.clause.to_string()),
                ));
                if history.is_empty() {
                    return view! { <p>"No attempt yet. Your scores and a trend chart will appear here."</p> }.into_any();
                }
                // The trend is drawn against the pass mark, which only mock exams have.
                let mocks: Vec<_> = history.iter().filter(|h| h.mode == Mode::Mock).collect();
                let pass = mocks.last().map_or(65.0, |h| f64::from(h.pass_percent));
                let points: Vec<(String, f64)> = mocks.iter().enumerate()
                    .map(|(i, h)| (format!("Mock exam {}", i + 1), h.percent())).collect();
                let by_clause = sorted_rows(by_clause.iter());
                view! {
                    {(!points.is_empty()).then(|| view! { <TrendChart points=points pass=pass/> })}
                    <div class="two-col exam-tables">
                        <table>
                            <caption>"Accuracy per domain"</caption>
                            <thead><tr><th scope="col">"Domain"</th><th scope="col">"Correct"</th><th scope="col">"Accuracy"</th></tr></thead>
                            <tbody>{by_domain.iter().map(|(d, t)| view! {
                                <tr><th scope="row">{format!("Domain {d}")}</th><td>{format!("{}/{}", t.correct, t.seen)}</td><td>{pct(t)}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                        <table>
                            <caption>"Accuracy per clause or topic"</caption>
                            <thead><tr><th scope="col">"Clause or topic"</th><th scope="col">"Correct"</th><th scope="col">"Accuracy"</th></tr></thead>
                            <tbody>{by_clause.into_iter().map(|(label, t)| view! {
                                <tr><th scope="row">{label}</th><td>{format!("{}/{}", t.correct, t.seen)}</td><td>{pct(t)}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                    <table class="exam-history">
                        <caption>"Attempts, newest first"</caption>
                        <thead><tr><th scope="col">"When"</th><th scope="col">"Mode"</th><th scope="col">"Score"</th><th scope="col">"Result"</th><th scope="col">"Time"</th></tr></thead>
                        <tbody>{history.iter().rev().take(50).map(|h| view! {
                            <tr>
                                <td>{crate::ui::components::time::format_time(h.finished)}</td>
                                <td>{h.mode.label()}</td>
                                <td>{if h.total == 0 { "Nothing answered".to_string() } else { format!("{}/{} ({:.0} %)", h.correct, h.total, h.percent()) }}</td>
                                <td>{match h.verdict() { Some(true) => "Pass", Some(false) => "Fail", None => "No pass mark (practice)" }}</td>
                                <td>{duration_text(h.time_used_ms)}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
