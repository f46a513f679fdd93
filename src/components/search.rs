//! Searching the archive: the search box (`?q=`) and the results grouped by issue. The
//! searching itself happens in the search worker (`browser::worker`, `worker/`), started
//! the first time the box is used or a page opens with a search; this module asks it and
//! shows its answers.

use leptos::prelude::*;
use newsletter_core::lang::Modes;
use newsletter_core::search::results::{Answer, Ask, Marked, Row};
use newsletter_core::ui::{fill, format_date, ui, Ui};
use newsletter_core::url::ViewState;
use newsletter_core::Lang;

use crate::browser::document::{focus, reveal, typing_in_field};
use crate::browser::worker::SearchWorker;
use crate::components::text::{Label, Line};
use crate::shelf::Shelf;
use crate::state::{ui_string, use_reading, use_url};

/// Results shown at first, and added by each "show more".
const RESULTS_PER_PAGE: usize = 30;

/// The search worker and its latest answer, for the session.
#[derive(Clone, Copy)]
pub struct Search {
    worker: StoredValue<Option<SearchWorker>, LocalStorage>,
    /// The answer to the newest ask, once it has come.
    answer: RwSignal<Option<Answer>>,
    /// The newest ask's number.
    seq: StoredValue<u32>,
    /// Whether the newest ask is still unanswered.
    busy: RwSignal<bool>,
}

impl Search {
    pub fn new() -> Search {
        Search {
            worker: StoredValue::new_local(None),
            answer: RwSignal::new(None),
            seq: StoredValue::new(0),
            busy: RwSignal::new(false),
        }
    }

    /// Starts the worker, once.
    pub fn start(&self) {
        if self.worker.with_value(Option::is_some) {
            return;
        }
        let this = *self;
        let answered = move |text: String| {
            if let Ok(answer) = serde_json::from_str::<Answer>(&text) {
                if answer.seq == this.seq.get_value() {
                    // A first page of rows: busy until the rest come.
                    this.busy.try_set(answer.partial);
                    this.answer.try_set(Some(answer));
                }
            }
        };
        let failed = move |error: String| {
            this.answer.try_set(Some(Answer {
                seq: this.seq.get_value(),
                error: Some(error),
                ..Answer::default()
            }));
            this.busy.try_set(false);
        };
        match SearchWorker::start(answered, failed) {
            Ok(worker) => self.worker.set_value(Some(worker)),
            Err(error) => failed(error),
        }
    }

    /// Asks for the first `shown` results of `query` under `filter`.
    fn ask(&self, shelf: Shelf, query: String, filter: Vec<String>, shown: usize, retry: bool) {
        self.start();
        let seq = self.seq.get_value() + 1;
        self.seq.set_value(seq);
        self.busy.set(true);
        // The worker uses the prebuilt index only if it was built from this catalog.
        let (newest, issues) = shelf.with_untracked(|paged| {
            let newest = paged.catalog().newest().map(|e| e.id.to_string());
            (newest.unwrap_or_default(), paged.total())
        });
        let ask = Ask {
            seq,
            query,
            filter,
            shown,
            retry,
            newest,
            issues,
        };
        let json = serde_json::to_string(&ask).expect("asks serialize");
        self.worker.with_value(|worker| {
            if let Some(worker) = worker {
                worker.post(json);
            }
        });
    }
}

impl Default for Search {
    fn default() -> Search {
        Search::new()
    }
}

