//! Every output tells the same story: for generated assessments (unjustified N/A, not assessed, both
//! scales), the results data, the HTML report, the action-plan CSV and the answers CSV agree on the gaps,
//! their order and every figure.

use iso20000_readiness::domain::analysis::Analysis;
use iso20000_readiness::domain::assessment::{
    ActionStatus, Assessment, DocStatus, NewAssessment, Rating, Scale,
};
use iso20000_readiness::domain::catalogue::REQUIREMENTS;
use iso20000_readiness::domain::exchange::{action_plan_csv, answers_csv, export_result};
use iso20000_readiness::domain::report::html_report;
use proptest::prelude::*;

/// One generated answer: which requirement, and what was entered.
#[derive(Debug, Clone)]
struct Entry {
    req: usize,
    /// Index into the scale's ratings, or one past the end for not applicable, or None for no rating.
    rating: Option<usize>,
    other_party: bool,
    justified: bool,
    action: bool,
    owner: bool,
    due: Option<u8>,
    status: usize,
    doc: Option<usize>,
    note: bool,
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        0..REQUIREMENTS.len(),
        proptest::option::of(0usize..7),
        any::<(bool, bool, bool, bool, bool)>(),
        proptest::option::of(1u8..28),
        0usize..3,
        proptest::option::of(0usize..3),
    )
        .prop_map(
            |(req, rating, (other_party, justified, action, owner, note), due, status, doc)| {
                Entry {
                    req,
                    rating,
                    other_party,
                    justified,
                    action,
                    owner,
                    due,
                    status,
                    doc,
                    note,
                }
            },
        )
}

fn build(capability: bool, target: usize, entries: &[Entry]) -> Assessment {
    let scale = if capability {
        Scale::Capability
    } else {
        Scale::Conformity
    };
    let mut a = NewAssessment {
        name: "Generated".into(),
        scale,
        ..Default::default()
    }
    .build("gen".into(), 0.0)
    .unwrap();
    let ratings = scale.ratings();
    a.target = ratings[target % ratings.len()];
    for e in entries {
        let id = REQUIREMENTS[e.req].id;
        a.edit_answer(id, 1.0, |x| {
            x.rating = e.rating.map(|i| {
                if i >= ratings.len() {
                    Rating::NotApplicable
                } else {
                    ratings[i]
                }
            });
            x.na_other_party = e.other_party;
            if e.justified {
                x.na_justification = "Run by the parent company".into();
            }
            if e.action {
                x.action = format!("Fix {id}, \"soon\"");
            }
            if e.owner {
                x.owner = "Sam".into();
            }
            if let Some(d) = e.due {
                x.due = format!("2027-01-{d:02}");
            }
            x.action_status = ActionStatus::ALL[e.status];
            x.doc_status = e
                .doc
                .map(|i| [DocStatus::Present, DocStatus::Partial, DocStatus::Missing][i]);
            if e.note {
                x.notes = "checked".into();
            }
        });
    }
    a
}

/// The cells of a row of the report, as text (tags removed).
fn cells(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    for cell in row.split("</t").take_while(|c| !c.is_empty()) {
        let Some(start) = cell.find('>') else {
            continue;
        };
        let inner = &cell[start + 1..];
        let mut text = String::new();
        let mut in_tag = false;
        for ch in inner.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push(text);
    }
    out
}

/// Rows of the report's tables with class `row_class`, each as its cells' text.
fn table_rows(html: &str, row_class: &str) -> Vec<Vec<String>> {
    let open = format!("<tr class=\"{row_class}\">");
    html.split(&open)
        .skip(1)
        .map(|rest| cells(&rest[..rest.find("</tr>").unwrap()]))
        .collect()
}

