//! The weak-spots queue: a Leitner system over missed questions.
//!
//! A missed question enters box 1 and is due at once. A correct answer moves it up a box, but only on a day
//! after its last miss or last counted success; a miss sends it back to box 1. It leaves the queue after
//! [`GRADUATE_AFTER`] consecutive correct answers on separate days.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const GRADUATE_AFTER: u8 = 2;
/// Days to wait before a card in box n (1-based) is due again.
const INTERVAL_DAYS: [i64; 3] = [0, 1, 3];
const DAY_MS: f64 = 86_400_000.0;

/// The local calendar day of a time stamp; `utc_offset_minutes` as JavaScript's getTimezoneOffset gives it.
pub fn day_of(now_ms: f64, utc_offset_minutes: i32) -> i64 {
    ((now_ms - f64::from(utc_offset_minutes) * 60_000.0) / DAY_MS).floor() as i64
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// 1 ..= GRADUATE_AFTER + 1
    pub level: u8,
    /// Consecutive correct answers on separate days.
    pub streak: u8,
    /// Day of the last miss or last counted correct answer.
    pub last_day: i64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Leitner {
    pub cards: BTreeMap<String, Card>,
}

impl Leitner {
    pub fn record(&mut self, question: &str, correct: bool, day: i64) {
        if !correct {
            self.cards.insert(
                question.to_string(),
                Card {
                    level: 1,
                    streak: 0,
                    last_day: day,
                },
            );
            return;
        }
        let Some(card) = self.cards.get_mut(question) else {
            return;
        };
        if day <= card.last_day {
            return; // a second success the same day proves nothing new
        }
        card.streak += 1;
        card.level += 1;
        card.last_day = day;
        if card.streak >= GRADUATE_AFTER {
            self.cards.remove(question);
        }
    }

    pub fn contains(&self, question: &str) -> bool {
        self.cards.contains_key(question)
    }

    pub fn is_due(card: &Card, day: i64) -> bool {
        let wait = INTERVAL_DAYS[usize::from(card.level.clamp(1, 3)) - 1];
        day >= card.last_day + wait
    }

    /// Questions due today, lowest box first.
    pub fn due(&self, day: i64) -> Vec<String> {
        let mut due: Vec<(&String, &Card)> = self
            .cards
            .iter()
            .filter(|(_, c)| Self::is_due(c, day))
            .collect();
        due.sort_by_key(|(id, c)| (c.level, c.last_day, (*id).clone()));
        due.into_iter().map(|(id, _)| id.clone()).collect()
    }

    /// A drill: due questions first, then the rest of the queue, at most `max`.
    pub fn drill(&self, day: i64, max: usize) -> Vec<String> {
        let mut ids = self.due(day);
        let mut rest: Vec<(&String, &Card)> = self
            .cards
            .iter()
            .filter(|(id, _)| !ids.contains(id))
            .collect();
        rest.sort_by_key(|(id, c)| (c.level, (*id).clone()));
        ids.extend(rest.into_iter().map(|(id, _)| id.clone()));
        ids.truncate(max);
        ids
    }
}
