//! Consolidating several respondents' assessments of the same scope: where they agree, where they differ,
//! and one assessment that keeps everything each of them wrote, with the rating chosen by a stated rule.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::domain::assessment::{Answer, Assessment, Rating, Scale, MAX_TEXT};
use crate::domain::catalogue;

/// One respondent's whole answer to one requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// Position of the respondent in [`Consolidated::respondents`].
    pub respondent: usize,
    pub who: String,
    pub answer: Answer,
}

/// What the respondents said about one requirement that at least one of them answered (a rating or any
/// text).
///
/// Not applicable counts for nothing in `min`, `median` and `max`, as in scoring, unless every rating
/// given is not applicable (then all three are not applicable). All three are None when nobody rated the
/// requirement but someone wrote about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsolidatedItem {
    pub requirement: String,
    pub min: Option<Rating>,
    /// See [`MergeRule::Median`] for the rule with an even number of ratings.
    pub median: Option<Rating>,
    pub max: Option<Rating>,
    /// `max` minus `min` in rating value (0 to 1): 0 when all agree, 1 when they span the whole scale.
    pub spread: f64,
    /// Who gave which rating, in the order the respondents were given.
    pub responses: Vec<(String, Rating)>,
    /// Every respondent's full answer (rating, notes, evidence, action, owner, due date, status,
    /// justification), in respondent order; respondents who left the requirement blank are absent.
    pub answers: Vec<Response>,
}

impl ConsolidatedItem {
    /// Respondents gave different ratings. Not applicable against any rating is a difference too: one says
    /// the requirement is out of the audit's reach, the other that it is audited.
    pub fn differs(&self) -> bool {
        let distinct: BTreeSet<String> =
            self.responses.iter().map(|(_, r)| r.to_string()).collect();
        distinct.len() > 1
    }

    /// Respondents' non-empty notes, as (who, note).
    pub fn notes(&self) -> Vec<(String, String)> {
        self.texts(|a| &a.notes)
    }

    /// Respondents' non-empty reasons for not applicable, as (who, reason).
    pub fn na_justifications(&self) -> Vec<(String, String)> {
        self.texts(|a| &a.na_justification)
    }

    fn texts(&self, field: impl Fn(&Answer) -> &String) -> Vec<(String, String)> {
        self.answers
            .iter()
            .filter(|r| !field(&r.answer).trim().is_empty())
            .map(|r| (r.who.clone(), field(&r.answer).clone()))
            .collect()
    }

    /// The rating the rule gives this requirement; None when nobody rated it (or, for a base respondent
    /// who did not rate it, when nobody else did either).
    pub fn rating_by(&self, rule: MergeRule, scale: Scale) -> Option<Rating> {
        match rule {
            MergeRule::Lowest => self.min,
            MergeRule::Highest => self.max,
            MergeRule::Median => median_of(self.responses.iter().map(|(_, r)| *r), scale),
            MergeRule::Base(i) => self
                .answers
                .iter()
                .find(|r| r.respondent == i)
                .and_then(|r| r.answer.rating)
                .or_else(|| median_of(self.responses.iter().map(|(_, r)| *r), scale)),
        }
    }

    /// The rating chosen for this requirement: the consultant's pick if any, else the rule's.
    pub fn rating_with(&self, rule: MergeRule, pick: Option<Pick>, scale: Scale) -> Option<Rating> {
        match pick {
            Some(Pick::Rating(r)) if r.fits(scale) => Some(r),
            Some(Pick::Respondent(i)) => self
                .answers
                .iter()
                .find(|r| r.respondent == i)
                .and_then(|r| r.answer.rating)
                .or_else(|| self.rating_by(rule, scale)),
            _ => self.rating_by(rule, scale),
        }
    }
}

/// How the consolidated rating of a requirement is chosen when respondents differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MergeRule {
    /// The middle rating. With an odd number of ratings, the middle one in value order. With an even
    /// number, the midpoint of the two middle values, taken to the nearest rating of the scale; a midpoint
    /// exactly between two ratings takes the lower one, the cautious reading an auditor would make. So
    /// "Not in place" and "In place" give "Partially in place", and levels 1 and 4 give level 2.
    /// Not applicable counts for nothing unless it is the only answer.
    #[default]
    Median,
    /// The lowest rating given: the most cautious view.
    Lowest,
    /// The highest rating given.
    Highest,
    /// One respondent's rating (their position in the respondents); where that respondent gave none, the
    /// median of the others.
    Base(usize),
}

impl MergeRule {
    /// One sentence that states the rule on screen.
    pub fn describe(self, respondents: &[String]) -> String {
        match self {
            MergeRule::Median => "Each requirement takes the middle rating. With an even number of \
                ratings it takes the midpoint of the two middle ones, rounded down to a rating of the scale \
                when it falls between two."
                .into(),
            MergeRule::Lowest => "Each requirement takes the lowest rating any respondent gave.".into(),
            MergeRule::Highest => {
                "Each requirement takes the highest rating any respondent gave.".into()
            }
            MergeRule::Base(i) => format!(
                "Each requirement takes {}'s rating; where they gave none, the middle rating of the others.",
                respondents.get(i).map_or("the chosen respondent", String::as_str)
            ),
        }
    }
}

