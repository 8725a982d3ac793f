//! The content rules: the real content passes, and each rule catches the defect it exists for.

use iso20000_readiness::domain::catalogue::{
    self, DocKind, CLAUSES, GLOSSARY, QUESTIONS, REQUIREMENTS,
};
use iso20000_readiness::domain::content_schema::{
    self, expected_leaves, is_within, validate, RawContent, TomlParser, EXPECTED_CLAUSES,
};
use std::path::Path;

struct Toml;
impl TomlParser for Toml {
    fn parse<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

fn real() -> RawContent {
    content_schema::load(Path::new("src/content"), &Toml).expect("content loads")
}

/// Breaks the real content with `edit` and returns the problems found.
fn problems(edit: impl FnOnce(&mut RawContent)) -> Vec<String> {
    let mut c = real();
    edit(&mut c);
    validate(&c)
}

fn assert_caught(errors: &[String], needle: &str) {
    assert!(
        errors.iter().any(|e| e.contains(needle)),
        "expected a problem containing {needle:?}, got {errors:#?}"
    );
}

#[test]
fn real_content_is_valid_and_complete() {
    assert_eq!(validate(&real()), Vec::<String>::new());
    assert_eq!(CLAUSES.len(), 77);
    assert_eq!(expected_leaves().len(), 57);
    assert!(
        REQUIREMENTS.len() >= 220,
        "{} requirements",
        REQUIREMENTS.len()
    );
    assert!(GLOSSARY.len() >= 50);
    assert!(QUESTIONS.len() >= 320);
}

#[test]
fn every_leaf_has_at_least_two_requirements_in_the_compiled_catalogue() {
    for leaf in expected_leaves() {
        let n = catalogue::requirements_within(leaf).count();
        assert!(n >= 2, "leaf {leaf} has {n}");
        assert!(catalogue::clause(leaf).unwrap().is_leaf);
    }
}

#[test]
fn compiled_requirements_follow_the_standards_order() {
    let order = |c: &str| EXPECTED_CLAUSES.iter().position(|(n, _)| *n == c).unwrap();
    assert!(REQUIREMENTS
        .windows(2)
        .all(|w| order(w[0].clause) <= order(w[1].clause)));
}

#[test]
fn catches_a_missing_clause() {
    let e = problems(|c| {
        c.clauses.retain(|x| x.number != "8.5.2.2");
    });
    assert_caught(&e, "clause 8.5.2.2 (Design) is missing");
}

#[test]
fn catches_a_wrong_title() {
    let e = problems(|c| c.clauses[1].title = "Context".into());
    assert_caught(&e, "title \"Context\" should be");
}

#[test]
fn catches_a_leaf_with_too_few_requirements() {
    let e = problems(|c| {
        let first = c
            .requirements
            .iter()
            .position(|r| r.clause == "9.2")
            .unwrap();
        c.requirements.retain(|r| r.clause != "9.2");
        let mut one = real().requirements[first].clone();
        one.id = "9.2.1".into();
        c.requirements.push(one);
    });
    assert_caught(&e, "leaf clause 9.2: 1 requirements, at least 2 needed");
}

#[test]
fn catches_a_missing_leaf() {
    let e = problems(|c| c.requirements.retain(|r| r.clause != "8.7.3.3"));
    assert_caught(&e, "leaf clause 8.7.3.3: 0 requirements");
}

#[test]
fn catches_a_duplicate_requirement_id() {
    let e = problems(|c| {
        let dup = c.requirements[0].clone();
        c.requirements.push(dup);
    });
    assert_caught(&e, "duplicate id");
}

#[test]
fn catches_an_empty_field() {
    let e = problems(|c| c.requirements[3].guidance = "  ".into());
    assert_caught(&e, "guidance is empty");
    let e = problems(|c| c.requirements[3].evidence = vec![]);
    assert_caught(&e, "evidence is empty");
    let e = problems(|c| c.clauses[0].intent = String::new());
    assert_caught(&e, "intent is empty");
}

#[test]
fn catches_an_id_whose_prefix_is_not_its_clause() {
    let e = problems(|c| c.requirements[0].id = "5.1.99".into());
    assert_caught(&e, "id must be \"4.1.<n>\"");
}

#[test]
fn catches_a_requirement_on_a_clause_that_is_not_a_leaf() {
    let e = problems(|c| {
        c.requirements[0].clause = "8.6".into();
        c.requirements[0].id = "8.6.9".into();
    });
    assert_caught(&e, "is not a leaf clause");
}

#[test]
fn catches_a_weight_out_of_range() {
    let e = problems(|c| c.requirements[5].weight = 4);
    assert_caught(&e, "weight 4 is out of range");
    let e = problems(|c| c.requirements[5].weight = 0);
    assert_caught(&e, "weight 0 is out of range");
}

#[test]
fn catches_documented_information_without_a_name() {
    let e = problems(|c| {
        let r = c
            .requirements
            .iter_mut()
            .find(|r| r.doc == "document")
            .unwrap();
        r.doc_item = None;
    });
    assert_caught(&e, "doc_item is missing");
}

#[test]
fn every_leaf_has_a_typical_finding_in_the_compiled_catalogue() {
    for c in CLAUSES {
        match (c.is_leaf, c.text().typical_finding) {
            (true, Some(f)) => assert!(f.split_whitespace().count() >= 12, "{}: {f}", c.number),
            (true, None) => panic!("leaf {} has no typical finding", c.number),
            (false, f) => assert_eq!(f, None, "{} is not a leaf", c.number),
        }
    }
}

#[test]
fn catches_a_leaf_without_a_typical_finding() {
    let e = problems(|c| {
        let x = c.clauses.iter_mut().find(|x| x.number == "8.6.3").unwrap();
        x.typical_finding = None;
    });
    assert_caught(&e, "clause 8.6.3: leaf clause needs a typical_finding");
    let e = problems(|c| {
        let x = c.clauses.iter_mut().find(|x| x.number == "9.2").unwrap();
        x.typical_finding = Some(" ".into());
    });
    assert_caught(&e, "clause 9.2: leaf clause needs a typical_finding");
    let e = problems(|c| {
        let x = c.clauses.iter_mut().find(|x| x.number == "8.6").unwrap();
        x.typical_finding = Some("Not a leaf.".into());
    });
    assert_caught(&e, "clause 8.6: only leaf clauses carry a typical_finding");
}

#[test]
fn catches_a_wrong_requirement_kind() {
    let e = problems(|c| c.requirements[0].kind = "nice_to_have".into());
    assert_caught(&e, "kind \"nice_to_have\" is not one of");
    let e = problems(|c| c.requirements[0].kind = "orientation".into());
    assert_caught(
        &e,
        "kind \"orientation\" only fits a clause with no requirement",
    );
    let e = problems(|c| {
        let r = c
            .requirements
            .iter_mut()
            .find(|r| r.clause == "8.3.1")
            .unwrap();
        r.kind = "requirement".into();
    });
    assert_caught(&e, "clause 8.3.1 holds no auditable requirement");
    let e = problems(|c| {
        c.requirements
            .iter_mut()
            .filter(|r| r.clause == "7.4")
            .for_each(|r| r.kind = "good_practice".into())
    });
    assert_caught(&e, "leaf clause 7.4: only good practice");
}

#[test]
fn the_climate_amendment_is_a_requirement_of_4_1() {
    let found = catalogue::requirements_within("4.1").any(|r| {
        r.counts_for_conformity() && r.text().question.to_lowercase().contains("climate change")
    });
    assert!(
        found,
        "Amd 1:2024: 4.1 asks whether climate change is relevant"
    );
    let e = problems(|c| {
        c.requirements
            .retain(|r| !(r.clause == "4.1" && r.question.contains("climate change")))
    });
    assert_caught(
        &e,
        "leaf clause 4.1: no requirement asks about \"climate change\"",
    );
    // The 4.2 note is guidance, so its statement must not count.
    assert!(catalogue::requirements_within("4.2")
        .filter(|r| r.text().question.to_lowercase().contains("climate"))
        .all(|r| !r.counts_for_conformity()));
}

#[test]
fn the_review_s_corrections_stay_in_place() {
    let text = |id: &str| {
        let r = catalogue::requirement(id).unwrap_or_else(|| panic!("{id} missing"));
        format!("{} {}", r.text().question, r.text().guidance).to_lowercase()
    };
    // 8.5.3: the baseline of affected CIs before deployment is an obligation.
    assert!(catalogue::requirements_within("8.5.3")
        .any(|r| r.counts_for_conformity() && r.text().question.contains("baseline")));
    // Documented-information flags corrected.
    assert_eq!(
        catalogue::requirement("8.7.1.1").map(|r| r.doc),
        Some(DocKind::Document)
    );
    assert!(catalogue::requirements_within("7.5.4").any(|r| r.doc == DocKind::Record));
    // 2018 wording rather than 2011 carry-overs.
    assert!(!text("8.7.3.3.1").contains("through your incident management procedures"));
    assert!(!text("9.4.3")
        .split("2011")
        .next()
        .unwrap()
        .contains("significant events"));
    let glossary = |term: &str| {
        GLOSSARY
            .iter()
            .find(|t| t.term == term)
            .unwrap_or_else(|| panic!("{term} missing"))
            .definition
    };
    assert!(glossary("Information security").contains("accessib"));
    assert!(!glossary("Information security").contains("integrity and availability"));
    assert!(glossary("Corrective action").contains("less likely"));
    assert!(glossary("External supplier").contains("larger"));
}

#[test]
fn guides_hold_what_a_trainer_expects() {
    let all: String = catalogue::GUIDES
        .iter()
        .flat_map(|g| g.sections)
        .flat_map(|s| {
            s.paragraphs.iter().chain(s.points).copied().chain(
                s.table
                    .iter()
                    .flat_map(|t| t.rows.iter().flat_map(|r| r.iter().copied())),
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "clauses 4 and 5",
        "8.2.3",
        "Statement of Applicability",
        "3.1",
        "3.2",
        "ISO/IEC 20000-2",
        "ISO/IEC 20000-3",
        "ISO/IEC 20000-6",
        "ISO/IEC 20000-7",
        "ISO/IEC 20000-10",
        "ISO/IEC TR 20000-9",
        "ISO/IEC TR 20000-11",
        "ISO/IEC TR 20000-12",
        "ISO/IEC TR 20000-13",
        "ISO/IEC TS 20000-5",
        "ISO/IEC 19770-1",
        "ISO/IEC 27035",
        "Management representative",
        "climate change",
    ] {
        assert!(all.contains(needle), "guides do not mention {needle:?}");
    }
    let changes = catalogue::guide("guide-2011-to-2018").expect("2011 to 2018 guide");
    let table = changes
        .sections
        .iter()
        .find_map(|s| s.table.as_ref())
        .expect("a table of changes");
    assert_eq!(table.columns.len(), 3);
    assert!(table.rows.len() >= 10);
}

#[test]
fn catches_guide_defects() {
    let e = problems(|c| c.guides[0].id = "application".into());
    assert_caught(&e, "id must start with \"guide-\"");
    let e = problems(|c| {
        let t = c
            .guides
            .iter_mut()
            .flat_map(|g| g.section.iter_mut())
            .find_map(|s| s.table.as_mut())
            .unwrap();
        t.rows[0].pop();
    });
    assert_caught(&e, "table row 1 needs");
    let e = problems(|c| {
        let s = &mut c.guides[0].section[0];
        s.paragraphs.clear();
        s.points.clear();
        s.table = None;
    });
    assert_caught(&e, "no paragraphs, points or table");
}

#[test]
fn catches_a_duplicated_glossary_term() {
    let e = problems(|c| {
        let mut t = c.glossary[0].clone();
        t.term = t.term.to_uppercase();
        c.glossary.push(t);
    });
    assert_caught(&e, "duplicate term");
}

#[test]
fn catches_a_glossary_link_to_a_missing_clause() {
    let e = problems(|c| c.glossary[2].clauses.push("11.1".into()));
    assert_caught(&e, "links to clause \"11.1\", which does not exist");
}

#[test]
fn catches_question_defects() {
    let e = problems(|c| c.questions[0].options.pop().map(|_| ()).unwrap());
    assert_caught(&e, "3 options, exactly 4 needed");
    let e = problems(|c| c.questions[1].answer = 4);
    assert_caught(&e, "answer 4 is not an option's index");
    let e = problems(|c| {
        let stem = c.questions[2].stem.to_uppercase();
        c.questions[3].stem = stem;
    });
    assert_caught(&e, "stem duplicates another question's");
    let e = problems(|c| {
        let q = c.questions.iter_mut().find(|q| q.domain == 2).unwrap();
        q.clause = "8.9".into();
    });
    assert_caught(&e, "clause \"8.9\" does not exist");
    let e = problems(|c| c.questions[4].options[1] = c.questions[4].options[0].clone());
    assert_caught(&e, "options are empty or repeat each other");
    let e = problems(|c| c.questions[5].explanation = String::new());
    assert_caught(&e, "explanation is empty");
}

#[test]
fn catches_thin_coverage_of_the_bank() {
    let e = problems(|c| {
        c.questions
            .retain(|q| !(q.domain == 2 && is_within(&q.clause, "7.6")))
    });
    assert_caught(&e, "subclause 7.6 has 0 questions");
    let e = problems(|c| c.questions.truncate(100));
    assert_caught(&e, "100 questions, at least 320 needed");
    let e = problems(|c| {
        c.questions
            .iter_mut()
            .for_each(|q| q.kind = "knowledge".into())
    });
    assert_caught(&e, "scenario questions");
    let e = problems(|c| c.questions.iter_mut().for_each(|q| q.answer = 0));
    assert_caught(&e, "answer position 1 is correct in 0");
}

#[test]
fn the_bank_meets_its_coverage_figures() {
    let d1 = QUESTIONS.iter().filter(|q| q.domain == 1).count();
    assert!(d1 >= 70, "{d1} domain-1 questions");
    for (n, _) in EXPECTED_CLAUSES
        .iter()
        .filter(|(n, _)| content_schema::depth(n) == 2)
    {
        let k = QUESTIONS
            .iter()
            .filter(|q| q.domain == 2 && is_within(q.clause, n))
            .count();
        assert!(k >= 3, "subclause {n}: {k} questions");
    }
}

// ==== Question style: items that test knowledge, not test-wiseness ====

/// The raw question with `id`, for the style tests.
fn question_mut<'a>(c: &'a mut RawContent, id: &str) -> &'a mut content_schema::RawQuestion {
    c.questions.iter_mut().find(|q| q.id == id).unwrap()
}

#[test]
fn style_counts_of_the_bank_stay_within_their_bounds() {
    let c = real();
    let giveaways = c
        .questions
        .iter()
        .filter(|q| content_schema::is_absolute_giveaway(q))
        .count();
    let certification = c
        .questions
        .iter()
        .filter(|q| content_schema::has_certification_body_distractor(q))
        .count();
    let hard_recall = c
        .questions
        .iter()
        .filter(|q| q.difficulty == 3 && q.kind == "knowledge")
        .count();
    println!(
        "absolute-word giveaways: {giveaways}, certification body distractors: {certification}, \
         difficulty-3 knowledge questions: {hard_recall}"
    );
    assert!(hard_recall <= content_schema::STYLE_BOUNDS.difficulty_3_knowledge);
    assert!(giveaways <= content_schema::STYLE_BOUNDS.absolute_giveaways);
    assert!(certification <= content_schema::STYLE_BOUNDS.certification_body_distractors);
    let keys_with_absolutes = c
        .questions
        .iter()
        .filter(|q| {
            let key = &q.options[q.answer as usize];
            content_schema::ABSOLUTE_WORDS
                .iter()
                .any(|w| content_schema::has_phrase(key, w))
        })
        .count();
    assert!(
        keys_with_absolutes >= 12,
        "absolute words must also appear in keys where true, found {keys_with_absolutes}"
    );
}

#[test]
fn whole_words_only_are_matched() {
    assert!(content_schema::has_phrase("Only the SMS", "only"));
    assert!(content_schema::has_phrase(
        "as the other three show",
        "the other three"
    ));
    assert!(!content_schema::has_phrase("install the tool", "all"));
    assert!(!content_schema::has_phrase(
        "a commercial option, a supplier",
        "option a"
    ));
    assert!(content_schema::has_phrase(
        "Unlike Option A, it",
        "option a"
    ));
}

#[test]
fn catches_an_explanation_that_names_an_option_by_position() {
    let e = problems(|c| {
        question_mut(c, "d1-001").explanation += " The first option is a trap.";
    });
    assert_caught(
        &e,
        "question d1-001: explanation refers to an option by position",
    );
    let e = problems(|c| {
        question_mut(c, "d1-002").explanation = "Option C is right.".into();
    });
    assert_caught(
        &e,
        "question d1-002: explanation refers to an option by position",
    );
}

#[test]
fn catches_an_absurd_option() {
    let e = problems(|c| {
        question_mut(c, "d1-003").options[0] = "The colour scheme of the service report".into();
    });
    assert_caught(&e, "question d1-003: an option mentions \"colour scheme\"");
}

#[test]
fn catches_too_many_absolute_word_giveaways() {
    let e = problems(|c| {
        for q in c.questions.iter_mut() {
            let wrong = if q.answer == 0 { 1 } else { 0 };
            q.options[wrong] = format!("Only {}", q.options[wrong]);
        }
    });
    assert_caught(
        &e,
        "questions have absolute words (only, always, never...) in wrong options only",
    );
    // An absolute word in the key as well is no giveaway.
    let mut c = real();
    let q = question_mut(&mut c, "d1-001");
    q.options[0] = "Always an incident that has stayed open too long".into();
    assert!(content_schema::is_absolute_giveaway(q));
    let key = q.answer as usize;
    q.options[key] = format!("{}, always", q.options[key]);
    assert!(!content_schema::is_absolute_giveaway(q));
}

#[test]
fn catches_too_many_certification_body_distractors() {
    let e = problems(|c| {
        for q in c.questions.iter_mut() {
            let wrong = if q.answer == 0 { 1 } else { 0 };
            q.options[wrong] = format!("Ask the certification body: {}", q.options[wrong]);
        }
    });
    assert_caught(&e, "questions use the certification body as a distractor");
}

#[test]
fn catches_recall_questions_rated_hard() {
    let e = problems(|c| {
        c.questions
            .iter_mut()
            .filter(|q| q.kind == "knowledge")
            .take(20)
            .for_each(|q| q.difficulty = 3)
    });
    assert_caught(&e, "knowledge questions rated difficulty 3");
}

#[test]
fn catches_keys_that_are_the_longest_option_too_often() {
    let e = problems(|c| {
        for q in c.questions.iter_mut() {
            let key = q.answer as usize;
            q.options[key] = format!("{} (this is what the standard asks for)", q.options[key]);
        }
    });
    assert_caught(&e, "the key is the longest option in");
    let c = real();
    let n = c
        .questions
        .iter()
        .filter(|q| content_schema::key_is_longest(q))
        .count();
    println!("key is the longest option: {n} of {}", c.questions.len());
}
