//! The viewer's search, in a Web Worker (trunk builds it as a second wasm binary, and the
//! page starts it when the search box is first used): matching, ranking and snippets run
//! off the page's thread, and none of that code is in the page's first download.
//!
//! The page posts an [`Ask`] as JSON; the worker posts back an [`Answer`]. The worker
//! searches the publisher's prebuilt index (`search/`, see `newsletter index`) when there
//! is one it understands that was built from the current catalog, fetching only the
//! shards a query needs and the fragments of the results shown. Otherwise it reads every
//! issue of the catalog, as the page once did, answering again as they arrive.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::mpsc;
use futures::stream::{self, StreamExt};
use gloo_net::http::Request;
use js_sys::Promise;
use newsletter_core::filter::Filter;
use newsletter_core::paging::PagedCatalog;
use newsletter_core::parse::check_size;
use newsletter_core::search::prebuilt::{Fragment, Manifest, Prebuilt};
use newsletter_core::search::results::{Answer, Ask, Row};
use newsletter_core::search::{parse_query, Query, SearchIndex};
use newsletter_core::{parse_catalog, parse_issue, Catalog, LoadError};
use rustc_hash::FxHashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Where the files are, relative to the worker's script (beside the page).
const CATALOG_URL: &str = "issues/index.json";
const ISSUES: &str = "issues/";
const INDEX: &str = "search/";
/// Issues fetched at the same time while reading the archive.
const FETCHES_AT_ONCE: usize = 6;
/// While reading the archive, the page gets new results at most this often (ms).
const REFRESH_MS: f64 = 250.0;
/// Results shown before the fragments of the rest of a page of results are in.
const FIRST_ROWS: usize = 10;
/// While reading the archive, the worker takes a turn for new asks this often (ms).
const TURN_MS: f64 = 30.0;

/// What the worker holds between asks.
#[derive(Default)]
struct State {
    /// The newest ask: an older one still being answered is given up.
    ask: Option<Ask>,
    source: Source,
    /// Fragments fetched, by doc.
    fragments: FxHashMap<u32, Fragment>,
}

#[derive(Default)]
enum Source {
    #[default]
    Unknown,
    /// The catalog could not be read.
    Failed(String),
    Prebuilt(Box<Prebuilt>),
    Archive(Archive),
}

/// The archive read issue by issue, when there is no prebuilt index to use.
struct Archive {
    catalog: Rc<Catalog>,
    index: SearchIndex,
    done: usize,
    failures: Vec<String>,
}

