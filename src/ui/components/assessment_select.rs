//! A labelled choice of one of the stored assessments, starting at "Choose an assessment": where answers go
//! (an answers CSV), what an imported file or an assessment's results are compared with.

use leptos::prelude::*;

/// `options` are (assessment id, what to show); `chosen` holds the chosen id, empty until one is chosen.
#[component]
pub fn AssessmentSelect(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    chosen: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |e| chosen.set(event_target_value(&e))>
                <option value="">"Choose an assessment"</option>
                {options.into_iter().map(|(value, shown)| view! { <option value=value>{shown}</option> }).collect_view()}
            </select>
        </div>
    }
}
