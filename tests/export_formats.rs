//! The export list: the menu shows `LABELS` (so it does not link the renderers), which must name the formats
//! of `FORMATS` in the same order; every format renders a file named after the assessment.

use iso20000_readiness::domain::analysis::Analysis;
use iso20000_readiness::domain::assessment::{NewAssessment, Scale};
use iso20000_readiness::domain::export::{ExportContext, FORMATS, LABELS};

#[test]
fn the_menu_labels_are_the_formats_labels_in_order() {
    let labels: Vec<&str> = FORMATS.iter().map(|f| f.label).collect();
    assert_eq!(LABELS.to_vec(), labels);
    assert_eq!(
        FORMATS[0].id, "result",
        "Ctrl+S saves the result file, the first format"
    );
}

#[test]
fn every_format_renders_a_named_file() {
    let a = NewAssessment {
        name: "Export check".into(),
        scale: Scale::Conformity,
        ..Default::default()
    }
    .build("t1".into(), 0.0)
    .unwrap();
    let ctx = ExportContext {
        app_version: "0.1.0".into(),
        catalogue_version: "test".into(),
        exported_at: "2026-12-01T08:00:00Z".into(),
    };
    for format in &FORMATS {
        let file = format.export(&a, &Analysis::of(&a), &ctx);
        assert!(!file.text.is_empty(), "{}", format.id);
        assert!(
            file.file_name.ends_with(format.suffix),
            "{}: {}",
            format.id,
            file.file_name
        );
    }
}
