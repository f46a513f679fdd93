//! The app's shared reactive state, as narrow context types.
//!
//! [`View`] is the URL: the single source of what a link should carry (issue, language,
//! filter, item). [`Reading`] is the language mode in force, derived from the URL, the
//! remembered choice and the browser. Everything else is derived where it is used.

use leptos::prelude::*;
use newsletter_core::filter::Filter;
use newsletter_core::lang::resolve_mode;
use newsletter_core::ui::{self, Ui};
use newsletter_core::url::ViewState;
use newsletter_core::LangMode;

use crate::browser;

/// The view carried by the URL. Read it with [`View::get`]; change it with [`View::go`],
/// which records the change in the history.
#[derive(Clone, Copy)]
pub struct View {
    state: RwSignal<ViewState>,
    /// Whether the state mirrors the page's URL (false for components mounted in tests).
    page: bool,
}

impl View {
    /// Reads the page's URL, and follows it on back and forward.
    pub fn from_location() -> View {
        let view = View {
            state: RwSignal::new(browser::current_view()),
            page: true,
        };
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            view.state.set(browser::current_view());
        });
        on_cleanup(move || handle.remove());
        view
    }

    /// A view that is not tied to the page's URL (for tests).
    pub fn detached(state: ViewState) -> View {
        View {
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
            browser::current_view()
        } else {
            self.state.get_untracked()
        };
        change(&mut next);
        if self.page {
            browser::record_view(&next, push);
        }
        self.state.set(next);
    }
}

/// The language mode in force and the interface's words for it.
#[derive(Clone, Copy)]
pub struct Reading {
    mode: Memo<LangMode>,
    remembered: RwSignal<Option<String>>,
    view: View,
}

impl Reading {
    /// The mode is the URL's `lang`, else the remembered choice, else the browser's.
    pub fn new(view: View, remembered: Option<String>, browser_langs: Vec<String>) -> Reading {
        let remembered = RwSignal::new(remembered);
        let mode = Memo::new(move |_| {
            resolve_mode(
                view.state.with(|v| v.lang),
                remembered.get().as_deref(),
                &browser_langs,
            )
        });
        Reading {
            mode,
            remembered,
            view,
        }
    }

    pub fn mode(&self) -> Memo<LangMode> {
        self.mode
    }

    /// An explicit choice: goes into the URL and is remembered for later visits.
    pub fn choose(&self, mode: LangMode) {
        browser::store(browser::LANG_KEY, mode.as_str());
        self.remembered.set(Some(mode.as_str().to_owned()));
        self.view.go(|v| v.lang = Some(mode));
    }
}

/// The view state in context.
pub fn use_view() -> View {
    expect_context::<View>()
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
