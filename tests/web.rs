//! Browser tests (wasm-bindgen-test in headless Chromium): components mount and render, and the storage
//! layer behaves on the real localStorage. All tests share one page: each starts by clearing storage.
#![cfg(target_arch = "wasm32")]

use gloo_storage::Storage as _;
use iso20000_readiness::domain::assessment::{NewAssessment, Rating, Scale};
use iso20000_readiness::domain::persistence::{
    assessment_key, KeyValueStore, Repository, StoreError, QUARANTINE_PREFIX,
};
use iso20000_readiness::storage::BrowserStore;
use iso20000_readiness::ui::components::marked::Marked;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

fn repo() -> Repository<'static, BrowserStore> {
    static STORE: BrowserStore = BrowserStore;
    Repository {
        store: &STORE,
        app_version: "test",
    }
}

fn sample(id: &str) -> iso20000_readiness::domain::assessment::Assessment {
    let mut a = NewAssessment {
        name: "Web test".into(),
        scale: Scale::Capability,
        ..Default::default()
    }
    .build(id.into(), 1.0)
    .unwrap();
    a.edit_answer("4.1.1", 2.0, |x| {
        x.rating = Some(Rating::Level(3));
        x.notes = "<script>alert(1)</script> ünïcødé".into();
    });
    a
}

fn container() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
fn a_component_mounts_and_renders_text_not_html() {
    clear();
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), || {
        view! { <p><Marked segments=vec![("known ".into(), false), ("<b>error</b>".into(), true)]/></p> }
    });
    assert_eq!(
        el.query_selector("mark")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "<b>error</b>"
    );
    assert!(
        el.query_selector("b").unwrap().is_none(),
        "text is never parsed as HTML"
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_its_router_and_header() {
    clear();
    let el = container();
    let _handle = leptos::mount::mount_to(el.clone(), iso20000_readiness::ui::app::App);
    // Let the router settle.
    gloo_timers_sleep(50).await;
    let nav = el
        .query_selector("nav[aria-label='Main']")
        .unwrap()
        .expect("header navigation");
    assert_eq!(
        nav.query_selector_all("a").unwrap().length(),
        6,
        "brand link and five page links"
    );
    assert!(
        el.query_selector("main h1").unwrap().is_some(),
        "the route renders an h1"
    );
    el.remove();
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn gloo_storage_round_trip_of_an_assessment() {
    clear();
    let a = sample("rt1");
    repo().save_assessment(&a).unwrap();
    let raw = gloo_storage::LocalStorage::raw()
        .get_item(&assessment_key("rt1"))
        .unwrap()
        .unwrap();
    assert!(
        raw.contains("\"schema\":1"),
        "stored in the versioned envelope: {raw}"
    );
    let loaded = repo().load_assessments(5.0).unwrap();
    assert_eq!(loaded.assessments, vec![a]);
    assert!(loaded.quarantined.is_empty());
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_quarantined_with_its_raw_text_and_others_still_load() {
    clear();
    repo().save_assessment(&sample("good")).unwrap();
    let store = BrowserStore;
    store
        .set(&assessment_key("bad"), "{\"schema\":1,\"data\":{\"name\":")
        .unwrap();
    let loaded = repo().load_assessments(7.0).unwrap();
    assert_eq!(loaded.assessments.len(), 1);
    assert_eq!(loaded.quarantined.len(), 1);
    let q = &loaded.quarantined[0];
    assert!(q.key.starts_with(QUARANTINE_PREFIX));
    assert_eq!(q.raw, "{\"schema\":1,\"data\":{\"name\":");
    assert_eq!(
        store.get(&assessment_key("bad")).unwrap(),
        None,
        "the broken key is freed"
    );
    let kept = repo().quarantined().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        kept[0].raw, q.raw,
        "the raw text survives in storage, ready to download"
    );
}

#[wasm_bindgen_test]
fn a_full_store_reports_quota_and_keeps_what_was_saved() {
    clear();
    let mut a = sample("quota");
    repo().save_assessment(&a).unwrap();
    let before = BrowserStore.get(&assessment_key("quota")).unwrap();
    // Fill localStorage until the browser refuses (Chromium allows about 5 M characters per origin).
    let chunk = "x".repeat(512 * 1024);
    let mut i = 0;
    while BrowserStore.set(&format!("filler.{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 200, "storage never filled up");
    }
    a.edit_answer("4.1.2", 3.0, |x| x.notes = "y".repeat(600 * 1024));
    assert_eq!(repo().save_assessment(&a), Err(StoreError::Full));
    assert_eq!(
        BrowserStore.get(&assessment_key("quota")).unwrap(),
        before,
        "the saved version is intact"
    );
    assert!(StoreError::Full.user_message().contains("intact"));
    clear();
}
