//! Searching every issue of the catalog: the search box (`?q=`), the archive index that is
//! filled one issue at a time the first time a search needs it, and the results grouped by
//! issue. Matching, ranking and snippets are `newsletter_core::search`.

use futures::stream::{self, StreamExt};
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsletter_core::lang::Modes;
use newsletter_core::search::{highlights, parse_query, snippet, SearchIndex, Snippet};
use newsletter_core::ui::{fill, format_date, ui, Ui};
use newsletter_core::url::ViewState;
use newsletter_core::{Catalog, Lang, Text};
use std::sync::Arc;

use crate::browser::document::{focus, next_turn, reveal, typing_in_field};
use crate::components::text::{Label, Line};
use crate::files::load_issue;
use crate::state::{ui_string, use_reading, use_url};

/// Results shown at first, and added by each "show more": few enough that results follow
/// every keystroke within a frame.
const RESULTS_PER_PAGE: usize = 30;
/// While the index fills, results are refreshed at most this often (ms).
const REFRESH_MS: f64 = 250.0;
/// Issues fetched at the same time while filling the index.
const FETCHES_AT_ONCE: usize = 6;
/// While the index fills, the browser gets a turn after at most this much work (ms), so
/// that the page keeps answering.
const TURN_MS: f64 = 8.0;
/// Characters of body text around the first match.
const SNIPPET_CHARS: usize = 120;

/// The archive's search index, filled the first time a search needs it and kept for the
/// session. `indexed` counts issues read (or failed), and changes as each one arrives.
#[derive(Clone, Copy)]
pub struct Archive {
    index: StoredValue<SearchIndex, LocalStorage>,
    /// Issues read so far, as last published to the page (see [`REFRESH_MS`]).
    indexed: RwSignal<usize>,
    failures: RwSignal<Vec<String>>,
    started: StoredValue<bool>,
}

impl Archive {
    pub fn new() -> Archive {
        Archive {
            index: StoredValue::new_local(SearchIndex::new()),
            indexed: RwSignal::new(0),
            failures: RwSignal::new(Vec::new()),
            started: StoredValue::new(false),
        }
    }

    /// Fetches and indexes every issue of `catalog`, newest first: a few fetches in flight
    /// while the issues in hand are indexed, with a turn for the browser after every
    /// [`TURN_MS`] of work (so building the index never freezes the page). Does nothing
    /// after the first call.
    pub fn fill(&self, catalog: Arc<Catalog>) {
        if self.started.get_value() {
            return;
        }
        self.started.set_value(true);
        let archive = *self;
        spawn_local(async move {
            let total = catalog.issues.len();
            // Up to FETCHES_AT_ONCE issues on their way while the ones in hand are indexed,
            // taken in catalog order.
            let mut loads = stream::iter(catalog.issues.iter().enumerate())
                .map(|(at, entry)| async move { (at, load_issue(entry.file.clone()).await) })
                .buffered(FETCHES_AT_ONCE);
            let mut done = 0;
            let mut published = js_sys::Date::now();
            let mut turn_started = published;
            while let Some((at, result)) = loads.next().await {
                match result {
                    Ok(parsed) => archive
                        .index
                        .update_value(|index| index.add_issue(at, &parsed.value)),
                    Err(error) => archive.failures.update(|f| f.push(error.to_string())),
                }
                done += 1;
                // Results are searched again when the count changes: not for every issue.
                let now = js_sys::Date::now();
                if now - published >= REFRESH_MS || done == total {
                    published = now;
                    if archive.indexed.try_set(done).is_some() {
                        return; // the viewer is gone
                    }
                }
                if now - turn_started >= TURN_MS {
                    next_turn().await;
                    turn_started = js_sys::Date::now();
                }
            }
        });
    }
}

impl Default for Archive {
    fn default() -> Archive {
        Archive::new()
    }
}

