//! Sharing: the result file (round trip, checksum, a corpus of hostile files), CSV, backup and the
//! consolidation of several respondents.

use iso20000_readiness::domain::assessment::{
    ActionStatus, Answer, Assessment, DocStatus, Rating, Scale, MAX_TEXT,
};
use iso20000_readiness::domain::catalogue::REQUIREMENTS;
use iso20000_readiness::domain::exchange::result_file::MAX_FILE_NAME;
use iso20000_readiness::domain::exchange::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const FIXTURES: &str = "tests/fixtures/import";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(FIXTURES).join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_result(bytes, &is_catalogue_requirement)
}

fn sample() -> Assessment {
    let mut answers = BTreeMap::new();
    answers.insert(
        "4.1.1".to_string(),
        Answer {
            rating: Some(Rating::InPlace),
            notes: "Reviewed, \"quarterly\"\r\nby the board".into(),
            evidence: "=SUM(A1:A9)".into(),
            doc_status: Some(DocStatus::Present),
            ..Answer::default()
        },
    );
    answers.insert(
        "4.1.2".to_string(),
        Answer {
            rating: Some(Rating::Partial),
            owner: "Lee".into(),
            due: "2026-12-15".into(),
            action: "Link issues, outcomes".into(),
            action_status: ActionStatus::InProgress,
            ..Answer::default()
        },
    );
    answers.insert(
        "10.1.1".to_string(),
        Answer {
            rating: Some(Rating::NotApplicable),
            na_justification: "Out of scope".into(),
            ..Answer::default()
        },
    );
    Assessment {
        id: "a1".into(),
        name: "Baseline 2026 – ACME".into(),
        organisation: "ACME".into(),
        scope: "Service desk".into(),
        assessor: "Dana".into(),
        scale: Scale::Conformity,
        target: Rating::Partial,
        created: 1_763_800_000_000.0,
        updated: 1_763_886_400_000.5,
        answers,
    }
}

fn export(a: &Assessment) -> String {
    export_result(a, "0.1.0", "2026.1", "2026-11-22T10:15:00Z")
}

// ------------------------------------------------------------------------------------------ result file

#[test]
fn export_writes_the_documented_shape() {
    let text = export(&sample());
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], "iso20000-readiness-result");
    assert_eq!(file["format_version"], 1);
    assert_eq!(file["app_version"], "0.1.0");
    assert_eq!(file["catalogue_version"], "2026.1");
    assert_eq!(file["exported_at"], "2026-11-22T10:15:00Z");
    let answers = file["assessment"]["answers"].as_array().unwrap();
    // A list in catalogue order (10.1.1 after 4.1.2, although "10" sorts before "4" as text).
    let ids: Vec<&str> = answers.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["4.1.1", "4.1.2", "10.1.1"]);
    assert_eq!(answers[1]["action_status"], "in_progress");
    assert_eq!(answers[0]["doc_status"], "present");
    assert_eq!(answers[1]["doc_status"], Value::Null);
    assert!(text.contains("\n  \"format\""), "pretty-printed");
    let stored = file["checksum"].as_str().unwrap();
    assert_eq!(stored.len(), 64);
    assert_eq!(stored, checksum(&file["assessment"]));
}

#[test]
fn canonical_json_sorts_keys_and_strips_whitespace() {
    let v = json!({"b": [1, 2.5, "x\n\"é\u{1}"], "a": null, "A": true});
    assert_eq!(
        canonical_json(&v),
        "{\"A\":true,\"a\":null,\"b\":[1,2.5,\"x\\n\\\"é\\u0001\"]}"
    );
    // Computed independently with Python: hashlib.sha256(json.dumps(v, sort_keys=True,
    // separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
    assert_eq!(
        checksum(&v),
        "f5921f9d9d56af3c587b160524c208888b713b59fb39ee2ec905d635c23e8833"
    );
}

#[test]
fn an_exported_file_imports_back_without_warnings() {
    let a = sample();
    let imported = import(export(&a).as_bytes()).unwrap();
    assert_eq!(imported.assessment, a);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(imported.exported_at, "2026-11-22T10:15:00Z");
    assert_eq!(imported.app_version, "0.1.0");
    assert_eq!(imported.catalogue_version, "2026.1");
    let preview = imported.preview();
    assert!(preview.contains(&("Name", "Baseline 2026 – ACME".to_string())));
    // Three answers have a rating, not applicable included.
    assert!(preview.contains(&("Requirements rated", "3".to_string())));
}

#[test]
fn editing_one_character_is_detected() {
    let text = export(&sample()).replace("Out of scope", "Out of scopE");
    let imported = import(text.as_bytes()).unwrap();
    assert_eq!(imported.warnings, [ImportWarning::ChecksumMismatch]);
    assert!(ImportWarning::ChecksumMismatch.needs_consent());
    assert_eq!(
        imported.assessment.answers["10.1.1"].na_justification,
        "Out of scopE"
    );
}

#[test]
fn file_names_are_safe_short_slugs() {
    let mut a = sample();
    let name = |a: &Assessment, date: &str| result_file_name(a, date);
    assert_eq!(name(&a, "2026-11-22"), "baseline-2026-acme-2026-11-22.json");
    a.name = "Café Société: Q3/Q4 *final*".into();
    assert_eq!(
        name(&a, "2026-11-22"),
        "cafe-societe-q3-q4-final-2026-11-22.json"
    );
    a.name = "../../etc/passwd".into();
    assert_eq!(name(&a, "2026/11/22"), "etc-passwd-2026-11-22.json");
    a.name = "日本語 ???".into();
    assert_eq!(name(&a, "2026-11-22"), "assessment-2026-11-22.json");
    a.name = String::new();
    assert_eq!(name(&a, ""), "assessment.json");
    a.name = "word ".repeat(60);
    let long = name(&a, "2026-11-22");
    assert!(long.len() <= MAX_FILE_NAME, "{long}");
    assert!(long.starts_with("word-word-") && long.ends_with("-2026-11-22.json"));
    assert!(!long.contains("--"), "{long}");
}

// ---------------------------------------------------------------------------------- round trip property

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "(?s).{0,30}",
        "\\PC{0,30}",
        Just("\"quoted\", comma;\r\n=1+1\t'\\ \u{0}".to_string()),
        Just("Ünïcødé 😀 \u{2028} \u{FEFF}".to_string()),
    ]
}

fn requirement_id() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            REQUIREMENTS
                .iter()
                .map(|r| r.id.to_string())
                .collect::<Vec<_>>()
        ),
        "\\PC{1,12}".prop_filter("ids are not blank", |s| !s.trim().is_empty()),
    ]
}

