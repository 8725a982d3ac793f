//! Every URL of the app, typed, so that no component assembles paths by hand, and the one declaration of
//! the router's address patterns ([`with_routes!`]).

/// The one declaration of the app's routes: address pattern => the [`Page`](super::lazy_routes::Page) it
/// shows. `app.rs` builds the router from it; `scripts/postbuild.py` reads it (with each page's split from
/// `lazy_routes.rs`) to preload a deep link's chunks. Adding a page: one line here, one `page!` there.
macro_rules! with_routes {
    ($then:ident) => {
        $then! {
            "/" => Home;
            "/assessments" => Assessments;
            "/assessments/:id" => Walkthrough;
            "/assessments/:id/results" => Results;
            "/assessments/:id/results/:section" => Results;
            "/learn" => Learn;
            "/learn/clause/:clause" => Clause;
            "/learn/glossary" => Glossary;
            "/learn/topic/:topic" => Topic;
            "/exam" => Exam;
            "/exam/session" => Session;
            "/exam/review" => Review;
            "/about" => About;
        }
    };
}
pub(crate) use with_routes;

/// A place in the app. `path()` gives its URL.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    Home,
    Assessments,
    /// The walkthrough of one assessment, optionally at one requirement.
    Assessment {
        id: String,
        requirement: Option<String>,
    },
    /// The results overview of one assessment.
    Results {
        id: String,
    },
    /// One section of the results (the overview has the plain results address).
    ResultsAt {
        id: String,
        section: ResultsSection,
    },
    Learn,
    LearnClause(String),
    Glossary {
        term: Option<String>,
    },
    Topic(String),
    Exam,
    ExamSession,
    ExamReview,
    About,
}

impl Route {
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Assessments => "/assessments".into(),
            Route::Assessment {
                id,
                requirement: None,
            } => format!("/assessments/{id}"),
            Route::Assessment {
                id,
                requirement: Some(r),
            } => format!("/assessments/{id}?req={r}"),
            Route::Results { id }
            | Route::ResultsAt {
                id,
                section: ResultsSection::Overview,
            } => format!("/assessments/{id}/results"),
            Route::ResultsAt { id, section } => {
                format!("/assessments/{id}/results/{}", section.slug())
            }
            Route::Learn => "/learn".into(),
            Route::LearnClause(n) => format!("/learn/clause/{n}"),
            Route::Glossary { term: None } => "/learn/glossary".into(),
            Route::Glossary { term: Some(t) } => format!("/learn/glossary#{t}"),
            Route::Topic(id) => format!("/learn/topic/{id}"),
            Route::Exam => "/exam".into(),
            Route::ExamSession => "/exam/session".into(),
            Route::ExamReview => "/exam/review".into(),
            Route::About => "/about".into(),
        }
    }
}

/// The header's links: label and route.
pub fn primary_nav() -> [(&'static str, Route); 5] {
    [
        ("Home", Route::Home),
        ("Assessments", Route::Assessments),
        ("Learn", Route::Learn),
        ("Exam practice", Route::Exam),
        ("About", Route::About),
    ]
}

/// The sections of an assessment's results, each with its own address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsSection {
    Overview,
    Gaps,
    Actions,
    Documents,
    Compare,
    Journey,
}

impl ResultsSection {
    pub const ALL: [ResultsSection; 6] = [
        ResultsSection::Overview,
        ResultsSection::Gaps,
        ResultsSection::Actions,
        ResultsSection::Documents,
        ResultsSection::Compare,
        ResultsSection::Journey,
    ];

    /// The last segment of its address (the overview has none).
    pub fn slug(self) -> &'static str {
        match self {
            ResultsSection::Overview => "",
            ResultsSection::Gaps => "gaps",
            ResultsSection::Actions => "actions",
            ResultsSection::Documents => "documents",
            ResultsSection::Compare => "compare",
            ResultsSection::Journey => "journey",
        }
    }

    /// The section at this address segment; None for a segment that names no section.
    pub fn from_slug(slug: &str) -> Option<ResultsSection> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            ResultsSection::Overview => "Overview",
            ResultsSection::Gaps => "Gaps",
            ResultsSection::Actions => "Action plan",
            ResultsSection::Documents => "Documents",
            ResultsSection::Compare => "Compare",
            ResultsSection::Journey => "Journey",
        }
    }
}
