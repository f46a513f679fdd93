//! Showing newsletter texts and interface words in the reading mode, with the right `lang`
//! on every element. Markup is rendered from the core's tree as elements and text nodes,
//! never as inner HTML, straight into the DOM (see [`crate::components::dom`]).
//!
//! Every language a text has is rendered once, marked with the modes it is hidden in
//! (`nv-hide-en`…); the style sheet hides what the mode on `<html data-mode>` does not show.
//! So switching language changes one attribute: no card is rebuilt, no text re-parsed.

use leptos::prelude::*;
use newsletter_core::lang::Modes;
use newsletter_core::markup::{self, Inline};
use newsletter_core::ui::{self, format_date, Ui};
use newsletter_core::{Lang, LangMode, Text};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::{Element, Node};

use crate::browser::document::set_mode;
use crate::components::dom::{set, set_class, set_word, word, Dom, Static, Words};
use crate::state::use_reading;

/// Mirrors the reading mode outward to `<html lang>` and `<html data-mode>`, which the
/// style sheet follows; nothing reads them back.
#[component]
pub fn DocumentMode() -> impl IntoView {
    let mode = use_reading().mode();
    Effect::new(move |_| {
        let mode = mode.get();
        set_mode(mode.primary().tag(), mode.as_str());
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

/// `class` and the classes that hide an element outside `modes`, as a string of the page
/// (one per pair, made once: every language of every text has one).
fn class_in(class: &'static str, modes: Modes) -> &'static JsValue {
    thread_local! {
        static CLASSES: RefCell<Words<(&'static str, Modes)>> = RefCell::default();
    }
    CLASSES.with(|classes| {
        *classes
            .borrow_mut()
            .entry((class, modes))
            .or_insert_with(|| {
                let hiding = modes.hiding_classes();
                if hiding.is_empty() {
                    word(class)
                } else {
                    word(&format!("{class} {hiding}"))
                }
            })
    })
}

/// Interface words in the reading mode's language (both languages in "both" mode).
#[component]
pub fn Label(pick: fn(&Ui) -> &'static str) -> impl IntoView {
    Static::build(|dom, parent| dom.label(parent, pick))
}

/// A newsletter text on one line (titles, names); markup in it is rendered.
#[component]
pub fn Line(text: Text) -> impl IntoView {
    Static::build(|dom, parent| dom.line(parent, &text))
}

/// Texts and words, appended to `parent`.
impl Dom {
    /// `<tag class="{class} nv-hide-…" lang="…">`: one language of a text.
    fn in_lang(
        &self,
        parent: &Node,
        tag: &'static str,
        class: &'static str,
        modes: Modes,
        lang: Lang,
    ) -> Element {
        let element = self.element(parent, tag, "");
        set_class(&element, class_in(class, modes));
        set_word(&element, "lang", lang.tag());
        element
    }

    /// Interface words, in each language.
    pub fn label(&self, parent: &Node, pick: fn(&Ui) -> &'static str) {
        self.each_lang(parent, "nv-ui", |lang| pick(ui::ui(lang)));
    }

    /// A date of the data format, in each language.
    pub fn date(&self, parent: &Node, date: &str) {
        self.each_lang(parent, "nv-date", |lang| format_date(date, lang));
    }

    /// A `<span class="{class}">` per language, holding `words(lang)`: words the viewer
    /// writes itself, so every language has them.
    fn each_lang<S: AsRef<str>>(
        &self,
        parent: &Node,
        class: &'static str,
        words: impl Fn(Lang) -> S,
    ) {
        for lang in [Lang::Zh, Lang::En] {
            let span = self.in_lang(parent, "span", class, modes_of(lang), lang);
            self.text(&span, words(lang).as_ref());
        }
    }

    /// A text on one line, each language in a span.
    pub fn line(&self, parent: &Node, text: &Text) {
        let layout = text.layout();
        for (words, lang, modes) in layout.texts {
            let span = self.in_lang(parent, "span", "nv-t", modes, lang);
            self.inlines(&span, markup::parse_line(words));
        }
        self.notes(parent, &layout.notes);
    }

    /// A text of paragraphs, each language in a block.
    pub fn block(&self, parent: &Node, text: &Text) {
        let layout = text.layout();
        self.notes(parent, &layout.notes);
        for (words, lang, modes) in layout.texts {
            let block = self.in_lang(parent, "div", "nv-block", modes, lang);
            for paragraph in markup::parse(words) {
                let p = self.element(&block, "p", "");
                self.inlines(&p, paragraph);
            }
        }
    }

    fn inlines(&self, parent: &Element, pieces: Vec<Inline>) {
        for piece in pieces {
            match piece {
                Inline::Text(text) => self.text(parent, &text),
                Inline::Emphasis(children) => {
                    let em = self.element(parent, "em", "");
                    self.inlines(&em, children);
                }
                Inline::Link { href, children } => {
                    let a = self.element(parent, "a", "nv-link");
                    set(&a, "href", &href);
                    set_word(&a, "rel", "noopener noreferrer nofollow");
                    self.inlines(&a, children);
                }
            }
        }
    }

    /// "English translation unavailable" beside a text shown in place of a missing one, in
    /// the missing language (the reader who wanted it reads that language).
    fn notes(&self, parent: &Node, notes: &[(Lang, Modes)]) {
        for &(missing, modes) in notes {
            let span = self.in_lang(parent, "span", "nv-missing", modes, missing);
            self.text(&span, ui::ui(missing).missing(missing));
        }
    }
}