/// Records of a CSV written by the app (quoted fields may hold commas, quotes and line breaks).
fn csv_records(csv: &str) -> Vec<Vec<String>> {
    let text = csv.trim_start_matches('\u{FEFF}');
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn results_report_and_csvs_agree(
        capability in any::<bool>(),
        target in 0usize..6,
        entries in proptest::collection::vec(entry(), 0..40),
    ) {
        let a = build(capability, target, &entries);
        let analysis = Analysis::of(&a);

        // Gaps: rated below target or not applicable without justification; never unassessed.
        let gap_ids: Vec<&str> = analysis.gaps.iter().map(|g| g.requirement.id).collect();
        for g in &analysis.gaps {
            prop_assert!(a.rating(g.requirement.id).is_some(), "{} is not assessed but listed as a gap", g.requirement.id);
        }

        // The HTML report: same gaps, same order, same figures.
        let html = html_report(&a, "2027-01-01", "0.1.0", "cat");
        let rows = table_rows(&html, "gap");
        let report_ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        prop_assert_eq!(&report_ids, &gap_ids);
        for (row, g) in rows.iter().zip(&analysis.gaps) {
            prop_assert!(row.contains(&g.rating_label()), "{row:?} lacks {}", g.rating_label());
            prop_assert!(row.contains(&g.priority_label()), "{row:?} lacks {}", g.priority_label());
        }

        // The action plan: same items, same order, in the report and the CSV.
        let plan_ids: Vec<&str> = analysis.action_plan.iter().map(|i| i.requirement.id).collect();
        let report_plan: Vec<String> = table_rows(&html, "action")
            .iter()
            .map(|r| r[0].split(' ').next().unwrap_or("").to_string())
            .collect();
        prop_assert_eq!(&report_plan, &plan_ids);
        let plan_csv = csv_records(&action_plan_csv(&a));
        let req = column(&plan_csv[0], "Requirement");
        let csv_plan: Vec<&str> = plan_csv[1..].iter().map(|r| r[req].as_str()).collect();
        prop_assert_eq!(&csv_plan, &plan_ids);

        // The answers CSV: the same requirements are gaps, with the same priority.
        let answers = csv_records(&answers_csv(&a));
        let (req, priority) = (column(&answers[0], "Requirement"), column(&answers[0], "Gap priority"));
        let mut csv_gaps: Vec<(&str, &str)> = answers[1..]
            .iter()
            .filter(|r| !r[priority].is_empty())
            .map(|r| (r[req].as_str(), r[priority].as_str()))
            .collect();
        let mut expected: Vec<(&str, String)> =
            analysis.gaps.iter().map(|g| (g.requirement.id, g.priority_label())).collect();
        csv_gaps.sort();
        expected.sort();
        let expected: Vec<(&str, &str)> = expected.iter().map(|(i, p)| (*i, p.as_str())).collect();
        prop_assert_eq!(csv_gaps, expected);

        // Still to assess: every counted requirement without a rating (good practice is never in the way),
        // counted per clause, never among the gaps.
        let unrated = REQUIREMENTS
            .iter()
            .filter(|r| r.counts_for_conformity() && a.rating(r.id).is_none())
            .count();
        prop_assert_eq!(analysis.still_to_assess.total(), unrated);
        let sentence = analysis.still_to_assess_sentence();
        prop_assert!(html.contains(&sentence), "the report lacks {}", sentence);

        // The result file's summary.
        let file: serde_json::Value =
            serde_json::from_str(&export_result(&a, "0.1.0", "cat", "2027-01-01T00:00:00Z")).unwrap();
        let summary = &file["summary"];
        prop_assert_eq!(summary["gaps"].as_u64(), Some(analysis.gaps.len() as u64));
        prop_assert_eq!(summary["still_to_assess"].as_u64(), Some(unrated as u64));
        prop_assert_eq!(summary["planned_actions"].as_u64(), Some(analysis.action_plan.len() as u64));
        prop_assert_eq!(summary["overall_score"].as_f64(), analysis.scorecard.overall.score());

        // Headline figures: the report shows the results' scores.
        let overall = format!("Overall score: <strong>{}</strong>", analysis.overall_label());
        prop_assert!(html.contains(&overall), "the report lacks {}", overall);
    }
}
