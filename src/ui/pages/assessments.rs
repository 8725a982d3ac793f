//! /assessments: the assessments stored in this browser, and creating a new one.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::assessment::{new_id, Assessment, NewAssessment, Rating, Scale};
use crate::domain::scoring::{percent, Scorecard};
use crate::ui::components::time::format_time;
use crate::ui::components::title::set_title;
use crate::ui::routes::Route;
use crate::ui::state::{now, random_u64, use_app};

#[component]
pub fn AssessmentList() -> impl IntoView {
    set_title("Assessments");
    let app = use_app();
    let creating = RwSignal::new(false);
    view! {
        <h1>"Self-assessments"</h1>
        <p class="lead">
            "Each assessment rates your organisation against every requirement of ISO/IEC 20000-1:2018 clauses 4 to 10. "
            "They are stored in this browser only."
        </p>
        {move || app.last_deleted.get().map(|a| view! {
            <div class="notice info" role="status">
                <p>{format!("Deleted \u{201c}{}\u{201d}.", a.name)}</p>
                <button type="button" on:click=move |_| app.undo_delete()>"Undo"</button>
            </div>
        })}
        <p>
            <button type="button" class="button primary" on:click=move |_| creating.set(true)
                aria-expanded=move || creating.get().to_string()>
                "New assessment"
            </button>
        </p>
        <Show when=move || creating.get()>
            <CreateForm on_cancel=move || creating.set(false)/>
        </Show>
        <crate::ui::components::import::ImportPanel/>
        <Show
            when=move || !app.assessments.with(|a| a.is_empty())
            fallback=|| view! { <p class="empty">"No assessment yet. Create one to start: it takes a minute to set up."</p> }
        >
            <table class="assessment-table">
                <caption class="visually-hidden">"Assessments stored in this browser"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Organisation"</th>
                        <th scope="col">"Scope"</th>
                        <th scope="col">"Scale"</th>
                        <th scope="col">"Completion"</th>
                        <th scope="col">"Score"</th>
                        <th scope="col">"Last change"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || app.assessments.get()
                        key=|a| (a.id.clone(), a.updated.to_bits(), a.name.clone())
                        children=move |a| view! { <AssessmentRow a=a/> }
                    />
                </tbody>
            </table>
        </Show>
    }
}

#[component]
fn AssessmentRow(a: Assessment) -> impl IntoView {
    let app = use_app();
    let card = Scorecard::of(&a);
    let renaming = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let new_name = RwSignal::new(a.name.clone());
    let id = a.id.clone();
    let answered = card.overall.answered;
    let id_r = StoredValue::new(id.clone());
    let (id_d, id_dup, id_del) = (id.clone(), id.clone(), id.clone());
    let name_for_delete = a.name.clone();
    let rename = move || {
        let name = new_name.get_untracked().trim().to_string();
        if !name.is_empty() {
            app.update(&id_r.get_value(), |x| {
                x.name = name;
                x.updated = now();
            });
        }
        renaming.set(false);
    };
    let duplicate = move |_| {
        if let Some(src) = app.assessment(&id_dup) {
            let t = now();
            let copy = src.duplicate(new_id(t, random_u64()), format!("{} (copy)", src.name), t);
            app.add(copy);
        }
    };
    view! {
        <tr>
            <th scope="row">
                <Show
                    when=move || renaming.get()
                    fallback={
                        let (href, name) = (Route::Assessment { id: id.clone(), requirement: None }.path(), a.name.clone());
                        move || view! { <a href=href.clone()>{name.clone()}</a> }
                    }
                >
                    <form class="inline" on:submit=move |e| { e.prevent_default(); rename(); }>
                        <label class="visually-hidden" for=format!("rename-{}", id_d)>"New name"</label>
                        <input id=format!("rename-{}", id_d) type="text" maxlength="200" required
                            prop:value=move || new_name.get() on:input=move |e| new_name.set(event_target_value(&e))/>
                        <button type="submit">"Save name"</button>
                        <button type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                    </form>
                </Show>
            </th>
            <td>{a.organisation.clone()}</td>
            <td class="clip">{a.scope.clone()}</td>
            <td>{a.scale.label()}</td>
            <td>
                <progress max=card.overall.total value=answered aria-label="Completion"></progress>
                {format!(" {:.0} %", card.overall.completion() * 100.0)}
            </td>
            <td>{percent(card.overall.score())}</td>
            <td>{format_time(a.updated)}</td>
            <td class="actions">
                <a class="button small" href=Route::Results { id: a.id.clone() }.path()>"Results"</a>
                <button type="button" class="small" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button type="button" class="small" on:click=duplicate>"Duplicate"</button>
                <button type="button" class="small danger" on:click=move |_| confirm_delete.set(true)>"Delete"</button>
                <Show when=move || confirm_delete.get()>
                    <div class="confirm" role="alertdialog" aria-label="Confirm deletion">
                        <p>{format!("Delete \u{201c}{}\u{201d} and its {answered} answers from this browser?", name_for_delete)}</p>
                        <button type="button" class="danger" on:click={
                            let id = id_del.clone();
                            move |_| { confirm_delete.set(false); app.delete(&id); }
                        }>"Delete"</button>
                        <button type="button" on:click=move |_| confirm_delete.set(false)>"Keep it"</button>
                    </div>
                </Show>
            </td>
        </tr>
    }
}

