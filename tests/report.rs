//! Chart geometry (hand-computed coordinates) and the self-contained HTML report.

use iso20000_readiness::domain::assessment::{
    ActionStatus, Assessment, DocStatus, NewAssessment, Rating, Scale,
};
use iso20000_readiness::domain::catalogue::{self, DocKind, REQUIREMENTS};
use iso20000_readiness::domain::charts::{clause_bars, heat_map, polygon_points, radar, Band};
use iso20000_readiness::domain::gaps;
use iso20000_readiness::domain::report::{escape_html, html_report};
use iso20000_readiness::domain::scoring::{Scorecard, Verdict};

fn assessment(scale: Scale) -> Assessment {
    NewAssessment {
        name: "Baseline 2025".into(),
        organisation: "Acme Services Ltd".into(),
        scope: "Managed hosting for EU customers".into(),
        assessor: "Dana Smith".into(),
        scale,
        ..Default::default()
    }
    .build("t1".into(), 0.0)
    .unwrap()
}

fn rate_within(a: &mut Assessment, clause: &str, r: Rating) {
    let ids: Vec<&str> = catalogue::requirements_within(clause)
        .map(|q| q.id)
        .collect();
    for id in ids {
        a.edit_answer(id, 1.0, |x| x.rating = Some(r));
    }
}

fn report(a: &Assessment) -> String {
    html_report(a, "2025-03-14", "0.1.0", "cat-7")
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-6, "{a} != {b}");
}

/// The text of the section with this id, up to the next section.
fn section<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html
        .find(&format!("<section id=\"{id}\""))
        .or_else(|| html.find(&format!("id=\"{id}\"")))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

// ---------------------------------------------------------------- charts

#[test]
fn a_bar_at_half_score_has_half_the_height_and_unscored_bars_are_flat() {
    let mut a = assessment(Scale::Conformity);
    rate_within(&mut a, "4", Rating::Partial);
    let bars = clause_bars(&Scorecard::of(&a), 700.0, 200.0);
    assert_eq!(bars.len(), 7);
    // 7 slots of 100; each bar fills the middle 60 % of its slot.
    let first = &bars[0];
    assert_eq!(first.clause, "4");
    assert_eq!(first.label, "4 Context");
    assert_eq!(first.value, Some(0.5));
    close(first.x, 20.0);
    close(first.width, 60.0);
    close(first.height, 100.0);
    close(first.y, 100.0);
    let last = &bars[6];
    assert_eq!(last.label, "10 Improvement");
    assert_eq!(last.value, None);
    close(last.x, 620.0);
    close(last.height, 0.0);
    close(last.y, 200.0);
}

#[test]
fn radar_puts_clause_4_straight_up_and_turns_clockwise() {
    let mut a = assessment(Scale::Conformity);
    rate_within(&mut a, "4", Rating::InPlace);
    rate_within(&mut a, "6", Rating::Partial);
    let points = radar(&Scorecard::of(&a), 100.0, 100.0, 50.0);
    let clauses: Vec<&str> = points.iter().map(|p| p.clause).collect();
    assert_eq!(clauses, ["4", "5", "6", "7", "8", "9", "10"]);
    // Clause 4 at score 1: straight above the centre, at the full radius; its label 1.15 radius up.
    let p4 = &points[0];
    close(p4.x, 100.0);
    close(p4.y, 50.0);
    close(p4.axis_x, 100.0);
    close(p4.axis_y, 50.0);
    close(p4.label_x, 100.0);
    close(p4.label_y, 42.5);
    // Clause 5 has no score: drawn at the centre; its axis is 360/7 degrees clockwise from the top:
    // (100 + 50 sin(2pi/7), 100 - 50 cos(2pi/7)) = (139.0916, 68.8255).
    let p5 = &points[1];
    assert_eq!(p5.value, None);
    close(p5.x, 100.0);
    close(p5.y, 100.0);
    assert!((p5.axis_x - 139.0916).abs() < 1e-4, "{}", p5.axis_x);
    assert!((p5.axis_y - 68.8255).abs() < 1e-4, "{}", p5.axis_y);
    // Clause 6 at 0.5, angle -90 + 2 x 51.43 = 12.86 degrees: (100 + 25 cos, 100 + 25 sin) = (124.3732, 105.5630).
    let p6 = &points[2];
    assert!((p6.x - 124.3732).abs() < 1e-4, "{}", p6.x);
    assert!((p6.y - 105.5630).abs() < 1e-4, "{}", p6.y);
    // Clockwise: the last axis (clause 10) is left of the top one.
    assert!(points[6].axis_x < 100.0 && points[6].axis_y < 100.0);
}

