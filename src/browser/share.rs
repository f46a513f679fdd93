//! The clipboard and the system's share sheet (Web Share), for a card's actions. Share is
//! offered only where `navigator.share` exists: index.html marks the page `data-share`.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::window;

/// Puts `text` on the clipboard; an error when the browser refuses (no permission, not a
/// secure page, no clipboard).
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let navigator = window().navigator();
    // Old browsers have no `navigator.clipboard`: the getter gives `undefined`.
    let clipboard = navigator.clipboard();
    if JsValue::from(clipboard.clone()).is_undefined() {
        return Err(JsValue::from_str("no clipboard"));
    }
    JsFuture::from(clipboard.write_text(text)).await.map(drop)
}

/// Opens the system's share sheet for `url`; an error when the reader cancels or the
/// browser refuses.
pub async fn share(title: &str, text: &str, url: &str) -> Result<(), JsValue> {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    data.set_url(url);
    JsFuture::from(window().navigator().share_with_data(&data))
        .await
        .map(drop)
}