/// The search box. `/` focuses it from anywhere but a text field; Escape clears it.
#[component]
pub fn SearchBox() -> impl IntoView {
    let url = use_url();
    let mode = use_reading().mode();
    let query = url.query();
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "/" && !typing_in_field(&event) {
            event.prevent_default();
            focus("nv-q");
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <form class="nv-search" role="search" on:submit=|event| event.prevent_default()>
            <label for="nv-q" class="nv-sr"><Label pick=|u: &Ui| u.search /></label>
            <input
                id="nv-q"
                class="nv-search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || ui_string(mode.get(), |u: &Ui| u.search_placeholder)
                prop:value=move || query.get().unwrap_or_default()
                on:input=move |event| {
                    let typed = event_target_value(&event);
                    let typed = (!typed.trim().is_empty()).then_some(typed);
                    let set = move |v: &mut ViewState| {
                        v.query = typed;
                        v.item = None;
                    };
                    // The first keystroke is a new page in the history; the rest refine it.
                    if query.get_untracked().is_none() { url.go(set) } else { url.replace(set) }
                }
                on:keydown=move |event| {
                    if event.key() == "Escape" {
                        url.go(|v| v.query = None);
                    }
                }
            />
        </form>
    }
}

/// One result, with everything needed to show it.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    issue_at: usize,
    item_id: String,
    title: Text,
    jurisdiction: Text,
    snippets: Vec<(Lang, Snippet)>,
    /// The title's matches, per language present.
    title_marks: Vec<(Lang, Vec<(usize, usize)>)>,
}

/// The results of `?q=` over every issue, grouped by issue, newest first.
#[component]
pub fn SearchResults(catalog: Arc<Catalog>) -> impl IntoView {
    // The first content is in place: the page may be painted.
    Effect::new(|_| reveal());
    let url = use_url();
    let mode = use_reading().mode();
    let archive = expect_context::<Archive>();
    let query = url.query();
    let filter = url.filter();
    // How many results are shown; a new query starts again from one page.
    let shown = RwSignal::new(RESULTS_PER_PAGE);
    Effect::new(move |_| {
        query.track();
        shown.set(RESULTS_PER_PAGE);
    });
    {
        // Starts filling the index when a search first needs it (work outward, no state).
        let catalog = catalog.clone();
        Effect::new(move |_| {
            if query.get().is_some() {
                archive.fill(catalog.clone());
            }
        });
    }
    let rows = Memo::new(move |_| {
        archive.indexed.track();
        let q = parse_query(&query.get().unwrap_or_default());
        archive.index.with_value(|index| {
            let hits = index.search(&q, &filter.get());
            let total = hits.len();
            let rows: Vec<Row> = hits
                .into_iter()
                .take(shown.get())
                .map(|hit| {
                    let doc = index.doc(hit.doc);
                    let per_lang = |text: &Text| -> Vec<(Lang, String)> {
                        [Lang::Zh, Lang::En]
                            .into_iter()
                            .filter_map(|l| text.get(l).map(|s| (l, s.to_owned())))
                            .collect()
                    };
                    Row {
                        issue_at: doc.issue,
                        item_id: doc.item_id.clone(),
                        title: doc.title.clone(),
                        jurisdiction: doc.jurisdiction_name.clone(),
                        snippets: per_lang(&doc.body)
                            .into_iter()
                            .map(|(l, body)| (l, snippet(&body, &q, SNIPPET_CHARS)))
                            .collect(),
                        title_marks: per_lang(&doc.title)
                            .into_iter()
                            .map(|(l, title)| (l, highlights(&title, &q)))
                            .collect(),
                    }
                })
                .collect();
            (rows, total)
        })
    });
    let issues_total = catalog.issues.len();
    let summary = move || {
        let lang = mode.get().primary();
        let (rows, total) = rows.get();
        let mut issues: Vec<usize> = rows.iter().map(|r| r.issue_at).collect();
        issues.dedup();
        if total == 0 {
            ui(lang).search_none.to_owned()
        } else {
            fill(ui(lang).search_count, &[&total, &issues.len()])
        }
    };
    let loading = move || {
        let done = archive.indexed.get();
        (done < issues_total).then(|| {
            let lang = mode.get().primary();
            fill(ui(lang).search_loading, &[&done, &issues_total])
        })
    };
    let more = move || {
        let (rows, total) = rows.get();
        (total > rows.len()).then(|| {
            let lang = mode.get().primary();
            let label = fill(ui(lang).search_more, &[&(total - rows.len())]);
            view! {
                <button
                    type="button"
                    class="nv-button nv-results__more"
                    lang=lang.tag()
                    on:click=move |_| shown.update(|n| *n += RESULTS_PER_PAGE)
                >
                    {label}
                </button>
            }
        })
    };
    let failures = move || {
        let failed = archive.failures.get();
        (!failed.is_empty()).then(|| {
            let list = failed
                .into_iter()
                .map(|message| view! { <li><code lang="en">{message}</code></li> })
                .collect_view();
            view! {
                <div class="nv-warnings nv-search__failed">
                    <p><Label pick=|u: &Ui| u.search_failed /></p>
                    <ul>{list}</ul>
                </div>
            }
        })
    };
    let groups = move || {
        let (rows, _) = rows.get();
        let mut groups: Vec<(usize, Vec<Row>)> = Vec::new();
        for row in rows {
            match groups.last_mut() {
                Some((at, list)) if *at == row.issue_at => list.push(row),
                _ => groups.push((row.issue_at, vec![row])),
            }
        }
        groups
            .into_iter()
            .map(|(at, rows)| view! { <ResultGroup catalog=catalog.clone() at rows /> })
            .collect_view()
    };
    view! {
        <section class="nv-results" aria-labelledby="nv-results-title">
            <h1 id="nv-results-title" class="nv-results__title"><Label pick=|u: &Ui| u.search_results /></h1>
            <p class="nv-results__summary" role="status" lang=move || mode.get().primary().tag()>
                {summary}
            </p>
            <p class="nv-results__loading" lang=move || mode.get().primary().tag()>{loading}</p>
            {failures}
            {groups}
            {more}
        </section>
    }
}

