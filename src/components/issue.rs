//! One issue: masthead, the contents and filter beside the sections of cards, then the
//! disclaimer and contacts.

use leptos::prelude::*;
use newsletter_core::contents::{rendered_in_section, CARDS_PER_FRAME, FIRST_CARDS};
use newsletter_core::filter::{shown_count, Filter};
use newsletter_core::markup::safe_url;
use newsletter_core::model::Code;
use newsletter_core::ui::{fill, ui, Ui};
use newsletter_core::{Issue, Parsed, Text};
use std::sync::Arc;

use crate::browser;
use crate::components::contents::ContentsNav;
use crate::components::filter::FilterPanel;
use crate::components::text::{Block, DateText, Label, Line};
use crate::components::Warnings;
use crate::state::{use_reading, use_view};

/// The whole reading view of a loaded issue.
#[component]
pub fn IssueView(parsed: Parsed<Arc<Issue>>) -> impl IntoView {
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
    // A deep link (or a fragment changed by back/forward) scrolls to its item once the
    // issue is in the page; the browser's own scrolling ran before the cards existed.
    let total = issue.items().count();
    let rendered = RwSignal::new(FIRST_CARDS.min(total));
    let item = view.item();
    let all_rendered = Memo::new(move |_| rendered.get() >= total);
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
    // Static lists: an issue's sections and items do not change once loaded; the filter
    // hides cards rather than removing them, so their text nodes are kept.
    // Large issues render in steps: the first cards at once, then a chunk per frame, so the
    // top of the issue shows without waiting for the whole of it.
    if total > FIRST_CARDS {
        render_more(rendered, total);
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
                    rendered=rendered.into()
                    filter
                />
            }
        })
        .collect_view();

    view! {
        <Warnings warnings=parsed.warnings />
        <div class="nv-layout">
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

/// Adds a chunk of cards after the next frame, and again until all `total` are rendered.
/// Stops when the issue view is gone (its signal disposed).
fn render_more(rendered: RwSignal<usize>, total: usize) {
    browser::after_render(move || {
        let more = rendered.try_update(|n| {
            *n = (*n + CARDS_PER_FRAME).min(total);
            *n < total
        });
        if more == Some(true) {
            render_more(rendered, total);
        }
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
    /// How many items of the whole issue are rendered so far.
    rendered: Signal<usize>,
    filter: Memo<Filter>,
) -> impl IntoView {
    let section = &issue.sections[index];
    let heading_id = format!("section--{}", section.id);
    let labelled_by = heading_id.clone();
    let title = section.title.clone();
    let len = section.items.len();
    let shown = {
        let issue = issue.clone();
        Memo::new(move |_| {
            let items = &issue.sections[index].items;
            filter.with(|f| items.iter().filter(|item| f.shows(item)).count())
        })
    };
    let emptied = move || shown.get() == 0;
    // Keyed: each step of rendering appends cards and keeps those already there.
    let cards = view! {
        <For
            each=move || 0..rendered_in_section(start, len, rendered.get())
            key=|i| *i
            children=move |i| view! { <ItemCard issue=issue.clone() section=index item=i filter /> }
        />
    };
    view! {
        <section class="nv-section" aria-labelledby=labelled_by>
            <h2 id=heading_id class="nv-section__title"><Line text=title /></h2>
            <p class="nv-section__empty" hidden=move || !emptied()>
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

/// One item: title, date, regulator, jurisdiction, body and source.
#[component]
fn ItemCard(
    issue: Arc<Issue>,
    /// Where the item is: `issue.sections[section].items[item]`.
    section: usize,
    item: usize,
    filter: Memo<Filter>,
) -> impl IntoView {
    let hidden = {
        let issue = issue.clone();
        move || filter.with(|f| !f.shows(&issue.sections[section].items[item]))
    };
    let item = &issue.sections[section].items[item];
    let title_id = format!("{}--title", item.id);
    let labelled_by = title_id.clone();
    let date = item.date.clone().map(|day| {
        let datetime = day.to_string();
        let shown = datetime.clone();
        view! {
            <time class="nv-card__date" datetime=datetime>
                <DateText date=shown />
            </time>
        }
    });
    let source = item.source.as_deref().and_then(|s| safe_url(s, false)).map(|href| {
        view! {
            <p class="nv-card__source">
                <a href=href.to_owned() class="nv-link" rel="noopener noreferrer nofollow" target="_blank">
                    <Label pick=|u: &Ui| u.source />
                </a>
                <span class="nv-card__url" lang="en">{href.to_owned()}</span>
            </p>
        }
    });
    view! {
        <article
            class="nv-card"
            id=item.id.to_string()
            aria-labelledby=labelled_by
            data-jurisdiction=item.jurisdiction.to_string()
            hidden=hidden
        >
            <h3 id=title_id class="nv-card__title"><Line text=item.title.clone() /></h3>
            <p class="nv-card__meta">
                {date}
                {item.regulator.clone().map(|r| view! { <span class="nv-card__regulator"><Line text=r /></span> })}
                <span class="nv-card__jurisdiction">
                    <Line text=jurisdiction_name(&issue, &item.jurisdiction) />
                </span>
            </p>
            <div class="nv-card__body"><Block text=item.body.clone() /></div>
            {source}
        </article>
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
