//! /assessments: the assessments stored in this browser first, each with a way to continue; then a new
//! assessment; then import, comparison and backup.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::domain::assessment::{
    new_id, Assessment, Details, DetailsError, DetailsField, NewAssessment, Rating, Scale,
};
use crate::domain::catalogue::REQUIREMENTS;
use crate::domain::scoring::{percent, Scorecard};
use crate::ui::components::prefs::{read_flag, write_flag};
use crate::ui::components::text::{plural, share};
use crate::ui::components::time::format_date;
use crate::ui::components::title::set_title;
use crate::ui::routes::Route;
use crate::ui::state::{now, random_u64, use_app};

const PREF_IMPORT_OPEN: &str = "import-open";

#[component]
pub fn AssessmentList() -> impl IntoView {
    set_title("Assessments");
    let app = use_app();
    let creating = RwSignal::new(false);
    let editing = RwSignal::new(None::<String>);
    let import_open = RwSignal::new(read_flag(PREF_IMPORT_OPEN, true));
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
        <Show
            when=move || !app.assessments.with(|a| a.is_empty())
            fallback=|| view! { <p class="empty">"No assessment yet. Create one to start: it takes a minute to set up."</p> }
        >
            <table class="assessment-table">
                <caption class="visually-hidden">"Assessments stored in this browser"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
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
                        children=move |a| view! { <AssessmentRow a=a editing=editing/> }
                    />
                </tbody>
            </table>
        </Show>
        {move || editing.get().map(|id| view! { <EditForm id=id on_done=move || editing.set(None)/> })}
        <p>
            <button type="button" class="button primary" on:click=move |_| creating.set(true)
                aria-expanded=move || creating.get().to_string()>
                "New assessment"
            </button>
        </p>
        <Show when=move || creating.get()>
            <CreateForm on_cancel=move || creating.set(false)/>
        </Show>
        <details class="import-box" prop:open=move || import_open.get() on:toggle=move |e| {
            let open = e.target()
                .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
                .and_then(|v| v.as_bool())
                .unwrap_or(true);
            if open != import_open.get_untracked() {
                import_open.set(open);
                write_flag(PREF_IMPORT_OPEN, open);
            }
        }>
            <summary>"Import files or back up"</summary>
            <crate::ui::components::import_panel::ImportPanel/>
        </details>
    }
}