fn answer(scale: Scale) -> impl Strategy<Value = Answer> {
    let mut ratings = scale.ratings();
    ratings.push(Rating::NotApplicable);
    let docs = vec![DocStatus::Present, DocStatus::Partial, DocStatus::Missing];
    (
        prop::option::of(prop::sample::select(ratings)),
        text(),
        any::<bool>(),
        text(),
        text(),
        text(),
        text(),
        text(),
        prop::sample::select(ActionStatus::ALL.to_vec()),
        prop::option::of(prop::sample::select(docs)),
        any::<bool>(),
    )
        .prop_map(
            |(rating, na, other, notes, evidence, owner, due, action, status, doc, review)| {
                Answer {
                    rating,
                    na_justification: na,
                    na_other_party: other,
                    notes,
                    evidence,
                    owner,
                    due,
                    action,
                    action_status: status,
                    doc_status: doc,
                    review,
                }
            },
        )
}

fn assessment() -> impl Strategy<Value = Assessment> {
    prop_oneof![Just(Scale::Conformity), Just(Scale::Capability)].prop_flat_map(|scale| {
        (
            (text(), text(), text(), text(), text()),
            prop::sample::select(scale.ratings()),
            0u64..4_000_000_000_000,
            0u8..4,
            prop::collection::btree_map(requirement_id(), answer(scale), 0..8),
        )
            .prop_map(
                move |((id, name, organisation, scope, assessor), target, ms, quarter, answers)| {
                    Assessment {
                        id,
                        name,
                        organisation,
                        scope,
                        assessor,
                        scale,
                        target,
                        created: ms as f64,
                        updated: ms as f64 + f64::from(quarter) * 0.25,
                        answers,
                    }
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_gives_back_the_same_assessment(a in assessment()) {
        let text = export(&a);
        let imported = import_result(text.as_bytes(), &|_| true).unwrap();
        prop_assert_eq!(&imported.assessment, &a);
        prop_assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = import(&bytes);
        let _ = import_backup(&bytes, &is_catalogue_requirement);
    }

    #[test]
    fn a_damaged_byte_is_refused_or_flagged(at in 0usize..10_000, byte in any::<u8>()) {
        let mut bytes = export(&sample()).into_bytes();
        let at = at % bytes.len();
        prop_assume!(bytes[at] != byte);
        bytes[at] = byte;
        // Either the damage breaks the file, or it lands in the content (checksum) or in the header
        // (which is not covered, so nothing of the assessment changed).
        if let Ok(imported) = import(&bytes) {
            let flagged = imported.warnings.contains(&ImportWarning::ChecksumMismatch);
            prop_assert!(flagged || imported.assessment == sample());
        }
    }
}

// ---------------------------------------------------------------------------------- the hostile corpus

type Check = fn(Result<Imported, ImportError>);

fn invalid(path: &str, problem: &str) -> ImportError {
    ImportError::Invalid {
        path: path.into(),
        problem: problem.into(),
    }
}

fn invalid_path<T: std::fmt::Debug>(r: Result<T, ImportError>) -> (String, String) {
    match r {
        Err(ImportError::Invalid { path, problem }) => (path, problem),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn not_ours(r: Result<Imported, ImportError>) {
    assert_eq!(
        r.unwrap_err(),
        ImportError::NotOurFormat {
            expected: FileKind::Result
        }
    );
}

fn syntax(r: Result<Imported, ImportError>) -> (usize, usize, String) {
    match r {
        Err(ImportError::Syntax {
            line,
            column,
            detail,
        }) => (line, column, detail),
        other => panic!("expected Syntax, got {other:?}"),
    }
}

fn accepted_full(r: Result<Imported, ImportError>) {
    let imported = r.unwrap();
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(imported.assessment, full());
}

/// What `valid-full.json` holds, written out by hand.
fn full() -> Assessment {
    let mut answers = BTreeMap::new();
    answers.insert(
        "4.1.1".to_string(),
        Answer {
            rating: Some(Rating::InPlace),
            notes: "SWOT reviewed \"quarterly\"\nby the SMS board, ça va".into(),
            evidence: "SWOT-2026.xlsx\nMinutes MR-12".into(),
            doc_status: Some(DocStatus::Present),
            ..Answer::default()
        },
    );
    answers.insert(
        "4.1.2".to_string(),
        Answer {
            rating: Some(Rating::Partial),
            owner: "Lee Chen".into(),
            due: "2026-12-15".into(),
            action: "Link each issue to an SMS outcome".into(),
            action_status: ActionStatus::InProgress,
            doc_status: Some(DocStatus::Partial),
            ..Answer::default()
        },
    );
    answers.insert(
        "8.5.1.1.1".to_string(),
        Answer {
            rating: Some(Rating::NotApplicable),
            na_justification: "No customer-facing service catalogue in scope".into(),
            na_other_party: true,
            ..Answer::default()
        },
    );
    answers.insert(
        "10.1.1".to_string(),
        Answer {
            notes: "=HYPERLINK(\"http://evil\") not rated yet".into(),
            ..Answer::default()
        },
    );
    Assessment {
        id: "a19aa5e7c00abc123".into(),
        name: "Baseline 2026 – ACME".into(),
        organisation: "ACME Services Ltd".into(),
        scope: "Managed desktop and service desk, EU customers".into(),
        assessor: "Dana Whitfield".into(),
        scale: Scale::Conformity,
        target: Rating::Partial,
        created: 1_763_800_000_000.0,
        updated: 1_763_886_400_000.0,
        answers,
    }
}

/// Every file of the corpus with what importing it must give.
const CORPUS: &[(&str, Check)] = &[
    // Accepted.
    ("valid-full.json", accepted_full),
    ("bom-prefixed.json", accepted_full),
    ("reformatted-same-content.json", accepted_full),
    ("checksum-upper-case.json", accepted_full),
    ("valid-minimal.json", |r| {
        let imported = r.unwrap();
        assert!(imported.warnings.is_empty());
        assert_eq!(imported.assessment.scale, Scale::Capability);
        assert_eq!(imported.assessment.target, Rating::Level(2));
        assert!(imported.assessment.answers.is_empty());
    }),
    ("valid-capability.json", |r| {
        let a = r.unwrap().assessment;
        assert_eq!(a.rating("4.1.1"), Some(Rating::Level(0)));
        assert_eq!(a.rating("5.1.1"), Some(Rating::Level(5)));
        assert_eq!(a.rating("6.1.1"), Some(Rating::NotApplicable));
    }),
    ("unknown-requirements.json", |r| {
        let imported = r.unwrap();
        assert_eq!(
            imported.warnings,
            [ImportWarning::UnknownRequirements(vec![
                "4.9.legacy".into(),
                "99.9.9".into()
            ])]
        );
        // Kept, never dropped.
        assert_eq!(imported.assessment.answers.len(), 6);
        assert_eq!(
            imported.assessment.answers["99.9.9"].notes,
            "From a future catalogue"
        );
    }),
    ("bad-checksum.json", |r| {
        let imported = r.unwrap();
        assert_eq!(imported.warnings, [ImportWarning::ChecksumMismatch]);
        assert_eq!(imported.assessment.rating("4.1.2"), Some(Rating::InPlace));
    }),
    ("missing-checksum.json", |r| {
        assert_eq!(r.unwrap().warnings, [ImportWarning::ChecksumMissing]);
    }),
    ("checksum-null.json", |r| {
        assert_eq!(r.unwrap().warnings, [ImportWarning::ChecksumMissing]);
    }),
    ("version-0-map.json", |r| {
        let imported = r.unwrap();
        assert_eq!(imported.warnings, [ImportWarning::Migrated { from: 0 }]);
        assert_eq!(imported.catalogue_version, "unknown");
        let a = imported.assessment;
        assert_eq!(a.target, Rating::Level(2), "capability default target");
        assert_eq!(a.rating("4.1.1"), Some(Rating::Level(3)));
        assert_eq!(a.answers["4.1.1"].notes, "Old file");
        assert_eq!(a.answers["5.1.1"].na_justification, "Group policy");
        assert_eq!(a.answers.len(), 2);
    }),
    // Refused before the JSON is read.
    ("empty.json", |r| {
        assert_eq!(r.unwrap_err(), ImportError::Empty)
    }),
    ("whitespace-only.json", |r| {
        assert_eq!(r.unwrap_err(), ImportError::Empty)
    }),
    ("bom-only.json", |r| {
        assert_eq!(r.unwrap_err(), ImportError::Empty)
    }),
    ("not-utf8-latin1.json", |r| {
        // The Latin-1 "ç" of the first note: byte 715, line 23.
        assert_eq!(
            r.unwrap_err(),
            ImportError::NotUtf8 {
                line: 23,
                byte: 715
            }
        );
    }),
    ("utf16-le.json", |r| {
        assert_eq!(r.unwrap_err(), ImportError::NotUtf8 { line: 1, byte: 0 });
    }),
    ("deep-nesting-200.json", |r| {
        assert_eq!(r.unwrap_err(), ImportError::TooDeep { limit: 64 });
    }),
    // Not JSON.
    ("truncated.json", |r| {
        // Cut off on line 10 after `    "scope": "Managed desk` (26 characters).
        assert_eq!(
            r.unwrap_err(),
            ImportError::Truncated {
                line: 10,
                column: 26
            }
        );
    }),
    ("trailing-comma.json", |r| {
        assert_eq!(syntax(r), (4, 1, "trailing comma".to_string()));
    }),
    ("html-page.json", |r| {
        assert_eq!(syntax(r), (1, 1, "expected value".to_string()));
    }),
    ("lone-surrogate.json", |r| {
        let (line, _, detail) = syntax(r);
        assert_eq!(line, 1);
        assert_eq!(detail, "unexpected end of hex escape");
    }),
    ("control-char-in-string.json", |r| {
        let (line, _, detail) = syntax(r);
        assert_eq!(line, 2);
        assert!(detail.contains("control character"), "{detail}");
    }),
    ("number-out-of-range.json", |r| {
        let (line, _, detail) = syntax(r);
        assert_eq!(line, 15, "the `created` line");
        assert_eq!(detail, "number out of range");
    }),
    // JSON, but not a result file.
    ("unrelated-package.json", not_ours),
    ("array-root.json", not_ours),
    ("string-root.json", not_ours),
    ("format-not-string.json", not_ours),
    ("storage-envelope.json", not_ours),
    ("wrong-format-name.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            ImportError::OtherFormat {
                expected: FileKind::Result,
                found: "iso27001-readiness-result".into()
            }
        );
    }),
    ("backup-as-result.json", |r| {
        let e = r.unwrap_err();
        assert_eq!(
            e,
            ImportError::WrongKind {
                expected: FileKind::Result,
                found: FileKind::Backup
            }
        );
        assert!(e.message().contains("backup"), "{}", e.message());
    }),
    // Versions.
    ("newer-version.json", |r| {
        let e = r.unwrap_err();
        assert_eq!(
            e,
            ImportError::TooNew {
                found: 2,
                supported: 1
            }
        );
        assert!(e.message().contains("made by a newer version"));
    }),
    ("version-as-string.json", |r| {
        assert_eq!(invalid_path(r).0, "format_version")
    }),
    ("version-negative.json", |r| {
        assert_eq!(invalid_path(r).0, "format_version")
    }),
    ("version-fraction.json", |r| {
        assert_eq!(invalid_path(r).0, "format_version")
    }),
    ("version-missing.json", |r| {
        assert_eq!(r.unwrap_err(), invalid("format_version", "is missing"));
    }),
    ("version-0-answers-list.json", |r| {
        let (path, problem) = invalid_path(r);
        assert_eq!(path, "assessment.answers");
        assert!(problem.contains("format version 0"), "{problem}");
    }),
    // Structure and types.
    ("null-everywhere.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid("app_version", "should be text but is null")
        );
    }),
    ("null-assessment-fields.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid("assessment.id", "should be text but is null")
        );
    }),
    ("numbers-as-strings.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid("assessment.created", "should be a number but is text")
        );
    }),
    ("notes-as-number.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid(
                "assessment.answers[1].notes",
                "should be text but is a number"
            )
        );
    }),
    ("bool-as-string.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid(
                "assessment.answers[2].na_other_party",
                "should be true or false but is text"
            )
        );
    }),
    ("missing-assessment.json", |r| {
        assert_eq!(r.unwrap_err(), invalid("assessment", "is missing"));
    }),
    ("assessment-is-array.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid("assessment", "should be an object but is a list")
        );
    }),
    ("answers-object-in-v1.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid(
                "assessment.answers",
                "should be a list of answers but is an object"
            )
        );
    }),
    ("answer-not-object.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid("assessment.answers[1]", "should be an object but is text")
        );
    }),
    ("answer-missing-id.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid("assessment.answers[0].id", "is missing")
        );
    }),
    ("answer-empty-id.json", |r| {
        let (path, problem) = invalid_path(r);
        assert_eq!(path, "assessment.answers[3].id");
        assert!(problem.starts_with("is empty"), "{problem}");
    }),
    ("missing-name.json", |r| {
        assert_eq!(r.unwrap_err(), invalid("assessment.name", "is missing"));
    }),
    ("unknown-rating.json", |r| {
        let (path, problem) = invalid_path(r);
        assert_eq!(path, "assessment.answers[0].rating");
        assert!(problem.ends_with("but is \"excellent\""), "{problem}");
    }),
    ("rating-as-number.json", |r| {
        let (path, problem) = invalid_path(r);
        assert_eq!(path, "assessment.answers[0].rating");
        assert!(problem.ends_with("but is a number"), "{problem}");
    }),
    ("unknown-scale.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            invalid(
                "assessment.scale",
                "should be \"conformity\" or \"capability\" but is \"maturity\""
            )
        );
    }),
    ("unknown-action-status.json", |r| {
        assert_eq!(invalid_path(r).0, "assessment.answers[1].action_status");
    }),
    ("target-not-applicable.json", |r| {
        assert_eq!(invalid_path(r).0, "assessment.target");
    }),
    ("checksum-number.json", |r| {
        assert_eq!(invalid_path(r).0, "checksum");
    }),
    // Duplicates, lengths, scales.
    ("duplicate-ids.json", |r| {
        let e = r.unwrap_err();
        assert_eq!(
            e,
            ImportError::DuplicateIds {
                path: "assessment.answers".into(),
                ids: vec!["4.1.1".into(), "4.1.2".into()]
            }
        );
        assert!(
            e.message().contains("\"4.1.1\" and \"4.1.2\""),
            "{}",
            e.message()
        );
    }),
    ("long-app-version.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            ImportError::TooLong {
                path: "app_version".into(),
                chars: 101,
                limit: 100
            }
        );
    }),
    ("rating-off-scale.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            ImportError::RatingOffScale {
                path: "assessment.answers[1] (requirement 4.1.2)".into(),
                rating: "Level 3: Established".into(),
                scale: "Conformity".into()
            }
        );
    }),
    ("capability-with-conformity-rating.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            ImportError::RatingOffScale {
                path: "assessment.answers[1] (requirement 4.1.2)".into(),
                rating: "In place".into(),
                scale: "Capability 0-5".into()
            }
        );
    }),
    ("target-off-scale.json", |r| {
        assert_eq!(
            r.unwrap_err(),
            ImportError::RatingOffScale {
                path: "assessment.target".into(),
                rating: "Level 2: Managed".into(),
                scale: "Conformity".into()
            }
        );
    }),
];

