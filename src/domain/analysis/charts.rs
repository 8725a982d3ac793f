//! Chart geometry and data, shared by the app (SVG through Leptos) and the HTML report (SVG as text).
//!
//! Everything here is plain numbers and labels in SVG user units (x to the right, y downwards), so both
//! renderers draw the same picture and the geometry is tested once, natively.

use super::scoring::Scorecard;
use crate::domain::catalogue::{self, Clause};

/// One bar of the per-clause bar chart, in a box from (0, 0) to (width, height) whose baseline is y = height.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Clause number and the first word of its title, e.g. "4 Context".
    pub label: String,
    pub clause: &'static str,
    /// The clause score in 0..=1, or None when nothing applicable is answered.
    pub value: Option<f64>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Share of each bar's slot left empty, split evenly on both sides, so neighbouring bars never touch.
const BAR_GAP: f64 = 0.4;

/// Bars for the top-level clauses 4 to 10, left to right, each in an equal slot of `width`; a bar's height is
/// its score times `height` (a clause with no score gets a zero-height bar and `value: None`).
pub fn clause_bars(card: &Scorecard, width: f64, height: f64) -> Vec<Bar> {
    let tops: Vec<&'static Clause> = catalogue::top_level().collect();
    let slot = width / tops.len().max(1) as f64;
    let bar_width = slot * (1.0 - BAR_GAP);
    tops.iter()
        .enumerate()
        .map(|(i, c)| {
            let value = card.clause(c.number).score();
            let bar_height = value.unwrap_or(0.0) * height;
            Bar {
                label: short_label(c),
                clause: c.number,
                value,
                x: i as f64 * slot + slot * BAR_GAP / 2.0,
                y: height - bar_height,
                width: bar_width,
                height: bar_height,
            }
        })
        .collect()
}

/// "4 Context", "8 Operation": short enough to sit under a bar or at a radar axis.
pub fn short_label(c: &Clause) -> String {
    let word = c.title().split_whitespace().next().unwrap_or("");
    format!("{} {word}", c.number)
}

/// One axis of the radar chart with the clause's point on it.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarPoint {
    pub clause: &'static str,
    pub value: Option<f64>,
    /// The data point: at `value` (None counted as 0) times the radius from the centre along the axis.
    pub x: f64,
    pub y: f64,
    /// The end of the axis, at the full radius (score 1).
    pub axis_x: f64,
    pub axis_y: f64,
    /// Where to anchor the axis label, a little beyond the end of the axis.
    pub label_x: f64,
    pub label_y: f64,
}

/// Label distance from the centre, as a multiple of the radius: outside the chart, close to its axis.
const LABEL_DISTANCE: f64 = 1.15;

/// One point per top-level clause (7 axes), clause 4 straight above the centre, the others clockwise.
pub fn radar(card: &Scorecard, cx: f64, cy: f64, radius: f64) -> Vec<RadarPoint> {
    let tops: Vec<&'static Clause> = catalogue::top_level().collect();
    let n = tops.len().max(1) as f64;
    tops.iter()
        .enumerate()
        .map(|(i, c)| {
            // SVG's y axis points down, so increasing angles from -90° turn clockwise on screen.
            let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n;
            let (dx, dy) = (angle.cos(), angle.sin());
            let value = card.clause(c.number).score();
            let reach = value.unwrap_or(0.0) * radius;
            RadarPoint {
                clause: c.number,
                value,
                x: cx + reach * dx,
                y: cy + reach * dy,
                axis_x: cx + radius * dx,
                axis_y: cy + radius * dy,
                label_x: cx + radius * LABEL_DISTANCE * dx,
                label_y: cy + radius * LABEL_DISTANCE * dy,
            }
        })
        .collect()
}

/// SVG `points` attribute text, "x,y x,y", one decimal each (never "-0.0" or NaN).
pub fn polygon_points(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|&(x, y)| format!("{},{}", coordinate(x), coordinate(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One decimal; a value that rounds to zero prints as "0.0" whatever its sign, and a non-finite one as 0.
pub fn coordinate(v: f64) -> String {
    let rounded = if v.is_finite() {
        (v * 10.0).round() / 10.0
    } else {
        0.0
    };
    // Adding 0.0 turns -0.0 into 0.0.
    format!("{:.1}", rounded + 0.0)
}

/// A coarse level for the heat map. Each has a text label, so the map never relies on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    NoScore,
    /// Below 0.34.
    Low,
    /// From 0.34 to below 0.67.
    Medium,
    /// 0.67 and above.
    High,
}

impl Band {
    pub fn of(value: Option<f64>) -> Band {
        match value {
            None => Band::NoScore,
            Some(v) if v < 0.34 => Band::Low,
            Some(v) if v < 0.67 => Band::Medium,
            Some(_) => Band::High,
        }
    }

    /// The text shown with the band's colour.
    pub fn label(self) -> &'static str {
        match self {
            Band::NoScore => "No score",
            Band::Low => "Low",
            Band::Medium => "Medium",
            Band::High => "High",
        }
    }
}

/// One cell of the heat map: a clause, its score and its band.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatCell {
    pub clause: &'static Clause,
    pub value: Option<f64>,
    pub band: Band,
}

impl HeatCell {
    fn of(card: &Scorecard, clause: &'static Clause) -> HeatCell {
        let value = card.clause(clause.number).score();
        HeatCell {
            clause,
            value,
            band: Band::of(value),
        }
    }
}

/// One row per top-level clause: its depth-2 subclauses (or the clause itself when it has none).
pub fn heat_map(card: &Scorecard) -> Vec<(&'static Clause, Vec<HeatCell>)> {
    catalogue::top_level()
        .map(|top| {
            let mut cells: Vec<HeatCell> = catalogue::children(top.number)
                .map(|c| HeatCell::of(card, c))
                .collect();
            if cells.is_empty() {
                cells.push(HeatCell::of(card, top));
            }
            (top, cells)
        })
        .collect()
}
