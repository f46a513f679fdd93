//! Offline reading, shared by the issue list, the list of issues to save and the reader:
//! which issues are kept, and keeping or removing one (`browser::offline`). Each file the
//! viewer reads (the catalog, its pages, each issue opened) is kept as soon as it has been
//! read (`files`); the service worker keeps the copies fresh.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use newsletter_core::model::IssuePath;
use wasm_bindgen::JsCast;

use crate::browser::offline::{available, forget, keep, keep_text, kept};
use crate::files::issue_url;

#[derive(Clone, Copy, PartialEq)]
pub struct Offline {
    /// Files under `issues/` kept, as the catalog names them; empty until read.
    kept: RwSignal<BTreeSet<String>>,
    available: bool,
}

impl Offline {
    /// Reads which files are kept, in the background.
    pub fn start() -> Offline {
        let offline = Offline {
            kept: RwSignal::new(BTreeSet::new()),
            available: available(),
        };
        spawn_local(offline.read());
        offline
    }

    /// Whether this browser can keep issues for offline reading at all.
    pub fn available(&self) -> bool {
        self.available
    }

    /// Whether `file` is kept (tracked).
    pub fn is_kept(&self, file: &str) -> bool {
        self.kept.with(|kept| kept.contains(file))
    }

    /// Whether `file` is kept, untracked (for views that [`Offline::track`] once).
    pub fn is_kept_untracked(&self, file: &str) -> bool {
        self.kept.with_untracked(|kept| kept.contains(file))
    }

    /// Tracks the files kept, to redraw what marks them.
    pub fn track(&self) {
        self.kept.track();
    }

    /// Keeps a file just read, as read (`text`), unless it is kept already.
    pub fn keep_read(self, file: &str, text: String) {
        if !self.available || self.is_kept_untracked(file) {
            return;
        }
        let url = issue_url(file);
        spawn_local(async move {
            if keep_text(&url, &text).await.is_ok() {
                self.read().await;
            }
        });
    }

    /// Saves `file` for offline reading (a fresh copy), or removes its kept copy.
    pub async fn set_kept(self, file: IssuePath, wanted: bool) -> Result<(), String> {
        let url = issue_url(file.as_str());
        let done = if wanted {
            keep(&url).await
        } else {
            forget(&url).await
        };
        self.read().await;
        done.map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{error:?}"))
        })
    }

    /// Reads again which files are kept.
    async fn read(self) {
        if !self.available {
            return;
        }
        if let Ok(files) = kept().await {
            self.kept.try_set(files);
        }
    }
}