#[test]
fn every_corpus_file_gives_its_expected_result() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = CORPUS.iter().map(|(name, _)| name.to_string()).collect();
    assert_eq!(on_disk, listed, "the corpus table and the folder differ");
    assert!(CORPUS.len() >= 30);
    for (name, check) in CORPUS {
        eprintln!("checking {name}");
        let result = import(&fixture(name));
        if let Err(e) = &result {
            assert_plain_message(&e.message());
        }
        check(result);
    }
}

fn assert_plain_message(message: &str) {
    assert!(message.len() > 40, "{message}");
    assert!(message.ends_with('.'), "{message}");
    assert!(!message.contains("Error("), "{message}");
}

#[test]
fn paths_appear_in_messages() {
    let e = import(&fixture("notes-as-number.json")).unwrap_err();
    assert_eq!(
        e.message(),
        "The file is damaged or was edited: assessment.answers[1].notes should be text but is a number. \
         Export it again from the app, or correct that field."
    );
}

// ------------------------------------------------------------------------------ generated hostile files

#[test]
fn a_file_over_five_megabytes_is_refused_before_parsing() {
    let mut bytes = export(&sample()).into_bytes();
    bytes.resize(MAX_IMPORT_BYTES, b' ');
    assert!(import(&bytes).is_ok(), "exactly the limit is accepted");
    bytes.push(b' ');
    let e = import(&bytes).unwrap_err();
    assert_eq!(
        e,
        ImportError::TooLarge {
            bytes: 5 * 1024 * 1024 + 1,
            limit: 5 * 1024 * 1024
        }
    );
    assert!(e.message().contains("5 MB"), "{}", e.message());
    // Six megabytes of garbage never reach the parser.
    assert!(matches!(
        import(&vec![b'['; 6 * 1024 * 1024]),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn deep_nesting_gives_a_clear_error_not_a_stack_overflow() {
    let arrays = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        import(arrays.as_bytes()).unwrap_err(),
        ImportError::TooDeep { limit: 64 }
    );
    let objects = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert_eq!(
        import(objects.as_bytes()).unwrap_err(),
        ImportError::TooDeep { limit: 64 }
    );
    // Unclosed brackets are measured too.
    assert_eq!(
        import("[".repeat(100_000).as_bytes()).unwrap_err(),
        ImportError::TooDeep { limit: 64 }
    );
    assert!(ImportError::TooDeep { limit: 64 }
        .message()
        .contains("64 levels"));
}

#[test]
fn brackets_inside_text_are_not_nesting() {
    let mut a = sample();
    a.edit_answer("4.1.1", 0.0, |x| {
        x.notes = format!("\\\"{}", "[{".repeat(5_000))
    });
    let imported = import(export(&a).as_bytes()).unwrap();
    assert_eq!(imported.assessment, a);
}

#[test]
fn text_longer_than_the_limit_names_the_field() {
    let mut a = sample();
    a.name = "n".repeat(MAX_TEXT + 1);
    assert_eq!(
        import(export(&a).as_bytes()).unwrap_err(),
        ImportError::TooLong {
            path: "assessment.name".into(),
            chars: 20_001,
            limit: 20_000
        }
    );
    let mut a = sample();
    a.edit_answer("4.1.2", 0.0, |x| x.action = "é".repeat(MAX_TEXT + 1));
    assert_eq!(
        import(export(&a).as_bytes()).unwrap_err(),
        ImportError::TooLong {
            path: "assessment.answers[1].action".into(),
            chars: 20_001,
            limit: 20_000
        }
    );
    let mut a = sample();
    a.answers.insert("x".repeat(101), Answer::default());
    assert!(matches!(
        import(export(&a).as_bytes()).unwrap_err(),
        ImportError::TooLong { path, chars: 101, limit: 100 } if path == "assessment.answers[3].id"
    ));
}

#[test]
fn the_limit_counts_characters_not_bytes() {
    let mut a = sample();
    // 20,000 emoji: 80,000 bytes, exactly the limit in characters.
    a.edit_answer("4.1.1", 0.0, |x| x.notes = "😀".repeat(MAX_TEXT));
    assert_eq!(import(export(&a).as_bytes()).unwrap().assessment, a);
}

#[test]
fn warnings_say_what_happened() {
    let unknown = ImportWarning::UnknownRequirements(vec!["99.1".into()]);
    assert_eq!(
        unknown.message(),
        "1 answer is for requirements this version of the catalogue does not have (\"99.1\"). They are kept \
         with the assessment but count in no score."
    );
    assert!(!unknown.needs_consent());
    assert!(ImportWarning::ChecksumMissing.needs_consent());
    assert!(!ImportWarning::Migrated { from: 0 }.needs_consent());
    let many = ImportWarning::UnknownRequirements((0..12).map(|i| format!("x{i}")).collect());
    assert!(many.message().contains("and 2 more"), "{}", many.message());
}

// --------------------------------------------------------------------------------------------------- CSV

/// RFC 4180 reader for the tests: quoted fields with doubled quotes, CRLF record ends.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record must end with CRLF"
    );
    records
}

