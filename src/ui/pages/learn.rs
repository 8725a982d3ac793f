//! /learn: the clause tree, one page per clause, the glossary, concept topics, PDCA and the journey.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use wasm_bindgen::JsCast;

use crate::domain::catalogue::{
    self, children, clause, requirements_within, term_slug, top_level, Clause, DocKind, Guide,
    Pdca, RequirementKind, Table, CLAUSES, GLOSSARY, GUIDES, JOURNEY, TOPICS,
};
use crate::domain::search::{search, HitKind};
use crate::ui::components::kind::KindNote;
use crate::ui::components::marked::Marked;
use crate::ui::components::title::set_title;
use crate::ui::routes::Route;

#[component]
pub fn LearnHome() -> impl IntoView {
    set_title("Learn the standard");
    view! {
        <h1>"Learn ISO/IEC 20000-1:2018"</h1>
        <p class="lead">
            "What each clause of the service management standard asks for, in plain words, with what an auditor "
            "would look for. Clause numbers and titles are the standard's; all explanations are our own."
        </p>
        <nav class="sub-nav" aria-label="Learn">
            <a href="#clauses">"Clauses"</a>
            <a href=Route::Glossary { term: None }.path()>"Glossary"</a>
            <a href="#standard">"The standard as a whole"</a>
            <a href="#concepts">"Concepts"</a>
            <a href="#pdca">"Plan-Do-Check-Act"</a>
            <a href="#journey">"Certification journey"</a>
        </nav>
        <SearchBox/>
        <section id="clauses">
            <h2>"Clauses 4 to 10"</h2>
            <ClauseTree/>
        </section>
        <section id="standard">
            <h2>"The standard as a whole"</h2>
            <ul class="guide-list">
                {GUIDES.iter().map(|g| view! {
                    <li>
                        <a href=Route::Topic(g.id.to_string()).path()>{g.title}</a>
                        <p>{g.summary}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section id="concepts">
            <h2>"Concepts"</h2>
            <ul class="topic-list">
                {TOPICS.iter().map(|t| view! {
                    <li><a href=Route::Topic(t.id.to_string()).path()>{t.title}</a></li>
                }).collect_view()}
            </ul>
        </section>
        <PdcaView/>
        <JourneyView/>
    }
}

/// "3 requirements, 1 good practice": what a leaf holds, by kind, for the clause tree.
fn check_counts(number: &str) -> String {
    let count = |kind| {
        requirements_within(number)
            .filter(|r| r.kind == kind)
            .count()
    };
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    let required = count(RequirementKind::Requirement);
    if required > 0 {
        parts.push(plural(required, "requirement", "requirements"));
    }
    let practice = count(RequirementKind::GoodPractice);
    if practice > 0 {
        parts.push(format!("{practice} good practice"));
    }
    let orientation = count(RequirementKind::Orientation);
    if orientation > 0 {
        parts.push("no requirement of its own".to_string());
    }
    parts.join(", ")
}

/// Expandable tree of every clause; each node links to its page.
#[component]
fn ClauseTree() -> impl IntoView {
    fn node(c: &'static Clause) -> AnyView {
        let subs: Vec<&'static Clause> = children(c.number).collect();
        let n = requirements_within(c.number)
            .filter(|r| r.counts_for_conformity())
            .count();
        let link = view! {
            <a href=Route::LearnClause(c.number.to_string()).path()>
                <span class="num">{c.number}</span>" "{c.title()}
            </a>
            <span class="count">{format!(" ({})", check_counts(c.number))}</span>
        };
        if subs.is_empty() {
            view! { <li>{link}</li> }.into_any()
        } else {
            view! {
                <li>
                    <details>
                        <summary>
                            <span class="num">{c.number}</span>" "{c.title()}
                            <span class="count">{format!(" ({n})")}</span>
                        </summary>
                        <p class="intent">{c.text().intent}</p>
                        <p><a href=Route::LearnClause(c.number.to_string()).path()>{format!("Open clause {}", c.number)}</a></p>
                        <ul>{subs.into_iter().map(node).collect_view()}</ul>
                    </details>
                </li>
            }
            .into_any()
        }
    }
    view! { <ul class="clause-tree">{top_level().map(node).collect_view()}</ul> }
}

fn hit_href(kind: HitKind, key: &str) -> String {
    match kind {
        HitKind::Clause => Route::LearnClause(key.to_string()).path(),
        HitKind::Term => Route::Glossary {
            term: Some(term_slug(key)),
        }
        .path(),
        HitKind::Topic => Route::Topic(key.to_string()).path(),
        HitKind::Requirement => {
            let clause = catalogue::requirement(key).map_or("", |r| r.clause);
            format!(
                "{}#req-{key}",
                Route::LearnClause(clause.to_string()).path()
            )
        }
    }
}

/// Moves focus among the result links with the arrow keys.
fn move_focus(list: &web_sys::Element, delta: i32) {
    let Ok(links) = list.query_selector_all("a") else {
        return;
    };
    let n = links.length() as i32;
    if n == 0 {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let current = (0..n).find(|i| {
        links
            .item(*i as u32)
            .map(|l| Some(l.unchecked_ref::<web_sys::Element>().clone()) == active)
            == Some(true)
    });
    let next = match current {
        None if delta > 0 => 0,
        None => n - 1,
        Some(i) => (i + delta).clamp(0, n - 1),
    };
    if let Some(el) = links
        .item(next as u32)
        .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
fn SearchBox() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let hits = Memo::new(move |_| search(&query.get(), 30));
    let list = NodeRef::<leptos::html::Ol>::new();
    let on_key = move |e: web_sys::KeyboardEvent| {
        let delta = match e.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        if let Some(el) = list.get() {
            e.prevent_default();
            move_focus(&el, delta);
        }
    };
    view! {
        <search class="learn-search" on:keydown=on_key>
            <label for="learn-search">"Search clauses, requirements and the glossary"</label>
            <input
                id="learn-search"
                type="search"
                autocomplete="off"
                placeholder="e.g. known error, SLA, internal audit"
                aria-describedby="learn-search-count"
                prop:value=move || query.get()
                on:input=move |e| query.set(event_target_value(&e))
            />
            <p id="learn-search-count" class="muted" aria-live="polite">
                {move || {
                    let q = query.get();
                    if q.trim().is_empty() {
                        String::new()
                    } else {
                        let n = hits.with(|h| h.len());
                        match n {
                            0 => format!("No results for \u{201c}{}\u{201d}.", q.trim()),
                            30 => "30 or more results (showing the best 30). Arrow keys move through them.".into(),
                            n => format!("{n} results. Arrow keys move through them."),
                        }
                    }
                }}
            </p>
            <ol class="search-results" node_ref=list>
                {move || hits.get().into_iter().map(|h| view! {
                    <li>
                        <a href=hit_href(h.kind, h.key)>
                            <span class="tag">{h.kind.label()}</span>" "
                            <strong><Marked segments=h.title_marked/></strong>
                        </a>
                        <p class="snippet"><Marked segments=h.snippet/></p>
                    </li>
                }).collect_view()}
            </ol>
        </search>
    }
}

#[component]
fn PdcaView() -> impl IntoView {
    view! {
        <section id="pdca">
            <h2>"Plan-Do-Check-Act"</h2>
            <p>
                "The service management system runs as a cycle: plan what the SMS must achieve, run it, check "
                "how it performs, and act on what the checks show."
            </p>
            <div class="pdca-grid">
                {Pdca::ALL.into_iter().map(|p| view! {
                    <section class=format!("pdca pdca-{}", p.label().to_lowercase())>
                        <h3>{p.label()}</h3>
                        <ul>
                            {top_level().filter(|c| c.pdca == p).map(|c| view! {
                                <li><a href=Route::LearnClause(c.number.to_string()).path()>{format!("{} {}", c.number, c.title())}</a></li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn JourneyView() -> impl IntoView {
    view! {
        <section id="journey">
            <h2>"The certification journey"</h2>
            <ol class="journey">
                {JOURNEY.iter().map(|s| view! {
                    <li><strong>{s.title}</strong><p>{s.summary}</p></li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
pub fn ClausePage() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.with(|p| p.get("clause").unwrap_or_default());
    move || {
        let n = number();
        match clause(&n) {
            None => view! {
                <h1>"Clause not found"</h1>
                <p>{format!("ISO/IEC 20000-1:2018 has no clause {n} between 4 and 10. ")}<a href=Route::Learn.path()>"See all clauses"</a></p>
            }
            .into_any(),
            Some(c) => clause_view(c).into_any(),
        }
    }
}

fn clause_view(c: &'static Clause) -> impl IntoView {
    set_title(&format!("{} {}", c.number, c.title()));
    let pos = CLAUSES
        .iter()
        .position(|x| x.number == c.number)
        .unwrap_or(0);
    let prev = pos.checked_sub(1).and_then(|i| CLAUSES.get(i));
    let next = CLAUSES.get(pos + 1);
    let crumbs = catalogue::ancestors(c.number);
    let subs: Vec<&'static Clause> = children(c.number).collect();
    let terms: Vec<_> = GLOSSARY
        .iter()
        .filter(|t| t.clauses.contains(&c.number))
        .collect();
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <ol>
                <li><a href=Route::Learn.path()>"Learn"</a></li>
                {crumbs.iter().filter(|x| x.number != c.number).map(|x| view! {
                    <li><a href=Route::LearnClause(x.number.to_string()).path()>{x.number}</a></li>
                }).collect_view()}
                <li aria-current="page">{c.number}</li>
            </ol>
        </nav>
        <h1><span class="num">{c.number}</span>" "{c.title()}</h1>
        <p class="meta">{format!("Plan-Do-Check-Act phase: {}", c.pdca.label())}</p>
        <p class="intent lead">{c.text().intent}</p>
        {(!subs.is_empty()).then(|| view! {
            <section>
                <h2>"Subclauses"</h2>
                <ul class="subclauses">
                    {subs.iter().map(|s| view! {
                        <li>
                            <a href=Route::LearnClause(s.number.to_string()).path()>{format!("{} {}", s.number, s.title())}</a>
                            <p>{s.text().intent}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {c.is_leaf.then(|| view! {
            <section>
                <h2>
                    {if requirements_within(c.number).all(|r| r.kind == RequirementKind::Orientation) {
                        "Checks that point to the requirements"
                    } else {
                        "What an auditor checks"
                    }}
                </h2>
                {requirements_within(c.number).map(|r| view! {
                    <article class="requirement" id=format!("req-{}", r.id)>
                        <h3><span class="num">{r.id}</span>" "{r.title()}</h3>
                        <KindNote kind=r.kind/>
                        <p class="question">{r.text().question}</p>
                        <p>{r.text().guidance}</p>
                        <h4>"Typical evidence"</h4>
                        <ul>{r.text().evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
                        <p class="meta">
                            {format!("Weight {} of 3", r.weight)}
                            {match (r.doc, r.doc_item) {
                                (DocKind::Document, Some(item)) => format!(" · Document to maintain: {item}"),
                                (DocKind::Record, Some(item)) => format!(" · Record to retain: {item}"),
                                _ => String::new(),
                            }}
                            {r.itil.map(|p| format!(" · ITIL 4 practice: {p}"))}
                        </p>
                    </article>
                }).collect_view()}
            </section>
        })}
        {c.text().typical_finding.map(|f| view! {
            <section class="typical-finding" aria-labelledby="typical-finding">
                <h2 id="typical-finding">"What a finding looks like here"</h2>
                <p>{f}</p>
                <p class="meta">"An example in our own words of a nonconformity auditors often raise at this clause, and the evidence that showed it."</p>
            </section>
        })}
        {(!terms.is_empty()).then(|| view! {
            <section>
                <h2>"Terms used here"</h2>
                <ul class="inline-list">
                    {terms.iter().map(|t| view! {
                        <li><a href=Route::Glossary { term: Some(term_slug(t.term)) }.path()>{t.term}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <nav class="pager" aria-label="Clauses">
            {prev.map(|p| view! { <a rel="prev" href=Route::LearnClause(p.number.to_string()).path()>{format!("← {} {}", p.number, p.title())}</a> })}
            {next.map(|p| view! { <a rel="next" href=Route::LearnClause(p.number.to_string()).path()>{format!("{} {} →", p.number, p.title())}</a> })}
        </nav>
    }
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    set_title("Glossary");
    // Scroll to the term named in the URL's fragment once the list is rendered.
    let hash = use_location().hash;
    Effect::new(move |_| {
        let h = hash.get();
        let id = h.trim_start_matches('#').to_string();
        if id.is_empty() {
            return;
        }
        request_animation_frame(move || {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
            {
                el.scroll_into_view();
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    });
    let mut letters: Vec<char> = GLOSSARY
        .iter()
        .filter_map(|t| t.term.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    letters.dedup();
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href=Route::Learn.path()>"Learn"</a></li><li aria-current="page">"Glossary"</li></ol></nav>
        <h1>"Glossary of service management terms"</h1>
        <p class="lead">{format!("{} terms, defined in our own words, each linked to the clauses where it matters.", GLOSSARY.len())}</p>
        <nav class="letters" aria-label="Letters">
            {letters.iter().map(|l| view! { <a href=format!("#letter-{l}")>{l.to_string()}</a> }).collect_view()}
        </nav>
        <dl class="glossary">
            {GLOSSARY.iter().enumerate().map(|(i, t)| {
                let first = t.term.chars().next().map(|c| c.to_ascii_uppercase());
                let new_letter = i == 0 || GLOSSARY[i - 1].term.chars().next().map(|c| c.to_ascii_uppercase()) != first;
                view! {
                    <dt id=term_slug(t.term) tabindex="-1">
                        {new_letter.then(|| view! { <span class="letter" id=format!("letter-{}", first.unwrap_or('?'))></span> })}
                        {t.term}
                    </dt>
                    <dd>
                        <p>{t.definition}</p>
                        <p class="meta">"Clauses: "
                            {t.clauses.iter().map(|c| view! {
                                <a class="clause-link" href=Route::LearnClause(c.to_string()).path()>{format!("{} {}", c, catalogue::subject_title(c))}</a>" "
                            }).collect_view()}
                        </p>
                    </dd>
                }
            }).collect_view()}
        </dl>
    }
}

#[component]
pub fn TopicPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("topic").unwrap_or_default());
        if let Some(g) = catalogue::guide(&id) {
            return guide_view(g).into_any();
        }
        match catalogue::topic(&id) {
            None => view! { <h1>"Topic not found"</h1><p><a href=Route::Learn.path()>"Back to Learn"</a></p> }.into_any(),
            Some(t) => {
                set_title(t.title);
                view! {
                    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href=Route::Learn.path()>"Learn"</a></li><li aria-current="page">{t.title}</li></ol></nav>
                    <h1>{t.title}</h1>
                    <p class="lead">{t.summary}</p>
                    <p><a href=format!("{}#concepts", Route::Learn.path())>"All concepts"</a></p>
                }
                .into_any()
            }
        }
    }
}

/// A page about the standard as a whole, served at the topic route under its `guide-` id.
fn guide_view(g: &'static Guide) -> impl IntoView {
    set_title(g.title);
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href=Route::Learn.path()>"Learn"</a></li><li aria-current="page">{g.title}</li></ol></nav>
        <h1>{g.title}</h1>
        <p class="lead">{g.summary}</p>
        {g.sections.iter().map(|s| view! {
            <section class="guide-section">
                <h2>{s.heading}</h2>
                {s.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                {(!s.points.is_empty()).then(|| view! {
                    <ul>{s.points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
                })}
                {s.table.as_ref().map(guide_table)}
            </section>
        }).collect_view()}
        <nav class="pager" aria-label="The standard as a whole">
            {GUIDES.iter().filter(|x| x.id != g.id).map(|x| view! {
                <a href=Route::Topic(x.id.to_string()).path()>{x.title}</a>
            }).collect_view()}
        </nav>
        <p><a href=format!("{}#standard", Route::Learn.path())>"Back to Learn"</a></p>
    }
}

/// A table whose first column names each row; on a narrow screen each row becomes a card whose cells
/// carry their column's name.
fn guide_table(t: &'static Table) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="guide-table">
                <caption>{t.caption}</caption>
                <thead><tr>{t.columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {t.rows.iter().map(|row| view! {
                        <tr>
                            {row.iter().enumerate().map(|(i, cell)| {
                                let label = t.columns.get(i).copied().unwrap_or_default();
                                if i == 0 {
                                    view! { <th scope="row" data-label=label>{*cell}</th> }.into_any()
                                } else {
                                    view! { <td data-label=label>{*cell}</td> }.into_any()
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