/// The consultant's choice for one requirement, overriding the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Take this respondent's rating (position in the respondents).
    Respondent(usize),
    /// Take this rating.
    Rating(Rating),
}

/// Why assessments cannot be consolidated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// Fewer than two assessments were given.
    TooFew,
    /// Not every assessment uses the first one's scale.
    MixedScales {
        who: String,
        name: String,
        scale: Scale,
        first_name: String,
        first_scale: Scale,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::TooFew => f.write_str("Pick at least two assessments to consolidate."),
            MergeError::MixedScales {
                who,
                name,
                scale,
                first_name,
                first_scale,
            } => write!(
                f,
                "{who}'s assessment \"{name}\" uses the {} scale, but the first one, \"{first_name}\", uses \
                 the {} scale. Only assessments on the same scale can be consolidated: pick assessments \
                 that share a scale.",
                scale.label(),
                first_scale.label(),
            ),
        }
    }
}

impl std::error::Error for MergeError {}

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
/// "Respondent N"; a name given twice gets its position added, so every line stays attributable.
pub fn merge(respondents: &[(String, Assessment)]) -> Result<Consolidated, MergeError> {
    let [(_, first), rest @ ..] = respondents else {
        return Err(MergeError::TooFew);
    };
    if rest.is_empty() {
        return Err(MergeError::TooFew);
    }
    if let Some((who, other)) = rest.iter().find(|(_, a)| a.scale != first.scale) {
        return Err(MergeError::MixedScales {
            who: who.trim().to_string(),
            name: other.name.clone(),
            scale: other.scale,
            first_name: first.name.clone(),
            first_scale: first.scale,
        });
    }
    let names = respondent_names(respondents);
    let items = answered_ids(respondents)
        .into_iter()
        .map(|id| consolidate(&id, &names, respondents, first.scale))
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

fn respondent_names(respondents: &[(String, Assessment)]) -> Vec<String> {
    let raw: Vec<String> = respondents
        .iter()
        .enumerate()
        .map(|(i, (who, _))| {
            let who = who.trim();
            if who.is_empty() {
                format!("Respondent {}", i + 1)
            } else {
                who.to_string()
            }
        })
        .collect();
    raw.iter()
        .enumerate()
        .map(|(i, name)| {
            if raw.iter().filter(|n| *n == name).count() > 1 {
                format!("{name} ({})", i + 1)
            } else {
                name.clone()
            }
        })
        .collect()
}

/// Every id anyone answered (a rating or any text), in catalogue order, unknown ids last.
fn answered_ids(respondents: &[(String, Assessment)]) -> Vec<String> {
    let ids: BTreeSet<&String> = respondents
        .iter()
        .flat_map(|(_, a)| a.answers.iter())
        .filter(|(_, answer)| !answer.is_blank())
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
    scale: Scale,
) -> ConsolidatedItem {
    let answers: Vec<Response> = names
        .iter()
        .zip(respondents)
        .enumerate()
        .filter_map(|(i, (who, (_, a)))| {
            a.answer(id)
                .filter(|answer| !answer.is_blank())
                .map(|answer| Response {
                    respondent: i,
                    who: who.clone(),
                    answer: answer.clone(),
                })
        })
        .collect();
    let responses: Vec<(String, Rating)> = answers
        .iter()
        .filter_map(|r| r.answer.rating.map(|rating| (r.who.clone(), rating)))
        .collect();
    let ratings = || responses.iter().map(|(_, r)| *r);
    let (min, max) = extremes(ratings()).unzip();
    ConsolidatedItem {
        requirement: id.to_string(),
        min,
        median: median_of(ratings(), scale),
        max,
        spread: match (min.and_then(Rating::value), max.and_then(Rating::value)) {
            (Some(lo), Some(hi)) => hi - lo,
            _ => 0.0,
        },
        responses,
        answers,
    }
}

/// The ratings with a value, sorted by value; not applicable left out.
fn valued(ratings: impl Iterator<Item = Rating>) -> (Vec<(f64, Rating)>, Option<Rating>) {
    let mut first = None;
    let mut valued: Vec<(f64, Rating)> = ratings
        .inspect(|r| {
            first.get_or_insert(*r);
        })
        .filter_map(|r| r.value().map(|v| (v, r)))
        .collect();
    valued.sort_by(|a, b| a.0.total_cmp(&b.0));
    (valued, first)
}

/// Lowest and highest rating; not applicable only when it is all there is.
fn extremes(ratings: impl Iterator<Item = Rating>) -> Option<(Rating, Rating)> {
    let (valued, first) = valued(ratings);
    match (valued.first(), valued.last()) {
        (Some(lo), Some(hi)) => Some((lo.1, hi.1)),
        _ => first.map(|r| (r, r)),
    }
}

/// The median as [`MergeRule::Median`] defines it.
fn median_of(ratings: impl Iterator<Item = Rating>, scale: Scale) -> Option<Rating> {
    let (valued, first) = valued(ratings);
    let n = valued.len();
    if n == 0 {
        return first;
    }
    if n % 2 == 1 {
        return Some(valued[n / 2].1);
    }
    let midpoint = (valued[n / 2 - 1].0 + valued[n / 2].0) / 2.0;
    nearest_down(midpoint, scale)
}

/// The scale's rating nearest to `value`; exactly between two, the lower one.
fn nearest_down(value: f64, scale: Scale) -> Option<Rating> {
    let mut best: Option<(f64, Rating)> = None;
    // The scale lists its ratings from lowest to highest, so a strict `<` keeps the lower one on a tie.
    for r in scale.ratings() {
        let Some(v) = r.value() else { continue };
        let distance = (v - value).abs();
        if best.is_none_or(|(d, _)| distance < d - 1e-9) {
            best = Some((distance, r));
        }
    }
    best.map(|(_, r)| r)
}

impl Consolidated {
    /// A new assessment: each requirement's rating from the rule (or the consultant's pick for it), marked
    /// for review where respondents differ, and
    /// everything each respondent wrote kept and attributed as "who: text" lines: notes, evidence, reasons
    /// for not applicable, and planned actions with their owner, due date and status. The action's own
    /// fields summarise them: every owner named, the earliest due date, the least advanced status.
    /// Joined texts are cut at [`MAX_TEXT`] characters so the result can be saved and exported like any
    /// other assessment.
    pub fn to_assessment(
        &self,
        rule: MergeRule,
        picks: &BTreeMap<String, Pick>,
        id: String,
        name: String,
        now: f64,
    ) -> Assessment {
        let answers: BTreeMap<String, Answer> = self
            .items
            .iter()
            .map(|item| {
                let pick = picks.get(&item.requirement).copied();
                let answer = consolidated_answer(item, item.rating_with(rule, pick, self.scale));
                (item.requirement.clone(), answer)
            })
            .filter(|(_, answer)| !answer.is_blank())
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

fn consolidated_answer(item: &ConsolidatedItem, rating: Option<Rating>) -> Answer {
    let all = &item.answers;
    let field = |get: fn(&Answer) -> &String| -> String {
        joined(
            all.iter()
                .filter(|r| !get(&r.answer).trim().is_empty())
                .map(|r| (r.who.as_str(), get(&r.answer).trim().to_string())),
        )
    };
    let planners: Vec<&Response> = all.iter().filter(|r| r.answer.has_plan()).collect();
    // Every owner named, once each, in the respondents' order.
    let mut owners: Vec<&str> = Vec::new();
    for o in planners.iter().map(|r| r.answer.owner.trim()) {
        if !o.is_empty() && !owners.contains(&o) {
            owners.push(o);
        }
    }
    Answer {
        rating,
        na_justification: field(|a| &a.na_justification),
        na_other_party: all
            .iter()
            .any(|r| r.answer.rating == Some(Rating::NotApplicable) && r.answer.na_other_party),
        notes: field(|a| &a.notes),
        evidence: field(|a| &a.evidence),
        owner: at_most(owners.join(", "), MAX_TEXT),
        due: planners
            .iter()
            .map(|r| r.answer.due.trim())
            .filter(|d| !d.is_empty())
            .min()
            .unwrap_or("")
            .to_string(),
        action: joined(
            planners
                .iter()
                .map(|r| (r.who.as_str(), action_line(&r.answer))),
        ),
        action_status: planners
            .iter()
            .map(|r| r.answer.action_status)
            .min()
            .unwrap_or_default(),
        doc_status: all.iter().filter_map(|r| r.answer.doc_status).min(),
        // Where respondents differ, or one of them wanted another look, the consultant should look again.
        review: item.differs() || all.iter().any(|r| r.answer.review),
    }
}

/// A planned action with its details, so that nothing is lost when several are joined.
fn action_line(a: &Answer) -> String {
    let mut details = Vec::new();
    if !a.owner.trim().is_empty() {
        details.push(format!("owner {}", a.owner.trim()));
    }
    if !a.due.trim().is_empty() {
        details.push(format!("due {}", a.due.trim()));
    }
    details.push(a.action_status.label().to_lowercase());
    let action = if a.action.trim().is_empty() {
        "(no action text)"
    } else {
        a.action.trim()
    };
    format!("{action} ({})", details.join(", "))
}

fn joined<'a>(lines: impl Iterator<Item = (&'a str, String)>) -> String {
    let text = lines
        .map(|(who, line)| format!("{who}: {line}"))
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
