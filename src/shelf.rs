//! The catalog as far as it is loaded. A paged catalog (format 1.1) starts with its first
//! page; later pages are fetched when a reader needs them: a jump to a year, opening the
//! issue list, a link to an issue not listed yet. Which pages those need is decided by
//! `newsletter_core::paging`; this module fetches them and shares what it has.

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsletter_core::model::{Date, IssuePath};
use newsletter_core::paging::PagedCatalog;
use newsletter_core::{Catalog, LoadError, Problem};

use crate::files::load_page;
use crate::offline::Offline;
use crate::state::UrlState;

/// The catalog loaded so far, shared by the picker, the reader and search.
#[derive(Clone, Copy, PartialEq)]
pub struct Shelf {
    paged: RwSignal<PagedCatalog>,
    /// What had to be left out of the later pages read.
    warnings: RwSignal<Vec<Problem>>,
    /// The pages the last fetch could not load; [`Shelf::retry`] tries that fetch again.
    failures: RwSignal<Vec<LoadError>>,
    failed: StoredValue<Option<Want>>,
    /// Offline reading: each page read is kept.
    offline: Offline,
}

/// Why pages were fetched, to do it again on a retry.
#[derive(Clone)]
enum Want {
    /// The pages listing issues of a year; with the URL, a jump: the year's newest issue
    /// opens once they are in.
    Year(u16, Option<UrlState>),
    /// The pages listing issues of a date.
    Date(Date),
}

impl Shelf {
    pub fn new(first: Catalog, offline: Offline) -> Shelf {
        Shelf {
            offline,
            paged: RwSignal::new(PagedCatalog::new(first)),
            warnings: RwSignal::new(Vec::new()),
            failures: RwSignal::new(Vec::new()),
            failed: StoredValue::new(None),
        }
    }

    /// Reads the catalog loaded so far (tracked: runs again when pages arrive).
    pub fn with<R>(&self, read: impl FnOnce(&PagedCatalog) -> R) -> R {
        self.paged.with(read)
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&PagedCatalog) -> R) -> R {
        self.paged.with_untracked(read)
    }

    /// Offline reading, which keeps the pages read.
    pub fn offline(&self) -> Offline {
        self.offline
    }

    pub fn warnings(&self) -> Vec<Problem> {
        self.warnings.get()
    }

    pub fn failures(&self) -> Vec<LoadError> {
        self.failures.get()
    }

    /// Opens the newest issue of `year`, once the pages that list that year are in.
    pub fn jump_to_year(self, year: u16, url: UrlState) {
        spawn_local(self.fetch(Want::Year(year, Some(url))));
    }

    /// Fetches the pages that list issues of `year`: all of the year in the picker.
    pub fn fill_year(self, year: u16) {
        spawn_local(self.fetch(Want::Year(year, None)));
    }

    /// Fetches the page that lists issues of `date` (an issue opened by a link, not listed
    /// yet), so the picker can show it.
    pub fn reach(self, date: Date) {
        spawn_local(self.fetch(Want::Date(date)));
    }

    /// Tries the last failed fetch again.
    pub fn retry(self) {
        if let Some(want) = self.failed.get_value() {
            spawn_local(self.fetch(want));
        }
    }

    async fn fetch(self, want: Want) {
        // Marking pages as asked for changes nothing shown.
        let asks: Vec<(usize, IssuePath)> = self
            .paged
            .try_update_untracked(|paged| match &want {
                // A jump fetches what it opens from, even pages another fetch has on
                // their way (loading one twice changes nothing).
                Want::Year(year, Some(_)) => paged.ask_year_again(*year),
                Want::Year(year, None) => paged.ask_year(*year),
                Want::Date(date) => paged.ask_date(date),
            })
            .unwrap_or_default();
        let results = join_all(
            asks.iter()
                .map(|(_, file)| load_page(file.clone(), self.offline)),
        )
        .await;
        let mut warnings = Vec::new();
        let mut failures = Vec::new();
        let fetched = !asks.is_empty();
        if fetched {
            let updated = self.paged.try_update(|paged| {
                for ((at, _), result) in asks.iter().zip(results) {
                    match result {
                        Ok(parsed) => {
                            warnings.extend(parsed.warnings);
                            warnings.extend(paged.add_page(*at, parsed.value));
                        }
                        Err(error) => {
                            paged.failed(*at);
                            failures.push(error);
                        }
                    }
                }
            });
            if updated.is_none() {
                // The catalog this belonged to is gone (read again after an error).
                return;
            }
        }
        if !warnings.is_empty() {
            self.warnings.update(|all| all.extend(warnings));
        }
        let failed = !failures.is_empty();
        // A fetch that had nothing to fetch leaves an earlier failure as it was.
        if fetched {
            self.failures.set(failures);
            self.failed.set_value(failed.then(|| want.clone()));
        }
        if let (false, Want::Year(year, Some(url))) = (failed, want) {
            let newest =
                self.with_untracked(|paged| paged.newest_in(year).map(|e| e.id.to_string()));
            if let Some(id) = newest {
                url.go(|v| {
                    v.issue = Some(id);
                    v.item = None;
                });
            }
        }
    }
}
