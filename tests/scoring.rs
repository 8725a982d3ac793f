//! Scoring and the readiness verdict, with hand-computed expectations.

use iso20000_readiness::domain::assessment::{
    Answer, Assessment, DocStatus, NewAssessment, Rating, Scale,
};
use iso20000_readiness::domain::catalogue::{
    self, DocKind, Pdca, Requirement, RequirementKind, REQUIREMENTS,
};
use iso20000_readiness::domain::scoring::{percent, BlockerKind, Scorecard, Verdict};

/// Three made-up requirements: two in 4.1 (weights 1 and 3), one in 9.2 (weight 2, a record).
static REQS: [Requirement; 3] = [
    Requirement::unlisted("4.1.1", "4.1", 1, RequirementKind::Requirement),
    Requirement::unlisted("4.1.2", "4.1", 3, RequirementKind::Requirement),
    Requirement::unlisted("9.2.1", "9.2", 2, RequirementKind::Requirement)
        .with_doc(DocKind::Record, Some("Audit programme")),
];

fn assessment(scale: Scale) -> Assessment {
    NewAssessment {
        name: "Test".into(),
        scale,
        ..Default::default()
    }
    .build("t1".into(), 0.0)
    .unwrap()
}

fn rate(a: &mut Assessment, id: &str, r: Rating) {
    a.edit_answer(id, 1.0, |x| x.rating = Some(r));
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a score");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn rating_values_match_the_scales() {
    assert_eq!(Rating::NotInPlace.value(), Some(0.0));
    assert_eq!(Rating::Partial.value(), Some(0.5));
    assert_eq!(Rating::InPlace.value(), Some(1.0));
    assert_eq!(Rating::Level(0).value(), Some(0.0));
    assert_eq!(Rating::Level(3).value(), Some(0.6));
    assert_eq!(Rating::Level(5).value(), Some(1.0));
    assert_eq!(Rating::NotApplicable.value(), None);
}

#[test]
fn weighted_average_per_clause_and_overall() {
    let mut a = assessment(Scale::Conformity);
    rate(&mut a, "4.1.1", Rating::InPlace); // 1.0 x 1
    rate(&mut a, "4.1.2", Rating::Partial); // 0.5 x 3
    rate(&mut a, "9.2.1", Rating::NotInPlace); // 0.0 x 2
    let card = Scorecard::over(&a, REQS.iter());
    // 4.1: (1 + 1.5) / 4 = 0.625; clause 4 the same; overall (1 + 1.5 + 0) / 6 = 0.41666...
    close(card.clause("4.1").score(), 0.625);
    close(card.clause("4").score(), 0.625);
    close(card.clause("9").score(), 0.0);
    close(card.overall.score(), 2.5 / 6.0);
    close(card.phase(Pdca::Plan).score(), 0.625);
    close(card.phase(Pdca::Check).score(), 0.0);
    assert_eq!(
        card.phase(Pdca::Do).score(),
        None,
        "no requirement in Do here: no score"
    );
    assert_eq!(card.overall.completion(), 1.0);
}

#[test]
fn capability_levels_score_as_level_over_five() {
    let mut a = assessment(Scale::Capability);
    rate(&mut a, "4.1.1", Rating::Level(5)); // 1.0 x 1
    rate(&mut a, "4.1.2", Rating::Level(2)); // 0.4 x 3
    let card = Scorecard::over(&a, REQS.iter());
    close(card.clause("4.1").score(), (1.0 + 1.2) / 4.0);
}