/// The results from one issue.
#[component]
fn ResultGroup(catalog: Arc<Catalog>, at: usize, rows: Vec<Row>) -> impl IntoView {
    let url = use_url();
    let entry = catalog.issues[at].clone();
    let heading = entry
        .title
        .clone()
        .map(|t| view! { <Line text=t /> }.into_any())
        .unwrap_or_else(|| view! { <span lang="en">{entry.id.to_string()}</span> }.into_any());
    let dates = [Lang::Zh, Lang::En]
        .into_iter()
        .map(|lang| {
            let class = format!("nv-date {}", Modes::of(lang).hiding_classes());
            view! { <span class=class lang=lang.tag()>{format_date(entry.date.as_str(), lang)}</span> }
        })
        .collect_view();
    let items = rows
        .into_iter()
        .map(|row| {
            let target = {
                let mut state = url.get();
                state.issue = Some(entry.id.to_string());
                state.item = Some(row.item_id.clone());
                state.query = None;
                state
            };
            let href = format!("{}{}", target.search(), target.hash());
            let go = move |event: leptos::ev::MouseEvent| {
                // A plain click opens the item here; other clicks (new tab…) follow the link.
                if event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key()) {
                    event.prevent_default();
                    let target = target.clone();
                    url.go(move |v| *v = target);
                }
            };
            let title = row
                .title_marks
                .iter()
                .map(|(lang, marks)| {
                    let class = format!("nv-t {}", Modes::of(*lang).hiding_classes());
                    let text = row.title.get(*lang).unwrap_or_default().to_owned();
                    view! { <span class=class lang=lang.tag()>{marked(&text, marks)}</span> }
                })
                .collect_view();
            let snippets = row
                .snippets
                .iter()
                .map(|(lang, s)| {
                    let class = format!("nv-results__snippet {}", Modes::of(*lang).hiding_classes());
                    view! { <p class=class lang=lang.tag()>{marked(&s.text, &s.marks)}</p> }
                })
                .collect_view();
            view! {
                <li class="nv-results__item">
                    <a class="nv-results__link" href=href on:click=go>{title}</a>
                    <span class="nv-card__jurisdiction"><Line text=row.jurisdiction.clone() /></span>
                    {snippets}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="nv-results__group">
            <h2 class="nv-results__issue">{heading}" "<span class="nv-results__date">{dates}</span></h2>
            <ul class="nv-results__list">{items}</ul>
        </section>
    }
}

/// `text` with the byte ranges `marks` wrapped in `<mark>`.
fn marked(text: &str, marks: &[(usize, usize)]) -> AnyView {
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(a, b) in marks {
        if a < at || b > text.len() {
            continue;
        }
        pieces.push(text[at..a].to_owned().into_any());
        pieces.push(view! { <mark>{text[a..b].to_owned()}</mark> }.into_any());
        at = b;
    }
    pieces.push(text[at..].to_owned().into_any());
    pieces.collect_view().into_any()
}
