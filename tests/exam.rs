//! Exam assembly, grading, the timer and the Leitner rules, with an injected clock.

use iso20000_readiness::domain::catalogue::{QuestionKind, CATALOGUE_VERSION, QUESTIONS};
use iso20000_readiness::domain::exam::attempt::{
    items_for, proportional, AttemptProblem, ConfigError,
};
use iso20000_readiness::domain::exam::labels::{
    counted, duration_text, sorted_rows, subject_label,
};
use iso20000_readiness::domain::exam::leitner::{day_of, Leitner, GRADUATE_AFTER};
use iso20000_readiness::domain::exam::progress::{Answered, ExamStore};
use iso20000_readiness::domain::exam::wire::BankError;
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
    let refused = |c: ExamConfig| c.checked().unwrap_err();
    assert_eq!(
        refused(ExamConfig {
            count: 0,
            ..config("")
        }),
        ConfigError::NoQuestions
    );
    assert_eq!(
        refused(ExamConfig {
            count: 201,
            ..config("")
        }),
        ConfigError::TooManyQuestions
    );
    assert_eq!(
        refused(ExamConfig {
            pass_percent: 0,
            ..config("")
        }),
        ConfigError::PassMarkOutOfRange
    );
    assert_eq!(
        refused(ExamConfig {
            minutes: 601,
            ..config("")
        }),
        ConfigError::TooManyMinutes
    );
    assert_eq!(
        ConfigError::TooManyMinutes.to_string(),
        "At most 600 minutes."
    );
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
    assert_eq!(
        wire::load(&json, "other").unwrap_err(),
        BankError::OtherVersion
    );
    assert!(BankError::OtherVersion.to_string().contains("reload"));
    let unreadable = wire::load("{", CATALOGUE_VERSION).unwrap_err();
    assert_eq!(unreadable, BankError::Unreadable);
    assert!(
        !unreadable.to_string().contains("line"),
        "no parser jargon: {unreadable}"
    );
}

fn practice_with(n: usize) -> Attempt {
    let c = ExamConfig {
        count: n,
        minutes: 0,
        ..config("practice")
    };
    let items = assemble(QUESTIONS, &c);
    Attempt::new("p".into(), Mode::Practice, c, items, 1_000.0)
}

fn correct_position(a: &Attempt, i: usize) -> u8 {
    let q = QUESTIONS
        .iter()
        .find(|q| q.id == a.items[i].question)
        .unwrap();
    a.items[i].correct_position(q) as u8
}

#[test]
fn practice_scores_only_the_answered_questions() {
    let mut a = practice_with(20);
    answer_correctly(&mut a, 6, 2_000.0);
    let wrong = (correct_position(&a, 6) + 1) % 4;
    assert!(a.answer(6, wrong, 2_000.0));
    a.submit(3_000.0);
    let r = a.grade(QUESTIONS);
    assert_eq!(
        (r.correct, r.total, r.unanswered),
        (6, 7, 13),
        "13 unanswered are not scored"
    );
    assert_eq!(r.per_clause.values().map(|(_, n)| n).sum::<usize>(), 7);
    // The same answers in a mock exam: unanswered count as wrong.
    let mut m = a.clone();
    m.mode = Mode::Mock;
    let r = m.grade(QUESTIONS);
    assert_eq!((r.correct, r.total), (6, 20));
}

#[test]
fn practice_in_the_history_has_no_pass_or_fail() {
    let mut store = ExamStore::default();
    let mut a = practice_with(20);
    answer_correctly(&mut a, 2, 2_000.0);
    store.current = Some(a);
    store.finish(QUESTIONS, 3_000.0, 1);
    let h = &store.history[0];
    assert_eq!((h.correct, h.total), (2, 2));
    assert_eq!(h.verdict(), None, "no pass mark for practice");
    let mut m = attempt_with(5, 60, 65);
    answer_correctly(&mut m, 5, 2_000.0);
    store.current = Some(m);
    store.finish(QUESTIONS, 3_000.0, 1);
    assert_eq!(store.history[1].verdict(), Some(true));
}

