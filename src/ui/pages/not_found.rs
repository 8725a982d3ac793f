use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::ui::components::title::set_title;
use crate::ui::routes::Route;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Page not found");
    let path = use_location().pathname;
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at " <code>{move || path.get()}</code> ". It may have moved, or the link may be mistyped."</p>
        <p><a href=Route::Home.path()>"Go to the home page"</a></p>
    }
}
