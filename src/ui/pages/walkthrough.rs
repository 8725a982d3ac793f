//! /assessments/:id: the guided walkthrough, one requirement at a time, in the standard's order.
//!
//! The rating sits right under the question (on a phone also in a bar fixed to the bottom of the screen),
//! so rating a requirement never needs a scroll. A tree of clauses with answered counts, a "go to" search
//! and filters (unanswered, marked for review) reach any requirement; a finish step follows the last one.
//!
//! Keyboard: digits pick a rating, N marks not applicable, arrows or J/K move (when no text field has focus).

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::analysis::{doc_status_label, DOC_STATUS_CHOICES};
use crate::domain::assessment::{
    ActionStatus, Answer, Assessment, DocStatus, Rating, Scale, CAPABILITY_LEVELS,
};
use crate::domain::catalogue::{self, top_level, Clause, DocKind, Requirement, REQUIREMENTS};
use crate::domain::scoring::{percent, Scorecard};
use crate::domain::search::{self, HitKind};
use crate::ui::components::export::ExportMenu;
use crate::ui::components::keys::is_text_field;
use crate::ui::components::kind::KindNote;
use crate::ui::components::prefs::{read_flag, write_flag};
use crate::ui::components::text::{plural, share};
use crate::ui::components::title::set_title;
use crate::ui::routes::Route;
use crate::ui::state::{now, use_app, AppState, SaveState};

/// The `req` value of the finish step, after the last requirement.
const FINISH: &str = "finish";
/// Preference names.
const PREF_GUIDANCE: &str = "guidance-open";
const PREF_AUTO_NEXT: &str = "auto-next";

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
fn with_assessment<T>(app: AppState, id: &str, f: impl FnOnce(&Assessment) -> T) -> Option<T> {
    app.assessments
        .with(|all| all.iter().find(|a| a.id == id).map(f))
}

/// Where the walkthrough stands: at a requirement (its index in the catalogue) or at the finish step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    At(usize),
    Finish,
}

/// Which requirements Next, Previous and the tree go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Filter {
    unanswered: bool,
    marked: bool,
}

impl Filter {
    fn admits(self, a: &Assessment, id: &str) -> bool {
        (!self.unanswered || a.rating(id).is_none())
            && (!self.marked || a.answer(id).is_some_and(|x| x.review))
    }
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// The walkthrough's state and moves, shared by its parts (all handles, so it is `Copy`).
#[derive(Clone, Copy)]
struct Walk {
    app: AppState,
    id: StoredValue<String>,
    place: Memo<Place>,
    filter: RwSignal<Filter>,
    guidance_open: RwSignal<bool>,
    auto_next: RwSignal<bool>,
    /// The rating just cleared, offered back for a few seconds.
    undo: RwSignal<Option<(&'static str, Rating)>>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl Walk {
    fn id(self) -> String {
        self.id.get_value()
    }

    fn current(self) -> Option<&'static Requirement> {
        match self.place.get_untracked() {
            Place::At(i) => REQUIREMENTS.get(i),
            Place::Finish => None,
        }
    }

