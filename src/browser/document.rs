//! The document around the viewer: `<html>`'s attributes and title, the system's colour
//! scheme and languages, scrolling and focus, and the first paint.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{snapshot, window};

fn html() -> Option<web_sys::Element> {
    window().document()?.document_element()
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(document) = window().document() {
        document.set_title(title);
    }
}

/// Sets `<html lang>` and `<html data-mode>` (the reading mode the style sheet shows).
pub fn set_mode(lang: &str, mode: &str) {
    if let Some(html) = html() {
        let _ = html.set_attribute("lang", lang);
        let _ = html.set_attribute("data-mode", mode);
    }
}

/// Sets `<html data-layout>` (how the style sheet sets "both" mode: `side`, `stacked`).
pub fn set_layout(layout: &str) {
    if let Some(html) = html() {
        let _ = html.set_attribute("data-layout", layout);
    }
}

/// Sets `<html data-theme>`, which the style sheet's colour tokens follow.
pub fn set_theme(scheme: &str) {
    if let Some(html) = html() {
        let _ = html.set_attribute("data-theme", scheme);
    }
}

/// Whether the system prefers a dark scheme now; `on_change` is called when that changes.
pub fn watch_dark_preference(on_change: impl Fn(bool) + 'static) -> bool {
    let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") else {
        return false;
    };
    let matches = query.matches();
    let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |event: web_sys::MediaQueryListEvent| on_change(event.matches()),
    );
    let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
    matches
}

/// `navigator.languages`, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Keeps the viewer's page unpainted (`<html data-loading>`, which the style sheet hides)
/// until its first content is in place ([`reveal`]) or `ms` have passed. The browser then
/// lays out the finished page once instead of once per loading step, and a fast connection
/// shows no flash of loading messages; a slow one shows them after `ms`, unless the reader
/// is reading the snapshot meanwhile (which then stays until the issue is ready).
pub fn defer_first_paint(ms: u64) {
    if let Some(html) = html() {
        let _ = html.set_attribute("data-loading", "");
    }
    set_timeout(
        || {
            if snapshot::shown().is_none() {
                reveal();
            }
        },
        Duration::from_millis(ms),
    );
}

/// Lets the viewer's page be painted (see [`defer_first_paint`]) in place of the note that
/// index.html shows while the viewer loads, and of the snapshot, keeping the reader's place.
pub fn reveal() {
    let Some(document) = window().document() else {
        return;
    };
    let kept = snapshot::remove();
    if let Ok(Some(boot)) = document.query_selector(".nv-boot") {
        boot.remove();
    }
    if let Some(html) = document.document_element() {
        let _ = html.remove_attribute("data-loading");
    }
    if let Some(kept) = kept {
        kept.restore();
    }
}

/// Whether a key event comes from a place where the reader is typing text.
pub fn typing_in_field(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.is_content_editable()
        })
}

/// Scrolls the element with `id` to the top of the view, if there is one.
///
/// Cards off screen are laid out at an estimated height (`content-visibility`) until they
/// near the view, and then take their real one, which moves whatever is below them: a
/// jump to a card far down lands short of it (on a phone, by whole screens). So the jump is
/// instant, and repeated on the next frames until the element stays where it was put.
pub fn scroll_to(id: &str) {
    if let Some(element) = window().document().and_then(|d| d.get_element_by_id(id)) {
        align(element, None, 8);
    }
}

fn align(element: web_sys::Element, placed: Option<f64>, frames: u32) {
    let top = element.get_bounding_client_rect().top();
    if placed.is_some_and(|placed| (top - placed).abs() < 1.0) {
        return; // It stayed where it was put.
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if frames > 0 {
        let placed = element.get_bounding_client_rect().top();
        request_animation_frame(move || align(element, Some(placed), frames - 1));
    }
}

/// Calls `f` with each element under `root` that matches `selector`, in document order.
pub fn for_each(root: &web_sys::Element, selector: &str, mut f: impl FnMut(&web_sys::Element)) {
    let Ok(list) = root.query_selector_all(selector) else {
        return;
    };
    for i in 0..list.length() {
        // Only elements match a selector: no `instanceof` check (a call into the page each).
        if let Some(element) = list.item(i) {
            f(element.unchecked_ref());
        }
    }
}

/// Moves keyboard focus to the element with `id` without scrolling.
pub fn focus(id: &str) {
    if let Some(element) = window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