#[test]
fn polygon_points_use_one_decimal_and_never_print_minus_zero() {
    assert_eq!(polygon_points(&[]), "");
    assert_eq!(
        polygon_points(&[(1.0, 2.0), (3.25, -0.04), (139.09163, 68.82549)]),
        "1.0,2.0 3.3,0.0 139.1,68.8"
    );
    assert_eq!(polygon_points(&[(f64::NAN, f64::INFINITY)]), "0.0,0.0");
}

#[test]
fn bands_split_at_a_third_and_two_thirds_and_each_has_a_text_label() {
    assert_eq!(Band::of(None), Band::NoScore);
    assert_eq!(Band::of(Some(0.0)), Band::Low);
    assert_eq!(Band::of(Some(0.3399)), Band::Low);
    assert_eq!(Band::of(Some(0.34)), Band::Medium);
    assert_eq!(Band::of(Some(0.6699)), Band::Medium);
    assert_eq!(Band::of(Some(0.67)), Band::High);
    assert_eq!(Band::of(Some(1.0)), Band::High);
    let labels = [Band::NoScore, Band::Low, Band::Medium, Band::High].map(Band::label);
    assert_eq!(labels, ["No score", "Low", "Medium", "High"]);
}

#[test]
fn heat_map_has_one_row_per_top_clause_with_its_depth_2_subclauses() {
    let mut a = assessment(Scale::Conformity);
    rate_within(&mut a, "4.1", Rating::InPlace);
    rate_within(&mut a, "4.2", Rating::NotInPlace);
    rate_within(&mut a, "4.3", Rating::Partial);
    let map = heat_map(&Scorecard::of(&a));
    let tops: Vec<&str> = map.iter().map(|(c, _)| c.number).collect();
    assert_eq!(tops, ["4", "5", "6", "7", "8", "9", "10"]);
    let row4: Vec<(&str, Option<f64>, Band)> = map[0]
        .1
        .iter()
        .map(|c| (c.clause.number, c.value, c.band))
        .collect();
    assert_eq!(
        row4,
        [
            ("4.1", Some(1.0), Band::High),
            ("4.2", Some(0.0), Band::Low),
            ("4.3", Some(0.5), Band::Medium),
            ("4.4", None, Band::NoScore),
        ]
    );
    // 5.2.1 and 5.2.2 are depth 3: only 5.1, 5.2, 5.3 appear.
    let row5: Vec<&str> = map[1].1.iter().map(|c| c.clause.number).collect();
    assert_eq!(row5, ["5.1", "5.2", "5.3"]);
}

// ---------------------------------------------------------------- report