    /// Goes to `place`; `scroll` brings the requirement's top into view when it is not.
    fn go(self, place: Place, scroll: bool) {
        let requirement = match place {
            Place::At(i) => match REQUIREMENTS.get(i) {
                Some(r) => r.id.to_string(),
                None => return,
            },
            Place::Finish => FINISH.to_string(),
        };
        let path = Route::Assessment {
            id: self.id(),
            requirement: Some(requirement),
        }
        .path();
        self.navigate.with_value(|n| {
            n(
                &path,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
        if scroll {
            request_animation_frame(bring_requirement_into_view);
        }
    }

    /// The next or previous place that the filter admits; after the last requirement comes the finish step.
    fn step(self, forward: bool) -> Option<Place> {
        let filter = self.filter.get_untracked();
        let id = self.id();
        let admitted = |i: &usize| {
            self.app.assessments.with_untracked(|all| {
                all.iter()
                    .find(|a| a.id == id)
                    .is_some_and(|a| filter.admits(a, REQUIREMENTS[*i].id))
            })
        };
        match (self.place.get_untracked(), forward) {
            (Place::Finish, true) => None,
            (Place::Finish, false) => (0..REQUIREMENTS.len())
                .rev()
                .find(admitted)
                .or(REQUIREMENTS.len().checked_sub(1))
                .map(Place::At),
            (Place::At(cur), true) => Some(
                ((cur + 1)..REQUIREMENTS.len())
                    .find(admitted)
                    .map_or(Place::Finish, Place::At),
            ),
            (Place::At(cur), false) => (0..cur).rev().find(admitted).map(Place::At),
        }
    }

    fn go_step(self, forward: bool) {
        if let Some(p) = self.step(forward) {
            self.go(p, true);
        }
    }

    fn edit(self, req: &'static str, f: impl FnOnce(&mut Answer)) {
        self.app
            .update(&self.id(), |a| a.edit_answer(req, now(), f));
    }

    /// Rates the current requirement; with auto-advance on, moves on shortly after (not after "not
    /// applicable", which asks for a justification first).
    fn rate(self, rating: Rating) {
        let Some(req) = self.current() else { return };
        self.edit(req.id, |a| a.rating = Some(rating));
        self.undo.set(None);
        if self.auto_next.get_untracked() && rating != Rating::NotApplicable {
            let here = self.place.get_untracked();
            set_timeout(
                move || {
                    // Only if the user has not moved meanwhile.
                    if self.place.get_untracked() == here {
                        self.go_step(true);
                    }
                },
                std::time::Duration::from_millis(350),
            );
        }
    }

    fn clear_rating(self, req: &'static Requirement) {
        let before = with_assessment(self.app, &self.id(), |a| a.rating(req.id)).flatten();
        self.edit(req.id, |a| a.rating = None);
        if let Some(r) = before {
            self.undo.set(Some((req.id, r)));
            set_timeout(
                move || {
                    if self.undo.get_untracked() == Some((req.id, r)) {
                        self.undo.set(None);
                    }
                },
                std::time::Duration::from_secs(10),
            );
        }
    }

    fn undo_clear(self) {
        if let Some((req, r)) = self.undo.get_untracked() {
            self.edit(req, |a| a.rating = Some(r));
            self.undo.set(None);
        }
    }

    /// The first requirement of a clause that the filter admits, else its first requirement.
    fn open_clause(self, number: &str) {
        let filter = self.filter.get_untracked();
        let within: Vec<usize> = REQUIREMENTS
            .iter()
            .enumerate()
            .filter(|(_, r)| catalogue::is_within(r.clause, number))
            .map(|(i, _)| i)
            .collect();
        let id = self.id();
        let admitted = self.app.assessments.with_untracked(|all| {
            let a = all.iter().find(|a| a.id == id)?;
            within
                .iter()
                .copied()
                .find(|i| filter.admits(a, REQUIREMENTS[*i].id))
        });
        if let Some(i) = admitted.or(within.first().copied()) {
            self.go(Place::At(i), true);
        }
    }

    /// The first requirement without a rating, if any.
    fn first_unanswered(self) -> Option<usize> {
        with_assessment(self.app, &self.id(), |a| {
            a.first_unanswered(REQUIREMENTS.iter().map(|r| r.id))
        })
        .flatten()
    }
}

/// Scrolls so that the requirement's top (or the finish step) is near the top of the window, unless it is
/// already in the upper part of the window.
fn bring_requirement_into_view() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(el) = window
        .document()
        .and_then(|d| d.query_selector(".walk-main").ok().flatten())
    else {
        return;
    };
    let top = el.get_bounding_client_rect().top();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    if !(0.0..=height * 0.4).contains(&top) {
        let y = window.scroll_y().unwrap_or(0.0) + top - 8.0;
        window.scroll_to_with_x_and_y(0.0, y.max(0.0));
    }
}

#[component]
fn WalkthroughFor(id: String) -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let id_s = StoredValue::new(id.clone());

    let name = Memo::new(move |_| {
        with_assessment(app, &id_s.get_value(), |a| a.name.clone()).unwrap_or_default()
    });
    let scale = Memo::new(move |_| {
        with_assessment(app, &id_s.get_value(), |a| a.scale).unwrap_or_default()
    });
    Effect::new(move |_| set_title(&name.get()));

    // The current place: the `req` query parameter, or the first unanswered requirement.
    let place = Memo::new(move |_| {
        let wanted = query.with(|q| q.get("req"));
        if wanted.as_deref() == Some(FINISH) {
            return Place::Finish;
        }
        let id = id_s.get_value();
        Place::At(
            wanted
                .and_then(|r| catalogue::requirement_index(&r))
                .or_else(|| {
                    with_assessment(app, &id, |a| {
                        a.first_unanswered(REQUIREMENTS.iter().map(|r| r.id))
                    })
                    .flatten()
                })
                .unwrap_or(0),
        )
    });
    let navigate = use_navigate();
    let walk = Walk {
        app,
        id: id_s,
        place,
        filter: RwSignal::new(Filter::default()),
        guidance_open: RwSignal::new(read_flag(PREF_GUIDANCE, true)),
        auto_next: RwSignal::new(read_flag(PREF_AUTO_NEXT, false)),
        undo: RwSignal::new(None),
        navigate: StoredValue::new_local(Box::new(navigate) as Navigate),
    };
    // Pin the starting requirement in the URL, so that answering it does not move the page.
    if query.with_untracked(|q| q.get("req").is_none()) {
        let start = place.get_untracked();
        request_animation_frame(move || walk.go(start, false));
    }

    let on_key = move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || is_text_field(&e) {
            return;
        }
        let key = e.key();
        let handled = match key.as_str() {
            "ArrowRight" | "j" | "J" => {
                walk.go_step(true);
                true
            }
            "ArrowLeft" | "k" | "K" => {
                walk.go_step(false);
                true
            }
            k => {
                let mut chars = k.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => scale
                        .get_untracked()
                        .rating_for_key(c)
                        .filter(|_| walk.current().is_some())
                        .map(|r| walk.rate(r))
                        .is_some(),
                    _ => false,
                }
            }
        };
        if handled {
            e.prevent_default();
        }
    };

