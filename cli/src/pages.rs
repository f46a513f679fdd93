//! `newsletter pages`: a static HTML page per issue, readable with scripts off and by search
//! engines and link previews, made by the viewer's own renderer with the viewer's style
//! sheets; an archive page listing every issue; `sitemap.xml` and `robots.txt`.
//!
//! The pages run no script at all: their Content-Security-Policy allows none, and their one
//! style sheet only by its hash.

use base64::Engine;
use newsletter_core::markup;
use newsletter_core::render::{self, Tree};
use newsletter_core::ui::{self, entry_label, Ui};
use newsletter_core::{CatalogEntry, Issue, Lang, Text};
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

use crate::html::{Html, Node, ROOT};
use crate::site::{both, Site};
use crate::xml;

/// The viewer's style sheets, as its build puts them into `index.html`.
const CSS: &str = concat!(
    include_str!("../../style/tokens.css"),
    include_str!("../../style/base.css"),
    include_str!("../../style/components.css"),
    include_str!("../../style/print.css"),
);

/// The page's file name for `issue`, inside `issues/`.
pub fn page_name(issue: &Issue) -> String {
    format!("{}.html", issue.id)
}

/// The policy of every static page: no script, the one style sheet by its hash (hashed once,
/// not once per page).
static POLICY: LazyLock<String> = LazyLock::new(|| {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(CSS.as_bytes()));
    format!(
        "default-src 'none'; style-src 'sha256-{hash}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; object-src 'none'"
    )
});

/// `<html>`, `<head>` with what every page has, and `<body>`; returns the tree, head and body.
fn document(title: &str, canonical: &str) -> (Html, Node, Node) {
    let html = Html::new();
    let root = html.element(&ROOT, "html", "");
    html.word(&root, "lang", "zh");
    // Both languages, as the original's bilingual layout: the style sheet hides by mode.
    html.word(&root, "data-mode", "both");
    let head = html.element(&root, "head", "");
    let meta = |pairs: &[(&'static str, &str)]| {
        let element = html.element(&head, "meta", "");
        for (name, value) in pairs {
            html.attr(&element, name, value);
        }
    };
    meta(&[("charset", "utf-8")]);
    meta(&[
        ("name", "viewport"),
        ("content", "width=device-width, initial-scale=1"),
    ]);
    meta(&[("name", "color-scheme"), ("content", "light dark")]);
    meta(&[
        ("http-equiv", "Content-Security-Policy"),
        ("content", &POLICY),
    ]);
    let title_element = html.element(&head, "title", "");
    html.text(&title_element, title);
    let link = |rel: &'static str, href: &str| {
        let element = html.element(&head, "link", "");
        html.word(&element, "rel", rel);
        html.attr(&element, "href", href);
    };
    link("canonical", canonical);
    link("icon", "../icon.svg");
    html.style(&head, CSS);
    let body = html.element(&root, "body", "");
    (html, head, body)
}

/// The bar on top: the site's name, and a link to the same view in the viewer.
fn bar(html: &Html, body: &Node, site: &Site, viewer: &str, pick: fn(&Ui) -> &'static str) {
    let header = html.element(body, "header", "nv-bar");
    let inner = html.element(&header, "div", "nv-bar__inner");
    let brand = html.element(&inner, "span", "nv-bar__brand");
    match site.name() {
        Some(name) => html.line(&brand, name),
        None => html.label(&brand, |u| u.app_name),
    }
    let open = html.element(&inner, "a", "nv-link");
    html.attr(&open, "href", viewer);
    html.label(&open, pick);
}

