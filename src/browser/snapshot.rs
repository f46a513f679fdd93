//! The snapshot: the newest issue as the viewer shows it, written into index.html by
//! `newsletter snapshot` and shown by index.html's script before the viewer has started.
//! The viewer renders its own page unseen, then swaps it in, in one task, where the reader
//! may already be reading: the card at the top of the view stays where it was, and focus and
//! any selection move to the same places in the viewer's page. The two pages have the same
//! elements (one renderer), so places are found by the nearest element with an `id` and,
//! inside it, by tag and order (focus) or by characters of text (selection).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use super::document::for_each;
use super::window;

/// The snapshot element, shown or not, and whether index.html's script has shown it.
fn find(document: &Document) -> Option<(Element, bool)> {
    let snapshot = document.query_selector(".nv-snapshot").ok().flatten()?;
    let shown = !snapshot.has_attribute("hidden");
    Some((snapshot, shown))
}

/// The snapshot element, if index.html's script has shown it.
pub fn shown() -> Option<Element> {
    find(&window().document()?).and_then(|(snapshot, shown)| shown.then_some(snapshot))
}

/// Removes the snapshot, shown or not. What the reader had in view, focused or selected in
/// a shown one is returned, to be put back with [`Kept::restore`] once the viewer's page is
/// laid out.
pub fn remove() -> Option<Kept> {
    let document = window().document()?;
    let (snapshot, shown) = find(&document)?;
    let kept = shown.then(|| Kept::capture(&document, &snapshot));
    snapshot.remove();
    kept
}

/// The elements the style sheet lays out only when near the view (`content-visibility`).
const SIZED: &str = ".nv-card, .nv-footer, .nv-contents__items > li";

/// A place in the page, by the nearest element with an `id` (or the top bar, which has
/// none).
struct Place {
    /// The element's id; empty for the top bar.
    id: String,
    /// Inside that element: the n-th element of a tag, or the n-th character of its text
    /// (UTF-16 units, as the DOM counts them); neither for the element itself.
    within: Within,
}

enum Within {
    Itself,
    Element(String, u32),
    Text(u32),
}

/// What a reader had in a shown snapshot.
pub struct Kept {
    /// The element at the top of the view, and how far below the view's top it was.
    top: Option<(String, f64)>,
    /// The heights of the elements laid out only when near the view ([`SIZED`]).
    heights: Vec<f64>,
    focus: Option<Place>,
    /// The selection's anchor and focus.
    selection: Option<(Place, Place)>,
}

impl Kept {
    fn capture(document: &Document, snapshot: &Element) -> Kept {
        let focus = document
            .active_element()
            .filter(|e| snapshot.contains(Some(e)) && e != snapshot)
            .and_then(|e| element_place(&e));
        let selection = document.get_selection().ok().flatten().and_then(|s| {
            let anchor = s.anchor_node()?;
            let head = s.focus_node()?;
            let inside = snapshot.contains(Some(&anchor)) && snapshot.contains(Some(&head));
            if !inside || s.is_collapsed() {
                return None;
            }
            let anchor = text_place(document, &anchor, s.anchor_offset())?;
            Some((anchor, text_place(document, &head, s.focus_offset())?))
        });
        let mut heights = Vec::new();
        for_each(snapshot, SIZED, |e| heights.push(content_height(e)));
        Kept {
            top: top_of_view(snapshot),
            heights,
            focus,
            selection,
        }
    }

    /// Puts back the view, focus and selection in the viewer's page (after the snapshot is
    /// gone, so each id names the viewer's element).
    pub fn restore(self) {
        let window = window();
        let Some(document) = window.document() else {
            return;
        };
        // Cards out of view are laid out at an estimated height until first shown, and
        // those the reader has passed have their real one: the viewer's are given the
        // snapshot's, so that the page above the view is as long.
        let mut sized = Vec::new();
        if let Some(root) = document.document_element() {
            for_each(&root, SIZED, |e| sized.push(e.clone()));
        }
        if sized.len() == self.heights.len() {
            for (element, height) in sized.iter().zip(&self.heights) {
                // (Numbers written and read by the page's own JavaScript: Rust's float
                // formatting and parsing would add 17 kB to the wasm.)
                let px = js_sys::Number::from(*height)
                    .to_string_with_radix(10)
                    .map(String::from)
                    .unwrap_or_default();
                if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                    let size = format!("auto {px}px");
                    let _ = element
                        .style()
                        .set_property("contain-intrinsic-size", &size);
                }
            }
        }
        if let Some((id, was)) = self.top {
            if let Some(element) = document.get_element_by_id(&id) {
                let now = element.get_bounding_client_rect().top();
                if (now - was).abs() >= 0.5 {
                    // Instantly: the page's smooth scrolling would show the move.
                    let options = web_sys::ScrollToOptions::new();
                    options.set_top(now - was);
                    options.set_behavior(web_sys::ScrollBehavior::Instant);
                    window.scroll_by_with_scroll_to_options(&options);
                }
            }
        }
        if let Some(place) = self.focus {
            if let Some(element) = find_element(&document, &place) {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element.focus_with_options(&options);
            }
        }
        if let Some((anchor, head)) = self.selection {
            let points = find_text(&document, &anchor).zip(find_text(&document, &head));
            if let (Some(((a, a_at), (h, h_at))), Ok(Some(selection))) =
                (points, document.get_selection())
            {
                let _ = selection.set_base_and_extent(&a, a_at, &h, h_at);
            }
        }
    }
}

