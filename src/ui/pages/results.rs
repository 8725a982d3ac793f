//! /assessments/:id/results: the dashboard (scores, verdict, charts, heat map, PDCA), gap analysis, action
//! plan, documented-information checklist, comparison with a baseline, the certification journey, and a
//! printable report.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::assessment::{ActionStatus, Assessment, DocStatus};
use crate::domain::catalogue::{self, top_level, DocKind, Pdca, REQUIREMENTS};
use crate::domain::charts::{clause_bars, heat_map, polygon_points, radar};
use crate::domain::gaps::{
    action_plan, compare, doc_checklist, doc_score, gaps, owners, Change, GapFilter,
};
use crate::domain::journey::journey_with;
use crate::domain::scoring::{percent, BlockerKind, Scorecard, Verdict};
use crate::ui::components::export::ExportMenu;
use crate::ui::components::title::set_title;
use crate::ui::pages::assessments::format_time;
use crate::ui::routes::Route;
use crate::ui::state::{now, use_app, AppState};

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

#[component]
pub fn Results() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let assessment = Memo::new(move |_| app.assessment(&id.get()));
    // Scored once per change of the assessment: every section of the page (summary, blockers, charts,
    // journey) reads this, so one edit costs one scoring pass.
    let scored = Memo::new(move |_| {
        assessment.with(|a| a.as_ref().map(|a| (Scorecard::of(a), Verdict::of(a))))
    });
    move || match assessment.get().zip(scored.get()) {
        None => {
            set_title("Assessment not found");
            view! {
                <h1>"Assessment not found"</h1>
                <p>"No assessment with this link is stored in this browser."</p>
                <p><a href=Route::Assessments.path()>"See your assessments"</a></p>
            }
            .into_any()
        }
        Some((a, (card, verdict))) => {
            set_title(&format!("Results: {}", a.name));
            view! { <Dashboard a=a card=card verdict=verdict/> }.into_any()
        }
    }
}

#[component]
fn Dashboard(a: Assessment, card: Scorecard, verdict: Verdict) -> impl IntoView {
    let app = use_app();
    let docs = doc_checklist(&a);
    let dscore = doc_score(&docs);
    let id = a.id.clone();
    view! {
        <div class="print-cover print-only">
            <p class="meta">"ISO/IEC 20000-1:2018 readiness self-assessment"</p>
            <h2>{a.name.clone()}</h2>
            <dl class="facts">
                <dt>"Organisation"</dt><dd>{a.organisation.clone()}</dd>
                <dt>"Scope"</dt><dd>{a.scope.clone()}</dd>
                <dt>"Assessor"</dt><dd>{a.assessor.clone()}</dd>
                <dt>"Date"</dt><dd>{format_time(now())}</dd>
                <dt>"Scale"</dt><dd>{format!("{} (target: {})", a.scale.label(), a.target.label())}</dd>
            </dl>
        </div>
        <h1>{format!("Results: {}", a.name)}</h1>
        <p class="meta no-print">
            <a href=Route::Assessment { id: id.clone(), requirement: None }.path()>"Back to the walkthrough"</a>
            " · "
            <button type="button" class="link" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>
                "Print / save as PDF"
            </button>
        </p>
        <ExportMenu id=id.clone()/>
        <section class="summary-cards" aria-label="Summary">
            <div class="stat"><span class="label">"Overall score"</span><span class="value">{percent(card.overall.score())}</span></div>
            <div class="stat"><span class="label">"Completion"</span><span class="value">{format!("{:.0} %", card.overall.completion() * 100.0)}</span></div>
            <div class="stat"><span class="label">"Documentation score"</span><span class="value">{percent(dscore.score)}</span>
                <span class="label">{format!("{} of {} documents checked", dscore.checked, dscore.total)}</span></div>
            <div class=if verdict.ready() { "stat verdict ready" } else { "stat verdict not-ready" }>
                <span class="label">"Stage 1 readiness"</span>
                <span class="value">{if verdict.ready() { "Ready" } else { "Not ready yet" }}</span>
            </div>
        </section>
        <Blockers verdict=verdict.clone() id=id.clone()/>
        <Charts card=card.clone() id=id.clone()/>
        <GapAnalysis a=a.clone()/>
        <ActionPlan a=a.clone() app=app/>
        <DocChecklist a=a.clone() app=app/>
        <ComparisonView a=a.clone()/>
        <Journey a=a.clone() card=card verdict=verdict/>
        <Appendix a=a/>
    }
}

