//! Importing on /assessments: what the files picked in the import panel (`import_panel.rs`) hold. Everything
//! is checked (crate::domain::exchange) and previewed before anything is stored; an import never overwrites
//! an existing assessment. Two or more result files can be consolidated, compared or imported each on its own.
//! This code is loaded only once a file is chosen.

use leptos::prelude::*;

use crate::domain::assessment::{new_id, Assessment, Rating};
use crate::domain::catalogue;
use crate::domain::exam::progress::ExamStore;
use crate::domain::exchange::{
    already_stored, import_answers_csv, import_backup, import_result, imported_name,
    is_catalogue_requirement, merge, restored_copy, Backup, Consolidated, FileKind, ImportError,
    Imported, MergeRule, Pick, Restore,
};
use crate::domain::gaps::Perspective;
use crate::domain::scoring::{percent, Scorecard};
use crate::ui::components::assessment_select::AssessmentSelect;
use crate::ui::components::comparison::comparison_table;
use crate::ui::components::export::iso_today;
use crate::ui::components::import_panel::PickedFile;
use crate::ui::exam_state::ExamState;
use crate::ui::state::{now, random_u64, use_app, AppState, NoticeKind};
use std::collections::BTreeMap;

#[derive(Clone, PartialEq)]
enum Parsed {
    Result(Box<Imported>),
    Backup(Box<Backup>),
    /// An answers CSV: read against an assessment's scale once the user picks the assessment.
    AnswersCsv(Vec<u8>),
}

#[derive(Clone, PartialEq)]
struct LoadedFile {
    name: String,
    outcome: Result<Parsed, String>,
}

/// Checks one file's bytes: a result file, or else a backup; a `.csv` file is an answers CSV.
fn parse(name: &str, bytes: &[u8]) -> Result<Parsed, String> {
    if name.to_lowercase().ends_with(".csv") {
        return Ok(Parsed::AnswersCsv(bytes.to_vec()));
    }
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

/// Checks the files the user picked and shows what they hold, with what can be done with them. Built in the
/// `import` split (loaded when the first file is chosen: `crate::ui::lazy_routes::import_outcome`).
pub fn outcome_view(files: Vec<PickedFile>, on_done: Callback<()>) -> AnyView {
    let files = files
        .into_iter()
        .map(|f| LoadedFile {
            outcome: f.bytes.and_then(|bytes| parse(&f.name, &bytes)),
            name: f.name,
        })
        .collect();
    view! { <ImportOutcome files=files on_done=move || on_done.run(())/> }.into_any()
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
    let csvs: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|f| match &f.outcome {
            Ok(Parsed::AnswersCsv(bytes)) => Some((f.name.clone(), bytes.clone())),
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
            _ => view! { <SeveralFiles results=results on_done=on_done/> }.into_any(),
        }}
        {backups.into_iter().next().map(|b| view! { <BackupPreview backup=b on_done=on_done/> })}
        {csvs.into_iter().next().map(|(file, bytes)| view! { <CsvPreview file=file bytes=bytes on_done=on_done/> })}
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

/// Stores an imported assessment beside everything already here: a new id, and the import date added to
/// its name if that name is taken. Returns the name it was stored under.
fn store_as_new(app: AppState, mut a: Assessment) -> String {
    a.id = new_id(now(), random_u64());
    a.name = app.assessments.with_untracked(|all| {
        imported_name(&a.name, |n| all.iter().any(|x| x.name == n), &iso_today())
    });
    let name = a.name.clone();
    app.add(a);
    name
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
    let duplicate: Option<String> = imported.with_value(|i| {
        app.assessments
            .with_untracked(|all| already_stored(&i.assessment, all).map(|a| a.name.clone()))
    });
    let import_new = move |_| {
        let name = store_as_new(app, imported.with_value(|i| i.assessment.clone()));
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
            {match duplicate {
                Some(name) => view! {
                    <div class="notice warn duplicate" role="status">
                        <p>{format!("This file was imported before: \u{201c}{name}\u{201d} holds exactly the same answers. Importing it again would make a duplicate.")}</p>
                    </div>
                    <div class="buttons">
                        <button type="button" class="primary" on:click=move |_| on_done()>"Skip it"</button>
                        <button type="button" disabled=move || !consent.get() on:click=import_new>"Import a copy anyway"</button>
                    </div>
                }.into_any(),
                None => view! {
                    <div class="buttons">
                        <button type="button" class="primary" disabled=move || !consent.get() on:click=import_new>"Import as a new assessment"</button>
                        <button type="button" on:click=move |_| on_done()>"Cancel"</button>
                    </div>
                }.into_any(),
            }}
            {(!others.is_empty()).then(|| view! {
                <AssessmentSelect id="import-compare" options=others chosen=compare_with
                    label="Or compare it with one of your assessments: yours is A, the file is B (nothing is stored)"/>
                {move || {
                    let base = app.assessment(&compare_with.get())?;
                    Some(imported.with_value(|i| comparison_table(&base, &i.assessment, Perspective::Respondents)))
                }}
            })}
        </div>
    }
}

/// What to do with several result files.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Several {
    Consolidate,
    ImportEach,
    Compare,
}

