//! Showing newsletter texts and interface words in the reading mode, with the right `lang`
//! on every element. Markup is rendered from the core's tree as elements and text nodes,
//! never as inner HTML.
//!
//! Every language a text has is rendered once, marked with the modes it is hidden in
//! (`nv-hide-en`…); the style sheet hides what the mode on `<html data-mode>` does not show.
//! So switching language changes one attribute: no card is rebuilt, no text re-parsed.

use leptos::prelude::*;
use newsletter_core::lang::Modes;
use newsletter_core::markup::{self, Inline};
use newsletter_core::ui::{self, format_date, Ui};
use newsletter_core::{Lang, LangMode, Text};

use crate::browser;
use crate::state::use_reading;

/// Mirrors the reading mode outward to `<html lang>` and `<html data-mode>`, which the
/// style sheet follows; nothing reads them back.
#[component]
pub fn DocumentMode() -> impl IntoView {
    let mode = use_reading().mode();
    Effect::new(move |_| {
        let mode = mode.get();
        browser::set_mode(mode.primary().tag(), mode.as_str());
    });
}

/// The modes in which `lang` is shown on its own or beside the other language.
pub(crate) fn modes_of(lang: Lang) -> Modes {
    let alone = match lang {
        Lang::Zh => LangMode::Zh,
        Lang::En => LangMode::En,
    };
    Modes::default().with(alone).with(LangMode::Both)
}

/// Interface words in the reading mode's language (both languages in "both" mode).
#[component]
pub fn Label(pick: fn(&Ui) -> &'static str) -> impl IntoView {
    [Lang::Zh, Lang::En]
        .into_iter()
        .map(|lang| {
            let class = format!("nv-ui {}", modes_of(lang).hiding_classes());
            view! { <span class=class lang=lang.tag()>{pick(ui::ui(lang))}</span> }
        })
        .collect_view()
}

/// A date of the data format, written for each language.
#[component]
pub fn DateText(date: String) -> impl IntoView {
    [Lang::Zh, Lang::En]
        .into_iter()
        .map(|lang| {
            let class = format!("nv-date {}", modes_of(lang).hiding_classes());
            view! { <span class=class lang=lang.tag()>{format_date(&date, lang)}</span> }
        })
        .collect_view()
}

/// A newsletter text on one line (titles, names); markup in it is rendered.
#[component]
pub fn Line(text: Text) -> impl IntoView {
    let layout = text.layout();
    let texts = layout
        .texts
        .into_iter()
        .map(|(words, lang, modes)| {
            let class = format!("nv-t {}", modes.hiding_classes());
            view! {
                <span class=class lang=lang.tag()>{inlines(markup::parse_line(words))}</span>
            }
        })
        .collect_view();
    view! {
        {texts}
        {notes(&layout.notes)}
    }
}

/// A newsletter text of paragraphs (bodies, the disclaimer), one block per language.
#[component]
pub fn Block(text: Text) -> impl IntoView {
    let layout = text.layout();
    let blocks = layout
        .texts
        .into_iter()
        .map(|(words, lang, modes)| {
            let class = format!("nv-block {}", modes.hiding_classes());
            let paragraphs = markup::parse(words)
                .into_iter()
                .map(|paragraph| view! { <p>{inlines(paragraph)}</p> })
                .collect_view();
            view! { <div class=class lang=lang.tag()>{paragraphs}</div> }
        })
        .collect_view();
    view! {
        {notes(&layout.notes)}
        {blocks}
    }
}

/// "English translation unavailable" beside a text shown in place of a missing one, in the
/// missing language (the reader who wanted it reads that language).
fn notes(notes: &[(Lang, Modes)]) -> impl IntoView + use<> {
    notes
        .iter()
        .map(|&(missing, modes)| {
            let class = format!("nv-missing {}", modes.hiding_classes());
            view! { <span class=class lang=missing.tag()>{ui::ui(missing).missing(missing)}</span> }
        })
        .collect_view()
}

fn inlines(pieces: Vec<Inline>) -> AnyView {
    pieces.into_iter().map(inline).collect_view().into_any()
}

fn inline(piece: Inline) -> AnyView {
    match piece {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(children) => view! { <em>{inlines(children)}</em> }.into_any(),
        Inline::Link { href, children } => view! {
            <a href=href rel="noopener noreferrer nofollow" class="nv-link">
                {inlines(children)}
            </a>
        }
        .into_any(),
    }
}
