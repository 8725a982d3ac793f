//! Consolidating several respondents' assessments of the same scope: where they agree, where they differ,
//! and one assessment built from the median ratings.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::assessment::{Answer, Assessment, Rating, Scale, MAX_TEXT};
use crate::domain::catalogue;

/// Respondents whose ratings differ by this share of the scale or more disagree (half the scale: "not in
/// place" against "partially" does not, "not in place" against "in place" does).
pub const DISAGREEMENT: f64 = 0.5;

/// Why respondents cannot be consolidated.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeError {
    TooFew,
    /// `who`'s assessment `name` is on `scale`, the first one (`first`) on `first_scale`.
    ScalesDiffer {
        who: String,
        name: String,
        scale: Scale,
        first: String,
        first_scale: Scale,
    },
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::TooFew => f.write_str("Pick at least two assessments to consolidate."),
            MergeError::ScalesDiffer {
                who,
                name,
                scale,
                first,
                first_scale,
            } => write!(
                f,
                "{who}'s assessment \"{name}\" uses the {} scale, but the first one, \"{first}\", uses the {} \
                 scale. Only assessments on the same scale can be consolidated: pick assessments that share a \
                 scale.",
                scale.label(),
                first_scale.label(),
            ),
        }
    }
}

/// What the respondents said about one requirement that at least one of them rated.
///
/// Not applicable counts for nothing, as in scoring: it is listed in `responses` but left out of `min`,
/// `median` and `max`, unless every respondent said not applicable (then all three are not applicable).
#[derive(Debug, Clone, PartialEq)]
pub struct ConsolidatedItem {
    pub requirement: String,
    pub min: Rating,
    /// The middle rating; for an even count the lower of the two middle ones, so it is a real rating.
    pub median: Rating,
    pub max: Rating,
    /// `max` minus `min` in rating value (0 to 1): 0 when all agree, 1 when they span the whole scale.
    pub spread: f64,
    /// Who gave which rating, in the order the respondents were given.
    pub responses: Vec<(String, Rating)>,
    /// Non-empty notes on this requirement, as (who, note).
    pub notes: Vec<(String, String)>,
    /// Non-empty reasons given for not applicable, as (who, reason).
    pub na_justifications: Vec<(String, String)>,
}

impl ConsolidatedItem {
    /// The respondents' ratings are [`DISAGREEMENT`] or more apart.
    pub fn disagrees(&self) -> bool {
        self.spread + crate::domain::scoring::TOLERANCE >= DISAGREEMENT
    }
}

/// The respondents' answers side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Consolidated {
    pub scale: Scale,
    /// The first respondent's target, organisation and scope.
    pub target: Rating,
    pub organisation: String,
    pub scope: String,
    pub respondents: Vec<String>,
    /// Catalogue order; ids the catalogue does not know come last, sorted.
    pub items: Vec<ConsolidatedItem>,
}

/// Consolidates at least two respondents' assessments made on the same scale. A blank name becomes
/// "Respondent N".
pub fn merge(respondents: &[(String, Assessment)]) -> Result<Consolidated, MergeError> {
    let [(_, first), rest @ ..] = respondents else {
        return Err(MergeError::TooFew);
    };
    if rest.is_empty() {
        return Err(MergeError::TooFew);
    }
    if let Some((who, other)) = rest.iter().find(|(_, a)| a.scale != first.scale) {
        return Err(MergeError::ScalesDiffer {
            who: who.trim().to_string(),
            name: other.name.clone(),
            scale: other.scale,
            first: first.name.clone(),
            first_scale: first.scale,
        });
    }
    let names: Vec<String> = respondents
        .iter()
        .enumerate()
        .map(|(i, (who, _))| respondent_name(who, i))
        .collect();
    let items = rated_ids(respondents)
        .into_iter()
        .filter_map(|id| consolidate(&id, &names, respondents))
        .collect();
    Ok(Consolidated {
        scale: first.scale,
        target: first.target,
        organisation: first.organisation.clone(),
        scope: first.scope.clone(),
        respondents: names,
        items,
    })
}

