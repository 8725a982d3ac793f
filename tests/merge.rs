//! Consolidation keeps every respondent's work with attribution; the merge rules; the answers CSV read back.

use iso20000_readiness::domain::assessment::{
    ActionStatus, Answer, Assessment, DocStatus, Rating, Scale,
};
use iso20000_readiness::domain::catalogue::REQUIREMENTS;
use iso20000_readiness::domain::exchange::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn assessment(scale: Scale, answers: BTreeMap<String, Answer>) -> Assessment {
    Assessment {
        id: "a1".into(),
        name: "View".into(),
        organisation: "ACME".into(),
        scope: "Service desk".into(),
        assessor: String::new(),
        scale,
        target: scale.default_target(),
        created: 1.0,
        updated: 1.0,
        answers,
    }
}

fn rated(who: &str, scale: Scale, ratings: &[(&str, Rating)]) -> (String, Assessment) {
    let answers = ratings
        .iter()
        .map(|(id, r)| {
            (
                id.to_string(),
                Answer {
                    rating: Some(*r),
                    ..Answer::default()
                },
            )
        })
        .collect();
    (who.to_string(), assessment(scale, answers))
}

fn merged_rating(rule: MergeRule, scale: Scale, ratings: &[Rating]) -> Option<Rating> {
    let respondents: Vec<_> = ratings
        .iter()
        .enumerate()
        .map(|(i, r)| rated(&format!("R{i}"), scale, &[("4.1.1", *r)]))
        .collect();
    let c = merge(&respondents).unwrap();
    let a = c.to_assessment(rule, &BTreeMap::new(), "m".into(), "M".into(), 0.0);
    a.rating("4.1.1")
}

#[test]
fn each_rule_picks_its_rating() {
    use Rating::*;
    let c = Scale::Conformity;
    let three = [NotInPlace, InPlace, Partial];
    assert_eq!(merged_rating(MergeRule::Median, c, &three), Some(Partial));
    assert_eq!(
        merged_rating(MergeRule::Lowest, c, &three),
        Some(NotInPlace)
    );
    assert_eq!(merged_rating(MergeRule::Highest, c, &three), Some(InPlace));
    assert_eq!(merged_rating(MergeRule::Base(1), c, &three), Some(InPlace));
    assert_eq!(merged_rating(MergeRule::Base(2), c, &three), Some(Partial));
}

#[test]
fn an_even_count_takes_the_midpoint_rounded_down_to_a_rating() {
    use Rating::*;
    let c = Scale::Conformity;
    // Two respondents: the median is no longer simply the lower one.
    assert_eq!(
        merged_rating(MergeRule::Median, c, &[NotInPlace, InPlace]),
        Some(Partial)
    );
    // Midpoint 0.75 lies exactly between Partial and In place: the cautious (lower) one.
    assert_eq!(
        merged_rating(MergeRule::Median, c, &[Partial, InPlace]),
        Some(Partial)
    );
    assert_eq!(
        merged_rating(MergeRule::Median, c, &[InPlace, InPlace]),
        Some(InPlace)
    );
    let cap = Scale::Capability;
    assert_eq!(
        merged_rating(MergeRule::Median, cap, &[Level(1), Level(4)]),
        Some(Level(2))
    );
    assert_eq!(
        merged_rating(MergeRule::Median, cap, &[Level(1), Level(5)]),
        Some(Level(3))
    );
    assert_eq!(
        merged_rating(
            MergeRule::Median,
            cap,
            &[Level(0), Level(2), Level(3), Level(5)]
        ),
        Some(Level(2)),
        "midpoint of 2 and 3 is 2.5: the lower"
    );
    // Not applicable counts for nothing while others rate.
    assert_eq!(
        merged_rating(MergeRule::Median, c, &[NotApplicable, NotInPlace, InPlace]),
        Some(Partial)
    );
    assert_eq!(
        merged_rating(MergeRule::Median, c, &[NotApplicable, NotApplicable]),
        Some(NotApplicable)
    );
}