/// The static page of `issue`.
pub fn issue_page(site: &Site, issue: &Issue) -> String {
    let heading = crate::catalog::title(issue)
        .map(|t| both(&t))
        .unwrap_or_else(|| issue.id.to_string());
    let title = match &issue.publication {
        Some(publication) => format!("{heading} – {}", both(publication)),
        None => heading.clone(),
    };
    let canonical = site.page_url(&page_name(issue));
    let (html, head, body) = document(&title, &canonical);
    let description = description(issue);
    let meta = |key: &'static str, name: &'static str, value: &str| {
        let element = html.element(&head, "meta", "");
        html.word(&element, key, name);
        html.attr(&element, "content", value);
    };
    meta("name", "description", &description);
    meta("property", "og:type", "article");
    meta("property", "og:title", &title);
    meta("property", "og:description", &description);
    meta("property", "og:url", &canonical);
    if let Some(name) = site.name() {
        meta("property", "og:site_name", &both(name));
    }
    meta("property", "og:locale", "zh_CN");
    meta("property", "og:locale:alternate", "en_US");
    meta("name", "twitter:card", "summary");
    meta("name", "twitter:title", &title);
    meta("name", "twitter:description", &description);

    let viewer = format!("../?issue={}", issue.id);
    bar(&html, &body, site, &viewer, |u| u.open_in_viewer);
    let main = html.element(&body, "main", "nv-main");
    html.word(&main, "id", "main");
    // The masthead first, then the viewer's layout: the contents beside the sections (above
    // them on a phone, where a reader meets the masthead, then the contents).
    render::masthead(&html, &main, issue);
    let layout = html.element(&main, "div", "nv-layout");
    let side = html.element(&layout, "div", "nv-side");
    let nav = html.element(&side, "nav", "nv-contents");
    html.attr(&nav, "aria-label", &both(&ui_text(|u| u.contents)));
    let heading = html.element(&nav, "h2", "nv-contents__heading");
    html.label(&heading, |u| u.contents);
    let list = html.element(&nav, "ol", "nv-contents__list");
    render::contents(&html, &list, issue, |_| true);
    let content = html.element(&layout, "div", "nv-content");
    for section in &issue.sections {
        let element = render::section(&html, &content, section);
        for item in &section.items {
            render::card(
                &html,
                &element,
                issue,
                item,
                false,
                &|_, _| None,
                render::Actions::None,
            );
        }
    }
    render::footer(&html, &content, issue);
    finish(html)
}

/// Interface words in both languages, as a text.
fn ui_text(pick: fn(&Ui) -> &'static str) -> Text {
    Text::new(pick(ui::ui(Lang::Zh)), pick(ui::ui(Lang::En)))
}

/// The static list of every issue, newest first, each linking to its page.
pub fn archive_page(site: &Site, listed: &[(&CatalogEntry, &Issue)]) -> String {
    let title = both(site.name().unwrap_or(&ui_text(|u| u.app_name)));
    let (html, _, body) = document(&title, &site.page_url("index.html"));
    bar(&html, &body, site, "../", |u| u.open_in_viewer);
    let main = html.element(&body, "main", "nv-main");
    html.word(&main, "id", "main");
    let content = html.element(&main, "div", "nv-content");
    let h1 = html.element(&content, "h1", "nv-masthead__title");
    html.label(&h1, |u| u.all_issues);
    let list = html.element(&content, "ul", "nv-archive");
    for (entry, issue) in listed {
        let li = html.element(&list, "li", "");
        let a = html.element(&li, "a", "nv-link");
        html.attr(&a, "href", &page_name(issue));
        html.each_lang(&a, "nv-ui", |lang| entry_label(entry, lang));
    }
    finish(html)
}

fn finish(html: Html) -> String {
    format!("<!DOCTYPE html>\n{}\n", html.finish())
}

/// What a search result or a link preview shows: the titles of the first items, in Chinese
/// then in English, cut at about 300 characters.
fn description(issue: &Issue) -> String {
    let titles = |lang: Lang, n: usize| -> Vec<String> {
        issue
            .items()
            .take(n)
            .map(|(_, item)| markup::plain(item.title.show(lang).text))
            .collect()
    };
    let text = format!(
        "{} | {}",
        titles(Lang::Zh, 3).join("；"),
        titles(Lang::En, 2).join("; ")
    );
    match text.char_indices().nth(300) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// `sitemap.xml`: the viewer, the archive page and every issue page, with the issue's date.
pub fn sitemap(site: &Site, issues: &[&Issue]) -> Vec<u8> {
    let mut urls: Vec<(String, Option<String>)> = vec![
        (site.url.to_owned(), None),
        (site.page_url("index.html"), None),
    ];
    for issue in issues {
        let date = issue.date.as_ref().map(|d| d.to_string());
        urls.push((site.page_url(&page_name(issue)), date));
    }
    let attributes = [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")];
    xml::document("urlset", &attributes, |w| {
        for (loc, date) in &urls {
            w.create_element("url").write_inner_content(|w| {
                xml::text(w, "loc", loc)?;
                if let Some(date) = date {
                    xml::text(w, "lastmod", date)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })
}

/// `robots.txt`: everything may be read; where the sitemap is.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
        site.url
    )
}
