//! The root: state, router, header navigation, notices and the main landmark.

use leptos::prelude::*;
use leptos_router::components::{Route as RouteDef, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use super::components::notices::NoticeArea;
use super::components::update::UpdatePrompt;
use super::lazy_routes::Page;
use super::pages;
use super::routes::{primary_nav, with_routes};
use super::state::AppState;

/// The router's routes, from the one declaration in `routes.rs`.
macro_rules! route_defs {
    ($($pattern:tt => $page:ident;)*) => {
        view! {
            <Routes fallback=|| view! { <pages::not_found::NotFound/> }>
                $(<RouteDef path=path!($pattern) view=Page::$page/>)*
            </Routes>
        }
    };
}

#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::empty());
    provide_context(super::exam_state::ExamState::empty());
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <NoticeArea/>
            <div class="notices"><UpdatePrompt/></div>
            <main id="main" tabindex="-1">
                {with_routes!(route_defs)}
            </main>
            <footer class="site-footer">
                <p>
                    "Independent tool, not affiliated with ISO or IEC. Everything you enter stays in this browser. "
                    <a href="/about">"Privacy and licence"</a>
                </p>
            </footer>
        </Router>
    }
}

/// The site header. Below about 640 px its links fold into a disclosure behind a Menu button, which closes
/// again when a link is followed, on Escape, or when the route changes.
#[component]
fn SiteHeader() -> impl IntoView {
    let open = RwSignal::new(false);
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    view! {
        <header class="site-header">
            <nav aria-label="Main" on:keydown=move |e: leptos::ev::KeyboardEvent| {
                if e.key() == "Escape" { open.set(false); }
            }>
                <a class="brand" href="/">
                    <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24"><path fill="currentColor" d="M12 2 3 6v6c0 5 3.8 9.7 9 10 5.2-.3 9-5 9-10V6l-9-4zm-1.2 14.6-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7z"/></svg>
                    <span>"ISO 20000 Readiness"</span>
                </a>
                <button type="button" class="menu-toggle" aria-controls="main-menu"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24"><path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z"/></svg>
                    " Menu"
                </button>
                <ul id="main-menu" class:open=move || open.get() on:click=move |_| open.set(false)>
                    {primary_nav()
                        .into_iter()
                        .map(|(label, route)| {
                            let exact = route == super::routes::Route::Home;
                            view! { <li><A href=route.path() exact=exact>{label}</A></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
