//! `newsletter pages`: the files it writes, the same bytes each run, and nothing from a file
//! becoming markup. (The pages in a browser, scripts off: e2e/pages.test.mjs.)

mod common;

use common::*;

const SITE: &str = "https://example.org/newsletter/";

#[test]
fn pages_archive_sitemap_and_robots_are_written_once() {
    let site = Site::with_sample();
    let run = newsletter(&["pages", arg(&site.issues()), "--site-url", SITE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("issues/cyber-041.html");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh\" data-mode=\"both\">"));
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://example.org/newsletter/issues/cyber-041.html\">"
    ));
    assert!(page.contains("<meta property=\"og:locale:alternate\" content=\"en_US\">"));
    assert!(page.contains("content=\"default-src 'none'; style-src 'sha256-"));
    assert_eq!(page.matches("<article class=\"nv-card\"").count(), 5);
    assert!(!page.contains("<script"));
    // A card's actions need a script: a static page has none.
    assert!(!page.contains("<div class=\"nv-card__actions\""));
    assert!(site
        .read("issues/index.html")
        .contains("<a class=\"nv-link\" href=\"cyber-041.html\">"));
    assert!(site
        .read("sitemap.xml")
        .contains("<loc>https://example.org/newsletter/issues/cyber-041.html</loc>"));
    assert_eq!(
        site.read("robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://example.org/newsletter/sitemap.xml\n"
    );
    let again = newsletter(&["pages", arg(&site.issues()), "--site-url", SITE]);
    assert!(
        again.stderr.contains("up to date; nothing written"),
        "{}",
        again.stderr
    );
}

#[test]
fn a_hostile_text_stays_text_in_a_page() {
    let site = Site::with_sample();
    site.write(
        "issues/cyber-041.json",
        sample_issue(|v| {
            v["publication"]["en"] = "</title><script>alert(1)</script>".into();
            v["sections"][0]["items"][0]["body"]["en"] =
                "<style>body{display:none}</style> [x](javascript:alert(1))".into();
        }),
    );
    let run = newsletter(&["pages", arg(&site.issues()), "--site-url", SITE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("issues/cyber-041.html");
    assert!(!page.contains("<script"), "no script element");
    assert!(page.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;style&gt;body{display:none}&lt;/style&gt; x"));
    assert!(!page.contains("javascript:"));
}
