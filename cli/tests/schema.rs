//! The JSON Schemas against the reader: a file the reader takes without a word is valid, and
//! one it refuses or leaves a part of is not, on the sample, the fixtures and a set of
//! broken variants. The rules a schema cannot say are listed, and checked to still differ.

use std::fs;
use std::path::Path;

use newsletter_core::schema::{schemas, CATALOG_SCHEMA, ISSUE_SCHEMA};
use newsletter_core::{parse_catalog, parse_issue};
use serde_json::{json, Value};

fn repo(rel: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)).unwrap()
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Issue,
    Catalog,
}

/// Whether the reader takes `text` without an error or a warning.
fn reader_clean(kind: Kind, text: &str) -> bool {
    match kind {
        Kind::Issue => parse_issue("f.json", text).is_ok_and(|p| p.warnings.is_empty()),
        Kind::Catalog => parse_catalog("index.json", text).is_ok_and(|p| p.warnings.is_empty()),
    }
}

fn schema_valid(kind: Kind, text: &str) -> bool {
    let name = match kind {
        Kind::Issue => ISSUE_SCHEMA,
        Kind::Catalog => CATALOG_SCHEMA,
    };
    let [(_, issue), (_, catalog)] = schemas();
    let schema = match name {
        ISSUE_SCHEMA => issue,
        _ => catalog,
    };
    let validator = jsonschema::draft202012::new(schema.as_value()).expect("a valid schema");
    serde_json::from_str::<Value>(text).is_ok_and(|value| validator.is_valid(&value))
}

fn sample() -> Value {
    serde_json::from_str(&repo("public/issues/cyber-041.json")).unwrap()
}

fn catalog() -> Value {
    serde_json::from_str(&repo("public/issues/index.json")).unwrap()
}

/// The sample with one change: `path` is a JSON pointer, `value` its new value (`None`
/// removes it).
fn variant(base: &Value, path: &str, value: Option<Value>) -> String {
    let mut v = base.clone();
    let (parent, key) = path.rsplit_once('/').unwrap();
    let parent = v.pointer_mut(parent).unwrap();
    match (parent, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(key.to_owned(), value);
        }
        (Value::Object(map), None) => {
            map.remove(key);
        }
        (Value::Array(list), Some(value)) => list[key.parse::<usize>().unwrap()] = value,
        (Value::Array(list), None) => {
            list.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{path}"),
    }
    v.to_string()
}