fn csv_body(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{FEFF}').expect("starts with a BOM");
    parse_csv(body)
}

#[test]
fn answers_csv_has_every_requirement_in_catalogue_order() {
    let rows = csv_body(&answers_csv(&sample()));
    assert_eq!(
        rows[0],
        [
            "Clause",
            "Requirement",
            "Title",
            "Rating",
            "Score",
            "Not applicable because",
            "Notes",
            "Evidence",
            "Owner",
            "Due date",
            "Planned action",
            "Action status",
            "Documented information",
            "Gap priority"
        ]
    );
    assert_eq!(rows.len(), REQUIREMENTS.len() + 1);
    assert!(rows.iter().all(|r| r.len() == 14));
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    let catalogue: Vec<&str> = REQUIREMENTS.iter().map(|r| r.id).collect();
    assert_eq!(ids, catalogue);
    let row = |id: &str| rows.iter().find(|r| r[1] == id).unwrap().clone();
    let first = row("4.1.1");
    assert_eq!(first[0], "4.1");
    assert_eq!(first[2], "External and internal issues");
    assert_eq!(first[3], "In place");
    assert_eq!(first[4], "100");
    assert_eq!(first[6], "Reviewed, \"quarterly\"\r\nby the board");
    assert_eq!(first[7], "'=SUM(A1:A9)", "formula defused");
    assert_eq!(first[11], "", "no action, no status");
    assert_eq!(first[12], "Present");
    let partial = row("4.1.2");
    assert_eq!(&partial[3..5], ["Partially in place", "50"]);
    assert_eq!(
        &partial[8..12],
        ["Lee", "2026-12-15", "Link issues, outcomes", "In progress"]
    );
    let na = row("10.1.1");
    assert_eq!(&na[3..6], ["Not applicable", "", "Out of scope"]);
    let untouched = row("4.1.3");
    assert_eq!(
        &untouched[3..],
        ["Not assessed", "", "", "", "", "", "", "", "", "", ""]
    );
    // 10.1.1 is not applicable without another party: a gap, with its priority.
    assert!(!na[13].is_empty());
    assert_eq!(
        partial[13], "",
        "partially in place meets the default target"
    );
}

