//! The page's URL, which carries the view (see `newsletter_core::url`), and its history.

use newsletter_core::url::ViewState;
use wasm_bindgen::JsValue;

use super::window;

/// The view the page's URL describes now.
pub fn current_view() -> ViewState {
    let location = window().location();
    ViewState::from_url(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
}

/// Makes `view` the page's URL, keeping the path (so the viewer works under any sub-path):
/// as a new history entry when `push`, else in place of the current one (for changes as
/// small as a keystroke).
pub fn record_view(view: &ViewState, push: bool) {
    let window = window();
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{}{}", view.search(), view.hash());
    if let Ok(history) = window.history() {
        // Failing to record history (e.g. a sandboxed frame) must not stop the view changing.
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// The page's address without its query and fragment (where links to a view start).
pub fn page_address() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}
