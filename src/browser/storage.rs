//! Choices remembered across visits, in local storage (which may be unavailable, e.g. in
//! private modes: then nothing is remembered, and nothing fails).

use super::window;

/// Local-storage key of an explicit language choice.
pub const LANG_KEY: &str = "newsletter-viewer.lang";
/// Local-storage key of an explicit arrangement of "both" mode (side by side, stacked).
pub const LAYOUT_KEY: &str = "newsletter-viewer.layout";
/// Local-storage key of an explicit light/dark choice.
pub const THEME_KEY: &str = "newsletter-viewer.theme";

/// A remembered value, if any.
pub fn stored(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(key).ok().flatten())
}

/// Remembers a value; silently does nothing without storage.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(key, value);
    }
}