#[test]
fn capability_scores_are_percentages_of_level_five() {
    let mut a = sample();
    a.scale = Scale::Capability;
    a.answers.clear();
    a.edit_answer("4.1.1", 0.0, |x| x.rating = Some(Rating::Level(3)));
    let rows = csv_body(&answers_csv(&a));
    let row = rows.iter().find(|r| r[1] == "4.1.1").unwrap();
    assert_eq!(&row[3..5], ["Level 3: Established", "60"]);
}

#[test]
fn hostile_cells_survive_the_round_trip() {
    let hostile = [
        "plain",
        "a,b",
        "say \"hi\"",
        "\"",
        "line1\r\nline2",
        "lf\nonly",
        "cr\ronly",
        "=1+1",
        "+44 20 7946 0000",
        "-2",
        "@SUM(A1)",
        "\tindent",
        "ünï 😀, \"x\"",
        "",
        " spaced ",
    ];
    let mut a = sample();
    a.answers.clear();
    for (req, cell) in REQUIREMENTS.iter().zip(hostile) {
        a.edit_answer(req.id, 0.0, |x| {
            x.notes = cell.to_string();
            x.owner = cell.to_string();
        });
    }
    let rows = csv_body(&answers_csv(&a));
    for (req, cell) in REQUIREMENTS.iter().zip(hostile) {
        let row = rows.iter().find(|r| r[1] == req.id).unwrap();
        let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let expected = if formula {
            format!("'{cell}")
        } else {
            cell.to_string()
        };
        assert_eq!(row[6], expected, "notes {cell:?}");
        assert_eq!(row[8], expected, "owner {cell:?}");
    }
}

#[test]
fn csv_quotes_exactly_as_rfc_4180_says() {
    let mut a = sample();
    a.answers.clear();
    a.edit_answer("4.1.1", 0.0, |x| {
        x.action = "say \"hi\", then\nleave".into();
        x.owner = "Ann".into();
    });
    let csv = action_plan_csv(&a);
    assert_eq!(
        csv,
        "\u{FEFF}Clause,Requirement,Title,Action,Owner,Due date,Status\r\n\
         4.1,4.1.1,External and internal issues,\"say \"\"hi\"\", then\nleave\",Ann,,Open\r\n"
    );
}

#[test]
fn the_action_plan_lists_only_requirements_with_a_plan() {
    let mut a = sample();
    a.edit_answer("5.1.1", 0.0, |x| x.due = "2027-01-31".into());
    a.edit_answer("6.1.1", 0.0, |x| x.owner = "   ".into());
    a.answers.insert(
        "99.9".into(),
        Answer {
            action: "Check the legacy item".into(),
            ..Answer::default()
        },
    );
    let rows = csv_body(&action_plan_csv(&a));
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    // 4.1.1 has no plan, 6.1.1 only blanks; unknown ids come last, marked.
    assert_eq!(ids, ["4.1.2", "5.1.1", "99.9"]);
    assert_eq!(
        rows[1],
        [
            "4.1",
            "4.1.2",
            "Issues tied to purpose and outcomes",
            "Link issues, outcomes",
            "Lee",
            "2026-12-15",
            "In progress"
        ]
    );
    assert_eq!(rows[2][5], "2027-01-31");
    assert_eq!(rows[3][0], "");
    assert_eq!(rows[3][2], "(not in this version's catalogue)");
    // The answers CSV keeps the unknown id too.
    let all = csv_body(&answers_csv(&a));
    assert_eq!(all.last().unwrap()[1], "99.9");
}

// ------------------------------------------------------------------------------------------------ backup

fn backup_pair() -> (Vec<Assessment>, Value) {
    let mut second = sample();
    second.id = "b2".into();
    second.name = "Second".into();
    second.scale = Scale::Capability;
    second.target = Rating::Level(3);
    second.answers.clear();
    second.edit_answer("8.1.1", 5.0, |x| x.rating = Some(Rating::Level(4)));
    let exam = json!({"attempts": [{"score": 31, "of": 40}], "leitner": {"Q-001": 2}});
    (vec![sample(), second], exam)
}

fn export_pair() -> String {
    let (assessments, exam) = backup_pair();
    export_backup(
        &assessments,
        &exam,
        "0.1.0",
        "2026.1",
        "2026-11-22T10:15:00Z",
    )
}

#[test]
fn a_backup_restores_every_assessment_and_the_exam_history() {
    let (assessments, exam) = backup_pair();
    let text = export_pair();
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], "iso20000-readiness-backup");
    assert_eq!(file["format_version"], 1);
    assert_eq!(file["checksum"], checksum(&file["data"]));
    let backup = import_backup(text.as_bytes(), &is_catalogue_requirement).unwrap();
    assert_eq!(backup.assessments, assessments);
    assert_eq!(backup.exam, exam);
    assert!(backup.warnings.is_empty(), "{:?}", backup.warnings);
    assert_eq!(
        (
            backup.app_version.as_str(),
            backup.catalogue_version.as_str(),
            backup.exported_at.as_str()
        ),
        ("0.1.0", "2026.1", "2026-11-22T10:15:00Z")
    );
}

