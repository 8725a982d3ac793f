//! Any bytes offered as a full backup: restore must answer with the data or an error, never panic; and an
//! accepted backup, exported again and restored, must give the same assessments and exam history with a
//! checksum that matches.
#![no_main]

use iso20000_readiness::domain::exchange::{
    export_backup, import_backup, is_catalogue_requirement, ImportWarning,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let backup = match import_backup(data, &is_catalogue_requirement) {
        Ok(backup) => backup,
        Err(error) => {
            assert!(!error.message().is_empty(), "an error without a message");
            return;
        }
    };
    for warning in &backup.warnings {
        assert!(!warning.message().is_empty(), "a warning without a message");
    }

    let file = export_backup(
        &backup.assessments,
        &backup.exam,
        &backup.app_version,
        &backup.catalogue_version,
        &backup.exported_at,
    );
    let again = import_backup(file.as_bytes(), &is_catalogue_requirement)
        .unwrap_or_else(|e| panic!("our own backup was refused: {}\n{file}", e.message()));
    assert_eq!(
        again.assessments, backup.assessments,
        "the round trip changed an assessment\n{file}"
    );
    assert_eq!(
        again.exam, backup.exam,
        "the round trip changed the exam history\n{file}"
    );
    assert_eq!(again.app_version, backup.app_version);
    assert_eq!(again.catalogue_version, backup.catalogue_version);
    assert_eq!(again.exported_at, backup.exported_at);
    // A fresh backup is checksummed: only the unknown-requirements warning may remain.
    let still_due: Vec<ImportWarning> = backup
        .warnings
        .into_iter()
        .filter(|w| matches!(w, ImportWarning::UnknownRequirements(_)))
        .collect();
    assert_eq!(
        again.warnings, still_due,
        "unexpected warnings on our own backup\n{file}"
    );
});
