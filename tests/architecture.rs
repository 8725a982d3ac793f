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
