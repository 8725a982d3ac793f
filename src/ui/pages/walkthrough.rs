//! /assessments/:id: the guided walkthrough, one requirement at a time, in the standard's order.
//!
//! Keyboard: digits pick a rating, N marks not applicable, arrows or J/K move (when no text field has focus).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::assessment::{
    ActionStatus, Answer, Assessment, DocStatus, Rating, Scale, CAPABILITY_LEVELS,
};
use crate::domain::catalogue::{self, top_level, DocKind, Requirement, REQUIREMENTS};
use crate::domain::scoring::{percent, Scorecard};
use crate::ui::components::export::ExportMenu;
use crate::ui::components::keys::is_text_field;
use crate::ui::components::title::set_title;
use crate::ui::routes::Route;
use crate::ui::state::{now, use_app, SaveState};

#[component]
pub fn Walkthrough() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let exists = Memo::new(move |_| {
        app.assessments
            .with(|all| all.iter().any(|a| a.id == id.get()))
    });
    move || {
        if exists.get() {
            view! { <WalkthroughFor id=id.get_untracked()/> }.into_any()
        } else {
            set_title("Assessment not found");
            view! {
                <h1>"Assessment not found"</h1>
                <p>"No assessment with this link is stored in this browser. It may have been deleted, or created in another browser."</p>
                <p><a href=Route::Assessments.path()>"See your assessments"</a></p>
            }
            .into_any()
        }
    }
}

/// Reads a value of the assessment reactively.
fn with_assessment<T>(
    app: crate::ui::state::AppState,
    id: &str,
    f: impl FnOnce(&Assessment) -> T,
) -> Option<T> {
    app.assessments
        .with(|all| all.iter().find(|a| a.id == id).map(f))
}

