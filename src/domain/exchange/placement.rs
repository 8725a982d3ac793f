//! Where an assessment from a file or a backup goes among those already stored: an import or a restore
//! never overwrites anything, and a name already in use gets a suffix that says where the copy came from.

use crate::domain::assessment::Assessment;

/// What a restore does with one assessment of a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restore {
    /// An identical copy is stored already: nothing to do.
    AlreadyHere,
    /// No assessment has its id: stored as it is.
    Add,
    /// Another version has its id: stored beside it under a new id, named as restored.
    AddBeside,
}

impl Restore {
    pub fn of(incoming: &Assessment, stored: Option<&Assessment>) -> Restore {
        match stored {
            Some(existing) if existing == incoming => Restore::AlreadyHere,
            Some(_) => Restore::AddBeside,
            None => Restore::Add,
        }
    }
}

/// The stored assessment that holds exactly what `incoming` holds, if any: the original (same id), or an
/// earlier import of the same file (imports get a new id, and maybe a new name, but keep everything else,
/// the creation time included). Importing it again would only make a duplicate.
pub fn already_stored<'a>(
    incoming: &Assessment,
    stored: &'a [Assessment],
) -> Option<&'a Assessment> {
    let content = |a: &Assessment| Assessment {
        id: String::new(),
        name: String::new(),
        ..a.clone()
    };
    let wanted = content(incoming);
    stored
        .iter()
        .find(|s| s.id == incoming.id && *s == incoming)
        .or_else(|| stored.iter().find(|s| content(s) == wanted))
}

/// The copy stored beside an existing version: a new id, and the name says it was restored.
pub fn restored_copy(mut a: Assessment, new_id: String) -> Assessment {
    a.id = new_id;
    a.name = format!("{} (restored)", a.name);
    a
}

/// The name of an imported assessment: its own, unless one stored already has it, then with the date
/// of the import (`today`, YYYY-MM-DD).
pub fn imported_name(name: &str, in_use: impl Fn(&str) -> bool, today: &str) -> String {
    if in_use(name) {
        format!("{name} (imported {today})")
    } else {
        name.to_string()
    }
}