#[component]
fn Blockers(verdict: Verdict, id: String) -> impl IntoView {
    if verdict.ready() {
        return view! {
            <section><h2>"What blocks a Stage 1 audit"</h2>
            <p>"Nothing: every requirement is answered, meets the target and has its documented information."</p></section>
        }
        .into_any();
    }
    let count =
        |f: fn(&BlockerKind) -> bool| verdict.blockers.iter().filter(|b| f(&b.kind)).count();
    let summary = [
        (
            count(|k| matches!(k, BlockerKind::Unanswered)),
            "not assessed yet",
        ),
        (
            count(|k| matches!(k, BlockerKind::BelowTarget(_))),
            "below the target",
        ),
        (
            count(|k| matches!(k, BlockerKind::UnjustifiedNotApplicable)),
            "marked not applicable without another party meeting them",
        ),
        (
            count(|k| matches!(k, BlockerKind::DocumentationMissing(_))),
            "with documented information partial or missing",
        ),
    ];
    let total = verdict.blockers.len();
    view! {
        <section>
            <h2>"What blocks a Stage 1 audit"</h2>
            <ul class="blocker-summary">
                {summary.into_iter().filter(|(n, _)| *n > 0).map(|(n, what)| view! { <li>{format!("{n} requirements {what}")}</li> }).collect_view()}
            </ul>
            <p>{format!("{total} blockers, heaviest first{}.", if total > 50 { " (the first 50 are listed)" } else { "" })}</p>
            <ol class="blockers">
                {verdict.blockers.iter().take(50).map(|b| view! {
                    <li>
                        <a href=req_link(&id, b.requirement.id)>{format!("{} {}", b.requirement.id, b.requirement.title)}</a>
                        {format!(": {} (weight {})", b.kind.describe(), b.requirement.weight)}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

#[component]
fn Charts(card: Scorecard, id: String) -> impl IntoView {
    const W: f64 = 560.0;
    const H: f64 = 240.0;
    let bars = clause_bars(&card, W, H);
    let points = radar(&card, 160.0, 160.0, 120.0);
    let poly = polygon_points(&points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>());
    let rings: Vec<String> = [0.25, 0.5, 0.75, 1.0]
        .iter()
        .map(|f| {
            polygon_points(
                &points
                    .iter()
                    .map(|p| {
                        (
                            160.0 + (p.axis_x - 160.0) * f,
                            160.0 + (p.axis_y - 160.0) * f,
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
                c.title,
                percent(card.clause(c.number).score())
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let heat = heat_map(&card);
    let navigate = leptos_router::hooks::use_navigate();
    view! {
        <section>
            <h2>"Score per clause"</h2>
            <div class="chart-row">
                <figure class="chart">
                    <svg viewBox=format!("0 0 {W} {}", H + 40.0) role="group" aria-label=format!("Bar chart of scores per clause. {alt}")>
                        {bars.iter().map(|b| {
                            let href = clause_link(&id, b.clause);
                            let label = format!("Clause {}: {}. Open its requirements", b.label, percent(b.value));
                            // SVG has no HTML anchors: the bar follows the link through the router.
                            let (nav_click, nav_key) = (navigate.clone(), navigate.clone());
                            view! {
                                <g class="chart-link" role="link" tabindex="0" aria-label=label
                                    on:click={ let href = href.clone(); move |_| nav_click(&href, Default::default()) }
                                    on:keydown=move |e: web_sys::KeyboardEvent| if e.key() == "Enter" { nav_key(&href, Default::default()) }>
                                    <rect x=b.x y=b.y width=b.width height=b.height.max(1.0) class="bar"/>
                                    <text x=b.x + b.width / 2.0 y=H + 16.0 text-anchor="middle" class="tick">{b.clause}</text>
                                    <text x=b.x + b.width / 2.0 y=(b.y - 4.0).max(12.0) text-anchor="middle" class="tick">{percent(b.value)}</text>
                                </g>
                            }
                        }).collect_view()}
                    </svg>
                    <figcaption>"Bars: weighted score of each clause. Select a bar to open its requirements."</figcaption>
                </figure>
                <figure class="chart radar">
                    <svg viewBox="0 0 320 320" role="img" aria-label=format!("Radar chart of scores per clause. {alt}")>
                        {rings.into_iter().map(|r| view! { <polygon points=r class="ring"/> }).collect_view()}
                        {points.iter().map(|p| view! {
                            <line x1=160 y1=160 x2=p.axis_x y2=p.axis_y class="axis"/>
                            <text x=p.label_x y=p.label_y text-anchor="middle" class="tick">{p.clause}</text>
                        }).collect_view()}
                        <polygon points=poly class="area"/>
                    </svg>
                    <figcaption>"Radar: the same scores, clause 4 at the top, clockwise."</figcaption>
                </figure>
            </div>
            <table class="data-table">
                <caption>"Scores per clause (the data of both charts)"</caption>
                <thead><tr><th scope="col">"Clause"</th><th scope="col">"Score"</th><th scope="col">"Answered"</th><th scope="col">"Not applicable"</th></tr></thead>
                <tbody>
                    {top_level().map(|c| {
                        let g = card.clause(c.number);
                        view! {
                            <tr>
                                <th scope="row"><a href=clause_link(&id, c.number)>{format!("{} {}", c.number, c.title)}</a></th>
                                <td>{percent(g.score())}</td>
                                <td>{format!("{}/{}", g.answered, g.total)}</td>
                                <td>{g.not_applicable}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"Heat map of subclauses"</h3>
            <div class="heat-map">
                {heat.into_iter().map(|(top, cells)| view! {
                    <div class="heat-row">
                        <span class="heat-head">{format!("{} {}", top.number, top.title)}</span>
                        <ul>
                            {cells.into_iter().map(|cell| view! {
                                <li>
                                    <a class=format!("heat-cell band-{}", cell.band.label().to_lowercase().replace(' ', "-"))
                                        href=clause_link(&id, cell.clause.number)
                                        title=format!("{} {}", cell.clause.number, cell.clause.title)>
                                        <span class="num">{cell.clause.number}</span>
                                        <span>{match cell.value { Some(_) => format!("{} · {}", percent(cell.value), cell.band.label()), None => cell.band.label().to_string() }}</span>
                                    </a>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                }).collect_view()}
            </div>
            <h3>"Plan-Do-Check-Act"</h3>
            <div class="pdca-grid">
                {Pdca::ALL.into_iter().map(|p| {
                    let g = card.phase(p);
                    view! {
                        <section class=format!("pdca pdca-{}", p.label().to_lowercase())>
                            <h4>{p.label()}</h4>
                            <p class="value">{percent(g.score())}</p>
                            <p class="meta">{format!("{}/{} answered · clauses {}", g.answered, g.total,
                                top_level().filter(|c| c.pdca == p).map(|c| c.number).collect::<Vec<_>>().join(", "))}</p>
                        </section>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn GapAnalysis(a: Assessment) -> impl IntoView {
    let all = gaps(&a);
    let gap_count = all.len();
    let owner_list = owners(&a);
    let clause = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let a = StoredValue::new(a);
    let rows = move || {
        let filter = GapFilter {
            clause: Some(clause.get()).filter(|c| !c.is_empty()),
            owner: Some(owner.get()).filter(|c| !c.is_empty()),
            status: ActionStatus::ALL
                .into_iter()
                .find(|s| s.label() == status.get()),
        };
        a.with_value(|a| {
            all.iter()
                .filter(|g| filter.matches(a, g))
                .map(|g| {
                    let ans = a.answer(g.requirement.id).cloned().unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row"><a href=req_link(&a.id, g.requirement.id)>{format!("{} {}", g.requirement.id, g.requirement.title)}</a></th>
                            <td>{g.rating.map_or_else(|| "Not assessed".to_string(), |r| r.label())}</td>
                            <td>{percent(g.current)}</td>
                            <td>{percent(Some(g.target))}</td>
                            <td>{g.requirement.weight}</td>
                            <td>{format!("{:.2}", g.priority)}</td>
                            <td>{ans.owner}</td>
                            <td>{ans.action_status.label()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section>
            <h2>"Gap analysis"</h2>
            <p>{format!("{gap_count} requirements are below the target, largest gap × weight first.")}</p>
            <div class="field-row no-print">
                <div class="field">
                    <label for="gap-clause">"Clause"</label>
                    <select id="gap-clause" on:change=move |e| clause.set(event_target_value(&e))>
                        <option value="">"All clauses"</option>
                        {top_level().map(|c| view! { <option value=c.number>{format!("{} {}", c.number, c.title)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="gap-owner">"Owner"</label>
                    <select id="gap-owner" on:change=move |e| owner.set(event_target_value(&e))>
                        <option value="">"Any owner"</option>
                        {owner_list.into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="gap-status">"Action status"</label>
                    <select id="gap-status" on:change=move |e| status.set(event_target_value(&e))>
                        <option value="">"Any status"</option>
                        {ActionStatus::ALL.into_iter().map(|s| view! { <option value=s.label()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="table-scroll">
                <table class="gap-table">
                    <thead><tr>
                        <th scope="col">"Requirement"</th><th scope="col">"Rating"</th><th scope="col">"Current"</th>
                        <th scope="col">"Target"</th><th scope="col">"Weight"</th><th scope="col">"Gap × weight"</th>
                        <th scope="col">"Owner"</th><th scope="col">"Status"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ActionPlan(a: Assessment, app: AppState) -> impl IntoView {
    let items = action_plan(&a);
    let today = String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect::<String>();
    let id = StoredValue::new(a.id.clone());
    view! {
        <section>
            <h2>"Action plan"</h2>
            {if items.is_empty() {
                view! { <p>"No planned action yet. Add an action, owner and due date to a requirement in the walkthrough."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table>
                            <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Action"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Status"</th></tr></thead>
                            <tbody>
                                {items.into_iter().map(|item| {
                                    let req = item.requirement.id;
                                    let overdue = item.is_overdue(&today);
                                    let sel = format!("status-{req}");
                                    view! {
                                        <tr class:overdue=overdue>
                                            <th scope="row"><a href=req_link(&id.get_value(), req)>{format!("{} {}", req, item.requirement.title)}</a></th>
                                            <td class="pre">{item.action.clone()}</td>
                                            <td>{item.owner.clone()}</td>
                                            <td>{item.due.clone()}{overdue.then_some(" (overdue)")}</td>
                                            <td>
                                                <label class="visually-hidden" for=sel.clone()>{format!("Status of the action for {req}")}</label>
                                                <select id=sel on:change=move |e| {
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
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn DocChecklist(a: Assessment, app: AppState) -> impl IntoView {
    let entries = doc_checklist(&a);
    let id = StoredValue::new(a.id.clone());
    view! {
        <section>
            <h2>"Documented information"</h2>
            <p>"Every document to maintain and record to retain that the requirements ask for. Setting a status here sets it on each requirement that asks for the item."</p>
            {top_level().map(|top| {
                let group: Vec<_> = entries.iter().filter(|e| catalogue::is_within(e.clause, top.number)).cloned().collect();
                (!group.is_empty()).then(|| view! {
                    <h3>{format!("{} {}", top.number, top.title)}</h3>
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
                                        <option value="" selected=current.is_none()>"Not checked"</option>
                                        <option value="present" selected=current == Some(DocStatus::Present)>"Present"</option>
                                        <option value="partial" selected=current == Some(DocStatus::Partial)>"Partial"</option>
                                        <option value="missing" selected=current == Some(DocStatus::Missing)>"Missing"</option>
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

#[component]
pub fn ComparisonView(a: Assessment) -> impl IntoView {
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
    view! {
        <section class="no-print">
            <h2>"Compare with a baseline"</h2>
            {if others.is_empty() {
                view! { <p>"Create or duplicate another assessment to compare against it."</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for="baseline">"Baseline"</label>
                        <select id="baseline" on:change=move |e| baseline.set(event_target_value(&e))>
                            <option value="">"Choose an assessment"</option>
                            {others.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                    </div>
                    {move || {
                        let b = baseline.get();
                        let base = app.assessment(&b)?;
                        Some(a.with_value(|a| comparison_table(&base, a)))
                    }}
                }.into_any()
            }}
        </section>
    }
}

/// The comparison of `current` with `base`: per clause, then the requirements that changed.
pub fn comparison_table(base: &Assessment, current: &Assessment) -> impl IntoView {
    let c = compare(base, current);
    let changed: Vec<_> = c
        .deltas
        .iter()
        .filter(|d| d.change != Change::Unchanged)
        .cloned()
        .collect();
    let label = |r: Option<crate::domain::assessment::Rating>| {
        r.map_or_else(|| "Not assessed".to_string(), |r| r.label())
    };
    view! {
        <p class="comparison-counts">{format!("{} improved, {} worse, {} newly answered, {} no longer answered.", c.improved, c.worsened, c.new, c.dropped)}</p>
        <table>
            <caption>"Per clause"</caption>
            <thead><tr><th scope="col">"Clause"</th><th scope="col">"Baseline"</th><th scope="col">"This assessment"</th><th scope="col">"Change"</th></tr></thead>
            <tbody>
                {c.clauses.iter().map(|d| {
                    let delta = match (d.before, d.after) { (Some(b), Some(x)) => format!("{:+.0} points", (x - b) * 100.0), _ => "–".into() };
                    view! { <tr><th scope="row">{format!("{} {}", d.clause.number, d.clause.title)}</th><td>{percent(d.before)}</td><td>{percent(d.after)}</td><td>{delta}</td></tr> }
                }).collect_view()}
            </tbody>
        </table>
        <table>
            <caption>"Requirements that changed"</caption>
            <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Baseline"</th><th scope="col">"Now"</th><th scope="col">"Change"</th></tr></thead>
            <tbody>
                {changed.into_iter().map(|d| view! {
                    <tr>
                        <th scope="row">{format!("{} {}", d.requirement.id, d.requirement.title)}</th>
                        <td>{label(d.before)}</td><td>{label(d.after)}</td>
                        <td>{format!("{:?}", d.change)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Journey(a: Assessment, card: Scorecard, verdict: Verdict) -> impl IntoView {
    view! {
        <section>
            <h2>"Your certification journey"</h2>
            <ol class="journey">
                {journey_with(&a, &card, &verdict).into_iter().map(|s| view! {
                    <li class=format!("step step-{}", s.state.label().to_lowercase().replace(' ', "-"))>
                        <strong>{s.title}</strong>" · "<span class="state">{s.state.label()}</span>
                        <p>{s.note}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Every answer: always in print (the report's appendix), on screen on request.
#[component]
fn Appendix(a: Assessment) -> impl IntoView {
    let shown = RwSignal::new(false);
    view! {
        <section class="appendix">
            <h2>"Appendix: every answer"</h2>
            <button type="button" class="no-print" aria-expanded=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s)>
                {move || if shown.get() { "Hide the answers" } else { "Show every answer" }}
            </button>
            <table class="all-answers" class:screen-hidden=move || !shown.get()>
                <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Rating"</th><th scope="col">"Notes and evidence"</th></tr></thead>
                <tbody>
                    {REQUIREMENTS.iter().map(|r| {
                        let ans = a.answer(r.id).cloned().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{format!("{} {}", r.id, r.title)}</th>
                                <td>{ans.rating.map_or_else(|| "Not assessed".to_string(), |x| x.label())}</td>
                                <td class="pre">{[ans.notes, ans.evidence, ans.na_justification].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join("\n")}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
