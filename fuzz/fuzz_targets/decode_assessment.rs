//! Any text found under an assessment key in localStorage: loading must give the assessment or a
//! `DecodeError` (which quarantines it), never panic; and a loaded assessment, saved and loaded again, must
//! come back unchanged.
#![no_main]

use iso20000_readiness::domain::assessment::Assessment;
use iso20000_readiness::domain::persistence::{decode, encode, DocumentKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let assessment = match decode::<Assessment>(text, DocumentKind::Assessment) {
        Ok(assessment) => assessment,
        Err(error) => {
            assert!(
                !error.describe().is_empty(),
                "an error without a description"
            );
            return;
        }
    };
    let stored = encode(&assessment, "fuzz");
    let again = decode::<Assessment>(&stored, DocumentKind::Assessment).unwrap_or_else(|e| {
        panic!(
            "our own save could not be loaded: {}\n{stored}",
            e.describe()
        )
    });
    assert_eq!(
        again, assessment,
        "saving and loading changed the assessment\n{stored}"
    );
});
