//! The comparison of two assessments (a baseline or a colleague's answers), shared by the results page
//! and the import preview.

use leptos::prelude::*;

use crate::domain::analysis::rating_label;
use crate::domain::assessment::Assessment;
use crate::domain::gaps::{compare, Change};
use crate::domain::scoring::percent;

/// The comparison of `current` with `base`: the clauses whose score differs, then the requirements whose
/// rating differs, in plain words.
pub fn comparison_table(base: &Assessment, current: &Assessment) -> impl IntoView {
    let c = compare(base, current);
    let changed: Vec<_> = c
        .deltas
        .iter()
        .filter(|d| d.change != Change::Unchanged)
        .cloned()
        .collect();
    let clauses: Vec<_> = c
        .clauses
        .iter()
        .filter(|d| d.before.is_some() || d.after.is_some())
        .cloned()
        .collect();
    let same = c.clauses.len() - clauses.len();
    view! {
        <p class="comparison-counts">{format!(
            "{} rated higher here, {} lower, {} rated only here, {} rated only in the baseline.",
            c.improved, c.worsened, c.new, c.dropped
        )}</p>
        <div class="table-scroll">
            <table class="compare-table">
                <caption>{format!("Per clause{}", if same > 0 { format!(" ({same} without a score on either side are left out)") } else { String::new() })}</caption>
                <thead><tr><th scope="col">"Clause"</th><th scope="col">"Baseline"</th><th scope="col">"This assessment"</th><th scope="col">"Difference"</th></tr></thead>
                <tbody>
                    {clauses.into_iter().map(|d| {
                        let (delta, class) = match (d.before, d.after) {
                            (Some(b), Some(x)) => {
                                let points = ((x - b) * 100.0).round();
                                let class = if points > 0.0 { "delta up" } else if points < 0.0 { "delta down" } else { "delta" };
                                (format!("{points:+.0} points"), class)
                            }
                            _ => ("–".into(), "delta"),
                        };
                        view! { <tr><th scope="row">{format!("{} {}", d.clause.number, d.clause.title)}</th><td>{percent(d.before)}</td><td>{percent(d.after)}</td><td class=class>{delta}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="table-scroll">
            <table class="compare-table">
                <caption>"Requirements rated differently"</caption>
                <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Baseline"</th><th scope="col">"This assessment"</th><th scope="col">"Difference"</th></tr></thead>
                <tbody>
                    {changed.into_iter().map(|d| {
                        let class = match d.change {
                            Change::Improved => "delta up",
                            Change::Worsened => "delta down",
                            _ => "delta",
                        };
                        view! {
                            <tr>
                                <th scope="row">{format!("{} {}", d.requirement.id, d.requirement.title)}</th>
                                <td>{rating_label(d.before)}</td><td>{rating_label(d.after)}</td>
                                <td class=class>{d.change.label()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
