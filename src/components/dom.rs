//! Content that never changes once rendered (the texts and cards of an issue, the
//! interface's words), built straight into DOM nodes.
//!
//! A text is shown in every mode by hiding, and the filter hides cards rather than
//! removing them, so this content is never re-rendered: a view state for each of its
//! elements, attributes and strings would only hold memory (about 14 KB and 300
//! allocations per card when measured). A [`Static`] keeps only its first and last node,
//! to move or remove them.
//!
//! Text goes in as text nodes and attributes through `setAttribute`, links only with the
//! hrefs the markup parser let through: nothing is ever parsed as HTML.
//!
//! What this relies on in Leptos: [`Static`] implements tachys' `Render`, `Mountable` and
//! `RenderHtml` (the traits behind `view!`), so it can stand in a view like any element.
//! Leptos calls `build` once, `mount`/`unmount` when the view moves or goes, `rebuild` when
//! a reactive closure returns a new one, and `insert_before_this` when a sibling is
//! inserted before it; `RenderHtml` is only asked for server rendering and hydration, which
//! this client-side app never does. Those traits are the part of a Leptos upgrade to check:
//! they are public API but not stable between minor versions (`Cargo.toml` keeps Leptos at
//! 0.8). An upgrade is tested by the browser tests that mount real components over it
//! (`tests/web.rs`: cards, contents, the picker, and re-rendering in steps) and by the
//! end-to-end tests (switching issues and languages, back and forward, filtering), which
//! move, replace and remove these views.

use leptos::attr::any_attribute::AnyAttribute;
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use leptos::wasm_bindgen::{prelude::wasm_bindgen, JsCast, JsValue};
use rustc_hash::FxHashMap;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use web_sys::{DocumentFragment, Element, Node};

/// Builds DOM nodes, each appended to the parent it is given.
pub struct Dom {
    document: web_sys::Document,
}

impl Dom {
    pub fn new() -> Dom {
        Dom {
            document: document(),
        }
    }

    /// `<tag class="{class}">` (no class when empty), appended to `parent`.
    pub fn element(&self, parent: &Node, tag: &'static str, class: &'static str) -> Element {
        let element = self.document.unchecked_ref::<Page>().create(word(tag));
        if !class.is_empty() {
            set_class(&element, word(class));
        }
        parent.append_child(&element).expect("an element appended");
        element
    }

    /// A text node, appended to `parent` (in one call to the page, not two).
    pub fn text(&self, parent: &Element, text: &str) {
        parent.append_with_str_1(text).expect("a text appended");
    }
}

impl Default for Dom {
    fn default() -> Dom {
        Dom::new()
    }
}

/// Sets an attribute (names are the code's own, never from a file).
pub fn set(element: &Element, name: &'static str, value: &str) {
    element
        .unchecked_ref::<Tagged>()
        .set_attribute(word(name), value);
}

/// Sets an attribute to a value the code itself chose (a language tag, `rel`), not one
/// from a file.
pub fn set_word(element: &Element, name: &'static str, value: &'static str) {
    element
        .unchecked_ref::<Tagged>()
        .set_attribute_word(word(name), word(value));
}

/// A word the code itself writes into the page (a tag or attribute name, a class list, a
/// language tag) as a string of the page, made once: each Rust string passed to the page is
/// decoded again, and a 2,000-item issue passes such words over 150,000 times. Only the
/// code's own words come here (a bounded set, kept for the page's life), never a file's.
pub fn word(word: &str) -> &'static JsValue {
    thread_local! {
        static WORDS: RefCell<Words<String>> = RefCell::default();
    }
    WORDS.with(|words| {
        if let Some(&js) = words.borrow().get(word) {
            return js;
        }
        let js: &'static JsValue = Box::leak(Box::new(JsValue::from_str(word)));
        words.borrow_mut().insert(word.to_owned(), js);
        js
    })
}