#[component]
fn AssessmentRow(a: Assessment, editing: RwSignal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let card = Scorecard::of(&a);
    let confirm_delete = RwSignal::new(false);
    let id = a.id.clone();
    let answered = card.progress.answered;
    let (id_dup, id_del, id_edit) = (id.clone(), id.clone(), id.clone());
    let name_for_delete = a.name.clone();
    let duplicate = move |_| {
        if let Some(src) = app.assessment(&id_dup) {
            let t = now();
            let copy = src.duplicate(new_id(t, random_u64()), format!("{} (copy)", src.name), t);
            app.add(copy);
        }
    };
    let next = a
        .first_unanswered(REQUIREMENTS.iter().map(|r| r.id))
        .and_then(|i| REQUIREMENTS.get(i))
        .map(|r| r.id.to_string());
    let continue_href = Route::Assessment {
        id: id.clone(),
        requirement: next,
    }
    .path();
    let meta = [a.organisation.as_str(), a.scale.label()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let o = card.overall;
    view! {
        <tr>
            <th scope="row">
                <a href=Route::Assessment { id: id.clone(), requirement: None }.path()>{a.name.clone()}</a>
                <span class="row-meta">{meta}</span>
            </th>
            <td class="completion">
                <progress max=card.progress.total value=answered aria-hidden="true"></progress>
                <span>{format!("Answered {} of {} ({})", answered, card.progress.total, share(answered, card.progress.total))}</span>
            </td>
            <td><span class="cell-label">"Score "</span>{match o.score() { Some(_) => percent(o.score()), None => "none yet".to_string() }}</td>
            <td><span class="cell-label">"Last change "</span>{format_date(a.updated)}</td>
            <td class="actions">
                <a class="button small primary" href=continue_href>"Continue"</a>
                <a class="button small" href=Route::Results { id: a.id.clone() }.path()>"Results"</a>
                <button type="button" class="small" aria-expanded=move || editing.with(|e| e.as_deref() == Some(id_edit.as_str())).to_string()
                    on:click={
                        let id = id.clone();
                        move |_| editing.set(Some(id.clone()))
                    }>"Edit details"</button>
                <button type="button" class="small" on:click=duplicate>"Duplicate"</button>
                <button type="button" class="small danger" on:click=move |_| confirm_delete.set(true)>"Delete"</button>
                <Show when=move || confirm_delete.get()>
                    <div class="confirm" role="alertdialog" aria-label="Confirm deletion">
                        <p>{format!("Delete \u{201c}{}\u{201d} and its {} from this browser?", name_for_delete, plural(answered, "answer", "answers"))}</p>
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

/// The signals of a details form (creation or editing).
#[derive(Clone, Copy)]
struct FormState {
    prefix: &'static str,
    name: RwSignal<String>,
    organisation: RwSignal<String>,
    scope: RwSignal<String>,
    assessor: RwSignal<String>,
    scale: RwSignal<Scale>,
    target: RwSignal<Option<Rating>>,
    error: RwSignal<Option<DetailsError>>,
}

impl FormState {
    fn new(prefix: &'static str, initial: NewAssessment) -> FormState {
        FormState {
            prefix,
            name: RwSignal::new(initial.name),
            organisation: RwSignal::new(initial.organisation),
            scope: RwSignal::new(initial.scope),
            assessor: RwSignal::new(initial.assessor),
            scale: RwSignal::new(initial.scale),
            target: RwSignal::new(initial.target),
            error: RwSignal::new(None),
        }
    }

    fn read(self) -> NewAssessment {
        NewAssessment {
            name: self.name.get_untracked(),
            organisation: self.organisation.get_untracked(),
            scope: self.scope.get_untracked(),
            assessor: self.assessor.get_untracked(),
            scale: self.scale.get_untracked(),
            target: self.target.get_untracked(),
        }
    }

    fn input_id(self, field: DetailsField) -> String {
        let suffix = match field {
            DetailsField::Name => "name",
            DetailsField::Organisation => "org",
            DetailsField::Scope => "scope",
            DetailsField::Assessor => "assessor",
            DetailsField::Target => "target",
        };
        format!("{}-{suffix}", self.prefix)
    }

    /// Checks the form; on an error, shows it at its field and moves focus there.
    fn check(self) -> Option<Details> {
        match Details::try_from(self.read()) {
            Ok(d) => {
                self.error.set(None);
                Some(d)
            }
            Err(e) => {
                let id = self.input_id(e.field());
                self.error.set(Some(e));
                request_animation_frame(move || {
                    if let Some(el) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(&id))
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = el.focus();
                    }
                });
                None
            }
        }
    }

    /// The complaint about `field`, shown under it.
    fn error_at(self, field: DetailsField) -> impl IntoView {
        let id = format!("{}-error", self.input_id(field));
        move || {
            self.error
                .get()
                .filter(|e| e.field() == field)
                .map(|e| view! { <p class="error field-error" id=id.clone()>{e.to_string()}</p> })
        }
    }

    fn invalid(self, field: DetailsField) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let id = format!("{}-error", self.input_id(field));
        move || {
            self.error
                .with(|e| e.as_ref().is_some_and(|e| e.field() == field))
                .then(|| id.clone())
        }
    }

    /// Name, organisation, scope, assessor, scale and target, each labelled, with its error beside it.
    fn fields(self, scale_note: Option<Signal<Option<String>>>) -> impl IntoView {
        let f = self;
        let line = move |field: DetailsField,
                         label: &'static str,
                         sig: RwSignal<String>,
                         hint: &'static str| {
            let id = f.input_id(field);
            let invalid = f.invalid(field);
            let invalid2 = f.invalid(field);
            view! {
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <input id=id type="text" maxlength="500" placeholder=hint
                        aria-invalid=move || invalid().map(|_| "true")
                        aria-describedby=invalid2
                        prop:value=move || sig.get() on:input=move |e| sig.set(event_target_value(&e))/>
                    {f.error_at(field)}
                </div>
            }
        };
        let scope_id = f.input_id(DetailsField::Scope);
        let target_id = f.input_id(DetailsField::Target);
        let radio_name = format!("{}-scale", f.prefix);
        let choose = move |s: Scale| {
            f.scale.set(s);
            f.target.set(None);
        };
        view! {
            {line(DetailsField::Name, "Name (required)", f.name, "e.g. Baseline 2026")}
            {line(DetailsField::Organisation, "Organisation", f.organisation, "e.g. Example IT Services Ltd")}
            <div class="field">
                <label for=scope_id.clone()>"Scope of services"</label>
                <textarea id=scope_id rows="2" maxlength="2000" placeholder="Which services, sites and teams the SMS covers"
                    prop:value=move || f.scope.get() on:input=move |e| f.scope.set(event_target_value(&e))></textarea>
                {f.error_at(DetailsField::Scope)}
            </div>
            {line(DetailsField::Assessor, "Assessor", f.assessor, "Who is doing this assessment")}
            <fieldset class="scale-choice">
                <legend>"Rating scale"</legend>
                <label>
                    <input type="radio" name=radio_name.clone() prop:checked=move || f.scale.get() == Scale::Conformity
                        on:change=move |_| choose(Scale::Conformity)/>
                    <span>"Conformity: not in place, partially in place, in place"</span>
                </label>
                <label>
                    <input type="radio" name=radio_name prop:checked=move || f.scale.get() == Scale::Capability
                        on:change=move |_| choose(Scale::Capability)/>
                    <span>"Capability 0-5: the ISO/IEC 33020 levels, from Incomplete to Innovating"</span>
                </label>
                {scale_note.map(|note| move || note.get().map(|n| view! { <p class="scale-note" role="note">{n}</p> }))}
            </fieldset>
            <div class="field">
                <label for=target_id.clone()>"Target for Stage 1 readiness"</label>
                <select id=target_id on:change=move |e| {
                    let v = event_target_value(&e);
                    f.target.set(Rating::try_from(v).ok());
                }>
                    {move || {
                        let s = f.scale.get();
                        let chosen = f.target.get().unwrap_or(s.default_target());
                        let default = s.default_target();
                        s.ratings().into_iter().filter(|r| r.value().unwrap_or(0.0) > 0.0).map(|r| view! {
                            <option value=r.to_string() prop:selected=r == chosen>
                                {format!("{}{}", r.label(), if r == default { " (recommended)" } else { "" })}
                            </option>
                        }).collect_view()
                    }}
                </select>
                {f.error_at(DetailsField::Target)}
            </div>
        }
    }
}

