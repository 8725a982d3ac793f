//! One analysis of an assessment: everything the results page, print, the HTML report, the CSVs and the
//! result file's summary show, computed once per change of the assessment ([`Analysis::of`]). Views render
//! it; none of them computes a score, a gap or an action a second time.

pub mod charts;
pub mod gaps;
pub mod journey;
pub mod scoring;

use crate::domain::assessment::{Assessment, DocStatus, Rating};
use crate::domain::catalogue::{DocKind, REQUIREMENTS};
use charts::{Bar, HeatCell, RadarPoint};
use gaps::{ActionItem, DocEntry, DocScore, Gap, StillToAssess};
use journey::StepStatus;
use scoring::{percent, Scorecard, Verdict};

/// The chart geometry in SVG user units, the same for the app and the HTML report.
pub mod geometry {
    /// The bar chart's plot area.
    pub const BAR_W: f64 = 560.0;
    pub const BAR_H: f64 = 200.0;
    /// The radar chart's centre and radius.
    pub const RADAR_CX: f64 = 230.0;
    pub const RADAR_CY: f64 = 170.0;
    pub const RADAR_R: f64 = 110.0;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub scorecard: Scorecard,
    /// Stage 1 readiness: findings on assessed requirements first, then what is still to assess.
    pub verdict: Verdict,
    /// Assessed requirements below the target (and unjustified N/A), largest gap × weight first.
    pub gaps: Vec<Gap>,
    /// Requirements without a rating: never gaps, their own list.
    pub still_to_assess: StillToAssess,
    pub action_plan: Vec<ActionItem>,
    pub documents: Vec<DocEntry>,
    pub doc_score: DocScore,
    pub journey: Vec<StepStatus>,
    pub bars: Vec<Bar>,
    pub radar: Vec<RadarPoint>,
    pub heat_map: Vec<(&'static crate::domain::catalogue::Clause, Vec<HeatCell>)>,
}

impl Analysis {
    pub fn of(a: &Assessment) -> Analysis {
        let scorecard = Scorecard::of(a);
        let verdict = Verdict::of(a);
        let documents = gaps::doc_checklist(a);
        let doc_score = gaps::doc_score(&documents);
        let journey = journey::journey_with(a, &scorecard, &verdict);
        let bars = charts::clause_bars(&scorecard, geometry::BAR_W, geometry::BAR_H);
        let radar = charts::radar(
            &scorecard,
            geometry::RADAR_CX,
            geometry::RADAR_CY,
            geometry::RADAR_R,
        );
        let heat_map = charts::heat_map(&scorecard);
        Analysis {
            gaps: gaps::gaps(a),
            still_to_assess: StillToAssess::over(a, REQUIREMENTS.iter()),
            action_plan: gaps::action_plan(a),
            scorecard,
            verdict,
            documents,
            doc_score,
            journey,
            bars,
            radar,
            heat_map,
        }
    }

    /// Nothing is rated yet: the views show what to do instead of empty figures.
    pub fn is_empty(&self) -> bool {
        self.scorecard.overall.answered == 0
    }

    pub fn overall_label(&self) -> String {
        percent(self.scorecard.overall.score())
    }

    pub fn completion_label(&self) -> String {
        percent(Some(self.scorecard.overall.completion()))
    }

    pub fn still_to_assess_sentence(&self) -> String {
        self.still_to_assess.sentence()
    }

    /// The gap count as one sentence, the same in every output.
    pub fn gaps_sentence(&self) -> String {
        gaps_sentence(self.gaps.len())
    }

    /// The verdict in one sentence: ready, or what blocks (findings first, then what is still to assess).
    pub fn verdict_sentence(&self) -> String {
        if self.verdict.ready() {
            return "Ready for a Stage 1 audit: every requirement is assessed, meets the target and has its \
                    documented information."
                .to_string();
        }
        let findings = self.verdict.findings().count();
        let open = self.verdict.still_to_assess();
        let mut parts = Vec::new();
        if findings > 0 {
            parts.push(plural(findings, "finding blocks", "findings block"));
        }
        if open > 0 {
            parts.push(plural(
                open,
                "requirement is still to assess",
                "requirements are still to assess",
            ));
        }
        format!("Not ready for a Stage 1 audit yet: {}.", parts.join("; "))
    }
}

/// "No gaps..." or "3 requirements are below the target." (also used for a filtered count).
pub fn gaps_sentence(n: usize) -> String {
    match n {
        0 => "No gap among the assessed requirements.".to_string(),
        1 => "1 assessed requirement is below the target.".to_string(),
        n => format!("{n} assessed requirements are below the target."),
    }
}

/// "1 thing" or "n things".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A rating as every output shows it; no rating reads "Not assessed" (the one copy of that label).
pub fn rating_label(rating: Option<Rating>) -> String {
    rating.map_or_else(|| "Not assessed".to_string(), Rating::label)
}

/// A documented-information status as every output shows it; None reads "Not checked".
pub fn doc_status_label(status: Option<DocStatus>) -> &'static str {
    status.map_or("Not checked", DocStatus::label)
}

/// The statuses a person can pick, with the key a form uses for each ("" for not checked).
pub const DOC_STATUS_CHOICES: [(Option<DocStatus>, &str); 4] = [
    (None, ""),
    (Some(DocStatus::Present), "present"),
    (Some(DocStatus::Partial), "partial"),
    (Some(DocStatus::Missing), "missing"),
];

pub fn doc_kind_label(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Document => "Document to maintain",
        DocKind::Record => "Record to retain",
        DocKind::None => "None",
    }
}
