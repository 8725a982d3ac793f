//! Importing on /assessments: result files and backups, from the file picker or dropped anywhere on the
//! page. Everything is checked (crate::domain::exchange) and previewed before anything is stored; an import
//! never overwrites an existing assessment. Two or more result files can be consolidated.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::assessment::{new_id, Assessment, Rating};
use crate::domain::catalogue::{self, CATALOGUE_VERSION};
use crate::domain::exam::progress::ExamStore;
use crate::domain::exchange::{
    export_backup, import_backup, import_result, imported_name, is_catalogue_requirement, merge,
    restored_copy, Backup, FileKind, ImportError, Imported, MergeRule, Restore, MAX_BACKUP_BYTES,
};
use crate::domain::scoring::{percent, Scorecard};
use crate::ui::components::comparison::comparison_table;
use crate::ui::components::download::download_text;
use crate::ui::components::export::{iso_now, iso_today};
use crate::ui::exam_state::ExamState;
use crate::ui::state::{now, random_u64, use_app, NoticeKind};
use crate::APP_VERSION;

#[derive(Clone, PartialEq)]
enum Parsed {
    Result(Box<Imported>),
    Backup(Box<Backup>),
}

#[derive(Clone, PartialEq)]
struct LoadedFile {
    name: String,
    outcome: Result<Parsed, String>,
}

/// Checks one file's bytes: a result file, or else a backup.
fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    match import_result(bytes, &is_catalogue_requirement) {
        Ok(imported) => Ok(Parsed::Result(Box::new(imported))),
        Err(ImportError::WrongKind {
            found: FileKind::Backup,
            ..
        }) => import_backup(bytes, &is_catalogue_requirement)
            .map(|b| Parsed::Backup(Box::new(b)))
            .map_err(|e| e.message()),
        Err(e) => Err(e.message()),
    }
}

async fn read_file(file: web_sys::File) -> LoadedFile {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_BACKUP_BYTES {
        let message = ImportError::TooLarge {
            bytes: size,
            limit: MAX_BACKUP_BYTES,
        }
        .message();
        return LoadedFile {
            name,
            outcome: Err(message),
        };
    }
    let outcome = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => parse(&js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err(
            "The browser could not read this file. Check that it still exists and try again."
                .into(),
        ),
    };
    LoadedFile { name, outcome }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let loaded = RwSignal::new(Vec::<LoadedFile>::new());
    let busy = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let load = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let mut out = Vec::new();
            for f in files {
                out.push(read_file(f).await);
            }
            loaded.set(out);
            busy.set(false);
        });
    };
    // Drop files anywhere on the page.
    let over = window_event_listener(leptos::ev::dragover, move |e: web_sys::DragEvent| {
        e.prevent_default();
        dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |_| dragging.set(false));
    let drop = window_event_listener(leptos::ev::drop, move |e: web_sys::DragEvent| {
        e.prevent_default();
        dragging.set(false);
        load(files_of(e.data_transfer().and_then(|d| d.files())));
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    let on_pick = move |e: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&e);
        load(files_of(input.files()));
        input.set_value("");
    };
    view! {
        <section class="card import" class:dragging=move || dragging.get() aria-labelledby="import-title">
            <h2 id="import-title">"Import, compare or consolidate"</h2>
            <p>"Open result files exported from this app (by you, a colleague or a consultant), or a full backup. "
               "You can also drop files anywhere on this page. Files are checked and previewed before anything is stored; "
               "nothing you have is ever overwritten."</p>
            <div class="field">
                <label for="import-files">"Result files or a backup (.json, up to 5 MB each; backups up to 20 MB)"</label>
                <input id="import-files" type="file" accept=".json,application/json" multiple on:change=on_pick/>
            </div>
            <BackupButton/>
            {move || busy.get().then(|| view! { <p role="status">"Checking the files…"</p> })}
            <div role="region" aria-live="polite" aria-label="Import results">
                {move || {
                    let files = loaded.get();
                    (!files.is_empty()).then(|| view! { <ImportOutcome files=files on_done=move || loaded.set(Vec::new())/> })
                }}
            </div>
        </section>
    }
}

#[component]
fn BackupButton() -> impl IntoView {
    let app = use_app();
    let exam = expect_context::<ExamState>();
    let backup = move |_| {
        let assessments = app.assessments.get_untracked();
        let exam_value = exam
            .store
            .with_untracked(|s| serde_json::to_value(s).unwrap_or_default());
        let text = export_backup(
            &assessments,
            &exam_value,
            APP_VERSION,
            CATALOGUE_VERSION,
            &iso_now(),
        );
        download_text(
            &format!("iso20000-readiness-backup-{}.json", iso_today()),
            "application/json",
            &text,
        );
    };
    view! {
        <p><button type="button" on:click=backup>"Download a full backup"</button>
           <span class="meta">" Every assessment and your exam history in one file."</span></p>
    }
}

