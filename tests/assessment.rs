//! The assessment's editing rules: keys to ratings per scale, the details form (creation and editing),
//! and the review mark through storage and result files.

use iso20000_readiness::domain::assessment::{
    Assessment, Details, DetailsError, DetailsField, NewAssessment, Rating, Scale, MAX_TEXT,
};
use iso20000_readiness::domain::catalogue::REQUIREMENTS;
use iso20000_readiness::domain::exchange::{
    export_result, import_result, is_catalogue_requirement,
};
use iso20000_readiness::domain::persistence::{
    assessment_key, decode, DocumentKind, KeyValueStore, MemoryStore, Repository,
};

fn sample(scale: Scale) -> Assessment {
    NewAssessment {
        name: "Baseline".into(),
        scale,
        ..Default::default()
    }
    .build("a1".into(), 1.0)
    .unwrap()
}

// ------------------------------------------------------------------------------------ keys and ratings

#[test]
fn digits_pick_the_ratings_shown_beside_them_on_each_scale() {
    let c = Scale::Conformity;
    assert_eq!(c.rating_for_key('1'), Some(Rating::NotInPlace));
    assert_eq!(c.rating_for_key('2'), Some(Rating::Partial));
    assert_eq!(c.rating_for_key('3'), Some(Rating::InPlace));
    for k in ['0', '4', '5', '9', 'a', ' '] {
        assert_eq!(c.rating_for_key(k), None, "{k:?} on the conformity scale");
    }
    let cap = Scale::Capability;
    for l in 0..=5u8 {
        let k = char::from(b'0' + l);
        assert_eq!(cap.rating_for_key(k), Some(Rating::Level(l)));
    }
    for k in ['6', '9', 'x'] {
        assert_eq!(cap.rating_for_key(k), None, "{k:?} on the capability scale");
    }
    for s in [c, cap] {
        assert_eq!(s.rating_for_key('n'), Some(Rating::NotApplicable));
        assert_eq!(s.rating_for_key('N'), Some(Rating::NotApplicable));
        // Every rating of the scale has a key, and that key picks it back.
        for r in s.ratings().into_iter().chain([Rating::NotApplicable]) {
            let k = s.key_for(r).unwrap();
            assert_eq!(s.rating_for_key(k), Some(r), "{r:?} on {s:?}");
        }
    }
    assert_eq!(c.key_for(Rating::Level(3)), None);
    assert_eq!(cap.key_for(Rating::InPlace), None);
}

// ---------------------------------------------------------------------------------------- details form

#[test]
fn the_details_form_names_the_field_to_fix() {
    let empty = NewAssessment {
        name: "   ".into(),
        ..Default::default()
    };
    let err = Details::try_from(empty).unwrap_err();
    assert_eq!(err, DetailsError::EmptyName);
    assert_eq!(err.field(), DetailsField::Name);
    assert_eq!(err.to_string(), "Give the assessment a name.");

    let long = NewAssessment {
        name: "Ok".into(),
        scope: "x".repeat(MAX_TEXT + 1),
        ..Default::default()
    };
    let err = Details::try_from(long).unwrap_err();
    assert_eq!(err, DetailsError::TooLong(DetailsField::Scope));
    assert_eq!(
        err.to_string(),
        format!("The scope is longer than {MAX_TEXT} characters.")
    );

    let off = NewAssessment {
        name: "Ok".into(),
        scale: Scale::Capability,
        target: Some(Rating::InPlace),
        ..Default::default()
    };
    let err = Details::try_from(off).unwrap_err();
    assert_eq!(err.field(), DetailsField::Target);
    assert_eq!(
        err.to_string(),
        "The target In place does not fit the Capability 0-5 scale."
    );
    let na = NewAssessment {
        name: "Ok".into(),
        target: Some(Rating::NotApplicable),
        ..Default::default()
    };
    assert!(matches!(
        Details::try_from(na),
        Err(DetailsError::TargetOffScale { .. })
    ));

    let good = Details::try_from(NewAssessment {
        name: "  Baseline 2026 ".into(),
        organisation: " ACME ".into(),
        scale: Scale::Capability,
        ..Default::default()
    })
    .unwrap();
    assert_eq!(good.name, "Baseline 2026");
    assert_eq!(good.organisation, "ACME");
    assert_eq!(good.target, Rating::Level(2), "the scale's default target");
    assert!(NewAssessment::default().build("x".into(), 0.0).is_err());
}

