//! The assessment report: one self-contained HTML5 file to save, share or print.
//!
//! The file must open anywhere, offline, years later, and must be safe to open even when the assessment came
//! from someone else: it has inline CSS and inline SVG only, no script and no reference to any other file,
//! and every piece of user text goes through [`escape_html`] and sits in a `<bdi>` so that markup or
//! bidirectional control characters typed by a user stay inert text.

use crate::domain::analysis::charts::{self, Bar, RadarPoint};
use crate::domain::analysis::geometry::{BAR_H, BAR_W, RADAR_CX, RADAR_CY};
use crate::domain::analysis::scoring::{percent, Scorecard};
use crate::domain::analysis::{doc_kind_label, doc_status_label, plural, rating_label, Analysis};
use crate::domain::assessment::{Answer, Assessment};
use crate::domain::catalogue::{self, Clause, Requirement, RequirementKind};

/// How many findings the executive summary lists; the rest are in the gaps section.
const TOP_BLOCKERS: usize = 10;

/// Escapes the five characters that can end a text node or an attribute value (& < > " ').
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The whole report, as the text of an HTML file. `generated_at` is shown as the report's date.
pub fn html_report(
    a: &Assessment,
    generated_at: &str,
    app_version: &str,
    catalogue_version: &str,
) -> String {
    render(
        a,
        &Analysis::of(a),
        generated_at,
        app_version,
        catalogue_version,
    )
}