#[test]
fn a_pick_overrides_the_rule_for_its_requirement_only() {
    use Rating::*;
    let c = Scale::Conformity;
    let respondents = [
        rated("Ann", c, &[("4.1.1", NotInPlace), ("4.1.2", NotInPlace)]),
        rated("Bo", c, &[("4.1.1", InPlace), ("4.1.2", InPlace)]),
    ];
    let merged = merge(&respondents).unwrap();
    let picks = BTreeMap::from([
        ("4.1.1".to_string(), Pick::Respondent(1)),
        ("4.1.2".to_string(), Pick::Rating(Partial)),
    ]);
    let a = merged.to_assessment(MergeRule::Lowest, &picks, "m".into(), "M".into(), 0.0);
    assert_eq!(a.rating("4.1.1"), Some(InPlace));
    assert_eq!(a.rating("4.1.2"), Some(Partial));
    // A rating that does not fit the scale is ignored in favour of the rule.
    let bad = BTreeMap::from([("4.1.1".to_string(), Pick::Rating(Level(3)))]);
    let a = merged.to_assessment(MergeRule::Lowest, &bad, "m".into(), "M".into(), 0.0);
    assert_eq!(a.rating("4.1.1"), Some(NotInPlace));
}

#[test]
fn not_applicable_against_a_rating_is_a_difference() {
    use Rating::*;
    let c = Scale::Conformity;
    let respondents = [
        rated("Ann", c, &[("4.2.4", NotApplicable), ("4.1.1", InPlace)]),
        rated("Bo", c, &[("4.2.4", InPlace), ("4.1.1", InPlace)]),
    ];
    let merged = merge(&respondents).unwrap();
    let differs: Vec<(&str, bool)> = merged
        .items
        .iter()
        .map(|i| (i.requirement.as_str(), i.differs()))
        .collect();
    assert_eq!(differs, [("4.1.1", false), ("4.2.4", true)]);
}

#[test]
fn the_rule_is_stated_in_words() {
    let names = ["Ann".to_string(), "Bo".to_string()];
    assert!(MergeRule::Median.describe(&names).contains("even number"));
    assert!(MergeRule::Lowest.describe(&names).contains("lowest"));
    assert!(MergeRule::Highest.describe(&names).contains("highest"));
    assert!(MergeRule::Base(1).describe(&names).contains("Bo's rating"));
}

#[test]
fn the_consultants_case_keeps_both_actions_owners_and_the_justification() {
    // Issue 14: one "In place" with notes, an action and an owner; the other "Not applicable" with a
    // justification, notes, an action and an owner.
    let c = Scale::Conformity;
    let one = Answer {
        rating: Some(Rating::InPlace),
        notes: "Context reviewed in March".into(),
        action: "Publish the context summary".into(),
        owner: "Alex".into(),
        due: "2027-01-31".into(),
        action_status: ActionStatus::InProgress,
        ..Answer::default()
    };
    let two = Answer {
        rating: Some(Rating::NotApplicable),
        na_justification: "Handled by the group".into(),
        notes: "See group ISMS".into(),
        action: "Ask the group for its analysis".into(),
        owner: "Bea".into(),
        due: "2026-12-20".into(),
        ..Answer::default()
    };
    let respondents = [
        (
            "Alex".to_string(),
            assessment(c, BTreeMap::from([("4.1.1".into(), one)])),
        ),
        (
            "Bea".to_string(),
            assessment(c, BTreeMap::from([("4.1.1".into(), two)])),
        ),
    ];
    let merged = merge(&respondents).unwrap();
    assert!(merged.items[0].differs());
    let a = merged.to_assessment(
        MergeRule::Median,
        &BTreeMap::new(),
        "m".into(),
        "M".into(),
        0.0,
    );
    let x = &a.answers["4.1.1"];
    assert_eq!(
        x.rating,
        Some(Rating::InPlace),
        "not applicable counts for nothing"
    );
    assert_eq!(
        x.notes,
        "Alex: Context reviewed in March\nBea: See group ISMS"
    );
    assert_eq!(x.na_justification, "Bea: Handled by the group");
    assert_eq!(
        x.action,
        "Alex: Publish the context summary (owner Alex, due 2027-01-31, in progress)\n\
         Bea: Ask the group for its analysis (owner Bea, due 2026-12-20, open)"
    );
    assert_eq!(x.owner, "Alex, Bea");
    assert_eq!(x.due, "2026-12-20", "the earliest due date");
    assert_eq!(
        x.action_status,
        ActionStatus::Open,
        "the least advanced status"
    );
    // It survives the result file and shows in both CSVs.
    let file = export_result(&a, "0.1.0", "2026.1", "2026-12-01T10:00:00Z");
    assert_eq!(
        import_result(file.as_bytes(), &is_catalogue_requirement)
            .unwrap()
            .assessment,
        a
    );
    let plan = action_plan_csv(&a);
    assert!(
        plan.contains("Alex: Publish the context summary") && plan.contains("Bea: Ask the group")
    );
    assert!(answers_csv(&a).contains("Bea: Handled by the group"));
}

