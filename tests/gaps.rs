//! Gap analysis, action plan, documented-information checklist and baseline comparison, with hand-computed
//! expectations.

use iso20000_readiness::domain::assessment::{
    ActionStatus, Assessment, DocStatus, NewAssessment, Rating, Scale,
};
use iso20000_readiness::domain::catalogue::{
    DocKind, Requirement, RequirementKind, CLAUSES, REQUIREMENTS,
};
use iso20000_readiness::domain::gaps::{
    action_plan, action_plan_over, compare, compare_over, doc_checklist, doc_checklist_over,
    doc_score, gaps, gaps_over, owners, ActionItem, Change, GapFilter, StillToAssess,
};
use iso20000_readiness::domain::scoring::Scorecard;

const fn req(
    id: &'static str,
    clause: &'static str,
    weight: u8,
    doc: DocKind,
    doc_item: Option<&'static str>,
) -> Requirement {
    Requirement::unlisted(id, clause, weight, RequirementKind::Requirement).with_doc(doc, doc_item)
}

/// Six made-up requirements. "Policy" is asked for as a document twice (5.1.1, 9.2.1) and once as a record.
static REQS: [Requirement; 6] = [
    req("4.1.1", "4.1", 1, DocKind::None, None),
    req("4.1.2", "4.1", 3, DocKind::Document, Some("Scope")),
    req("5.1.1", "5.1", 2, DocKind::Document, Some("Policy")),
    req("8.1.1", "8.1", 2, DocKind::Record, Some("Incidents")),
    req("9.2.1", "9.2", 3, DocKind::Document, Some("Policy")),
    req("9.2.2", "9.2", 1, DocKind::Record, Some("Policy")),
];

fn assessment(scale: Scale, target: Option<Rating>) -> Assessment {
    NewAssessment {
        name: "Test".into(),
        scale,
        target,
        ..Default::default()
    }
    .build("t1".into(), 0.0)
    .unwrap()
}

fn rate(a: &mut Assessment, id: &str, r: Rating) {
    a.edit_answer(id, 1.0, |x| x.rating = Some(r));
}

/// Every requirement of the test set rated `r`: only rated requirements can be gaps.
fn rate_all(a: &mut Assessment, r: Rating) {
    for q in &REQS {
        rate(a, q.id, r);
    }
}

fn plan(a: &mut Assessment, id: &str, owner: &str, due: &str, status: ActionStatus) {
    a.edit_answer(id, 1.0, |x| {
        x.action = format!("Fix {id}");
        x.owner = owner.into();
        x.due = due.into();
        x.action_status = status;
    });
}