    let card = Memo::new(move |_| with_assessment(app, &id_s.get_value(), Scorecard::of));
    // Keys work wherever focus is on the page (outside text fields).
    let keys = window_event_listener(leptos::ev::keydown, on_key);
    on_cleanup(move || keys.remove());
    let drawer_open = RwSignal::new(false);

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
                    let o = c.progress;
                    view! {
                        <div class="progress-line">
                            <label for="walk-progress">{format!("{} of {} answered ({})", o.answered, o.total, share(o.answered, o.total))}</label>
                            <progress id="walk-progress" max=o.total value=o.answered></progress>
                            <span>{format!("Score so far: {}", percent(c.overall.score()))}</span>
                        </div>
                    }
                })}
                <SaveIndicator/>
            </header>
            <button type="button" class="drawer-toggle" aria-controls="walk-tree"
                aria-expanded=move || drawer_open.get().to_string()
                on:click=move |_| drawer_open.update(|o| *o = !*o)>
                "☰ Clauses, search and filters"
            </button>
            <div class="walk-layout">
                <ClauseNav walk=walk card=card drawer_open=drawer_open/>
                <div class="walk-main">
                    {move || match place.get() {
                        Place::At(index) => match REQUIREMENTS.get(index) {
                            Some(r) => view! { <RequirementPanel walk=walk req=r index=index/> }.into_any(),
                            None => ().into_any(),
                        },
                        Place::Finish => view! { <FinishStep walk=walk card=card/> }.into_any(),
                    }}
                    <p class="muted keys">"Keys: digits pick a rating, N = not applicable, ← → or J / K move between requirements."</p>
                    <div class="walk-export">
                        <h2 class="small-heading">"Export this assessment"</h2>
                        <ExportMenu id=id_s.get_value()/>
                    </div>
                </div>
            </div>
            <RatingBar walk=walk scale=scale/>
            {move || walk.undo.get().map(|(req, _)| view! {
                <div class="toast" role="status">
                    <p>{format!("Rating of {req} cleared.")}</p>
                    <button type="button" on:click=move |_| walk.undo_clear()>"Undo"</button>
                </div>
            })}
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