#[test]
fn a_tampered_backup_needs_consent() {
    let text = export_pair().replace("\"score\": 31", "\"score\": 40");
    let backup = import_backup(text.as_bytes(), &is_catalogue_requirement).unwrap();
    assert_eq!(backup.warnings, [ImportWarning::ChecksumMismatch]);
    assert_eq!(backup.exam["attempts"][0]["score"], 40);
}

#[test]
fn a_backup_checks_each_assessment_like_a_result_file() {
    let text = export_pair().replacen("\"rating\": \"level_4\"", "\"rating\": \"partial\"", 1);
    assert_eq!(
        import_backup(text.as_bytes(), &is_catalogue_requirement).unwrap_err(),
        ImportError::RatingOffScale {
            path: "data.assessments[1].answers[0] (requirement 8.1.1)".into(),
            rating: "Partially in place".into(),
            scale: "Capability 0-5".into()
        }
    );
    let text = export_pair().replacen("\"notes\": \"\"", "\"notes\": 7", 1);
    let e = import_backup(text.as_bytes(), &is_catalogue_requirement).unwrap_err();
    assert_eq!(
        e,
        invalid(
            "data.assessments[0].answers[1].notes",
            "should be text but is a number"
        )
    );
}

#[test]
fn a_backup_refuses_duplicate_or_empty_assessment_ids() {
    let (mut assessments, exam) = backup_pair();
    assessments[1].id = "a1".into();
    let text = export_backup(&assessments, &exam, "0.1.0", "2026.1", "now");
    assert_eq!(
        import_backup(text.as_bytes(), &is_catalogue_requirement).unwrap_err(),
        ImportError::DuplicateIds {
            path: "data.assessments".into(),
            ids: vec!["a1".into()]
        }
    );
    assessments[1].id = " ".into();
    let text = export_backup(&assessments, &exam, "0.1.0", "2026.1", "now");
    assert_eq!(
        invalid_path(import_backup(text.as_bytes(), &is_catalogue_requirement)).0,
        "data.assessments[1].id"
    );
}

#[test]
fn backup_and_result_files_are_not_confused() {
    let result = export(&sample());
    let e = import_backup(result.as_bytes(), &is_catalogue_requirement).unwrap_err();
    assert_eq!(
        e,
        ImportError::WrongKind {
            expected: FileKind::Backup,
            found: FileKind::Result
        }
    );
    assert!(e.message().contains("one assessment"), "{}", e.message());
    assert_eq!(
        import(export_pair().as_bytes()).unwrap_err(),
        ImportError::WrongKind {
            expected: FileKind::Result,
            found: FileKind::Backup
        }
    );
}

#[test]
fn a_backup_goes_through_the_same_gates() {
    let import = |bytes: &[u8]| import_backup(bytes, &is_catalogue_requirement);
    assert_eq!(import(b"").unwrap_err(), ImportError::Empty);
    assert!(matches!(
        import(&vec![b' '; MAX_BACKUP_BYTES + 1]),
        Err(ImportError::TooLarge { limit, .. }) if limit == 20 * 1024 * 1024
    ));
    let newer = export_pair().replacen("\"format_version\": 1", "\"format_version\": 3", 1);
    assert_eq!(
        import(newer.as_bytes()).unwrap_err(),
        ImportError::TooNew {
            found: 3,
            supported: 1
        }
    );
    let older = export_pair().replacen("\"format_version\": 1", "\"format_version\": 0", 1);
    assert_eq!(
        import(older.as_bytes()).unwrap_err(),
        invalid("format_version", "is 0, but backups start at version 1")
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        import(deep.as_bytes()).unwrap_err(),
        ImportError::TooDeep { limit: 64 }
    );
    let unknown = export_pair().replacen("\"8.1.1\"", "\"88.1.1\"", 1);
    let backup = import(unknown.as_bytes()).unwrap();
    assert_eq!(
        backup.warnings,
        [
            ImportWarning::ChecksumMismatch,
            ImportWarning::UnknownRequirements(vec!["88.1.1".into()])
        ]
    );
}

// ------------------------------------------------------------------------------------------------- merge

fn respondent(who: &str, scale: Scale, ratings: &[(&str, Rating, &str)]) -> (String, Assessment) {
    let mut a = sample();
    a.name = format!("{who}'s view");
    a.scale = scale;
    a.target = scale.default_target();
    a.answers.clear();
    for (id, rating, note) in ratings {
        a.edit_answer(id, 0.0, |x| {
            x.rating = Some(*rating);
            x.notes = note.to_string();
        });
    }
    (who.to_string(), a)
}

#[test]
fn merge_gives_min_median_max_and_spread() {
    use Rating::*;
    let c = Scale::Conformity;
    let respondents = [
        respondent(
            "Ann",
            c,
            &[
                ("4.1.1", NotInPlace, "Nothing written"),
                ("4.1.2", Partial, ""),
            ],
        ),
        respondent(
            "Bo",
            c,
            &[("4.1.1", InPlace, "SWOT exists"), ("4.1.2", Partial, "")],
        ),
        respondent(
            "Cy",
            c,
            &[("4.1.1", Partial, ""), ("10.1.1", NotApplicable, "")],
        ),
    ];
    let merged = merge(&respondents).unwrap();
    assert_eq!(merged.respondents, ["Ann", "Bo", "Cy"]);
    let ids: Vec<&str> = merged
        .items
        .iter()
        .map(|i| i.requirement.as_str())
        .collect();
    assert_eq!(ids, ["4.1.1", "4.1.2", "10.1.1"]);
    let first = &merged.items[0];
    // Values 0, 1, 0.5: sorted 0, 0.5, 1.
    assert_eq!(
        (first.min, first.median, first.max),
        (Some(NotInPlace), Some(Partial), Some(InPlace))
    );
    assert_eq!(first.spread, 1.0);
    assert_eq!(
        first.responses,
        [
            ("Ann".into(), NotInPlace),
            ("Bo".into(), InPlace),
            ("Cy".into(), Partial)
        ]
    );
    let agreed = &merged.items[1];
    assert_eq!(
        (agreed.min, agreed.median, agreed.max, agreed.spread),
        (Some(Partial), Some(Partial), Some(Partial), 0.0)
    );
    assert_eq!(agreed.responses.len(), 2, "Cy did not rate 4.1.2");
    let na = &merged.items[2];
    assert_eq!(
        (na.min, na.median, na.max, na.spread),
        (
            Some(NotApplicable),
            Some(NotApplicable),
            Some(NotApplicable),
            0.0
        )
    );
}

