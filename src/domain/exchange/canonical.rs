//! The checksum of exported content: SHA-256 over a canonical JSON text, so that the same content always
//! gives the same checksum whatever the whitespace or key order of the file that carries it.
//!
//! Canonical JSON here: no whitespace; object members sorted by key (byte order of the UTF-8 key); strings
//! escaped as serde_json (and JavaScript's `JSON.stringify`) escape them: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
//! `\t`, other control characters as `\u00xx`, everything else as UTF-8; numbers as serde_json prints the
//! number it read (integers as integers, other numbers as the shortest text that reads back to the same
//! 64-bit float, whole floats with `.0`).

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The canonical JSON text of `value` (see the module documentation).
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

/// Lower-case hex SHA-256 of the canonical JSON text of `value`.
pub fn checksum(value: &Value) -> String {
    let digest = Sha256::digest(canonical_json(value).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Recursion is bounded: imported values passed the nesting check, exported ones are our own shapes.
fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (key, member)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_canonical(member, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    // Serialising a &str cannot fail.
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}
