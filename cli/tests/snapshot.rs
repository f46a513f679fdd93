//! `newsletter snapshot`: the newest issue written into the viewer's index.html between its
//! markers, once; left out, with the reason, when the viewer would show something else.
//! (Shown before the viewer starts and taken over without a change: e2e/snapshot.test.mjs.)

mod common;

use common::*;

const PAGE: &str = "<body>\n<!-- nv-snapshot --><!-- /nv-snapshot -->\n<script></script>\n";

fn snapshot(site: &Site) -> Run {
    newsletter(&["snapshot", arg(&site.issues())])
}

/// What is between the markers.
fn between(page: &str) -> &str {
    let start = page.find("<!-- nv-snapshot -->").unwrap() + 20;
    let end = page.find("<!-- /nv-snapshot -->").unwrap();
    &page[start..end]
}

#[test]
fn the_newest_issue_goes_between_the_markers_once() {
    let site = Site::with_sample();
    site.write("index.html", PAGE);
    let run = snapshot(&site);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("index.html");
    let shot = between(&page);
    assert!(shot.starts_with(
        "<div class=\"nv-snapshot\" hidden data-issue=\"cyber-041\" data-file=\"cyber-041.json\">"
    ));
    assert_eq!(shot.matches("<article class=\"nv-card\"").count(), 5);
    // The controls wait for the viewer, but for the language switch.
    assert!(shot.contains("<section class=\"nv-filter\" inert"));
    assert!(shot.contains("<form class=\"nv-search\" inert"));
    // The cards' actions, as the viewer draws them, waiting for it.
    assert_eq!(
        shot.matches("<div class=\"nv-card__actions\" inert>")
            .count(),
        5
    );
    assert!(shot.contains("<div class=\"nv-switch\" role=\"group\""));
    assert!(shot.contains("data-en=\"Search all issues\""));
    assert!(shot.contains("<section class=\"nv-footer__disclaimer\""));
    assert!(!shot.contains("<script"));
    assert!(page.ends_with("<!-- /nv-snapshot -->\n<script></script>\n"));
    let again = snapshot(&site);
    assert!(again.stderr.contains("up to date"), "{}", again.stderr);
}

#[test]
fn an_issue_the_viewer_would_show_otherwise_gets_no_snapshot() {
    let site = Site::with_sample();
    site.write("index.html", PAGE);
    assert_eq!(snapshot(&site).code, 0);
    // A country the issue does not name: the viewer asks the browser for its name.
    site.write(
        "issues/cyber-041.json",
        sample_issue(|v| {
            v["sections"][1]["items"][0]["jurisdiction"] = "FR".into();
        }),
    );
    let run = snapshot(&site);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stderr
        .contains("no snapshot of cyber-041.json: the issue does not name the country FR"));
    assert_eq!(between(&site.read("index.html")), "");
    // A warning (a broken date, left out): the viewer shows a panel above the issue.
    site.write(
        "issues/cyber-041.json",
        sample_issue(|v| {
            v["sections"][0]["items"][0]["date"] = "2021-13-45".into();
        }),
    );
    let run = snapshot(&site);
    assert!(run.stderr.contains("has warnings"), "{}", run.stderr);
    assert_eq!(between(&site.read("index.html")), "");
}

#[test]
fn a_page_without_markers_is_refused() {
    let site = Site::with_sample();
    site.write("index.html", "<body></body>");
    let run = snapshot(&site);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no place for the snapshot"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("index.html"), "<body></body>");
}
