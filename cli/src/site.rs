//! The published site the feeds and pages point into: its address and its catalog.

use newsletter_core::markup;
use newsletter_core::{Catalog, Lang, Text};

/// A text's words in both languages without markup, "中文 / English" as the viewer joins
/// them; once when the two are the same (or the text has one language).
pub fn both(text: &Text) -> String {
    let words = |lang| markup::plain(text.show(lang).text);
    let (zh, en) = (words(Lang::Zh), words(Lang::En));
    if zh == en {
        zh
    } else {
        format!("{zh} / {en}")
    }
}

pub struct Site<'a> {
    /// The viewer's address, ending in `/`; `issues/` is under it.
    pub url: &'a str,
    pub catalog: &'a Catalog,
}

impl Site<'_> {
    /// The catalog's title, the site's name.
    pub fn name(&self) -> Option<&Text> {
        self.catalog.title.as_ref()
    }

    /// The address of `name` inside `issues/`.
    pub fn page_url(&self, name: &str) -> String {
        format!("{}issues/{name}", self.url)
    }

    /// The viewer's deep link to an item.
    pub fn item_url(&self, issue: &str, item: &str) -> String {
        format!("{}?issue={issue}#{item}", self.url)
    }
}
