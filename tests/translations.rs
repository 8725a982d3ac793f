//! The German and Greek content: complete, consistent with the English, in the words of each language's
//! terminology list, and each rule of `translation_schema` catches the defect it exists for.

use iso20000_readiness::domain::catalogue::{Question, QUESTIONS, QUESTIONS_DE, QUESTIONS_EL};
use iso20000_readiness::domain::content_schema::{self, RawContent, TomlParser};
use iso20000_readiness::domain::exam::{assemble, ExamConfig, ExamItem};
use iso20000_readiness::domain::translation_schema::{
    self, prescribed_terms, term_parts, text_problem, Translation, LANGUAGES,
};
use std::path::Path;

struct Toml;
impl TomlParser for Toml {
    fn parse<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

fn english() -> RawContent {
    content_schema::load(Path::new("src/content"), &Toml).expect("English content loads")
}

fn translation(lang: &str) -> Translation {
    translation_schema::load(Path::new("src/content/i18n"), lang, &Toml)
        .unwrap_or_else(|e| panic!("{lang}: {e}"))
}

/// Breaks the real German translation with `edit` and returns the problems found.
fn problems(lang: &str, edit: impl FnOnce(&mut Translation)) -> Vec<String> {
    let mut t = translation(lang);
    edit(&mut t);
    translation_schema::validate(&english(), &t)
}

fn assert_caught(errors: &[String], needle: &str) {
    assert!(
        errors.iter().any(|e| e.contains(needle)),
        "expected a problem containing {needle:?}, got {errors:#?}"
    );
}

#[test]
fn every_language_is_complete_and_consistent() {
    let en = english();
    for lang in LANGUAGES {
        let t = translation(lang);
        assert_eq!(translation_schema::validate(&en, &t), Vec::<String>::new());
        assert_eq!(t.requirements.len(), en.requirements.len(), "{lang}");
        assert_eq!(t.questions.len(), en.questions.len(), "{lang}");
        assert_eq!(t.clauses.len(), 77, "{lang}");
        assert_eq!(t.glossary.len(), en.glossary.len(), "{lang}");
    }
}

#[test]
fn a_missing_or_unknown_id_is_refused() {
    let e = problems("de", |t| {
        t.requirements.retain(|r| r.id != "8.6.1.1");
    });
    assert_caught(&e, "requirement 8.6.1.1 has no translation");
    let e = problems("el", |t| t.questions[0].id = "d9-999".into());
    assert_caught(&e, "question d9-999 is not in the English content");
    let e = problems("de", |t| {
        let copy = t.clauses[3].clone();
        t.clauses.push(copy);
    });
    assert_caught(&e, "is translated twice");
}

#[test]
fn counts_must_match_the_english() {
    let e = problems("de", |t| {
        t.requirements[0].evidence.pop();
    });
    assert_caught(&e, "evidence has 2 entries, the English 3");
    let e = problems("el", |t| {
        t.questions[5].options.truncate(3);
    });
    assert_caught(&e, "options has 3 entries, the English 4");
    let e = problems("de", |t| {
        t.guides[0].section.pop();
    });
    assert_caught(&e, "sections, the English");
    let e = problems("de", |t| {
        let r = t
            .requirements
            .iter_mut()
            .find(|r| r.doc_item.is_some())
            .unwrap();
        r.doc_item = None;
    });
    assert_caught(&e, "doc_item is missing");
}

#[test]
fn empty_or_english_text_is_refused() {
    let e = problems("de", |t| t.clauses[10].intent = "  ".into());
    assert_caught(&e, "intent is empty");
    let en = english();
    let e = problems("de", |t| {
        t.requirements[2].guidance = en.requirements[2].guidance.clone();
    });
    assert_caught(&e, "guidance is identical to the English");
    let e = problems("el", |t| {
        t.questions[1].explanation =
            "Η απάντηση: the problem is the cause and that is what the record should say.".into();
    });
    assert_caught(&e, "still contains English");
    let e = problems("el", |t| {
        t.topics[0].summary =
            "Das Servicemanagementsystem lenkt die Services der Organisation.".into();
    });
    assert_caught(&e, "has no Greek letter");
}

#[test]
fn names_and_codes_may_stay_as_they_are() {
    assert_eq!(text_problem("el", "ITIL 4", "ITIL 4"), None);
    assert_eq!(text_problem("de", "SLA", "SLA"), None);
    assert_eq!(text_problem("de", "ISO/IEC 20000-2", ""), Some("is empty"));
}

#[test]
fn glossary_terms_follow_the_terms_list() {
    let en = english();
    for lang in LANGUAGES {
        let t = translation(lang);
        let prescribed = prescribed_terms(&t.terms);
        // The check is not empty: most glossary terms are governed by the list.
        let governed = en
            .glossary
            .iter()
            .filter(|g| prescribed.contains_key(&term_parts(&g.term).concat()))
            .count();
        assert!(
            governed >= 30,
            "{lang}: only {governed} glossary terms governed by terms.toml"
        );
    }
    let e = problems("de", |t| {
        let known_error = t
            .glossary
            .iter_mut()
            .find(|g| g.en == "Known error")
            .unwrap();
        known_error.term = "Bekanntes Problem".into();
    });
    assert_caught(&e, "terms.toml prescribes \"bekannter fehler\"");
}

#[test]
fn every_terms_list_entry_pairs_its_parts() {
    let e = problems("el", |t| {
        t.terms[0].tr = "σύστημα / διαχείριση / υπηρεσιών".into()
    });
    assert_caught(&e, "names 1 terms, its translation 3");
}

/// The German and Greek question banks (generated by build.rs from the English questions and the
/// translations) hold the same questions in the same order with the same answers, only their words differ.
fn banks() -> [(&'static str, &'static [Question]); 2] {
    [("de", QUESTIONS_DE), ("el", QUESTIONS_EL)]
}

#[test]
fn translated_banks_are_the_english_bank_in_other_words() {
    for (lang, bank) in banks() {
        assert_eq!(bank.len(), QUESTIONS.len(), "{lang}");
        for (en, tr) in QUESTIONS.iter().zip(bank) {
            assert_eq!(
                (
                    en.id,
                    en.domain,
                    en.clause,
                    en.difficulty,
                    en.kind,
                    en.answer
                ),
                (
                    tr.id,
                    tr.domain,
                    tr.clause,
                    tr.difficulty,
                    tr.kind,
                    tr.answer
                ),
                "{lang}"
            );
            assert_ne!(en.stem, tr.stem, "{lang} {}: stem not translated", en.id);
            assert_ne!(en.explanation, tr.explanation, "{lang} {}", en.id);
        }
    }
    // A German practice question and its explanation, as a German reader sees them.
    let q = QUESTIONS_DE.iter().find(|q| q.id == "d1-002").unwrap();
    assert!(q.stem.contains("bekannte"), "{}", q.stem);
    assert!(q.explanation.contains("Problem"), "{}", q.explanation);
}

#[test]
fn a_mock_exam_with_the_same_seed_is_the_same_exam_in_every_language() {
    for seed in ["abc", "class-b", "2026-12-01"] {
        let config = ExamConfig {
            seed: seed.into(),
            ..Default::default()
        };
        let english = assemble(QUESTIONS, &config);
        for (lang, bank) in banks() {
            let translated = assemble(bank, &config);
            let ids = |items: &[ExamItem]| {
                items
                    .iter()
                    .map(|i| (i.question.clone(), i.order))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&english), ids(&translated), "{lang}, seed {seed}");
        }
    }
}