#[test]
fn same_names_are_told_apart_and_blank_ones_numbered() {
    let c = Scale::Conformity;
    let respondents = [
        rated("Sam", c, &[]),
        rated(" ", c, &[]),
        rated("Sam", c, &[]),
    ];
    let merged = merge(&respondents).unwrap();
    assert_eq!(merged.respondents, ["Sam (1)", "Respondent 2", "Sam (3)"]);
}

#[test]
fn merge_errors_are_typed() {
    let a = rated("A", Scale::Conformity, &[]);
    let b = rated("B", Scale::Capability, &[]);
    assert_eq!(merge(std::slice::from_ref(&a)), Err(MergeError::TooFew));
    assert!(matches!(
        merge(&[a, b]),
        Err(MergeError::MixedScales { ref who, scale: Scale::Capability, .. }) if who == "B"
    ));
}

// ------------------------------------------------------------------ every field of every respondent kept

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-zA-Z][a-zA-Z ,.=\"'-]{0,20}"]
}

fn answer(scale: Scale) -> impl Strategy<Value = Answer> {
    let mut ratings: Vec<Option<Rating>> = scale.ratings().into_iter().map(Some).collect();
    ratings.push(Some(Rating::NotApplicable));
    ratings.push(None);
    (
        proptest::sample::select(ratings),
        (text(), text(), text()),
        (
            text(),
            text(),
            prop_oneof![Just(String::new()), Just("2027-03-01".to_string())],
        ),
        proptest::sample::select(ActionStatus::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(DocStatus::ALL.to_vec())),
    )
        .prop_map(
            |(rating, (na, notes, evidence), (owner, action, due), status, doc_status)| {
                let mut a = Answer {
                    rating,
                    na_justification: na,
                    notes,
                    evidence,
                    owner,
                    due,
                    action,
                    action_status: status,
                    doc_status,
                    ..Answer::default()
                };
                if !a.has_plan() {
                    a.action_status = ActionStatus::Open;
                }
                a
            },
        )
}

fn respondents() -> impl Strategy<Value = Vec<(String, Assessment)>> {
    let ids: Vec<String> = REQUIREMENTS
        .iter()
        .take(6)
        .map(|r| r.id.to_string())
        .collect();
    proptest::sample::select(vec![Scale::Conformity, Scale::Capability]).prop_flat_map(
        move |scale| {
            let ids = ids.clone();
            proptest::collection::vec(
                proptest::collection::btree_map(proptest::sample::select(ids), answer(scale), 0..6),
                2..=5,
            )
            .prop_map(move |views| {
                views
                    .into_iter()
                    .enumerate()
                    .map(|(i, answers)| {
                        let answers = answers.into_iter().filter(|(_, a)| !a.is_blank()).collect();
                        (format!("Person {i}"), assessment(scale, answers))
                    })
                    .collect()
            })
        },
    )
}

proptest! {
    #[test]
    fn merge_keeps_every_field_of_every_respondent_with_attribution(
        respondents in respondents(),
        rule in proptest::sample::select(vec![MergeRule::Median, MergeRule::Lowest, MergeRule::Highest, MergeRule::Base(0)]),
    ) {
        let merged = merge(&respondents).unwrap();
        let a = merged.to_assessment(rule, &BTreeMap::new(), "m".into(), "M".into(), 0.0);
        for (who, view) in &respondents {
            for (id, given) in &view.answers {
                let item = merged.items.iter().find(|i| &i.requirement == id).expect("every answered id is an item");
                let response = item.answers.iter().find(|r| &r.who == who).expect("every response is kept");
                prop_assert_eq!(&response.answer, given);
                let kept = &a.answers[id];
                for (field, text) in [
                    (&kept.notes, &given.notes),
                    (&kept.evidence, &given.evidence),
                    (&kept.na_justification, &given.na_justification),
                ] {
                    if !text.trim().is_empty() {
                        let line = format!("{who}: {}", text.trim());
                        prop_assert!(field.lines().any(|l| l == line), "{line:?} missing from {field:?}");
                    }
                }
                if given.has_plan() {
                    let line = kept.action.lines().find(|l| l.starts_with(&format!("{who}: "))).expect("the action is kept");
                    if !given.action.trim().is_empty() {
                        prop_assert!(line.contains(given.action.trim()));
                    }
                    if !given.owner.trim().is_empty() {
                        let owner = format!("owner {}", given.owner.trim());
                        prop_assert!(line.contains(&owner));
                        prop_assert!(kept.owner.contains(given.owner.trim()));
                    }
                    if !given.due.is_empty() {
                        let due = format!("due {}", given.due);
                        prop_assert!(line.contains(&due));
                    }
                    prop_assert!(line.contains(&given.action_status.label().to_lowercase()));
                }
                if let Some(r) = given.rating {
                    prop_assert!(item.responses.contains(&(who.clone(), r)));
                }
            }
        }
        // The consolidated assessment is a valid one: it exports and imports unchanged.
        let file = export_result(&a, "0.1.0", "2026.1", "2026-12-01T10:00:00Z");
        prop_assert_eq!(import_result(file.as_bytes(), &is_catalogue_requirement).unwrap().assessment, a);
    }

    #[test]
    fn the_answers_csv_reads_back_to_equal_answers(respondents in respondents()) {
        let (_, a) = &respondents[0];
        let csv = answers_csv(a);
        let read = import_answers_csv(csv.as_bytes(), a.scale).unwrap();
        let mut back = assessment(a.scale, BTreeMap::new());
        read.apply(&mut back, 2.0);
        prop_assert_eq!(&back.answers, &a.answers);
    }
}

