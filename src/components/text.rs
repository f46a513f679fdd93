//! Showing newsletter texts and interface words in the reading mode, with the right `lang`
//! on every element. Markup is rendered from the core's tree as elements and text nodes,
//! never as inner HTML.

use leptos::prelude::*;
use newsletter_core::markup::{self, Inline};
use newsletter_core::model::Part;
use newsletter_core::ui::{self, Ui};
use newsletter_core::{Lang, Text};

use crate::state::{ui_words, use_reading};

/// Interface words in the reading mode's language (both languages in "both" mode).
#[component]
pub fn Label(pick: fn(&Ui) -> &'static str) -> impl IntoView {
    let mode = use_reading().mode();
    move || {
        ui_words(mode.get(), pick)
            .into_iter()
            .map(|(lang, words)| view! { <span class="nv-ui" lang=lang.tag()>{words}</span> })
            .collect_view()
    }
}

/// A newsletter text on one line (titles, names); markup in it is rendered.
#[component]
pub fn Line(text: Text) -> impl IntoView {
    let mode = use_reading().mode();
    move || {
        text.parts(mode.get())
            .into_iter()
            .map(|part| {
                view! {
                    <span class="nv-t" lang=part.lang.tag()>
                        {inlines(markup::parse_line(part.text))}
                    </span>
                    {missing_note(part)}
                }
            })
            .collect_view()
    }
}

/// A newsletter text of paragraphs (bodies, the disclaimer), one block per language shown.
#[component]
pub fn Block(text: Text) -> impl IntoView {
    let mode = use_reading().mode();
    move || {
        text.parts(mode.get())
            .into_iter()
            .map(|part| {
                let paragraphs = markup::parse(part.text)
                    .into_iter()
                    .map(|paragraph| view! { <p>{inlines(paragraph)}</p> })
                    .collect_view();
                view! {
                    <div class="nv-block" lang=part.lang.tag()>
                        {missing_note(part)}
                        {paragraphs}
                    </div>
                }
            })
            .collect_view()
    }
}

/// "English translation unavailable" beside a text shown in place of a missing one, in the
/// missing language (the reader who wanted it reads that language).
fn missing_note(part: Part<'_>) -> Option<impl IntoView + use<>> {
    part.missing.map(|missing: Lang| {
        view! {
            <span class="nv-missing" lang=missing.tag()>
                {ui::ui(missing).missing(missing)}
            </span>
        }
    })
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
