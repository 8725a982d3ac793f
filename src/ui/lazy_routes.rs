//! What each route shows, and the pages loaded on demand, so that the first load carries only the shell
//! (header, home, about).
//!
//! In the release build (`--cfg wasm_split`, set by `scripts/build_wasm.sh`) each page function below is a
//! split point: the splitter moves it, and the code only it needs, into a wasm chunk that the browser
//! fetches the first time a route of that area opens. Code shared by several areas goes to shared chunks.
//! Everywhere else (dev builds, wasm-bindgen tests) the same functions are plain async functions, so the
//! app behaves the same with or without splitting.
//!
//! Every route has the same view type, [`Page`]: the router's code is instantiated once per path shape
//! rather than once per route, which keeps the shell small.
//!
//! A chunk that cannot be fetched (offline before the service worker cached it, a deploy in between) shows
//! a message with a reload button instead of stopping the app.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::ChooseView;
use std::future::Future;
use std::pin::Pin;

use super::components::import_panel::PickedFile;
use super::exam_state::ExamState;
use super::pages::about::About;
use super::pages::assessments::AssessmentList;
use super::pages::exam::{review::Review, session::Session, ExamHome};
use super::pages::home::Home;
use super::pages::learn::{ClausePage, GlossaryPage, LearnHome, TopicPage};
use super::pages::results::Results;
use super::pages::walkthrough::Walkthrough;
use super::state::{use_app, AppState};
use crate::domain::analysis::Analysis;
use crate::domain::assessment::Assessment;

/// Why a page's code could not be loaded (the splitter's loader gives no detail; the console has it).
pub struct ChunkUnavailable;

impl From<SplitLoaderError> for ChunkUnavailable {
    fn from(_: SplitLoaderError) -> Self {
        ChunkUnavailable
    }
}

/// Declares `$name::$name`, a function that runs in split `$split` (a chunk of its own in the release
/// build), and `$name::preload`, which only fetches that chunk.
macro_rules! split_fn {
    ($split:ident, fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        mod $name {
            use super::*;

            #[cfg(wasm_split)]
            #[leptos::wasm_split::wasm_split(
                $split,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload(preload)
            )]
            pub(super) fn $name($($arg: $ty),*) -> Result<$out, ChunkUnavailable> {
                Ok($body)
            }

            #[cfg(not(wasm_split))]
            pub(super) async fn $name($($arg: $ty),*) -> Result<$out, ChunkUnavailable> {
                Ok($body)
            }

            #[cfg(not(wasm_split))]
            #[allow(dead_code)] // not every split is preloaded
            pub(super) async fn preload() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        }
    };
}

type Loading<T> = Pin<Box<dyn Future<Output = Result<T, ChunkUnavailable>>>>;

/// A page loaded on demand: whether it reads the stored data, how to fetch its chunk, how to build it.
#[derive(Clone, Copy)]
struct PageCode {
    stored: bool,
    fetch: fn() -> Loading<()>,
    build: fn() -> Loading<AnyView>,
}

/// Declares `$code`, the page `<$component/>` built by `$name` in split `$split`.
macro_rules! page {
    ($code:ident, $split:ident, $name:ident, $component:ident, stored: $stored:literal) => {
        split_fn!(
            $split,
            fn $name() -> AnyView {
                view! { <$component/> }.into_any()
            }
        );
        const $code: PageCode = PageCode {
            stored: $stored,
            fetch: || Box::pin(async { Ok($name::preload().await?) }),
            build: || Box::pin($name::$name()),
        };
    };
}

// Pages of one area share a split: fewer, larger files than one per page, and the next page of the same
// area opens without a fetch. scripts/postbuild.py reads these lines (and routes.rs) for its preload map.
page!(ASSESSMENTS, assessments, assessments_page, AssessmentList, stored: true);
page!(WALKTHROUGH, walkthrough, walkthrough_page, Walkthrough, stored: true);
page!(RESULTS, results, results_page, Results, stored: true);
page!(LEARN, learn, learn_page, LearnHome, stored: false);
page!(CLAUSE, learn, clause_page, ClausePage, stored: false);
page!(GLOSSARY, learn, glossary_page, GlossaryPage, stored: false);
page!(TOPIC, learn, topic_page, TopicPage, stored: false);
page!(EXAM, exam, exam_page, ExamHome, stored: true);
page!(SESSION, exam, session_page, Session, stored: true);
page!(REVIEW, exam, review_page, Review, stored: true);

split_fn!(
    stored_data,
    fn load_stored_data(app: AppState, exam: ExamState) -> () {
        app.load();
        exam.load(app);
    }
);

split_fn!(
    import,
    fn import_view(files: Vec<PickedFile>, on_done: Callback<()>) -> AnyView {
        crate::ui::components::import::outcome_view(files, on_done)
    }
);

/// What files picked on /assessments hold and what can be done with them: the import, compare and
/// consolidate code is fetched the first time a file is chosen.
pub async fn import_outcome(files: Vec<PickedFile>, on_done: Callback<()>) -> AnyView {
    import_view::import_view(files, on_done)
        .await
        .unwrap_or_else(|_| unavailable())
}

split_fn!(
    export,
    fn save_export(format: usize, a: Assessment, analysis: Option<Analysis>) -> () {
        crate::ui::components::export::save(format, &a, analysis)
    }
);

/// Saves an assessment in format number `format` of the export list: the renderers are fetched the first
/// time a format is chosen.
pub async fn export(
    format: usize,
    a: Assessment,
    analysis: Option<Analysis>,
) -> Result<(), ChunkUnavailable> {
    save_export::save_export(format, a, analysis).await
}

/// The view of every route: a page of the shell, or one loaded on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Home,
    About,
    Assessments,
    Walkthrough,
    Results,
    Learn,
    Clause,
    Glossary,
    Topic,
    Exam,
    Session,
    Review,
}

impl Page {
    async fn show(self) -> Result<AnyView, ChunkUnavailable> {
        let code = match self {
            Page::Home => return Ok(view! { <Home/> }.into_any()),
            Page::About => return Ok(view! { <About/> }.into_any()),
            Page::Assessments => ASSESSMENTS,
            Page::Walkthrough => WALKTHROUGH,
            Page::Results => RESULTS,
            Page::Learn => LEARN,
            Page::Clause => CLAUSE,
            Page::Glossary => GLOSSARY,
            Page::Topic => TOPIC,
            Page::Exam => EXAM,
            Page::Session => SESSION,
            Page::Review => REVIEW,
        };
        if code.stored {
            // The stored data is read before the page is built; both chunks are fetched at the same time.
            let stored =
                load_stored_data::load_stored_data(use_app(), expect_context::<ExamState>());
            let (fetched, data) = futures::future::join((code.fetch)(), stored).await;
            fetched?;
            data?;
        }
        (code.build)().await
    }
}

impl ChooseView for Page {
    async fn choose(self) -> AnyView {
        self.show().await.unwrap_or_else(|_| unavailable())
    }

    async fn preload(&self) {}
}

/// Shown when a page's code could not be fetched: nothing is lost, a reload fetches it again.
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