#[test]
fn an_even_count_takes_the_midpoint_of_the_two_middle_ratings() {
    use Rating::*;
    let cap = Scale::Capability;
    let respondents = [
        respondent("A", cap, &[("4.1.1", Level(1), "")]),
        respondent("B", cap, &[("4.1.1", Level(4), "")]),
        respondent("C", cap, &[("4.1.1", Level(2), "")]),
        respondent("D", cap, &[("4.1.1", Level(5), "")]),
        // Not applicable counts for nothing while others rate.
        respondent("E", cap, &[("4.1.1", NotApplicable, "")]),
    ];
    let item = &merge(&respondents).unwrap().items[0];
    // Levels sorted 1, 2, 4, 5: the midpoint of 2 and 4 is level 3.
    assert_eq!(
        (item.min, item.median, item.max),
        (Some(Level(1)), Some(Level(3)), Some(Level(5)))
    );
    assert!((item.spread - 0.8).abs() < 1e-12, "(5 - 1) / 5");
    assert_eq!(item.responses.len(), 5);
}

#[test]
fn merge_refuses_mixed_scales_and_single_respondents() {
    let one = respondent("A", Scale::Conformity, &[]);
    let other = respondent("B", Scale::Capability, &[]);
    assert!(merge(&[]).unwrap_err().to_string().contains("at least two"));
    assert_eq!(
        merge(std::slice::from_ref(&one)).unwrap_err(),
        MergeError::TooFew
    );
    let e = merge(&[one, other]).unwrap_err();
    assert!(matches!(e, MergeError::MixedScales { .. }));
    let e = e.to_string();
    assert!(
        e.contains("same scale") && e.contains("B's assessment"),
        "{e}"
    );
}

#[test]
fn the_consolidated_assessment_uses_medians_and_joins_notes() {
    use Rating::*;
    let c = Scale::Conformity;
    let respondents = [
        respondent("Ann", c, &[("4.1.1", NotInPlace, "Nothing written")]),
        respondent("", c, &[("4.1.1", InPlace, "SWOT exists\nsince 2024")]),
        respondent(
            "Cy",
            c,
            &[
                ("4.1.1", Partial, "  "),
                ("5.1.1", InPlace, "Policy signed"),
            ],
        ),
    ];
    let merged = merge(&respondents).unwrap();
    assert_eq!(merged.respondents[1], "Respondent 2");
    let a = merged.to_assessment(
        MergeRule::Median,
        &Default::default(),
        "m1".into(),
        "Consolidated".into(),
        99.0,
    );
    assert_eq!(
        (a.id.as_str(), a.name.as_str(), a.created, a.updated),
        ("m1", "Consolidated", 99.0, 99.0)
    );
    assert_eq!(a.assessor, "Ann, Respondent 2, Cy");
    assert_eq!(a.scale, Scale::Conformity);
    assert_eq!(a.answers.len(), 2);
    assert_eq!(a.rating("4.1.1"), Some(Partial));
    assert_eq!(
        a.answers["4.1.1"].notes,
        "Ann: Nothing written\nRespondent 2: SWOT exists\nsince 2024"
    );
    assert_eq!(a.rating("5.1.1"), Some(InPlace));
    assert_eq!(a.answers["5.1.1"].notes, "Cy: Policy signed");
    // The consolidated assessment is a valid one: it exports and imports cleanly.
    assert_eq!(import(export(&a).as_bytes()).unwrap().assessment, a);
}

// ------------------------------------------------------------------------------------------------ schema

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str().map(String::from))
        .collect()
}

#[test]
fn the_json_schema_describes_what_export_writes() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("public/result-format.schema.json").unwrap())
            .unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["format"]["const"], RESULT_FORMAT);
    assert_eq!(
        schema["properties"]["format_version"]["const"],
        RESULT_FORMAT_VERSION
    );
    let file: Value = serde_json::from_str(&export(&sample())).unwrap();
    let defs = &schema["$defs"];
    // The summary is derived and optional: files written before it existed stay valid.
    let mut written = keys(&file);
    assert!(written.remove("summary"));
    assert_eq!(written, strings(&schema["required"]));
    assert_eq!(keys(&file), keys(&schema["properties"]));
    assert_eq!(
        keys(&file["assessment"]),
        strings(&defs["assessment"]["required"])
    );
    assert_eq!(
        keys(&file["assessment"]["answers"][0]),
        keys(&defs["answer"]["properties"])
    );
    let all_ratings: BTreeSet<String> = [Scale::Conformity, Scale::Capability]
        .iter()
        .flat_map(|s| s.ratings())
        .chain([Rating::NotApplicable])
        .map(|r| r.to_string())
        .collect();
    assert_eq!(strings(&defs["rating"]["enum"]), all_ratings);
    assert_eq!(defs["text"]["maxLength"], MAX_TEXT);
    assert_eq!(defs["id"]["maxLength"], MAX_ID_CHARS);
    assert_eq!(defs["label"]["maxLength"], MAX_LABEL_CHARS);
}

// ------------------------------------------------------------------------- fuzzing regressions (fuzz/)

/// `sample()` as a result file, with the text of its `created` or `updated` number replaced.
fn export_with_time(key: &str, number: &str) -> Vec<u8> {
    let a = sample();
    let current = if key == "created" {
        a.created
    } else {
        a.updated
    };
    let from = format!("\"{key}\": {}", serde_json::to_string(&current).unwrap());
    let text = export(&a);
    assert!(text.contains(&from), "{text}");
    text.replace(&from, &format!("\"{key}\": {number}"))
        .into_bytes()
}

/// Found by `fuzz/fuzz_targets/import_result.rs`: serde_json (then without `float_roundtrip`) read this number
/// one bit off, and reading its export off again gave another assessment. A time must lie between 1970 and
/// the year 9999. The number is now read exactly: 1.7000000008888888e81, no longer 1.700000000888889e81.
#[test]
fn fuzz_a_time_outside_1970_to_9999_is_refused() {
    let crash =
        "1700000000888888888888888888888888888888888888888888888888888888888888888888888000.0";
    for (number, shown) in [
        (crash, "1.7000000008888888e+81"),
        ("-1.0", "-1.0"),
        ("253402300800000", "253402300800000.0"),
    ] {
        let (path, problem) = invalid_path(import(&export_with_time("created", number)));
        assert_eq!(path, "assessment.created");
        assert!(
            problem.starts_with(
                "should be a time in milliseconds since 1 January 1970 up to the year 9999"
            ),
            "{problem}"
        );
        assert!(problem.ends_with(&format!("but is {shown}")), "{problem}");
    }
    let latest = import(&export_with_time("created", "253402300799999.0")).unwrap();
    assert_eq!(latest.assessment.created, 253_402_300_799_999.0);
}

