//! One issue: masthead, the contents and filter beside the sections of cards, then the
//! disclaimer and contacts.

use leptos::prelude::*;
use newsletter_core::filter::{shown_count, Filter, Visible};
use newsletter_core::rendering::{render_steps, rendered_runs};
use newsletter_core::ui::{fill, ui, Ui};
use newsletter_core::{Issue, Item, Parsed};
use std::sync::Arc;
use web_sys::Node;

use crate::browser::document::{for_each, reveal, scroll_to, set_title};
use crate::browser::region::region_name;
use crate::components::contents::ContentsNav;
use crate::components::dom::{set, set_word, Dom, Static};
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
    // top of the issue shows without waiting for the whole of it.
    let total = issue.items().count();
    let all_steps = render_steps(total);
    let steps = RwSignal::new(1);
    if all_steps > 1 {
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

    view! {
        <Warnings warnings=parsed.warnings />
        <div class="nv-layout" node_ref=layout>
            <div class="nv-side">
                <FilterPanel issue=issue.clone() />
                <ContentsNav issue=issue.clone() filter />
            </div>
            <div class="nv-content">
                {Static::build(|dom, parent| masthead(dom, parent, &issue))}
                <p class="nv-count" role="status" lang=move || mode.get().primary().tag()>{count_text}</p>
                <p class="nv-empty" hidden=move || !nothing_shown()>
                    <Label pick=|u: &Ui| u.nothing_matches />
                </p>
                {sections}
                {Static::build(|dom, parent| footer(dom, parent, &issue))}
            </div>
        </div>
    }
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

/// Publisher, publication and its number, series and issue number, date.
fn masthead(dom: &Dom, parent: &Node, issue: &Issue) {
    let header = dom.element(parent, "header", "nv-masthead");
    if let Some(publisher) = &issue.publisher {
        let p = dom.element(&header, "p", "nv-masthead__publisher");
        dom.line(&p, publisher);
    }
    let number = |parent: &web_sys::Element, n: Option<u32>| {
        if let Some(n) = n {
            let span = dom.element(parent, "span", "nv-masthead__no");
            set_word(&span, "lang", "en");
            dom.text(&span, &format!("No.{n}"));
        }
    };
    let title = dom.element(&header, "h1", "nv-masthead__title");
    set_word(&title, "id", "nv-title");
    set_word(&title, "tabindex", "-1");
    match &issue.publication {
        Some(publication) => dom.line(&title, publication),
        None => {
            let span = dom.element(&title, "span", "");
            set_word(&span, "lang", "en");
            dom.text(&span, issue.id.as_str());
        }
    }
    number(&title, issue.publication_number);
    if issue.series.is_some() || issue.number.is_some() {
        let p = dom.element(&header, "p", "nv-masthead__series");
        if let Some(series) = &issue.series {
            dom.line(&p, series);
        }
        number(&p, issue.number);
    }
    if let Some(date) = &issue.date {
        let p = dom.element(&header, "p", "nv-masthead__date");
        let time = dom.element(&p, "time", "");
        set(&time, "datetime", date.as_str());
        dom.date(&time, date.as_str());
    }
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
                            card(dom, parent, &issue, item, !f.shows(item));
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

/// One item's card: title, date, regulator, jurisdiction, body and source. `hidden` when
/// the filter leaves it out (later changes are applied by `apply_filter`).
fn card(dom: &Dom, parent: &Node, issue: &Issue, item: &Item, hidden: bool) {
    let article = dom.element(parent, "article", "nv-card");
    let title_id = format!("{}--title", item.id);
    set(&article, "id", item.id.as_str());
    set(&article, "aria-labelledby", &title_id);
    set(&article, "data-jurisdiction", item.jurisdiction.as_str());
    set(&article, "data-item", item.id.as_str());
    if hidden {
        set_word(&article, "hidden", "");
    }
    let title = dom.element(&article, "h3", "nv-card__title");
    set(&title, "id", &title_id);
    dom.line(&title, &item.title);

    let meta = dom.element(&article, "p", "nv-card__meta");
    if let Some(day) = &item.date {
        let time = dom.element(&meta, "time", "nv-card__date");
        set(&time, "datetime", day.as_str());
        dom.date(&time, day.as_str());
    }
    if let Some(regulator) = &item.regulator {
        let span = dom.element(&meta, "span", "nv-card__regulator");
        dom.line(&span, regulator);
    }
    let jurisdiction = dom.element(&meta, "span", "nv-card__jurisdiction");
    dom.line(
        &jurisdiction,
        &issue.jurisdiction_name(&item.jurisdiction, region_name),
    );

    let body = dom.element(&article, "div", "nv-card__body");
    dom.block(&body, &item.body);

    if let Some(href) = item.source.as_deref() {
        let source = dom.element(&article, "p", "nv-card__source");
        let link = dom.element(&source, "a", "nv-link");
        set(&link, "href", href);
        set_word(&link, "rel", "noopener noreferrer nofollow");
        set_word(&link, "target", "_blank");
        dom.label(&link, |u| u.source);
        let url = dom.element(&source, "span", "nv-card__url");
        set_word(&url, "lang", "en");
        dom.text(&url, href);
    }
}

/// Disclaimer, the line inviting readers to follow, offices, and how to get in touch.
fn footer(dom: &Dom, parent: &Node, issue: &Issue) {
    let footer = dom.element(parent, "footer", "nv-footer");
    let heading = |section: &web_sys::Element, id: &str, pick: fn(&Ui) -> &'static str| {
        let h2 = dom.element(section, "h2", "nv-footer__heading");
        set(&h2, "id", id);
        dom.label(&h2, pick);
    };
    if let Some(disclaimer) = &issue.disclaimer {
        let section = dom.element(&footer, "section", "nv-footer__disclaimer");
        set(&section, "aria-labelledby", "nv-disclaimer");
        heading(&section, "nv-disclaimer", |u| u.disclaimer);
        dom.block(&section, disclaimer);
    }
    let Some(contact) = &issue.contact else {
        return;
    };
    let website = contact.website.as_deref();
    let has_rows = website.is_some()
        || contact.email.is_some()
        || contact.phone.is_some()
        || contact.fax.is_some();
    if !has_rows && contact.follow.is_none() && contact.offices.is_empty() {
        return;
    }
    let section = dom.element(&footer, "section", "nv-footer__contact");
    set(&section, "aria-labelledby", "nv-contact");
    heading(&section, "nv-contact", |u| u.contact);
    if let Some(follow) = &contact.follow {
        let p = dom.element(&section, "p", "nv-footer__follow");
        dom.line(&p, follow);
    }
    if !contact.offices.is_empty() {
        let offices = dom.element(&section, "div", "nv-footer__offices");
        let h3 = dom.element(&offices, "h3", "nv-sr");
        dom.label(&h3, |u| u.offices);
        let list = dom.element(&offices, "ul", "nv-footer__office-list");
        for office in &contact.offices {
            let li = dom.element(&list, "li", "");
            dom.line(&li, office);
        }
    }
    let rows = dom.element(&section, "ul", "nv-footer__rows");
    // One row: the key in the reading language, then the value (written in Latin letters).
    let row = |key: fn(&Ui) -> &'static str, tag: &'static str, text: &str, href: Option<&str>| {
        let li = dom.element(&rows, "li", "");
        let span = dom.element(&li, "span", "nv-footer__key");
        dom.label(&span, key);
        dom.text(&li, " ");
        let value = dom.element(&li, tag, if href.is_some() { "nv-link" } else { "" });
        if let Some(href) = href {
            set(&value, "href", href);
        }
        set_word(&value, "lang", "en");
        dom.text(&value, text);
        value
    };
    if let Some(site) = website {
        let shown = site
            .split_once("://")
            .map_or(site, |(_, rest)| rest)
            .trim_end_matches('/');
        let link = row(|u| u.website, "a", shown, Some(site));
        set_word(&link, "rel", "noopener noreferrer");
        set_word(&link, "target", "_blank");
    }
    if let Some(email) = &contact.email {
        row(|u| u.email, "a", email, Some(&format!("mailto:{email}")));
    }
    if let Some(phone) = &contact.phone {
        row(|u| u.phone, "span", phone, None);
    }
    if let Some(fax) = &contact.fax {
        row(|u| u.fax, "span", fax, None);
    }
}
