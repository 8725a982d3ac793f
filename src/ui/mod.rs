//! The browser UI (leptos, client-side rendering). Pages stay thin over `crate::domain`.

pub mod app;
pub mod components;
pub mod exam_state;
pub mod lazy_routes;
pub mod pages;
pub mod routes;
pub mod state;

/// Mounts the app on the page's body (called once from `main`).
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
