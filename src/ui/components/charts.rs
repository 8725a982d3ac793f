//! Inline SVG charts drawn from the data, each with a text alternative; the data also appears in a table
//! beside it on the page, so nothing depends on seeing colours or shapes.

use leptos::prelude::*;

/// Scores over time (0-100), with the pass mark as a dashed line.
#[component]
pub fn TrendChart(points: Vec<(String, f64)>, pass: f64) -> impl IntoView {
    const W: f64 = 600.0;
    const H: f64 = 200.0;
    const PAD: f64 = 30.0;
    let n = points.len().max(2) as f64 - 1.0;
    let x = move |i: usize| PAD + (W - 2.0 * PAD) * (i as f64) / n;
    let y = |v: f64| H - PAD - (H - 2.0 * PAD) * v.clamp(0.0, 100.0) / 100.0;
    let line: String = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| format!("{:.1},{:.1}", x(i), y(*v)))
        .collect::<Vec<_>>()
        .join(" ");
    let summary = format!(
        "Trend of {}: first {:.0} %, latest {:.0} %, best {:.0} %; pass mark {pass:.0} %.",
        crate::domain::exam::labels::counted(points.len(), "attempt", "attempts"),
        points.first().map_or(0.0, |p| p.1),
        points.last().map_or(0.0, |p| p.1),
        points.iter().map(|p| p.1).fold(0.0, f64::max)
    );
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary.clone() preserveAspectRatio="xMidYMid meet">
                <line x1=PAD y1=y(0.0) x2=W - PAD y2=y(0.0) class="axis"/>
                <line x1=PAD y1=y(100.0) x2=PAD y2=y(0.0) class="axis"/>
                <line x1=PAD y1=y(pass) x2=W - PAD y2=y(pass) class="pass-line"/>
                <text x=4 y=y(100.0) + 4.0 class="tick">"100"</text>
                <text x=4 y=y(pass) + 4.0 class="tick">{format!("{pass:.0}")}</text>
                <text x=12 y=y(0.0) + 4.0 class="tick">"0"</text>
                <polyline points=line class="series"/>
                {points.iter().enumerate().map(|(i, (label, v))| view! {
                    <circle cx=x(i) cy=y(*v) r=4 class="dot"><title>{format!("{label}: {v:.0} %")}</title></circle>
                }).collect_view()}
            </svg>
            <figcaption>{summary}</figcaption>
        </figure>
    }
}
