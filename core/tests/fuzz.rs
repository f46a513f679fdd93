//! Property tests (proptest) for what reads untrusted input: the file reader and the markup
//! parser. No input may panic, no markup tree may hold a link outside `http:`, `https:` and
//! `mailto:`, every file the reader accepts satisfies the model's rules, and the reader
//! agrees with the model's own `Deserialize` on every file it reads without a warning.
//!
//! A bounded run is part of `cargo test`; for a longer one set `PROPTEST_CASES`, e.g.
//! `PROPTEST_CASES=200000 cargo test -p newsletter-core --release --test fuzz`.
#![cfg(not(target_arch = "wasm32"))]

use newsletter_core::markup::{self, Inline};
use newsletter_core::model::{Catalog, Id, Issue, Text};
use newsletter_core::{parse_catalog, parse_issue};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashSet;

const SAMPLE: &str = include_str!("../../public/issues/cyber-041.json");
const CATALOG: &str = include_str!("../../public/issues/index.json");

/// Text built from the pieces the markup cares about, so that the parser's branches are hit.
fn markup_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("*".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("](".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(" ".to_owned()),
        Just("http://e.org/".to_owned()),
        Just("https:".to_owned()),
        Just("//".to_owned()),
        Just("mailto:".to_owned()),
        Just("javascript:".to_owned()),
        Just("JavaScript:".to_owned()),
        Just("data:".to_owned()),
        Just("&#58;".to_owned()),
        Just("\t".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\u{202e}".to_owned()),
        "[a-z]{1,3}",
        "[\\u{4e00}-\\u{4e10}]{1,2}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_links(inlines: &[Inline]) -> Result<(), TestCaseError> {
    for inline in inlines {
        match inline {
            Inline::Text(_) => {}
            Inline::Emphasis(children) => check_links(children)?,
            Inline::Link { href, children } => {
                let lower = href.to_ascii_lowercase();
                let allowed = ["http://", "https://", "mailto:"];
                prop_assert!(
                    allowed.iter().any(|s| lower.starts_with(s)),
                    "link to {href:?}"
                );
                prop_assert!(!href.chars().any(|c| c.is_whitespace() || c.is_control()));
                check_links(children)?;
            }
        }
    }
    Ok(())
}

/// Replaces, removes or retypes a random node of a JSON tree.
fn mutate(value: &mut Value, path: &[usize], replacement: &Value) {
    let Some((&first, rest)) = path.split_first() else {
        *value = replacement.clone();
        return;
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(first % map.len()).unwrap().clone();
            if rest.is_empty() && first % 7 == 0 {
                map.remove(&key);
            } else {
                mutate(map.get_mut(&key).unwrap(), rest, replacement);
            }
        }
        Value::Array(list) if !list.is_empty() => {
            let len = list.len();
            mutate(&mut list[first % len], rest, replacement);
        }
        _ => *value = replacement.clone(),
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        markup_text().prop_map(Value::String),
        "[A-Z]{2}(-[A-Z0-9]{1,3})?".prop_map(Value::String),
        "[a-z0-9-]{0,70}".prop_map(Value::String),
        "(\\.\\./|/|https://)?[a-z]{1,8}\\.json".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("zh|en|id|title|body|items|[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A text holds a language, and no blank one.
fn check_text(text: &Text) -> Result<(), TestCaseError> {
    let langs = [&text.zh, &text.en];
    prop_assert!(langs.iter().any(|s| s.is_some()), "{text:?}");
    for string in langs.into_iter().flatten() {
        prop_assert!(!string.trim().is_empty(), "{text:?}");
    }
    Ok(())
}

/// An id the model holds is one its rule allows.
fn check_id(id: &Id) -> Result<(), TestCaseError> {
    prop_assert!(Id::new(id.as_str()).is_ok(), "{id}");
    Ok(())
}

/// The model's rules for an issue read from a file: valid and unique ids, texts with a
/// language, sources and links that cannot run code.
fn check_issue(issue: &Issue) -> Result<(), TestCaseError> {
    check_id(&issue.id)?;
    let mut ids = HashSet::new();
    for section in &issue.sections {
        check_id(&section.id)?;
        check_text(&section.title)?;
        for item in &section.items {
            check_id(&item.id)?;
            prop_assert!(ids.insert(item.id.clone()), "item id {} twice", item.id);
            check_text(&item.title)?;
            check_text(&item.body)?;
            if let Some(source) = &item.source {
                prop_assert!(markup::safe_url(source, false).is_some(), "{source}");
            }
            for body in [&item.body.zh, &item.body.en].into_iter().flatten() {
                for paragraph in markup::parse(body) {
                    check_links(&paragraph)?;
                }
            }
        }
    }
    let texts = [
        &issue.publisher,
        &issue.publication,
        &issue.series,
        &issue.disclaimer,
    ];
    for text in texts.into_iter().flatten() {
        check_text(text)?;
    }
    if let Some(site) = issue.contact.as_ref().and_then(|c| c.website.as_ref()) {
        prop_assert!(markup::safe_url(site, false).is_some());
    }
    Ok(())
}

/// The model's rules for a catalog: entries, newest first, unique ids, files inside issues/.
fn check_catalog(catalog: &Catalog) -> Result<(), TestCaseError> {
    prop_assert!(!catalog.issues.is_empty());
    let mut ids = HashSet::new();
    for pair in catalog.issues.windows(2) {
        prop_assert!(pair[0].date >= pair[1].date, "not newest first");
    }
    for entry in &catalog.issues {
        check_id(&entry.id)?;
        prop_assert!(ids.insert(entry.id.clone()));
        let file = entry.file.as_str();
        prop_assert!(!file.starts_with('/') && !file.contains("..") && !file.contains(':'));
        if let Some(title) = &entry.title {
            check_text(title)?;
        }
    }
    Ok(())
}

/// Text made of JSON's pieces, mostly almost-JSON, to reach the reader's error paths.
fn json_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("\"".to_owned()),
        Just("\"k\"".to_owned()),
        Just("\"数据\"".to_owned()),
        Just("\\".to_owned()),
        Just("\\u00e9".to_owned()),
        Just("\\ud83d\\ude00".to_owned()),
        Just("\\n".to_owned()),
        Just("\\x".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\t".to_owned()),
        Just("true".to_owned()),
        Just("nul".to_owned()),
        Just("null".to_owned()),
        "-?(0|[1-9][0-9]{0,3})(\\.[0-9]{0,2})?([eE][+-]?[0-9]{0,2})?",
        Just("01".to_owned()),
        Just("\u{1}".to_owned()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

/// The words of parsed markup, without it.
fn words(inlines: &[markup::Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            markup::Inline::Text(text) => text.clone(),
            markup::Inline::Emphasis(children) | markup::Inline::Link { children, .. } => {
                words(children)
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn markup_never_panics_and_links_only_to_allowed_schemes(source in markup_text()) {
        for paragraph in markup::parse(&source) {
            check_links(&paragraph)?;
        }
        check_links(&markup::parse_line(&source))?;
        // plain() gives the parsed words, with markup and without.
        let no_markup: String = source.chars().filter(|c| !matches!(c, '*' | '[')).collect();
        for source in [&source, &no_markup] {
            prop_assert_eq!(markup::plain(source), words(&markup::parse_line(source)));
        }
    }

    #[test]
    fn almost_json_is_read_or_refused_without_panicking(text in json_like_text()) {
        let wrapped = format!(r#"{{"format":"newsletter-issue/1","id":"a","sections":{text}}}"#);
        for text in [&text, &wrapped] {
            if let Ok(parsed) = parse_issue("x.json", text) {
                check_issue(&parsed.value)?;
            }
            if let Ok(parsed) = parse_catalog("index.json", text) {
                check_catalog(&parsed.value)?;
            }
        }
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "\\PC{0,200}") {
        let _ = parse_issue("x.json", &text);
        let _ = parse_catalog("index.json", &text);
    }

    #[test]
    fn a_mutated_sample_issue_is_read_or_refused_and_what_is_read_keeps_the_rules(
        path in prop::collection::vec(any::<usize>(), 0..7),
        replacement in json_value(),
    ) {
        let mut value: Value = serde_json::from_str(SAMPLE).unwrap();
        mutate(&mut value, &path, &replacement);
        let text = value.to_string();
        let read = parse_issue("x.json", &text);
        if let Ok(parsed) = &read {
            check_issue(&parsed.value)?;
        }
        // Where the reader leaves nothing out, the model's own Deserialize reads the same.
        let strict = serde_json::from_str::<Issue>(&text);
        if let (Ok(parsed), Ok(strict)) = (&read, &strict) {
            if parsed.warnings.is_empty() && value.get("format") == Some(&"newsletter-issue/1".into()) {
                prop_assert_eq!(&parsed.value, strict);
            }
        }
    }

    #[test]
    fn a_mutated_catalog_is_read_or_refused_and_keeps_files_inside_issues(
        path in prop::collection::vec(any::<usize>(), 0..5),
        replacement in json_value(),
    ) {
        let mut value: Value = serde_json::from_str(CATALOG).unwrap();
        mutate(&mut value, &path, &replacement);
        if let Ok(parsed) = parse_catalog("index.json", &value.to_string()) {
            check_catalog(&parsed.value)?;
        }
    }
}
