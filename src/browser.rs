//! The browser glue: location and history, local storage, preferred languages, `<html lang>`,
//! scrolling, fetching files and region names. Each function is a thin, fallible wrapper;
//! decisions are made in `newsletter_core`, not here.

use newsletter_core::parse::check_size;
use newsletter_core::url::ViewState;
use newsletter_core::{parse_issue, parse_issue_outside, Issue, LoadError, Parsed};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Local-storage key of an explicit language choice.
pub const LANG_KEY: &str = "newsletter-viewer.lang";
/// Local-storage key of an explicit light/dark choice.
pub const THEME_KEY: &str = "newsletter-viewer.theme";

fn window() -> web_sys::Window {
    web_sys::window().expect("the viewer runs in a browser window")
}

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

/// Resolves after the browser has had a turn (a zero-delay timer), so long work done in
/// steps leaves the page responsive between them.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
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

/// A remembered value, if any (storage may be unavailable, e.g. in private modes).
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

/// Sets `<html data-theme>`, which the style sheet's colour tokens follow.
pub fn set_theme(scheme: &str) {
    if let Some(html) = window().document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-theme", scheme);
    }
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

/// Sets `<html lang>` and `<html data-mode>` (the reading mode the style sheet shows).
pub fn set_mode(lang: &str, mode: &str) {
    if let Some(html) = window().document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang);
        let _ = html.set_attribute("data-mode", mode);
    }
}

/// Keeps the page unpainted (`<html data-loading>`, which the style sheet hides) until its
/// first content is in place ([`reveal`]) or `ms` have passed. The browser then lays out
/// the finished page once instead of once per loading step, and a fast connection shows no
/// flash of loading messages; a slow one shows them after `ms`.
pub fn defer_first_paint(ms: i32) {
    if let Some(html) = window().document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-loading", "");
    }
    let callback = Closure::once_into_js(reveal);
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}

/// Lets the page be painted (see [`defer_first_paint`]), in place of the note that
/// index.html shows while the viewer loads.
pub fn reveal() {
    let Some(document) = window().document() else {
        return;
    };
    if let Ok(Some(boot)) = document.query_selector(".nv-boot") {
        boot.remove();
    }
    if let Some(html) = document.document_element() {
        let _ = html.remove_attribute("data-loading");
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(document) = window().document() {
        document.set_title(title);
    }
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
        after_render(move || align(element, Some(placed), frames - 1));
    }
}

/// Runs `f` after the browser's next layout, when what was just rendered is in the page.
pub fn after_render(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// Calls `f` with each element under `root` that matches `selector`, in document order.
pub fn for_each(root: &web_sys::Element, selector: &str, mut f: impl FnMut(&web_sys::Element)) {
    let Ok(list) = root.query_selector_all(selector) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(element) = list.item(i).and_then(|n| n.dyn_into().ok()) {
            f(&element);
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

/// Takes over the request for `url` that index.html's script started ahead of its use, if
/// it did: the script requests the catalog and the issue the page opens (`window.nvEarly`,
/// a `Map` by URL), so that both download while the viewer's own files do. Either way
/// `url` is marked as asked for by the viewer, so that the script, if it is still reading
/// a slow catalog, does not request the same issue again.
fn take_early(url: &str) -> Option<js_sys::Promise> {
    let early: js_sys::Map = js_sys::Reflect::get(&window(), &JsValue::from_str("nvEarly"))
        .ok()?
        .dyn_into()
        .ok()?;
    let url = JsValue::from_str(url);
    let request = early.get(&url);
    early.set(&url, &JsValue::TRUE);
    request.dyn_into().ok()
}

/// Fetches `url` (relative to the page) as UTF-8 text. `file` names it in error messages.
pub async fn fetch_text(url: &str, file: &str) -> Result<String, LoadError> {
    let body = fetch_body(url, file, web_sys::Response::array_buffer).await?;
    // The bytes are copied into wasm memory once, at their exact size (a JS string would be
    // re-encoded through a buffer of up to three bytes per UTF-16 unit), and read as UTF-8
    // as the browser's text() would: bad sequences become U+FFFD.
    let bytes = js_sys::Uint8Array::new(&body).to_vec();
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Fetches and reads the issue at `url` (relative to the page); `file` names it in
/// messages. Its item texts stay in the page ([`crate::page_texts`]); a file the browser
/// cannot parse is read whole by the core's reader, which says where it is broken.
pub async fn fetch_issue(url: &str, file: &str) -> Result<Parsed<Issue>, LoadError> {
    // Decoded as UTF-8 by the browser, bad sequences becoming U+FFFD as in fetch_text.
    let text = fetch_body(url, file, web_sys::Response::text).await?;
    match crate::page_texts::take_out(&text) {
        Some((rest, texts)) => parse_issue_outside(file, rest, &texts),
        None => parse_issue(file, text.as_string().unwrap_or_default()),
    }
}

/// Fetches `url` and reads its body with `read` (`text`, `array_buffer`).
///
/// The request is a plain GET with the browser's default caching, as are those index.html's
/// script starts ahead ([`take_early`]), so the host's cache headers apply.
async fn fetch_body(
    url: &str,
    file: &str,
    read: fn(&web_sys::Response) -> Result<js_sys::Promise, JsValue>,
) -> Result<JsValue, LoadError> {
    let network = |error: JsValue| LoadError::Network {
        file: file.to_owned(),
        detail: js_message(&error),
    };
    let request = take_early(url).unwrap_or_else(|| window().fetch_with_str(url));
    let response = JsFuture::from(request).await.map_err(network)?;
    let response: web_sys::Response = response.dyn_into().map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            file: file.to_owned(),
            status: response.status(),
        });
    }
    // Refuse an oversized file before downloading it, when the server says its size.
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|len| len.trim().parse::<u64>().ok());
    if let Some(bytes) = declared {
        check_size(file, bytes)?;
    }
    // A connection dropped mid-body rejects here.
    JsFuture::from(read(&response).map_err(network)?)
        .await
        .map_err(network)
}