#[component]
fn SeveralFiles(
    results: Vec<(String, Imported)>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let choice = RwSignal::new(Several::Consolidate);
    let count = results.len();
    let consent = RwSignal::new(
        !results
            .iter()
            .any(|(_, i)| i.warnings.iter().any(|w| w.needs_consent())),
    );
    let results = StoredValue::new(results);
    let import_each = move |_| {
        let mut added = 0;
        let mut skipped = 0;
        for (_, i) in results.get_value() {
            if app
                .assessments
                .with_untracked(|all| already_stored(&i.assessment, all).is_some())
            {
                skipped += 1;
                continue;
            }
            store_as_new(app, i.assessment);
            added += 1;
        }
        let mut msg = format!(
            "Imported {added} {} as {}.",
            if added == 1 { "file" } else { "files" },
            if added == 1 {
                "a new assessment"
            } else {
                "new assessments"
            }
        );
        if skipped > 0 {
            msg.push_str(&format!(
                " {skipped} {} already stored and skipped.",
                if skipped == 1 { "was" } else { "were" }
            ));
        }
        app.notify(NoticeKind::Info, msg);
        on_done();
    };
    let option = move |value: Several, label: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="several" prop:checked=move || choice.get() == value on:change=move |_| choice.set(value)/>
                {label}
            </label>
        }
    };
    view! {
        <div class="preview">
            <h3>{format!("{count} result files")}</h3>
            <fieldset class="several-choice">
                <legend>"What do you want to do with them?"</legend>
                {option(Several::Consolidate, " Consolidate them into one assessment (several respondents' answers)")}
                {option(Several::ImportEach, " Import each as its own assessment")}
                {option(Several::Compare, " Compare two of them side by side")}
            </fieldset>
            {move || match choice.get() {
                Several::Consolidate => view! { <Consolidate results=results.get_value() on_done=on_done/> }.into_any(),
                Several::ImportEach => view! {
                    <ul>{results.with_value(|r| r.iter().map(|(file, i)| view! { <li>{format!("{file}: \u{201c}{}\u{201d}", i.assessment.name)}</li> }).collect_view())}</ul>
                    {results.with_value(|r| warnings_view(&r.iter().flat_map(|(_, i)| i.warnings.clone()).collect::<Vec<_>>(), consent))}
                    <div class="buttons">
                        <button type="button" class="primary" disabled=move || !consent.get() on:click=import_each>{format!("Import {count} assessments")}</button>
                        <button type="button" on:click=move |_| on_done()>"Cancel"</button>
                    </div>
                }.into_any(),
                Several::Compare => view! { <CompareTwo results=results.get_value()/> }.into_any(),
            }}
        </div>
    }
}

