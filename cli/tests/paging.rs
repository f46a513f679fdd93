//! `newsletter catalog` in pages (format 1.1), and `newsletter check` reading them.

mod common;

use std::fs;

use common::{arg, monthly, newsletter};
use serde_json::Value;

fn ids(page: &Value) -> Vec<String> {
    page["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_long_catalog_is_written_in_pages_that_check_clean() {
    let site = monthly(45);
    let dir = site.issues();
    let run = newsletter(&["catalog", "--page-size", "20", arg(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = site.json("issues/index.json");
    assert_eq!(first["format"], "newsletter-catalog/1.1");
    assert_eq!(first["next"], "index-2.json");
    assert_eq!(ids(&first).len(), 20);
    assert_eq!(ids(&first)[0], "m-0045");
    let pages = first["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0]["file"], "index-2.json");
    assert_eq!(pages[0]["newest"], "2025-04");
    assert_eq!(pages[0]["oldest"], "2023-09");
    assert_eq!(pages[1]["issues"], 5);
    // The issues of later pages that are in folders, and only those.
    let files = first["files"].as_object().unwrap();
    assert_eq!(files.len(), 3, "{files:?}");
    assert_eq!(files["m-0021"], "2024/m-0021.json");
    let second = site.json("issues/index-2.json");
    assert_eq!(second["next"], "index-3.json");
    assert_eq!(second.get("title"), None);
    assert_eq!(ids(&second)[0], "m-0025");
    assert_eq!(site.json("issues/index-3.json").get("next"), None);
    let check = newsletter(&["check", "--strict", arg(&dir)]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(check.stderr.contains("45 issue files"), "{}", check.stderr);
    assert_eq!(
        newsletter(&["catalog", "--check", "--page-size", "20", arg(&dir)]).code,
        0
    );
    // Without --page-size, the catalog keeps its pages' size.
    assert_eq!(newsletter(&["catalog", "--check", arg(&dir)]).code, 0);

    // Fewer issues: the page no longer needed is removed, and the rest is current again.
    for i in 1..=10 {
        let id = format!("m-{i:04}");
        let _ = fs::remove_file(dir.join(format!("{id}.json")));
    }
    fs::remove_file(dir.join("2023/m-0007.json")).unwrap_or(());
    let stale = newsletter(&["catalog", "--check", "--page-size", "20", arg(&dir)]);
    assert_eq!(stale.code, 1);
    assert!(
        stale.stderr.contains("index-3.json: out of date"),
        "{}",
        stale.stderr
    );
    let run = newsletter(&["catalog", "--page-size", "20", arg(&dir)]);
    assert!(run.stderr.contains("removed"), "{}", run.stderr);
    assert!(!dir.join("index-3.json").exists());
    assert_eq!(newsletter(&["check", "--strict", arg(&dir)]).code, 0);

    // Fits one page: a plain catalog of format 1 again.
    let run = newsletter(&["catalog", "--page-size", "100", arg(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let one = site.json("issues/index.json");
    assert_eq!(one["format"], "newsletter-catalog/1");
    assert_eq!(one.get("pages"), None);
    assert!(!dir.join("index-2.json").exists());
}

#[test]
fn check_names_a_page_that_disagrees_with_the_first() {
    let site = monthly(30);
    let dir = site.issues();
    assert_eq!(
        newsletter(&["catalog", "--page-size", "20", arg(&dir)]).code,
        0
    );
    let mut first = site.json("issues/index.json");
    first["pages"][0]["issues"] = 12.into();
    first["files"] = serde_json::json!({});
    site.write("issues/index.json", first.to_string());
    let mut second = site.json("issues/index-2.json");
    second["next"] = "index-9.json".into();
    site.write("issues/index-2.json", second.to_string());
    let check = newsletter(&["check", arg(&dir)]);
    assert_eq!(check.code, 1);
    for expected in [
        "error: index.json: pages[0].issues: index.json says 12, index-2.json has 10",
        "error: index.json: files: a link to \"m-0006\" would open m-0006.json, but its file is 2024/m-0006.json",
        "error: index-2.json: next: the next page should be none, as index.json's pages say",
    ] {
        assert!(check.stdout.contains(expected), "{expected}\n{}", check.stdout);
    }
    // A page listed but missing is named, and the first page's issues still check.
    fs::remove_file(dir.join("index-2.json")).unwrap();
    let check = newsletter(&["check", arg(&dir)]);
    assert!(check.stdout.contains("index-2.json"), "{}", check.stdout);
}