/// Previous and Next, right under the rating.
#[component]
fn Pager(walk: Walk) -> impl IntoView {
    let app = walk.app;
    view! {
        <nav class="pager" aria-label="Requirements">
            <button type="button" on:click=move |_| walk.go_step(false)
                disabled=move || { walk.place.track(); walk.filter.track(); app.assessments.track(); walk.step(false).is_none() }>
                "← Previous"<span class="key-hint" aria-hidden="true">" (K)"</span>
            </button>
            <button type="button" class="primary" on:click=move |_| walk.go_step(true)
                disabled=move || { walk.place.track(); walk.step(true).is_none() }>
                "Next →"<span class="key-hint" aria-hidden="true">" (J)"</span>
            </button>
        </nav>
    }
}

/// On a phone: the rating choices, Previous and Next fixed to the bottom of the screen.
#[component]
fn RatingBar(walk: Walk, scale: Memo<Scale>) -> impl IntoView {
    let app = walk.app;
    let current_rating = Memo::new(move |_| {
        let req = match walk.place.get() {
            Place::At(i) => REQUIREMENTS.get(i)?,
            Place::Finish => return None,
        };
        with_assessment(app, &walk.id(), |a| a.rating(req.id)).flatten()
    });
    view! {
        <div class="rating-bar" role="group" aria-label="Quick rating and moving on">
            {move || (walk.place.get() != Place::Finish).then(|| {
                let s = scale.get();
                let choices: Vec<Rating> = s.ratings().into_iter().chain([Rating::NotApplicable]).collect();
                let class = if s == Scale::Capability { "bar-ratings capability" } else { "bar-ratings" };
                view! {
                    <div class=class>
                        {choices.into_iter().map(|r| {
                            let short = short_label(r);
                            view! {
                                <button type="button" aria-label=r.label()
                                    aria-pressed=move || (current_rating.get() == Some(r)).to_string()
                                    on:click=move |_| walk.rate(r)>
                                    {short}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                }
            })}
            <div class="bar-moves">
                <button type="button" on:click=move |_| walk.go_step(false)
                    disabled=move || { walk.place.track(); walk.filter.track(); app.assessments.track(); walk.step(false).is_none() }>
                    "← Previous"
                </button>
                <button type="button" class="primary" on:click=move |_| walk.go_step(true)
                    disabled=move || { walk.place.track(); walk.step(true).is_none() }>
                    "Next →"
                </button>
            </div>
        </div>
    }
}

/// A rating's name short enough for a phone's bar (the full name is its accessible label).
fn short_label(r: Rating) -> String {
    match r {
        Rating::NotInPlace => "Not in place".into(),
        Rating::Partial => "Partly".into(),
        Rating::InPlace => "In place".into(),
        Rating::Level(l) => l.to_string(),
        Rating::NotApplicable => "N/A".into(),
    }
}

/// The tree of clauses with answered counts, the "go to" search and the filters. A sticky column on a
/// wide screen, a drawer on a phone.
#[component]
fn ClauseNav(
    walk: Walk,
    card: Memo<Option<Scorecard>>,
    drawer_open: RwSignal<bool>,
) -> impl IntoView {
    let app = walk.app;
    let expanded = RwSignal::new(BTreeSet::<&'static str>::new());
    // The current requirement's clauses stay open in the tree.
    let current_clause = Memo::new(move |_| match walk.place.get() {
        Place::At(i) => REQUIREMENTS.get(i).map(|r| r.clause),
        Place::Finish => None,
    });
    Effect::new(move |_| {
        if let Some(c) = current_clause.get() {
            expanded.update(|e| {
                for a in catalogue::ancestors(c) {
                    e.insert(a.number);
                }
            });
        }
    });
    let marked = Memo::new(move |_| {
        with_assessment(app, &walk.id(), |a| {
            a.answers.values().filter(|x| x.review).count()
        })
        .unwrap_or(0)
    });
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if drawer_open.get() {
            if let Some(b) = close_button.get() {
                let _ = b.focus();
            }
        }
    });
    let picked = move || {
        if drawer_open.get_untracked() {
            drawer_open.set(false);
        }
    };
    let tree = TreeCtx {
        walk,
        card,
        expanded,
        current_clause,
        drawer_open,
    };
    view! {
        <div class="drawer-backdrop" class:open=move || drawer_open.get() on:click=move |_| drawer_open.set(false)></div>
        <nav id="walk-tree" class="clause-side" class:open=move || drawer_open.get() aria-label="Clauses of this assessment"
            on:keydown=move |e: leptos::ev::KeyboardEvent| { if e.key() == "Escape" { drawer_open.set(false); } }>
            <button type="button" class="drawer-close" node_ref=close_button on:click=move |_| drawer_open.set(false)>
                "Close ✕"
            </button>
            <GoTo walk=walk on_pick=picked/>
            <fieldset class="walk-filters">
                <legend>"Show"</legend>
                <label class="check">
                    <input type="checkbox" prop:checked=move || walk.filter.get().unanswered
                        on:change=move |e| { let v = event_target_checked(&e); walk.filter.update(|f| f.unanswered = v); }/>
                    " Unanswered only"
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || walk.filter.get().marked
                        on:change=move |e| { let v = event_target_checked(&e); walk.filter.update(|f| f.marked = v); }/>
                    {move || format!(" Marked for review only ({})", marked.get())}
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || walk.auto_next.get()
                        on:change=move |e| { let v = event_target_checked(&e); walk.auto_next.set(v); write_flag(PREF_AUTO_NEXT, v); }/>
                    " Go to the next requirement after rating"
                </label>
            </fieldset>
            <ul class="walk-tree">
                {top_level().map(|c| tree_node(tree, c)).collect_view()}
            </ul>
        </nav>
    }
}

#[derive(Clone, Copy)]
struct TreeCtx {
    walk: Walk,
    card: Memo<Option<Scorecard>>,
    expanded: RwSignal<BTreeSet<&'static str>>,
    current_clause: Memo<Option<&'static str>>,
    drawer_open: RwSignal<bool>,
}

/// One clause of the tree: a toggle for its subclauses (if any), a button to its first requirement, its
/// answered count; subclauses are built only when opened.
fn tree_node(t: TreeCtx, c: &'static Clause) -> AnyView {
    let number = c.number;
    let has_children = catalogue::children(number).next().is_some();
    let is_open = move || t.expanded.with(|e| e.contains(number));
    let toggle = has_children.then(|| {
        view! {
            <button type="button" class="tree-toggle" aria-expanded=move || is_open().to_string()
                aria-label=format!("Subclauses of {number}")
                on:click=move |_| t.expanded.update(|e| { if !e.remove(number) { e.insert(number); } })>
                <span aria-hidden="true">{move || if is_open() { "▾" } else { "▸" }}</span>
            </button>
        }
    });
    view! {
        <li>
            <div class="tree-row" class:leaf={!has_children}>
                {toggle}
                <button type="button" class="link tree-go"
                    aria-current=move || {
                        t.current_clause.get().is_some_and(|cur| catalogue::is_within(cur, number)).then_some("step")
                    }
                    on:click=move |_| { t.walk.open_clause(number); t.drawer_open.set(false); }>
                    <span class="num">{number}</span>" "{c.title()}
                </button>
                <span class="side-count">{move || t.card.get().map(|k| {
                    let g = k.clause_progress(number);
                    format!("{}/{}", g.answered, g.total)
                })}</span>
            </div>
            {move || (has_children && is_open()).then(|| view! {
                <ul>{catalogue::children(number).map(|child| tree_node(t, child)).collect_view()}</ul>
            })}
        </li>
    }
    .into_any()
}

/// Requirements matching a "go to" query: by number (a prefix of the id) or by words.
fn find_requirements(query: &str, limit: usize) -> Vec<&'static Requirement> {
    let q = query.trim();
    if q.is_empty() {
        return Vec::new();
    }
    if q.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let mut exact: Vec<&'static Requirement> =
            REQUIREMENTS.iter().filter(|r| r.id == q).collect();
        exact.extend(
            REQUIREMENTS
                .iter()
                .filter(|r| r.id != q && (r.id.starts_with(q) || r.clause == q))
                .take(limit),
        );
        exact.truncate(limit);
        return exact;
    }
    search::search(q, 400)
        .into_iter()
        .filter(|h| h.kind == HitKind::Requirement)
        .filter_map(|h| catalogue::requirement(h.key))
        .take(limit)
        .collect()
}

#[component]
fn GoTo(walk: Walk, on_pick: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let hits = Memo::new(move |_| query.with(|q| find_requirements(q, 8)));
    let open = move |r: &'static Requirement| {
        if let Some(i) = catalogue::requirement_index(r.id) {
            walk.go(Place::At(i), true);
            query.set(String::new());
            on_pick();
        }
    };
    view! {
        <form class="goto" role="search" on:submit=move |e| {
            e.prevent_default();
            if let Some(r) = hits.get_untracked().first() { open(r); }
        }>
            <label for="goto-input">"Go to a requirement"</label>
            <input id="goto-input" type="search" autocomplete="off" maxlength="200"
                placeholder="Number or words, e.g. 8.6.1.4"
                aria-describedby="goto-count"
                prop:value=move || query.get() on:input=move |e| query.set(event_target_value(&e))/>
            <p id="goto-count" class="visually-hidden" aria-live="polite">{move || {
                let n = hits.with(Vec::len);
                if query.with(|q| q.trim().is_empty()) { String::new() } else { format!("{} found", plural(n, "requirement", "requirements")) }
            }}</p>
            {move || {
                let list = hits.get();
                let typed = query.with(|q| !q.trim().is_empty());
                if list.is_empty() {
                    typed.then(|| view! { <p class="muted goto-none">"No requirement matches."</p> }.into_any())
                } else {
                    Some(view! {
                        <ul class="goto-hits">
                            {list.into_iter().map(|r| view! {
                                <li><button type="button" class="link" on:click=move |_| open(r)>
                                    <span class="num">{r.id}</span>" "{r.title()}
                                </button></li>
                            }).collect_view()}
                        </ul>
                    }.into_any())
                }
            }}
        </form>
    }
}