fn respondent_name(who: &str, index: usize) -> String {
    let who = who.trim();
    if who.is_empty() {
        format!("Respondent {}", index + 1)
    } else {
        who.to_string()
    }
}

/// Every id rated by anyone, in catalogue order, unknown ids last.
fn rated_ids(respondents: &[(String, Assessment)]) -> Vec<String> {
    let ids: BTreeSet<&String> = respondents
        .iter()
        .flat_map(|(_, a)| a.answers.iter())
        .filter(|(_, answer)| answer.is_answered())
        .map(|(id, _)| id)
        .collect();
    let mut ids: Vec<String> = ids.into_iter().cloned().collect();
    ids.sort_by_cached_key(|id| {
        (
            catalogue::requirement_index(id).unwrap_or(usize::MAX),
            id.clone(),
        )
    });
    ids
}

fn consolidate(
    id: &str,
    names: &[String],
    respondents: &[(String, Assessment)],
) -> Option<ConsolidatedItem> {
    let answers: Vec<(&String, &Answer)> = names
        .iter()
        .zip(respondents)
        .filter_map(|(who, (_, a))| a.answer(id).map(|answer| (who, answer)))
        .collect();
    let responses: Vec<(String, Rating)> = answers
        .iter()
        .filter_map(|(who, answer)| answer.rating.map(|r| ((*who).clone(), r)))
        .collect();
    let (min, median, max) = min_median_max(responses.iter().map(|(_, r)| *r))?;
    Some(ConsolidatedItem {
        requirement: id.to_string(),
        min,
        median,
        max,
        spread: max.value().unwrap_or(0.0) - min.value().unwrap_or(0.0),
        responses,
        notes: texts(&answers, |a| &a.notes),
        na_justifications: texts(&answers, |a| &a.na_justification),
    })
}

/// Ordered by value, not applicable left out unless it is all there is. None when there is no rating.
fn min_median_max(ratings: impl Iterator<Item = Rating>) -> Option<(Rating, Rating, Rating)> {
    let all: Vec<Rating> = ratings.collect();
    let mut valued: Vec<(f64, Rating)> = all
        .iter()
        .filter_map(|r| r.value().map(|v| (v, *r)))
        .collect();
    if valued.is_empty() {
        let first = *all.first()?;
        return Some((first, first, first));
    }
    valued.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = valued[(valued.len() - 1) / 2].1;
    Some((valued[0].1, median, valued[valued.len() - 1].1))
}

fn texts(
    answers: &[(&String, &Answer)],
    field: impl Fn(&Answer) -> &String,
) -> Vec<(String, String)> {
    answers
        .iter()
        .filter(|(_, answer)| !field(answer).trim().is_empty())
        .map(|(who, answer)| ((*who).clone(), field(answer).clone()))
        .collect()
}

impl Consolidated {
    /// A new assessment holding the median rating of each item, with the respondents' notes (and reasons
    /// for not applicable) joined as "who: text" lines. Joined texts are cut at [`MAX_TEXT`] characters so
    /// the result can be saved and exported like any other assessment.
    pub fn to_assessment(&self, id: String, name: String, now: f64) -> Assessment {
        let answers: BTreeMap<String, Answer> = self
            .items
            .iter()
            .map(|item| {
                let answer = Answer {
                    rating: Some(item.median),
                    notes: joined(&item.notes),
                    na_justification: if item.median == Rating::NotApplicable {
                        joined(&item.na_justifications)
                    } else {
                        String::new()
                    },
                    ..Answer::default()
                };
                (item.requirement.clone(), answer)
            })
            .collect();
        Assessment {
            id,
            name,
            organisation: self.organisation.clone(),
            scope: self.scope.clone(),
            assessor: at_most(self.respondents.join(", "), MAX_TEXT),
            scale: self.scale,
            target: self.target,
            created: now,
            updated: now,
            answers,
        }
    }
}

fn joined(lines: &[(String, String)]) -> String {
    let text = lines
        .iter()
        .map(|(who, line)| format!("{who}: {}", line.trim()))
        .collect::<Vec<_>>()
        .join("\n");
    at_most(text, MAX_TEXT)
}

fn at_most(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        text
    } else {
        text.chars().take(max).collect()
    }
}
