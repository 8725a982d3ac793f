//! /assessments/:id/results[/:section]: the results of one assessment in sections (overview, gaps, action
//! plan, documents, compare, journey), each with its own address, and the printed report.
//!
//! The page holds one memo of the assessment's [`Analysis`]; every section and the print render it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::analysis::{
    doc_status_label, gaps_sentence, plural, rating_label, Analysis, DOC_STATUS_CHOICES,
};
use crate::domain::assessment::{ActionStatus, Assessment, DocStatus};
use crate::domain::catalogue::{self, top_level, DocKind, Pdca, REQUIREMENTS};
use crate::domain::charts::polygon_points;
use crate::domain::gaps::{owners, GapFilter, Perspective};
use crate::domain::scoring::{percent, BlockerKind};
use crate::ui::components::assessment_select::AssessmentSelect;
use crate::ui::components::comparison::comparison_table;
use crate::ui::components::export::{iso_today, ExportMenu};
use crate::ui::components::time::format_time;
use crate::ui::components::title::set_title;
use crate::ui::routes::{ResultsSection, Route};
use crate::ui::state::{now, use_app, AppState};

/// How many findings the overview lists before pointing to the gaps.
const TOP_FINDINGS: usize = 10;

/// The walkthrough at the first requirement of a clause.
fn clause_link(id: &str, clause: &str) -> String {
    let first = REQUIREMENTS
        .iter()
        .find(|r| catalogue::is_within(r.clause, clause))
        .map(|r| r.id.to_string());
    Route::Assessment {
        id: id.to_string(),
        requirement: first,
    }
    .path()
}

fn req_link(id: &str, req: &str) -> String {
    Route::Assessment {
        id: id.to_string(),
        requirement: Some(req.to_string()),
    }
    .path()
}

fn section_link(id: &str, section: ResultsSection) -> String {
    Route::ResultsAt {
        id: id.to_string(),
        section,
    }
    .path()
}

/// What the gap list shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    /// Assessed requirements below the target.
    Gaps,
    /// Requirements not assessed yet.
    Unassessed,
}

/// The gap filters, kept by the page so that an edit elsewhere on it does not reset them.
#[derive(Clone, Copy)]
struct Filters {
    show: RwSignal<Show>,
    clause: RwSignal<String>,
    owner: RwSignal<String>,
    status: RwSignal<String>,
}

#[component]
pub fn Results() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let section = Memo::new(move |_| match params.with(|p| p.get("section")) {
        None => Some(ResultsSection::Overview),
        Some(slug) => ResultsSection::from_slug(&slug),
    });
    let assessment = Memo::new(move |_| app.assessment(&id.get()));
    // The one analysis of this page: computed once per change of the assessment.
    let analysis = Memo::new(move |_| assessment.with(|a| a.as_ref().map(Analysis::of)));
    let filters = Filters {
        show: RwSignal::new(Show::Gaps),
        clause: RwSignal::new(String::new()),
        owner: RwSignal::new(String::new()),
        status: RwSignal::new(String::new()),
    };
    let appendix = RwSignal::new(false);
    move || match (assessment.get(), analysis.get(), section.get()) {
        (Some(a), Some(an), Some(section)) => {
            set_title(&format!("{}: {}", section.label(), a.name));
            view! {
                <div class="results-screen no-print">
                    <h1>{format!("Results: {}", a.name)}</h1>
                    <ResultsBar id=a.id.clone() analysis=analysis appendix=appendix/>
                    <SectionNav id=a.id.clone() current=section/>
                    <div class="results-section" id="results-section">
                        {section_view(section, a.clone(), an.clone(), filters)}
                    </div>
                </div>
                <PrintReport a=a an=an appendix=appendix/>
            }
            .into_any()
        }
        (Some(a), Some(_), None) => {
            set_title("Section not found");
            view! {
                <h1>"This results section does not exist"</h1>
                <p><a href=Route::Results { id: a.id.clone() }.path()>"See the results overview"</a></p>
            }
            .into_any()
        }
        _ => {
            set_title("Assessment not found");
            view! {
                <h1>"Assessment not found"</h1>
                <p>"No assessment with this link is stored in this browser."</p>
                <p><a href=Route::Assessments.path()>"See your assessments"</a></p>
            }
            .into_any()
        }
    }
}

