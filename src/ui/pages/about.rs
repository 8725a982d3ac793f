use leptos::prelude::*;

use crate::domain::catalogue::CATALOGUE_VERSION;
use crate::ui::components::title::set_title;
use crate::APP_VERSION;

#[component]
pub fn About() -> impl IntoView {
    set_title("About");
    view! {
        <h1>"About ISO 20000 Readiness"</h1>
        <section>
            <h2>"Your data stays in this browser"</h2>
            <p>
                "Assessments, answers, notes and exam history are stored only in this browser's local storage. "
                "The app makes no network requests after it has loaded: no account, no analytics, no fonts or "
                "scripts from other sites. Clearing this site's data in the browser deletes them, so export "
                "what you want to keep."
            </p>
        </section>
        <section>
            <h2>"Version"</h2>
            <dl class="facts">
                <dt>"App version"</dt><dd>{APP_VERSION}</dd>
                <dt>"Catalogue version"</dt><dd>{CATALOGUE_VERSION}</dd>
                <dt>"Standard"</dt><dd>"ISO/IEC 20000-1:2018, clauses 4 to 10"</dd>
            </dl>
        </section>
        <section>
            <h2>"About the content"</h2>
            <p>
                "ISO/IEC 20000-1 is a copyrighted standard. This app quotes only clause numbers and titles; every "
                "requirement statement, explanation, definition and exam question is written in our own words. "
                "To claim conformity, read the standard itself, available from ISO and national standards bodies."
            </p>
            <p>"This tool is independent and not affiliated with ISO, IEC or any certification or examination body."</p>
        </section>
        <section>
            <h2>"Result file format"</h2>
            <p>
                "Exported result files are JSON with a SHA-256 checksum of their content, so that changes made after "
                "export are detected on import. Their structure is described by a "
                <a href="/result-format.schema.json">"JSON Schema"</a>
                ", so that other tools can read and validate them."
            </p>
        </section>
        <section>
            <h2>"Licence"</h2>
            <p>"The app's code and content are published under the MIT licence."</p>
        </section>
    }
}
