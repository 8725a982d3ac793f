//! The storage envelope, migrations, quarantine and quota handling, over an in-memory store.

use iso20000_readiness::domain::assessment::{Assessment, NewAssessment, Rating, Scale};
use iso20000_readiness::domain::persistence::*;

fn sample(id: &str) -> Assessment {
    let mut a = NewAssessment {
        name: format!("A {id}"),
        scale: Scale::Conformity,
        ..Default::default()
    }
    .build(id.into(), 10.0)
    .unwrap();
    a.edit_answer("5.2.1.1", 20.0, |x| {
        x.rating = Some(Rating::Partial);
        x.notes = "Policy drafted; approval pending".into();
    });
    a
}

fn repo(store: &MemoryStore) -> Repository<'_, MemoryStore> {
    Repository {
        store,
        app_version: "9.9.9",
    }
}

#[test]
fn round_trip_through_the_envelope() {
    let store = MemoryStore::default();
    let a = sample("one");
    repo(&store).save_assessment(&a).unwrap();
    let raw = store.get(&assessment_key("one")).unwrap().unwrap();
    let env: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(env["schema"], SCHEMA_VERSION);
    assert_eq!(env["app_version"], "9.9.9");
    let loaded = repo(&store).load_assessments(0.0).unwrap();
    assert_eq!(loaded.assessments, vec![a]);
}

#[test]
fn migration_from_schema_0_adds_the_envelope_and_the_target() {
    // Schema 0: the bare assessment, before envelopes and targets existed.
    let mut bare = serde_json::to_value(sample("old")).unwrap();
    bare.as_object_mut().unwrap().remove("target");
    let migrated: Assessment = decode(&bare.to_string(), DocumentKind::Assessment).unwrap();
    assert_eq!(migrated.target, Rating::Partial);
    let mut cap = bare.clone();
    cap["scale"] = "capability".into();
    let migrated: Assessment = decode(&cap.to_string(), DocumentKind::Assessment).unwrap();
    assert_eq!(migrated.target, Rating::Level(2));
}

#[test]
fn a_newer_schema_is_refused_and_left_in_place() {
    let store = MemoryStore::default();
    let newer = format!(
        "{{\"schema\":{},\"app_version\":\"99\",\"data\":{{}}}}",
        SCHEMA_VERSION + 1
    );
    store.set(&assessment_key("future"), &newer).unwrap();
    let loaded = repo(&store).load_assessments(0.0).unwrap();
    assert!(loaded.assessments.is_empty());
    assert_eq!(loaded.too_new, vec![assessment_key("future")]);
    assert_eq!(
        store.get(&assessment_key("future")).unwrap(),
        Some(newer),
        "untouched"
    );
    assert!(matches!(
        decode::<Assessment>(
            &store.get(&assessment_key("future")).unwrap().unwrap(),
            DocumentKind::Assessment
        ),
        Err(DecodeError::TooNew(2))
    ));
}

#[test]
fn corrupt_values_are_quarantined_never_lost() {
    for (i, bad) in [
        "not json",
        "{\"schema\":1,\"data\":{\"name\":3}}",
        "[1,2",
        "{\"schema\":\"one\",\"data\":{}}",
        "",
    ]
    .iter()
    .enumerate()
    {
        let store = MemoryStore::default();
        repo(&store).save_assessment(&sample("fine")).unwrap();
        store.set(&assessment_key("broken"), bad).unwrap();
        let loaded = repo(&store).load_assessments(1234.0 + i as f64).unwrap();
        assert_eq!(
            loaded.assessments.len(),
            1,
            "the good one still loads ({bad:?})"
        );
        assert_eq!(loaded.quarantined.len(), 1);
        assert_eq!(loaded.quarantined[0].raw, *bad);
        assert_eq!(store.get(&assessment_key("broken")).unwrap(), None);
        let kept = repo(&store).quarantined().unwrap();
        assert_eq!(kept[0].raw, *bad, "raw text kept under {}", kept[0].key);
        assert_eq!(kept[0].original_key, assessment_key("broken"));
    }
}

#[test]
fn quarantine_keeps_the_original_when_the_copy_cannot_be_stored() {
    let bad = "x".repeat(100);
    let store = MemoryStore::with_capacity(150);
    store.set(&assessment_key("b"), &bad).unwrap();
    assert_eq!(repo(&store).load_assessments(0.0), Err(StoreError::Full));
    assert_eq!(
        store.get(&assessment_key("b")).unwrap(),
        Some(bad),
        "nothing removed"
    );
}

#[test]
fn a_full_store_refuses_the_write_and_keeps_the_saved_version() {
    let a = sample("q");
    let saved = encode(&a, "9.9.9");
    let store = MemoryStore::with_capacity(saved.len() + 40);
    repo(&store).save_assessment(&a).unwrap();
    let mut bigger = a.clone();
    bigger.edit_answer("4.1.1", 30.0, |x| x.notes = "n".repeat(500));
    assert_eq!(repo(&store).save_assessment(&bigger), Err(StoreError::Full));
    assert_eq!(store.get(&assessment_key("q")).unwrap(), Some(saved));
    assert!(StoreError::Full.user_message().contains("intact"));
}

#[test]
fn assessments_load_newest_first_and_ignore_other_keys() {
    let store = MemoryStore::default();
    let mut older = sample("older");
    older.updated = 1.0;
    let mut newer = sample("newer");
    newer.updated = 2.0;
    repo(&store).save_assessment(&older).unwrap();
    repo(&store).save_assessment(&newer).unwrap();
    store.set("someone-else", "not ours").unwrap();
    store.set(EXAM_KEY, "{}").unwrap();
    let loaded = repo(&store).load_assessments(0.0).unwrap();
    let names: Vec<_> = loaded.assessments.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(names, vec!["newer", "older"]);
    assert!(loaded.quarantined.is_empty());
    assert_eq!(
        store.get("someone-else").unwrap().as_deref(),
        Some("not ours")
    );
}

#[test]
fn generic_documents_round_trip_and_report_corruption() {
    let store = MemoryStore::default();
    let r = repo(&store);
    r.save(EXAM_KEY, &vec![1, 2, 3]).unwrap();
    assert_eq!(
        r.load::<Vec<i32>>(EXAM_KEY, DocumentKind::Exam).unwrap(),
        Some(Ok(vec![1, 2, 3]))
    );
    store.set(EXAM_KEY, "{oops").unwrap();
    assert!(matches!(
        r.load::<Vec<i32>>(EXAM_KEY, DocumentKind::Exam).unwrap(),
        Some(Err(DecodeError::Corrupt(_)))
    ));
    assert_eq!(
        r.load::<Vec<i32>>("absent", DocumentKind::Exam).unwrap(),
        None
    );
}
