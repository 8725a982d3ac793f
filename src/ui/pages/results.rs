//! /assessments/:id/results: scores, the readiness verdict and its blockers.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::catalogue::top_level;
use crate::domain::scoring::{percent, BlockerKind, Scorecard, Verdict};
use crate::ui::components::title::set_title;
use crate::ui::routes::Route;
use crate::ui::state::use_app;

#[component]
pub fn Results() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let assessment = Memo::new(move |_| app.assessment(&id.get()));
    move || match assessment.get() {
        None => {
            set_title("Assessment not found");
            view! {
                <h1>"Assessment not found"</h1>
                <p><a href=Route::Assessments.path()>"See your assessments"</a></p>
            }
            .into_any()
        }
        Some(a) => {
            set_title(&format!("Results: {}", a.name));
            let card = Scorecard::of(&a);
            let verdict = Verdict::of(&a);
            let link = |req: &str| {
                Route::Assessment {
                    id: a.id.clone(),
                    requirement: Some(req.to_string()),
                }
                .path()
            };
            let shown = verdict.blockers.iter().take(50).map(|b| view! {
                <li>
                    <a href=link(b.requirement.id)>{format!("{} {}", b.requirement.id, b.requirement.title)}</a>
                    {format!(": {} (weight {})", b.kind.describe(), b.requirement.weight)}
                </li>
            }).collect_view();
            view! {
                <h1>{format!("Results: {}", a.name)}</h1>
                <section class="summary-cards">
                    <div class="stat"><span class="label">"Overall score"</span><span class="value">{percent(card.overall.score())}</span></div>
                    <div class="stat"><span class="label">"Completion"</span><span class="value">{format!("{:.0} %", card.overall.completion() * 100.0)}</span></div>
                    <div class="stat"><span class="label">"Stage 1 readiness"</span>
                        <span class="value">{if verdict.ready() { "Ready" } else { "Not ready yet" }}</span></div>
                </section>
                <section>
                    <h2>"What blocks a Stage 1 audit"</h2>
                    {if verdict.ready() {
                        view! { <p>"Nothing: every requirement is answered and meets the target."</p> }.into_any()
                    } else {
                        let count = |f: fn(&BlockerKind) -> bool| verdict.blockers.iter().filter(|b| f(&b.kind)).count();
                        let summary = [
                            (count(|k| matches!(k, BlockerKind::Unanswered)), "not assessed yet"),
                            (count(|k| matches!(k, BlockerKind::BelowTarget(_))), "below the target"),
                            (count(|k| matches!(k, BlockerKind::UnjustifiedNotApplicable)), "marked not applicable without another party meeting them"),
                            (count(|k| matches!(k, BlockerKind::DocumentationMissing(_))), "with documented information partial or missing"),
                        ];
                        view! {
                            <ul class="blocker-summary">
                                {summary.into_iter().filter(|(n, _)| *n > 0).map(|(n, what)| view! {
                                    <li>{format!("{n} requirements {what}")}</li>
                                }).collect_view()}
                            </ul>
                            <p>{format!("{} blockers, heaviest first{}.", verdict.blockers.len(),
                                if verdict.blockers.len() > 50 { " (the first 50 are listed)" } else { "" })}</p>
                            <ol class="blockers">{shown}</ol>
                        }.into_any()
                    }}
                </section>
                <section>
                    <h2>"Score per clause"</h2>
                    <table>
                        <thead><tr><th scope="col">"Clause"</th><th scope="col">"Score"</th><th scope="col">"Completion"</th></tr></thead>
                        <tbody>
                            {top_level().map(|c| {
                                let g = card.clause(c.number);
                                view! {
                                    <tr>
                                        <th scope="row"><a href=Route::LearnClause(c.number.to_string()).path()>{format!("{} {}", c.number, c.title)}</a></th>
                                        <td>{percent(g.score())}</td>
                                        <td>{format!("{}/{}", g.answered, g.total)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
                <p><a href=Route::Assessment { id: a.id.clone(), requirement: None }.path()>"Back to the walkthrough"</a></p>
            }
            .into_any()
        }
    }
}
