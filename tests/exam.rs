//! Exam assembly, grading, the timer and the Leitner rules, with an injected clock.

use iso20000_readiness::domain::catalogue::{QuestionKind, CATALOGUE_VERSION, QUESTIONS};
use iso20000_readiness::domain::exam::attempt::{items_for, proportional};
use iso20000_readiness::domain::exam::leitner::{day_of, Leitner, GRADUATE_AFTER};
use iso20000_readiness::domain::exam::progress::ExamStore;
use iso20000_readiness::domain::exam::{assemble, wire, Attempt, ExamConfig, Mode};
use std::collections::BTreeSet;

const MIN: f64 = 60_000.0;
const DAY: f64 = 86_400_000.0;

fn config(seed: &str) -> ExamConfig {
    ExamConfig {
        seed: seed.into(),
        ..Default::default()
    }
}

#[test]
fn largest_remainder_split_is_exact_and_bounded() {
    assert_eq!(proportional(40, &[95, 245]), vec![11, 29]); // 11.18 and 28.82
    assert_eq!(
        proportional(5, &[1, 1, 1]),
        vec![1, 1, 1],
        "never more than a group holds"
    );
    assert_eq!(proportional(3, &[0, 10]), vec![0, 3]);
    assert_eq!(proportional(10, &[]), Vec::<usize>::new());
}

#[test]
fn default_mock_exam_draws_40_distinct_questions_in_proportion_to_the_domains() {
    let items = assemble(QUESTIONS, &config("abc"));
    assert_eq!(items.len(), 40);
    let ids: BTreeSet<&str> = items.iter().map(|i| i.question.as_str()).collect();
    assert_eq!(ids.len(), 40, "no question twice");
    let d1_bank = QUESTIONS.iter().filter(|q| q.domain == 1).count();
    let expected_d1 = proportional(40, &[d1_bank, QUESTIONS.len() - d1_bank])[0];
    let d1 = items
        .iter()
        .filter(|i| i.question.starts_with("d1-"))
        .count();
    assert_eq!(d1, expected_d1);
    for item in &items {
        let mut o = item.order;
        o.sort();
        assert_eq!(o, [0, 1, 2, 3], "options are a permutation");
    }
}

#[test]
fn the_same_seed_gives_the_same_exam_and_another_seed_another() {
    let a = assemble(QUESTIONS, &config("class-b"));
    assert_eq!(a, assemble(QUESTIONS, &config("class-b")));
    assert_ne!(a, assemble(QUESTIONS, &config("class-c")));
}

#[test]
fn filters_by_domain_and_clause() {
    let c = ExamConfig {
        count: 500,
        domains: vec![2],
        clauses: vec!["8.6".into()],
        ..config("f")
    };
    let items = assemble(QUESTIONS, &c);
    let expected = QUESTIONS
        .iter()
        .filter(|q| q.domain == 2 && q.clause.starts_with("8.6"))
        .count();
    assert_eq!(items.len(), expected, "all matching questions, no more");
    assert!(items.iter().all(|i| i.question.starts_with("d2-c8-")));
}

#[test]
fn config_checks_reject_out_of_range_values() {
    assert!(ExamConfig {
        count: 0,
        ..config("")
    }
    .checked()
    .is_err());
    assert!(ExamConfig {
        count: 201,
        ..config("")
    }
    .checked()
    .is_err());
    assert!(ExamConfig {
        pass_percent: 0,
        ..config("")
    }
    .checked()
    .is_err());
    assert!(ExamConfig {
        minutes: 601,
        ..config("")
    }
    .checked()
    .is_err());
    assert_eq!(
        ExamConfig {
            seed: "  s  ".into(),
            ..config("")
        }
        .checked()
        .unwrap()
        .seed,
        "s"
    );
}

fn attempt_with(n: usize, minutes: u32, pass: u32) -> Attempt {
    let c = ExamConfig {
        count: n,
        minutes,
        pass_percent: pass,
        ..config("grading")
    };
    let items = assemble(QUESTIONS, &c);
    Attempt::new("x".into(), Mode::Mock, c, items, 1_000.0)
}

fn answer_correctly(a: &mut Attempt, k: usize, now: f64) {
    for i in 0..k {
        let q = QUESTIONS
            .iter()
            .find(|q| q.id == a.items[i].question)
            .unwrap();
        let pos = a.items[i].correct_position(q) as u8;
        assert!(a.answer(i, pos, now));
    }
}

#[test]
fn grading_counts_correct_answers_and_applies_the_pass_mark() {
    let mut a = attempt_with(40, 60, 65);
    answer_correctly(&mut a, 26, 2_000.0);
    // A wrong answer on question 27.
    let q = QUESTIONS
        .iter()
        .find(|q| q.id == a.items[26].question)
        .unwrap();
    let wrong = (a.items[26].correct_position(q) as u8 + 1) % 4;
    a.answer(26, wrong, 2_000.0);
    a.submit(10.0 * MIN);
    let r = a.grade(QUESTIONS);
    assert_eq!((r.correct, r.total), (26, 40));
    assert!(r.passed(), "26/40 = 65 % passes at 65 %");
    assert_eq!(r.percent(), 65.0);
    assert_eq!(r.per_domain.values().map(|(_, n)| n).sum::<usize>(), 40);
    assert_eq!(r.time_used_ms, 10.0 * MIN - 1_000.0);
    let mut b = attempt_with(40, 60, 65);
    answer_correctly(&mut b, 25, 2_000.0);
    b.submit(3_000.0);
    assert!(!b.grade(QUESTIONS).passed(), "25/40 fails");
}

