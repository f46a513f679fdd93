//! The browser's own names for regions (`Intl.DisplayNames`), for jurisdictions an issue
//! does not name itself.

use js_sys::{Array, Intl, Reflect};
use newsletter_core::Lang;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's name for the region `code` in `lang`, if it has one.
///
/// Only a country code (two capital letters, `EU` included) is asked for: a subdivision
/// such as `CN-ZJ` is no region code to `Intl.DisplayNames`, which would throw. A browser
/// without `Intl.DisplayNames` has no names. Each answer is kept for the session: every
/// card of an issue without its own names asks for its jurisdiction's.
pub fn region_name(code: &str, lang: Lang) -> Option<String> {
    thread_local! {
        static NAMES: RefCell<HashMap<(String, Lang), Option<String>>> = RefCell::default();
        static BROWSER: Option<[Intl::DisplayNames; 2]> = display_names();
    }
    let is_country = code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
    if !is_country {
        return None;
    }
    let key = (code.to_owned(), lang);
    if let Some(known) = NAMES.with(|names| names.borrow().get(&key).cloned()) {
        return known;
    }
    let name = BROWSER.with(|browser| {
        let [zh, en] = browser.as_ref()?;
        let names = match lang {
            Lang::Zh => zh,
            Lang::En => en,
        };
        names.of(code).map(String::from)
    });
    NAMES.with(|names| names.borrow_mut().insert(key, name.clone()));
    name
}

/// The browser's region names in Chinese and in English, if it has `Intl.DisplayNames`.
fn display_names() -> Option<[Intl::DisplayNames; 2]> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    if !Reflect::has(&intl, &JsValue::from_str("DisplayNames")).ok()? {
        return None;
    }
    let options = Intl::DisplayNamesOptions::new();
    options.set_type(Intl::DisplayNamesType::Region);
    options.set_fallback(Intl::DisplayNamesFallback::None);
    let names = |lang: Lang| {
        let locales = Array::of1(&JsValue::from_str(lang.tag()));
        Intl::DisplayNames::new(&locales, options.unchecked_ref())
    };
    Some([names(Lang::Zh), names(Lang::En)])
}