#[component]
fn CreateForm(on_cancel: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let assessor = RwSignal::new(String::new());
    let scale = RwSignal::new(Scale::Conformity);
    let target = RwSignal::new(None::<Rating>);
    let error = RwSignal::new(None::<String>);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let form = NewAssessment {
            name: name.get_untracked(),
            organisation: organisation.get_untracked(),
            scope: scope.get_untracked(),
            assessor: assessor.get_untracked(),
            scale: scale.get_untracked(),
            target: target.get_untracked(),
        };
        let t = now();
        match form.build(new_id(t, random_u64()), t) {
            Ok(a) => {
                let id = a.id.clone();
                app.add(a);
                navigate(
                    &Route::Assessment {
                        id,
                        requirement: None,
                    }
                    .path(),
                    Default::default(),
                );
            }
            Err(msg) => error.set(Some(msg)),
        }
    };
    let text = |id: &'static str,
                label: &'static str,
                sig: RwSignal<String>,
                hint: &'static str| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" maxlength="500" placeholder=hint
                    prop:value=move || sig.get() on:input=move |e| sig.set(event_target_value(&e))/>
            </div>
        }
    };
    view! {
        <form class="card create-form" on:submit=submit aria-labelledby="create-title">
            <h2 id="create-title">"New assessment"</h2>
            {text("new-name", "Name (required)", name, "e.g. Baseline 2026")}
            {text("new-org", "Organisation", organisation, "e.g. Example IT Services Ltd")}
            <div class="field">
                <label for="new-scope">"Scope of services"</label>
                <textarea id="new-scope" rows="2" maxlength="2000" placeholder="Which services, sites and teams the SMS covers"
                    prop:value=move || scope.get() on:input=move |e| scope.set(event_target_value(&e))></textarea>
            </div>
            {text("new-assessor", "Assessor", assessor, "Who is doing this assessment")}
            <fieldset>
                <legend>"Rating scale"</legend>
                <label><input type="radio" name="scale" checked=true on:change=move |_| { scale.set(Scale::Conformity); target.set(None); }/>
                    " Conformity: not in place / partially in place / in place"</label>
                <label><input type="radio" name="scale" on:change=move |_| { scale.set(Scale::Capability); target.set(None); }/>
                    " Capability 0-5 (ISO/IEC 33020 levels: Incomplete to Innovating)"</label>
            </fieldset>
            <div class="field">
                <label for="new-target">"Target for Stage 1 readiness"</label>
                <select id="new-target" on:change=move |e| {
                    let v = event_target_value(&e);
                    target.set(Rating::try_from(v).ok());
                }>
                    {move || {
                        let s = scale.get();
                        let default = s.default_target();
                        s.ratings().into_iter().filter(|r| r.value().unwrap_or(0.0) > 0.0).map(|r| view! {
                            <option value=r.to_string() selected=r == default>
                                {format!("{}{}", r.label(), if r == default { " (recommended)" } else { "" })}
                            </option>
                        }).collect_view()
                    }}
                </select>
            </div>
            {move || error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            <div class="buttons">
                <button type="submit" class="button primary">"Create and start"</button>
                <button type="button" on:click=move |_| on_cancel()>"Cancel"</button>
            </div>
        </form>
    }
}
