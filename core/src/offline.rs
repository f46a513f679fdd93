//! Offline reading: what the viewer and its service worker (`service-worker/sw.js`) agree on,
//! the name of the cache that keeps the data files, and which issue files it keeps.
//!
//! The service worker keeps the app's own files, one cache per build; the data cache holds
//! the catalog and the issues the reader opened or saved. A viewer is known by its scope,
//! the folder its page is in: viewers under different paths of one host keep apart.

use std::collections::BTreeSet;

use crate::url::decode;

/// The data cache of the viewer at `scope`.
pub fn data_cache(scope: &str) -> String {
    format!("newsletter-viewer data {scope}")
}

/// The scope of the viewer whose page is at `page` (an absolute URL): its folder, with the
/// trailing `/`.
pub fn scope_of(page: &str) -> &str {
    let end = page.find(['?', '#']).unwrap_or(page.len());
    let path = &page[..end];
    &path[..path.rfind('/').map_or(path.len(), |slash| slash + 1)]
}

/// The files under `issues/` kept in the data cache, named as the catalog names them
/// (`file`), from the URLs of the cache's requests.
pub fn kept_files<'a>(scope: &str, urls: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    let issues = format!("{scope}issues/");
    urls.into_iter()
        .filter_map(|url| url.strip_prefix(&issues))
        .map(|file| {
            let file = &file[..file.find(['?', '#']).unwrap_or(file.len())];
            // A path's `+` is itself, not a space as in a query.
            decode(&file.replace('+', "%2B"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scope_is_the_pages_folder() {
        assert_eq!(scope_of("https://x.org/"), "https://x.org/");
        assert_eq!(
            scope_of("https://x.org/org/news/index.html?issue=a&lang=en#item"),
            "https://x.org/org/news/"
        );
        assert_eq!(
            scope_of("https://x.org/org/news/?q=a/b"),
            "https://x.org/org/news/"
        );
        assert_eq!(
            data_cache("https://x.org/a/"),
            "newsletter-viewer data https://x.org/a/"
        );
    }

    #[test]
    fn kept_files_are_named_as_the_catalog_names_them() {
        let scope = "https://x.org/news/";
        let urls = [
            "https://x.org/news/issues/index.json",
            "https://x.org/news/issues/2021/cyber-041.json",
            "https://x.org/news/issues/%E7%AC%AC41%E6%9C%9F+a%20b.json",
            // Another viewer's folder, and a file outside issues/.
            "https://x.org/news/other/issues/x.json",
            "https://x.org/news/search/index.json",
            "https://x.org/issues/y.json",
        ];
        let kept = kept_files(scope, urls);
        let expected = ["2021/cyber-041.json", "index.json", "第41期+a b.json"];
        assert_eq!(
            kept.iter().map(String::as_str).collect::<Vec<_>>(),
            expected
        );
    }
}
