//! Native timings for the benchmark script: re-scoring the full catalogue, and saving and loading 50 full
//! assessments through the storage layer (in-memory store). Run: cargo run --release --example bench
use iso20000_readiness::domain::assessment::{Assessment, NewAssessment, Rating, Scale};
use iso20000_readiness::domain::catalogue::REQUIREMENTS;
use iso20000_readiness::domain::persistence::{MemoryStore, Repository};
use iso20000_readiness::domain::scoring::{Scorecard, Verdict};
use std::hint::black_box;
use std::time::Instant;

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
}
