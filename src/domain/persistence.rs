//! What is stored and how: a versioned envelope per stored document, migrations from every older schema,
//! and recovery that never overwrites what it could not read.
//!
//! The logic works over any [`KeyValueStore`]; the browser's localStorage is one (in `crate::storage`), an
//! in-memory map is another (used by the native tests, which can also make it refuse writes as a full
//! localStorage does).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use super::assessment::Assessment;

/// The schema of what this version stores. Bump it with a new entry in [`migrate`].
pub const SCHEMA_VERSION: u32 = 1;

/// Every key the app owns starts with this, so that other apps on the same origin are left alone.
pub const KEY_PREFIX: &str = "iso20000.";
pub const ASSESSMENT_PREFIX: &str = "iso20000.assessment.";
pub const EXAM_KEY: &str = "iso20000.exam";
pub const QUARANTINE_PREFIX: &str = "iso20000.quarantine.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The store is full (localStorage's QuotaExceededError).
    Full,
    /// The store cannot be used at all (blocked storage, some private modes).
    Unavailable(String),
    Other(String),
}

impl StoreError {
    pub fn user_message(&self) -> String {
        match self {
            StoreError::Full => "This browser's storage for the app is full, so the last change was not saved. \
                Everything saved before is intact. Export or delete an assessment you no longer need, then try again."
                .into(),
            StoreError::Unavailable(why) => format!(
                "This browser does not let the app store data ({why}). You can work, but nothing will survive a \
                 reload: export your work before you leave."
            ),
            StoreError::Other(why) => format!("Saving failed ({why}). Everything saved before is intact."),
        }
    }
}

/// The little the app needs from a key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// How each stored value is wrapped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub schema: u32,
    pub app_version: String,
    pub data: T,
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not valid JSON, or not the expected shape even after migration.
    Corrupt(String),
    /// Written by a newer version of the app; left untouched.
    TooNew(u32),
}

impl DecodeError {
    pub fn describe(&self) -> String {
        match self {
            DecodeError::Corrupt(why) => format!("it could not be read ({why})"),
            DecodeError::TooNew(v) => format!(
                "it was saved by a newer version of the app (storage schema {v}, this version reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

pub fn encode<T: Serialize>(data: &T, app_version: &str) -> String {
    serde_json::to_string(&Envelope {
        schema: SCHEMA_VERSION,
        app_version: app_version.to_string(),
        data,
    })
    .unwrap_or_default()
}

/// Reads an envelope of any schema up to ours, migrating older data step by step.
pub fn decode<T: DeserializeOwned>(raw: &str, kind: DocumentKind) -> Result<T, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(format!("not JSON: {e}")))?;
    let (schema, data) = match value {
        Value::Object(mut map) if map.contains_key("schema") && map.contains_key("data") => {
            let schema = map
                .get("schema")
                .and_then(Value::as_u64)
                .and_then(|s| u32::try_from(s).ok())
                .ok_or_else(|| DecodeError::Corrupt("the schema version is not a number".into()))?;
            (schema, map.remove("data").unwrap_or(Value::Null))
        }
        // Schema 0: before the envelope existed the bare value was stored.
        other => (0, other),
    };
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::TooNew(schema));
    }
    let mut data = migrate(kind, schema, data).map_err(DecodeError::Corrupt)?;
    if kind == DocumentKind::Assessment {
        settle_times(&mut data).map_err(DecodeError::Corrupt)?;
    }
    serde_json::from_value(data)
        .map_err(|e| DecodeError::Corrupt(format!("unexpected content: {e}")))
}

/// What a stored value holds; migrations differ per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Assessment,
    Exam,
}

/// Brings `data` from schema `from` up to [`SCHEMA_VERSION`], one step at a time.
pub fn migrate(kind: DocumentKind, from: u32, mut data: Value) -> Result<Value, String> {
    for version in from..SCHEMA_VERSION {
        data = match (version, kind) {
            // 0 -> 1: bare values gain the envelope (done by the caller); assessments gain `target`,
            // which schema 0 did not have, defaulting to the scale's default target.
            (0, DocumentKind::Assessment) => migrate_assessment_0_to_1(data)?,
            (0, DocumentKind::Exam) => data,
            (v, _) => return Err(format!("no migration from schema {v}")),
        };
    }
    Ok(data)
}