/// [`html_report`] from the assessment's analysis: the report renders it and computes nothing itself.
pub fn render(
    a: &Assessment,
    analysis: &Analysis,
    generated_at: &str,
    app_version: &str,
    catalogue_version: &str,
) -> String {
    let mut out = String::with_capacity(256 * 1024);
    head(&mut out, a, app_version);
    out.push_str("<body>\n<main>\n");
    cover(&mut out, a, generated_at, app_version, catalogue_version);
    executive_summary(&mut out, analysis);
    gaps_section(&mut out, a, analysis);
    action_plan(&mut out, analysis);
    documented_information(&mut out, analysis);
    appendix(&mut out, a);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------- text helpers

/// User text as inert HTML, isolated from the text around it ("" stays "").
fn user(s: &str) -> String {
    if s.trim().is_empty() {
        String::new()
    } else {
        format!("<bdi>{}</bdi>", escape_html(s))
    }
}

/// User text, or a visible placeholder when the field is empty.
fn user_or(s: &str, placeholder: &str) -> String {
    if s.trim().is_empty() {
        format!("<span class=\"none\">{}</span>", escape_html(placeholder))
    } else {
        user(s)
    }
}

/// A table whose cells are already HTML; the first cell of each body row is its row header.
fn table(
    out: &mut String,
    caption: &str,
    headers: &[&str],
    row_class: &str,
    rows: Vec<Vec<String>>,
) {
    out.push_str("<div class=\"scroll\"><table>\n<caption>");
    out.push_str(&escape_html(caption));
    out.push_str("</caption>\n<thead><tr>");
    for h in headers {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str(&format!("<tr class=\"{row_class}\">"));
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                out.push_str(&format!("<th scope=\"row\">{cell}</th>"));
            } else {
                out.push_str(&format!("<td>{cell}</td>"));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

// ---------------------------------------------------------------- head and cover

const STYLE: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1a1a1a; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; border-bottom: 2px solid #1f5fa8; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.25rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .3rem .45rem; text-align: left; vertical-align: top; white-space: pre-wrap; }
bdi { overflow-wrap: anywhere; }
thead th { background: #e6edf6; }
tbody th { font-weight: 600; }
.scroll { max-width: 100%; overflow-x: auto; }
.scroll table { min-width: 28rem; }
figure .scroll { flex: 1 1 14rem; }
.none { color: #555; font-style: italic; }
.assessment-name { font-size: 1.35rem; font-weight: 600; margin: 0 0 1rem; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem; }
.cover dt { font-weight: 600; }
.cover dd { margin: 0; white-space: pre-wrap; }
.verdict { border: 3px solid; border-radius: 4px; padding: .6rem 1rem; margin: 1rem 0; }
.verdict.ready { border-color: #1e7b34; }
.verdict.not-ready { border-color: #b3261e; }
.figures figure { display: flex; flex-wrap: wrap; align-items: flex-start; gap: .75rem 1.5rem; margin: 0 0 1.5rem; }
figcaption { flex-basis: 100%; font-weight: 600; }
figure svg { flex: 0 1 auto; }
figure table { flex: 1 1 14rem; width: auto; margin: 0; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-size: 12px; fill: #1a1a1a; }
svg text.tick { font-size: 11px; }
.axis { stroke: #333; stroke-width: 1; }
.grid { stroke: #c4c4c4; stroke-width: 1; fill: none; }
.bar { fill: #1f5fa8; }
.area { fill: #1f5fa8; fill-opacity: .25; stroke: #1f5fa8; stroke-width: 2; }
.dot { fill: #1f5fa8; }
@page { margin: 15mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  section { break-before: page; page-break-before: always; }
  section.cover { break-before: auto; page-break-before: auto; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  figure, .verdict, .cover dl { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

fn head(out: &mut String, a: &Assessment, app_version: &str) {
    // <title> cannot hold <bdi>: first-strong isolate and pop-directional isolate do the same job there.
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<meta name=\"generator\" content=\"ISO 20000 Readiness {}\">\n",
        escape_html(app_version)
    ));
    out.push_str(&format!(
        "<title>Readiness report: \u{2068}{}\u{2069}</title>\n",
        escape_html(&a.name)
    ));
    out.push_str("<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n");
}

fn cover(
    out: &mut String,
    a: &Assessment,
    generated_at: &str,
    app_version: &str,
    catalogue_version: &str,
) {
    out.push_str("<section class=\"cover\" id=\"cover\">\n");
    out.push_str("<h1>ISO/IEC 20000-1:2018 readiness report</h1>\n");
    out.push_str(&format!(
        "<p class=\"assessment-name\">{}</p>\n<dl>\n",
        user_or(&a.name, "Unnamed assessment")
    ));
    let fields = [
        ("Organisation", user_or(&a.organisation, "Not given")),
        ("Scope", user_or(&a.scope, "Not given")),
        ("Assessor", user_or(&a.assessor, "Not given")),
        ("Date", user_or(generated_at, "Not given")),
        ("Scale", escape_html(a.scale.label())),
        ("Target", escape_html(&a.target.label())),
        ("App version", user_or(app_version, "unknown")),
        ("Catalogue version", user_or(catalogue_version, "unknown")),
    ];
    for (term, value) in fields {
        out.push_str(&format!("<dt>{term}</dt><dd>{value}</dd>\n"));
    }
    out.push_str("</dl>\n</section>\n");
}

// ---------------------------------------------------------------- executive summary

fn executive_summary(out: &mut String, analysis: &Analysis) {
    let card = &analysis.scorecard;
    out.push_str("<section id=\"summary\">\n<h2>Executive summary</h2>\n");
    verdict_block(out, analysis);
    out.push_str(&format!(
        "<p>Overall score: <strong>{}</strong>. Completion: <strong>{}</strong> ({} of {} requirements answered).</p>\n",
        analysis.overall_label(),
        analysis.completion_label(),
        card.overall.answered,
        card.overall.total
    ));
    clause_table(out, card);
    out.push_str("<div class=\"figures\">\n");
    bar_figure(out, &analysis.bars);
    radar_figure(out, &analysis.radar);
    out.push_str("</div>\n</section>\n");
}

fn verdict_block(out: &mut String, analysis: &Analysis) {
    let verdict = &analysis.verdict;
    let class = if verdict.ready() {
        "ready"
    } else {
        "not-ready"
    };
    out.push_str(&format!(
        "<div class=\"verdict {class}\"><p><strong>{}</strong></p><p>{}</p></div>\n",
        escape_html(&analysis.verdict_sentence()),
        escape_html(&analysis.still_to_assess_sentence())
    ));
    let findings: Vec<_> = verdict.findings().collect();
    if findings.is_empty() {
        return;
    }
    let n = findings.len();
    out.push_str(&format!(
        "<h3>What blocks the audit, heaviest first ({} of {})</h3>\n<ol class=\"blockers\">\n",
        n.min(TOP_BLOCKERS),
        n
    ));
    for b in findings.iter().take(TOP_BLOCKERS) {
        out.push_str(&format!(
            "<li><strong>{} {}</strong>: {} (weight {})</li>\n",
            escape_html(b.requirement.id),
            escape_html(b.requirement.title()),
            escape_html(&b.kind.describe()),
            b.requirement.weight
        ));
    }
    out.push_str("</ol>\n");
    if n > TOP_BLOCKERS {
        out.push_str(&format!(
            "<p>And {} more: see the gaps and the documented information.</p>\n",
            n - TOP_BLOCKERS
        ));
    }
}

fn clause_table(out: &mut String, card: &Scorecard) {
    let rows = catalogue::top_level()
        .map(|c| {
            let g = card.clause(c.number);
            vec![
                escape_html(c.number),
                escape_html(c.title()),
                percent(g.score()),
                percent(Some(g.completion())),
                format!("{} of {}", g.answered, g.total),
                g.not_applicable.to_string(),
            ]
        })
        .collect();
    table(
        out,
        "Score and completion per clause",
        &[
            "Clause",
            "Title",
            "Score",
            "Completion",
            "Answered",
            "Not applicable",
        ],
        "clause",
        rows,
    );
}

/// The text alternative shared by both charts: every value, in words.
fn chart_alternative(kind: &str, values: impl Iterator<Item = (String, Option<f64>)>) -> String {
    let parts: Vec<String> = values
        .map(|(label, v)| format!("{label} {}", percent(v)))
        .collect();
    format!("{kind} of the score per clause: {}.", parts.join(", "))
}

/// A small data table beside a chart, so that the figures do not depend on seeing the drawing.
fn chart_table(
    out: &mut String,
    caption: &str,
    values: impl Iterator<Item = (String, Option<f64>)>,
) {
    let rows = values
        .map(|(label, v)| vec![escape_html(&label), percent(v)])
        .collect();
    table(out, caption, &["Clause", "Score"], "chart-data", rows);
}

const BAR_PLOT_W: f64 = BAR_W;
const BAR_PLOT_H: f64 = BAR_H;
const BAR_LEFT: f64 = 48.0;
const BAR_TOP: f64 = 20.0;
const BAR_BOTTOM: f64 = 40.0;

fn bar_figure(out: &mut String, bars: &[Bar]) {
    let labelled = || bars.iter().map(|b| (b.label.clone(), b.value));
    let alt = chart_alternative("Bar chart", labelled());
    let (w, h) = (
        BAR_LEFT + BAR_PLOT_W + 10.0,
        BAR_TOP + BAR_PLOT_H + BAR_BOTTOM,
    );
    out.push_str("<figure>\n<figcaption>Score per clause</figcaption>\n");
    out.push_str(&format!(
        "<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{}\">\n",
        escape_html(&alt)
    ));
    out.push_str(&format!(
        "<g transform=\"translate({BAR_LEFT},{BAR_TOP})\">\n"
    ));
    for share in [0.0, 0.5, 1.0] {
        let y = charts::coordinate(BAR_PLOT_H * (1.0 - share));
        out.push_str(&format!(
            "<line class=\"grid\" x1=\"0\" y1=\"{y}\" x2=\"{BAR_PLOT_W}\" y2=\"{y}\"/>\
             <text x=\"-6\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>\n",
            percent(Some(share))
        ));
    }
    for b in bars {
        let centre = charts::coordinate(b.x + b.width / 2.0);
        let (number, word) = b.label.split_once(' ').unwrap_or((b.label.as_str(), ""));
        out.push_str(&format!(
            "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect>\n",
            charts::coordinate(b.x),
            charts::coordinate(b.y),
            charts::coordinate(b.width),
            charts::coordinate(b.height),
            escape_html(&b.label),
            percent(b.value)
        ));
        out.push_str(&format!(
            "<text x=\"{centre}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
            charts::coordinate(b.y - 5.0),
            percent(b.value)
        ));
        out.push_str(&format!(
            "<text class=\"tick\" x=\"{centre}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
             <text class=\"tick\" x=\"{centre}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
            charts::coordinate(BAR_PLOT_H + 15.0),
            escape_html(number),
            charts::coordinate(BAR_PLOT_H + 30.0),
            escape_html(word)
        ));
    }
    out.push_str(&format!(
        "<line class=\"axis\" x1=\"0\" y1=\"{BAR_PLOT_H}\" x2=\"{BAR_PLOT_W}\" y2=\"{BAR_PLOT_H}\"/>\n</g>\n</svg>\n"
    ));
    chart_table(out, "Data of the bar chart", labelled());
    out.push_str("</figure>\n");
}

fn radar_figure(out: &mut String, points: &[RadarPoint]) {
    let labelled = || {
        points.iter().map(|p| {
            let label = catalogue::clause(p.clause)
                .map_or_else(|| p.clause.to_string(), charts::short_label);
            (label, p.value)
        })
    };
    let alt = chart_alternative("Radar chart", labelled());
    out.push_str("<figure>\n<figcaption>Profile across clauses</figcaption>\n");
    out.push_str(&format!(
        "<svg viewBox=\"0 0 460 340\" width=\"460\" height=\"340\" role=\"img\" aria-label=\"{}\">\n",
        escape_html(&alt)
    ));
    for share in [0.25, 0.5, 0.75, 1.0] {
        let ring: Vec<(f64, f64)> = points
            .iter()
            .map(|p| {
                (
                    RADAR_CX + (p.axis_x - RADAR_CX) * share,
                    RADAR_CY + (p.axis_y - RADAR_CY) * share,
                )
            })
            .collect();
        out.push_str(&format!(
            "<polygon class=\"grid\" points=\"{}\"/>\n",
            charts::polygon_points(&ring)
        ));
    }
    for (p, (label, _)) in points.iter().zip(labelled()) {
        let dx = p.label_x - RADAR_CX;
        let anchor = if dx.abs() < 1.0 {
            "middle"
        } else if dx > 0.0 {
            "start"
        } else {
            "end"
        };
        out.push_str(&format!(
            "<line class=\"axis\" x1=\"{RADAR_CX}\" y1=\"{RADAR_CY}\" x2=\"{}\" y2=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\">{}</text>\n",
            charts::coordinate(p.axis_x),
            charts::coordinate(p.axis_y),
            charts::coordinate(p.label_x),
            charts::coordinate(p.label_y),
            escape_html(&label)
        ));
    }
    let shape: Vec<(f64, f64)> = points.iter().map(|p| (p.x, p.y)).collect();
    out.push_str(&format!(
        "<polygon class=\"area\" points=\"{}\"/>\n",
        charts::polygon_points(&shape)
    ));
    for (p, (label, value)) in points.iter().zip(labelled()) {
        out.push_str(&format!(
            "<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"3\"><title>{}: {}</title></circle>\n",
            charts::coordinate(p.x),
            charts::coordinate(p.y),
            escape_html(&label),
            percent(value)
        ));
    }
    out.push_str("</svg>\n");
    chart_table(out, "Data of the radar chart", labelled());
    out.push_str("</figure>\n");
}

// ---------------------------------------------------------------- gaps

fn gaps_section(out: &mut String, a: &Assessment, analysis: &Analysis) {
    out.push_str("<section id=\"gaps\">\n<h2>Gaps</h2>\n");
    out.push_str(&format!(
        "<p>{} Target: {}. Priority is (target - current) x weight, the largest first; a requirement \
         marked not applicable without another party meeting it counts as 0.</p>\n",
        escape_html(&analysis.gaps_sentence()),
        escape_html(&a.target.label())
    ));
    if !analysis.gaps.is_empty() {
        let rows = analysis
            .gaps
            .iter()
            .map(|g| {
                vec![
                    escape_html(g.requirement.id),
                    title_of(g.requirement),
                    escape_html(&g.rating_label()),
                    g.requirement.weight.to_string(),
                    g.priority_label(),
                ]
            })
            .collect();
        table(
            out,
            "Assessed requirements below the target",
            &[
                "Requirement",
                "Title",
                "Current rating",
                "Weight",
                "Priority",
            ],
            "gap",
            rows,
        );
    }
    out.push_str(&format!(
        "<h3>Still to assess</h3>\n<p>{}</p>\n",
        escape_html(&analysis.still_to_assess_sentence())
    ));
    let groups = analysis.still_to_assess.by_clause(None);
    if !groups.is_empty() {
        let rows = groups
            .iter()
            .map(|g| {
                vec![
                    escape_html(g.clause.number),
                    escape_html(g.clause.title()),
                    format!("{} of {}", g.count, g.total),
                ]
            })
            .collect();
        table(
            out,
            "Requirements not assessed yet, per clause",
            &["Clause", "Title", "Not assessed"],
            "to-assess",
            rows,
        );
    }
    out.push_str("</section>\n");
}

// ---------------------------------------------------------------- action plan

fn action_plan(out: &mut String, analysis: &Analysis) {
    out.push_str("<section id=\"actions\">\n<h2>Action plan</h2>\n");
    if analysis.action_plan.is_empty() {
        out.push_str("<p>No action has been planned yet.</p>\n");
    } else {
        let rows = analysis
            .action_plan
            .iter()
            .map(|item| {
                vec![
                    format!(
                        "{} {}",
                        escape_html(item.requirement.id),
                        escape_html(item.requirement.title())
                    ),
                    user(&item.action),
                    user(&item.owner),
                    user(&item.due),
                    escape_html(item.status.label()),
                ]
            })
            .collect();
        table(
            out,
            "Planned actions: open work first, then the earliest due date, then the heaviest requirement",
            &["Requirement", "Action", "Owner", "Due", "Status"],
            "action",
            rows,
        );
    }
    out.push_str("</section>\n");
}

// ---------------------------------------------------------------- documented information

fn documented_information(out: &mut String, analysis: &Analysis) {
    out.push_str("<section id=\"documents\">\n<h2>Documented information</h2>\n");
    out.push_str(&format!(
        "<p>The documents to maintain and records to retain that the requirements ask for, with whether \
         each was found: {} of {} checked, score {}.</p>\n",
        analysis.doc_score.checked,
        analysis.doc_score.total,
        percent(analysis.doc_score.score)
    ));
    for top in catalogue::top_level() {
        let rows: Vec<Vec<String>> = analysis
            .documents
            .iter()
            .filter(|e| e.top_level() == top.number)
            .map(|e| {
                let ids: Vec<&str> = e.requirements.iter().map(|r| r.id).collect();
                vec![
                    escape_html(e.item),
                    escape_html(doc_kind_label(e.kind)),
                    escape_html(&ids.join(", ")),
                    escape_html(doc_status_label(e.status)),
                ]
            })
            .collect();
        if !rows.is_empty() {
            table(
                out,
                &clause_heading(top),
                &["Item", "Kind", "Requirements", "Status"],
                "document",
                rows,
            );
        }
    }
    out.push_str("</section>\n");
}

fn clause_heading(c: &Clause) -> String {
    format!("{} {}", c.number, c.title())
}

// ---------------------------------------------------------------- appendix

fn na_justification(answer: &Answer) -> String {
    let text = user(&answer.na_justification);
    if answer.na_other_party {
        let note = "Met by another party under 8.2.3 control.";
        if text.is_empty() {
            note.to_string()
        } else {
            format!("{note} {text}")
        }
    } else {
        text
    }
}

/// A requirement's title; good practice and orientation checks say that they are not counted.
fn title_of(r: &Requirement) -> String {
    match r.kind {
        RequirementKind::Requirement => escape_html(r.title()),
        kind => format!(
            "{} <em class=\"kind\">({}, not counted)</em>",
            escape_html(r.title()),
            escape_html(kind.label())
        ),
    }
}

fn appendix(out: &mut String, a: &Assessment) {
    out.push_str("<section id=\"appendix\">\n<h2>Appendix: every answer</h2>\n");
    let blank = Answer::default();
    for top in catalogue::top_level() {
        let rows = catalogue::requirements_within(top.number)
            .map(|r| {
                let x = a.answer(r.id).unwrap_or(&blank);
                vec![
                    escape_html(r.id),
                    title_of(r),
                    escape_html(&rating_label(x.rating)),
                    user(&x.notes),
                    user(&x.evidence),
                    na_justification(x),
                ]
            })
            .collect();
        table(
            out,
            &clause_heading(top),
            &[
                "Requirement",
                "Title",
                "Rating",
                "Notes",
                "Evidence",
                "N/A justification",
            ],
            "answer",
            rows,
        );
    }
    let stale = a
        .answers
        .keys()
        .filter(|id| catalogue::requirement(id).is_none())
        .count();
    if stale > 0 {
        out.push_str(&format!(
            "<p>{} to requirements that are not in this catalogue version; not shown.</p>\n",
            plural(stale, "stored answer refers", "stored answers refer")
        ));
    }
    out.push_str("</section>\n");
}
