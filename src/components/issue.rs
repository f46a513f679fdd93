//! One issue: masthead, the contents and filter beside the sections of cards, then the
//! disclaimer and contacts.

use leptos::prelude::*;
use newsletter_core::filter::{shown_count, Filter, Shown};
use newsletter_core::markup::safe_url;
use newsletter_core::model::Code;
use newsletter_core::rendering::{render_steps, rendered_runs};
use newsletter_core::ui::{fill, ui, Ui};
use newsletter_core::{Issue, Item, Parsed, Text};
use std::sync::Arc;
use web_sys::Node;

use crate::browser;
use crate::components::contents::ContentsNav;
use crate::components::dom::{set, Dom, Static};
use crate::components::filter::FilterPanel;
use crate::components::text::{Block, DateText, Label, Line};
use crate::components::Warnings;
use crate::state::{use_reading, use_view};

/// The whole reading view of a loaded issue.
#[component]
pub fn IssueView(parsed: Parsed<Arc<Issue>>) -> impl IntoView {
    // The first content is in place: the page may be painted.
    Effect::new(|_| browser::reveal());
    let issue = parsed.value;
    let view = use_view();
    let mode = use_reading().mode();
    let filter = view.filter();

    // Mirrors the issue and language outward to the document title (nothing reads it back).
    {
        let issue = issue.clone();
        Effect::new(move |_| {
            let lang = mode.get().primary();
            let mut title = issue_heading(&issue, lang);
            if let Some(publication) = &issue.publication {
                title = format!("{title} – {}", publication.show(lang).text);
            }
            browser::set_title(&title);
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
    let item = view.item();
    let all_rendered = Memo::new(move |_| steps.get() >= all_steps);
    Effect::new(move |_| {
        if let (true, Some(id)) = (all_rendered.get(), item.get()) {
            browser::after_render(move || browser::scroll_to(&id));
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
                <Masthead issue=issue.clone() />
                <p class="nv-count" role="status" lang=move || mode.get().primary().tag()>{count_text}</p>
                <p class="nv-empty" hidden=move || !nothing_shown()>
                    <Label pick=|u: &Ui| u.nothing_matches />
                </p>
                {sections}
                <IssueFooter issue=issue.clone() />
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
    browser::after_render(move || {
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
    let shown = Shown::new(issue, filter);
    let hide = |element: &web_sys::Element, shown: Option<bool>| {
        if let Some(shown) = shown {
            let _ = element.toggle_attribute_with_force("hidden", !shown);
        }
    };
    browser::for_each(root, "[data-item]", |element| {
        let id = element.get_attribute("data-item");
        hide(element, id.and_then(|id| shown.item(&id)));
    });
    browser::for_each(root, "[data-section]", |element| {
        let index = element.get_attribute("data-section");
        hide(element, index.and_then(|s| shown.section(s.parse().ok()?)));
    });
}

/// Publisher, publication and its number, series and issue number, date.
#[component]
fn Masthead(issue: Arc<Issue>) -> impl IntoView {
    let date = issue.date.clone().map(|date| {
        let datetime = date.to_string();
        let shown = datetime.clone();
        view! {
            <p class="nv-masthead__date">
                <time datetime=datetime><DateText date=shown /></time>
            </p>
        }
    });
    let number = |n: Option<u32>| {
        n.map(|n| view! { <span class="nv-masthead__no" lang="en">{format!("No.{n}")}</span> })
    };
    let heading = match &issue.publication {
        Some(publication) => view! { <Line text=publication.clone() /> }.into_any(),
        None => view! { <span lang="en">{issue.id.to_string()}</span> }.into_any(),
    };
    view! {
        <header class="nv-masthead">
            {issue.publisher.clone().map(|p| view! { <p class="nv-masthead__publisher"><Line text=p /></p> })}
            <h1 id="nv-title" class="nv-masthead__title" tabindex="-1">
                {heading}
                {number(issue.publication_number)}
            </h1>
            {(issue.series.is_some() || issue.number.is_some()).then(|| view! {
                <p class="nv-masthead__series">
                    {issue.series.clone().map(|s| view! { <Line text=s /> })}
                    {number(issue.number)}
                </p>
            })}
            {date}
        </header>
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

/// The name of a jurisdiction: the issue's own, else the browser's, else the code.
pub fn jurisdiction_name(issue: &Issue, code: &Code) -> Text {
    if let Some(name) = issue.jurisdictions.get(code) {
        return name.clone();
    }
    let zh = browser::region_name(code.as_str(), "zh");
    let en = browser::region_name(code.as_str(), "en");
    if zh.is_none() && en.is_none() {
        return Text::new(code.as_str(), code.as_str());
    }
    Text {
        zh: zh.map(Into::into),
        en: en.map(Into::into),
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
        set(&article, "hidden", "");
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
    dom.line(&jurisdiction, &jurisdiction_name(issue, &item.jurisdiction));

    let body = dom.element(&article, "div", "nv-card__body");
    dom.block(&body, &item.body);

    if let Some(href) = item.source.as_deref().and_then(|s| safe_url(s, false)) {
        let source = dom.element(&article, "p", "nv-card__source");
        let link = dom.element(&source, "a", "nv-link");
        set(&link, "href", href);
        set(&link, "rel", "noopener noreferrer nofollow");
        set(&link, "target", "_blank");
        dom.label(&link, |u| u.source);
        let url = dom.element(&source, "span", "nv-card__url");
        set(&url, "lang", "en");
        dom.text(&url, href);
    }
}

/// Disclaimer, the line inviting readers to follow, offices, and how to get in touch.
#[component]
fn IssueFooter(issue: Arc<Issue>) -> impl IntoView {
    let contact = issue.contact.clone().unwrap_or_default();
    let offices = (!contact.offices.is_empty()).then(|| {
        let list = contact
            .offices
            .iter()
            .map(|office| view! { <li><Line text=office.clone() /></li> })
            .collect_view();
        view! {
            <div class="nv-footer__offices">
                <h3 class="nv-sr"><Label pick=|u: &Ui| u.offices /></h3>
                <ul class="nv-footer__office-list">{list}</ul>
            </div>
        }
    });
    let row = |label: fn(&Ui) -> &'static str, value: AnyView| {
        view! { <li><span class="nv-footer__key"><Label pick=label /></span>" "{value}</li> }
    };
    let mut rows = Vec::new();
    if let Some(site) = contact.website.as_deref().and_then(|s| safe_url(s, false)) {
        let shown = site
            .split_once("://")
            .map_or(site, |(_, rest)| rest)
            .trim_end_matches('/')
            .to_owned();
        rows.push(row(
            |u| u.website,
            view! { <a class="nv-link" href=site.to_owned() rel="noopener noreferrer" target="_blank" lang="en">{shown}</a> }
                .into_any(),
        ));
    }
    if let Some(email) = contact.email.clone() {
        let href = format!("mailto:{email}");
        rows.push(row(
            |u| u.email,
            view! { <a class="nv-link" href=href lang="en">{email}</a> }.into_any(),
        ));
    }
    if let Some(phone) = contact.phone.clone() {
        rows.push(row(
            |u| u.phone,
            view! { <span lang="en">{phone}</span> }.into_any(),
        ));
    }
    if let Some(fax) = contact.fax.clone() {
        rows.push(row(
            |u| u.fax,
            view! { <span lang="en">{fax}</span> }.into_any(),
        ));
    }
    let has_contact = !rows.is_empty() || contact.follow.is_some() || !contact.offices.is_empty();
    view! {
        <footer class="nv-footer">
            {issue.disclaimer.clone().map(|d| view! {
                <section class="nv-footer__disclaimer" aria-labelledby="nv-disclaimer">
                    <h2 id="nv-disclaimer" class="nv-footer__heading"><Label pick=|u: &Ui| u.disclaimer /></h2>
                    <Block text=d />
                </section>
            })}
            {has_contact.then(|| view! {
                <section class="nv-footer__contact" aria-labelledby="nv-contact">
                    <h2 id="nv-contact" class="nv-footer__heading"><Label pick=|u: &Ui| u.contact /></h2>
                    {contact.follow.clone().map(|f| view! { <p class="nv-footer__follow"><Line text=f /></p> })}
                    {offices}
                    <ul class="nv-footer__rows">{rows}</ul>
                </section>
            })}
        </footer>
    }
}