fn migrate_assessment_0_to_1(mut data: Value) -> Result<Value, String> {
    let obj = data
        .as_object_mut()
        .ok_or("an assessment must be a JSON object")?;
    add_default_target(obj);
    Ok(data)
}

/// Schema 0 (stored data) and result format 0 (files) had no `target`: an assessment without one gets its
/// scale's default target. The one copy of that rule.
pub(crate) fn add_default_target(assessment: &mut serde_json::Map<String, Value>) {
    if !assessment.contains_key("target") {
        let capability = assessment.get("scale").and_then(Value::as_str) == Some("capability");
        let target = if capability { "level_2" } else { "partial" };
        assessment.insert("target".into(), Value::String(target.into()));
    }
}

/// The latest time an assessment may carry: 9999-12-31T23:59:59.999Z, in milliseconds since 1970.
pub const LATEST_TIMESTAMP_MS: f64 = 253_402_300_799_999.0;

/// Whether `x`, written as the app writes numbers, reads back as the same number. Such a number would
/// otherwise change on every save, export or backup, and a re-imported export would fail its own checksum.
/// serde_json without its `float_roundtrip` feature read some numbers one bit off (`1763886400000.0999`
/// came back as `1763886400000.1`); `Cargo.toml` enables the feature, so every finite number now reads
/// back (`tests/exchange.rs` checks it). The check stays as a guard: a number that does not read back
/// unchanged is never written.
pub(crate) fn reads_back_unchanged(x: f64) -> bool {
    serde_json::to_string(&x)
        .ok()
        .and_then(|text| serde_json::from_str::<f64>(&text).ok())
        == Some(x)
}

/// A time in milliseconds since 1970 that survives being written and read back: `None` outside 1970 to
/// 9999; otherwise `ms`, or `ms` rounded to a whole millisecond if it would not read back unchanged (which
/// no longer happens with serde_json's `float_roundtrip`; see [`reads_back_unchanged`]). A whole number up
/// to [`LATEST_TIMESTAMP_MS`] is written `n.0` and read as `10n / 10`, both exact in an f64 (10n < 2^53),
/// so it always reads back.
pub(crate) fn settled_timestamp(ms: f64) -> Option<f64> {
    if !(0.0..=LATEST_TIMESTAMP_MS).contains(&ms) {
        return None;
    }
    Some(if reads_back_unchanged(ms) {
        ms
    } else {
        ms.round()
    })
}

/// Settles an assessment's `created` and `updated` (see [`settled_timestamp`]); a value of another type is
/// left for deserialisation to refuse.
fn settle_times(data: &mut Value) -> Result<(), String> {
    for key in ["created", "updated"] {
        let Some(Value::Number(n)) = data.get_mut(key) else {
            continue;
        };
        let ms = n.as_f64().unwrap_or(f64::NAN);
        let settled = settled_timestamp(ms).ok_or_else(|| {
            format!(
                "its {key} time, {n}, is not a time between 1970 and the year 9999 in milliseconds"
            )
        })?;
        if settled != ms {
            *n = serde_json::Number::from_f64(settled).unwrap_or_else(|| n.clone());
        }
    }
    Ok(())
}

/// A stored value the app could not read, kept aside under its own key.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    pub key: String,
    pub original_key: String,
    pub reason: String,
    pub raw: String,
}

/// The assessments found in a store, with what could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    pub assessments: Vec<Assessment>,
    /// Values moved to quarantine during this load (corrupt data).
    pub quarantined: Vec<Quarantined>,
    /// Values left where they were because a newer app wrote them.
    pub too_new: Vec<String>,
}

pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// Reads, saves and deletes assessments and the exam state over one store.
pub struct Repository<'s, S: KeyValueStore + ?Sized> {
    pub store: &'s S,
    pub app_version: &'s str,
}

impl<S: KeyValueStore + ?Sized> Repository<'_, S> {
    /// Loads every assessment. A corrupt one is copied to a quarantine key before its original key is
    /// freed, so the raw text is never lost; one from a newer app is left in place and reported.
    pub fn load_assessments(&self, now: f64) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        let mut keys: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(ASSESSMENT_PREFIX))
            .collect();
        keys.sort();
        for key in keys {
            let Some(raw) = self.store.get(&key)? else {
                continue;
            };
            match decode::<Assessment>(&raw, DocumentKind::Assessment) {
                Ok(a) => loaded.assessments.push(a),
                Err(DecodeError::TooNew(_)) => loaded.too_new.push(key),
                Err(e) => {
                    let q = self.quarantine(&key, &raw, &e.describe(), now)?;
                    loaded.quarantined.push(q);
                }
            }
        }
        loaded
            .assessments
            .sort_by(|a, b| b.updated.total_cmp(&a.updated));
        Ok(loaded)
    }

    /// Moves an unreadable value to a quarantine key; the original is removed only once the copy is stored.
    pub fn quarantine(
        &self,
        key: &str,
        raw: &str,
        reason: &str,
        now: f64,
    ) -> Result<Quarantined, StoreError> {
        let qkey = format!(
            "{QUARANTINE_PREFIX}{}.{}",
            key.trim_start_matches(KEY_PREFIX),
            now as u64
        );
        let record = serde_json::json!({ "original_key": key, "reason": reason, "raw": raw });
        self.store.set(&qkey, &record.to_string())?;
        self.store.remove(key)?;
        Ok(Quarantined {
            key: qkey,
            original_key: key.to_string(),
            reason: reason.to_string(),
            raw: raw.to_string(),
        })
    }

    /// Every quarantined value, for the recovery panel.
    pub fn quarantined(&self) -> Result<Vec<Quarantined>, StoreError> {
        let mut out = Vec::new();
        for key in self.store.keys()? {
            if !key.starts_with(QUARANTINE_PREFIX) {
                continue;
            }
            let Some(text) = self.store.get(&key)? else {
                continue;
            };
            let record: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let field = |f: &str| {
                record
                    .get(f)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            out.push(Quarantined {
                original_key: field("original_key"),
                reason: field("reason"),
                raw: if record.is_null() {
                    text.clone()
                } else {
                    field("raw")
                },
                key,
            });
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    pub fn save_assessment(&self, a: &Assessment) -> Result<(), StoreError> {
        self.store
            .set(&assessment_key(&a.id), &encode(a, self.app_version))
    }

    pub fn delete(&self, key: &str) -> Result<(), StoreError> {
        self.store.remove(key)
    }

    /// Reads one stored document of any kind; `Ok(None)` when absent.
    pub fn load<T: DeserializeOwned>(
        &self,
        key: &str,
        kind: DocumentKind,
    ) -> Result<Option<Result<T, DecodeError>>, StoreError> {
        Ok(self.store.get(key)?.map(|raw| decode(&raw, kind)))
    }

    pub fn save<T: Serialize>(&self, key: &str, data: &T) -> Result<(), StoreError> {
        self.store.set(key, &encode(data, self.app_version))
    }
}

/// A store in memory, with a size limit that behaves like a full localStorage.
#[derive(Debug, Default)]
pub struct MemoryStore {
    pub map: std::cell::RefCell<BTreeMap<String, String>>,
    /// Total characters (keys plus values) it accepts; `None` for no limit.
    pub capacity: Option<usize>,
}

impl MemoryStore {
    pub fn with_capacity(capacity: usize) -> Self {
        MemoryStore {
            map: Default::default(),
            capacity: Some(capacity),
        }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(cap) = self.capacity {
            let used: usize = self
                .map
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > cap {
                return Err(StoreError::Full);
            }
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