#[test]
fn escape_html_escapes_the_five_special_characters_and_nothing_else() {
    assert_eq!(
        escape_html(r#"<a href="x" title='y'>Tom & Jerry</a>"#),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
    );
    assert_eq!(escape_html("é 👩‍👩‍👧 \u{202E}"), "é 👩‍👩‍👧 \u{202E}");
    assert_eq!(escape_html(""), "");
}

#[test]
fn report_is_html5_with_cover_fields_and_sections_in_order() {
    let html = report(&assessment(Scale::Capability));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<title>Readiness report: \u{2068}Baseline 2025\u{2069}</title>"));
    let cover = section(&html, "cover");
    for field in [
        "<bdi>Baseline 2025</bdi>",
        "<bdi>Acme Services Ltd</bdi>",
        "<bdi>Managed hosting for EU customers</bdi>",
        "<bdi>Dana Smith</bdi>",
        "<bdi>2025-03-14</bdi>",
        "Capability 0-5",
        "Level 2: Managed",
        "cat-7",
    ] {
        assert!(cover.contains(field), "cover lacks {field}");
    }
    let order: Vec<usize> = [
        "cover",
        "summary",
        "gaps",
        "actions",
        "documents",
        "appendix",
    ]
    .iter()
    .map(|id| {
        html.find(&format!("<section id=\"{id}\""))
            .or_else(|| html.find(&format!("id=\"{id}\"")))
            .unwrap()
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn verdict_lists_the_blocker_count_and_the_top_ten() {
    let a = assessment(Scale::Conformity);
    let html = report(&a);
    let summary = section(&html, "summary");
    // Good practice and orientation checks never block (tests/good_practice.rs).
    let n = REQUIREMENTS
        .iter()
        .filter(|r| r.counts_for_conformity())
        .count();
    // Nothing assessed: no finding is listed, the summary says how much is still to assess.
    assert!(summary.contains(&format!(
        "Not ready for a Stage 1 audit yet: {n} requirements are still to assess."
    )));
    assert_eq!(summary.matches("<li>").count(), 0);

    // Findings are listed first, the heaviest first, at most ten, never "not assessed yet".
    let mut found = assessment(Scale::Conformity);
    rate_within(&mut found, "8", Rating::NotInPlace);
    let html = report(&found);
    let summary = section(&html, "summary");
    let findings = catalogue::requirements_within("8")
        .filter(|r| r.counts_for_conformity())
        .count();
    assert!(summary.contains(&format!(
        "Not ready for a Stage 1 audit yet: {findings} findings block; {} requirements are still to assess.",
        n - findings
    )));
    assert_eq!(summary.matches("<li>").count(), 10);
    assert!(!summary.contains("not assessed yet"));
    let first = &Verdict::of(&found).blockers[0];
    assert!(summary.contains(&format!(
        "<li><strong>{} {}</strong>: rated Not in place, below the target (weight {})</li>",
        first.requirement.id,
        first.requirement.title(),
        first.requirement.weight
    )));
    assert!(summary.contains(&format!("And {} more", findings - 10)));

    let mut ready = assessment(Scale::Conformity);
    rate_within(&mut ready, "4", Rating::InPlace);
    for c in ["5", "6", "7", "8", "9", "10"] {
        rate_within(&mut ready, c, Rating::InPlace);
    }
    let html = report(&ready);
    let summary = section(&html, "summary");
    assert!(summary.contains("Ready for a Stage 1 audit:"));
    assert_eq!(summary.matches("<li>").count(), 0);
    assert!(summary.contains("Overall score: <strong>100 %</strong>"));
    assert!(summary.contains("Completion: <strong>100 %</strong>"));
}

#[test]
fn summary_has_accessible_charts_and_data_tables() {
    let mut a = assessment(Scale::Conformity);
    rate_within(&mut a, "4", Rating::Partial);
    let html = report(&a);
    let summary = section(&html, "summary");
    assert_eq!(summary.matches("<svg ").count(), 2);
    assert_eq!(summary.matches("role=\"img\"").count(), 2);
    assert!(summary.contains(
        "aria-label=\"Bar chart of the score per clause: 4 Context 50 %, 5 Leadership no score,"
    ));
    assert!(summary.contains("aria-label=\"Radar chart of the score per clause: 4 Context 50 %,"));
    // Per-clause table plus one data table per chart, 7 clauses each.
    assert_eq!(summary.matches("<tr class=\"clause\">").count(), 7);
    assert_eq!(summary.matches("<tr class=\"chart-data\">").count(), 14);
    // The 50 % bar: plot 560 wide and 200 high, slot 80, bar 48 wide at x 16, half the height.
    assert!(summary
        .contains("<rect class=\"bar\" x=\"16.0\" y=\"100.0\" width=\"48.0\" height=\"100.0\">"));
}

#[test]
fn appendix_has_one_row_per_requirement() {
    let mut a = assessment(Scale::Conformity);
    a.edit_answer("4.1.1", 1.0, |x| {
        x.rating = Some(Rating::NotApplicable);
        x.na_justification = "Hosting is run by our parent company".into();
        x.na_other_party = true;
        x.notes = "Checked with the CIO".into();
        x.evidence = "Contract 12\nSLA 3".into();
    });
    let html = report(&a);
    let appendix = section(&html, "appendix");
    assert_eq!(
        appendix.matches("<tr class=\"answer\">").count(),
        REQUIREMENTS.len()
    );
    assert_eq!(
        appendix.matches("<td>Not assessed</td>").count(),
        REQUIREMENTS.len() - 1
    );
    assert!(appendix.contains(
        "<td>Not applicable</td><td><bdi>Checked with the CIO</bdi></td><td><bdi>Contract 12\nSLA 3</bdi></td>\
         <td>Met by another party under 8.2.3 control. <bdi>Hosting is run by our parent company</bdi></td>"
    ));
}

#[test]
fn gaps_are_ordered_by_weighted_distance_to_target_unanswered_apart() {
    let mut a = assessment(Scale::Conformity); // target: partially in place (0.5)
    for c in ["4", "5", "6", "7", "8", "9", "10"] {
        rate_within(&mut a, c, Rating::InPlace);
    }
    let light = REQUIREMENTS.iter().find(|r| r.weight == 1).unwrap();
    let heavy = REQUIREMENTS.iter().find(|r| r.weight == 3).unwrap();
    let middle = REQUIREMENTS.iter().find(|r| r.weight == 2).unwrap();
    a.edit_answer(light.id, 2.0, |x| x.rating = Some(Rating::NotInPlace)); // 0.5 x 1
    a.edit_answer(heavy.id, 2.0, |x| x.rating = Some(Rating::NotInPlace)); // 0.5 x 3
    a.edit_answer(middle.id, 2.0, |x| x.rating = Some(Rating::NotApplicable)); // no justification: 0.5 x 2
    let unassessed = REQUIREMENTS.iter().rfind(|r| r.weight == 1).unwrap();
    a.answers.remove(unassessed.id); // still to assess, not a gap
    let html = report(&a);
    let gaps = section(&html, "gaps");
    assert_eq!(gaps.matches("<tr class=\"gap\">").count(), 3);
    let at = |id: &str| {
        gaps.find(&format!("<tr class=\"gap\"><th scope=\"row\">{id}</th>"))
            .unwrap()
    };
    assert!(at(heavy.id) < at(middle.id) && at(middle.id) < at(light.id));
    assert!(gaps.contains("<td>Not applicable</td><td>2</td><td>1.0</td>"));
    assert!(gaps.contains("<td>Not in place</td><td>3</td><td>1.5</td>"));
    assert!(!gaps.contains("<td>Not assessed</td>"));
    assert!(gaps.contains("1 requirement is still to assess."));
    assert_eq!(gaps.matches("<tr class=\"to-assess\">").count(), 1);
}

#[test]
fn action_plan_and_documented_information_show_what_was_entered() {
    let mut a = assessment(Scale::Conformity);
    let documented = REQUIREMENTS
        .iter()
        .find(|r| r.doc != DocKind::None)
        .unwrap();
    a.edit_answer(documented.id, 1.0, |x| {
        x.doc_status = Some(DocStatus::Missing);
        x.action = "Write the policy".into();
        x.owner = "Sam".into();
        x.due = "2025-06-30".into();
        x.action_status = ActionStatus::InProgress;
    });
    let html = report(&a);
    let actions = section(&html, "actions");
    assert_eq!(actions.matches("<tr class=\"action\">").count(), 1);
    assert!(actions.contains(
        "<td><bdi>Write the policy</bdi></td><td><bdi>Sam</bdi></td><td><bdi>2025-06-30</bdi></td><td>In progress</td>"
    ));
    let docs = section(&html, "documents");
    // One row per document or record, as the results page lists them.
    let expected = gaps::doc_checklist(&a).len();
    assert_eq!(docs.matches("<tr class=\"document\">").count(), expected);
    assert_eq!(docs.matches("<td>Missing</td></tr>").count(), 1);
    assert_eq!(
        docs.matches("<td>Not checked</td></tr>").count(),
        expected - 1
    );
}

#[test]
fn report_is_self_contained_and_balanced() {
    let mut a = assessment(Scale::Conformity);
    rate_within(&mut a, "8", Rating::Partial);
    let html = report(&a);
    for banned in [
        "<script", "http", "//", " src=", "href=", "@import", "url(", "<link", "<iframe",
    ] {
        assert!(!html.contains(banned), "report contains {banned}");
    }
    for tag in [
        "table", "section", "svg", "figure", "tr", "bdi", "style", "main",
    ] {
        let opens =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        let closes = html.matches(&format!("</{tag}>")).count();
        assert!(opens > 0, "no <{tag}>");
        assert_eq!(
            opens, closes,
            "<{tag}> opened {opens} times, closed {closes}"
        );
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("tr { break-inside: avoid; page-break-inside: avoid; }"));
}

#[test]
fn hostile_input_comes_out_as_inert_text() {
    let script = "<script>alert(1)</script>";
    let long = "A&".repeat(50_000); // 100 KB
    let mut a = assessment(Scale::Conformity);
    a.name = format!("{script}\u{202E}gnp.exe");
    a.organisation = "\"><img src=x onerror=alert(1)>".into();
    a.scope = "e\u{301}mojis 👩‍👩‍👧 and \u{202E}reversed".into();
    a.edit_answer("4.1.1", 1.0, |x| {
        x.rating = Some(Rating::Partial);
        x.notes = long.clone();
        x.evidence = "<a href=\"javascript:alert(1)\">click</a>".into();
        x.action = "' onmouseover='alert(1)".into();
    });
    let html = report(&a);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<a "));
    assert!(!html.contains("' onmouseover='"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;"));
    assert!(html.contains("&#39; onmouseover=&#39;alert(1)"));
    assert!(html.contains(&"A&amp;".repeat(50_000)));
    assert!(html.contains("e\u{301}mojis 👩‍👩‍👧"));
    // Every right-to-left override sits inside an isolate (<bdi>, or FSI...PDI in the title).
    for (i, _) in html.match_indices('\u{202E}') {
        let before = &html[..i];
        let in_bdi = before.rfind("<bdi>") > before.rfind("</bdi>");
        let in_fsi = before.rfind('\u{2068}') > before.rfind('\u{2069}');
        assert!(in_bdi || in_fsi, "override at {i} is not isolated");
    }
    // The name in the title and on the cover, the scope on the cover.
    assert_eq!(html.matches('\u{202E}').count(), 3);
}

#[test]
fn an_empty_assessment_gives_a_report_without_nan() {
    let a = NewAssessment {
        name: "x".into(),
        ..Default::default()
    }
    .build("e".into(), 0.0)
    .unwrap();
    let html = html_report(&a, "", "", "");
    assert!(!html.contains("NaN"));
    assert!(!html.contains("inf %"));
    assert!(html.contains("Overall score: <strong>no score</strong>"));
    assert!(html.contains("Completion: <strong>0 %</strong>"));
    assert!(html.contains("<dt>Organisation</dt><dd><span class=\"none\">Not given</span></dd>"));
    assert!(html.contains("No action has been planned yet."));
    assert!(!html.contains("<bdi></bdi>"));
}
