//! `newsletter feeds`: JSON Feed 1.1 and Atom 1.0 for the whole archive and for each
//! jurisdiction (a country's feed includes its provinces): one entry per item, newest first,
//! at most `limit` of them, each linking to the item in the viewer.

use std::collections::BTreeSet;

use newsletter_core::render;
use newsletter_core::{Issue, Item};
use quick_xml::events::BytesText;
use serde::Serialize;

use crate::html::{Html, ROOT};
use crate::site::{both, Site};
use crate::write::{json_bytes, Output};
use crate::xml;

/// One item of the archive, with the issue it is in.
pub struct Entry<'a> {
    pub issue: &'a Issue,
    pub item: &'a Item,
    /// The item's date, else its issue's: `YYYY-MM-DD` or `YYYY-MM`.
    pub date: &'a str,
}

/// Every item of `issues` (in catalog order, newest issue first), newest first: by date,
/// then as the catalog and the issue order them.
pub fn entries<'a>(issues: &[&'a Issue]) -> Vec<Entry<'a>> {
    let mut entries: Vec<Entry> = issues
        .iter()
        .flat_map(|issue| {
            issue.items().filter_map(move |(_, item)| {
                let date = item.date.as_deref().or(issue.date.as_deref())?;
                Some(Entry { issue, item, date })
            })
        })
        .collect();
    // Stable: equal dates keep the catalog's and the issue's order.
    entries.sort_by(|a, b| b.date.cmp(a.date));
    entries
}

/// The feeds' title: the site's name in both languages.
fn feed_title(site: &Site) -> String {
    match site.name() {
        Some(title) => both(title),
        None => "Newsletter".to_owned(),
    }
}

/// The viewer's deep link to an entry's item.
fn link(site: &Site, entry: &Entry) -> String {
    site.item_url(entry.issue.id.as_str(), entry.item.id.as_str())
}

/// An item's card as the viewer renders it (both languages, each marked with its `lang`),
/// for the feed reader to show.
fn content(entry: &Entry) -> String {
    let html = Html::new();
    render::card(
        &html,
        &ROOT,
        entry.issue,
        entry.item,
        false,
        &|_, _| None,
        render::Actions::None,
    );
    html.finish()
}

/// `YYYY-MM-DD` or `YYYY-MM` as an RFC 3339 time at the start of that day (or month), UTC.
fn timestamp(date: &str) -> String {
    match date.len() {
        7 => format!("{date}-01T00:00:00Z"),
        _ => format!("{date}T00:00:00Z"),
    }
}

/// The feeds for `entries` (already newest first): `name.json` and `name.xml` under `dir`,
/// at most `limit` entries each. `about` names what the feed covers (a jurisdiction).
pub fn feed_pair(
    site: &Site,
    entries: &[&Entry],
    path: &str,
    about: Option<&str>,
    dir: &std::path::Path,
    limit: usize,
) -> [Output; 2] {
    let entries = &entries[..entries.len().min(limit)];
    let mut title = feed_title(site);
    if let Some(about) = about {
        title = format!("{title} · {about}");
    }
    [
        Output::new(
            dir.join(format!("{path}.json")),
            json_feed(site, entries, &title, &format!("{path}.json")),
        ),
        Output::new(
            dir.join(format!("{path}.xml")),
            atom(site, entries, &title, &format!("{path}.xml")),
        ),
    ]
}

/// Every feed of the archive: the whole archive, then one pair per jurisdiction code used
/// (each country's own, with its subdivisions, and each subdivision's).
pub fn all(site: &Site, entries: &[Entry], dir: &std::path::Path, limit: usize) -> Vec<Output> {
    let every: Vec<&Entry> = entries.iter().collect();
    let mut outputs = Vec::from(feed_pair(site, &every, "feed", None, dir, limit));
    let mut codes = BTreeSet::new();
    for entry in entries {
        codes.insert(entry.item.jurisdiction.country().to_owned());
        codes.insert(entry.item.jurisdiction.to_string());
    }
    for code in codes {
        let covered: Vec<&Entry> = entries
            .iter()
            .filter(|e| {
                e.item.jurisdiction.as_str() == code || e.item.jurisdiction.country() == code
            })
            .collect();
        outputs.extend(feed_pair(
            site,
            &covered,
            &format!("feeds/{code}"),
            Some(&code),
            dir,
            limit,
        ));
    }
    outputs
}

fn json_feed(site: &Site, entries: &[&Entry], title: &str, path: &str) -> Vec<u8> {
    #[derive(Serialize)]
    struct Feed<'a> {
        version: &'static str,
        title: &'a str,
        home_page_url: &'a str,
        feed_url: String,
        language: &'static str,
        items: Vec<FeedItem>,
    }
    #[derive(Serialize)]
    struct FeedItem {
        id: String,
        url: String,
        title: String,
        content_html: String,
        date_published: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        tags: Vec<String>,
    }
    let feed = Feed {
        version: "https://jsonfeed.org/version/1.1",
        title,
        home_page_url: site.url,
        feed_url: format!("{}{path}", site.url),
        language: "zh-CN",
        items: entries
            .iter()
            .map(|entry| FeedItem {
                id: link(site, entry),
                url: link(site, entry),
                title: both(&entry.item.title),
                content_html: content(entry),
                date_published: timestamp(entry.date),
                tags: entry.item.tags.clone(),
            })
            .collect(),
    };
    json_bytes(&feed)
}

fn atom(site: &Site, entries: &[&Entry], title: &str, path: &str) -> Vec<u8> {
    let updated = entries
        .first()
        .map(|e| timestamp(e.date))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    let self_url = format!("{}{path}", site.url);
    let author = feed_title(site);
    let attributes = [
        ("xmlns", "http://www.w3.org/2005/Atom"),
        ("xml:lang", "zh-CN"),
    ];
    xml::document("feed", &attributes, |w| {
        xml::text(w, "id", &self_url)?;
        xml::text(w, "title", title)?;
        xml::text(w, "updated", &updated)?;
        w.create_element("link")
            .with_attribute(("rel", "self"))
            .with_attribute(("href", self_url.as_str()))
            .write_empty()?;
        w.create_element("link")
            .with_attribute(("rel", "alternate"))
            .with_attribute(("href", site.url))
            .write_empty()?;
        w.create_element("author")
            .write_inner_content(|w| xml::text(w, "name", &author))?;
        for entry in entries {
            let link = link(site, entry);
            let stamp = timestamp(entry.date);
            w.create_element("entry").write_inner_content(|w| {
                xml::text(w, "id", &link)?;
                xml::text(w, "title", &both(&entry.item.title))?;
                xml::text(w, "updated", &stamp)?;
                xml::text(w, "published", &stamp)?;
                w.create_element("link")
                    .with_attribute(("href", link.as_str()))
                    .write_empty()?;
                w.create_element("content")
                    .with_attribute(("type", "html"))
                    .write_text_content(BytesText::new(&content(entry)))?;
                Ok(())
            })?;
        }
        Ok(())
    })
}