#[test]
fn editing_details_keeps_answers_and_a_scale_change_clears_only_ratings_that_do_not_fit() {
    let mut a = sample(Scale::Conformity);
    a.edit_answer("4.1.1", 2.0, |x| {
        x.rating = Some(Rating::InPlace);
        x.notes = "SWOT exists".into();
    });
    a.edit_answer("4.1.2", 2.0, |x| x.rating = Some(Rating::Partial));
    a.edit_answer("4.1.3", 2.0, |x| {
        x.rating = Some(Rating::NotApplicable);
        x.na_justification = "Group level".into();
    });

    // Same scale: details change, every answer stays.
    let mut form = a.details_form();
    assert_eq!(form.name, "Baseline");
    form.organisation = "ACME Ltd".into();
    form.assessor = "Dana".into();
    form.scope = "Managed desktop service".into();
    form.target = Some(Rating::InPlace);
    a.apply_details(Details::try_from(form).unwrap(), 3.0);
    assert_eq!(a.organisation, "ACME Ltd");
    assert_eq!(a.assessor, "Dana");
    assert_eq!(a.scope, "Managed desktop service");
    assert_eq!(a.target, Rating::InPlace);
    assert_eq!(a.updated, 3.0);
    assert_eq!(a.answers.len(), 3);
    assert_eq!(a.created, 1.0, "creation time is not a detail");

    // Capability: the two conformity ratings would be cleared, not applicable is kept.
    assert_eq!(a.ratings_lost_by(Scale::Capability), 2);
    assert_eq!(a.ratings_lost_by(Scale::Conformity), 0);
    let mut form = a.details_form();
    form.scale = Scale::Capability;
    form.target = None;
    a.apply_details(Details::try_from(form).unwrap(), 4.0);
    assert_eq!(a.scale, Scale::Capability);
    assert_eq!(a.target, Rating::Level(2));
    assert_eq!(a.rating("4.1.1"), None);
    assert_eq!(a.answers["4.1.1"].notes, "SWOT exists", "notes stay");
    assert!(
        !a.answers.contains_key("4.1.2"),
        "an answer left blank is dropped"
    );
    assert_eq!(a.rating("4.1.3"), Some(Rating::NotApplicable));
}

#[test]
fn first_unanswered_follows_the_catalogue_order() {
    let mut a = sample(Scale::Conformity);
    let ids = || REQUIREMENTS.iter().map(|r| r.id);
    assert_eq!(a.first_unanswered(ids()), Some(0));
    a.edit_answer(REQUIREMENTS[0].id, 2.0, |x| {
        x.rating = Some(Rating::Partial)
    });
    a.edit_answer(REQUIREMENTS[1].id, 2.0, |x| x.review = true);
    assert_eq!(
        a.first_unanswered(ids()),
        Some(1),
        "a mark is not an answer"
    );
    for r in REQUIREMENTS {
        a.edit_answer(r.id, 3.0, |x| x.rating = Some(Rating::InPlace));
    }
    assert_eq!(a.first_unanswered(ids()), None);
}

// ------------------------------------------------------------------------------------ mark for review

fn marked() -> Assessment {
    let mut a = sample(Scale::Conformity);
    a.edit_answer("4.1.1", 2.0, |x| {
        x.rating = Some(Rating::Partial);
        x.review = true;
    });
    // A mark alone is worth keeping: the answer is not blank.
    a.edit_answer("4.1.2", 2.0, |x| x.review = true);
    a.edit_answer("4.1.3", 2.0, |x| x.rating = Some(Rating::InPlace));
    a
}

#[test]
fn a_review_mark_survives_storage_and_old_data_without_it_loads_as_unmarked() {
    let store = MemoryStore::default();
    let repo = Repository {
        store: &store,
        app_version: "9.9.9",
    };
    let a = marked();
    assert!(a.answers.contains_key("4.1.2"));
    repo.save_assessment(&a).unwrap();
    let loaded = repo.load_assessments(0.0).unwrap().assessments;
    assert_eq!(loaded, vec![a.clone()]);
    assert!(loaded[0].answers["4.1.1"].review);
    assert!(!loaded[0].answers["4.1.3"].review);

    // Data saved before the field existed: no "review" key anywhere.
    let raw = store.get(&assessment_key("a1")).unwrap().unwrap();
    assert!(raw.contains("\"review\":true"));
    let old = raw
        .replace(",\"review\":true", "")
        .replace(",\"review\":false", "");
    assert!(!old.contains("review"), "{old}");
    let back: Assessment = decode(&old, DocumentKind::Assessment).unwrap();
    assert!(back.answers.values().all(|x| !x.review));
    assert_eq!(back.rating("4.1.1"), Some(Rating::Partial));
}

#[test]
fn a_review_mark_survives_a_result_file_and_files_without_it_import_as_unmarked() {
    let a = marked();
    let file = export_result(&a, "0.1.0", "2026.1", "2026-12-01T10:00:00Z");
    let back = import_result(file.as_bytes(), &is_catalogue_requirement).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.assessment.answers, a.answers);

    // A file from before the field: no "review" member, a checksum over that content.
    let mut value: serde_json::Value = serde_json::from_str(&file).unwrap();
    for answer in value["assessment"]["answers"].as_array_mut().unwrap() {
        answer.as_object_mut().unwrap().remove("review");
    }
    value["checksum"] = iso20000_readiness::domain::exchange::checksum(&value["assessment"]).into();
    let old = serde_json::to_string(&value).unwrap();
    let back = import_result(old.as_bytes(), &is_catalogue_requirement).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert!(back.assessment.answers.values().all(|x| !x.review));
    assert_eq!(back.assessment.rating("4.1.1"), Some(Rating::Partial));
    assert_eq!(back.assessment.rating("4.1.2"), None);
}