/// A table of [`word`]s. Its keys are the code's own short words, never a file's, so it
/// needs no defence against keys chosen to collide: the fast Fx hash does.
pub type Words<K> = FxHashMap<K, &'static JsValue>;

// The DOM calls above, taking strings of the page (`word`) rather than Rust ones, on local
// names for the page's own types. None of them throws for the code's own names.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Document)]
    type Page;
    #[wasm_bindgen(method, js_name = createElement)]
    fn create(this: &Page, tag: &JsValue) -> Element;

    #[wasm_bindgen(js_name = Element)]
    type Tagged;
    #[wasm_bindgen(method, setter = className)]
    fn set_class_name(this: &Tagged, class: &JsValue);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &Tagged, name: &JsValue, value: &str);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute_word(this: &Tagged, name: &JsValue, value: &JsValue);
}

/// Sets an element's classes to a string of the page (see [`word`]).
pub fn set_class(element: &Element, class: &JsValue) {
    element.unchecked_ref::<Tagged>().set_class_name(class);
}

/// A view of nodes built with [`Dom`]. They are built in a document fragment and go into
/// the page in one insertion; the view then keeps only the first and the last of them
/// (they stay together: nothing is ever inserted between them).
pub struct Static(SendWrapper<DocumentFragment>);

impl Static {
    /// The nodes `fill` appends to the parent it is given.
    pub fn build(fill: impl FnOnce(&Dom, &Node)) -> Static {
        let dom = Dom::new();
        let fragment = dom.document.create_document_fragment();
        fill(&dom, &fragment);
        Static(SendWrapper::new(fragment))
    }
}

/// A [`Static`]'s nodes: in its fragment while unmounted, in the page between `first` and
/// `last` while mounted.
pub struct StaticState {
    fragment: DocumentFragment,
    first: Option<Node>,
    last: Option<Node>,
}

impl StaticState {
    fn new(fragment: DocumentFragment) -> StaticState {
        StaticState {
            first: fragment.first_child(),
            last: fragment.last_child(),
            fragment,
        }
    }
}

impl Render for Static {
    type State = StaticState;

    fn build(self) -> StaticState {
        StaticState::new(self.0.take())
    }

    fn rebuild(self, state: &mut StaticState) {
        let mut new = StaticState::new(self.0.take());
        if let Some(parent) = state.first.as_ref().and_then(Node::parent_element) {
            new.mount(&parent, state.first.as_ref());
        }
        state.unmount();
        *state = new;
    }
}

impl Mountable for StaticState {
    /// Moves the nodes back into the fragment, so that they can be mounted again.
    fn unmount(&mut self) {
        let (Some(first), Some(last)) = (&self.first, &self.last) else {
            return;
        };
        if first.parent_node().as_ref() == Some(self.fragment.as_ref()) {
            return;
        }
        let mut node = Some(first.clone());
        while let Some(current) = node {
            node = current.next_sibling();
            let _ = self.fragment.append_child(&current);
            if &current == last {
                break;
            }
        }
    }

    /// Inserts the nodes before `marker`; mounted ones are moved (gathered first).
    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        self.unmount();
        let _ = parent.insert_before(&self.fragment, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match self.first.as_ref().and_then(Node::parent_element) {
            Some(parent) => {
                child.mount(&parent, self.first.as_ref());
                true
            }
            None => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        let mut elements = Vec::new();
        let mut node = self.first.clone();
        while let Some(current) = node {
            node = current.next_sibling();
            if let Some(element) = current.dyn_ref::<Element>() {
                elements.push(element.clone());
            }
            if Some(&current) == self.last.as_ref() {
                break;
            }
        }
        elements
    }
}

leptos::tachys::no_attrs!(Static);

/// Client-side rendering only: there is no server to render or hydrate on.
impl RenderHtml for Static {
    type AsyncOutput = Self;
    type Owned = Self;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> StaticState {
        StaticState::new(self.0.take())
    }

    fn into_owned(self) -> Self {
        self
    }
}
