//! The certification journey read from an assessment.

use iso20000_readiness::domain::assessment::{Assessment, NewAssessment, Rating, Scale};
use iso20000_readiness::domain::catalogue::{requirements_within, REQUIREMENTS};
use iso20000_readiness::domain::journey::{journey, StepState};

fn new_assessment(scale: Scale) -> Assessment {
    NewAssessment {
        name: "x".into(),
        scale,
        ..Default::default()
    }
    .build("x".into(), 0.0)
    .unwrap()
}

fn state(steps: &[iso20000_readiness::domain::journey::StepStatus], id: &str) -> StepState {
    steps.iter().find(|s| s.id == id).unwrap().state
}

#[test]
fn an_empty_assessment_is_at_the_start() {
    let a = new_assessment(Scale::default());
    let steps = journey(&a);
    assert_eq!(steps.len(), 7);
    assert_eq!(state(&steps, "scope"), StepState::InProgress);
    assert_eq!(state(&steps, "gap"), StepState::InProgress);
    assert_eq!(state(&steps, "check"), StepState::Blocked);
    assert_eq!(state(&steps, "certify"), StepState::NotYet);
}

#[test]
fn internal_audit_not_in_place_stops_the_journey_before_stage_1() {
    let mut a = new_assessment(Scale::Conformity);
    for r in REQUIREMENTS {
        a.edit_answer(r.id, 1.0, |x| x.rating = Some(Rating::InPlace));
    }
    let steps = journey(&a);
    assert!(steps.iter().all(|s| s.state != StepState::Blocked));
    assert_eq!(state(&steps, "certify"), StepState::InProgress);
    let audit = requirements_within("9.2").next().unwrap().id;
    a.edit_answer(audit, 2.0, |x| x.rating = Some(Rating::NotInPlace));
    let steps = journey(&a);
    assert_eq!(state(&steps, "check"), StepState::Blocked);
    assert!(steps
        .iter()
        .find(|s| s.id == "check")
        .unwrap()
        .note
        .contains("stops before Stage 1"));
    assert_eq!(state(&steps, "certify"), StepState::NotYet);
    assert_eq!(state(&steps, "gap"), StepState::Done);
}

/// The results page scores an assessment once and gives the journey that scorecard and verdict: it must
/// read exactly as `journey` computing them itself.
#[test]
fn the_journey_from_a_computed_scorecard_is_the_same() {
    use iso20000_readiness::domain::journey::journey_with;
    use iso20000_readiness::domain::scoring::{Scorecard, Verdict};
    let mut a = new_assessment(Scale::Conformity);
    let check = |a: &Assessment| {
        assert_eq!(
            journey_with(a, &Scorecard::of(a), &Verdict::of(a)),
            journey(a)
        );
    };
    check(&a);
    for (i, r) in REQUIREMENTS.iter().enumerate() {
        let rating = [Rating::InPlace, Rating::Partial, Rating::NotInPlace][i % 3];
        a.edit_answer(r.id, 1.0, |x| x.rating = Some(rating));
    }
    check(&a);
    for r in REQUIREMENTS {
        a.edit_answer(r.id, 2.0, |x| x.rating = Some(Rating::InPlace));
    }
    check(&a);
}

#[test]
fn the_implement_step_counts_findings_apart_from_what_is_still_to_assess() {
    use iso20000_readiness::domain::assessment::{NewAssessment, Rating};
    let mut a = NewAssessment {
        name: "Journey".into(),
        ..Default::default()
    }
    .build("j".into(), 0.0)
    .unwrap();
    a.edit_answer("4.1.1", 1.0, |x| x.rating = Some(Rating::NotInPlace));
    // Good practice and orientation checks are not counted (tests/good_practice.rs).
    let total = iso20000_readiness::domain::catalogue::REQUIREMENTS
        .iter()
        .filter(|r| r.counts_for_conformity())
        .count();
    let step = journey(&a)
        .into_iter()
        .find(|s| s.id == "implement")
        .unwrap();
    assert_eq!(
        step.note,
        format!(
            "1 finding to close; {} requirements still to assess.",
            total - 1
        )
    );
}
