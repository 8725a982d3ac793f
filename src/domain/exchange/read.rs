//! The checks every imported file goes through before its content is looked at: size, emptiness, encoding,
//! nesting, JSON syntax, then the format name and version.

use serde_json::{Map, Value};

use super::errors::{kind_of_format, too_deep, FileKind, ImportError};
use super::{MAX_LABEL_CHARS, MAX_NESTING};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses untrusted bytes as JSON, refusing what is too big, empty, not UTF-8 or too deeply nested.
/// A UTF-8 byte order mark (added by some editors on Windows) is accepted and skipped.
pub(crate) fn parse_json(bytes: &[u8], limit: usize) -> Result<Value, ImportError> {
    if bytes.len() > limit {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let text = std::str::from_utf8(body).map_err(|e| {
        let byte = e.valid_up_to() + (bytes.len() - body.len());
        ImportError::NotUtf8 {
            line: line_of(bytes, byte),
            byte,
        }
    })?;
    if nests_deeper_than(text, MAX_NESTING) {
        return Err(too_deep());
    }
    serde_json::from_str(text).map_err(|e| syntax_error(&e))
}

/// 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset].iter().filter(|b| **b == b'\n').count()
}

/// A linear scan of brackets outside strings: no recursion, so any depth is safe to measure.
fn nests_deeper_than(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn syntax_error(e: &serde_json::Error) -> ImportError {
    let (line, column) = (e.line(), e.column());
    if e.classify() == serde_json::error::Category::Eof {
        return ImportError::Truncated { line, column };
    }
    let full = e.to_string();
    if full.starts_with("recursion limit exceeded") {
        return too_deep();
    }
    // serde_json appends " at line L column C", which the message already gives.
    let detail = full
        .rfind(" at line ")
        .map_or(full.as_str(), |at| &full[..at])
        .to_string();
    ImportError::Syntax {
        line,
        column,
        detail,
    }
}

/// The top of a file once its format name and version are checked.
pub(crate) struct Header<'a> {
    pub root: &'a Map<String, Value>,
    pub version: u64,
}

/// Checks that `root` names the `expected` kind of file in a version not newer than `supported`.
pub(crate) fn header(
    root: &Value,
    expected: FileKind,
    supported: u64,
) -> Result<Header<'_>, ImportError> {
    let not_ours = ImportError::NotOurFormat { expected };
    let obj = root.as_object().ok_or(not_ours.clone())?;
    let format = obj.get("format").and_then(Value::as_str).ok_or(not_ours)?;
    match kind_of_format(format) {
        Some(found) if found == expected => {}
        Some(found) => return Err(ImportError::WrongKind { expected, found }),
        None => {
            return Err(ImportError::OtherFormat {
                expected,
                found: format.to_string(),
            })
        }
    }
    let version = match obj.get("format_version") {
        None => return Err(ImportError::invalid("format_version", "is missing")),
        Some(v) => v.as_u64().ok_or_else(|| {
            ImportError::invalid("format_version", "should be a whole number such as 1")
        })?,
    };
    if version > supported {
        return Err(ImportError::TooNew {
            found: version,
            supported,
        });
    }
    Ok(Header { root: obj, version })
}

/// A short label such as `app_version`; `fallback` when an older format lacks it.
pub(crate) fn label(
    obj: &Map<String, Value>,
    key: &str,
    fallback: Option<&str>,
) -> Result<String, ImportError> {
    let text = match (obj.get(key), fallback) {
        (None, Some(fallback)) => fallback.to_string(),
        (None, None) => return Err(ImportError::invalid(key, "is missing")),
        (Some(Value::String(s)), _) => s.clone(),
        (Some(other), _) => {
            return Err(ImportError::invalid(
                key,
                format!("should be text but is {}", kind_name(other)),
            ))
        }
    };
    let chars = text.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(ImportError::TooLong {
            path: key.to_string(),
            chars,
            limit: MAX_LABEL_CHARS,
        });
    }
    Ok(text)
}

/// What a JSON value is, in words for a message.
pub(crate) fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The warning, if any, from comparing the stored checksum with the content's.
pub(crate) fn checksum_warning(
    obj: &Map<String, Value>,
    content: &Value,
) -> Result<Option<super::ImportWarning>, ImportError> {
    use super::ImportWarning;
    match obj.get("checksum") {
        None | Some(Value::Null) => Ok(Some(ImportWarning::ChecksumMissing)),
        Some(Value::String(stored)) => {
            let matches = stored.eq_ignore_ascii_case(&super::checksum(content));
            Ok((!matches).then_some(ImportWarning::ChecksumMismatch))
        }
        Some(other) => Err(ImportError::invalid(
            "checksum",
            format!(
                "should be text (64 hexadecimal digits) but is {}",
                kind_name(other)
            ),
        )),
    }
}
