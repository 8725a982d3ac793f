//! /exam: choose practice, a mock exam or a weak-spot drill; see progress.

pub mod review;
pub mod session;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::catalogue::{self, top_level, Question, TOPICS};
use crate::domain::content_schema::TERMS_CLAUSE;
use crate::domain::exam::attempt::items_for;
use crate::domain::exam::progress::Tally;
use crate::domain::exam::{assemble, Attempt, ExamConfig, Mode};
use crate::ui::components::charts::TrendChart;
use crate::ui::components::title::set_title;
use crate::ui::exam_state::{today, use_exam, with_bank, ExamState};
use crate::ui::routes::Route;
use crate::ui::state::{now, random_u64};

/// Starts a session and opens it.
fn start(
    exam: ExamState,
    navigate: &impl Fn(&str, NavigateOptions),
    mode: Mode,
    config: ExamConfig,
    items: Vec<crate::domain::exam::ExamItem>,
) {
    let attempt = Attempt::new(format!("x{:x}", random_u64()), mode, config, items, now());
    exam.update(|s| s.current = Some(attempt));
    navigate(&Route::ExamSession.path(), Default::default());
}

fn pct(t: &Tally) -> String {
    t.percent()
        .map_or_else(|| "–".into(), |p| format!("{p:.0} %"))
}

#[component]
pub fn ExamHome() -> impl IntoView {
    set_title("Exam practice");
    let exam = use_exam();
    view! {
        <h1>"ISO/IEC 20000 Foundation exam practice"</h1>
        <p class="lead">
            "Original questions on the concepts of service management (domain 1) and the requirements of "
            "clauses 4 to 10 (domain 2), each with an explanation. Your results stay in this browser."
        </p>
        {move || exam.store.with(|s| s.current.clone()).map(|a| view! {
            <div class="notice info">
                <p>{format!("You have a {} in progress ({} of {} answered).", a.mode.label().to_lowercase(),
                    a.answers.iter().filter(|x| x.is_some()).count(), a.items.len())}</p>
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
    }
}

#[component]
fn MockSetup(bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
    let navigate = use_navigate();
    let query = use_query_map();
    let q = |k: &str| query.with_untracked(|m| m.get(k));
    let defaults = ExamConfig::default();
    let count = RwSignal::new(
        q("count")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.count),
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
    let seed =
        RwSignal::new(q("seed").unwrap_or_else(|| format!("{:06x}", random_u64() & 0xff_ffff)));
    let error = RwSignal::new(None::<String>);
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
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let config = ExamConfig {
            count: count.get_untracked(),
            minutes: minutes.get_untracked(),
            pass_percent: pass.get_untracked(),
            seed: seed.get_untracked(),
            ..Default::default()
        };
        match config.checked() {
            Ok(config) => {
                let items = assemble(bank, &config);
                start(exam, &navigate, Mode::Mock, config, items);
            }
            Err(msg) => error.set(Some(msg)),
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
    let count_u32 = RwSignal::new(count.get_untracked() as u32);
    Effect::new(move |_| count.set(count_u32.get() as usize));
    view! {
        <form class="card" on:submit=submit aria-labelledby="mock-title">
            <h2 id="mock-title">"Mock exam"</h2>
            <p>"Default: the published Foundation format, 40 questions in 60 minutes, pass mark 65 %. No feedback until you submit."</p>
            <div class="field-row">
                {num("mock-count", "Questions", count_u32, 1, 200)}
                {num("mock-minutes", "Minutes (0: untimed)", minutes, 0, 600)}
                {num("mock-pass", "Pass mark %", pass, 1, 100)}
            </div>
            <div class="field">
                <label for="mock-seed">"Seed (the same seed gives the same exam)"</label>
                <input id="mock-seed" type="text" maxlength="64" prop:value=move || seed.get()
                    on:input=move |e| seed.set(event_target_value(&e))/>
            </div>
            <p class="meta">"Link for a class to take the same exam: " <code class="share-link">{shared}</code></p>
            {move || error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            <button type="submit" class="button primary">"Start the mock exam"</button>
        </form>
    }
}

#[component]
fn PracticeSetup(bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
    let navigate = use_navigate();
    let domain = RwSignal::new(String::new());
    let clause = RwSignal::new(String::new());
    let count = Memo::new(move |_| {
        let d = domain.get();
        let c = clause.get();
        bank.iter()
            .filter(|q| d.is_empty() || q.domain.to_string() == d)
            .filter(|q| c.is_empty() || catalogue::is_within(q.clause, &c))
            .count()
    });
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let config = ExamConfig {
            count: 20,
            minutes: 0,
            seed: format!("{:x}", random_u64()),
            domains: domain.get_untracked().parse().ok().into_iter().collect(),
            clauses: Some(clause.get_untracked())
                .filter(|c| !c.is_empty())
                .into_iter()
                .collect(),
            ..Default::default()
        };
        let items = assemble(bank, &config);
        start(exam, &navigate, Mode::Practice, config, items);
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
                            opts.extend(top_level().map(|c| (c.number.to_string(), format!("{} {}", c.number, c.title))));
                            opts.extend(catalogue::CLAUSES.iter().filter(|c| c.depth == 2).map(|c| (c.number.to_string(), format!("{} {}", c.number, c.title))));
                        }
                        opts.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()
                    }}
                </select>
            </div>
            <p class="meta" aria-live="polite">{move || format!("{} questions match.", count.get())}</p>
            <button type="submit" class="button primary" disabled=move || count.get() == 0>"Start practising"</button>
        </form>
    }
}

#[component]
fn WeakSpots(bank: &'static [Question]) -> impl IntoView {
    let exam = use_exam();
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
        start(exam, &navigate, Mode::Drill, config, items);
    };
    view! {
        <section class="card" aria-labelledby="weak-title">
            <h2 id="weak-title">"Weak spots"</h2>
            <p>"Questions you missed come back on a spaced schedule. One leaves the queue after you answer it right on two separate days in a row."</p>
            <p><strong>{move || format!("{} in the queue, {} due today.", queue.get().0, queue.get().1)}</strong></p>
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
                let points: Vec<(String, f64)> = history.iter().enumerate()
                    .map(|(i, h)| (format!("{} {}", i + 1, h.mode.label()), h.percent())).collect();
                view! {
                    <TrendChart points=points pass=65.0/>
                    <div class="two-col">
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
                            <tbody>{by_clause.iter().map(|(c, t)| view! {
                                <tr><th scope="row">{format!("{c} {}", catalogue::subject_title(c))}</th><td>{format!("{}/{}", t.correct, t.seen)}</td><td>{pct(t)}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                    <table>
                        <caption>"Attempts, newest first"</caption>
                        <thead><tr><th scope="col">"When"</th><th scope="col">"Mode"</th><th scope="col">"Score"</th><th scope="col">"Result"</th><th scope="col">"Time"</th></tr></thead>
                        <tbody>{history.iter().rev().take(50).map(|h| view! {
                            <tr>
                                <td>{crate::ui::components::time::format_time(h.finished)}</td>
                                <td>{h.mode.label()}</td>
                                <td>{format!("{}/{} ({:.0} %)", h.correct, h.total, h.percent())}</td>
                                <td>{if h.mode == Mode::Mock { if h.passed() { "Pass" } else { "Fail" } } else { "–" }}</td>
                                <td>{format!("{:.0} min", h.time_used_ms / 60_000.0)}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