#[test]
fn the_countdown_follows_the_wall_clock_while_the_page_is_closed() {
    // Started at t=1 s with 60 minutes; nothing ticks while the page is closed.
    let mut a = attempt_with(5, 60, 65);
    let stored = serde_json::to_string(&a).unwrap();
    // Reopened 25 minutes later: 35 minutes left, computed from the start alone.
    let reopened: Attempt = serde_json::from_str(&stored).unwrap();
    assert_eq!(reopened.remaining(1_000.0 + 25.0 * MIN), Some(35.0 * MIN));
    // Reopened after the deadline: expired, submitted at the deadline, the full hour used.
    assert!(a.auto_submit(1_000.0 + 2.0 * 60.0 * MIN));
    assert_eq!(a.grade(QUESTIONS).time_used_ms, 60.0 * MIN);
}

#[test]
fn validation_accepts_a_fresh_attempt_and_refuses_damaged_ones() {
    let good = attempt_with(5, 60, 65);
    assert_eq!(good.validate(), Ok(()));
    let damaged = |edit: &dyn Fn(&mut Attempt)| {
        let mut a = good.clone();
        edit(&mut a);
        a.validate().unwrap_err()
    };
    assert_eq!(
        damaged(&|a| a.answers.truncate(2)),
        AttemptProblem::LengthMismatch
    );
    assert_eq!(
        damaged(&|a| a.flags.push(true)),
        AttemptProblem::LengthMismatch
    );
    assert_eq!(
        damaged(&|a| a.answers[1] = Some(7)),
        AttemptProblem::AnswerOutOfRange
    );
    assert_eq!(
        damaged(&|a| a.items[0].order = [0, 0, 1, 2]),
        AttemptProblem::BadOptionOrder
    );
    assert_eq!(
        damaged(&|a| a.items[0].order = [9, 1, 2, 3]),
        AttemptProblem::BadOptionOrder
    );
    assert_eq!(damaged(&|a| a.started = f64::NAN), AttemptProblem::BadTime);
    assert!(!AttemptProblem::LengthMismatch
        .to_string()
        .contains("flags["));
}

#[test]
fn out_of_range_indices_never_panic_and_are_refused() {
    let mut a = attempt_with(3, 60, 65);
    assert!(!a.answer(3, 0, 2_000.0));
    assert!(!a.answer(0, 4, 2_000.0));
    assert_eq!(a.answer_at(99), None);
    assert!(!a.is_flagged(99));
    a.toggle_flag(99);
    // A stored attempt whose lists are shorter than its questions: every accessor stays in bounds.
    a.answers.truncate(1);
    a.flags.clear();
    assert_eq!(a.answer_at(2), None);
    assert!(!a.answer(2, 1, 2_000.0));
    let _ = a.grade(QUESTIONS);
    let _ = a.missed_questions(QUESTIONS);
    assert_eq!(a.first_unanswered(), Some(0));
}

#[test]
fn a_stored_store_with_damaged_attempts_keeps_everything_else() {
    let mut store = ExamStore::default();
    let mut finished = attempt_with(3, 60, 65);
    answer_correctly(&mut finished, 1, 2_000.0);
    store.current = Some(finished);
    store.finish(QUESTIONS, 3_000.0, 5);
    let mut broken = attempt_with(4, 60, 65);
    broken.answers = vec![Some(9); 4];
    store.current = Some(broken);
    // What localStorage holds, read back.
    let json = serde_json::to_string(&store).unwrap();
    let mut read: ExamStore = serde_json::from_str(&json).unwrap();
    let dropped = read.drop_invalid_attempts();
    assert_eq!(dropped.len(), 1);
    assert_eq!(dropped[0].problem, AttemptProblem::AnswerOutOfRange);
    assert_eq!(
        dropped[0].to_string(),
        "the exam session in progress could not be used: an answer points to an option that does not exist"
    );
    assert!(read.current.is_none(), "the damaged session is dropped");
    assert!(read.last.is_some(), "the sound review is kept");
    assert_eq!(read.history.len(), 1);
    assert_eq!(read.leitner, store.leitner);
    assert!(read.drop_invalid_attempts().is_empty(), "idempotent");
}