fn section_view(section: ResultsSection, a: Assessment, an: Analysis, filters: Filters) -> AnyView {
    let app = use_app();
    let nothing_rated = an.is_empty();
    match section {
        ResultsSection::Documents => view! { <DocChecklist a=a an=an app=app/> }.into_any(),
        ResultsSection::Actions if !an.action_plan.is_empty() => {
            view! { <ActionPlan a=a an=an app=app/> }.into_any()
        }
        _ if nothing_rated => view! { <EmptyState a=a/> }.into_any(),
        ResultsSection::Overview => view! { <Overview a=a an=an/> }.into_any(),
        ResultsSection::Gaps => view! { <GapAnalysis a=a an=an filters=filters/> }.into_any(),
        ResultsSection::Actions => view! { <ActionPlan a=a an=an app=app/> }.into_any(),
        ResultsSection::Compare => view! { <ComparisonView a=a/> }.into_any(),
        ResultsSection::Journey => view! { <Journey an=an/> }.into_any(),
    }
}

/// Links back, print, and export: above every section.
#[component]
fn ResultsBar(
    id: String,
    analysis: Memo<Option<Analysis>>,
    appendix: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="results-bar">
            <p class="meta">
                <a href=Route::Assessment { id: id.clone(), requirement: None }.path()>"Back to the walkthrough"</a>
                " · "
                <button type="button" class="link" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>
                    "Print / save as PDF"
                </button>
                " "
                <label class="inline-check">
                    <input type="checkbox" prop:checked=move || appendix.get() on:change=move |e| appendix.set(event_target_checked(&e))/>
                    " with every answer"
                </label>
            </p>
            <ExportMenu id=id analysis=analysis/>
        </div>
    }
}

