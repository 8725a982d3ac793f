//! Any bytes offered as a result file: import must answer with the data or an error, never panic; and an
//! accepted file, exported again and re-imported (what a user does when passing a file on), must give the
//! same assessment with a checksum that matches.
#![no_main]

use iso20000_readiness::domain::exchange::{
    export_result, import_result, is_catalogue_requirement, ImportWarning,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let imported = match import_result(data, &is_catalogue_requirement) {
        Ok(imported) => imported,
        Err(error) => {
            assert!(!error.message().is_empty(), "an error without a message");
            return;
        }
    };
    for warning in &imported.warnings {
        assert!(!warning.message().is_empty(), "a warning without a message");
    }
    let _ = imported.preview();

    let file = export_result(
        &imported.assessment,
        &imported.app_version,
        &imported.catalogue_version,
        &imported.exported_at,
    );
    let again = import_result(file.as_bytes(), &is_catalogue_requirement)
        .unwrap_or_else(|e| panic!("our own export was refused: {}\n{file}", e.message()));
    assert_eq!(
        again.assessment, imported.assessment,
        "the round trip changed the assessment\n{file}"
    );
    assert_eq!(again.app_version, imported.app_version);
    assert_eq!(again.catalogue_version, imported.catalogue_version);
    assert_eq!(again.exported_at, imported.exported_at);
    // A fresh export is current and checksummed: only the unknown-requirements warning may remain.
    let still_due: Vec<ImportWarning> = imported
        .warnings
        .into_iter()
        .filter(|w| matches!(w, ImportWarning::UnknownRequirements(_)))
        .collect();
    assert_eq!(
        again.warnings, still_due,
        "unexpected warnings on our own export\n{file}"
    );
});