fn check_doc(a: &mut Assessment, id: &str, s: DocStatus) {
    a.edit_answer(id, 1.0, |x| x.doc_status = Some(s));
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

fn close_opt(a: Option<f64>, b: Option<f64>) {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        _ => assert_eq!(a, b),
    }
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &'static str) -> Vec<&'static str> {
    items.iter().map(id).collect()
}

// --- Gap analysis -----------------------------------------------------------------------------------------

#[test]
fn gaps_are_ordered_by_gap_times_weight_then_standard_order() {
    let mut a = assessment(Scale::Conformity, Some(Rating::InPlace)); // target 1.0
    rate(&mut a, "4.1.2", Rating::Partial); // gap 0.5 x 3 = 1.5
    rate(&mut a, "5.1.1", Rating::InPlace); // no gap
    rate(&mut a, "8.1.1", Rating::NotInPlace); // gap 1 x 2 = 2
    rate(&mut a, "9.2.1", Rating::Partial); // gap 0.5 x 3 = 1.5
                                            // 4.1.1 and 9.2.2 unanswered: still to assess, not gaps
    let found = gaps_over(&a, REQS.iter());
    assert_eq!(
        ids(&found, |g| g.requirement.id),
        ["8.1.1", "4.1.2", "9.2.1"]
    );
    let p: Vec<f64> = found.iter().map(|g| g.priority).collect();
    for (got, want) in p.iter().zip([2.0, 1.5, 1.5]) {
        close(*got, want);
    }
    let g = &found[1];
    assert_eq!((g.rating, g.current), (Rating::Partial, Some(0.5)));
    assert_eq!(
        (g.rating_label(), g.priority_label()),
        ("Partially in place".to_string(), "1.5".to_string())
    );
    close(g.target, 1.0);
    close(g.gap, 0.5);
    let open = StillToAssess::over(&a, REQS.iter());
    assert_eq!(ids(&open.requirements, |r| r.id), ["4.1.1", "9.2.2"]);
    assert_eq!(open.sentence(), "2 requirements are still to assess.");
}

#[test]
fn still_to_assess_counts_per_subclause_and_follows_the_clause_filter() {
    let mut a = assessment(Scale::Conformity, None);
    rate(&mut a, "4.1.2", Rating::NotInPlace);
    let open = StillToAssess::over(&a, REQS.iter());
    let groups = open.by_clause(None);
    let numbers: Vec<(&str, usize, &str)> = groups
        .iter()
        .map(|g| (g.clause.number, g.count, g.first.id))
        .collect();
    assert_eq!(
        numbers,
        [
            ("4.1", 1, "4.1.1"),
            ("5.1", 1, "5.1.1"),
            ("8.1", 1, "8.1.1"),
            ("9.2", 2, "9.2.1")
        ]
    );
    assert_eq!(open.within(Some("9")), 2);
    assert_eq!(open.within(None), 5);
    assert_eq!(open.by_clause(Some("9")).len(), 1);
    // The rated gap is not among them, and the unassessed ones are not gaps.
    assert_eq!(
        ids(&gaps_over(&a, REQS.iter()), |g| g.requirement.id),
        ["4.1.2"]
    );
}

#[test]
fn capability_gaps_use_level_over_five_and_skip_ratings_at_or_above_target() {
    let mut a = assessment(Scale::Capability, Some(Rating::Level(3))); // target 0.6
    for r in &REQS {
        rate(&mut a, r.id, Rating::Level(3));
    }
    rate(&mut a, "4.1.2", Rating::Level(2)); // 0.6 - 0.4 = 0.2, x 3 = 0.6
    rate(&mut a, "9.2.1", Rating::Level(5)); // above target: no gap
    rate(&mut a, "8.1.1", Rating::Level(0)); // 0.6 x 2 = 1.2
    let found = gaps_over(&a, REQS.iter());
    assert_eq!(ids(&found, |g| g.requirement.id), ["8.1.1", "4.1.2"]);
    close(found[0].priority, 1.2);
    close(found[1].gap, 0.2);
    close(found[1].priority, 0.6);
}

#[test]
fn only_justified_not_applicable_is_left_out_of_the_gaps() {
    let mut a = assessment(Scale::Conformity, None); // target 0.5
    for r in &REQS {
        rate(&mut a, r.id, Rating::InPlace);
    }
    // Justified: another party under 8.2.3 control, with a reason.
    a.edit_answer("4.1.1", 1.0, |x| {
        x.rating = Some(Rating::NotApplicable);
        x.na_other_party = true;
        x.na_justification = "Run by the parent company".into();
    });
    // Other party ticked, but no reason given.
    a.edit_answer("5.1.1", 1.0, |x| {
        x.rating = Some(Rating::NotApplicable);
        x.na_other_party = true;
        x.na_justification = "   ".into();
    });
    // A reason, but no other party: ISO/IEC 20000-1 allows no such exclusion.
    a.edit_answer("9.2.1", 1.0, |x| {
        x.rating = Some(Rating::NotApplicable);
        x.na_justification = "We do not do this".into();
    });
    let found = gaps_over(&a, REQS.iter());
    assert_eq!(ids(&found, |g| g.requirement.id), ["9.2.1", "5.1.1"]);
    for g in &found {
        assert_eq!((g.rating, g.current), (Rating::NotApplicable, None));
        close(g.gap, 0.5);
    }
    close(found[0].priority, 1.5);
    close(found[1].priority, 1.0);
}

#[test]
fn empty_assessment_has_no_gap_and_everything_still_to_assess() {
    let a = assessment(Scale::Conformity, None);
    assert!(gaps(&a).is_empty());
    let open = StillToAssess::over(&a, REQUIREMENTS.iter());
    // Every requirement that counts; good practice and orientation checks are never in the way.
    let counted = REQUIREMENTS
        .iter()
        .filter(|r| r.counts_for_conformity())
        .count();
    assert!(counted < REQUIREMENTS.len());
    assert_eq!(open.total(), counted);
    let per_clause: usize = open.by_clause(None).iter().map(|g| g.count).sum();
    assert_eq!(per_clause, counted);
}

#[test]
fn filter_by_clause_keeps_that_clause_and_below() {
    let mut a = assessment(Scale::Conformity, None);
    rate_all(&mut a, Rating::NotInPlace);
    let found = gaps_over(&a, REQS.iter());
    let kept = |clause: &str| {
        let f = GapFilter {
            clause: Some(clause.into()),
            ..Default::default()
        };
        let mut v: Vec<&str> = found
            .iter()
            .filter(|g| f.matches(&a, g))
            .map(|g| g.requirement.id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(kept("4"), ["4.1.1", "4.1.2"]);
    assert_eq!(kept("9.2"), ["9.2.1", "9.2.2"]);
    assert_eq!(
        kept("9.2.1"),
        Vec::<&str>::new(),
        "9.2.1 is a requirement, not a clause"
    );
    assert_eq!(
        kept("1"),
        Vec::<&str>::new(),
        "clause 1 is not a prefix of 10 or 4"
    );
    let all = GapFilter::default();
    assert!(found.iter().all(|g| all.matches(&a, g)));
}

#[test]
fn filter_by_owner_is_case_insensitive_and_blank_means_unassigned() {
    let mut a = assessment(Scale::Conformity, None);
    rate_all(&mut a, Rating::NotInPlace);
    plan(&mut a, "4.1.1", "  Alice ", "", ActionStatus::Open);
    plan(&mut a, "5.1.1", "alice", "", ActionStatus::Open);
    plan(&mut a, "8.1.1", "Bob", "", ActionStatus::Open);
    let found = gaps_over(&a, REQS.iter());
    let kept = |owner: &str| {
        let f = GapFilter {
            owner: Some(owner.into()),
            ..Default::default()
        };
        let mut v: Vec<&str> = found
            .iter()
            .filter(|g| f.matches(&a, g))
            .map(|g| g.requirement.id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(kept("ALICE"), ["4.1.1", "5.1.1"]);
    assert_eq!(kept(" bob"), ["8.1.1"]);
    assert_eq!(kept("Carol"), Vec::<&str>::new());
    assert_eq!(kept(""), ["4.1.2", "9.2.1", "9.2.2"]);
}

#[test]
fn filter_by_status_treats_untouched_answers_as_open_and_combines_with_clause() {
    let mut a = assessment(Scale::Conformity, None);
    rate_all(&mut a, Rating::NotInPlace);
    plan(&mut a, "4.1.1", "Ann", "", ActionStatus::InProgress);
    plan(&mut a, "4.1.2", "Ann", "", ActionStatus::Done);
    plan(&mut a, "9.2.1", "Ann", "", ActionStatus::InProgress);
    let found = gaps_over(&a, REQS.iter());
    let kept = |f: &GapFilter| {
        let mut v: Vec<&str> = found
            .iter()
            .filter(|g| f.matches(&a, g))
            .map(|g| g.requirement.id)
            .collect();
        v.sort();
        v
    };
    let status = |s| GapFilter {
        status: Some(s),
        ..Default::default()
    };
    assert_eq!(
        kept(&status(ActionStatus::Open)),
        ["5.1.1", "8.1.1", "9.2.2"]
    );
    assert_eq!(kept(&status(ActionStatus::InProgress)), ["4.1.1", "9.2.1"]);
    assert_eq!(kept(&status(ActionStatus::Done)), ["4.1.2"]);
    let both = GapFilter {
        clause: Some("9".into()),
        owner: Some("ann".into()),
        status: Some(ActionStatus::InProgress),
    };
    assert_eq!(kept(&both), ["9.2.1"]);
}

#[test]
fn owners_are_distinct_trimmed_and_sorted_case_insensitively() {
    let mut a = assessment(Scale::Conformity, None);
    plan(&mut a, "4.1.1", "carol", "", ActionStatus::Open);
    plan(&mut a, "4.1.2", " Bob ", "", ActionStatus::Open);
    plan(&mut a, "5.1.1", "alice", "", ActionStatus::Open);
    plan(&mut a, "8.1.1", "BOB", "", ActionStatus::Open);
    plan(&mut a, "9.2.1", "   ", "2025-01-01", ActionStatus::Open);
    assert_eq!(owners(&a), ["alice", "Bob", "carol"]);
    assert!(owners(&assessment(Scale::Conformity, None)).is_empty());
}

// --- Action plan ------------------------------------------------------------------------------------------

#[test]
fn action_plan_puts_open_work_first_then_due_date_then_weight() {
    let mut a = assessment(Scale::Conformity, None);
    plan(&mut a, "4.1.1", "A", "2025-03-01", ActionStatus::Open); // weight 1
    plan(&mut a, "4.1.2", "A", "", ActionStatus::InProgress); // no date: last of the open ones
    plan(&mut a, "5.1.1", "A", "2025-01-15", ActionStatus::Done); // done: at the end
    plan(&mut a, "8.1.1", "A", "2025-03-01", ActionStatus::InProgress); // weight 2: before 4.1.1
    plan(&mut a, "9.2.1", "A", "2025-02-10", ActionStatus::Open);
    plan(&mut a, "9.2.2", "A", "2024-12-31", ActionStatus::Done);
    let items = action_plan_over(&a, REQS.iter());
    assert_eq!(
        ids(&items, |i| i.requirement.id),
        ["9.2.1", "8.1.1", "4.1.1", "4.1.2", "9.2.2", "5.1.1"]
    );
    assert_eq!(items[0].action, "Fix 9.2.1");
    assert_eq!(items[0].status, ActionStatus::Open);
}

#[test]
fn action_plan_takes_answers_with_any_action_owner_or_due_date_trimmed() {
    let mut a = assessment(Scale::Conformity, None);
    rate(&mut a, "4.1.1", Rating::Partial); // a rating alone plans nothing
    a.edit_answer("4.1.2", 1.0, |x| x.action = "  \n ".into()); // blank text plans nothing
    a.edit_answer("5.1.1", 1.0, |x| x.owner = "  Dana ".into());
    a.edit_answer("8.1.1", 1.0, |x| x.due = "2025-06-30".into());
    a.edit_answer("9.2.1", 1.0, |x| x.action = " Write the policy ".into());
    a.edit_answer("unknown.id", 1.0, |x| {
        x.action = "Not in the catalogue".into()
    });
    let items = action_plan_over(&a, REQS.iter());
    assert_eq!(
        ids(&items, |i| i.requirement.id),
        ["8.1.1", "9.2.1", "5.1.1"]
    );
    let dana = &items[2];
    assert_eq!(
        (dana.owner.as_str(), dana.action.as_str(), dana.due.as_str()),
        ("Dana", "", "")
    );
    assert_eq!(items[1].action, "Write the policy");
    // The whole catalogue: the made-up id is ignored there too.
    let mut b = assessment(Scale::Conformity, None);
    b.edit_answer("unknown.id", 1.0, |x| x.action = "x".into());
    assert!(action_plan(&b).is_empty());
}

#[test]
fn overdue_means_not_done_and_due_before_today() {
    let item = |due: &str, status| ActionItem {
        requirement: &REQS[0],
        action: "a".into(),
        owner: "o".into(),
        due: due.into(),
        status,
    };
    let today = "2025-05-10";
    assert!(item("2025-05-09", ActionStatus::Open).is_overdue(today));
    assert!(item("2024-12-31", ActionStatus::InProgress).is_overdue(today));
    assert!(
        !item("2025-05-10", ActionStatus::Open).is_overdue(today),
        "due today is not late yet"
    );
    assert!(!item("2025-05-11", ActionStatus::Open).is_overdue(today));
    assert!(!item("2025-01-01", ActionStatus::Done).is_overdue(today));
    assert!(!item("", ActionStatus::Open).is_overdue(today));
}

// --- Documented-information checklist ---------------------------------------------------------------------

#[test]
fn doc_checklist_merges_the_same_item_and_kind_in_order_of_first_appearance() {
    let a = assessment(Scale::Conformity, None);
    let list = doc_checklist_over(&a, REQS.iter());
    let summary: Vec<(DocKind, &str, &str, Vec<&str>)> = list
        .iter()
        .map(|e| {
            (
                e.kind,
                e.item,
                e.clause,
                e.requirements.iter().map(|r| r.id).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (DocKind::Document, "Scope", "4.1", vec!["4.1.2"]),
            (DocKind::Document, "Policy", "5.1", vec!["5.1.1", "9.2.1"]),
            (DocKind::Record, "Incidents", "8.1", vec!["8.1.1"]),
            (DocKind::Record, "Policy", "9.2", vec!["9.2.2"]),
        ]
    );
    assert_eq!(list[1].top_level(), "5");
    assert!(list.iter().all(|e| e.status.is_none()));
}

#[test]
fn doc_status_is_the_worst_checked_one() {
    let mut a = assessment(Scale::Conformity, None);
    // Policy (document): present + partial -> partial.
    check_doc(&mut a, "5.1.1", DocStatus::Present);
    check_doc(&mut a, "9.2.1", DocStatus::Partial);
    // Scope: present alone -> present.
    check_doc(&mut a, "4.1.2", DocStatus::Present);
    // Incidents: missing -> missing. Policy (record): unchecked -> None.
    check_doc(&mut a, "8.1.1", DocStatus::Missing);
    let list = doc_checklist_over(&a, REQS.iter());
    let statuses: Vec<Option<DocStatus>> = list.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Some(DocStatus::Present),
            Some(DocStatus::Partial),
            Some(DocStatus::Missing),
            None
        ]
    );
    // One unchecked requirement does not hide a checked one; missing beats partial.
    check_doc(&mut a, "5.1.1", DocStatus::Missing);
    let list = doc_checklist_over(&a, REQS.iter());
    assert_eq!(list[1].status, Some(DocStatus::Missing));
    a.edit_answer("9.2.1", 1.0, |x| x.doc_status = None);
    let list = doc_checklist_over(&a, REQS.iter());
    assert_eq!(list[1].status, Some(DocStatus::Missing));
}

#[test]
fn doc_score_is_the_mean_over_checked_entries() {
    let mut a = assessment(Scale::Conformity, None);
    let none = doc_score(&doc_checklist_over(&a, REQS.iter()));
    assert_eq!((none.checked, none.total, none.score), (0, 4, None));
    check_doc(&mut a, "4.1.2", DocStatus::Present); // 1
    check_doc(&mut a, "9.2.1", DocStatus::Partial); // 0.5
    check_doc(&mut a, "8.1.1", DocStatus::Missing); // 0
    let s = doc_score(&doc_checklist_over(&a, REQS.iter()));
    assert_eq!((s.checked, s.total), (3, 4));
    close(s.score.unwrap(), 1.5 / 3.0);
    assert_eq!(doc_score(&[]).score, None);
}

#[test]
fn catalogue_checklist_lists_each_document_once_grouped_by_top_level_clause() {
    let a = assessment(Scale::Conformity, None);
    let list = doc_checklist(&a);
    let mut distinct: Vec<(DocKind, &str)> = Vec::new();
    for r in REQUIREMENTS.iter().filter(|r| r.doc != DocKind::None) {
        let key = (r.doc, r.doc_item.expect("content rule: doc_item with doc"));
        if !distinct.contains(&key) {
            distinct.push(key);
        }
    }
    let listed: Vec<(DocKind, &str)> = list.iter().map(|e| (e.kind, e.item)).collect();
    assert_eq!(
        listed, distinct,
        "one entry per (kind, item), first appearance first"
    );
    let marked = REQUIREMENTS
        .iter()
        .filter(|r| r.doc != DocKind::None)
        .count();
    assert_eq!(
        list.iter().map(|e| e.requirements.len()).sum::<usize>(),
        marked
    );
    assert!(
        list.iter().any(|e| e.requirements.len() > 1),
        "the catalogue repeats some items"
    );
    // Grouped: each top-level clause forms one contiguous run, in the standard's order.
    let mut runs: Vec<&str> = list.iter().map(|e| e.top_level()).collect();
    runs.dedup();
    let tops: Vec<u32> = runs.iter().map(|t| t.parse().unwrap()).collect();
    assert!(tops.windows(2).all(|w| w[0] < w[1]), "{tops:?}");
}

// --- Comparison with a baseline ---------------------------------------------------------------------------

#[test]
fn compare_across_scales_by_rating_value() {
    let mut before = assessment(Scale::Conformity, None);
    rate(&mut before, "4.1.1", Rating::Partial); // 0.5
    rate(&mut before, "4.1.2", Rating::InPlace); // 1.0
    rate(&mut before, "5.1.1", Rating::NotInPlace);
    rate(&mut before, "8.1.1", Rating::NotApplicable);
    rate(&mut before, "9.2.1", Rating::Partial);
    let mut after = assessment(Scale::Capability, None);
    rate(&mut after, "4.1.1", Rating::Level(3)); // 0.6: improved
    rate(&mut after, "4.1.2", Rating::Level(5)); // 1.0: unchanged
    rate(&mut after, "8.1.1", Rating::Level(2)); // from N/A
    rate(&mut after, "9.2.1", Rating::Level(2)); // 0.4: worsened
    rate(&mut after, "9.2.2", Rating::Level(1)); // new
    let c = compare_over(&before, &after, REQS.iter());
    let changes: Vec<(&str, Change)> = c
        .deltas
        .iter()
        .map(|d| (d.requirement.id, d.change))
        .collect();
    assert_eq!(
        changes,
        [
            ("4.1.1", Change::Improved),
            ("4.1.2", Change::Unchanged),
            ("5.1.1", Change::Dropped),
            ("8.1.1", Change::NotApplicable),
            ("9.2.1", Change::Worsened),
            ("9.2.2", Change::New),
        ]
    );
    assert_eq!((c.improved, c.worsened, c.new, c.dropped), (1, 1, 1, 1));
    assert_eq!(
        (c.deltas[2].before, c.deltas[2].after),
        (Some(Rating::NotInPlace), None)
    );
    let clause = |n: &str| {
        let d = c.clauses.iter().find(|d| d.clause.number == n).unwrap();
        (d.before, d.after)
    };
    // Clause 4: (0.5x1 + 1x3)/4 = 0.875 -> (0.6x1 + 1x3)/4 = 0.9.
    let (b, n) = clause("4");
    close_opt(b, Some(0.875));
    close_opt(n, Some(0.9));
    close_opt(clause("4.1").1, Some(0.9));
    // Clause 9: 0.5 -> (0.4x3 + 0.2x1)/4 = 0.35.
    let (b, n) = clause("9.2");
    close_opt(b, Some(0.5));
    close_opt(n, Some(0.35));
    assert_eq!(clause("5").1, None, "dropped: nothing left to score");
    let (b, n) = clause("8");
    assert_eq!(b, None, "only N/A in the baseline");
    close_opt(n, Some(0.4));
    assert_eq!(clause("6"), (None, None));
}

#[test]
fn compare_not_applicable_cases_and_unanswered_on_both_sides() {
    let mut before = assessment(Scale::Conformity, None);
    rate(&mut before, "4.1.1", Rating::NotApplicable);
    rate(&mut before, "4.1.2", Rating::InPlace);
    let mut after = assessment(Scale::Conformity, None);
    rate(&mut after, "4.1.1", Rating::NotApplicable); // N/A both sides: unchanged
    rate(&mut after, "4.1.2", Rating::NotApplicable); // became N/A
    rate(&mut after, "5.1.1", Rating::NotApplicable); // first answer is N/A: new
    a_note_only(&mut after, "8.1.1"); // notes without a rating: still unanswered
    let c = compare_over(&before, &after, REQS.iter());
    let changes: Vec<(&str, Change)> = c
        .deltas
        .iter()
        .map(|d| (d.requirement.id, d.change))
        .collect();
    assert_eq!(
        changes,
        [
            ("4.1.1", Change::Unchanged),
            ("4.1.2", Change::NotApplicable),
            ("5.1.1", Change::New),
        ]
    );
    assert_eq!((c.improved, c.worsened, c.new, c.dropped), (0, 0, 1, 0));
}

fn a_note_only(a: &mut Assessment, id: &str) {
    a.edit_answer(id, 1.0, |x| x.notes = "to look at".into());
}

#[test]
fn compare_with_itself_is_unchanged_and_clauses_are_the_first_two_levels() {
    let mut a = assessment(Scale::Conformity, None);
    for (i, r) in REQUIREMENTS.iter().enumerate().step_by(3) {
        let rating = [Rating::NotInPlace, Rating::Partial, Rating::InPlace][(i / 3) % 3];
        rate(&mut a, r.id, rating);
    }
    let c = compare(&a, &a);
    let answered = a.answers.len();
    assert_eq!(c.deltas.len(), answered);
    assert!(c.deltas.iter().all(|d| d.change == Change::Unchanged));
    assert_eq!((c.improved, c.worsened, c.new, c.dropped), (0, 0, 0, 0));
    let expected: Vec<&str> = CLAUSES
        .iter()
        .filter(|c| c.depth <= 2)
        .map(|c| c.number)
        .collect();
    let got: Vec<&str> = c.clauses.iter().map(|d| d.clause.number).collect();
    assert_eq!(got, expected);
    assert_eq!(got[0], "4");
    assert!(got.contains(&"8.1") && !got.contains(&"5.2.1"));
    let card = Scorecard::of(&a);
    for d in &c.clauses {
        assert_eq!(d.before, d.after);
        assert_eq!(d.after, card.clause(d.clause.number).score());
    }
}

#[test]
fn improving_every_answer_counts_each_requirement_once() {
    let mut before = assessment(Scale::Capability, None);
    let mut after = assessment(Scale::Conformity, None);
    for r in REQS.iter() {
        rate(&mut before, r.id, Rating::Level(1)); // 0.2
        rate(&mut after, r.id, Rating::Partial); // 0.5
    }
    let c = compare_over(&before, &after, REQS.iter());
    assert_eq!((c.improved, c.worsened, c.new, c.dropped), (6, 0, 0, 0));
    let back = compare_over(&after, &before, REQS.iter());
    assert_eq!((back.improved, back.worsened), (0, 6));
}