#[test]
fn the_timer_counts_down_refuses_late_answers_and_auto_submits() {
    let mut a = attempt_with(5, 1, 65);
    assert_eq!(a.deadline(), Some(1_000.0 + MIN));
    assert_eq!(a.remaining(1_000.0 + 20_000.0), Some(40_000.0));
    assert!(!a.auto_submit(1_000.0 + 59_000.0));
    assert!(a.answer(0, 1, 1_000.0 + 59_000.0));
    assert!(
        !a.answer(1, 1, 1_000.0 + MIN + 1.0),
        "no answers after the deadline"
    );
    assert!(a.auto_submit(1_000.0 + 5.0 * MIN));
    assert_eq!(
        a.submitted,
        Some(1_000.0 + MIN),
        "submitted at the deadline, not when noticed"
    );
    assert!(
        !a.answer(0, 2, 1_000.0 + 30_000.0),
        "no changes after submission"
    );
}

#[test]
fn an_untimed_session_never_expires() {
    let a = attempt_with(3, 0, 65);
    assert_eq!(a.deadline(), None);
    assert!(!a.is_expired(1e15));
}

#[test]
fn flags_toggle() {
    let mut a = attempt_with(3, 10, 65);
    a.toggle_flag(1);
    assert_eq!(a.flags, vec![false, true, false]);
    a.toggle_flag(1);
    assert_eq!(a.flags, vec![false, false, false]);
}

#[test]
fn days_follow_the_local_calendar() {
    // 2026-01-01T23:30Z is still 1 January in UTC but 2 January at UTC+1 (offset -60).
    let t = 1_767_310_200_000.0;
    assert_eq!(day_of(t, -60), day_of(t, 0) + 1);
    assert_eq!(day_of(t + DAY, 0), day_of(t, 0) + 1);
}

#[test]
fn leitner_missed_questions_enter_and_leave_after_correct_answers_on_separate_days() {
    let mut l = Leitner::default();
    l.record("q1", true, 10);
    assert!(
        !l.contains("q1"),
        "a correct answer alone does not enter the queue"
    );
    l.record("q1", false, 10);
    assert!(l.contains("q1"));
    assert_eq!(l.due(10), vec!["q1"], "due at once after a miss");
    l.record("q1", true, 10);
    assert_eq!(
        l.cards["q1"].streak, 0,
        "the same day as the miss does not count"
    );
    l.record("q1", true, 11);
    assert_eq!(l.cards["q1"].streak, 1);
    l.record("q1", true, 11);
    assert_eq!(l.cards["q1"].streak, 1, "twice the same day counts once");
    assert!(!l.due(11).contains(&"q1".to_string()), "box 2 waits a day");
    assert!(l.due(12).contains(&"q1".to_string()));
    l.record("q1", true, 12);
    assert_eq!(GRADUATE_AFTER, 2);
    assert!(
        !l.contains("q1"),
        "graduates after two correct days in a row"
    );
}

#[test]
fn leitner_a_miss_resets_the_streak() {
    let mut l = Leitner::default();
    l.record("q", false, 1);
    l.record("q", true, 2);
    l.record("q", false, 3);
    assert_eq!((l.cards["q"].level, l.cards["q"].streak), (1, 0));
    l.record("q", true, 4);
    assert!(l.contains("q"));
}

#[test]
fn drill_puts_due_questions_first() {
    let mut l = Leitner::default();
    l.record("a", false, 1);
    l.record("a", true, 2); // box 2, due from day 3
    l.record("b", false, 2); // box 1, due now
    assert_eq!(l.drill(2, 10), vec!["b", "a"]);
    assert_eq!(l.drill(2, 1), vec!["b"]);
    let items = items_for(&l.drill(2, 10), "s");
    assert_eq!(items.len(), 2);
}

#[test]
fn finishing_a_mock_exam_records_history_stats_and_weak_spots() {
    let mut store = ExamStore::default();
    let mut a = attempt_with(5, 60, 65);
    answer_correctly(&mut a, 3, 2_000.0); // two left unanswered: they count as missed
    let missed: Vec<String> = a.items[3..].iter().map(|i| i.question.clone()).collect();
    store.current = Some(a);
    store.finish(QUESTIONS, 5.0 * MIN, 100);
    assert!(store.current.is_none());
    assert_eq!(store.history.len(), 1);
    assert_eq!((store.history[0].correct, store.history[0].total), (3, 5));
    assert!(!store.history[0].passed());
    for id in &missed {
        assert!(store.leitner.contains(id), "{id} is a weak spot");
    }
    let by_domain = store.accuracy_by(QUESTIONS, |q| q.domain.to_string());
    assert_eq!(by_domain.values().map(|t| t.seen).sum::<u32>(), 5);
    assert_eq!(by_domain.values().map(|t| t.correct).sum::<u32>(), 3);
    assert!(store.last.is_some(), "kept for review");
}

#[test]
fn the_exported_bank_loads_back_identical() {
    let json = wire::export(QUESTIONS, CATALOGUE_VERSION);
    let bank = wire::load(&json, CATALOGUE_VERSION).unwrap();
    assert_eq!(bank, QUESTIONS);
    assert!(bank.iter().any(|q| q.kind == QuestionKind::Scenario));
    assert!(wire::load(&json, "other").unwrap_err().contains("reload"));
    assert!(wire::load("{", CATALOGUE_VERSION).is_err());
}