#[test]
fn the_schemas_and_the_reader_agree_on_every_fixture() {
    let item = "/sections/0/items/0";
    let mut cases: Vec<(&str, Kind, String)> = vec![
        (
            "the sample",
            Kind::Issue,
            repo("public/issues/cyber-041.json"),
        ),
        (
            "the sample's catalog",
            Kind::Catalog,
            repo("public/issues/index.json"),
        ),
        (
            "fixture: broken",
            Kind::Issue,
            repo("e2e/fixtures/broken.json"),
        ),
        (
            "fixture: partial",
            Kind::Issue,
            repo("e2e/fixtures/fixture-partial.json"),
        ),
        (
            "fixture: catalog",
            Kind::Catalog,
            repo("e2e/fixtures/index.json"),
        ),
    ];
    let s = sample();
    let issue_variants: Vec<(&str, String, Option<Value>)> = vec![
        (
            "a later minor version",
            "/format".into(),
            Some(json!("newsletter-issue/1.3")),
        ),
        (
            "another major version",
            "/format".into(),
            Some(json!("newsletter-issue/2")),
        ),
        ("no format", "/format".into(), None),
        (
            "$schema",
            "/$schema".into(),
            Some(json!("../schema/newsletter-issue-1.schema.json")),
        ),
        ("an unknown field", "/colour".into(), Some(json!("blue"))),
        ("null publisher", "/publisher".into(), Some(Value::Null)),
        ("no sections", "/sections".into(), None),
        ("a bad issue id", "/id".into(), Some(json!("cyber 041"))),
        ("a negative number", "/number".into(), Some(json!(-1))),
        ("a number as text", "/number".into(), Some(json!("41"))),
        ("a bad issue date", "/date".into(), Some(json!("2021-13"))),
        (
            "a bad code in names",
            "/jurisdictions/zhejiang".into(),
            Some(json!({"en": "Z"})),
        ),
        ("null names", "/jurisdictions".into(), Some(Value::Null)),
        (
            "a section id with a space",
            "/sections/0/id".into(),
            Some(json!("a b")),
        ),
        (
            "a section title as a list",
            "/sections/0/title".into(),
            Some(json!(["国内要闻", "Domestic News"])),
        ),
        ("an item as a list", item.to_string(), Some(json!(["x"]))),
        ("an item without title", format!("{item}/title"), None),
        (
            "a blank title",
            format!("{item}/title"),
            Some(json!({"zh": " ", "en": ""})),
        ),
        (
            "one language",
            format!("{item}/title"),
            Some(json!({"en": "Only English"})),
        ),
        (
            "a blank language beside one",
            format!("{item}/title"),
            Some(json!({"zh": "", "en": "E"})),
        ),
        (
            "a lower-case code",
            format!("{item}/jurisdiction"),
            Some(json!("cn")),
        ),
        (
            "a province code",
            format!("{item}/jurisdiction"),
            Some(json!("CN-ZJ")),
        ),
        (
            "an item month",
            format!("{item}/date"),
            Some(json!("2021-01")),
        ),
        (
            "a day 32",
            format!("{item}/date"),
            Some(json!("2021-01-32")),
        ),
        (
            "a script source",
            format!("{item}/source"),
            Some(json!("javascript:alert(1)")),
        ),
        (
            "a relative source",
            format!("{item}/source"),
            Some(json!("/news/1")),
        ),
        (
            "an upper-case scheme",
            format!("{item}/source"),
            Some(json!("HTTPS://example.org/a")),
        ),
        ("null tags", format!("{item}/tags"), Some(Value::Null)),
        ("a tag number", format!("{item}/tags"), Some(json!([1]))),
        (
            "a bad e-mail",
            "/contact/email".into(),
            Some(json!("not an address")),
        ),
        (
            "an e-mail",
            "/contact/email".into(),
            Some(json!("info@example.org")),
        ),
        (
            "a bad website",
            "/contact/website".into(),
            Some(json!("example.org")),
        ),
        ("offices null", "/contact/offices".into(), Some(Value::Null)),
    ];
    for (name, path, value) in &issue_variants {
        cases.push((name, Kind::Issue, variant(&s, path, value.clone())));
    }
    let c = catalog();
    let catalog_variants: Vec<(&str, &str, Option<Value>)> = vec![
        (
            "an escaping file",
            "/issues/0/file",
            Some(json!("../secret.json")),
        ),
        (
            "a file in a folder",
            "/issues/0/file",
            Some(json!("2021/cyber-041.json")),
        ),
        (
            "a file with a scheme",
            "/issues/0/file",
            Some(json!("https://e.org/x.json")),
        ),
        ("an entry without date", "/issues/0/date", None),
        ("no issues", "/issues", Some(json!([]))),
        ("a null title", "/title", Some(Value::Null)),
    ];
    for (name, path, value) in &catalog_variants {
        cases.push((name, Kind::Catalog, variant(&c, path, value.clone())));
    }
    let mut disagree = Vec::new();
    for (name, kind, text) in &cases {
        let reader = reader_clean(*kind, text);
        let schema = schema_valid(*kind, text);
        if reader != schema {
            disagree.push(format!("{name}: reader {reader}, schema {schema}"));
        }
    }
    assert!(disagree.is_empty(), "{disagree:#?}");
    assert!(cases.len() > 40);
}

#[test]
fn what_a_schema_cannot_say_still_differs_as_documented() {
    let s = sample();
    // A schema cannot see that two items share an id, nor tell 41.0 from 41.
    let items = s["sections"][0]["items"].clone();
    let mut duplicate = items.clone();
    duplicate[1]["id"] = items[0]["id"].clone();
    let duplicate = variant(&s, "/sections/0/items", Some(duplicate));
    let float = variant(&s, "/number", Some(json!(41.0)));
    for text in [duplicate, float] {
        assert!(!reader_clean(Kind::Issue, &text));
        assert!(schema_valid(Kind::Issue, &text));
    }
}
