//! The label of a requirement that is not an obligation (good practice, orientation), with what it means for
//! the score: shown in Learn and in the walkthrough.

use leptos::prelude::*;

use crate::domain::catalogue::RequirementKind;

fn css_class(kind: RequirementKind) -> &'static str {
    match kind {
        RequirementKind::Requirement => "tag kind-requirement",
        RequirementKind::GoodPractice => "tag kind-practice",
        RequirementKind::Orientation => "tag kind-orientation",
    }
}

/// Nothing for an obligation; a tag and one sentence otherwise.
#[component]
pub fn KindNote(kind: RequirementKind) -> impl IntoView {
    (kind != RequirementKind::Requirement).then(|| {
        view! {
            <p class="kind-note">
                <span class=css_class(kind)>{kind.label()}</span>" "
                {kind.explanation()}
            </p>
        }
    })
}