/// After the last requirement: how far the assessment got, and where to go next.
#[component]
fn FinishStep(walk: Walk, card: Memo<Option<Scorecard>>) -> impl IntoView {
    let app = walk.app;
    let first_marked = Memo::new(move |_| {
        with_assessment(app, &walk.id(), |a| {
            REQUIREMENTS
                .iter()
                .position(|r| a.answer(r.id).is_some_and(|x| x.review))
        })
        .flatten()
    });
    let first_open = Memo::new(move |_| {
        app.assessments.track();
        walk.first_unanswered()
    });
    view! {
        <section class="finish-step requirement-panel" aria-labelledby="finish-title">
            <h2 id="finish-title" tabindex="-1">"You have reached the end"</h2>
            {move || card.get().map(|c| {
                let o = c.progress;
                view! {
                    <p class="finish-count">{format!("{} of {} answered ({}).", o.answered, o.total, share(o.answered, o.total))}</p>
                }
            })}
            <p class="buttons">
                <a class="button primary" href=move || Route::Results { id: walk.id() }.path()>"See the results"</a>
                {move || first_open.get().map(|i| view! {
                    <button type="button" on:click=move |_| walk.go(Place::At(i), true)>"Go to the first unanswered requirement"</button>
                })}
                {move || first_marked.get().map(|i| view! {
                    <button type="button" on:click=move |_| walk.go(Place::At(i), true)>"Go to the first one marked for review"</button>
                })}
            </p>
        </section>
        <Pager walk=walk/>
    }
}