// ------------------------------------------------------------------------------------ the answers CSV in

fn header() -> String {
    answers_csv(&assessment(Scale::Conformity, BTreeMap::new()))
        .lines()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_spreadsheet_row_is_read_with_labels_codes_and_any_case() {
    let csv = format!(
        "{}\r\n8.1,4.1.1,Title,partially in place,50,,\"Notes, with a comma\",,Kim,2027-02-01,Write it,in progress,present,\r\n\
         ,4.1.2,,Not assessed,,,,,,,,,,\r\n",
        header()
    );
    let read = import_answers_csv(csv.as_bytes(), Scale::Conformity).unwrap();
    assert_eq!(read.answers.len(), 2);
    let (id, x) = &read.answers[0];
    assert_eq!(id, "4.1.1");
    assert_eq!(x.rating, Some(Rating::Partial));
    assert_eq!(x.notes, "Notes, with a comma");
    assert_eq!(x.action_status, ActionStatus::InProgress);
    assert_eq!(x.doc_status, Some(DocStatus::Present));
    assert!(
        read.answers[1].1.is_blank(),
        "a blank row clears its requirement"
    );
    // Applying it keeps requirements the file does not name.
    let mut a = assessment(Scale::Conformity, BTreeMap::new());
    a.edit_answer("5.1.1", 0.0, |x| x.rating = Some(Rating::InPlace));
    a.edit_answer("4.1.2", 0.0, |x| x.rating = Some(Rating::InPlace));
    assert_eq!(read.apply(&mut a, 3.0), 2);
    assert_eq!(a.rating("5.1.1"), Some(Rating::InPlace));
    assert_eq!(a.rating("4.1.2"), None);
    assert_eq!(a.rating("4.1.1"), Some(Rating::Partial));
}

#[test]
fn every_bad_row_is_named_and_nothing_is_read() {
    let csv = format!(
        "{}\n\
         ,4.1.1,,Sort of,,,,,,,,,,\n\
         ,99.9.9,,In place,,,,,,,,,,\n\
         ,4.1.2,,Level 3: Established,,,,,,12/10/2026,,Later,Lost,\n\
         ,4.1.3,,In place\n\
         ,4.1.1,,In place,,,,,,,,,,\n",
        header()
    );
    let Err(CsvImportError::Rows(rows)) = import_answers_csv(csv.as_bytes(), Scale::Conformity)
    else {
        panic!("rows refused");
    };
    let by_row: Vec<(usize, &str)> = rows.iter().map(|r| (r.row, r.problem.as_str())).collect();
    let rows_named: Vec<usize> = by_row.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows_named, [2, 3, 4, 4, 4, 4, 5, 6]);
    assert!(by_row[0].1.contains("\"Sort of\" is not one of"));
    assert!(by_row[1].1.contains("\"99.9.9\" is not in the catalogue"));
    assert!(
        by_row[2].1.contains("Level 3"),
        "a capability rating on a conformity assessment"
    );
    assert!(by_row[3].1.contains("YYYY-MM-DD"));
    assert!(by_row[4].1.contains("action status \"Later\""));
    assert!(by_row[5].1.contains("\"Lost\""));
    assert!(by_row[6].1.contains("has 4 cells"));
    assert!(by_row[7].1.contains("second time"));
    let message = CsvImportError::Rows(rows).to_string();
    assert!(
        message.starts_with("8 rows cannot be read, so nothing was imported."),
        "{message}"
    );
    assert!(message.contains("\nRow 4: the due date"));
}

