#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    iso20000_readiness::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `trunk build --release` (see README.md).");
}
