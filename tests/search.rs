//! Search over the content: matching, ranking, highlighting.

use iso20000_readiness::domain::search::{mark, search, HitKind};

#[test]
fn finds_a_glossary_term_and_its_clause() {
    let hits = search("known error", 30);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .any(|h| h.kind == HitKind::Term && h.key.eq_ignore_ascii_case("Known error")));
    assert!(hits
        .iter()
        .any(|h| h.kind == HitKind::Clause && h.key == "8.6.3"));
}

#[test]
fn every_word_must_match_case_insensitively() {
    let hits = search("INTERNAL audit", 50);
    assert!(hits.iter().any(|h| h.key == "9.2"));
    assert!(search("internal zzzqqq", 50).is_empty());
    assert!(search("   ", 50).is_empty());
}

#[test]
fn title_matches_rank_first_and_limit_applies() {
    let hits = search("incident", 5);
    assert_eq!(hits.len(), 5);
    assert!(hits[0].title.to_lowercase().contains("incident"));
}

#[test]
fn marks_every_occurrence() {
    let words = vec!["sla".to_string()];
    assert_eq!(
        mark("SLA and sla", &words),
        vec![
            ("SLA".into(), true),
            (" and ".into(), false),
            ("sla".into(), true)
        ]
    );
    // Text whose lower case changes length is left unmarked rather than cut mid-character.
    assert_eq!(
        mark("İstanbul", &["i".into()]),
        vec![("İstanbul".into(), false)]
    );
}

#[test]
fn snippets_highlight_the_match() {
    let hits = search("workaround", 10);
    let h = hits
        .iter()
        .find(|h| h.snippet.iter().any(|(_, m)| *m))
        .expect("a marked snippet");
    assert!(h
        .snippet
        .iter()
        .any(|(t, m)| *m && t.eq_ignore_ascii_case("workaround")));
}
