//! The domain stays plain Rust: no UI framework, no browser API.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn domain_modules_do_not_touch_leptos_or_the_browser() {
    let mut files = Vec::new();
    rust_files(Path::new("src/domain"), &mut files);
    assert!(files.len() >= 5, "found {} domain files", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Paths, not words: a comment may name what the domain avoids.
        for banned in [
            "leptos::",
            "leptos_router::",
            "web_sys::",
            "wasm_bindgen::",
            "js_sys::",
            "gloo_storage::",
        ] {
            assert!(
                !text.contains(banned),
                "{} mentions {banned}",
                file.display()
            );
        }
    }
}

/// The module names under src/ui/pages (files and folders), i.e. the pages.
fn page_modules() -> Vec<String> {
    std::fs::read_dir("src/ui/pages")
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let stem = path.file_stem()?.to_str()?.to_string();
            (stem != "mod").then_some(stem)
        })
        .collect()
}

#[test]
fn no_page_imports_another_page() {
    let pages = page_modules();
    assert!(pages.len() >= 5, "found pages {pages:?}");
    for page in &pages {
        let mut files = Vec::new();
        let dir = Path::new("src/ui/pages").join(page);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        } else {
            files.push(dir.with_extension("rs"));
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for other in pages.iter().filter(|p| *p != page) {
                for path in [
                    format!("pages::{other}"),
                    format!("super::{other}::"),
                    format!("super::super::{other}"),
                ] {
                    assert!(
                        !text.contains(&path),
                        "{} imports the page {other} ({path}): move what they share to src/ui/components/",
                        file.display()
                    );
                }
            }
        }
    }
}

#[test]
fn routes_are_declared_once_and_the_preload_map_reads_them() {
    let routes = std::fs::read_to_string("src/ui/routes.rs").unwrap();
    let table_start = routes.find("macro_rules! with_routes").unwrap();
    let table = &routes[table_start..];
    let table = &table[..table.find("\n}").unwrap()];
    let patterns: Vec<&str> = table
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"'))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert!(patterns.contains(&"/assessments/:id/results/:section"));
    let mut unique = patterns.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), patterns.len(), "a route is declared twice");
    // Nothing else spells a route pattern: the router is built from the table.
    for file in [
        "src/ui/app.rs",
        "src/ui/lazy_routes.rs",
        "scripts/postbuild.py",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(!text.contains("path!(\""), "{file} declares a route itself");
        assert!(
            !text.contains("/assessments/"),
            "{file} spells a route pattern"
        );
    }
    // postbuild.py's preload map: one entry per route loaded on demand, each with its page's split.
    let out = std::process::Command::new("python3")
        .args(["scripts/postbuild.py", "--print-routes"])
        .output()
        .expect("python3 runs scripts/postbuild.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let map: Vec<(String, Vec<String>, bool)> = serde_json::from_slice(&out.stdout).unwrap();
    let shell = ["/", "/about"];
    assert_eq!(map.len(), patterns.len() - shell.len());
    let find = |regex: &str| map.iter().find(|(r, _, _)| r == regex).unwrap();
    assert_eq!(
        find("^/assessments/[^/]+/results/[^/]+/?$").1,
        ["stored_data", "results"]
    );
    assert_eq!(find("^/learn/?$").1, ["learn"]);
    let exam = find("^/exam/session/?$");
    assert_eq!(
        (exam.1.as_slice(), exam.2),
        (
            ["stored_data".to_string(), "exam".to_string()].as_slice(),
            true
        )
    );
}