#[component]
fn CreateForm(on_cancel: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let f = FormState::new("new", NewAssessment::default());
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let t = now();
        if let Some(Ok(a)) = f
            .check()
            .map(|_| f.read().build(new_id(t, random_u64()), t))
        {
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
    };
    view! {
        <form class="card create-form" on:submit=submit aria-labelledby="create-title" novalidate>
            <h2 id="create-title">"New assessment"</h2>
            {f.fields(None)}
            <div class="buttons">
                <button type="submit" class="button primary">"Create and start"</button>
                <button type="button" on:click=move |_| on_cancel()>"Cancel"</button>
            </div>
        </form>
    }
}

/// Every detail of an assessment, editable after creation. A change of scale that would clear ratings
/// asks first and says what happens to them.
#[component]
fn EditForm(id: String, on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    let Some(original) = app.assessment(&id) else {
        return ().into_any();
    };
    let id_s = StoredValue::new(id);
    let old_scale = original.scale;
    let old_target = original.target;
    let title = format!("Edit details of \u{201c}{}\u{201d}", original.name);
    let f = FormState::new("edit", original.details_form());
    let confirming = RwSignal::new(false);
    let lost = Memo::new(move |_| {
        let scale = f.scale.get();
        app.assessment(&id_s.get_value())
            .map(|a| a.ratings_lost_by(scale))
            .unwrap_or(0)
    });
    Effect::new(move |_| {
        f.scale.track();
        confirming.set(false);
    });
    let note = Signal::derive(move || {
        let n = lost.get();
        (n > 0).then(|| {
            format!(
                "Changing to the {} scale clears {} given on the {} scale. Their notes, evidence, actions and \
                 review marks stay, and not-applicable answers are kept.",
                f.scale.get().label(),
                plural(n, "rating", "ratings"),
                old_scale.label()
            )
        })
    });
    let save = move |confirmed: bool| {
        let Some(d) = f.check() else { return };
        if lost.get_untracked() > 0 && !confirmed {
            confirming.set(true);
            return;
        }
        app.update(&id_s.get_value(), |a| a.apply_details(d, now()));
        // Saved at once: the page may be left right after.
        app.flush();
        on_done();
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <form class="card create-form edit-form" aria-labelledby="edit-title" novalidate
            on:submit=move |e| { e.prevent_default(); save(false); }>
            <h2 id="edit-title" tabindex="-1" node_ref=heading>{title}</h2>
            {f.fields(Some(note))}
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="scale-confirm">
                    <p id="scale-confirm">{move || note.get()}" This cannot be undone."</p>
                    <button type="button" class="danger" on:click=move |_| save(true)>
                        {move || format!("Change the scale and clear {}", plural(lost.get(), "rating", "ratings"))}
                    </button>
                    <button type="button" on:click=move |_| { f.scale.set(old_scale); f.target.set(Some(old_target)); }>
                        {format!("Keep the {} scale", old_scale.label())}
                    </button>
                </div>
            </Show>
            <div class="buttons">
                <button type="submit" class="button primary">"Save details"</button>
                <button type="button" on:click=move |_| on_done()>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}