#[component]
fn ImportOutcome(
    files: Vec<LoadedFile>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let errors: Vec<(String, String)> = files
        .iter()
        .filter_map(|f| {
            f.outcome
                .as_ref()
                .err()
                .map(|e| (f.name.clone(), e.clone()))
        })
        .collect();
    let results: Vec<(String, Imported)> = files
        .iter()
        .filter_map(|f| match &f.outcome {
            Ok(Parsed::Result(r)) => Some((f.name.clone(), (**r).clone())),
            _ => None,
        })
        .collect();
    let backups: Vec<Backup> = files
        .iter()
        .filter_map(|f| match &f.outcome {
            Ok(Parsed::Backup(b)) => Some((**b).clone()),
            _ => None,
        })
        .collect();
    view! {
        {(!errors.is_empty()).then(|| view! {
            <div class="notice error" role="alert">
                <div>
                    <p><strong>"Not imported. Nothing was stored or changed."</strong></p>
                    <ul class="import-errors">
                        {errors.into_iter().map(|(name, e)| view! { <li><strong>{name}</strong>": "{e}</li> }).collect_view()}
                    </ul>
                </div>
            </div>
        })}
        {match results.len() {
            0 => ().into_any(),
            1 => view! { <ResultPreview imported=results[0].1.clone() file=results[0].0.clone() on_done=on_done/> }.into_any(),
            _ => view! { <Consolidate results=results on_done=on_done/> }.into_any(),
        }}
        {backups.into_iter().next().map(|b| view! { <BackupPreview backup=b on_done=on_done/> })}
    }
}

fn warnings_view(
    warnings: &[crate::domain::exchange::ImportWarning],
    consent: RwSignal<bool>,
) -> impl IntoView {
    let needs_consent = warnings.iter().any(|w| w.needs_consent());
    view! {
        {(!warnings.is_empty()).then(|| view! {
            <ul class="warnings">
                {warnings.iter().map(|w| view! { <li>{w.message()}</li> }).collect_view()}
            </ul>
        })}
        {needs_consent.then(|| view! {
            <label class="check consent">
                <input type="checkbox" prop:checked=move || consent.get() on:change=move |e| consent.set(event_target_checked(&e))/>
                " I trust where this file came from: import it anyway"
            </label>
        })}
    }
}

