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

use super::exam_state::ExamState;
use super::pages::about::About;
use super::pages::assessments::AssessmentList;
use super::pages::exam::{review::Review, session::Session, ExamHome};
use super::pages::home::Home;
use super::pages::learn::{ClausePage, GlossaryPage, LearnHome, TopicPage};
use super::pages::results::Results;
use super::pages::walkthrough::Walkthrough;
use super::state::{use_app, AppState};

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

// Pages of one area share a split: fewer, larger files than one per page, and the next page of the same
// area opens without a fetch. scripts/postbuild.py preloads a route's files (ROUTE_SPLITS): keep it in step.
split_fn!(
    assessments,
    fn assessments_page() -> AnyView {
        view! { <AssessmentList/> }.into_any()
    }
);
split_fn!(
    walkthrough,
    fn walkthrough_page() -> AnyView {
        view! { <Walkthrough/> }.into_any()
    }
);
split_fn!(
    results,
    fn results_page() -> AnyView {
        view! { <Results/> }.into_any()
    }
);
split_fn!(
    learn,
    fn learn_page() -> AnyView {
        view! { <LearnHome/> }.into_any()
    }
);
split_fn!(
    learn,
    fn clause_page() -> AnyView {
        view! { <ClausePage/> }.into_any()
    }
);
split_fn!(
    learn,
    fn glossary_page() -> AnyView {
        view! { <GlossaryPage/> }.into_any()
    }
);
split_fn!(
    learn,
    fn topic_page() -> AnyView {
        view! { <TopicPage/> }.into_any()
    }
);
split_fn!(
    exam,
    fn exam_page() -> AnyView {
        view! { <ExamHome/> }.into_any()
    }
);
split_fn!(
    exam,
    fn session_page() -> AnyView {
        view! { <Session/> }.into_any()
    }
);
split_fn!(
    exam,
    fn review_page() -> AnyView {
        view! { <Review/> }.into_any()
    }
);

split_fn!(
    stored_data,
    fn load_stored_data(app: AppState, exam: ExamState) -> () {
        app.load();
        exam.load(app);
    }
);

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

type Loading<T> = Pin<Box<dyn Future<Output = Result<T, ChunkUnavailable>>>>;

impl Page {
    /// Whether the page needs the stored assessments and exam progress.
    fn needs_stored_data(self) -> bool {
        !matches!(
            self,
            Page::Home | Page::About | Page::Learn | Page::Clause | Page::Glossary | Page::Topic
        )
    }

    /// The page's code, fetched and run (boxed: one loading path for all pages).
    fn load(self) -> Loading<AnyView> {
        match self {
            Page::Home => Box::pin(async { Ok(view! { <Home/> }.into_any()) }),
            Page::About => Box::pin(async { Ok(view! { <About/> }.into_any()) }),
            Page::Assessments => Box::pin(assessments_page::assessments_page()),
            Page::Walkthrough => Box::pin(walkthrough_page::walkthrough_page()),
            Page::Results => Box::pin(results_page::results_page()),
            Page::Learn => Box::pin(learn_page::learn_page()),
            Page::Clause => Box::pin(clause_page::clause_page()),
            Page::Glossary => Box::pin(glossary_page::glossary_page()),
            Page::Topic => Box::pin(topic_page::topic_page()),
            Page::Exam => Box::pin(exam_page::exam_page()),
            Page::Session => Box::pin(session_page::session_page()),
            Page::Review => Box::pin(review_page::review_page()),
        }
    }

    /// Fetches the page's chunk without running it.
    fn preload(self) -> Loading<()> {
        let fetch: Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>> = match self {
            Page::Home | Page::About => return Box::pin(async { Ok(()) }),
            Page::Assessments => Box::pin(assessments_page::preload()),
            Page::Walkthrough => Box::pin(walkthrough_page::preload()),
            Page::Results => Box::pin(results_page::preload()),
            Page::Learn => Box::pin(learn_page::preload()),
            Page::Clause => Box::pin(clause_page::preload()),
            Page::Glossary => Box::pin(glossary_page::preload()),
            Page::Topic => Box::pin(topic_page::preload()),
            Page::Exam => Box::pin(exam_page::preload()),
            Page::Session => Box::pin(session_page::preload()),
            Page::Review => Box::pin(review_page::preload()),
        };
        Box::pin(async { Ok(fetch.await?) })
    }

    async fn show(self) -> Result<AnyView, ChunkUnavailable> {
        if self.needs_stored_data() {
            // The stored data is read before the page is built; both chunks are fetched at the same time.
            let stored =
                load_stored_data::load_stored_data(use_app(), expect_context::<ExamState>());
            let (code, data) = futures::future::join(self.preload(), stored).await;
            code?;
            data?;
        }
        self.load().await
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
