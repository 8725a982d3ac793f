use leptos::prelude::*;

/// Text with the parts that matched a search shown as `<mark>`.
#[component]
pub fn Marked(segments: Vec<(String, bool)>) -> impl IntoView {
    segments
        .into_iter()
        .map(|(text, hit)| {
            if hit {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}
