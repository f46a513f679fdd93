//! What the reader sees after a panic: the app cannot run on (the release build aborts), so
//! a notice is built here as plain DOM, with a reload link that needs no script.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::document::reveal;
use super::window;

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
