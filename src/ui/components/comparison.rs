//! The comparison of two assessments, shared by the results page (a baseline: before and now) and the
//! import preview (two respondents: A and B), each in its own words.

use leptos::prelude::*;

use crate::domain::analysis::rating_label;
use crate::domain::assessment::Assessment;
use crate::domain::gaps::{compare, Change, Perspective};
use crate::domain::scoring::percent;

/// The comparison of `current` with `base`: the clauses whose score differs, then the requirements whose
/// rating differs, in the words of `perspective`. The caption names both sides.
pub fn comparison_table(
    base: &Assessment,
    current: &Assessment,
    perspective: Perspective,
) -> impl IntoView {
    let c = compare(base, current);
    let (first, second) = perspective.columns();
    let sides = match perspective {
        Perspective::Baseline => format!("Before: {}. Now: {}.", base.name, current.name),
        Perspective::Respondents => format!("A: {}. B: {}.", base.name, current.name),
    };
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
        <p class="comparison-sides">{sides}</p>
        <p class="comparison-counts">{perspective.summary(&c)}</p>
        <div class="table-scroll">
            <table class="compare-table">
                <caption>{format!("Per clause{}", if same > 0 { format!(" ({same} without a score on either side are left out)") } else { String::new() })}</caption>
                <thead><tr><th scope="col">"Clause"</th><th scope="col">{first}</th><th scope="col">{second}</th><th scope="col">"Difference"</th></tr></thead>
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
                        view! { <tr><th scope="row">{format!("{} {}", d.clause.number, d.clause.title())}</th><td>{percent(d.before)}</td><td>{percent(d.after)}</td><td class=class>{delta}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="table-scroll">
            <table class="compare-table">
                <caption>{match perspective { Perspective::Baseline => "Requirements whose rating changed", Perspective::Respondents => "Requirements where A and B differ" }}</caption>
                <thead><tr><th scope="col">"Requirement"</th><th scope="col">{first}</th><th scope="col">{second}</th><th scope="col">"Difference"</th></tr></thead>
                <tbody>
                    {changed.into_iter().map(|d| {
                        let class = match d.change {
                            Change::Improved => "delta up",
                            Change::Worsened => "delta down",
                            _ => "delta",
                        };
                        view! {
                            <tr>
                                <th scope="row">{format!("{} {}", d.requirement.id, d.requirement.title())}</th>
                                <td>{rating_label(d.before)}</td><td>{rating_label(d.after)}</td>
                                <td class=class>{perspective.change(d.change)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
