//! `newsletter index` on the 500-issue benchmark archive (bench/archive.mjs, made with Node,
//! which the test suite needs anyway): the prebuilt index, read back from the files written,
//! finds the same items in the same order as the in-browser index over the same issues.

mod common;

use std::fs;
use std::process::Command;

use common::{arg, newsletter};
use newsletter_core::filter::Filter;
use newsletter_core::search::prebuilt::{Manifest, Prebuilt};
use newsletter_core::search::{parse_query, SearchIndex};
use newsletter_core::{parse_catalog, parse_issue};

const QUERIES: &[&str] = &[
    "人脸识别",
    "数据安全",
    "个人信息保护",
    "监管",
    "网信办",
    "识别人脸",
    "的",
    "人脸识别 facial",
    "facial recognition",
    "data ",
    "privacy ",
    "consent",
    "regul",
    "personal data protection ",
    "数据 data ",
    "跨境 transfer",
    "zzzz ",
];

#[test]
fn the_prebuilt_index_finds_what_the_in_browser_index_finds_on_500_issues() {
    let site = tempfile::tempdir().unwrap();
    let issues = site.path().join("issues");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../bench/archive.mjs");
    let made = Command::new("node")
        .args([script, arg(&issues), "500"])
        .status()
        .unwrap();
    assert!(made.success());
    let run = newsletter(&["index", arg(&issues)]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let catalog = parse_catalog(
        "index.json",
        &fs::read_to_string(issues.join("index.json")).unwrap(),
    )
    .unwrap()
    .value;
    let mut memory = SearchIndex::new();
    for (at, entry) in catalog.issues.iter().enumerate() {
        let text = fs::read_to_string(issues.join(entry.file.as_str())).unwrap();
        memory.add_issue(at, &parse_issue(entry.file.as_str(), &text).unwrap().value);
    }
    let search = site.path().join("search");
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(search.join("index.json")).unwrap()).unwrap();
    assert_eq!(manifest.issues, 500);
    let mut prebuilt = Prebuilt::new(manifest).unwrap();
    let mut found = 0;
    for filter in [
        Filter::default(),
        Filter::new(["CN"]),
        Filter::new(["US-CA", "EU"]),
    ] {
        for q in QUERIES {
            let query = parse_query(q);
            for part in prebuilt.needs(&query, &filter) {
                prebuilt
                    .add(&part, &fs::read(search.join(part.path())).unwrap())
                    .unwrap();
            }
            let expected: Vec<_> = memory
                .search(&query, &filter)
                .iter()
                .map(|h| (h.doc, h.score))
                .collect();
            let got: Vec<_> = prebuilt
                .search(&query, &filter)
                .iter()
                .map(|h| (h.doc, h.score))
                .collect();
            assert_eq!(got.len(), expected.len(), "{q:?} with {filter:?}");
            assert!(
                got == expected,
                "{q:?} with {filter:?}: same items, other order"
            );
            found += got.len();
        }
    }
    assert!(found > 10_000, "the queries find something: {found}");
}