type Shared = Rc<RefCell<State>>;

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let state: Shared = Rc::default();
    let (wake, mut woken) = mpsc::unbounded::<()>();
    {
        let (state, wake) = (state.clone(), wake.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let ask = event
                .data()
                .as_string()
                .and_then(|text| serde_json::from_str::<Ask>(&text).ok());
            if let Some(ask) = ask {
                state.borrow_mut().ask = Some(ask);
                let _ = wake.unbounded_send(());
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
    // One ask answered at a time, always the newest.
    spawn_local(async move {
        while woken.next().await.is_some() {
            while woken.try_recv().is_ok() {}
            let ask = state.borrow().ask.clone();
            if let Some(ask) = ask {
                answer(&state, &wake, ask).await;
            }
        }
    });
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

fn post(answer: &Answer) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let json = serde_json::to_string(answer).expect("answers serialize");
    let _ = scope.post_message(&JsValue::from_str(&json));
}

/// Whether `ask` is still the newest.
fn current(state: &Shared, ask: &Ask) -> bool {
    state
        .borrow()
        .ask
        .as_ref()
        .is_some_and(|a| a.seq == ask.seq)
}

async fn answer(state: &Shared, wake: &mpsc::UnboundedSender<()>, ask: Ask) {
    let retry_setup = ask.retry && matches!(state.borrow().source, Source::Failed(_));
    if retry_setup || matches!(state.borrow().source, Source::Unknown) {
        let source = open(&ask).await;
        let reading = matches!(source, Source::Archive(_));
        state.borrow_mut().source = source;
        if reading {
            spawn_local(read_archive(state.clone(), wake.clone()));
        }
    }
    let query = parse_query(&ask.query);
    let filter = Filter::new(&ask.filter);
    let mut reply = Answer {
        seq: ask.seq,
        ..Answer::default()
    };
    if query.is_empty() {
        return post(&reply);
    }
    let prebuilt = match &state.borrow().source {
        Source::Unknown => return,
        Source::Failed(error) => {
            reply.error = Some(error.clone());
            false
        }
        Source::Archive(archive) => {
            archive_rows(archive, &query, &filter, ask.shown, &mut reply);
            false
        }
        Source::Prebuilt(_) => true,
    };
    if prebuilt {
        if let Err(error) = prebuilt_rows(state, &ask, &query, &filter, &mut reply).await {
            reply.error = Some(error);
        }
        if !current(state, &ask) {
            return;
        }
    }
    post(&reply);
}

/// The prebuilt index if there is one to use, built from the page's catalog; else the
/// catalog, to read its issues.
async fn open(ask: &Ask) -> Source {
    // An index of another format, or built from another catalog, is not used.
    let prebuilt = fetch(format!("{INDEX}index.json"))
        .await
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
        .filter(|m| m.issues == ask.issues && m.newest == ask.newest)
        .and_then(Prebuilt::new);
    if let Some(prebuilt) = prebuilt {
        return Source::Prebuilt(Box::new(prebuilt));
    }
    let catalog = fetch_text(CATALOG_URL, "index.json").await;
    let mut paged = match catalog
        .and_then(|text| parse_catalog("index.json", &text).map(|parsed| parsed.value))
    {
        Ok(catalog) => PagedCatalog::new(catalog),
        Err(error) => return Source::Failed(error.to_string()),
    };
    // A paged catalog's later pages: every issue is searched.
    let mut failures = Vec::new();
    let pages = stream::iter(paged.ask_all())
        .map(|(at, file)| async move {
            let page = fetch_text(&format!("{ISSUES}{file}"), file.as_str())
                .await
                .and_then(|text| parse_catalog(file.as_str(), &text));
            (at, page)
        })
        .buffer_unordered(FETCHES_AT_ONCE)
        .collect::<Vec<_>>()
        .await;
    for (at, page) in pages {
        match page {
            Ok(page) => {
                paged.add_page(at, page.value);
            }
            Err(error) => failures.push(error.to_string()),
        }
    }
    Source::Archive(Archive {
        catalog: Rc::new(paged.catalog().clone()),
        index: SearchIndex::new(),
        done: 0,
        failures,
    })
}

/// The first `shown` results from the archive read so far.
fn archive_rows(
    archive: &Archive,
    query: &Query,
    filter: &Filter,
    shown: usize,
    reply: &mut Answer,
) {
    let hits = archive.index.search(query, filter);
    reply.total = hits.len();
    reply.rows = hits
        .iter()
        .take(shown)
        .map(|hit| {
            let doc = archive.index.doc(hit.doc);
            Row::new(
                archive.catalog.issues[doc.issue].clone(),
                doc.item_id.clone(),
                &doc.title,
                doc.jurisdiction_name.clone(),
                &doc.body,
                query,
            )
        })
        .collect();
    reply.progress = Some((archive.done, archive.catalog.issues.len()));
    reply.failures = archive.failures.clone();
}

/// The first results from the prebuilt index, fetching the parts and fragments needed.
async fn prebuilt_rows(
    state: &Shared,
    ask: &Ask,
    query: &Query,
    filter: &Filter,
    reply: &mut Answer,
) -> Result<(), String> {
    let parts = match &state.borrow().source {
        Source::Prebuilt(prebuilt) => prebuilt.needs(query, filter),
        _ => return Ok(()),
    };
    let fetched = futures::future::join_all(
        parts
            .iter()
            .map(|part| fetch(format!("{INDEX}{}", part.path()))),
    )
    .await;
    if !current(state, ask) {
        return Ok(());
    }
    let hits = {
        let mut state = state.borrow_mut();
        let Source::Prebuilt(prebuilt) = &mut state.source else {
            return Ok(());
        };
        for (part, bytes) in parts.iter().zip(fetched) {
            prebuilt
                .add(part, &bytes?)
                .map_err(|e| format!("{INDEX}{e}"))?;
        }
        prebuilt.search_first(query, filter, ask.shown)
    };
    reply.total = hits.len();
    let shown: Vec<u32> = hits.iter().take(ask.shown).map(|hit| hit.doc).collect();
    // The first rows are shown as soon as their fragments are in, the rest after.
    let (first, rest) = shown.split_at(shown.len().min(FIRST_ROWS));
    fetch_fragments(state, first).await?;
    if !current(state, ask) {
        return Ok(());
    }
    let ready = {
        let state = state.borrow();
        shown
            .iter()
            .take_while(|doc| state.fragments.contains_key(doc))
            .count()
    };
    if ready < shown.len() {
        post(&Answer {
            rows: rows(state, &shown[..ready], query),
            partial: true,
            ..reply.clone()
        });
    }
    fetch_fragments(state, rest).await?;
    reply.rows = rows(state, &shown, query);
    Ok(())
}

/// Fetches the fragments of `docs` not fetched before.
async fn fetch_fragments(state: &Shared, docs: &[u32]) -> Result<(), String> {
    let missing: Vec<(u32, String)> = {
        let state = state.borrow();
        let Source::Prebuilt(prebuilt) = &state.source else {
            return Ok(());
        };
        docs.iter()
            .filter(|doc| !state.fragments.contains_key(doc))
            .map(|&doc| (doc, format!("{INDEX}{}", prebuilt.fragment_path(doc))))
            .collect()
    };
    let fetched =
        futures::future::join_all(missing.iter().map(|(_, url)| fetch(url.clone()))).await;
    let mut state = state.borrow_mut();
    for ((doc, url), bytes) in missing.iter().zip(fetched) {
        let fragment = serde_json::from_slice::<Fragment>(&bytes?)
            .map_err(|_| format!("{url}: not a fragment of the search index"))?;
        state.fragments.insert(*doc, fragment);
    }
    Ok(())
}

/// The rows of `docs` whose fragments are in.
fn rows(state: &Shared, docs: &[u32], query: &Query) -> Vec<Row> {
    let state = state.borrow();
    docs.iter()
        .filter_map(|doc| state.fragments.get(doc))
        .map(|f| {
            Row::new(
                f.issue.clone(),
                f.item.clone(),
                &f.title,
                f.jurisdiction_name.clone(),
                &f.body,
                query,
            )
        })
        .collect()
}

/// Reads every issue of the catalog into the archive's index, newest first, a few
/// fetches at a time; wakes the answering loop as results change.
async fn read_archive(state: Shared, wake: mpsc::UnboundedSender<()>) {
    let catalog = match &state.borrow().source {
        Source::Archive(archive) => archive.catalog.clone(),
        _ => return,
    };
    let mut loads = stream::iter(catalog.issues.iter().enumerate())
        .map(|(at, entry)| async move {
            let file = entry.file.as_str();
            let issue = fetch_text(&format!("{ISSUES}{file}"), file)
                .await
                .and_then(|text| parse_issue(file, &text).map(|parsed| parsed.value));
            (at, issue)
        })
        .buffered(FETCHES_AT_ONCE);
    let mut published = js_sys::Date::now();
    let mut turn = published;
    while let Some((at, issue)) = loads.next().await {
        {
            let mut state = state.borrow_mut();
            let Source::Archive(archive) = &mut state.source else {
                return;
            };
            match issue {
                Ok(issue) => archive.index.add_issue(at, &issue),
                Err(error) => archive.failures.push(error.to_string()),
            }
            archive.done += 1;
        }
        let now = js_sys::Date::now();
        let last = at + 1 == catalog.issues.len();
        if now - published >= REFRESH_MS || last {
            published = now;
            let _ = wake.unbounded_send(());
        }
        if now - turn >= TURN_MS {
            next_turn().await;
            turn = js_sys::Date::now();
        }
    }
}

/// Lets the worker take in new asks.
async fn next_turn() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let promise = Promise::new(&mut |resolve, _| {
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// A file's bytes, named `file` in errors.
async fn get(url: &str, file: &str) -> Result<Vec<u8>, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network {
        file: file.to_owned(),
        detail: e.to_string(),
    };
    let response = Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            file: file.to_owned(),
            status: response.status(),
        });
    }
    response.binary().await.map_err(network)
}

/// A file of the search index; an error names it and says what went wrong.
async fn fetch(url: String) -> Result<Vec<u8>, String> {
    get(&url, &url).await.map_err(|e| e.to_string())
}

/// A data file as text, named `file` in errors, refused past the viewer's size limit.
async fn fetch_text(url: &str, file: &str) -> Result<String, LoadError> {
    let bytes = get(url, file).await?;
    check_size(file, bytes.len() as u64)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
