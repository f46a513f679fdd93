//! Showing newsletter texts and interface words in the reading mode, with the right `lang`
//! on every element. The core's renderer (`newsletter_core::render`) makes the elements;
//! here they go straight into the DOM as elements and text nodes, never as inner HTML (see
//! [`crate::components::dom`]).
//!
//! Every language a text has is rendered once, marked with the modes it is hidden in
//! (`nv-hide-en`…); the style sheet hides what the mode on `<html data-mode>` does not show.
//! So switching language changes one attribute: no card is rebuilt, no text re-parsed.

use leptos::prelude::*;
use newsletter_core::lang::Modes;
use newsletter_core::render::Tree;
use newsletter_core::ui::Ui;
use newsletter_core::Text;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Node;

use crate::browser::document::{set_layout, set_mode};
use crate::components::dom::{set, set_class, set_word, word, Dom, Static, Words};
use crate::state::use_reading;

/// Mirrors the reading mode outward to `<html lang>` and `<html data-mode>`, and the
/// arrangement to `<html data-layout>`, which the style sheet follows; nothing reads them
/// back.
#[component]
pub fn DocumentMode() -> impl IntoView {
    let reading = use_reading();
    let mode = reading.mode();
    Effect::new(move |_| {
        let mode = mode.get();
        set_mode(mode.primary().tag(), mode.as_str());
    });
    let arrangement = reading.arrangement();
    Effect::new(move |_| set_layout(arrangement.get().as_str()));
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

/// The viewer's tree is the page: the core's renderer writes straight into DOM nodes, with
/// the code's own words passed as strings of the page (see [`word`]).
impl Tree for Dom {
    type Node = Node;

    fn element(&self, parent: &Node, tag: &'static str, class: &'static str) -> Node {
        Dom::element(self, parent, tag, class).into()
    }

    fn attr(&self, element: &Node, name: &'static str, value: &str) {
        set(element.unchecked_ref(), name, value);
    }

    fn word(&self, element: &Node, name: &'static str, value: &'static str) {
        set_word(element.unchecked_ref(), name, value);
    }

    fn lang_class(&self, element: &Node, class: &'static str, modes: Modes) {
        set_class(element.unchecked_ref(), class_in(class, modes));
    }

    fn text(&self, parent: &Node, text: &str) {
        Dom::text(self, parent.unchecked_ref(), text);
    }
}
