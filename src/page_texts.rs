//! An issue's item texts kept in the page as the browser's own strings.
//!
//! A large issue is mostly its items' titles and bodies. Read by the core's reader, the
//! whole file sits in wasm memory, which never shrinks, and each text is decoded again
//! into the page when it is shown. Instead the browser parses the file (`JSON.parse`), the
//! texts are taken out of the parsed tree into a JS array, each replaced by its index, and
//! the rest (a tenth of the file) is read and checked by the core's reader as usual
//! ([`newsletter_core::parse_issue_outside`]). A text without markup then goes into its
//! text node straight from the page's own string; one with markup is read into wasm memory
//! for the moment its markup is parsed. Taking the texts out reads none of them into wasm
//! memory: whether one is blank or literal is asked of the page's regular expressions.
//!
//! The browser's JSON and the core's agree on what is JSON, on a repeated key (the last
//! wins) and on a lone surrogate (shown as U+FFFD). One difference: the rest of the file
//! reaches the core's reader re-written by `JSON.stringify`, so a number is read as the
//! browser's number, and a count written `41.0` or `4.1e1` is taken as 41 where the core,
//! reading the file whole, refuses it (with a warning; the field is optional).

use js_sys::{Array, Number, Reflect, JSON};
use newsletter_core::model::{Keeper, OutsideTexts, SharedStr};
use send_wrapper::SendWrapper;
use std::any::Any;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::dom::{text_node, word};

/// The texts taken out of an issue, and which of them are literal (shown as they are, see
/// [`newsletter_core::markup::is_literal`]).
///
/// Each is a string until it is first shown or read, then a text node of the page: a
/// string handed to the DOM moves out of the JS heap into the DOM's storage, and a node and
/// its copies share that one string, where a string kept as such stays in the JS heap as
/// well (measured in a plain page: 8,000 texts of a 2,000-item issue held as strings beside
/// their nodes cost 1.06 MB of JS heap, held as nodes 0.36 MB).
struct PageTexts {
    texts: SendWrapper<Array>,
    literal: Vec<bool>,
}

impl PageTexts {
    /// The text at `index` as a node in no document; the first time, made from its string,
    /// which it replaces.
    fn node(&self, index: usize) -> web_sys::Text {
        let kept = self.texts.get(index as u32);
        if kept.is_string() {
            let node = text_node(&kept);
            self.texts.set(index as u32, node.clone().into());
            node
        } else {
            kept.unchecked_into()
        }
    }
}

impl Keeper for PageTexts {
    fn read(&self, index: usize) -> String {
        self.node(index).data()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A text node for `text`, when it is kept in the page and shown as it is: a copy of the
/// kept node, sharing its string. The kept node itself never goes into the document, so
/// nothing done to the page's nodes (a browser's page translation, say) changes the text.
pub fn literal(text: &SharedStr) -> Option<web_sys::Node> {
    let (keeper, index) = text.kept_outside()?;
    let page = keeper.as_any().downcast_ref::<PageTexts>()?;
    if !page.literal[index] {
        return None;
    }
    page.node(index).clone_node().ok()
}

/// `file` parsed by the browser with its item texts taken out: the rest of the file as
/// JSON, and the texts. None when the browser does not read the file as JSON (the core's
/// reader then reads it whole, and says where it is broken).
pub fn take_out(file: &JsValue) -> Option<(String, Arc<OutsideTexts>)> {
    let tree = parse_json(file).ok()?;
    let checks = Checks::new();
    let texts = Array::new();
    let mut literal = Vec::new();
    for section in elements(&tree, "sections") {
        for item in elements(&section, "items") {
            for field in ["title", "body"] {
                let Some(text) = member(&item, field).filter(is_object) else {
                    continue;
                };
                for lang in ["zh", "en"] {
                    let Some(value) = member(&text, lang).filter(JsValue::is_string) else {
                        continue;
                    };
                    // A blank text stays, for the reader to refuse.
                    if checks.blank.test_value(&value) {
                        continue;
                    }
                    literal.push(!checks.not_literal.test_value(&value));
                    let index = texts.push(&value) - 1;
                    let marker = Number::from(index).to_string_with_radix(10).ok()?;
                    Reflect::set(&text, word(lang), &marker).ok()?;
                }
            }
        }
    }
    // Into wasm memory as UTF-8 bytes at their exact size: a JS string passed as such is
    // copied through a buffer of three bytes per UTF-16 unit, three times the size.
    let rest = Encoder::new()
        .encode(&JSON::stringify(&tree).ok()?)
        .to_vec();
    let rest = String::from_utf8(rest).ok()?;
    let count = literal.len();
    let page = PageTexts {
        texts: SendWrapper::new(texts),
        literal,
    };
    Some((rest, OutsideTexts::new(Box::new(page), count)))
}

/// The core's checks of a text, as the page's regular expressions, so that a text need not
/// be read into wasm memory to be checked. `\p{White_Space}` is the set Rust's
/// `char::is_whitespace` (and so `str::trim`) uses; a browser test holds the two to agree
/// on every such character and more.
pub struct Checks {
    /// Empty after `trim()`: no text at all.
    pub blank: Pattern,
    /// Not [`newsletter_core::markup::is_literal`] (given that the text is not blank).
    pub not_literal: Pattern,
}

impl Checks {
    pub fn new() -> Checks {
        Checks {
            blank: Pattern::new(r"^\p{White_Space}*$", "u"),
            not_literal: Pattern::new(r"^\p{White_Space}|\p{White_Space}$|[*\[\n]", "u"),
        }
    }
}

impl Default for Checks {
    fn default() -> Checks {
        Checks::new()
    }
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a string of the page (js_sys's takes a Rust one, which would copy
    /// the whole file into wasm memory first).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;

    /// A regular expression of the page, tested on strings of the page.
    #[wasm_bindgen(js_name = RegExp)]
    pub type Pattern;
    #[wasm_bindgen(constructor, js_class = "RegExp")]
    fn new(source: &str, flags: &str) -> Pattern;
    #[wasm_bindgen(method, js_name = test)]
    pub fn test_value(this: &Pattern, text: &JsValue) -> bool;

    /// The page's `TextEncoder`, taking a string of the page.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Encoder;
    #[wasm_bindgen(method)]
    fn encode(this: &Encoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

fn is_object(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}

/// `object[key]`, if `object` is an object that has it.
fn member(object: &JsValue, key: &'static str) -> Option<JsValue> {
    if !is_object(object) {
        return None;
    }
    Reflect::get(object, word(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// The elements of the array `object[key]` (none if it is not an array).
fn elements(object: &JsValue, key: &'static str) -> impl Iterator<Item = JsValue> {
    let array = member(object, key)
        .filter(Array::is_array)
        .map(|array| array.unchecked_into::<Array>())
        .unwrap_or_default();
    array.into_iter()
}