/// The search box. `/` focuses it from anywhere but a text field; Escape clears it.
#[component]
pub fn SearchBox() -> impl IntoView {
    let url = use_url();
    let mode = use_reading().mode();
    let search = expect_context::<Search>();
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
                on:focus=move |_| search.start()
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

/// The results of `?q=` over every issue, grouped by issue, newest first.
#[component]
pub fn SearchResults(shelf: Shelf) -> impl IntoView {
    // The first content is in place: the page may be painted.
    Effect::new(|_| reveal());
    let url = use_url();
    let mode = use_reading().mode();
    let search = expect_context::<Search>();
    let query = url.query();
    let filter = url.filter();
    // How many results are shown; a new query starts again from one page.
    let shown = RwSignal::new(RESULTS_PER_PAGE);
    Effect::new(move |_| {
        query.track();
        // Only when more were shown: setting it asks again.
        if shown.get_untracked() != RESULTS_PER_PAGE {
            shown.set(RESULTS_PER_PAGE);
        }
    });
    let retries = RwSignal::new(0u32);
    // Asks again whenever the query, the filter or the number shown changes.
    Effect::new(move |_| {
        let retry = retries.get() > 0;
        let codes = filter.with(|f| f.codes().map(str::to_owned).collect());
        search.ask(
            shelf,
            query.get().unwrap_or_default(),
            codes,
            shown.get(),
            retry,
        );
    });
    let answer = move || search.answer.get().unwrap_or_default();
    let summary = move || {
        let lang = mode.get().primary();
        let answer = answer();
        let mut issues: Vec<&str> = answer.rows.iter().map(|r| r.issue.id.as_str()).collect();
        issues.dedup();
        if search.answer.with(Option::is_none) {
            String::new()
        } else if answer.total == 0 {
            ui(lang).search_none.to_owned()
        } else {
            fill(ui(lang).search_count, &[&answer.total, &issues.len()])
        }
    };
    let loading = move || {
        let (done, of) = answer().progress?;
        (done < of).then(|| fill(ui(mode.get().primary()).search_loading, &[&done, &of]))
    };
    let more = move || {
        let answer = answer();
        (answer.total > answer.rows.len() && !answer.partial).then(|| {
            let lang = mode.get().primary();
            let label = fill(ui(lang).search_more, &[&(answer.total - answer.rows.len())]);
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
        let failed = answer().failures;
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
    let error = move || {
        answer().error.map(|message| {
            view! {
                <div class="nv-error nv-search__error" role="alert">
                    <p><Label pick=|u: &Ui| u.search_error /></p>
                    <p><code lang="en">{message}</code></p>
                    <button type="button" class="nv-button" on:click=move |_| retries.update(|n| *n += 1)>
                        <Label pick=|u: &Ui| u.retry />
                    </button>
                </div>
            }
        })
    };
    let groups = move || {
        let mut groups: Vec<Vec<Row>> = Vec::new();
        for row in answer().rows {
            match groups.last_mut() {
                Some(list) if list[0].issue.id == row.issue.id => list.push(row),
                _ => groups.push(vec![row]),
            }
        }
        groups
            .into_iter()
            .map(|rows| view! { <ResultGroup rows /> })
            .collect_view()
    };
    view! {
        <section class="nv-results" aria-labelledby="nv-results-title" aria-busy=move || search.busy.get().to_string()>
            <h1 id="nv-results-title" class="nv-results__title"><Label pick=|u: &Ui| u.search_results /></h1>
            <p class="nv-results__summary" role="status" lang=move || mode.get().primary().tag()>
                {summary}
            </p>
            <p class="nv-results__loading" lang=move || mode.get().primary().tag()>{loading}</p>
            {error}
            {failures}
            {groups}
            {more}
        </section>
    }
}

/// The results from one issue.
#[component]
fn ResultGroup(rows: Vec<Row>) -> impl IntoView {
    let url = use_url();
    let entry = rows[0].issue.clone();
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
                state.item = Some(row.item.clone());
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
                .title
                .iter()
                .map(|m| in_lang("nv-t", m, false))
                .collect_view();
            let snippets = row
                .snippets
                .iter()
                .map(|m| in_lang("nv-results__snippet", m, true))
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

/// A marked text in its language, shown in the reading modes that show that language: a
/// paragraph, or a span.
fn in_lang(class: &str, text: &Marked, paragraph: bool) -> AnyView {
    let class = format!("{class} {}", Modes::of(text.lang).hiding_classes());
    let lang = text.lang.tag();
    let content = marked(&text.text, &text.marks);
    if paragraph {
        view! { <p class=class lang=lang>{content}</p> }.into_any()
    } else {
        view! { <span class=class lang=lang>{content}</span> }.into_any()
    }
}

/// `text` with the byte ranges `marks` wrapped in `<mark>`.
fn marked(text: &str, marks: &[(usize, usize)]) -> AnyView {
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(a, b) in marks {
        if a < at || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        pieces.push(text[at..a].to_owned().into_any());
        pieces.push(view! { <mark>{text[a..b].to_owned()}</mark> }.into_any());
        at = b;
    }
    pieces.push(text[at..].to_owned().into_any());
    pieces.collect_view().into_any()
}
