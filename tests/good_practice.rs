//! Good practice and orientation checks are shown to the user but never counted: the conformity score and
//! the Stage 1 verdict rest on the obligations of ISO/IEC 20000-1:2018 alone.

use iso20000_readiness::domain::assessment::{Assessment, NewAssessment, Rating, Scale};
use iso20000_readiness::domain::catalogue::{self, Requirement, RequirementKind, REQUIREMENTS};
use iso20000_readiness::domain::scoring::{Scorecard, Verdict};

fn assessment() -> Assessment {
    NewAssessment {
        name: "Test".into(),
        scale: Scale::Conformity,
        ..Default::default()
    }
    .build("t1".into(), 0.0)
    .unwrap()
}

fn rate(a: &mut Assessment, id: &str, r: Rating) {
    a.edit_answer(id, 1.0, |x| x.rating = Some(r));
}

const fn req(id: &'static str, weight: u8, kind: RequirementKind) -> Requirement {
    Requirement::unlisted(id, "4.1", weight, kind)
}

/// One obligation and two heavier statements that are not obligations.
static REQS: [Requirement; 3] = [
    req("4.1.1", 1, RequirementKind::Requirement),
    req("4.1.2", 3, RequirementKind::GoodPractice),
    req("4.1.3", 3, RequirementKind::Orientation),
];

#[test]
fn only_obligations_count_for_conformity() {
    assert!(REQS[0].counts_for_conformity());
    assert!(!REQS[1].counts_for_conformity());
    assert!(!REQS[2].counts_for_conformity());
}

#[test]
fn a_poor_good_practice_rating_leaves_the_score_alone() {
    let mut a = assessment();
    rate(&mut a, "4.1.1", Rating::InPlace);
    rate(&mut a, "4.1.2", Rating::NotInPlace);
    rate(&mut a, "4.1.3", Rating::NotInPlace);
    let card = Scorecard::over(&a, REQS.iter());
    assert_eq!(card.overall.score(), Some(1.0));
    assert_eq!(card.overall.total, 1);
    assert_eq!(card.clause("4.1").score(), Some(1.0));
}

#[test]
fn unanswered_good_practice_does_not_block_stage_1() {
    let mut a = assessment();
    rate(&mut a, "4.1.1", Rating::InPlace);
    let v = Verdict::over(&a, REQS.iter());
    assert!(v.ready(), "blockers: {:?}", v.blockers);
    // The obligation alone decides: unanswered, it blocks.
    let v = Verdict::over(&assessment(), REQS.iter());
    assert_eq!(v.blockers.len(), 1);
    assert_eq!(v.blockers[0].requirement.id, "4.1.1");
}

#[test]
fn the_real_catalogue_scores_without_its_good_practice() {
    let practice: Vec<&Requirement> = REQUIREMENTS
        .iter()
        .filter(|r| !r.counts_for_conformity())
        .collect();
    assert!(
        practice.len() >= 15,
        "the review names at least 15 practice or orientation statements, found {}",
        practice.len()
    );
    // Every obligation in place, every good-practice statement not in place: full score, ready.
    let mut a = assessment();
    for r in REQUIREMENTS {
        let rating = if r.counts_for_conformity() {
            Rating::InPlace
        } else {
            Rating::NotInPlace
        };
        rate(&mut a, r.id, rating);
    }
    assert_eq!(Scorecard::of(&a).overall.score(), Some(1.0));
    assert!(Verdict::of(&a).ready());
    // And the other way round: good practice alone in place gives no credit.
    let mut b = assessment();
    for r in &practice {
        rate(&mut b, r.id, Rating::InPlace);
    }
    assert_eq!(Scorecard::of(&b).overall.score(), None);
    assert!(!Verdict::of(&b).ready());
}

#[test]
fn the_review_s_practice_items_are_labelled() {
    for id in [
        "4.2.3",
        "5.2.1.5",
        "5.3.5",
        "7.5.2.4",
        "8.2.1.4",
        "8.2.1.5",
        "8.2.5.4",
        "8.4.1.2",
        "8.5.1.1.4",
        "8.5.1.2.4",
        "8.5.3.4",
        "9.2.6",
    ] {
        let r = catalogue::requirement(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(r.kind, RequirementKind::GoodPractice, "{id}");
    }
    for r in catalogue::requirements_within("8.3.1") {
        assert_eq!(r.kind, RequirementKind::Orientation, "{}", r.id);
    }
}

#[test]
fn the_report_says_which_items_are_good_practice() {
    use iso20000_readiness::domain::export::report::html_report;
    let practice = REQUIREMENTS
        .iter()
        .find(|r| r.kind == RequirementKind::GoodPractice)
        .expect("the catalogue labels some good practice");
    let obligation = REQUIREMENTS
        .iter()
        .find(|r| r.kind == RequirementKind::Requirement)
        .unwrap();
    let mut a = assessment();
    rate(&mut a, practice.id, Rating::NotInPlace);
    let html = html_report(&a, "2026-12-01", "0.1.0", "cat");
    let rows: Vec<&str> = html
        .split("<tr")
        .filter_map(|r| r.split("</tr>").next())
        .collect();
    let row = rows
        .iter()
        .find(|row| row.contains(&format!(">{}<", practice.id)))
        .expect("the good-practice item has a row");
    assert!(row.contains("(Good practice, not counted)"), "{row}");
    let row = rows
        .iter()
        .find(|row| row.contains(&format!(">{}<", obligation.id)))
        .unwrap();
    assert!(!row.contains("not counted"));
}
