//! Every URL of the app, typed, so that no component assembles paths by hand.

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
    Results {
        id: String,
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
            Route::Results { id } => format!("/assessments/{id}/results"),
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