#[component]
fn WalkthroughFor(id: String) -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let navigate = use_navigate();
    let unanswered_only = RwSignal::new(false);
    let id_s = StoredValue::new(id.clone());

    let name = Memo::new(move |_| {
        with_assessment(app, &id_s.get_value(), |a| a.name.clone()).unwrap_or_default()
    });
    let scale = Memo::new(move |_| {
        with_assessment(app, &id_s.get_value(), |a| a.scale).unwrap_or_default()
    });
    Effect::new(move |_| set_title(&name.get()));

    // The current requirement: the `req` query parameter, or the first unanswered one.
    let current = Memo::new(move |_| {
        let wanted = query.with(|q| q.get("req"));
        let id = id_s.get_value();
        wanted
            .and_then(|r| catalogue::requirement_index(&r))
            .or_else(|| {
                with_assessment(app, &id, |a| {
                    REQUIREMENTS.iter().position(|r| a.rating(r.id).is_none())
                })
                .flatten()
            })
            .unwrap_or(0)
    });
    let go = {
        let navigate = navigate.clone();
        move |index: usize| {
            if let Some(r) = REQUIREMENTS.get(index) {
                let path = Route::Assessment {
                    id: id_s.get_value(),
                    requirement: Some(r.id.to_string()),
                }
                .path();
                navigate(
                    &path,
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                );
            }
        }
    };
    // Pin the starting requirement in the URL, so that answering it does not move the page.
    if query.with_untracked(|q| q.get("req").is_none()) {
        let (go, start) = (go.clone(), current.get_untracked());
        request_animation_frame(move || go(start));
    }
    // Next or previous index, skipping answered requirements when the filter is on.
    let step = move |forward: bool| -> Option<usize> {
        let cur = current.get_untracked();
        let only = unanswered_only.get_untracked();
        let id = id_s.get_value();
        let candidates: Vec<usize> = if forward {
            ((cur + 1)..REQUIREMENTS.len()).collect()
        } else {
            (0..cur).rev().collect()
        };
        app.assessments.with_untracked(|all| {
            let a = all.iter().find(|a| a.id == id)?;
            candidates
                .into_iter()
                .find(|i| !only || a.rating(REQUIREMENTS[*i].id).is_none())
        })
    };
    let go_step = {
        let go = go.clone();
        move |forward: bool| {
            if let Some(i) = step(forward) {
                go(i);
            }
        }
    };
    let set_rating = move |rating: Rating| {
        let req = REQUIREMENTS[current.get_untracked()].id;
        app.update(&id_s.get_value(), |a| {
            a.edit_answer(req, now(), |ans| ans.rating = Some(rating))
        });
    };

    let on_key = {
        let go_step = go_step.clone();
        move |e: web_sys::KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || is_text_field(&e) {
                return;
            }
            let key = e.key();
            let handled = match key.as_str() {
                "ArrowRight" | "j" | "J" => {
                    go_step(true);
                    true
                }
                "ArrowLeft" | "k" | "K" => {
                    go_step(false);
                    true
                }
                "n" | "N" => {
                    set_rating(Rating::NotApplicable);
                    true
                }
                d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => {
                    let digit = d.as_bytes()[0] - b'0';
                    let rating = match scale.get_untracked() {
                        Scale::Capability if digit <= 5 => Some(Rating::Level(digit)),
                        Scale::Conformity if (1..=3).contains(&digit) => {
                            Some(Scale::Conformity.ratings()[usize::from(digit) - 1])
                        }
                        _ => None,
                    };
                    rating.map(set_rating).is_some()
                }
                _ => false,
            };
            if handled {
                e.prevent_default();
            }
        }
    };

    let card = Memo::new(move |_| with_assessment(app, &id_s.get_value(), Scorecard::of));
    // Keys work wherever focus is on the page (outside text fields).
    let keys = window_event_listener(leptos::ev::keydown, on_key);
    on_cleanup(move || keys.remove());

    view! {
        <div class="walkthrough">
            <header class="walk-header">
                <h1>{move || name.get()}</h1>
                <p class="meta">
                    {move || format!("{} scale · ", scale.get().label())}
                    <a href=move || Route::Results { id: id_s.get_value() }.path()>"Results and gaps"</a>
                    " · "
                    <a href=Route::Assessments.path()>"All assessments"</a>
                </p>
                {move || card.get().map(|c| {
                    let o = c.overall;
                    view! {
                        <div class="progress-line">
                            <label for="walk-progress">{format!("{} of {} answered ({:.0} %)", o.answered, o.total, o.completion() * 100.0)}</label>
                            <progress id="walk-progress" max=o.total value=o.answered></progress>
                            <span>{format!("Score so far: {}", percent(o.score()))}</span>
                        </div>
                    }
                })}
                <SaveIndicator/>
                <ExportMenu id=id_s.get_value()/>
            </header>
            <div class="walk-layout">
                <nav class="clause-side" aria-label="Clauses of this assessment">
                    <label class="check">
                        <input type="checkbox" prop:checked=move || unanswered_only.get()
                            on:change=move |e| unanswered_only.set(event_target_checked(&e))/>
                        " Unanswered only"
                    </label>
                    <ul>
                        {top_level().map(|c| {
                            let go = go.clone();
                            let first = REQUIREMENTS.iter().position(|r| catalogue::is_within(r.clause, c.number)).unwrap_or(0);
                            view! {
                                <li>
                                    <button type="button" class="link"
                                        aria-current=move || {
                                            let cur = REQUIREMENTS[current.get()].clause;
                                            catalogue::is_within(cur, c.number).then_some("step")
                                        }
                                        on:click=move |_| go(first)>
                                        <span class="num">{c.number}</span>" "{c.title}
                                    </button>
                                    <span class="side-count">{move || card.get().map(|k| {
                                        let g = k.clause(c.number);
                                        format!("{}/{}", g.answered, g.total)
                                    })}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
                <div class="walk-main">
                    {move || {
                        let index = current.get();
                        let r = &REQUIREMENTS[index];
                        view! { <RequirementPanel id=id_s.get_value() req=r index=index/> }
                    }}
                    <nav class="pager" aria-label="Requirements">
                        <button type="button" on:click={ let g = go_step.clone(); move |_| g(false) }
                            disabled=move || { current.get(); unanswered_only.get(); step(false).is_none() }>
                            "← Previous (K)"
                        </button>
                        <button type="button" class="primary" on:click={ let g = go_step.clone(); move |_| g(true) }
                            disabled=move || { current.get(); unanswered_only.get(); app.assessments.track(); step(true).is_none() }>
                            "Next (J) →"
                        </button>
                    </nav>
                    <p class="muted keys">"Keys: digits pick a rating, N = not applicable, ← → or J / K move between requirements."</p>
                </div>
            </div>
        </div>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    view! {
        <p class="save-state" role="status" aria-live="polite">
            {move || match app.save_state.get() {
                SaveState::Saved => view! { <span class="saved">"✓ All changes saved in this browser"</span> }.into_any(),
                SaveState::Saving => view! { <span class="saving">"Saving…"</span> }.into_any(),
                SaveState::Failed(_) => view! { <span class="failed">"Not saved: see the message above"</span> }.into_any(),
            }}
        </p>
    }
}

#[component]
fn RequirementPanel(id: String, req: &'static Requirement, index: usize) -> impl IntoView {
    let app = use_app();
    let id_s = StoredValue::new(id);
    let answer = Memo::new(move |_| {
        with_assessment(app, &id_s.get_value(), |a| {
            a.answer(req.id).cloned().unwrap_or_default()
        })
        .unwrap_or_default()
    });
    let scale = with_assessment(app, &id_s.get_value(), |a| a.scale).unwrap_or_default();
    let edit = move |f: Box<dyn FnOnce(&mut Answer)>| {
        app.update(&id_s.get_value(), |a| a.edit_answer(req.id, now(), f));
    };
    let clause = catalogue::clause(req.clause);
    // One labelled free-text field of the answer: a text area (rows > 0) or a one-line input of `kind`.
    let field = move |field_id: &'static str,
                      label: &'static str,
                      (rows, kind): (u32, &'static str),
                      get: fn(&Answer) -> String,
                      set: fn(&mut Answer, String)| {
        let input_id = format!("{field_id}-{}", req.id);
        let on_input = move |e: leptos::ev::Event| {
            let v = event_target_value(&e);
            edit(Box::new(move |a| set(a, v)));
        };
        let control = if rows > 0 {
            view! { <textarea id=input_id.clone() rows=rows maxlength="20000" prop:value=move || answer.with(get) on:input=on_input></textarea> }.into_any()
        } else {
            view! { <input id=input_id.clone() type=kind maxlength="500" prop:value=move || answer.with(get) on:input=on_input/> }.into_any()
        };
        view! {
            <div class="field">
                <label for=input_id>{label}</label>
                {control}
            </div>
        }
    };
    let text_field = move |id, label, rows, get, set| field(id, label, (rows, "text"), get, set);
    let line_field = move |id, label, kind, get, set| field(id, label, (0, kind), get, set);
    let ratings: Vec<(usize, Rating)> = scale.ratings().into_iter().enumerate().collect();
    view! {
        <article class="requirement-panel" aria-labelledby="req-title">
            <p class="breadcrumb-line">
                {clause.map(|c| format!("Clause {} {} · ", c.number, c.title))}
                {format!("Requirement {} of {}", index + 1, REQUIREMENTS.len())}
            </p>
            <h2 id="req-title"><span class="num">{req.id}</span>" "{req.title}</h2>
            <p class="question">{req.question}</p>
            <details class="guidance" open=true>
                <summary>"What good looks like"</summary>
                <p>{req.guidance}</p>
                <h3>"Typical evidence"</h3>
                <ul>{req.evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
                <p class="meta">
                    {format!("Weight {} of 3", req.weight)}
                    {req.itil.map(|p| format!(" · ITIL 4: {p}"))}
                    " · "<a href=format!("{}#req-{}", Route::LearnClause(req.clause.to_string()).path(), req.id)>"About this clause"</a>
                </p>
            </details>
            <fieldset class="rating">
                <legend>"Your rating"</legend>
                {ratings.into_iter().map(|(i, r)| {
                    let key = match scale { Scale::Capability => i, Scale::Conformity => i + 1 };
                    let descr = match r { Rating::Level(l) => Some(CAPABILITY_LEVELS[usize::from(l)].1), _ => None };
                    view! {
                        <label class="rating-option">
                            <input type="radio" name=format!("rating-{}", req.id) value=r.to_string()
                                prop:checked=move || answer.with(|a| a.rating == Some(r))
                                on:change=move |_| edit(Box::new(move |a| a.rating = Some(r)))/>
                            <span class="key" aria-hidden="true">{key.to_string()}</span>
                            <span>{r.label()}{descr.map(|d| view! { <small>{d}</small> })}</span>
                        </label>
                    }
                }).collect_view()}
                <label class="rating-option">
                    <input type="radio" name=format!("rating-{}", req.id) value="not_applicable"
                        prop:checked=move || answer.with(|a| a.rating == Some(Rating::NotApplicable))
                        on:change=move |_| edit(Box::new(|a| a.rating = Some(Rating::NotApplicable)))/>
                    <span class="key" aria-hidden="true">"N"</span>
                    <span>"Not applicable"</span>
                </label>
                <button type="button" class="link small" on:click=move |_| edit(Box::new(|a| a.rating = None))
                    disabled=move || answer.with(|a| a.rating.is_none())>
                    "Clear rating"
                </button>
            </fieldset>
            <Show when=move || answer.with(|a| a.rating == Some(Rating::NotApplicable))>
                <div class="na-box" role="note">
                    <p><strong>"ISO/IEC 20000-1 allows no exclusions from clauses 4 to 10."</strong>
                       " A requirement can only be left to another party that you control under 8.2.3. Otherwise, "
                       "this answer blocks readiness for a Stage 1 audit."</p>
                    {text_field("na", "Justification (required)", 2, |a| a.na_justification.clone(), |a, v| a.na_justification = v)}
                    <label class="check">
                        <input type="checkbox" prop:checked=move || answer.with(|a| a.na_other_party)
                            on:change=move |e| { let v = event_target_checked(&e); edit(Box::new(move |a| a.na_other_party = v)); }/>
                        " Another party meets this requirement under our control (8.2.3)"
                    </label>
                    {move || answer.with(|a| a.na_justification.trim().is_empty()).then(|| view! {
                        <p class="error">"Write why it does not apply: a not-applicable answer needs a justification."</p>
                    })}
                </div>
            </Show>
            {(req.doc != DocKind::None).then(|| {
                let item = req.doc_item.unwrap_or("Documented information");
                let kind = if req.doc == DocKind::Document { "Document to maintain" } else { "Record to retain" };
                let sel_id = format!("doc-{}", req.id);
                view! {
                    <div class="field">
                        <label for=sel_id.clone()>{format!("{kind}: {item}")}</label>
                        <select id=sel_id on:change=move |e| {
                            let v = event_target_value(&e);
                            let s = DocStatus::from_key(&v);
                            edit(Box::new(move |a| a.doc_status = s));
                        }>
                            <option value="" selected=move || answer.with(|a| a.doc_status.is_none())>"Not checked"</option>
                            <option value="present" selected=move || answer.with(|a| a.doc_status == Some(DocStatus::Present))>"Present"</option>
                            <option value="partial" selected=move || answer.with(|a| a.doc_status == Some(DocStatus::Partial))>"Partial"</option>
                            <option value="missing" selected=move || answer.with(|a| a.doc_status == Some(DocStatus::Missing))>"Missing"</option>
                        </select>
                    </div>
                }
            })}
            <details class="more" open=move || answer.with(|a| !a.notes.is_empty() || !a.action.is_empty() || !a.evidence.is_empty())>
                <summary>"Notes, evidence and actions"</summary>
                {text_field("notes", "Notes", 3, |a| a.notes.clone(), |a, v| a.notes = v)}
                {text_field("evidence", "Evidence references (one per line; links are shown as text)", 2, |a| a.evidence.clone(), |a, v| a.evidence = v)}
                {text_field("action", "Planned action", 2, |a| a.action.clone(), |a, v| a.action = v)}
                <div class="field-row">
                    {line_field("owner", "Owner", "text", |a| a.owner.clone(), |a, v| a.owner = v)}
                    {line_field("due", "Due date", "date", |a| a.due.clone(), |a, v| a.due = v)}
                    <div class="field">
                        <label for=format!("status-{}", req.id)>"Action status"</label>
                        <select id=format!("status-{}", req.id) on:change=move |e| {
                            let v = event_target_value(&e);
                            let s = ActionStatus::from_label(&v);
                            edit(Box::new(move |a| a.action_status = s));
                        }>
                            {ActionStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.label() selected=move || answer.with(|a| a.action_status == s)>{s.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
            </details>
        </article>
    }
}