#[component]
fn ResultPreview(
    imported: Imported,
    file: String,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let consent = RwSignal::new(!imported.warnings.iter().any(|w| w.needs_consent()));
    let compare_with = RwSignal::new(String::new());
    let card = Scorecard::of(&imported.assessment);
    let imported = StoredValue::new(imported);
    let others: Vec<(String, String)> = app
        .assessments
        .with_untracked(|all| all.iter().map(|a| (a.id.clone(), a.name.clone())).collect());
    let import_new = move |_| {
        let mut a = imported.with_value(|i| i.assessment.clone());
        let t = now();
        a.id = new_id(t, random_u64());
        a.name = app.assessments.with_untracked(|all| {
            imported_name(&a.name, |n| all.iter().any(|x| x.name == n), &iso_today())
        });
        let name = a.name.clone();
        app.add(a);
        app.notify(
            NoticeKind::Info,
            format!("Imported \u{201c}{name}\u{201d} as a new assessment."),
        );
        on_done();
    };
    view! {
        <div class="preview">
            <h3>{format!("Preview of {file}")}</h3>
            <dl class="facts">
                {imported.with_value(|i| i.preview()).into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                <dt>"Completion"</dt><dd>{format!("{:.0} %", card.overall.completion() * 100.0)}</dd>
                <dt>"Overall score"</dt><dd class="import-score">{percent(card.overall.score())}</dd>
            </dl>
            {imported.with_value(|i| warnings_view(&i.warnings, consent))}
            <div class="buttons">
                <button type="button" class="primary" disabled=move || !consent.get() on:click=import_new>"Import as a new assessment"</button>
                <button type="button" on:click=move |_| on_done()>"Cancel"</button>
            </div>
            {(!others.is_empty()).then(|| view! {
                <div class="field">
                    <label for="import-compare">"Or compare it with one of your assessments (nothing is stored)"</label>
                    <select id="import-compare" on:change=move |e| compare_with.set(event_target_value(&e))>
                        <option value="">"Choose an assessment"</option>
                        {others.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                {move || {
                    let base = app.assessment(&compare_with.get())?;
                    Some(imported.with_value(|i| comparison_table(&base, &i.assessment)))
                }}
            })}
        </div>
    }
}

#[component]
fn Consolidate(
    results: Vec<(String, Imported)>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let respondents: Vec<(String, Assessment)> = results
        .iter()
        .map(|(file, i)| {
            let who = if i.assessment.assessor.trim().is_empty() {
                file.clone()
            } else {
                i.assessment.assessor.clone()
            };
            (who, i.assessment.clone())
        })
        .collect();
    let needs_consent = results
        .iter()
        .any(|(_, i)| i.warnings.iter().any(|w| w.needs_consent()));
    let consent = RwSignal::new(!needs_consent);
    let warnings: Vec<_> = results
        .iter()
        .flat_map(|(_, i)| i.warnings.clone())
        .collect();
    let merged = merge(&respondents);
    let name = RwSignal::new(format!("Consolidated {}", iso_today()));
    match merged {
        Err(e) => {
            view! { <div class="notice error" role="alert"><p>{e.to_string()}</p></div> }.into_any()
        }
        Ok(c) => {
            let c = StoredValue::new(c);
            let save = move |_| {
                let t = now();
                let a = c.with_value(|c| {
                    c.to_assessment(
                        MergeRule::Median,
                        &Default::default(),
                        new_id(t, random_u64()),
                        name.get_untracked(),
                        t,
                    )
                });
                app.add(a);
                app.notify(
                    NoticeKind::Info,
                    "Saved the consolidated view as a new assessment.".into(),
                );
                on_done();
            };
            view! {
                <div class="preview">
                    <h3>{format!("Consolidated view of {} respondents", results.len())}</h3>
                    <p>{c.with_value(|c| c.respondents.join(", "))}</p>
                    {warnings_view(&warnings, consent)}
                    <div class="table-scroll">
                        <table class="merge-table">
                            <caption>"Per requirement: lowest, middle and highest rating, and who answered what. Rows where respondents disagree by half the scale or more are marked."</caption>
                            <thead><tr><th scope="col">"Requirement"</th><th scope="col">"Min"</th><th scope="col">"Median"</th><th scope="col">"Max"</th><th scope="col">"Answers"</th></tr></thead>
                            <tbody>
                                {c.with_value(|c| c.items.iter().map(|item| {
                                    let title = catalogue::requirement(&item.requirement).map_or("", |r| r.title);
                                    let disagree = item.differs();
                                    view! {
                                        <tr class:disagree=disagree>
                                            <th scope="row">{format!("{} {title}", item.requirement)}{disagree.then_some(" · disagreement")}</th>
                                            <td>{rating_label(item.min)}</td><td>{rating_label(item.median)}</td><td>{rating_label(item.max)}</td>
                                            <td>{item.responses.iter().map(|(who, r)| format!("{who}: {}", r.label())).collect::<Vec<_>>().join("; ")}</td>
                                        </tr>
                                    }
                                }).collect_view())}
                            </tbody>
                        </table>
                    </div>
                    <div class="field">
                        <label for="merge-name">"Name of the consolidated assessment"</label>
                        <input id="merge-name" type="text" maxlength="200" prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e))/>
                    </div>
                    <div class="buttons">
                        <button type="button" class="primary" disabled=move || !consent.get() on:click=save>"Save as a new assessment"</button>
                        <button type="button" on:click=move |_| on_done()>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

fn rating_label(rating: Option<Rating>) -> String {
    rating.map_or_else(|| "Not rated".to_string(), Rating::label)
}

#[component]
fn BackupPreview(
    backup: Backup,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let exam = expect_context::<ExamState>();
    let consent = RwSignal::new(!backup.warnings.iter().any(|w| w.needs_consent()));
    let count = backup.assessments.len();
    let has_exam = !backup.exam.is_null();
    let backup = StoredValue::new(backup);
    let restore = move |_| {
        let (assessments, exam_value) =
            backup.with_value(|b| (b.assessments.clone(), b.exam.clone()));
        let mut added = 0;
        let mut skipped = 0;
        for a in assessments {
            match Restore::of(&a, app.assessment(&a.id).as_ref()) {
                Restore::AlreadyHere => skipped += 1,
                Restore::AddBeside => {
                    app.add(restored_copy(a, new_id(now(), random_u64())));
                    added += 1;
                }
                Restore::Add => {
                    app.add(a);
                    added += 1;
                }
            }
        }
        let mut msg = format!("Restored {added} assessments ({skipped} already here).");
        if !exam_value.is_null() {
            match serde_json::from_value::<ExamStore>(exam_value) {
                Ok(store)
                    if exam
                        .store
                        .with_untracked(|s| s.history.is_empty() && s.stats.is_empty()) =>
                {
                    exam.update(|s| *s = store);
                    msg.push_str(" The exam history was restored.");
                }
                Ok(_) => msg.push_str(
                    " Your current exam history was kept (the backup's was not merged into it).",
                ),
                Err(_) => {
                    msg.push_str(" The backup's exam history could not be read and was skipped.")
                }
            }
        }
        app.notify(NoticeKind::Info, msg);
        on_done();
    };
    view! {
        <div class="preview">
            <h3>"Backup"</h3>
            <dl class="facts">
                <dt>"Made at"</dt><dd>{backup.with_value(|b| b.exported_at.clone())}</dd>
                <dt>"Assessments"</dt><dd>{count}</dd>
                <dt>"Exam history"</dt><dd>{if has_exam { "Included" } else { "None" }}</dd>
            </dl>
            {backup.with_value(|b| warnings_view(&b.warnings, consent))}
            <p>"Restoring adds the backup's assessments beside yours; nothing you have is overwritten."</p>
            <div class="buttons">
                <button type="button" class="primary" disabled=move || !consent.get() on:click=restore>"Restore"</button>
                <button type="button" on:click=move |_| on_done()>"Cancel"</button>
            </div>
        </div>
    }
}