#[test]
fn retry_selects_exactly_the_missed_questions() {
    let mut a = attempt_with(6, 60, 65);
    answer_correctly(&mut a, 3, 2_000.0);
    let wrong = (correct_position(&a, 3) + 1) % 4;
    a.answer(3, wrong, 2_000.0);
    // Mock: the wrong answer and the two unanswered ones.
    let expected: Vec<String> = a.items[3..].iter().map(|i| i.question.clone()).collect();
    assert_eq!(a.missed_questions(QUESTIONS), expected);
    // Practice: unanswered questions were not attempted, only the wrong one is retried.
    a.mode = Mode::Practice;
    assert_eq!(
        a.missed_questions(QUESTIONS),
        vec![a.items[3].question.clone()]
    );
    let retry = items_for(&a.missed_questions(QUESTIONS), "r");
    assert_eq!(retry.len(), 1);
    assert_eq!(retry[0].question, a.items[3].question);
}

#[test]
fn practice_answers_count_once_and_go_into_the_queue_at_once() {
    let mut store = ExamStore {
        current: Some(practice_with(3)),
        ..Default::default()
    };
    let (q0, right0) = {
        let a = store.current.as_ref().unwrap();
        (a.items[0].question.clone(), correct_position(a, 0))
    };
    let wrong0 = (right0 + 1) % 4;
    assert_eq!(
        store.answer_current(0, wrong0, QUESTIONS, 2_000.0, 10),
        Answered::Recorded(Some(false))
    );
    assert!(
        store.leitner.contains(&q0),
        "a miss enters the queue at once"
    );
    assert_eq!(
        store.answer_current(0, right0, QUESTIONS, 2_000.0, 10),
        Answered::Refused,
        "the first answer counts"
    );
    assert_eq!(store.stats[&q0].seen, 1);
    assert_eq!(
        store.answer_current(7, 0, QUESTIONS, 2_000.0, 10),
        Answered::Refused
    );
}

#[test]
fn mock_answers_may_change_and_are_recorded_at_submission() {
    let mut store = ExamStore {
        current: Some(attempt_with(3, 60, 65)),
        ..Default::default()
    };
    assert_eq!(
        store.answer_current(0, 0, QUESTIONS, 2_000.0, 10),
        Answered::Recorded(None)
    );
    assert_eq!(
        store.answer_current(0, 1, QUESTIONS, 2_000.0, 10),
        Answered::Recorded(None)
    );
    assert_eq!(store.current.as_ref().unwrap().answer_at(0), Some(1));
    assert!(store.stats.is_empty(), "nothing recorded before submission");
    store.finish(QUESTIONS, 3_000.0, 10);
    assert_eq!(store.stats.values().map(|t| t.seen).sum::<u32>(), 3);
}

#[test]
fn subjects_read_as_titles_in_clause_order() {
    let topic = &iso20000_readiness::domain::catalogue::TOPICS[0];
    assert_eq!(
        subject_label(topic.id),
        topic.title,
        "no topic id on screen"
    );
    assert!(subject_label("8.1").starts_with("8.1 "));
    let keys: Vec<String> = ["10.2", "3", "9.1", "10.1", topic.id]
        .into_iter()
        .map(String::from)
        .collect();
    let rows = sorted_rows(keys.iter().map(|k| (k, ())));
    let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels[0], topic.title);
    assert!(labels[1].starts_with("3 "));
    assert!(labels[1].starts_with("3 "), "numeric, not text order");
    assert!(labels[2].starts_with("9.1 "));
    assert!(labels[3].starts_with("10.1 "));
    assert!(labels[4].starts_with("10.2 "));
}

#[test]
fn counts_and_durations_read_naturally() {
    assert_eq!(counted(1, "attempt", "attempts"), "1 attempt");
    assert_eq!(counted(2, "attempt", "attempts"), "2 attempts");
    assert_eq!(duration_text(29_000.0), "29 s");
    assert_eq!(duration_text(82_000.0), "1 min 22 s");
    assert_eq!(duration_text(f64::NAN), "0 s");
}