/// The height of the element's content: its box's, less padding and borders (what
/// `contain-intrinsic-size` sets).
fn content_height(element: &Element) -> f64 {
    let height = element.get_bounding_client_rect().height();
    let Ok(Some(style)) = window().get_computed_style(element) else {
        return height;
    };
    let px = |property: &str| -> f64 {
        let value = style.get_property_value(property).unwrap_or_default();
        let px = js_sys::parse_float(value.trim_end_matches("px"));
        if px.is_nan() {
            0.0
        } else {
            px
        }
    };
    let edges = [
        "padding-top",
        "padding-bottom",
        "border-top-width",
        "border-bottom-width",
    ];
    height - edges.iter().map(|p| px(p)).sum::<f64>()
}

/// The first element of the content with an id whose box reaches into the view, when the
/// page is scrolled: that one must not move.
fn top_of_view(snapshot: &Element) -> Option<(String, f64)> {
    if window().scroll_y().unwrap_or(0.0) <= 0.0 {
        return None;
    }
    let list = snapshot.query_selector_all(".nv-content [id]").ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .find_map(|element| {
            let rect = element.get_bounding_client_rect();
            (rect.bottom() > 0.0 && rect.height() > 0.0).then(|| (element.id(), rect.top()))
        })
}

/// The nearest ancestor of `element` (or itself) with an id, else the top bar.
fn owner_of(element: &Element) -> Option<Element> {
    let closest = |selector| element.closest(selector).ok().flatten();
    closest("[id]").or_else(|| closest(".nv-bar"))
}

fn find_owner(document: &Document, id: &str) -> Option<Element> {
    match id {
        "" => document.query_selector(".nv-bar").ok().flatten(),
        id => document.get_element_by_id(id),
    }
}

/// The element's nearest ancestor (or itself) with an id, and its place inside it.
fn element_place(element: &Element) -> Option<Place> {
    if !element.id().is_empty() {
        return Some(Place {
            id: element.id(),
            within: Within::Itself,
        });
    }
    let owner = owner_of(&element.parent_element()?)?;
    let tag = element.local_name();
    let list = owner.query_selector_all(&tag).ok()?;
    let n = (0..list.length()).find(|&i| list.item(i).as_ref() == Some(element.as_ref()))?;
    Some(Place {
        id: owner.id(),
        within: Within::Element(tag, n),
    })
}

/// A point in the text (`node` and `offset`, as a selection gives them), as characters from
/// the start of the nearest element with an id.
fn text_place(document: &Document, node: &Node, offset: u32) -> Option<Place> {
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    let owner = owner_of(&element)?;
    let range = document.create_range().ok()?;
    range.set_start(&owner, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(Place {
        id: owner.id(),
        within: Within::Text(range.to_string().length()),
    })
}

fn find_element(document: &Document, place: &Place) -> Option<web_sys::HtmlElement> {
    let owner = find_owner(document, &place.id)?;
    let element = match &place.within {
        Within::Itself => owner,
        Within::Element(tag, n) => owner
            .query_selector_all(tag)
            .ok()?
            .item(*n)?
            .dyn_into()
            .ok()?,
        Within::Text(_) => return None,
    };
    element.dyn_into().ok()
}

/// The text node and offset `place` names in the page.
fn find_text(document: &Document, place: &Place) -> Option<(Node, u32)> {
    let Within::Text(mut left) = place.within else {
        return None;
    };
    let owner = find_owner(document, &place.id)?;
    // SHOW_TEXT: the text nodes under the element, in document order.
    let walker = document
        .create_tree_walker_with_what_to_show(&owner, 4)
        .ok()?;
    while let Ok(Some(node)) = walker.next_node() {
        let length = node.dyn_ref::<web_sys::CharacterData>()?.length();
        if left <= length {
            return Some((node, left));
        }
        left -= length;
    }
    None
}
