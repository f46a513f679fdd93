//! The published site the feeds and pages point into: its address and its catalog.

use newsletter_core::{Catalog, Text};

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