/// Two of the chosen files side by side, as two respondents (A and B). Nothing is stored.
#[component]
fn CompareTwo(results: Vec<(String, Imported)>) -> impl IntoView {
    let a = RwSignal::new(0usize);
    let b = RwSignal::new(1usize);
    let names: Vec<(usize, String)> = results
        .iter()
        .enumerate()
        .map(|(i, (file, imp))| (i, format!("{} ({file})", imp.assessment.name)))
        .collect();
    let results = StoredValue::new(results);
    let picker = move |id: &'static str, label: &'static str, side: RwSignal<usize>| {
        let names = names.clone();
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |e| side.set(event_target_value(&e).parse().unwrap_or(0))>
                    {names.into_iter().map(|(i, name)| view! { <option value=i.to_string() selected=side.get_untracked() == i>{name}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        {picker("compare-a", "A", a)}
        {picker("compare-b", "B", b)}
        {move || {
            let (x, y) = (a.get(), b.get());
            results.with_value(|r| match (r.get(x), r.get(y)) {
                (Some(first), Some(second)) if x != y => comparison_table(&first.1.assessment, &second.1.assessment, Perspective::Respondents).into_any(),
                _ => view! { <p>"Choose two different files."</p> }.into_any(),
            })
        }}
    }
}

/// The merge rule as a form value.
fn rule_key(rule: MergeRule) -> String {
    match rule {
        MergeRule::Median => "median".into(),
        MergeRule::Lowest => "lowest".into(),
        MergeRule::Highest => "highest".into(),
        MergeRule::Base(i) => format!("base-{i}"),
    }
}

fn rule_of(key: &str) -> MergeRule {
    match key {
        "lowest" => MergeRule::Lowest,
        "highest" => MergeRule::Highest,
        _ => key
            .strip_prefix("base-")
            .and_then(|i| i.parse().ok())
            .map_or(MergeRule::Median, MergeRule::Base),
    }
}

/// A per-requirement choice as a form value: "" follows the rule.
fn pick_key(pick: Option<Pick>) -> String {
    match pick {
        None => String::new(),
        Some(Pick::Respondent(i)) => format!("who-{i}"),
        Some(Pick::Rating(r)) => format!("rating-{r}"),
    }
}

fn pick_of(key: &str) -> Option<Pick> {
    if let Some(i) = key.strip_prefix("who-") {
        return i.parse().ok().map(Pick::Respondent);
    }
    key.strip_prefix("rating-")
        .and_then(|r| Rating::try_from(r.to_string()).ok())
        .map(Pick::Rating)
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
    let rule = RwSignal::new(MergeRule::Median);
    let picks = RwSignal::new(BTreeMap::<String, Pick>::new());
    let conflicts_only = RwSignal::new(false);
    match merged {
        Err(e) => {
            view! { <div class="notice error" role="alert"><p>{e.to_string()}</p></div> }.into_any()
        }
        Ok(c) => {
            let differing = c.items.iter().filter(|i| i.differs()).count();
            let c = StoredValue::new(c);
            let save = move |_| {
                let t = now();
                let a = c.with_value(|c| {
                    c.to_assessment(
                        rule.get_untracked(),
                        &picks.get_untracked(),
                        new_id(t, random_u64()),
                        name.get_untracked(),
                        t,
                    )
                });
                app.add(a);
                app.notify(
                    NoticeKind::Info,
                    "Saved the consolidated assessment: every respondent's notes, evidence and actions are kept, attributed.".into(),
                );
                on_done();
            };
            view! {
                <div class="consolidate">
                    <p>{c.with_value(|c| format!("Respondents: {}.", c.respondents.join(", ")))}</p>
                    {warnings_view(&warnings, consent)}
                    <div class="field">
                        <label for="merge-rule">"Rating of the consolidated assessment"</label>
                        <select id="merge-rule" on:change=move |e| rule.set(rule_of(&event_target_value(&e)))>
                            <option value=rule_key(MergeRule::Median)>"The middle rating (median)"</option>
                            <option value=rule_key(MergeRule::Lowest)>"The lowest rating"</option>
                            <option value=rule_key(MergeRule::Highest)>"The highest rating"</option>
                            {c.with_value(|c| c.respondents.iter().enumerate().map(|(i, who)| view! {
                                <option value=rule_key(MergeRule::Base(i))>{format!("{who}'s answers as the base")}</option>
                            }).collect_view())}
                        </select>
                        <p class="merge-rule-text" role="status">{move || c.with_value(|c| rule.get().describe(&c.respondents))}</p>
                    </div>
                    <p>"Every respondent's notes, evidence, planned actions (with owner, due date and status) and reasons for not applicable are kept in the saved assessment, each line marked with who wrote it. Requirements where respondents differ are marked for review."</p>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || conflicts_only.get() on:change=move |e| conflicts_only.set(event_target_checked(&e))/>
                        {format!(" Only where respondents differ ({differing})")}
                    </label>
                    <div class="table-scroll">
                        <table class="merge-table card-rows">
                            <caption>"Per requirement: each respondent's answer and the rating the consolidated assessment takes. A row is marked where respondents differ (not applicable against a rating counts)."</caption>
                            <thead><tr>
                                <th scope="col">"Requirement"</th>
                                {c.with_value(|c| c.respondents.iter().map(|who| view! { <th scope="col">{who.clone()}</th> }).collect_view())}
                                <th scope="col">"Consolidated"</th>
                            </tr></thead>
                            <tbody>
                                {move || {
                                    let only = conflicts_only.get();
                                    c.with_value(|c| c.items.iter().filter(|i| !only || i.differs()).map(|item| consolidated_row(c, item, rule, picks)).collect_view())
                                }}
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

/// One requirement of the consolidation: each respondent's answer, then the chosen rating with a select to
/// override the rule for this requirement.
fn consolidated_row(
    c: &Consolidated,
    item: &crate::domain::exchange::ConsolidatedItem,
    rule: RwSignal<MergeRule>,
    picks: RwSignal<BTreeMap<String, Pick>>,
) -> impl IntoView {
    let id = item.requirement.clone();
    let title = catalogue::requirement(&id).map_or("", |r| r.title());
    let differs = item.differs();
    let cells: Vec<(String, String)> = (0..c.respondents.len())
        .map(|i| {
            item.answers.iter().find(|r| r.respondent == i).map_or_else(
                || "No answer".to_string(),
                |r| {
                    let mut text = rating_label(r.answer.rating);
                    let extras: Vec<&str> = [
                        (!r.answer.notes.trim().is_empty()).then_some("notes"),
                        (!r.answer.evidence.trim().is_empty()).then_some("evidence"),
                        r.answer.has_plan().then_some("action"),
                        (!r.answer.na_justification.trim().is_empty()).then_some("justification"),
                    ]
                    .into_iter()
                    .flatten()
                    .collect();
                    if !extras.is_empty() {
                        text.push_str(&format!(" (with {})", extras.join(", ")));
                    }
                    text
                },
            )
        })
        .zip(c.respondents.iter().cloned())
        .map(|(text, who)| (who, text))
        .collect();
    let scale = c.scale;
    let item_for_rating = item.clone();
    let chosen = {
        let id = id.clone();
        move || {
            let pick = picks.with(|p| p.get(&id).copied());
            rating_label(item_for_rating.rating_with(rule.get(), pick, scale))
        }
    };
    let select_id = format!("pick-{}", id.replace('.', "-"));
    let mut options: Vec<(String, String)> = vec![(String::new(), "Follow the rule".into())];
    for (i, who) in c.respondents.iter().enumerate() {
        if item
            .answers
            .iter()
            .any(|r| r.respondent == i && r.answer.rating.is_some())
        {
            options.push((
                pick_key(Some(Pick::Respondent(i))),
                format!("{who}'s rating"),
            ));
        }
    }
    let mut ratings = scale.ratings();
    ratings.push(Rating::NotApplicable);
    for r in ratings {
        options.push((pick_key(Some(Pick::Rating(r))), r.label()));
    }
    let on_pick = {
        let id = id.clone();
        move |e: leptos::ev::Event| {
            let value = event_target_value(&e);
            picks.update(|p| match pick_of(&value) {
                Some(pick) => {
                    p.insert(id.clone(), pick);
                }
                None => {
                    p.remove(&id);
                }
            });
        }
    };
    let current = picks.with_untracked(|p| pick_key(p.get(&id).copied()));
    view! {
        <tr class:disagree=differs>
            <th scope="row">{format!("{id} {title}")}{differs.then_some(" · differs")}</th>
            {cells.into_iter().map(|(who, text)| view! { <td data-label=who>{text}</td> }).collect_view()}
            <td data-label="Consolidated">
                <span class="chosen">{chosen}</span>
                <label class="visually-hidden" for=select_id.clone()>{format!("Rating for {id}")}</label>
                <select id=select_id on:change=on_pick>
                    {options.into_iter().map(|(value, label)| view! { <option value=value.clone() selected=value == current>{label}</option> }).collect_view()}
                </select>
            </td>
        </tr>
    }
}

/// An answers CSV: choose the assessment it fills, see every row problem, then apply.
#[component]
fn CsvPreview(
    file: String,
    bytes: Vec<u8>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let target = RwSignal::new(String::new());
    let bytes = StoredValue::new(bytes);
    let options: Vec<(String, String)> = app
        .assessments
        .with_untracked(|all| all.iter().map(|a| (a.id.clone(), a.name.clone())).collect());
    let read = Memo::new(move |_| {
        let a = app.assessment(&target.get())?;
        Some(
            bytes
                .with_value(|b| import_answers_csv(b, a.scale))
                .map_err(|e| e.to_string()),
        )
    });
    let apply = move |_| {
        let Some(Ok(answers)) = read.get_untracked() else {
            return;
        };
        let id = target.get_untracked();
        let Some(name) = app.assessment(&id).map(|a| a.name) else {
            return;
        };
        let mut changed = 0;
        app.update(&id, |a| changed = answers.apply(a, now()));
        app.flush();
        app.notify(
            NoticeKind::Info,
            format!(
                "Read {} rows into \u{201c}{name}\u{201d}: {changed} {} changed.",
                answers.answers.len(),
                if changed == 1 { "answer" } else { "answers" }
            ),
        );
        on_done();
    };
    view! {
        <div class="preview">
            <h3>{format!("Answers from {file}")}</h3>
            {if options.is_empty() {
                view! { <p>"Create an assessment first: the CSV's answers go into one of your assessments."</p> }.into_any()
            } else {
                view! {
                    <AssessmentSelect id="csv-target" label="Put these answers into" options=options chosen=target/>
                }.into_any()
            }}
            {move || match read.get() {
                None => ().into_any(),
                Some(Err(message)) => view! {
                    <div class="notice error" role="alert">
                        <div>{message.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}</div>
                    </div>
                }.into_any(),
                Some(Ok(answers)) => view! {
                    <p role="status">{format!(
                        "{} rows read. Each requirement in the file takes the file's answer; the others keep theirs.",
                        answers.answers.len()
                    )}</p>
                }.into_any(),
            }}
            <div class="buttons">
                <button type="button" class="primary" disabled=move || !matches!(read.get(), Some(Ok(_))) on:click=apply>"Import the answers"</button>
                <button type="button" on:click=move |_| on_done()>"Cancel"</button>
            </div>
        </div>
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
