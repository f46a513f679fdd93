//! One issue: masthead, the contents and filter beside the sections of cards, then the
//! disclaimer and contacts.

use leptos::prelude::*;
use newsletter_core::cite::{citation, cite, item_link};
use newsletter_core::filter::{shown_count, Filter, Visible};
use newsletter_core::lang::Arrangement;
use newsletter_core::markup::plain;
use newsletter_core::render::{self, Actions};
use newsletter_core::rendering::{render_steps, rendered_runs};
use newsletter_core::ui::{fill, ui, Ui};
use newsletter_core::{Issue, Parsed};
use std::sync::Arc;
use wasm_bindgen::JsCast;

use crate::browser::document::{for_each, reveal, scroll_to, set_title};
use crate::browser::location::page_address;
use crate::browser::region::region_name;
use crate::browser::share::{copy_text, share};
use crate::browser::snapshot;
use crate::components::contents::ContentsNav;
use crate::components::dom::Static;
use crate::components::filter::FilterPanel;
use crate::components::text::{Label, Line};
use crate::components::Warnings;
use crate::state::{use_reading, use_url};

/// The whole reading view of a loaded issue.
#[component]
pub fn IssueView(parsed: Parsed<Arc<Issue>>) -> impl IntoView {
    // The first content is in place: the page may be painted.
    Effect::new(|_| reveal());
    let issue = parsed.value;
    let url = use_url();
    let mode = use_reading().mode();
    let filter = url.filter();

    // Mirrors the issue and language outward to the document title (nothing reads it back).
    {
        let issue = issue.clone();
        Effect::new(move |_| {
            let lang = mode.get().primary();
            let mut title = issue_heading(&issue, lang);
            if let Some(publication) = &issue.publication {
                title = format!("{title} – {}", publication.show(lang).text);
            }
            set_title(&title);
        });
    }
    // Large issues render in steps: the first cards at once, then a chunk per frame, so the
    // top of the issue shows without waiting for the whole of it. All at once when its
    // snapshot is on screen: the reader may be anywhere in it, and the page that replaces it
    // must hold every card.
    let total = issue.items().count();
    let all_steps = render_steps(total);
    let steps = RwSignal::new(if snapshot::shown().is_some() {
        all_steps
    } else {
        1
    });
    if steps.get_untracked() < all_steps {
        render_more(steps, all_steps);
    }
    // A deep link (or a fragment changed by back/forward) scrolls to its item once the
    // issue is in the page; the browser's own scrolling ran before the cards existed.
    let item = url.item();
    let all_rendered = Memo::new(move |_| steps.get() >= all_steps);
    Effect::new(move |_| {
        if let (true, Some(id)) = (all_rendered.get(), item.get()) {
            request_animation_frame(move || scroll_to(&id));
        }
    });

    let shown = {
        let issue = issue.clone();
        Memo::new(move |_| filter.with(|f| shown_count(&issue, f)))
    };
    let count_text = move || {
        let lang = mode.get().primary();
        fill(ui(lang).items_shown, &[&shown.get(), &total])
    };
    let nothing_shown = move || shown.get() == 0;

    // The filter hides cards and contents entries rather than removing them, so their nodes
    // are kept; each is rendered with the filter of its time, and this one pass over the
    // rendered ones follows later changes (an effect per card would hold memory for each).
    let layout = NodeRef::<leptos::html::Div>::new();
    {
        let issue = issue.clone();
        Effect::new(move |ran: Option<()>| {
            filter.with(|f| {
                if let (Some(()), Some(root)) = (ran, layout.get_untracked()) {
                    apply_filter(&root, &issue, f);
                }
            });
        });
    }
    // A static list: an issue's sections do not change once loaded.
    let mut start = 0;
    let sections = issue
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let first = start;
            start += section.items.len();
            view! {
                <SectionView
                    issue=issue.clone()
                    index=index
                    start=first
                    steps=steps.into()
                    filter
                />
            }
        })
        .collect_view();

    // The cards' actions, handled here for every card at once (the cards are static
    // content); what they did is announced in one live region.
    let announced = RwSignal::new(None::<fn(&Ui) -> &'static str>);
    let card_action = {
        let issue = issue.clone();
        move |event: web_sys::MouseEvent| {
            let Some((action, item_id)) = action_of(&event) else {
                return;
            };
            let Some(item) = issue
                .items()
                .map(|(_, i)| i)
                .find(|i| i.id.as_str() == item_id)
            else {
                return;
            };
            let mode = mode.get_untracked();
            let link = item_link(&page_address(), &issue, item, mode);
            let issue = issue.clone();
            let item = item.clone();
            announced.set(None);
            leptos::task::spawn_local(async move {
                let (text, copied): (String, fn(&Ui) -> &'static str) = match action.as_str() {
                    "link" => (link, |u| u.link_copied),
                    "cite" => (citation(&issue, &item, mode, &link), |u| u.citation_copied),
                    "share" => {
                        let lang = mode.primary();
                        // The title as read (its markup, like the citation's, plain).
                        let title = plain(item.title.show(lang).text);
                        // Cancelling the sheet is no failure: nothing to say.
                        let _ = share(&title, &cite(&issue, &item, lang, &link), &link).await;
                        return;
                    }
                    _ => return,
                };
                let said = match copy_text(&text).await {
                    Ok(()) => copied,
                    Err(_) => |u: &Ui| u.copy_failed,
                };
                announced.set(Some(said));
            });
        }
    };
    let announcement = move || announced.get().map(|pick| view! { <Label pick /> });

    view! {
        <Warnings warnings=parsed.warnings />
        <p class="nv-sr nv-announce" role="status">{announcement}</p>
        <div class="nv-layout" node_ref=layout>
            <div class="nv-side">
                <FilterPanel issue=issue.clone() />
                <ContentsNav issue=issue.clone() filter />
            </div>
            <div class="nv-content" on:click=card_action>
                {Static::build(|dom, parent| render::masthead(dom, parent, &issue))}
                <div class="nv-status">
                    <p class="nv-count" role="status" lang=move || mode.get().primary().tag()>{count_text}</p>
                    <ArrangementSwitch />
                </div>
                <p class="nv-empty" hidden=move || !nothing_shown()>
                    <Label pick=|u: &Ui| u.nothing_matches />
                </p>
                {sections}
                {Static::build(|dom, parent| render::footer(dom, parent, &issue))}
            </div>
        </div>
    }
}

