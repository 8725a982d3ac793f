//! Reads an assessment from a file's JSON by hand rather than through serde, so that every complaint names
//! the exact field (`assessment.answers[3].notes`) and every rule of the format is checked in one place.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

use super::errors::{shorten, ImportError};
use super::read::kind_name;
use super::MAX_ID_CHARS;
use crate::domain::assessment::{Answer, Assessment, Rating, Scale, MAX_TEXT};
use crate::domain::persistence::settled_timestamp;

/// Decodes and validates the assessment at `path`, whose answers are a list of objects with an `id`.
/// Checks run in this order: types, duplicate ids, text lengths, ratings against the scale.
pub(crate) fn decode_assessment(value: &Value, path: &str) -> Result<Assessment, ImportError> {
    let fields = Fields::of(value, path)?;
    let mut assessment = decode_header(&fields)?;
    let answers = decode_answers(fields.required("answers")?, &fields.path_of("answers"))?;
    reject_duplicates(&answers, &fields.path_of("answers"))?;
    check_lengths(&assessment, &answers, path)?;
    check_ratings(&assessment, &answers, path)?;
    assessment.answers = answers.into_iter().collect();
    Ok(assessment)
}

fn decode_header(f: &Fields) -> Result<Assessment, ImportError> {
    Ok(Assessment {
        id: f.text("id")?,
        name: f.text("name")?,
        organisation: f.text("organisation")?,
        scope: f.text("scope")?,
        assessor: f.text("assessor")?,
        scale: f.choice("scale", "\"conformity\" or \"capability\"")?,
        target: f.choice("target", RATINGS)?,
        created: f.timestamp("created")?,
        updated: f.timestamp("updated")?,
        answers: BTreeMap::new(),
    })
}

const RATINGS: &str =
    "one of \"not_in_place\", \"partial\", \"in_place\", \"level_0\" to \"level_5\" or \
                       \"not_applicable\"";