fn js_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".to_owned())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

/// The browser's own name for a region code in `lang` (`Intl.DisplayNames`), if it has one.
///
/// Asked once per code and language for the session: every card of an issue without its
/// own names asks for its jurisdiction's, and building the browser's name table each time
/// cost two `Intl.DisplayNames` per card.
pub fn region_name(code: &str, lang: &str) -> Option<String> {
    thread_local! {
        static NAMES: std::cell::RefCell<std::collections::HashMap<(String, String), Option<String>>> =
            Default::default();
    }
    let key = (code.to_owned(), lang.to_owned());
    if let Some(known) = NAMES.with(|names| names.borrow().get(&key).cloned()) {
        return known;
    }
    let options = js_sys::Object::new();
    let ask = || -> Option<String> {
        js_sys::Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
        js_sys::Reflect::set(&options, &"fallback".into(), &"none".into()).ok()?;
        let names = DisplayNames::new(&JsValue::from_str(lang), &options).ok()?;
        names.of(code).ok()?.as_string()
    };
    let name = ask();
    NAMES.with(|names| names.borrow_mut().insert(key, name.clone()));
    name
}

/// Shows a notice over the page after a panic: what happened and a reload link. The app
/// cannot run after a panic (the release build aborts), so the notice is plain DOM built
/// here, and the reload is an ordinary link to the page itself, needing no script.
pub fn show_crash_notice(message: &str) {
    reveal();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let href = window().location().href().unwrap_or_default();
    let build = || -> Result<web_sys::Element, JsValue> {
        let notice = document.create_element("div")?;
        notice.set_class_name("nv-crash");
        notice.set_attribute("role", "alert")?;
        for (lang, words) in [
            ("zh", "出错了，阅读器已停止运行。"),
            ("en", "Something went wrong and the viewer stopped."),
        ] {
            let line = document.create_element("p")?;
            line.set_attribute("lang", lang)?;
            line.set_class_name("nv-crash__title");
            line.set_text_content(Some(words));
            notice.append_child(&line)?;
        }
        let detail = document.create_element("code")?;
        detail.set_attribute("lang", "en")?;
        detail.set_text_content(Some(message));
        notice.append_child(&detail)?;
        let reload = document.create_element("a")?;
        reload.set_class_name("nv-button nv-crash__reload");
        reload.set_attribute("href", &href)?;
        reload.set_text_content(Some("重新加载 Reload"));
        notice.append_child(&reload)?;
        Ok(notice)
    };
    if let Ok(notice) = build() {
        let _ = body.prepend_with_node_1(&notice);
        if let Some(reload) = notice.query_selector("a").ok().flatten() {
            if let Ok(reload) = reload.dyn_into::<web_sys::HtmlElement>() {
                let _ = reload.focus();
            }
        }
    }
}

/// Installs the panic hook: the panic in the console, then [`show_crash_notice`].
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_notice(&info.to_string());
    }));
}
