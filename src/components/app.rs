//! The page: top bar, then the catalog's chosen issue (or why it cannot be shown).

use leptos::prelude::*;
use newsletter_core::ui::{fill, ui, Ui};
use newsletter_core::{Catalog, Issue, LoadError, Parsed};
use std::sync::Arc;

use crate::browser::document::{browser_languages, reveal};
use crate::browser::storage::{stored, LANG_KEY, LAYOUT_KEY};
use crate::components::bar::{IssuePicker, LangSwitch, PageFailures, ThemeSwitch};
use crate::components::issue::{issue_heading, IssueView};
use crate::components::loading::{Load, Loaded};
use crate::components::offline::OfflinePanel;
use crate::components::search::{Search, SearchBox, SearchResults};
use crate::components::text::{DocumentMode, Label, Line};
use crate::components::Warnings;
use crate::files::{load_catalog, load_issue};
use crate::offline::Offline;
use crate::shelf::Shelf;
use crate::state::{use_reading, use_url, Reading, Remembered, UrlState};

/// The viewer, bound to the page's URL, local storage and browser languages.
#[component]
pub fn App() -> impl IntoView {
    let url = UrlState::from_location();
    let remembered = Remembered {
        lang: stored(LANG_KEY),
        layout: stored(LAYOUT_KEY),
    };
    let reading = Reading::new(url, remembered, browser_languages());
    view! { <Viewer url reading /> }
}

/// The viewer over a given view and reading mode (tests mount it detached from the page).
#[component]
pub fn Viewer(url: UrlState, reading: Reading) -> impl IntoView {
    provide_context(url);
    provide_context(reading);
    provide_context(Search::new());
    let offline = Offline::start();
    let catalog = Load::new(move || Some(load_catalog(offline)));
    // The catalog's pages loaded so far, from its first page on.
    let shelf = Memo::new(move |_| {
        catalog
            .value()
            .map(|parsed| Shelf::new(Catalog::clone(&parsed.value), offline))
    });
    let query = url.query();
    let searching = move || query.get().is_some();
    let render = move |parsed: Parsed<Arc<Catalog>>| {
        let shelf = shelf.get_untracked()?;
        // The reader stays mounted (hidden) during a search, so its issue is kept.
        Some(view! {
            <Warnings warnings=parsed.warnings />
            {move || view! { <Warnings warnings=shelf.warnings() /> }}
            <PageFailures shelf />
            <Show when=searching>
                <SearchResults shelf />
            </Show>
            <div hidden=searching>
                <Reader shelf />
            </div>
        })
    };
    view! {
        <DocumentMode />
        <a class="nv-skip" href="#main"><Label pick=|u: &Ui| u.skip_to_content /></a>
        <header class="nv-bar">
            <div class="nv-bar__inner">
                <span class="nv-bar__brand">
                    {move || {
                        catalog
                            .value()
                            .and_then(|c| c.value.title.clone())
                            .map(|t| view! { <Line text=t /> }.into_any())
                            .unwrap_or_else(|| view! { <Label pick=|u: &Ui| u.app_name /> }.into_any())
                    }}
                </span>
                <span class="nv-bar__picker">
                    {move || shelf.get().map(|shelf| view! { <IssuePicker shelf /> })}
                </span>
                <SearchBox />
                <LangSwitch />
                <ThemeSwitch />
            </div>
        </header>
        <main id="main" class="nv-main" tabindex="-1">
            <Loaded load=catalog render />
        </main>
        <footer class="nv-colophon">
            {move || shelf.get().map(|shelf| view! { <OfflinePanel shelf /> })}
            <a class="nv-colophon__top" href="#main"><Label pick=|u: &Ui| u.back_to_top /></a>
        </footer>
    }
}

/// The issue the URL names (the newest when it names none), or why there is none.
#[component]
fn Reader(shelf: Shelf) -> impl IntoView {
    let url = use_url();
    let chosen = url.issue();
    // The file to read: the entry's; for an issue on a page not loaded yet, the file the
    // catalog's first page gives for it (`files`, else `<id>.json`).
    let selected = Memo::new(move |_| {
        let id = chosen.get();
        match shelf.with(|paged| paged.file_shown(id.as_deref())) {
            Some(file) => Ok(Some(file)),
            // An empty catalog shows nothing; an unknown id says so.
            None => id.map_or(Ok(None), Err),
        }
    });
    // An issue not listed yet whose file turned out not to be there (or another issue's).
    let missing = RwSignal::new(None::<String>);
    let offline = shelf.offline();
    let file = Memo::new(move |_| selected.get().ok().flatten());
    // One load for the reader's issue: switching issues keeps the old one on screen (with a
    // progress bar) until the new one is ready. Nothing loads for an unknown id.
    let issue = Load::new(move || {
        let file = file.get()?;
        let wanted = chosen.get_untracked();
        Some(async move {
            let result = load_issue(file, offline).await;
            let listed = |id: &str| shelf.with_untracked(|paged| paged.find(id).is_some());
            match (&wanted, &result) {
                (Some(id), Err(LoadError::Http { status: 404, .. })) if !listed(id) => {
                    missing.try_set(Some(id.clone()));
                }
                (Some(id), Ok(parsed)) if !listed(id) => {
                    if parsed.value.id.as_str() != id {
                        missing.try_set(Some(id.clone()));
                    } else if let Some(date) = parsed.value.date.clone() {
                        // So the picker lists it.
                        shelf.reach(date);
                    }
                }
                _ => {}
            }
            result
        })
    });
    let unknown = move || {
        selected
            .get()
            .err()
            .or_else(|| missing.get().filter(|id| chosen.get().as_ref() == Some(id)))
    };
    // Announces the issue once it is in the page, so a reader who switched issues from the
    // picker (where focus stays) hears that the page below has changed.
    let mode = use_reading().mode();
    let announcement = move || {
        let lang = mode.get().primary();
        issue
            .value()
            .map(|parsed| format!("{}{}", ui(lang).opened, issue_heading(&parsed.value, lang)))
    };
    let render = |parsed: Parsed<Arc<Issue>>| view! { <IssueView parsed /> };
    view! {
        <p class="nv-sr" role="status" lang=move || mode.get().primary().tag()>{announcement}</p>
        {move || unknown().map(|id| view! { <UnknownIssue id /> })}
        <Show when=move || unknown().is_none()>
            <Loaded load=issue render=render />
        </Show>
    }
}

/// `?issue=` names no issue of the catalog: say so, and offer the newest.
#[component]
fn UnknownIssue(id: String) -> impl IntoView {
    // The first content is in place: the page may be painted.
    Effect::new(|_| reveal());
    let url = use_url();
    let mode = use_reading().mode();
    let message = move || {
        mode.get()
            .langs()
            .iter()
            .map(|&lang| {
                let text = fill(ui(lang).unknown_issue, &[&id]);
                view! { <span class="nv-ui" lang=lang.tag()>{text}</span> }
            })
            .collect_view()
    };
    view! {
        <div class="nv-error" role="alert">
            <h1 class="nv-error__title">{message}</h1>
            <button
                type="button"
                class="nv-button"
                on:click=move |_| url.go(|v| {
                    v.issue = None;
                    v.item = None;
                })
            >
                <Label pick=|u: &Ui| u.open_newest />
            </button>
        </div>
    }
}