#[component]
fn RequirementPanel(walk: Walk, req: &'static Requirement, index: usize) -> impl IntoView {
    let app = walk.app;
    let answer = Memo::new(move |_| {
        with_assessment(app, &walk.id(), |a| {
            a.answer(req.id).cloned().unwrap_or_default()
        })
        .unwrap_or_default()
    });
    let scale = with_assessment(app, &walk.id(), |a| a.scale).unwrap_or_default();
    let edit = move |f: Box<dyn FnOnce(&mut Answer)>| walk.edit(req.id, f);
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
    let ratings: Vec<Rating> = scale.ratings().into_iter().collect();
    let on_guidance_toggle = move |e: leptos::ev::Event| {
        let open = e
            .target()
            .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if open != walk.guidance_open.get_untracked() {
            walk.guidance_open.set(open);
            write_flag(PREF_GUIDANCE, open);
        }
    };
    view! {
        <article class="requirement-panel" aria-labelledby="req-title">
            <div class="req-head">
                <p class="breadcrumb-line">
                    {clause.map(|c| format!("Clause {} {} · ", c.number, c.title()))}
                    {format!("Requirement {} of {}", index + 1, REQUIREMENTS.len())}
                </p>
                <button type="button" class="mark-review small"
                    aria-pressed=move || answer.with(|a| a.review).to_string()
                    on:click=move |_| edit(Box::new(|a| a.review = !a.review))>
                    <span aria-hidden="true">"⚑ "</span>"Mark for review"
                </button>
            </div>
            <h2 id="req-title"><span class="num">{req.id}</span>" "{req.title()}</h2>
            <KindNote kind=req.kind/>
            <p class="question">{req.text().question}</p>
            <fieldset class="rating">
                <legend>"Your rating"</legend>
                {ratings.into_iter().map(|r| {
                    let key = scale.key_for(r).map(String::from).unwrap_or_default();
                    let descr = match r { Rating::Level(l) => CAPABILITY_LEVELS.get(usize::from(l)).map(|c| c.1), _ => None };
                    view! {
                        <label class="rating-option">
                            <input type="radio" name=format!("rating-{}", req.id) value=r.to_string()
                                prop:checked=move || answer.with(|a| a.rating == Some(r))
                                on:change=move |_| walk.rate(r)/>
                            <span class="key" aria-hidden="true">{key}</span>
                            <span>{r.label()}{descr.map(|d| view! { <small>{d}</small> })}</span>
                        </label>
                    }
                }).collect_view()}
                <label class="rating-option">
                    <input type="radio" name=format!("rating-{}", req.id) value="not_applicable"
                        prop:checked=move || answer.with(|a| a.rating == Some(Rating::NotApplicable))
                        on:change=move |_| walk.rate(Rating::NotApplicable)/>
                    <span class="key" aria-hidden="true">"N"</span>
                    <span>"Not applicable"</span>
                </label>
                <button type="button" class="link small clear-rating" on:click=move |_| walk.clear_rating(req)
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
            <Pager walk=walk/>
            <details class="guidance" prop:open=move || walk.guidance_open.get() on:toggle=on_guidance_toggle>
                <summary>"What good looks like"</summary>
                <p>{req.text().guidance}</p>
                <h3>"Typical evidence"</h3>
                <ul>{req.text().evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
                <p class="meta">
                    {format!("Weight {} of 3", req.weight)}
                    {req.itil.map(|p| format!(" · ITIL 4: {p}"))}
                    " · "<a href=format!("{}#req-{}", Route::LearnClause(req.clause.to_string()).path(), req.id)>"About this clause"</a>
                </p>
                {catalogue::clause(req.clause).and_then(|c| c.text().typical_finding).map(|f| view! {
                    <h3>"What a finding looks like here"</h3>
                    <p class="typical-finding-text">{f}</p>
                })}
            </details>
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
                            {DOC_STATUS_CHOICES.into_iter().map(|(status, key)| view! {
                                <option value=key selected=move || answer.with(|a| a.doc_status == status)>{doc_status_label(status)}</option>
                            }).collect_view()}
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
