//! The data cache of offline reading (`newsletter_core::offline`), from the page: which files
//! are kept, keeping one, removing one. The service worker (`service-worker/sw.js`) serves
//! them from there when the host cannot be reached, and keeps them fresh while it can.
//!
//! Offline reading needs Cache Storage and service workers, which browsers give only to
//! pages served over HTTPS (or from the machine itself): elsewhere [`available`] is false
//! and nothing is kept.

use std::collections::BTreeSet;

use js_sys::{Array, Reflect};
use newsletter_core::offline::{data_cache, kept_files, scope_of};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, CacheStorage, Headers, Request, Response, ResponseInit};

use super::window;

/// Whether this browser, on this page, can keep files for offline reading.
pub fn available() -> bool {
    let defined = |object: &JsValue, name: &str| {
        Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|value| !value.is_undefined())
    };
    defined(&window(), "caches") && defined(&window().navigator(), "serviceWorker")
}

/// Whether the browser says it is online. (Offline for sure when it says not; online only
/// means some network is there.)
pub fn online() -> bool {
    window().navigator().on_line()
}

fn scope() -> String {
    let page = window().location().href().unwrap_or_default();
    scope_of(&page).to_owned()
}

async fn cache() -> Result<Cache, JsValue> {
    let storage: CacheStorage =
        Reflect::get(&window(), &JsValue::from_str("caches"))?.dyn_into()?;
    JsFuture::from(storage.open(&data_cache(&scope())))
        .await?
        .dyn_into()
}

/// The files under `issues/` that are kept, as the catalog names them.
pub async fn kept() -> Result<BTreeSet<String>, JsValue> {
    let requests: Array = JsFuture::from(cache().await?.keys()).await?.dyn_into()?;
    let urls: Vec<String> = requests
        .iter()
        .filter_map(|request| request.dyn_into::<Request>().ok())
        .map(|request| request.url())
        .collect();
    Ok(kept_files(&scope(), urls.iter().map(String::as_str)))
}

/// Keeps the file at `url` (relative to the page), fetched again.
pub async fn keep(url: &str) -> Result<(), JsValue> {
    JsFuture::from(cache().await?.add_with_str(url))
        .await
        .map(drop)
}

/// Keeps `text` as the file at `url`: a file just read, kept without fetching it again.
pub async fn keep_text(url: &str, text: &str) -> Result<(), JsValue> {
    let headers = Headers::new()?;
    headers.set("content-type", "application/json")?;
    let init = ResponseInit::new();
    init.set_headers(&headers);
    let response = Response::new_with_opt_str_and_init(Some(text), &init)?;
    JsFuture::from(cache().await?.put_with_str(url, &response))
        .await
        .map(drop)
}

/// The kept copy of the file at `url`, if there is one.
pub async fn kept_copy(url: &str) -> Option<Response> {
    let cache = cache().await.ok()?;
    JsFuture::from(cache.match_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Removes the kept copy of the file at `url`.
pub async fn forget(url: &str) -> Result<(), JsValue> {
    JsFuture::from(cache().await?.delete_with_str(url))
        .await
        .map(drop)
}
