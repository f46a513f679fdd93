//! The built `newsletter` binary run on fixture folders: exit codes, messages and files.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use serde_json::Value;

#[test]
fn the_sample_is_clean_and_its_catalog_current() {
    let check = newsletter(&["check", arg(&sample())]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert_eq!(check.stdout, "");
    assert!(
        check.stderr.contains("1 issue files, 0 errors, 0 warnings"),
        "{}",
        check.stderr
    );
    let catalog = newsletter(&["catalog", "--check", arg(&sample())]);
    assert_eq!(catalog.code, 0, "{}", catalog.stderr);
}

#[test]
fn a_broken_archive_gets_every_problem_named_by_file_and_place() {
    let site = Site::with_sample();
    // A second issue with a broken item and the first issue's date in its catalog entry.
    site.write(
        "issues/cyber-042.json",
        sample_issue(|v| {
            v["id"] = "cyber-042".into();
            v["number"] = 42.into();
            v["date"] = "2021-02".into();
            v["sections"][0]["items"][1]
                .as_object_mut()
                .unwrap()
                .remove("title");
        }),
    );
    // Same id as the sample, in another file, and listed nowhere.
    site.write("issues/old/copy.json", sample_issue(|_| {}));
    site.write(
        "issues/not-json.json",
        "{\"format\": \"newsletter-issue/1\", ",
    );
    site.write("issues/latin1.json", b"{\"format\": \"caf\xe9\"}");
    site.write(
        "issues/index.json",
        r#"{
  "format": "newsletter-catalog/1",
  "issues": [
    { "id": "cyber-041", "file": "cyber-041.json", "date": "2021-01", "number": 41 },
    { "id": "cyber-042", "file": "cyber-042.json", "date": "2021-03", "number": 42 },
    { "id": "gone", "file": "gone.json", "date": "2020-01" },
    { "id": "escape", "file": "../secret.json", "date": "2020-01" },
    { "id": "not-json", "file": "not-json.json", "date": "2019-01" },
    { "id": "latin1", "file": "latin1.json", "date": "2019-01" }
  ]
}"#,
    );
    let run = newsletter(&["check", arg(&site.issues())]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected = [
        r#"warning: cyber-042.json: sections[0].items[1]: missing field "title"; this part is left out"#,
        r#"warning: index.json: issues[3].file: invalid file "../secret.json""#,
        "error: index.json: issues[1].date: the catalog says 2021-03, cyber-042.json says 2021-02",
        r#"error: index.json: issues[2].file: "gone.json" does not exist in this folder"#,
        "warning: index.json: issues[1]: not newest first",
        "warning: old/copy.json: no catalog entry lists this file",
        r#"error: old/copy.json: id: the id "cyber-041" is also the id of cyber-041.json"#,
        "error: not-json.json: line 1, column 33: the file ends too early",
        "error: latin1.json: byte 15: the file is not UTF-8 text",
    ];
    for line in expected {
        assert!(
            run.stdout.contains(line),
            "missing {line:?} in\n{}",
            run.stdout
        );
    }
    assert!(
        run.stderr.contains("5 issue files, 5 errors, 4 warnings"),
        "{}",
        run.stderr
    );

    let json = newsletter(&["check", "--format", "json", arg(&site.issues())]);
    assert_eq!(json.code, 1);
    let out: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        (out["errors"].as_u64(), out["warnings"].as_u64()),
        (Some(5), Some(4))
    );
    let item = out["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "cyber-042.json")
        .unwrap();
    assert_eq!(item["severity"], "warning");
    assert_eq!(item["place"], "sections[0].items[1]");
    assert_eq!(
        item["message"],
        "missing field \"title\"; this part is left out"
    );
}

#[test]
fn warnings_fail_only_with_strict() {
    let site = Site::with_sample();
    site.write(
        "issues/extra.json",
        sample_issue(|v| v["id"] = "extra".into()),
    );
    let run = newsletter(&["check", arg(&site.issues())]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run
        .stdout
        .contains("warning: extra.json: no catalog entry lists this file"));
    assert_eq!(
        newsletter(&["check", "--strict", arg(&site.issues())]).code,
        1
    );
}

#[test]
fn unreadable_input_gets_one_line_naming_the_file_and_the_rest_is_read() {
    let site = Site::with_sample();
    // Larger than the viewer reads: refused before it is read.
    let big = fs::File::create(site.path("issues/huge.json")).unwrap();
    big.set_len(20_000_000).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.issues(), site.path("issues/loop")).unwrap();
    let run = newsletter(&["check", arg(&site.issues())]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(
            "error: huge.json: the file is 20.0 MB, more than the 12 MB this viewer reads"
        ),
        "{}",
        run.stdout
    );
    #[cfg(unix)]
    assert!(
        run.stdout
            .contains("error: loop: a link loop; this folder is skipped"),
        "{}",
        run.stdout
    );
    // The sample itself was still read and checked.
    assert!(!run.stdout.contains("cyber-041.json"), "{}", run.stdout);

    let missing = newsletter(&["check", arg(&site.path("nowhere"))]);
    assert_eq!(missing.code, 1);
    assert_eq!(missing.stderr.lines().count(), 1, "{}", missing.stderr);
    assert!(missing.stderr.contains("nowhere"), "{}", missing.stderr);

    assert_eq!(newsletter(&["check", "--format", "yaml"]).code, 2);
    assert_eq!(newsletter(&["frobnicate"]).code, 2);
}

