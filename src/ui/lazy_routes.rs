//! Route views loaded on demand, so that the first load carries only the shell (header, home, about).
//!
//! In the release build (`--cfg wasm_split`, set by `scripts/build_wasm.sh`) each view function below is a
//! split point: the splitter moves it, and the code only it needs, into its own wasm chunk that the browser
//! fetches the first time the route opens. Code shared by several routes goes to a shared chunk. Everywhere
//! else (dev builds, wasm-bindgen tests) the same functions are plain async functions, so the app behaves
//! the same with or without splitting.
//!
//! A chunk that cannot be fetched (offline before the service worker cached it, a deploy in between) shows
//! a message with a reload button instead of stopping the app.

use leptos::prelude::*;
use leptos_router::{Lazy, LazyRoute};

use super::exam_state::ExamState;
use super::pages;
use super::pages::exam::{review::Review, session::Session, ExamHome};
use super::pages::learn::{ClausePage, GlossaryPage, LearnHome, TopicPage};
use super::state::{use_app, AppState};

/// Why a route's code could not be loaded (the splitter's loader gives no detail; the console has it).
pub struct ChunkUnavailable;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkUnavailable
    }
}

/// Declares a function that runs in split `$split` (a chunk of its own in the release build).
macro_rules! split_fn {
    ($split:ident, fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        #[cfg(wasm_split)]
        #[leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($($arg: $ty),*) -> Result<$out, ChunkUnavailable> {
            Ok($body)
        }

        #[cfg(not(wasm_split))]
        async fn $name($($arg: $ty),*) -> Result<$out, ChunkUnavailable> {
            Ok($body)
        }
    };
}

/// Declares `$route`, a lazily loaded route that renders `<$component/>` from split `$split`, after the
/// stored data is loaded when `$stored` is true.
macro_rules! lazy_route {
    ($route:ident, $split:ident, $name:ident, $component:ident, stored: $stored:literal) => {
        split_fn!(
            $split,
            fn $name() -> AnyView {
                view! { <$component/> }.into_any()
            }
        );

        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> AnyView {
                let stored = if $stored {
                    load_stored_data().await
                } else {
                    Ok(())
                };
                match stored {
                    Ok(()) => $name().await.unwrap_or_else(|_| unavailable()),
                    Err(_) => unavailable(),
                }
            }
        }
    };
}

// Routes of one area share a split: fewer, larger files than one per page, and the next page of the same
// area opens without a fetch.
lazy_route!(AssessmentsRoute, assessments, assessments_view, AssessmentList, stored: true);
lazy_route!(WalkthroughRoute, walkthrough, walkthrough_view, Walkthrough, stored: true);
lazy_route!(ResultsRoute, results, results_view, Results, stored: true);
lazy_route!(LearnRoute, learn, learn_view, LearnHome, stored: false);
lazy_route!(ClauseRoute, learn, clause_view, ClausePage, stored: false);
lazy_route!(GlossaryRoute, learn, glossary_view, GlossaryPage, stored: false);
lazy_route!(TopicRoute, learn, topic_view, TopicPage, stored: false);
lazy_route!(ExamRoute, exam, exam_view, ExamHome, stored: true);
lazy_route!(SessionRoute, exam, session_view, Session, stored: true);
lazy_route!(ReviewRoute, exam, review_view, Review, stored: true);

split_fn!(
    stored_data,
    fn load_stored_data_now(app: AppState, exam: ExamState) -> () {
        app.load();
        exam.load(app);
    }
);

/// Reads the assessments and the exam progress from storage, once (later calls return at once).
async fn load_stored_data() -> Result<(), ChunkUnavailable> {
    load_stored_data_now(use_app(), expect_context::<ExamState>()).await
}

use pages::assessments::AssessmentList;
use pages::results::Results;
use pages::walkthrough::Walkthrough;

/// The router's view for a lazily loaded route.
pub fn lazy<T: LazyRoute + Sync>() -> Lazy<T> {
    Lazy::new()
}

/// Shown when a route's code could not be fetched: nothing is lost, a reload fetches it again.
fn unavailable() -> AnyView {
    super::components::title::set_title("Could not load this page");
    view! {
        <h1>"This page could not be loaded"</h1>
        <p>
            "Part of the app could not be fetched, perhaps because the connection dropped or a new version was "
            "published a moment ago. Your data is safe in this browser. Reload the page to try again."
        </p>
        <p><button type="button" on:click=|_| { let _ = window().location().reload(); }>"Reload"</button></p>
    }
    .into_any()
}