#[test]
fn unanswered_is_not_zero_and_lowers_completion_only() {
    let mut a = assessment(Scale::Conformity);
    rate(&mut a, "4.1.2", Rating::InPlace);
    let card = Scorecard::over(&a, REQS.iter());
    close(card.overall.score(), 1.0);
    assert!((card.overall.completion() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(card.overall.answered, 1);
    assert_eq!(percent(card.overall.score()), "100 %");
}

#[test]
fn not_applicable_is_excluded_but_counted_as_answered() {
    let mut a = assessment(Scale::Conformity);
    rate(&mut a, "4.1.1", Rating::NotApplicable);
    rate(&mut a, "4.1.2", Rating::Partial);
    let card = Scorecard::over(&a, REQS.iter());
    close(card.clause("4.1").score(), 0.5);
    assert_eq!(card.clause("4.1").not_applicable, 1);
    assert_eq!(card.clause("4.1").answered, 2);
}

#[test]
fn empty_or_all_not_applicable_groups_have_no_score() {
    let mut a = assessment(Scale::Conformity);
    let card = Scorecard::over(&a, REQS.iter());
    assert_eq!(card.overall.score(), None);
    assert_eq!(percent(card.overall.score()), "no score");
    rate(&mut a, "9.2.1", Rating::NotApplicable);
    let card = Scorecard::over(&a, REQS.iter());
    assert_eq!(card.clause("9.2").score(), None);
    // A clause with no requirements in this set: no score, complete, no NaN anywhere.
    let g = card.clause("7.6");
    assert_eq!((g.total, g.score(), g.completion()), (0, None, 1.0));
}

#[test]
fn verdict_ready_only_when_everything_meets_the_target() {
    let mut a = assessment(Scale::Conformity); // target: partially in place
    for r in &REQS {
        rate(&mut a, r.id, Rating::InPlace);
    }
    assert!(Verdict::over(&a, REQS.iter()).ready());
    rate(&mut a, "4.1.1", Rating::Partial);
    assert!(
        Verdict::over(&a, REQS.iter()).ready(),
        "partial meets the default conformity target"
    );
    rate(&mut a, "4.1.1", Rating::NotInPlace);
    let v = Verdict::over(&a, REQS.iter());
    assert!(!v.ready());
    assert_eq!(
        v.blockers[0].kind,
        BlockerKind::BelowTarget(Rating::NotInPlace)
    );
}

#[test]
fn verdict_blockers_cover_every_rule_findings_first_then_by_weight() {
    let mut a = assessment(Scale::Capability); // target: level 2
    rate(&mut a, "4.1.1", Rating::Level(1)); // below target, weight 1
    rate(&mut a, "4.1.2", Rating::NotApplicable); // unjustified N/A, weight 3
                                                  // 9.2.1 unanswered, weight 2
    let v = Verdict::over(&a, REQS.iter());
    let kinds: Vec<(&str, BlockerKind)> = v
        .blockers
        .iter()
        .map(|b| (b.requirement.id, b.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("4.1.2", BlockerKind::UnjustifiedNotApplicable),
            ("4.1.1", BlockerKind::BelowTarget(Rating::Level(1))),
            // Heavier than 4.1.1, but not assessed: still to do, listed after the findings.
            ("9.2.1", BlockerKind::Unanswered),
        ]
    );
    assert_eq!(v.findings().count(), 2);
    assert_eq!(v.still_to_assess(), 1);
}

#[test]
fn not_applicable_passes_only_when_another_party_meets_it_with_a_justification() {
    let mut a = assessment(Scale::Capability);
    rate(&mut a, "4.1.1", Rating::Level(3));
    rate(&mut a, "9.2.1", Rating::Level(2));
    rate(&mut a, "4.1.2", Rating::NotApplicable);
    a.edit_answer("4.1.2", 2.0, |x| {
        x.na_justification = "Done by our parent company".into()
    });
    assert!(
        !Verdict::over(&a, REQS.iter()).ready(),
        "a justification alone is not enough"
    );
    a.edit_answer("4.1.2", 2.0, |x| x.na_other_party = true);
    assert!(Verdict::over(&a, REQS.iter()).ready());
    a.edit_answer("4.1.2", 2.0, |x| x.na_justification = " ".into());
    assert!(
        !Verdict::over(&a, REQS.iter()).ready(),
        "the checkbox needs a justification"
    );
}

#[test]
fn missing_documented_information_blocks() {
    let mut a = assessment(Scale::Conformity);
    for r in &REQS {
        rate(&mut a, r.id, Rating::InPlace);
    }
    a.edit_answer("9.2.1", 2.0, |x| x.doc_status = Some(DocStatus::Missing));
    let v = Verdict::over(&a, REQS.iter());
    assert_eq!(v.blockers.len(), 1);
    assert_eq!(
        v.blockers[0].kind,
        BlockerKind::DocumentationMissing(DocStatus::Missing)
    );
    // A document status on a requirement that asks for no documented information does not block.
    a.edit_answer("9.2.1", 2.0, |x| x.doc_status = Some(DocStatus::Present));
    a.edit_answer("4.1.1", 2.0, |x| x.doc_status = Some(DocStatus::Missing));
    assert!(Verdict::over(&a, REQS.iter()).ready());
}

#[test]
fn configurable_target_changes_the_verdict() {
    let mut a = assessment(Scale::Capability);
    for r in &REQS {
        rate(&mut a, r.id, Rating::Level(2));
    }
    assert!(Verdict::over(&a, REQS.iter()).ready());
    a.target = Rating::Level(3);
    assert_eq!(Verdict::over(&a, REQS.iter()).blockers.len(), 3);
}

#[test]
fn full_catalogue_scores_every_clause_once() {
    let mut a = assessment(Scale::Conformity);
    for r in REQUIREMENTS {
        rate(&mut a, r.id, Rating::InPlace);
    }
    let card = Scorecard::of(&a);
    // Good practice and orientation checks are shown but never scored (tests/good_practice.rs).
    let counted = REQUIREMENTS
        .iter()
        .filter(|r| r.counts_for_conformity())
        .count();
    assert_eq!(card.overall.total, counted);
    let tops: usize = catalogue::top_level()
        .map(|c| card.clause(c.number).total)
        .sum();
    assert_eq!(tops, counted);
    let phases: usize = Pdca::ALL.iter().map(|p| card.phase(*p).total).sum();
    assert_eq!(phases, counted);
    assert!(Verdict::of(&a).ready());
}

#[test]
fn blank_answers_are_not_stored() {
    let mut a = assessment(Scale::Conformity);
    a.set_answer(
        "4.1.1",
        Answer {
            notes: "x".into(),
            ..Default::default()
        },
        1.0,
    );
    assert_eq!(a.answers.len(), 1);
    a.edit_answer("4.1.1", 2.0, |x| x.notes.clear());
    assert!(a.answers.is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_rating() -> impl Strategy<Value = Option<Rating>> {
        prop_oneof![
            Just(None),
            Just(Some(Rating::NotApplicable)),
            (0u8..=5).prop_map(|l| Some(Rating::Level(l))),
        ]
    }

    fn build(ratings: &[(usize, Option<Rating>)]) -> Assessment {
        let mut a = assessment(Scale::Capability);
        for (i, r) in ratings {
            let id = REQUIREMENTS[*i % REQUIREMENTS.len()].id;
            a.edit_answer(id, 1.0, |x| x.rating = *r);
        }
        a
    }

    proptest! {
        #[test]
        fn scores_stay_within_zero_and_one(ratings in prop::collection::vec((0usize..400, any_rating()), 0..300)) {
            let card = Scorecard::of(&build(&ratings));
            let groups = card.clauses.iter().map(|(_, g)| *g)
                .chain(card.pdca.iter().map(|(_, g)| *g))
                .chain([card.overall]);
            for g in groups {
                if let Some(s) = g.score() { prop_assert!((0.0..=1.0).contains(&s)); }
                prop_assert!((0.0..=1.0).contains(&g.completion()));
            }
        }

        #[test]
        fn not_applicable_never_changes_a_score(
            ratings in prop::collection::vec((0usize..400, any_rating()), 0..200),
            extra in 0usize..400,
        ) {
            let mut a = build(&ratings);
            let id = REQUIREMENTS[extra % REQUIREMENTS.len()].id;
            a.answers.remove(id);
            let before = Scorecard::of(&a);
            a.edit_answer(id, 1.0, |x| x.rating = Some(Rating::NotApplicable));
            let after = Scorecard::of(&a);
            prop_assert_eq!(before.overall.score(), after.overall.score());
            for ((_, b), (_, c)) in before.clauses.iter().zip(after.clauses.iter()) {
                prop_assert_eq!(b.score(), c.score());
            }
        }

        #[test]
        fn order_of_answers_never_matters(ratings in prop::collection::vec((0usize..400, any_rating()), 0..200)) {
            // Distinct requirements, applied forwards and backwards.
            let mut seen = std::collections::BTreeSet::new();
            let unique: Vec<_> = ratings.into_iter().filter(|(i, _)| seen.insert(*i % REQUIREMENTS.len())).collect();
            let mut reversed = unique.clone();
            reversed.reverse();
            let (x, y) = (build(&unique), build(&reversed));
            prop_assert_eq!(Scorecard::of(&x), Scorecard::of(&y));
            prop_assert_eq!(Verdict::of(&x), Verdict::of(&y));
        }
    }
}

#[test]
fn form_values_map_back_to_statuses() {
    use iso20000_readiness::domain::assessment::ActionStatus;
    assert_eq!(DocStatus::from_key("partial"), Some(DocStatus::Partial));
    assert_eq!(DocStatus::from_key(""), None);
    assert_eq!(
        ActionStatus::from_label("In progress"),
        ActionStatus::InProgress
    );
    assert_eq!(ActionStatus::from_label("nonsense"), ActionStatus::Open);
}

/// The clause lookups scoring makes for every requirement use an index built once; they must give exactly
/// what a scan of the clause list gives, for the catalogue's numbers and for numbers it does not hold.
#[test]
fn clause_lookups_match_a_scan_of_the_clause_list() {
    use catalogue::CLAUSES;
    let scan_clause = |number: &str| CLAUSES.iter().find(|c| c.number == number);
    let scan_ancestors = |number: &str| -> Vec<usize> {
        number
            .match_indices('.')
            .map(|(i, _)| &number[..i])
            .chain(std::iter::once(number))
            .filter_map(|prefix| CLAUSES.iter().position(|c| c.number == prefix))
            .collect()
    };
    let numbers = CLAUSES
        .iter()
        .map(|c| c.number)
        .chain(REQUIREMENTS.iter().map(|r| r.clause))
        .chain([
            "",
            ".",
            "8.",
            "8.5.",
            "8.5.9",
            "8.5.1.2.7",
            "99",
            "8.x.1",
            "4.1.1.1.1",
        ]);
    for number in numbers {
        assert_eq!(
            catalogue::clause(number).map(|c| c as *const _),
            scan_clause(number).map(|c| c as *const _),
            "clause({number:?})"
        );
        assert_eq!(
            catalogue::pdca_of(number),
            scan_clause(number).map_or(Pdca::Do, |c| c.pdca),
            "pdca_of({number:?})"
        );
        assert_eq!(
            catalogue::ancestor_indices(number).collect::<Vec<_>>(),
            scan_ancestors(number),
            "ancestor_indices({number:?})"
        );
    }
    assert_eq!(
        catalogue::ancestor_indices("8.5.1.2")
            .map(|i| CLAUSES[i].number)
            .collect::<Vec<_>>(),
        ["8", "8.5", "8.5.1", "8.5.1.2"]
    );
    assert_eq!(catalogue::pdca_of("9.2"), Pdca::Check);
}
