//! The app's shared reactive state, as narrow context types.
//!
//! [`UrlState`] is the URL: the single source of what a link should carry (issue, language,
//! filter, item). [`Reading`] is the language mode in force, derived from the URL, the
//! remembered choice and the browser. Everything else is derived where it is used.

use leptos::prelude::*;
use newsletter_core::filter::Filter;
use newsletter_core::lang::{resolve_mode, Arrangement};
use newsletter_core::ui::{self, Ui};
use newsletter_core::url::ViewState;
use newsletter_core::LangMode;

use crate::browser::location::{current_view, record_view};
use crate::browser::storage::{store, LANG_KEY, LAYOUT_KEY};

/// The view carried by the URL. Read it with [`UrlState::get`]; change it with [`UrlState::go`],
/// which records the change in the history.
#[derive(Clone, Copy)]
pub struct UrlState {
    state: RwSignal<ViewState>,
    /// Whether the state mirrors the page's URL (false for components mounted in tests).
    page: bool,
}

impl UrlState {
    /// Reads the page's URL, and follows it on back and forward.
    pub fn from_location() -> UrlState {
        let url = UrlState {
            state: RwSignal::new(current_view()),
            page: true,
        };
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            url.state.set(current_view());
        });
        on_cleanup(move || handle.remove());
        url
    }

    /// A view that is not tied to the page's URL (for tests).
    pub fn detached(state: ViewState) -> UrlState {
        UrlState {
            state: RwSignal::new(state),
            page: false,
        }
    }

    pub fn get(&self) -> ViewState {
        self.state.get()
    }

    /// The chosen issue id (`None`: the newest).
    pub fn issue(&self) -> Memo<Option<String>> {
        let signal = self.state;
        Memo::new(move |_| signal.with(|v| v.issue.clone()))
    }

    pub fn filter(&self) -> Memo<Filter> {
        let signal = self.state;
        Memo::new(move |_| signal.with(|v| v.filter.clone()))
    }

    pub fn query(&self) -> Memo<Option<String>> {
        let signal = self.state;
        Memo::new(move |_| signal.with(|v| v.query.clone()))
    }

    pub fn item(&self) -> Memo<Option<String>> {
        let signal = self.state;
        Memo::new(move |_| signal.with(|v| v.item.clone()))
    }

    /// Changes the view in place, without a new history entry (typing a search).
    pub fn replace(&self, change: impl FnOnce(&mut ViewState)) {
        self.change(change, false);
    }

    /// Changes the view and records it as a new history entry, starting from the URL as it
    /// is now (so a fragment the browser set by a plain `#id` link is kept).
    pub fn go(&self, change: impl FnOnce(&mut ViewState)) {
        self.change(change, true);
    }

    fn change(&self, change: impl FnOnce(&mut ViewState), push: bool) {
        let mut next = if self.page {
            current_view()
        } else {
            self.state.get_untracked()
        };
        change(&mut next);
        if self.page {
            record_view(&next, push);
        }
        self.state.set(next);
    }
}

/// The language mode in force and how "both" mode sets the languages.
#[derive(Clone, Copy)]
pub struct Reading {
    mode: Memo<LangMode>,
    remembered: RwSignal<Option<String>>,
    arrangement: Memo<Arrangement>,
    remembered_layout: RwSignal<Option<String>>,
    url: UrlState,
}

/// The reader's remembered choices (local storage), as read at the start.
#[derive(Clone, Debug, Default)]
pub struct Remembered {
    pub lang: Option<String>,
    pub layout: Option<String>,
}

impl Reading {
    /// The mode is the URL's `lang`, else the remembered choice, else the browser's; the
    /// arrangement the URL's `layout`, else the remembered one, else side by side.
    pub fn new(url: UrlState, remembered: Remembered, browser_langs: Vec<String>) -> Reading {
        let remembered_layout = RwSignal::new(remembered.layout);
        let remembered = RwSignal::new(remembered.lang);
        let mode = Memo::new(move |_| {
            resolve_mode(
                url.state.with(|v| v.lang),
                remembered.get().as_deref(),
                &browser_langs,
            )
        });
        let arrangement = Memo::new(move |_| {
            Arrangement::resolve(
                url.state.with(|v| v.layout),
                remembered_layout.get().as_deref(),
            )
        });
        Reading {
            mode,
            remembered,
            arrangement,
            remembered_layout,
            url,
        }
    }

    pub fn mode(&self) -> Memo<LangMode> {
        self.mode
    }

    pub fn arrangement(&self) -> Memo<Arrangement> {
        self.arrangement
    }

    /// An explicit choice of arrangement: remembered, and in the URL unless it is the
    /// default (a link then opens in the reader's own).
    pub fn arrange(&self, arrangement: Arrangement) {
        store(LAYOUT_KEY, arrangement.as_str());
        self.remembered_layout
            .set(Some(arrangement.as_str().to_owned()));
        self.url.go(|v| {
            v.layout = (arrangement != Arrangement::default()).then_some(arrangement);
        });
    }

    /// An explicit choice: goes into the URL and is remembered for later visits.
    pub fn choose(&self, mode: LangMode) {
        store(LANG_KEY, mode.as_str());
        self.remembered.set(Some(mode.as_str().to_owned()));
        self.url.go(|v| v.lang = Some(mode));
    }
}

/// The URL's state in context.
pub fn use_url() -> UrlState {
    expect_context::<UrlState>()
}

/// The reading mode in context.
pub fn use_reading() -> Reading {
    expect_context::<Reading>()
}

/// Interface words for an attribute (`aria-label`, `placeholder`) or an `<option>`, which
/// hold plain text: the words of each language shown in `mode`, joined by " / ".
pub fn ui_string(mode: LangMode, pick: fn(&Ui) -> &'static str) -> String {
    mode.langs()
        .iter()
        .map(|&lang| pick(ui::ui(lang)))
        .collect::<Vec<_>>()
        .join(" / ")
}