#[component]
fn SectionNav(id: String, current: ResultsSection) -> impl IntoView {
    view! {
        <nav class="section-nav" aria-label="Results sections">
            <ul>
                {ResultsSection::ALL.into_iter().map(|s| {
                    let here = s == current;
                    view! {
                        <li><a href=section_link(&id, s) aria-current=here.then_some("page") class:current=here>{s.label()}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Nothing is rated yet: say what to do instead of showing empty figures.
#[component]
fn EmptyState(a: Assessment) -> impl IntoView {
    view! {
        <section class="empty-state">
            <h2>"Nothing is rated yet"</h2>
            <p>{format!(
                "Results appear as you rate requirements: scores per clause, the gaps to close and an action plan. \
                 All {} requirements are still to assess.", REQUIREMENTS.len()
            )}</p>
            <p><a class="button primary" href=Route::Assessment { id: a.id.clone(), requirement: None }.path()>"Start rating requirements"</a></p>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------- overview

#[component]
fn Overview(a: Assessment, an: Analysis) -> impl IntoView {
    let id = a.id.clone();
    let card = &an.scorecard;
    let rated = card.overall.answered - card.overall.not_applicable;
    view! {
        <section class="summary-cards" aria-label="Summary">
            <div class="stat"><span class="label">"Overall score"</span><span class="value">{an.overall_label()}</span>
                <span class="label">{format!("over the {} rated", plural(rated, "requirement", "requirements"))}</span></div>
            <div class="stat"><span class="label">"Completion"</span><span class="value">{an.completion_label()}</span>
                <span class="label">{format!("{} of {} answered", card.overall.answered, card.overall.total)}</span></div>
            <div class="stat"><span class="label">"Documentation score"</span><span class="value">{percent(an.doc_score.score)}</span>
                <span class="label">{format!("{} of {} documents checked", an.doc_score.checked, an.doc_score.total)}</span></div>
            <div class=if an.verdict.ready() { "stat verdict ready" } else { "stat verdict not-ready" }>
                <span class="label">"Stage 1 readiness"</span>
                <span class="value">{if an.verdict.ready() { "Ready" } else { "Not ready yet" }}</span>
            </div>
        </section>
        <Blockers id=id.clone() an=an.clone()/>
        <Charts id=id an=an/>
    }
}

#[component]
fn Blockers(id: String, an: Analysis) -> impl IntoView {
    let verdict = &an.verdict;
    let kinds = [
        (
            verdict.count(|k| matches!(k, BlockerKind::BelowTarget(_))),
            "rated below the target",
        ),
        (
            verdict.count(|k| k == BlockerKind::UnjustifiedNotApplicable),
            "marked not applicable without another party meeting them",
        ),
        (
            verdict.count(|k| matches!(k, BlockerKind::DocumentationMissing(_))),
            "with documented information partial or missing",
        ),
    ];
    let findings: Vec<_> = verdict.findings().take(TOP_FINDINGS).cloned().collect();
    let more = verdict.findings().count().saturating_sub(TOP_FINDINGS);
    let open = an.still_to_assess.total();
    let next = an
        .still_to_assess
        .requirements
        .first()
        .map(|r| req_link(&id, r.id));
    view! {
        <section class="verdict-block">
            <h2>"What blocks a Stage 1 audit"</h2>
            <p class="verdict-sentence">{an.verdict_sentence()}</p>
            <ul class="blocker-summary">
                {kinds.into_iter().filter(|(n, _)| *n > 0).map(|(n, what)| view! {
                    <li>{format!("{} {what}", plural(n, "requirement", "requirements"))}</li>
                }).collect_view()}
                {(open > 0).then(|| view! {
                    <li class="to-assess">
                        {format!("{} not assessed yet", plural(open, "requirement", "requirements"))}
                        {next.map(|href| view! { " · " <a href=href>"Continue assessing"</a> })}
                    </li>
                })}
            </ul>
            {(!findings.is_empty()).then(|| view! {
                <ol class="blockers">
                    {findings.into_iter().map(|b| view! {
                        <li>
                            <a href=req_link(&id, b.requirement.id)>{format!("{} {}", b.requirement.id, b.requirement.title())}</a>
                            {format!(": {} (weight {})", b.kind.describe(), b.requirement.weight)}
                        </li>
                    }).collect_view()}
                </ol>
            })}
            {(more > 0).then(|| view! {
                <p><a href=section_link(&id, ResultsSection::Gaps)>{format!("And {more} more: see every gap")}</a></p>
            })}
        </section>
    }
}

#[component]
fn Charts(id: String, an: Analysis) -> impl IntoView {
    use crate::domain::analysis::geometry::{BAR_H, BAR_W, RADAR_CX, RADAR_CY};
    let card = an.scorecard.clone();
    let poly = polygon_points(&an.radar.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>());
    let rings: Vec<String> = [0.25, 0.5, 0.75, 1.0]
        .iter()
        .map(|f| {
            polygon_points(
                &an.radar
                    .iter()
                    .map(|p| {
                        (
                            RADAR_CX + (p.axis_x - RADAR_CX) * f,
                            RADAR_CY + (p.axis_y - RADAR_CY) * f,
                        )
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let alt = top_level()
        .map(|c| {
            format!(
                "{} {}: {}",
                c.number,
                c.title(),
                percent(card.clause(c.number).score())
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let navigate = leptos_router::hooks::use_navigate();
    let bars = an.bars.clone();
    let radar = an.radar.clone();
    let heat = an.heat_map.clone();
    view! {
        <section>
            <h2>"Score per clause"</h2>
            <div class="chart-row">
                <figure class="chart">
                    <svg viewBox=format!("0 0 {BAR_W} {}", BAR_H + 30.0) role="group" aria-label=format!("Bar chart of scores per clause. {alt}")>
                        {bars.iter().map(|b| {
                            let href = clause_link(&id, b.clause);
                            let label = format!("Clause {}: {}. Open its requirements", b.label, percent(b.value));
                            // SVG has no HTML anchors: the bar follows the link through the router.
                            let (nav_click, nav_key) = (navigate.clone(), navigate.clone());
                            view! {
                                <g class="chart-link" role="link" tabindex="0" aria-label=label
                                    on:click={ let href = href.clone(); move |_| nav_click(&href, Default::default()) }
                                    on:keydown=move |e: web_sys::KeyboardEvent| if e.key() == "Enter" { nav_key(&href, Default::default()) }>
                                    <rect x=b.x y=b.y + 10.0 width=b.width height=b.height.max(1.0) class="bar"/>
                                    <text x=b.x + b.width / 2.0 y=BAR_H + 26.0 text-anchor="middle" class="tick">{b.clause}</text>
                                    <text x=b.x + b.width / 2.0 y=(b.y + 6.0).max(12.0) text-anchor="middle" class="tick">{percent(b.value)}</text>
                                </g>
                            }
                        }).collect_view()}
                    </svg>
                    <figcaption>"Bars: weighted score of each clause. "<span class="no-print">"Select a bar to open its requirements."</span></figcaption>
                </figure>
                <figure class="chart radar">
                    <svg viewBox="0 0 460 340" role="img" aria-label=format!("Radar chart of scores per clause. {alt}")>
                        {rings.into_iter().map(|r| view! { <polygon points=r class="ring"/> }).collect_view()}
                        {radar.iter().map(|p| view! {
                            <line x1=RADAR_CX y1=RADAR_CY x2=p.axis_x y2=p.axis_y class="axis"/>
                            <text x=p.label_x y=p.label_y text-anchor="middle" dominant-baseline="middle" class="tick">{p.clause}</text>
                        }).collect_view()}
                        <polygon points=poly class="area"/>
                    </svg>
                    <figcaption>"Radar: the same scores, clause 4 at the top, clockwise."</figcaption>
                </figure>
            </div>
            <div class="table-scroll">
                <table class="data-table">
                    <caption>"Scores per clause (the data of both charts)"</caption>
                    <thead><tr><th scope="col">"Clause"</th><th scope="col">"Score"</th><th scope="col">"Answered"</th><th scope="col">"Not applicable"</th></tr></thead>
                    <tbody>
                        {top_level().map(|c| {
                            let g = card.clause(c.number);
                            view! {
                                <tr>
                                    <th scope="row"><a href=clause_link(&id, c.number)>{format!("{} {}", c.number, c.title())}</a></th>
                                    <td>{percent(g.score())}</td>
                                    <td>{format!("{}/{}", g.answered, g.total)}</td>
                                    <td>{g.not_applicable}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Plan-Do-Check-Act"</h3>
            <div class="pdca-grid">
                {Pdca::ALL.into_iter().map(|p| {
                    let g = card.phase(p);
                    let numbers: Vec<&str> = top_level().filter(|c| c.pdca == p).map(|c| c.number).collect();
                    let which = if numbers.len() == 1 { "clause" } else { "clauses" };
                    view! {
                        <section class=format!("pdca pdca-{}", p.label().to_lowercase())>
                            <h4>{p.label()}</h4>
                            <p class="value">{percent(g.score())}</p>
                            <p class="meta">{format!("{}/{} answered · {which} {}", g.answered, g.total, numbers.join(", "))}</p>
                        </section>
                    }
                }).collect_view()}
            </div>
            <details class="heat-details">
                <summary>"Heat map of subclauses"</summary>
                <div class="heat-map">
                    {heat.into_iter().map(|(top, cells)| view! {
                        <div class="heat-row">
                            <span class="heat-head">{format!("{} {}", top.number, top.title())}</span>
                            <ul>
                                {cells.into_iter().map(|cell| view! {
                                    <li>
                                        <a class=format!("heat-cell band-{}", cell.band.label().to_lowercase().replace(' ', "-"))
                                            href=clause_link(&id, cell.clause.number)
                                            title=format!("{} {}", cell.clause.number, cell.clause.title())>
                                            <span class="num">{cell.clause.number}</span>
                                            <span>{match cell.value { Some(_) => format!("{} · {}", percent(cell.value), cell.band.label()), None => cell.band.label().to_string() }}</span>
                                        </a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    }).collect_view()}
                </div>
            </details>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------- gaps

#[component]
fn GapAnalysis(a: Assessment, an: Analysis, filters: Filters) -> impl IntoView {
    let Filters {
        show,
        clause,
        owner,
        status,
    } = filters;
    let owner_list = owners(&a);
    let total = an.gaps.len();
    let a = StoredValue::new(a);
    let an = StoredValue::new(an);
    let filter = move || GapFilter {
        clause: Some(clause.get()).filter(|c| !c.is_empty()),
        owner: Some(owner.get()).filter(|c| !c.is_empty()),
        status: ActionStatus::ALL
            .into_iter()
            .find(|s| s.label() == status.get()),
    };
    let shown = Memo::new(move |_| {
        let f = filter();
        a.with_value(|a| {
            an.with_value(|an| {
                an.gaps
                    .iter()
                    .filter(|g| f.matches(a, g))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let clause_filter = move || Some(clause.get()).filter(|c| !c.is_empty());
    let open_here =
        move || an.with_value(|an| an.still_to_assess.within(clause_filter().as_deref()));
    let counts = move || {
        let n = shown.with(Vec::len);
        let filtered = n != total;
        let gaps = if filtered {
            format!("{n} of {total} gaps match these filters.")
        } else {
            gaps_sentence(total)
        };
        let open = open_here();
        let open = match open {
            0 => "Nothing here is still to assess.".to_string(),
            n => format!(
                "{} in this selection {} still to assess.",
                plural(n, "requirement", "requirements"),
                if n == 1 { "is" } else { "are" }
            ),
        };
        (gaps, open)
    };
    let id = move || a.with_value(|a| a.id.clone());
    view! {
        <section class="gaps">
            <h2>"Gaps"</h2>
            <p class="meta">"A gap is an assessed requirement below the target, or one marked not applicable without another party meeting it under 8.2.3. Largest gap × weight first."</p>
            <div class="field-row filters">
                <div class="field">
                    <label for="gap-show">"Show"</label>
                    <select id="gap-show" on:change=move |e| show.set(if event_target_value(&e) == "unassessed" { Show::Unassessed } else { Show::Gaps })>
                        <option value="gaps" selected=move || show.get() == Show::Gaps>"Gaps (rated requirements)"</option>
                        <option value="unassessed" selected=move || show.get() == Show::Unassessed>"Not assessed yet"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="gap-clause">"Clause"</label>
                    <select id="gap-clause" on:change=move |e| clause.set(event_target_value(&e))>
                        <option value="" selected=move || clause.get().is_empty()>"All clauses"</option>
                        {top_level().map(|c| {
                            let n = c.number;
                            view! { <option value=n selected=move || clause.get() == n>{format!("{} {}", c.number, c.title())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:hidden=move || show.get() == Show::Unassessed>
                    <label for="gap-owner">"Owner"</label>
                    <select id="gap-owner" on:change=move |e| owner.set(event_target_value(&e))>
                        <option value="">"Any owner"</option>
                        {owner_list.into_iter().map(|o| {
                            let value = o.clone();
                            view! { <option value=o.clone() selected=move || owner.get() == value>{o.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:hidden=move || show.get() == Show::Unassessed>
                    <label for="gap-status">"Action status"</label>
                    <select id="gap-status" on:change=move |e| status.set(event_target_value(&e))>
                        <option value="">"Any status"</option>
                        {ActionStatus::ALL.into_iter().map(|s| view! { <option value=s.label() selected=move || status.get() == s.label()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <p class="gap-counts" aria-live="polite">
                <span class="gap-count">{move || counts().0}</span>" "
                <span class="open-count">{move || counts().1}</span>
            </p>
            {move || match show.get() {
                Show::Gaps => view! {
                    <table class="gap-table card-rows">
                        <thead><tr>
                            <th scope="col">"Requirement"</th><th scope="col">"Rating"</th><th scope="col">"Current"</th>
                            <th scope="col">"Target"</th><th scope="col">"Weight"</th><th scope="col">"Gap × weight"</th>
                            <th scope="col">"Owner"</th><th scope="col">"Status"</th>
                        </tr></thead>
                        <tbody>
                            {shown.get().into_iter().map(|g| {
                                let ans = a.with_value(|a| a.answer(g.requirement.id).cloned().unwrap_or_default());
                                view! {
                                    <tr>
                                        <th scope="row"><a href=req_link(&id(), g.requirement.id)>{format!("{} {}", g.requirement.id, g.requirement.title())}</a></th>
                                        <td data-label="Rating">{g.rating_label()}</td>
                                        <td data-label="Current">{percent(g.current)}</td>
                                        <td data-label="Target">{percent(Some(g.target))}</td>
                                        <td data-label="Weight">{g.requirement.weight}</td>
                                        <td data-label="Gap × weight">{g.priority_label()}</td>
                                        <td data-label="Owner">{ans.owner}</td>
                                        <td data-label="Status">{ans.action_status.label()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
                Show::Unassessed => {
                    let groups = an.with_value(|an| an.still_to_assess.by_clause(clause_filter().as_deref()));
                    view! {
                        <table class="to-assess-table card-rows">
                            <thead><tr><th scope="col">"Clause"</th><th scope="col">"Not assessed"</th><th scope="col">"Next"</th></tr></thead>
                            <tbody>
                                {groups.into_iter().map(|g| view! {
                                    <tr>
                                        <th scope="row">{format!("{} {}", g.clause.number, g.clause.title())}</th>
                                        <td data-label="Not assessed">{format!("{} of {}", g.count, g.total)}</td>
                                        <td data-label="Next"><a href=req_link(&id(), g.first.id)>{format!("Assess {}", g.first.id)}</a></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            }}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------- action plan

#[component]
fn ActionPlan(a: Assessment, an: Analysis, app: AppState) -> impl IntoView {
    let today = iso_today();
    let id = StoredValue::new(a.id.clone());
    view! {
        <section>
            <h2>"Action plan"</h2>
            {if an.action_plan.is_empty() {
                view! { <p>"No planned action yet. Add an action, owner and due date to a requirement in the walkthrough."</p> }.into_any()
            } else {
                view! {
                    <p class="meta">{format!("{}: open work first, then the earliest due date, then the heaviest requirement.", plural(an.action_plan.len(), "planned action", "planned actions"))}</p>
                    <table class="action-table card-rows">
                        <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Action"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Status"</th></tr></thead>
                        <tbody>
                            {an.action_plan.into_iter().map(|item| {
                                let req = item.requirement.id;
                                let overdue = item.is_overdue(&today);
                                let sel = format!("status-{req}");
                                view! {
                                    <tr class:overdue=overdue>
                                        <th scope="row"><a href=req_link(&id.get_value(), req)>{format!("{} {}", req, item.requirement.title())}</a></th>
                                        <td class="pre" data-label="Action">{item.action.clone()}</td>
                                        <td data-label="Owner">{item.owner.clone()}</td>
                                        <td data-label="Due">{item.due.clone()}{overdue.then_some(" (overdue)")}</td>
                                        <td data-label="Status">
                                            <label class="visually-hidden" for=sel.clone()>{format!("Status of the action for {req}")}</label>
                                            <select id=sel class="status-select" on:change=move |e| {
                                                let v = event_target_value(&e);
                                                let s = ActionStatus::from_label(&v);
                                                app.update(&id.get_value(), |a| a.edit_answer(req, now(), |x| x.action_status = s));
                                            }>
                                                {ActionStatus::ALL.into_iter().map(|s| view! {
                                                    <option value=s.label() selected=s == item.status>{s.label()}</option>
                                                }).collect_view()}
                                            </select>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------- documents

#[component]
fn DocChecklist(a: Assessment, an: Analysis, app: AppState) -> impl IntoView {
    let id = StoredValue::new(a.id.clone());
    let entries = an.documents;
    view! {
        <section>
            <h2>"Documented information"</h2>
            <p>{format!(
                "Every document to maintain and record to retain that the requirements ask for: {} of {} checked \
                 (documentation score: {}). Setting a status here sets it on each requirement that asks for the item.",
                an.doc_score.checked, an.doc_score.total, percent(an.doc_score.score)
            )}</p>
            {top_level().map(|top| {
                let group: Vec<_> = entries.iter().filter(|e| e.top_level() == top.number).cloned().collect();
                (!group.is_empty()).then(|| view! {
                    <h3>{format!("{} {}", top.number, top.title())}</h3>
                    <ul class="doc-list">
                        {group.into_iter().enumerate().map(|(i, e)| {
                            let reqs: Vec<&'static str> = e.requirements.iter().map(|r| r.id).collect();
                            let sel = format!("doc-{}-{i}", top.number);
                            let kind = if e.kind == DocKind::Document { "Document" } else { "Record" };
                            let current = e.status;
                            view! {
                                <li>
                                    <label for=sel.clone()>{format!("{kind}: {}", e.item)}</label>
                                    <span class="meta">{format!(" ({})", reqs.join(", "))}</span>
                                    <select id=sel on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        let s = DocStatus::from_key(&v);
                                        let reqs = reqs.clone();
                                        app.update(&id.get_value(), move |a| for r in reqs { a.edit_answer(r, now(), |x| x.doc_status = s) });
                                    }>
                                        {DOC_STATUS_CHOICES.into_iter().map(|(status, key)| view! {
                                            <option value=key selected=current == status>{doc_status_label(status)}</option>
                                        }).collect_view()}
                                    </select>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }).collect_view()}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------- compare

#[component]
fn ComparisonView(a: Assessment) -> impl IntoView {
    let app = use_app();
    let baseline = RwSignal::new(String::new());
    let others: Vec<(String, String)> = app.assessments.with_untracked(|all| {
        all.iter()
            .filter(|x| x.id != a.id)
            .map(|x| {
                (
                    x.id.clone(),
                    format!("{} ({})", x.name, format_time(x.updated)),
                )
            })
            .collect()
    });
    let a = StoredValue::new(a);
    let perspective = RwSignal::new(Perspective::Baseline);
    view! {
        <section>
            <h2>"Compare with another assessment"</h2>
            <p class="meta">"A baseline from an earlier date, or a colleague's answers: the clauses and requirements rated differently."</p>
            {if others.is_empty() {
                view! { <p>"Create, duplicate or import another assessment to compare with it."</p> }.into_any()
            } else {
                view! {
                    <AssessmentSelect id="baseline" label="Compare with" options=others chosen=baseline/>
                    <fieldset class="perspective">
                        <legend>"The other assessment is"</legend>
                        <label class="check"><input type="radio" name="perspective" prop:checked=move || perspective.get() == Perspective::Baseline
                            on:change=move |_| perspective.set(Perspective::Baseline)/>" an earlier baseline of this one (before and now)"</label>
                        <label class="check"><input type="radio" name="perspective" prop:checked=move || perspective.get() == Perspective::Respondents
                            on:change=move |_| perspective.set(Perspective::Respondents)/>" another person's answers (A and B)"</label>
                    </fieldset>
                    {move || {
                        let b = baseline.get();
                        let base = app.assessment(&b)?;
                        let p = perspective.get();
                        Some(a.with_value(|a| comparison_table(&base, a, p)))
                    }}
                }.into_any()
            }}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------- journey

#[component]
fn Journey(an: Analysis) -> impl IntoView {
    view! {
        <section>
            <h2>"Your certification journey"</h2>
            <ol class="journey">
                {an.journey.into_iter().map(|s| view! {
                    <li class=format!("step step-{}", s.state.label().to_lowercase().replace(' ', "-"))>
                        <strong>{s.title}</strong>" · "<span class="state">{s.state.label()}</span>
                        <p>{s.note}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------- print

/// The printed report, whatever section is on screen: cover, summary, gaps and action plan first, then the
/// documented information; every answer only when asked for.
#[component]
fn PrintReport(a: Assessment, an: Analysis, appendix: RwSignal<bool>) -> impl IntoView {
    let card = an.scorecard.clone();
    let findings: Vec<_> = an.verdict.findings().take(TOP_FINDINGS).cloned().collect();
    let groups = an.still_to_assess.by_clause(None);
    let a = StoredValue::new(a);
    view! {
        <div class="print-report print-only">
            <div class="print-cover">
                <p class="meta">"ISO/IEC 20000-1:2018 readiness self-assessment"</p>
                <h2 class="print-title">{a.with_value(|a| a.name.clone())}</h2>
                {a.with_value(|a| view! {
                    <dl class="facts">
                        <dt>"Organisation"</dt><dd>{a.organisation.clone()}</dd>
                        <dt>"Scope"</dt><dd>{a.scope.clone()}</dd>
                        <dt>"Assessor"</dt><dd>{a.assessor.clone()}</dd>
                        <dt>"Date"</dt><dd>{format_time(now())}</dd>
                        <dt>"Scale"</dt><dd>{format!("{} (target: {})", a.scale.label(), a.target.label())}</dd>
                    </dl>
                })}
            </div>
            <section>
                <h2>"Summary"</h2>
                <p><strong>{an.verdict_sentence()}</strong></p>
                <p>{format!("Overall score {} over the rated requirements; completion {} ({} of {} answered); documentation score {}.",
                    an.overall_label(), an.completion_label(), card.overall.answered, card.overall.total, percent(an.doc_score.score))}</p>
                <table class="print-table">
                    <thead><tr><th scope="col">"Clause"</th><th scope="col">"Score"</th><th scope="col">"Answered"</th></tr></thead>
                    <tbody>
                        {top_level().map(|c| {
                            let g = card.clause(c.number);
                            view! { <tr><th scope="row">{format!("{} {}", c.number, c.title())}</th><td>{percent(g.score())}</td><td>{format!("{}/{}", g.answered, g.total)}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
                {(!findings.is_empty()).then(|| view! {
                    <h3>"What blocks the audit, heaviest first"</h3>
                    <ol class="blockers">
                        {findings.into_iter().map(|b| view! {
                            <li>{format!("{} {}: {} (weight {})", b.requirement.id, b.requirement.title(), b.kind.describe(), b.requirement.weight)}</li>
                        }).collect_view()}
                    </ol>
                })}
            </section>
            <section>
                <h2>"Gaps"</h2>
                <p>{an.gaps_sentence()}</p>
                {(!an.gaps.is_empty()).then(|| view! {
                    <table class="print-table print-gaps">
                        <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Rating"</th><th scope="col">"Weight"</th><th scope="col">"Priority"</th></tr></thead>
                        <tbody>
                            {an.gaps.iter().map(|g| view! {
                                <tr><th scope="row">{format!("{} {}", g.requirement.id, g.requirement.title())}</th><td>{g.rating_label()}</td><td>{g.requirement.weight}</td><td>{g.priority_label()}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
                <p>{an.still_to_assess_sentence()}</p>
                {(!groups.is_empty()).then(|| view! {
                    <p class="meta">{groups.iter().map(|g| format!("{}: {}", g.clause.number, g.count)).collect::<Vec<_>>().join(" · ")}</p>
                })}
            </section>
            <section>
                <h2>"Action plan"</h2>
                {if an.action_plan.is_empty() {
                    view! { <p>"No action has been planned yet."</p> }.into_any()
                } else {
                    view! {
                        <table class="print-table print-actions">
                            <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Action"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Status"</th></tr></thead>
                            <tbody>
                                {an.action_plan.iter().map(|i| view! {
                                    <tr><th scope="row">{format!("{} {}", i.requirement.id, i.requirement.title())}</th><td class="pre">{i.action.clone()}</td><td>{i.owner.clone()}</td><td>{i.due.clone()}</td><td>{i.status.label()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <section>
                <h2>"Documented information"</h2>
                <p>{format!("{} of {} documents and records checked; score {}.", an.doc_score.checked, an.doc_score.total, percent(an.doc_score.score))}</p>
                {
                    let flagged: Vec<_> = an.documents.iter().filter(|e| matches!(e.status, Some(DocStatus::Partial | DocStatus::Missing))).collect();
                    (!flagged.is_empty()).then(|| view! {
                        <ul>
                            {flagged.into_iter().map(|e| view! { <li>{format!("{} ({}): {}", e.item, e.requirements.iter().map(|r| r.id).collect::<Vec<_>>().join(", "), doc_status_label(e.status))}</li> }).collect_view()}
                        </ul>
                    })
                }
            </section>
            {move || appendix.get().then(|| a.with_value(|a| view! {
                <section class="appendix">
                    <h2>"Appendix: every answer"</h2>
                    <table class="print-table all-answers">
                        <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Rating"</th><th scope="col">"Notes and evidence"</th></tr></thead>
                        <tbody>
                            {REQUIREMENTS.iter().map(|r| {
                                let ans = a.answer(r.id).cloned().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{format!("{} {}", r.id, r.title())}</th>
                                        <td>{rating_label(ans.rating)}</td>
                                        <td class="pre">{[ans.notes, ans.evidence, ans.na_justification].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join("\n")}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }))}
        </div>
    }
}