#[test]
fn a_file_that_is_not_an_answers_csv_is_refused_plainly() {
    let wrong = import_answers_csv(b"Clause,Action\r\n4.1,x\r\n", Scale::Conformity).unwrap_err();
    assert!(matches!(wrong, CsvImportError::Header { .. }));
    assert!(wrong.to_string().contains("Answers (CSV)"));
    assert_eq!(
        import_answers_csv(b"", Scale::Conformity),
        Err(CsvImportError::Empty)
    );
    assert_eq!(
        import_answers_csv(&[0xff, 0xfe, 0x00], Scale::Conformity),
        Err(CsvImportError::NotUtf8)
    );
    let open = format!("{}\n,4.1.1,,In place,,,\"never closed,,,,,,\n", header());
    assert_eq!(
        import_answers_csv(open.as_bytes(), Scale::Conformity),
        Err(CsvImportError::UnclosedQuote { row: 2 })
    );
}

#[test]
fn a_cell_that_starts_like_a_formula_or_an_apostrophe_round_trips() {
    let mut a = assessment(Scale::Conformity, BTreeMap::new());
    a.edit_answer("4.1.1", 0.0, |x| {
        x.rating = Some(Rating::InPlace);
        x.notes = "=HYPERLINK(\"x\")".into();
        x.evidence = "'quoted' evidence".into();
        x.action = "-dash first".into();
    });
    let csv = answers_csv(&a);
    assert!(csv.contains("'=HYPERLINK"), "still defused on export");
    let read = import_answers_csv(csv.as_bytes(), a.scale).unwrap();
    let mut back = assessment(a.scale, BTreeMap::new());
    read.apply(&mut back, 0.0);
    assert_eq!(back.answers, a.answers);
}

// ------------------------------------------------------------------------------- importing a file twice

#[test]
fn a_file_imported_before_is_recognised_under_its_new_id_and_name() {
    let mut original = assessment(Scale::Conformity, BTreeMap::new());
    original.edit_answer("4.1.1", 5.0, |x| x.rating = Some(Rating::InPlace));
    let mut imported = original.clone();
    imported.id = "a-new".into();
    imported.name = "View (imported 2026-12-01)".into();
    let other = assessment(Scale::Capability, BTreeMap::new());
    let stored = vec![other.clone(), imported.clone()];
    assert_eq!(already_stored(&original, &stored), Some(&imported));
    // Any change in content makes it a different assessment.
    let mut changed = original.clone();
    changed.edit_answer("4.1.2", 6.0, |x| x.notes = "new".into());
    assert_eq!(already_stored(&changed, &stored), None);
    assert_eq!(already_stored(&original, &[other]), None);
}

// -------------------------------------------------------------------- words for the two kinds of compare

#[test]
fn a_baseline_moves_while_two_respondents_differ() {
    use iso20000_readiness::domain::gaps::{compare, Change, Perspective};
    let c = Scale::Conformity;
    let (_, a) = rated(
        "A",
        c,
        &[
            ("4.1.1", Rating::NotInPlace),
            ("4.1.2", Rating::NotApplicable),
        ],
    );
    let (_, b) = rated(
        "B",
        c,
        &[("4.1.1", Rating::InPlace), ("4.1.2", Rating::InPlace)],
    );
    let cmp = compare(&a, &b);
    assert_eq!(Perspective::Baseline.columns(), ("Before", "Now"));
    assert_eq!(Perspective::Respondents.columns(), ("A", "B"));
    assert_eq!(Perspective::Baseline.change(Change::Improved), "Improved");
    assert_eq!(Perspective::Baseline.change(Change::Worsened), "Worse");
    assert!(Perspective::Respondents
        .change(Change::Improved)
        .starts_with("Differs"));
    assert!(Perspective::Respondents
        .change(Change::NotApplicable)
        .starts_with("Differs"));
    let words = Perspective::Respondents.summary(&cmp);
    assert!(
        words.starts_with("A and B differ on 2 requirements"),
        "{words}"
    );
    assert!(!words.contains("improved") && !words.contains("worse"));
    let words = Perspective::Baseline.summary(&cmp);
    assert!(
        words.contains("1 improved") && words.contains("1 with a changed applicability"),
        "{words}"
    );
}
