//! `newsletter feeds`: the feeds read back with a feed parser, per jurisdiction, limited,
//! deterministic, and with nothing from a data file that could run.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use serde_json::Value;

const SITE: &str = "https://example.org/newsletter";

fn feeds(site: &Site, extra: &[&str]) -> Run {
    let issues = site.issues();
    let mut args = vec!["feeds", arg(&issues), "--site-url", SITE];
    args.extend_from_slice(extra);
    let run = newsletter(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

/// The item ids of a JSON Feed, in order.
fn ids(feed: &Value) -> Vec<String> {
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            item["url"]
                .as_str()
                .unwrap()
                .rsplit('#')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn every_feed_parses_and_a_country_includes_its_provinces() {
    let site = Site::with_sample();
    feeds(&site, &[]);
    let mut names: Vec<String> = fs::read_dir(site.path("feeds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "CN-GD.json",
            "CN-GD.xml",
            "CN-ZJ.json",
            "CN-ZJ.xml",
            "CN.json",
            "CN.xml",
            "US.json",
            "US.xml"
        ]
    );
    let all: Vec<String> = ["feed.json".to_owned(), "feed.xml".to_owned()]
        .into_iter()
        .chain(names.iter().map(|n| format!("feeds/{n}")))
        .collect();
    for name in &all {
        let bytes = fs::read(site.path(name)).unwrap();
        let parsed = feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!parsed.entries.is_empty(), "{name}");
        for entry in &parsed.entries {
            assert!(entry.links[0]
                .href
                .starts_with("https://example.org/newsletter/?issue=cyber-041#"));
            assert!(entry.published.is_some(), "{name}");
        }
        if name.ends_with(".json") {
            let feed: Value = serde_json::from_slice(&bytes).unwrap();
            // JSON Feed 1.1's required fields.
            assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
            assert!(feed["title"].is_string());
            for item in feed["items"].as_array().unwrap() {
                assert!(item["id"].is_string());
                assert!(item["content_html"].is_string());
            }
        }
    }
    let feed: Value = serde_json::from_str(&site.read("feed.json")).unwrap();
    assert_eq!(feed["feed_url"], "https://example.org/newsletter/feed.json");
    assert_eq!(
        ids(&feed),
        [
            "miit-81-draft-standards",
            "cbirc-regulatory-data-security",
            "zhejiang-1200-apps",
            "guangdong-700-apps",
            "ftc-everalbum-facial-recognition"
        ]
    );
    let first = &feed["items"][0];
    assert!(
        first["title"].as_str().unwrap().contains(" / "),
        "both languages"
    );
    assert!(first["content_html"]
        .as_str()
        .unwrap()
        .contains("lang=\"zh\""));
    assert_eq!(first["date_published"], "2021-01-15T00:00:00Z");
    let cn: Value = serde_json::from_str(&site.read("feeds/CN.json")).unwrap();
    assert_eq!(ids(&cn).len(), 4);
    assert!(ids(&cn).contains(&"zhejiang-1200-apps".to_owned()));
    let us: Value = serde_json::from_str(&site.read("feeds/US.json")).unwrap();
    assert_eq!(ids(&us), ["ftc-everalbum-facial-recognition"]);
}

#[test]
fn feeds_are_limited_and_the_same_bytes_each_run() {
    let site = Site::with_sample();
    feeds(&site, &["--limit", "2"]);
    let feed: Value = serde_json::from_str(&site.read("feed.json")).unwrap();
    assert_eq!(ids(&feed).len(), 2);
    let atom = feed_rs::parser::parse(site.read("feed.xml").as_bytes()).unwrap();
    assert_eq!(atom.entries.len(), 2);
    let before = site.read("feed.xml");
    let again = feeds(&site, &["--limit", "2"]);
    assert!(again.stderr.contains("up to date"), "{}", again.stderr);
    assert_eq!(site.read("feed.xml"), before);
}

#[test]
fn nothing_in_a_data_file_becomes_markup_in_a_feed() {
    let site = Site::with_sample();
    site.write(
        "issues/cyber-041.json",
        sample_issue(|v| {
            let item = &mut v["sections"][0]["items"][0];
            item["title"]["en"] = "<script>alert(1)</script>".into();
            item["body"]["en"] =
                "<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](https://e.org/\"onclick=\"x) ]]>".into();
        }),
    );
    feeds(&site, &[]);
    let feed: Value = serde_json::from_str(&site.read("feed.json")).unwrap();
    let html = feed["items"][0]["content_html"].as_str().unwrap();
    assert!(
        !html.contains("<img") && !html.contains("<script"),
        "{html}"
    );
    assert!(!html.contains("href=\"javascript"), "{html}");
    assert!(!html.contains("onclick=\""), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    let atom = site.read("feed.xml");
    assert!(
        !atom.contains("<script") && !atom.contains("<img"),
        "{atom}"
    );
    let parsed = feed_rs::parser::parse(atom.as_bytes()).unwrap();
    let title = &parsed.entries[0].title.as_ref().unwrap().content;
    assert!(
        title.contains("<script>alert(1)</script>"),
        "the title is text: {title}"
    );
}

#[test]
fn the_viewer_page_advertises_the_feeds() {
    let page =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../index.html")).unwrap();
    assert!(page.contains(r#"<link rel="alternate" type="application/feed+json" href="feed.json""#));
    assert!(page.contains(r#"<link rel="alternate" type="application/atom+xml" href="feed.xml""#));
}