/// Side by side or stacked, for "both" mode: pressed when side by side. The style sheet
/// shows it only where that applies (both mode on a wide screen).
#[component]
fn ArrangementSwitch() -> impl IntoView {
    let reading = use_reading();
    let arrangement = reading.arrangement();
    let side = move || arrangement.get() == Arrangement::SideBySide;
    view! {
        <button
            type="button"
            class="nv-button nv-arrange"
            aria-pressed=move || side().to_string()
            on:click=move |_| {
                reading.arrange(if side() { Arrangement::Stacked } else { Arrangement::SideBySide })
            }
        >
            <Label pick=|u: &Ui| u.side_by_side />
        </button>
    }
}

/// The action of the card button an event came from, and the card's item id.
fn action_of(event: &web_sys::MouseEvent) -> Option<(String, String)> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("[data-action]").ok()??;
    let card = button.closest("article[data-item]").ok()??;
    Some((
        button.get_attribute("data-action")?,
        card.get_attribute("data-item")?,
    ))
}

/// The issue's name in `lang`: its series and number, else its id.
pub fn issue_heading(issue: &Issue, lang: newsletter_core::Lang) -> String {
    match (&issue.series, issue.number) {
        (Some(series), Some(n)) => format!("{} No.{n}", series.show(lang).text),
        (Some(series), None) => series.show(lang).text.to_owned(),
        (None, Some(n)) => format!("No.{n}"),
        (None, None) => issue.id.to_string(),
    }
}

/// Takes the next step of rendering after the next frame, and again until all `all` steps
/// are taken. Stops when the issue view is gone (its signal disposed).
fn render_more(steps: RwSignal<usize>, all: usize) {
    request_animation_frame(move || {
        let more = steps.try_update(|n| {
            *n += 1;
            *n < all
        });
        if more == Some(true) {
            render_more(steps, all);
        }
    });
}

/// Shows and hides the rendered cards and contents entries under `root` for `filter`.
fn apply_filter(root: &web_sys::Element, issue: &Issue, filter: &Filter) {
    let visible = Visible::new(issue, filter);
    let hide = |element: &web_sys::Element, shown: Option<bool>| {
        if let Some(shown) = shown {
            let _ = element.toggle_attribute_with_force("hidden", !shown);
        }
    };
    // The contents entries and the cards rendered so far each follow the issue's order, so
    // the n-th of each is the issue's n-th item: no id is read back from the page (that was
    // a quarter of this pass on 2,000 items).
    for selector in [".nv-contents [data-item]", "article[data-item]"] {
        let mut n = 0;
        for_each(root, selector, |element| {
            hide(element, visible.item(n));
            n += 1;
        });
    }
    for_each(root, "[data-section]", |element| {
        let index = element.get_attribute("data-section");
        hide(
            element,
            index.and_then(|s| visible.section(s.parse().ok()?)),
        );
    });
}

/// A section heading and its cards; says so when the filter empties it.
#[component]
fn SectionView(
    issue: Arc<Issue>,
    /// The section's place in `issue.sections`.
    index: usize,
    /// The index of the section's first item in the whole issue.
    start: usize,
    /// How many steps of rendering the issue has taken.
    steps: Signal<usize>,
    filter: Memo<Filter>,
) -> impl IntoView {
    let section = &issue.sections[index];
    let heading_id = format!("section--{}", section.id);
    let labelled_by = heading_id.clone();
    let title = section.title.clone();
    let len = section.items.len();
    let emptied = {
        let issue = issue.clone();
        Memo::new(move |_| filter.with(|f| !f.shows_any(&issue.sections[index].items)))
    };
    // Keyed by step: each step of rendering appends its run of cards, as a static list, and
    // keeps those already there.
    let cards = view! {
        <For
            each=move || rendered_runs(start, len, steps.get())
            key=|(step, _)| *step
            children=move |(_, run)| {
                let issue = issue.clone();
                Static::build(move |dom, parent| {
                    let items = &issue.sections[index].items[run];
                    filter.with_untracked(|f| {
                        for item in items {
                            let hidden = !f.shows(item);
                            render::card(dom, parent, &issue, item, hidden, &region_name, Actions::Live);
                        }
                    });
                })
            }
        />
    };
    view! {
        <section class="nv-section" aria-labelledby=labelled_by>
            <h2 id=heading_id class="nv-section__title"><Line text=title /></h2>
            <p class="nv-section__empty" hidden=move || !emptied.get()>
                <Label pick=|u: &Ui| u.section_empty />
            </p>
            {cards}
        </section>
    }
}
