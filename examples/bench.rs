//! Native timings for the benchmark script: re-scoring the full catalogue, saving and loading 50 full
//! assessments through the storage layer (in-memory store), and importing a result file of about 5 MB
//! (the largest size import accepts). Run: cargo run --release --example bench
use iso20000_readiness::domain::assessment::{Assessment, NewAssessment, Rating, Scale};
use iso20000_readiness::domain::catalogue::{CATALOGUE_VERSION, REQUIREMENTS};
use iso20000_readiness::domain::exchange::{
    export_result, import_result, is_catalogue_requirement, MAX_IMPORT_BYTES, RESULT_FORMAT,
};
use iso20000_readiness::domain::persistence::{MemoryStore, Repository};
use iso20000_readiness::domain::scoring::{Scorecard, Verdict};
use iso20000_readiness::APP_VERSION;
use std::hint::black_box;
use std::time::Instant;

const EXPORTED_AT: &str = "2026-11-22T10:00:00Z";

fn full(id: usize) -> Assessment {
    let mut a = NewAssessment {
        name: format!("Bench {id}"),
        scale: Scale::Capability,
        ..Default::default()
    }
    .build(format!("b{id}"), 0.0)
    .unwrap();
    for (i, r) in REQUIREMENTS.iter().enumerate() {
        a.edit_answer(r.id, 1.0, |x| {
            x.rating = Some(Rating::Level((i % 6) as u8));
            x.notes = format!("Evidence reviewed for {} with the process owner.", r.id);
            x.owner = "Service owner".into();
        });
    }
    a
}

/// `chars` characters of plausible free text: sentences, line breaks (escaped as two bytes in JSON) and a
/// few non-ASCII letters (two bytes in UTF-8), so the parser's escape and UTF-8 paths are exercised.
fn long_text(chars: usize, seed: usize) -> String {
    let sentence = format!(
        "Interview {seed} with the process owner: the procedure is followed, records are kept and reviewed \
         every quarter; two minor gaps remain (see ticket CHG-{seed:04}, résumé in the café minutes).\n"
    );
    sentence.chars().cycle().take(chars).collect()
}

/// The full catalogue answered, with notes, evidence and action texts of `chars` characters each.
fn with_long_texts(chars: usize) -> Assessment {
    let mut a = full(0);
    for (i, r) in REQUIREMENTS.iter().enumerate() {
        a.edit_answer(r.id, 1.0, |x| {
            x.notes = long_text(chars, i);
            x.evidence = long_text(chars, i + 1000);
            x.action = long_text(chars, i + 2000);
        });
    }
    a
}

/// The result file (the domain's own export) whose size is closest to `target` bytes without exceeding
/// it: the text length is scaled from a first export, then stepped down until the file fits.
fn result_file_of_size(target: usize) -> (Assessment, String) {
    let fields = REQUIREMENTS.len() * 3;
    let base = export_result(
        &with_long_texts(0),
        APP_VERSION,
        CATALOGUE_VERSION,
        EXPORTED_AT,
    )
    .len();
    let probe = 1000;
    let sample = export_result(
        &with_long_texts(probe),
        APP_VERSION,
        CATALOGUE_VERSION,
        EXPORTED_AT,
    )
    .len();
    let bytes_per_char = (sample - base) as f64 / (fields * probe) as f64;
    let mut chars = ((target - base) as f64 / bytes_per_char / fields as f64) as usize;
    loop {
        let a = with_long_texts(chars);
        let file = export_result(&a, APP_VERSION, CATALOGUE_VERSION, EXPORTED_AT);
        if file.len() <= target {
            return (a, file);
        }
        chars -= 1 + (file.len() - target) / fields;
    }
}

/// The same assessment in format version 0 (the app's stored shape, answers keyed by id, no checksum):
/// importing it also runs the migration to version 1.
fn version_0_file(a: &Assessment) -> String {
    let file = serde_json::json!({
        "format": RESULT_FORMAT,
        "format_version": 0,
        "app_version": APP_VERSION,
        "exported_at": EXPORTED_AT,
        "assessment": a,
    });
    serde_json::to_string_pretty(&file).unwrap()
}

/// Median of `runs` timings of `f`, in microseconds.
fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

fn main() {
    let mut a = full(0);
    let rescore = median_us(201, || {
        a.edit_answer("8.6.1.1", 2.0, |x| x.rating = Some(Rating::Level(4)));
        black_box(Scorecard::of(black_box(&a)));
    });
    let verdict = median_us(201, || {
        black_box(Verdict::of(black_box(&a)));
    });
    let fifty: Vec<Assessment> = (0..50).map(full).collect();
    let store = MemoryStore::default();
    let repo = Repository {
        store: &store,
        app_version: "bench",
    };
    let save = median_us(11, || {
        for x in &fifty {
            repo.save_assessment(x).unwrap();
        }
    });
    let bytes: usize = store.map.borrow().values().map(String::len).sum();
    let load = median_us(11, || {
        black_box(repo.load_assessments(0.0).unwrap());
    });
    println!("requirements in catalogue: {}", REQUIREMENTS.len());
    println!("re-score full catalogue after one change: {rescore:.1} µs (median of 201)");
    println!("readiness verdict over full catalogue: {verdict:.1} µs (median of 201)");
    println!(
        "save 50 full assessments: {:.2} ms ({} KB serialised)",
        save / 1000.0,
        bytes / 1024
    );
    println!("load 50 full assessments: {:.2} ms", load / 1000.0);

    // Import of the largest accepted result file (1 % under the 5 MiB limit): every check of
    // import_result (size, UTF-8, nesting, JSON, format, types, lengths, ratings, checksum).
    let (big, file) = result_file_of_size(MAX_IMPORT_BYTES * 99 / 100);
    let check = import_result(file.as_bytes(), &is_catalogue_requirement).unwrap();
    assert!(check.warnings.is_empty(), "{:?}", check.warnings);
    assert_eq!(check.assessment.answers, big.answers);
    let import = median_us(11, || {
        black_box(import_result(black_box(file.as_bytes()), &is_catalogue_requirement).unwrap());
    });
    // The same content in format version 0: the import also migrates it (and warns that it did).
    let old = version_0_file(&big);
    let migrated = import_result(old.as_bytes(), &is_catalogue_requirement).unwrap();
    assert_eq!(migrated.assessment.answers, big.answers);
    let import_old = median_us(11, || {
        black_box(import_result(black_box(old.as_bytes()), &is_catalogue_requirement).unwrap());
    });
    let mb = |n: usize| format!("{:.2} MB, {:.2} MiB", n as f64 / 1e6, n as f64 / 1048576.0);
    println!(
        "import a result file of {} ({} answers, notes, evidence and action of {} characters each; \
         read, validate, checksum): {:.1} ms (median of 11)",
        mb(file.len()),
        big.answers.len(),
        big.answers.values().next().map_or(0, |x| x.notes.chars().count()),
        import / 1000.0
    );
    println!(
        "import the same content as a format-version-0 file of {} (read, migrate to version 1, validate; \
         version 0 has no checksum to verify): {:.1} ms (median of 11)",
        mb(old.len()),
        import_old / 1000.0
    );
}