fn decode_answers(value: &Value, path: &str) -> Result<Vec<(String, Answer)>, ImportError> {
    let items = value.as_array().ok_or_else(|| {
        ImportError::invalid(
            path,
            format!("should be a list of answers but is {}", kind_name(value)),
        )
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| decode_answer(item, &format!("{path}[{i}]")))
        .collect()
}

fn decode_answer(value: &Value, path: &str) -> Result<(String, Answer), ImportError> {
    let f = Fields::of(value, path)?;
    let id = f.text("id")?;
    if id.trim().is_empty() {
        return Err(ImportError::invalid(
            &f.path_of("id"),
            "is empty; it should name a requirement such as \"4.1.1\"",
        ));
    }
    let answer = Answer {
        rating: f.optional_choice("rating", RATINGS)?,
        na_justification: f.optional_text("na_justification")?,
        na_other_party: f.optional_bool("na_other_party")?,
        notes: f.optional_text("notes")?,
        evidence: f.optional_text("evidence")?,
        owner: f.optional_text("owner")?,
        due: f.optional_text("due")?,
        action: f.optional_text("action")?,
        action_status: f
            .optional_choice("action_status", "\"open\", \"in_progress\" or \"done\"")?
            .unwrap_or_default(),
        doc_status: f.optional_choice(
            "doc_status",
            "\"present\", \"partial\", \"missing\" or null",
        )?,
        review: f.optional_bool("review")?,
    };
    Ok((id, answer))
}

/// Refuses ids that appear more than once, listing each once, in sorted order.
pub(crate) fn reject_duplicates<T>(entries: &[(String, T)], path: &str) -> Result<(), ImportError> {
    let mut seen = BTreeSet::new();
    let duplicates: BTreeSet<&String> = entries
        .iter()
        .map(|(id, _)| id)
        .filter(|id| !seen.insert(*id))
        .collect();
    if duplicates.is_empty() {
        return Ok(());
    }
    Err(ImportError::DuplicateIds {
        path: path.to_string(),
        ids: duplicates.into_iter().cloned().collect(),
    })
}

fn check_lengths(
    a: &Assessment,
    answers: &[(String, Answer)],
    path: &str,
) -> Result<(), ImportError> {
    let header = [
        ("id", a.id.as_str(), MAX_ID_CHARS),
        ("name", &a.name, MAX_TEXT),
        ("organisation", &a.organisation, MAX_TEXT),
        ("scope", &a.scope, MAX_TEXT),
        ("assessor", &a.assessor, MAX_TEXT),
    ];
    for (field, text, limit) in header {
        check_length(&format!("{path}.{field}"), text, limit)?;
    }
    for (i, (id, answer)) in answers.iter().enumerate() {
        let at = format!("{path}.answers[{i}]");
        check_length(&format!("{at}.id"), id, MAX_ID_CHARS)?;
        for (field, text) in answer_texts(answer) {
            check_length(&format!("{at}.{field}"), text, MAX_TEXT)?;
        }
    }
    Ok(())
}

fn answer_texts(a: &Answer) -> [(&'static str, &str); 6] {
    [
        ("na_justification", &a.na_justification),
        ("notes", &a.notes),
        ("evidence", &a.evidence),
        ("owner", &a.owner),
        ("due", &a.due),
        ("action", &a.action),
    ]
}

fn check_length(path: &str, text: &str, limit: usize) -> Result<(), ImportError> {
    // Bytes bound characters from above, so most texts skip the count.
    if text.len() <= limit {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars <= limit {
        return Ok(());
    }
    Err(ImportError::TooLong {
        path: path.to_string(),
        chars,
        limit,
    })
}

fn check_ratings(
    a: &Assessment,
    answers: &[(String, Answer)],
    path: &str,
) -> Result<(), ImportError> {
    if a.target == Rating::NotApplicable {
        return Err(ImportError::invalid(
            &format!("{path}.target"),
            "is \"not_applicable\"; a target must be a rating on the scale",
        ));
    }
    off_scale(a.target, a.scale, &format!("{path}.target"))?;
    for (i, (id, answer)) in answers.iter().enumerate() {
        if let Some(rating) = answer.rating {
            off_scale(
                rating,
                a.scale,
                &format!("{path}.answers[{i}] (requirement {id})"),
            )?;
        }
    }
    Ok(())
}

fn off_scale(rating: Rating, scale: Scale, path: &str) -> Result<(), ImportError> {
    if rating.fits(scale) {
        return Ok(());
    }
    Err(ImportError::RatingOffScale {
        path: path.to_string(),
        rating: rating.label(),
        scale: scale.label().to_string(),
    })
}

/// An object of the file with the path it sits at, for messages.
pub(crate) struct Fields<'a> {
    obj: &'a Map<String, Value>,
    path: String,
}

impl<'a> Fields<'a> {
    pub(crate) fn of(value: &'a Value, path: &str) -> Result<Self, ImportError> {
        let obj = value.as_object().ok_or_else(|| {
            ImportError::invalid(
                path,
                format!("should be an object but is {}", kind_name(value)),
            )
        })?;
        Ok(Fields {
            obj,
            path: path.to_string(),
        })
    }

    pub(crate) fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    pub(crate) fn required(&self, key: &str) -> Result<&'a Value, ImportError> {
        self.obj
            .get(key)
            .ok_or_else(|| ImportError::invalid(&self.path_of(key), "is missing"))
    }

    fn wrong_type(&self, key: &str, expected: &str, found: &Value) -> ImportError {
        ImportError::invalid(
            &self.path_of(key),
            format!("should be {expected} but is {}", kind_name(found)),
        )
    }

    fn text(&self, key: &str) -> Result<String, ImportError> {
        match self.required(key)? {
            Value::String(s) => Ok(s.clone()),
            other => Err(self.wrong_type(key, "text", other)),
        }
    }

    /// Missing means empty; null is refused, since the app never writes it for text.
    fn optional_text(&self, key: &str) -> Result<String, ImportError> {
        match self.obj.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(self.wrong_type(key, "text", other)),
        }
    }

    fn optional_bool(&self, key: &str) -> Result<bool, ImportError> {
        match self.obj.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(self.wrong_type(key, "true or false", other)),
        }
    }

    fn number(&self, key: &str) -> Result<f64, ImportError> {
        let value = self.required(key)?;
        value
            .as_f64()
            .ok_or_else(|| self.wrong_type(key, "a number", value))
    }

    /// A time in milliseconds since 1970, settled so that exporting it again gives the same number
    /// (see [`settled_timestamp`]).
    fn timestamp(&self, key: &str) -> Result<f64, ImportError> {
        let ms = self.number(key)?;
        settled_timestamp(ms).ok_or_else(|| {
            ImportError::invalid(
                &self.path_of(key),
                format!(
                    "should be a time in milliseconds since 1 January 1970 up to the year 9999 (such as \
                     1763800000000.0) but is {}",
                    serde_json::to_string(&ms).unwrap_or_default()
                ),
            )
        })
    }

    /// One of the names of an enum (a scale, a rating, a status).
    fn choice<T: DeserializeOwned>(&self, key: &str, allowed: &str) -> Result<T, ImportError> {
        let value = self.required(key)?;
        if !value.is_string() {
            return Err(self.wrong_type(key, allowed, value));
        }
        serde_json::from_value(value.clone()).map_err(|_| {
            ImportError::invalid(
                &self.path_of(key),
                format!(
                    "should be {allowed} but is \"{}\"",
                    shorten(value.as_str().unwrap_or(""), 40)
                ),
            )
        })
    }

    /// Like [`Fields::choice`], with missing or null meaning none.
    fn optional_choice<T: DeserializeOwned>(
        &self,
        key: &str,
        allowed: &str,
    ) -> Result<Option<T>, ImportError> {
        match self.obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.choice(key, allowed).map(Some),
        }
    }
}
