//! An issue's item texts kept in the page as the browser's own strings.
//!
//! A large issue is mostly its items' titles and bodies. Read by the core's reader, the
//! whole file sits in wasm memory, which never shrinks, and each text is decoded again
//! into the page when it is shown. Instead the browser parses the file (`JSON.parse`), the
//! texts are taken out of the parsed tree into a JS array, each replaced by its index, and
//! the rest (a tenth of the file) is read and checked by the core's reader as usual
//! ([`newsletter_core::parse_issue_outside`]). A text without markup then goes into its
//! text node straight from the page's own string; one with markup is read into wasm memory
//! for the moment its markup is parsed.

use js_sys::{Array, Reflect, JSON};
use newsletter_core::markup::is_literal;
use newsletter_core::model::{Keeper, OutsideTexts, SharedStr};
use send_wrapper::SendWrapper;
use std::any::Any;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The texts taken out of an issue, each in a text node of the page that is in no document
/// (the page shows copies of it), and which of them are literal (shown as they are, see
/// [`is_literal`]).
///
/// Nodes rather than the strings: a string handed to the DOM moves out of the JS heap into
/// the DOM's storage, and the node and its copies share that one string, where a string
/// kept as such stays in the JS heap as well (measured in a plain page: 8,000 texts of a
/// 2,000-item issue held as strings beside their nodes cost 1.06 MB of JS heap, held as
/// nodes 0.36 MB).
struct PageTexts {
    texts: SendWrapper<Array>,
    literal: Vec<bool>,
}

impl Keeper for PageTexts {
    fn read(&self, index: usize) -> String {
        node(&self.texts, index).data()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn node(texts: &Array, index: usize) -> web_sys::Text {
    texts.get(index as u32).unchecked_into()
}

/// A text node for `text`, when it is kept in the page and shown as it is: a copy of the
/// kept node, sharing its string.
pub fn literal(text: &SharedStr) -> Option<web_sys::Node> {
    let (keeper, index) = text.kept_outside()?;
    let page = keeper.as_any().downcast_ref::<PageTexts>()?;
    if !page.literal[index] {
        return None;
    }
    node(&page.texts, index).clone_node().ok()
}

/// `file` parsed by the browser with its item texts taken out: the rest of the file as
/// JSON, and the texts. None when the browser does not read the file as JSON (the core's
/// reader then reads it whole, and says where it is broken).
pub fn take_out(file: &JsValue) -> Option<(String, Arc<OutsideTexts>)> {
    let tree = parse_json(file).ok()?;
    let document = web_sys::window()?.document()?;
    let document: &Page = document.unchecked_ref();
    let texts = Array::new();
    let mut literal = Vec::new();
    for section in elements(&tree, "sections") {
        for item in elements(&section, "items") {
            for field in ["title", "body"] {
                let Some(text) = member(&item, field).filter(is_object) else {
                    continue;
                };
                for lang in ["zh", "en"] {
                    let Some(value) = member(&text, lang) else {
                        continue;
                    };
                    let Some(words) = value.as_string() else {
                        continue;
                    };
                    // A blank text stays, for the reader to refuse.
                    if words.trim().is_empty() {
                        continue;
                    }
                    literal.push(is_literal(&words));
                    let index = texts.push(&document.create_text(&value)) - 1;
                    Reflect::set(&text, &lang.into(), &index.to_string().into()).ok()?;
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

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a string of the page (js_sys's takes a Rust one, which would copy
    /// the whole file into wasm memory first).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = Document)]
    type Page;
    /// `createTextNode` with a string of the page.
    #[wasm_bindgen(method, js_name = createTextNode)]
    fn create_text(this: &Page, data: &JsValue) -> web_sys::Text;

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
fn member(object: &JsValue, key: &str) -> Option<JsValue> {
    if !is_object(object) {
        return None;
    }
    Reflect::get(object, &key.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

/// The elements of the array `object[key]` (none if it is not an array).
fn elements(object: &JsValue, key: &str) -> impl Iterator<Item = JsValue> {
    let array = member(object, key)
        .filter(Array::is_array)
        .map(|array| array.unchecked_into::<Array>())
        .unwrap_or_default();
    array.into_iter()
}