#[test]
fn catalog_is_written_from_the_files_newest_first_and_idempotent() {
    let site = Site::with_sample();
    let title = site.json("issues/index.json")["title"].clone();
    fs::remove_file(site.path("issues/index.json")).unwrap();
    site.write(
        "issues/2021/cyber-042.json",
        sample_issue(|v| {
            v["id"] = "cyber-042".into();
            v["number"] = 42.into();
            v["date"] = "2021-02-01".into();
        }),
    );
    let run = newsletter(&["catalog", arg(&site.issues())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let catalog = site.json("issues/index.json");
    let ids: Vec<&str> = catalog["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["cyber-042", "cyber-041"]);
    assert_eq!(catalog["issues"][0]["file"], "2021/cyber-042.json");
    assert_eq!(
        catalog["issues"][0]["title"]["en"],
        "Weekly Cybersecurity and Data Protection Review No.42"
    );
    // Without a catalog there is no title to keep.
    assert_eq!(catalog.get("title"), None);

    // With one, its title is kept; a second run writes nothing.
    let mut with_title = catalog.clone();
    with_title["title"] = title.clone();
    site.write(
        "issues/index.json",
        serde_json::to_string(&with_title).unwrap(),
    );
    assert_eq!(
        newsletter(&["catalog", "--check", arg(&site.issues())]).code,
        1
    );
    assert_eq!(newsletter(&["catalog", arg(&site.issues())]).code, 0);
    assert_eq!(site.json("issues/index.json")["title"], title);
    let before = fs::metadata(site.path("issues/index.json"))
        .unwrap()
        .modified()
        .unwrap();
    let again = newsletter(&["catalog", arg(&site.issues())]);
    assert!(
        again.stderr.contains("up to date; nothing written"),
        "{}",
        again.stderr
    );
    assert_eq!(
        fs::metadata(site.path("issues/index.json"))
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
    assert_eq!(
        newsletter(&["catalog", "--check", arg(&site.issues())]).code,
        0
    );
    assert_eq!(
        newsletter(&["check", "--strict", arg(&site.issues())]).code,
        0
    );
}

#[test]
fn nothing_is_overwritten_when_an_issue_is_broken() {
    let site = Site::with_sample();
    let catalog = site.read("issues/index.json");
    site.write(
        "issues/bad.json",
        sample_issue(|v| v["sections"] = Value::Null),
    );
    let run = newsletter(&["catalog", arg(&site.issues())]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error: bad.json: sections:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(site.read("issues/index.json"), catalog);
    let feeds = newsletter(&[
        "feeds",
        arg(&site.issues()),
        "--site-url",
        "https://example.org/n/",
    ]);
    assert_eq!(feeds.code, 1);
    assert!(!site.path("feed.json").exists());
}

/// `newsletter new --id ID --date 2021-02-01` in the site's issues folder.
fn new_issue(site: &Site, id: &str) -> Run {
    newsletter(&[
        "new",
        "--id",
        id,
        "--date",
        "2021-02-01",
        arg(&site.issues()),
    ])
}

#[test]
fn a_new_issue_carries_over_the_masthead_and_is_listed() {
    let site = Site::with_sample();
    let run = new_issue(&site, "cyber-042");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = site.json("issues/cyber-042.json");
    let old = site.json("issues/cyber-041.json");
    assert_eq!(new["$schema"], "../schema/newsletter-issue-1.schema.json");
    assert_eq!(new["number"], 42);
    assert_eq!(new["publication_number"], 209);
    for same in [
        "publisher",
        "publication",
        "series",
        "disclaimer",
        "contact",
        "jurisdictions",
    ] {
        assert_eq!(new[same], old[same], "{same}");
    }
    let item = &new["sections"][0]["items"][0];
    for field in [
        "id",
        "date",
        "jurisdiction",
        "regulator",
        "title",
        "body",
        "source",
        "tags",
    ] {
        assert!(!item[field].is_null(), "{field}");
    }
    assert!(item["title"]["zh"].is_string() && item["title"]["en"].is_string());
    assert_eq!(
        site.json("issues/index.json")["issues"][0]["id"],
        "cyber-042"
    );
    assert_eq!(
        newsletter(&["check", "--strict", arg(&site.issues())]).code,
        0
    );

    let again = new_issue(&site, "cyber-042");
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    let bad = new_issue(&site, "a b");
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("invalid id"), "{}", bad.stderr);
}

#[test]
fn schemas_are_written_and_the_shipped_ones_are_current() {
    let site = Site::with_sample();
    let run = newsletter(&["schema", arg(&site.path("schema"))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/schema");
    for name in [
        "newsletter-issue-1.schema.json",
        "newsletter-catalog-1.schema.json",
    ] {
        let written = site.read(&format!("schema/{name}"));
        let schema: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let current = fs::read_to_string(shipped.join(name)).unwrap_or_default();
        assert!(
            current == written,
            "public/schema/{name} is stale: run `cargo run -p newsletter-cli -- schema`"
        );
    }
}
