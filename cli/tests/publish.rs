//! `newsletter publish`: every file a site needs from its issues, from one command.

mod common;

use std::fs;

use common::{arg, monthly, newsletter, sample_issue};

#[test]
fn publish_writes_the_whole_site_and_a_second_run_changes_nothing() {
    let site = monthly(130);
    site.write(
        "index.html",
        "<!doctype html><body><!-- nv-snapshot --><!-- /nv-snapshot --></body>",
    );
    let dir = site.issues();
    let run = newsletter(&["publish", arg(&dir), "--site-url", "https://example.org/n"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in [
        "issues/index.json",
        "issues/index-2.json",
        "schema/newsletter-issue-1.schema.json",
        "feed.json",
        "feed.xml",
        "feeds/CN.json",
        "issues/m-0130.html",
        "issues/index.html",
        "sitemap.xml",
        "robots.txt",
        "search/index.json",
    ] {
        assert!(site.path(file).exists(), "{file}\n{}", run.stderr);
    }
    assert_eq!(site.json("issues/index.json")["pages"][0]["issues"], 30);
    assert_eq!(site.json("search/index.json")["issues"], 130);
    assert!(site.read("index.html").contains("nv-snapshot"));
    assert!(
        site.read("index.html").contains("m-0130"),
        "the newest issue's snapshot"
    );
    assert!(
        run.stderr.contains("published 130 issues in"),
        "{}",
        run.stderr
    );
    assert_eq!(newsletter(&["check", "--strict", arg(&dir)]).code, 0);

    let again = newsletter(&["publish", arg(&dir), "--site-url", "https://example.org/n"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(!again.stderr.contains("wrote"), "{}", again.stderr);
}

#[test]
fn publish_writes_nothing_when_an_issue_has_an_error() {
    let site = monthly(3);
    let dir = site.issues();
    site.write(
        "issues/broken.json",
        sample_issue(|v| v["sections"] = "none".into()),
    );
    let run = newsletter(&["publish", arg(&dir), "--site-url", "https://example.org/n"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("broken.json: sections"),
        "{}",
        run.stderr
    );
    assert!(!site.path("issues/index.json").exists());
    assert!(!site.path("feed.json").exists());
    assert!(fs::read_dir(site.issues()).unwrap().count() == 4);
}