/// Found by `fuzz/fuzz_targets/import_backup.rs`: a fraction of a millisecond too long for serde_json to read
/// exactly came back changed from the backup's own export. Times are settled on import (rounded to the whole
/// millisecond should one not read back); with serde_json's `float_roundtrip` the number is read exactly
/// and kept as it is, and the export reads back unchanged and unflagged.
#[test]
fn fuzz_an_overlong_fraction_of_a_millisecond_survives_export() {
    let long = format!("1763886400000.0{}", "9".repeat(107));
    let mut a = import(&export_with_time("updated", &long))
        .unwrap()
        .assessment;
    assert_eq!(a.updated.to_bits(), 1_763_886_400_000.1_f64.to_bits());
    a.id = "b1".into();
    let exam = json!({"attempts": []});
    let file = export_backup(
        &[a.clone()],
        &exam,
        "0.1.0",
        "2026.1",
        "2026-11-22T10:15:00Z",
    );
    let once = import_backup(file.as_bytes(), &is_catalogue_requirement).unwrap();
    assert_eq!(once.assessments, vec![a.clone()]);
    assert_eq!(once.warnings, vec![]);
    let again = export_backup(
        &once.assessments,
        &exam,
        "0.1.0",
        "2026.1",
        "2026-11-22T10:15:00Z",
    );
    assert_eq!(again, file, "a second export writes the same file");
}

/// Found by `fuzz/fuzz_targets/decode_assessment.rs`: a stored assessment whose time serde_json (then without
/// `float_roundtrip`) read one bit off changed on every save. Out of range it is now unreadable (and
/// quarantined); in range it is settled, and now read exactly, so saving and loading gives it back unchanged.
#[test]
fn fuzz_a_stored_time_is_checked_and_settled() {
    use iso20000_readiness::domain::persistence::{decode, encode, DecodeError, DocumentKind};
    let stored = encode(&sample(), "0.1.0");
    let with_updated = |number: &str| {
        stored.replace(
            "\"updated\":1763886400000.5",
            &format!("\"updated\":{number}"),
        )
    };
    let crash = format!("1763886400{}.0", "0".repeat(68));
    match decode::<Assessment>(&with_updated(&crash), DocumentKind::Assessment) {
        Err(DecodeError::Corrupt(why)) => assert!(
            why.starts_with(
                "its updated time, 1.7638864e+77, is not a time between 1970 and the year 9999"
            ),
            "{why}"
        ),
        other => panic!("{other:?}"),
    }
    let long = format!("1763886400000.0{}", "9".repeat(107));
    let loaded: Assessment = decode(&with_updated(&long), DocumentKind::Assessment).unwrap();
    assert_eq!(loaded.updated.to_bits(), 1_763_886_400_000.1_f64.to_bits());
    let reloaded: Assessment = decode(&encode(&loaded, "0.1.0"), DocumentKind::Assessment).unwrap();
    assert_eq!(reloaded, loaded);
}

/// Found by `fuzz/fuzz_targets/import_backup.rs` once assessment times were settled: a number in the exam
/// history that serde_json (then without `float_roundtrip`) read one bit off came back changed, and flagged
/// as tampered with, from the backup's own export; such a backup was refused. With `float_roundtrip` the
/// number is read exactly and the backup's own export restores it bit for bit, without a warning. (A number
/// that would not read back is still refused: `refuse_inexact_numbers` stays as a guard.)
#[test]
fn fuzz_an_exam_number_with_many_digits_reads_back_unchanged() {
    let exam_with_score = |score: &str| -> Value {
        serde_json::from_str(&format!("{{\"attempts\": [{{\"score\": {score}}}]}}")).unwrap()
    };
    let backup_of =
        |exam: &Value| export_backup(&[sample()], exam, "0.1.0", "2026.1", "2026-11-22T10:15:00Z");
    let crash = format!("1.75{}", "7".repeat(45));
    let exam = exam_with_score(&crash);
    let score = exam["attempts"][0]["score"].as_f64().unwrap();
    assert_eq!(score.to_bits(), 1.757_777_777_777_777_9_f64.to_bits());
    let file = backup_of(&exam);
    let restored = import_backup(file.as_bytes(), &is_catalogue_requirement).unwrap();
    assert_eq!(restored.warnings, vec![]);
    assert_eq!(restored.exam, exam);
    let again = restored.exam["attempts"][0]["score"].as_f64().unwrap();
    assert_eq!(again.to_bits(), score.to_bits());
    assert_eq!(
        backup_of(&restored.exam),
        file,
        "a second export writes the same file"
    );
}

/// The root cause of the four fuzzing failures: without its `float_roundtrip` feature serde_json read
/// these numbers (each the shortest text of an f64, as the app writes it) one bit off. With the feature
/// (`Cargo.toml`) every finite f64 reads back bit for bit, as a plain number and inside a JSON value.
#[test]
fn fuzz_numbers_that_drifted_now_read_back_bit_for_bit() {
    fn reads_back(x: f64) -> Result<(), String> {
        let text = serde_json::to_string(&x).unwrap();
        let plain: f64 = serde_json::from_str(&text).unwrap();
        let value: Value = serde_json::from_str(&format!("{{\"n\": {text}}}")).unwrap();
        let in_value = value["n"].as_f64().unwrap();
        if plain.to_bits() == x.to_bits() && in_value.to_bits() == x.to_bits() {
            Ok(())
        } else {
            Err(format!("{text} read back as {plain:?} and {in_value:?}"))
        }
    }
    for x in [
        1_763_886_400_000.099_9,    // fuzz finding 2: came back as 1763886400000.1
        1.763_886_399_999_999_8e77, // finding 3: came back as 1.7638863999999996e77
        1.700_000_000_888_889e81,   // finding 1: came back as 1.7000000008888888e81
        1.757_777_777_777_777_9,    // finding 4: came back as 1.757777777777778
    ] {
        assert_eq!(reads_back(x), Ok(()));
    }
    proptest!(ProptestConfig::with_cases(2000), |(bits in any::<u64>())| {
        let x = f64::from_bits(bits);
        if x.is_finite() {
            prop_assert_eq!(reads_back(x), Ok(()));
        }
    });
}

#[test]
fn restore_never_overwrites_and_imports_rename_only_a_name_in_use() {
    let a = sample();
    assert_eq!(Restore::of(&a, None), Restore::Add);
    assert_eq!(Restore::of(&a, Some(&a)), Restore::AlreadyHere);
    let mut newer = a.clone();
    newer.name = "Changed since".into();
    assert_eq!(Restore::of(&a, Some(&newer)), Restore::AddBeside);
    let copy = restored_copy(a.clone(), "fresh".into());
    assert_eq!(
        (copy.id.as_str(), copy.answers.len()),
        ("fresh", a.answers.len())
    );
    assert_eq!(copy.name, format!("{} (restored)", a.name));
    assert_eq!(
        imported_name("Baseline", |_| false, "2027-01-02"),
        "Baseline"
    );
    assert_eq!(
        imported_name("Baseline", |n| n == "Baseline", "2027-01-02"),
        "Baseline (imported 2027-01-02)"
    );
}
