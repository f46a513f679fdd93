//! Reading the data format's JSON files: the catalog and the issues.
//!
//! Input is the text of a file (the network layer fetches, this module only reads), output
//! is the checked model or a [`LoadError`] whose `Display` is the message a reader sees:
//! the file, the place (a JSON path such as `sections[0].items[1]`, or a line and column
//! for broken JSON) and what is wrong.
//!
//! A problem confined to one catalog entry, one item or one optional field does not lose
//! the rest of the file: that part is left out and reported as a warning ([`Problem`]) next
//! to what could be read.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::markup::safe_url;
use crate::model::{
    quoted, Catalog, CatalogEntry, Code, Contact, Date, Id, Issue, Item, Section, Text,
};

/// The catalog's `format` this viewer reads (and its later minor versions, `/1.x`).
pub const CATALOG_FORMAT: &str = "newsletter-catalog/1";
/// The issue's `format` this viewer reads (and its later minor versions, `/1.x`).
pub const ISSUE_FORMAT: &str = "newsletter-issue/1";

/// Something wrong at one place of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file's name as the catalog gives it (`cyber-041.json`) or `index.json`.
    pub file: String,
    /// A JSON path (`sections[0].items[1]`), `line 3, column 7`, or empty for the whole file.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.place, self.message)
        }
    }
}

/// Why a file could not be shown. `Display` is the message for the reader.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The request did not complete (offline, connection dropped, blocked).
    #[error("{file}: could not be fetched ({detail})")]
    Network { file: String, detail: String },
    /// The server answered with an error status.
    #[error("{file}: the server answered {status}")]
    Http { file: String, status: u16 },
    /// The file is larger than [`MAX_FILE_BYTES`]; reading it could freeze the page.
    #[error("{file}: the file is {} MB, more than the {} MB this viewer reads", megabytes(*.bytes), MAX_FILE_BYTES / 1_000_000)]
    TooLarge { file: String, bytes: u64 },
    /// The file arrived but cannot be read: not JSON, wrong shape, wrong format version.
    #[error("{0}")]
    Invalid(Problem),
}

/// The largest file the viewer reads. An issue of 2,000 items with long bodies in both
/// languages is about 6 MB; past this, parsing and rendering on a phone would freeze the page.
pub const MAX_FILE_BYTES: u64 = 12_000_000;

/// `bytes` in megabytes with one decimal, without floating point (which would pull float
/// formatting into the wasm for one message).
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Refuses a file of `bytes` bytes if it is over [`MAX_FILE_BYTES`].
pub fn check_size(file: &str, bytes: u64) -> Result<(), LoadError> {
    if bytes > MAX_FILE_BYTES {
        Err(LoadError::TooLarge {
            file: file.to_owned(),
            bytes,
        })
    } else {
        Ok(())
    }
}

impl LoadError {
    /// Whether trying again may help (network trouble, server errors), as opposed to a
    /// file that will read the same way next time.
    pub fn retryable(&self) -> bool {
        matches!(self, LoadError::Network { .. } | LoadError::Http { .. })
    }

    fn invalid(file: &str, place: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError::Invalid(Problem {
            file: file.to_owned(),
            place: place.into(),
            message: message.into(),
        })
    }
}

/// A file that could be read, and what had to be left out of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    pub value: T,
    pub warnings: Vec<Problem>,
}

/// Reads `issues/index.json`. `file` names it in messages.
///
/// Entries that break a rule are left out with a warning; a catalog with no readable entry
/// is an error. Issues come out newest first (by `date`, stable for equal dates).
pub fn parse_catalog(file: &str, json: &str) -> Result<Parsed<Catalog>, LoadError> {
    #[derive(Deserialize)]
    struct Raw {
        #[serde(default)]
        title: Option<Text>,
        issues: Vec<Value>,
    }
    let raw: Raw = from_document(file, read_document(file, json, CATALOG_FORMAT)?)?;
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    let mut issues = Vec::new();
    for (i, value) in raw.issues.into_iter().enumerate() {
        let place = format!("issues[{i}]");
        let Some(entry) = from_value::<CatalogEntry>(file, &place, value, &mut warnings) else {
            continue;
        };
        if !seen.insert(entry.id.clone()) {
            warnings.push(problem(
                file,
                format!("{place}.id"),
                format!(
                    "duplicate id {}; this entry is left out",
                    quoted(entry.id.as_str())
                ),
            ));
            continue;
        }
        issues.push(entry);
    }
    if issues.is_empty() {
        return Err(LoadError::invalid(
            file,
            "issues",
            "the catalog lists no readable issue",
        ));
    }
    // Stable: issues of the same date keep the publisher's order.
    issues.sort_by(|a, b| b.date.cmp(&a.date));
    Ok(Parsed {
        value: Catalog {
            title: raw.title,
            issues,
        },
        warnings,
    })
}

/// Reads one issue file. `file` names it in messages (the catalog's `file` value).
///
/// A broken item or optional field is left out with a warning; a broken issue, section or
/// format is an error.
pub fn parse_issue(file: &str, json: &str) -> Result<Parsed<Issue>, LoadError> {
    #[derive(Deserialize)]
    struct Raw {
        id: Id,
        #[serde(default)]
        publisher: Option<Text>,
        #[serde(default)]
        publication: Option<Text>,
        #[serde(default)]
        publication_number: Option<u32>,
        #[serde(default)]
        series: Option<Text>,
        #[serde(default)]
        number: Option<u32>,
        #[serde(default)]
        date: Option<Date>,
        #[serde(default)]
        jurisdictions: BTreeMap<Code, Text>,
        sections: Vec<RawSection>,
        #[serde(default)]
        disclaimer: Option<Text>,
        #[serde(default)]
        contact: Option<Value>,
    }
    #[derive(Deserialize)]
    struct RawSection {
        id: Id,
        title: Text,
        items: Vec<Value>,
    }

    let raw: Raw = from_document(file, read_document(file, json, ISSUE_FORMAT)?)?;
    let mut warnings = Vec::new();
    let mut item_ids = HashSet::new();
    let mut sections = Vec::with_capacity(raw.sections.len());
    for (s, raw_section) in raw.sections.into_iter().enumerate() {
        let mut items = Vec::with_capacity(raw_section.items.len());
        for (i, value) in raw_section.items.into_iter().enumerate() {
            let place = format!("sections[{s}].items[{i}]");
            let Some(mut item) = from_value::<Item>(file, &place, value, &mut warnings) else {
                continue;
            };
            if !item_ids.insert(item.id.clone()) {
                warnings.push(problem(
                    file,
                    format!("{place}.id"),
                    format!(
                        "duplicate item id {}; this item is left out",
                        quoted(item.id.as_str())
                    ),
                ));
                continue;
            }
            item.source = checked_url(file, &format!("{place}.source"), item.source, &mut warnings);
            items.push(item);
        }
        sections.push(Section {
            id: raw_section.id,
            title: raw_section.title,
            items,
        });
    }
    let contact = raw.contact.and_then(|value| {
        let mut contact = from_value::<Contact>(file, "contact", value, &mut warnings)?;
        contact.website = checked_url(file, "contact.website", contact.website, &mut warnings);
        contact.email = contact.email.and_then(|email| {
            if is_email(&email) {
                Some(email.trim().to_owned())
            } else {
                warnings.push(problem(
                    file,
                    "contact.email".into(),
                    format!(
                        "{} is not an e-mail address; it is left out",
                        quoted(&email)
                    ),
                ));
                None
            }
        });
        Some(contact)
    });
    Ok(Parsed {
        value: Issue {
            id: raw.id,
            publisher: raw.publisher,
            publication: raw.publication,
            publication_number: raw.publication_number,
            series: raw.series,
            number: raw.number,
            date: raw.date,
            jurisdictions: raw.jurisdictions,
            sections,
            disclaimer: raw.disclaimer,
            contact,
        },
        warnings,
    })
}

/// Reads `json` into a JSON tree and checks its `format` before anything else, so a file of
/// another version gets that message rather than a confusing one about its shape.
///
/// Everything typed is then read from the tree, so each model type has one deserializer in
/// the build (the wasm stays small) and one path-tracking error shape.
fn read_document(file: &str, json: &str, expected: &str) -> Result<Value, LoadError> {
    check_size(file, json.len() as u64)?;
    // A host's error or fallback page served in place of the file (often with status 200).
    if json.trim_start().starts_with('<') {
        return Err(LoadError::invalid(
            file,
            "line 1",
            "this is an HTML page, not JSON (is the file missing on the server?)",
        ));
    }
    let value: Value = serde_json::from_str(json).map_err(|e| {
        let message = if e.is_eof() {
            "the file ends too early (is it cut off?)".to_owned()
        } else {
            clean_message(&e)
        };
        LoadError::invalid(file, line_column(&e), message)
    })?;
    let Some(root) = value.as_object() else {
        return Err(LoadError::invalid(
            file,
            "",
            format!("invalid type: {}, expected an object", kind(&value)),
        ));
    };
    let Some(format) = root.get("format") else {
        return Err(LoadError::invalid(file, "", "missing field \"format\""));
    };
    let compatible = format.as_str().is_some_and(|found| {
        // A later minor version only adds optional fields, which are ignored.
        found == expected
            || found
                .strip_prefix(expected)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|minor| !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit()))
    });
    if !compatible {
        let found = match format {
            Value::String(s) => quoted(s),
            other => quoted(&other.to_string()),
        };
        return Err(LoadError::invalid(
            file,
            "format",
            format!("this viewer reads {expected:?}, the file says {found}"),
        ));
    }
    Ok(value)
}

/// serde's words for the kind of a JSON value.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "sequence",
        Value::Object(_) => "map",
    }
}

/// Reads the whole document as `T`; a problem is an error for the file.
fn from_document<T: DeserializeOwned>(file: &str, value: Value) -> Result<T, LoadError> {
    serde_path_to_error::deserialize(value).map_err(|e| json_error(file, "", e))
}

/// Reads one part of a file that was already parsed as JSON; on failure records a warning
/// (the part is left out) and returns `None`.
fn from_value<T: DeserializeOwned>(
    file: &str,
    place: &str,
    value: Value,
    warnings: &mut Vec<Problem>,
) -> Option<T> {
    match serde_path_to_error::deserialize(value) {
        Ok(value) => Some(value),
        Err(e) => {
            let LoadError::Invalid(mut found) = json_error(file, place, e) else {
                unreachable!("json_error only makes Invalid errors")
            };
            found.message.push_str("; this part is left out");
            warnings.push(found);
            None
        }
    }
}

/// Turns serde's error about a JSON tree into the reader's message: place, then what is
/// wrong. `prefix` is the path of the tree inside its file.
fn json_error(
    file: &str,
    prefix: &str,
    error: serde_path_to_error::Error<serde_json::Error>,
) -> LoadError {
    let path = error.path().to_string();
    let path = if path == "." { "" } else { path.as_str() };
    let place = match (prefix.is_empty(), path.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => path.to_owned(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    };
    LoadError::invalid(file, place, clean_message(error.inner()))
}

fn line_column(error: &serde_json::Error) -> String {
    if error.line() == 0 {
        String::new()
    } else {
        format!("line {}, column {}", error.line(), error.column())
    }
}

/// serde_json's message without its trailing position, with "quotes" instead of `ticks`.
fn clean_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) if error.line() != 0 => &text[..at],
        _ => text.as_str(),
    };
    text.replace('`', "\"")
}

fn problem(file: &str, place: String, message: String) -> Problem {
    Problem {
        file: file.to_owned(),
        place,
        message,
    }
}

/// Keeps `url` if it is an `http(s):` URL; otherwise drops it with a warning.
fn checked_url(
    file: &str,
    place: &str,
    url: Option<String>,
    warnings: &mut Vec<Problem>,
) -> Option<String> {
    let url = url?;
    match safe_url(&url, false) {
        Some(ok) => Some(ok.to_owned()),
        None => {
            warnings.push(problem(
                file,
                place.to_owned(),
                format!(
                    "{} is not an http: or https: URL; it is ignored",
                    quoted(&url)
                ),
            ));
            None
        }
    }
}

fn is_email(value: &str) -> bool {
    let value = value.trim();
    let ok_char = |c: char| !(c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"'".contains(c));
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && value.chars().all(ok_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue_with_items(items: &str) -> String {
        format!(
            r#"{{"format":"newsletter-issue/1","id":"t-1","sections":[{{"id":"s","title":{{"en":"S"}},"items":[{items}]}}]}}"#
        )
    }

    const GOOD_ITEM: &str =
        r#"{"id":"a","jurisdiction":"CN","title":{"en":"T"},"body":{"en":"B"}}"#;

    fn invalid(result: Result<Parsed<Issue>, LoadError>) -> String {
        match result {
            Err(e @ LoadError::Invalid(_)) => e.to_string(),
            other => panic!("expected an invalid-file error, got {other:?}"),
        }
    }

    #[test]
    fn the_shipped_sample_issue_reads_without_warnings() {
        let json = include_str!("../../public/issues/cyber-041.json");
        let parsed = parse_issue("cyber-041.json", json).expect("sample parses");
        assert_eq!(parsed.warnings, vec![]);
        let issue = parsed.value;
        assert_eq!(issue.id.as_str(), "cyber-041");
        assert_eq!(issue.publication_number, Some(208));
        assert_eq!(issue.number, Some(41));
        assert_eq!(issue.sections.len(), 2);
        let items: Vec<_> = issue.items().collect();
        assert_eq!(items.len(), 5);
        let dates: Vec<_> = items
            .iter()
            .map(|(_, item)| item.date.as_ref().unwrap().as_str())
            .collect();
        assert_eq!(
            dates,
            [
                "2021-01-15",
                "2021-01-15",
                "2021-01-13",
                "2021-01-11",
                "2021-01-11"
            ]
        );
        let codes: Vec<_> = items.iter().map(|(_, i)| i.jurisdiction.as_str()).collect();
        assert_eq!(codes, ["CN", "CN", "CN-ZJ", "CN-GD", "US"]);
        for (_, item) in &items {
            assert!(item.title.zh.is_some() && item.title.en.is_some());
            assert!(item.body.zh.is_some() && item.body.en.is_some());
            assert!(item.regulator.is_some());
            assert_eq!(item.source, None, "the seed's links have no target");
        }
        assert!(issue.disclaimer.is_some());
        let contact = issue.contact.expect("contact");
        assert_eq!(contact.offices.len(), 6);
        assert_eq!(contact.email.as_deref(), Some("info@lifanglaw.com"));
    }

    #[test]
    fn the_shipped_catalog_reads_and_names_the_sample() {
        let json = include_str!("../../public/issues/index.json");
        let parsed = parse_catalog("index.json", json).expect("catalog parses");
        assert_eq!(parsed.warnings, vec![]);
        let newest = parsed.value.newest().unwrap();
        assert_eq!(newest.id.as_str(), "cyber-041");
        assert_eq!(newest.file.as_str(), "cyber-041.json");
    }

    #[test]
    fn not_json_names_the_file_line_and_column() {
        let message = invalid(parse_issue("x.json", "this is not json"));
        assert!(
            message.starts_with("x.json: line 1, column 2: expected"),
            "{message}"
        );
    }

    #[test]
    fn a_truncated_file_says_it_ends_too_early() {
        let json = issue_with_items(GOOD_ITEM);
        let message = invalid(parse_issue("x.json", &json[..json.len() - 10]));
        assert!(message.contains("ends too early"), "{message}");
        assert!(message.starts_with("x.json: line 1, column "), "{message}");
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let json = issue_with_items(GOOD_ITEM) + " }";
        let message = invalid(parse_issue("x.json", &json));
        assert!(message.contains("trailing characters"), "{message}");
    }

    #[test]
    fn a_missing_item_field_is_reported_with_its_path_and_the_item_left_out() {
        let json = issue_with_items(&format!(
            r#"{GOOD_ITEM},{{"id":"b","jurisdiction":"CN","body":{{"en":"B"}}}}"#
        ));
        let parsed = parse_issue("cyber-041.json", &json).unwrap();
        assert_eq!(parsed.value.sections[0].items.len(), 1);
        assert_eq!(parsed.warnings.len(), 1);
        assert!(
            parsed.warnings[0]
                .to_string()
                .starts_with(r#"cyber-041.json: sections[0].items[1]: missing field "title""#),
            "{}",
            parsed.warnings[0]
        );
    }

    #[test]
    fn a_wrong_type_is_reported_at_its_path() {
        let json = issue_with_items(
            r#"{"id":"a","jurisdiction":"CN","title":{"en":5},"body":{"en":"B"}}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        let message = parsed.warnings[0].to_string();
        assert!(
            message.starts_with("x.json: sections[0].items[0].title.en: invalid type: integer"),
            "{message}"
        );
    }

    #[test]
    fn a_missing_required_issue_field_is_an_error() {
        let message = invalid(parse_issue(
            "x.json",
            r#"{"format":"newsletter-issue/1","id":"a"}"#,
        ));
        assert_eq!(message, r#"x.json: missing field "sections""#);
        let message = invalid(parse_issue(
            "x.json",
            r#"{"format":"newsletter-issue/1","id":"a","sections":[{"id":"s","items":[]}]}"#,
        ));
        assert_eq!(message, r#"x.json: sections[0]: missing field "title""#);
    }

    #[test]
    fn sections_must_be_a_list() {
        let message = invalid(parse_issue(
            "x.json",
            r#"{"format":"newsletter-issue/1","id":"a","sections":"none"}"#,
        ));
        assert!(
            message.starts_with("x.json: sections: invalid type: string"),
            "{message}"
        );
    }

    #[test]
    fn duplicate_item_ids_keep_the_first_and_warn() {
        let json = issue_with_items(&format!("{GOOD_ITEM},{GOOD_ITEM}"));
        let parsed = parse_issue("x.json", &json).unwrap();
        assert_eq!(parsed.value.sections[0].items.len(), 1);
        assert_eq!(
            parsed.warnings[0].to_string(),
            r#"x.json: sections[0].items[1].id: duplicate item id "a"; this item is left out"#
        );
    }

    #[test]
    fn ids_outside_the_allowed_characters_are_reported() {
        let json = issue_with_items(
            r#"{"id":"a b<script>","jurisdiction":"CN","title":{"en":"T"},"body":{"en":"B"}}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        let message = parsed.warnings[0].to_string();
        assert!(
            message.starts_with("x.json: sections[0].items[0].id: invalid id"),
            "{message}"
        );
        let message = invalid(parse_issue(
            "x.json",
            r#"{"format":"newsletter-issue/1","id":"../x","sections":[]}"#,
        ));
        assert!(message.starts_with("x.json: id: invalid id"), "{message}");
    }

    #[test]
    fn a_malformed_jurisdiction_is_reported() {
        let json = issue_with_items(
            r#"{"id":"a","jurisdiction":"china","title":{"en":"T"},"body":{"en":"B"}}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        let message = parsed.warnings[0].to_string();
        assert!(
            message.starts_with(
                r#"x.json: sections[0].items[0].jurisdiction: invalid jurisdiction "china""#
            ),
            "{message}"
        );
    }

    #[test]
    fn an_empty_text_is_reported() {
        let json =
            issue_with_items(r#"{"id":"a","jurisdiction":"CN","title":{},"body":{"en":"B"}}"#);
        let parsed = parse_issue("x.json", &json).unwrap();
        let message = parsed.warnings[0].to_string();
        assert!(
            message.starts_with("x.json: sections[0].items[0].title: a text needs"),
            "{message}"
        );
    }

    #[test]
    fn another_format_version_is_refused_by_name() {
        let message = invalid(parse_issue(
            "x.json",
            r#"{"format":"newsletter-issue/2","id":"a","sections":[]}"#,
        ));
        assert_eq!(
            message,
            r#"x.json: format: this viewer reads "newsletter-issue/1", the file says "newsletter-issue/2""#
        );
        let message = invalid(parse_issue("x.json", r#"{"id":"a","sections":[]}"#));
        assert_eq!(message, r#"x.json: missing field "format""#);
        let message = invalid(parse_issue(
            "x.json",
            r#"{"format":"newsletter-catalog/1","issues":[]}"#,
        ));
        assert!(
            message.contains("the file says \"newsletter-catalog/1\""),
            "{message}"
        );
    }

    #[test]
    fn a_later_minor_version_with_unknown_fields_is_read() {
        let json =
            r#"{"format":"newsletter-issue/1.3","id":"a","sections":[],"new_thing":{"x":1}}"#;
        assert!(parse_issue("x.json", json).is_ok());
        let json = r#"{"format":"newsletter-issue/10","id":"a","sections":[]}"#;
        assert!(parse_issue("x.json", json).is_err());
    }

    #[test]
    fn sources_outside_http_are_ignored_with_a_warning() {
        let json = issue_with_items(
            r#"{"id":"a","jurisdiction":"CN","title":{"en":"T"},"body":{"en":"B"},"source":"javascript:alert(1)"},
               {"id":"b","jurisdiction":"CN","title":{"en":"T"},"body":{"en":"B"},"source":"https://example.org/n"}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        let items = &parsed.value.sections[0].items;
        assert_eq!(items[0].source, None);
        assert_eq!(items[1].source.as_deref(), Some("https://example.org/n"));
        assert_eq!(
            parsed.warnings[0].to_string(),
            r#"x.json: sections[0].items[0].source: "javascript:alert(1)" is not an http: or https: URL; it is ignored"#
        );
    }

    #[test]
    fn a_bad_contact_part_is_left_out_with_a_warning() {
        let json = r#"{"format":"newsletter-issue/1","id":"a","sections":[],
            "contact":{"website":"data:text/html,x","email":"not an address","phone":"1"}}"#;
        let parsed = parse_issue("x.json", json).unwrap();
        let contact = parsed.value.contact.unwrap();
        assert_eq!(contact.website, None);
        assert_eq!(contact.email, None);
        assert_eq!(contact.phone.as_deref(), Some("1"));
        assert_eq!(parsed.warnings.len(), 2);
    }

    const ENTRY_OLD: &str = r#"{"id":"old","file":"old.json","date":"2020-12-01"}"#;
    const ENTRY_NEW: &str = r#"{"id":"new","file":"new.json","date":"2021-01"}"#;

    fn catalog(entries: &str) -> String {
        format!(r#"{{"format":"newsletter-catalog/1","issues":[{entries}]}}"#)
    }

    #[test]
    fn the_catalog_lists_newest_first_whatever_the_file_order() {
        let parsed =
            parse_catalog("index.json", &catalog(&format!("{ENTRY_OLD},{ENTRY_NEW}"))).unwrap();
        let ids: Vec<_> = parsed.value.issues.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["new", "old"]);
    }

    #[test]
    fn catalog_files_escaping_the_folder_are_left_out_with_a_warning() {
        let parsed = parse_catalog(
            "index.json",
            &catalog(&format!(
                r#"{ENTRY_OLD},{{"id":"x","file":"../x.json","date":"2021-01"}},
                   {{"id":"y","file":"https://evil.example/y.json","date":"2021-01"}},
                   {{"id":"z","file":"/z.json","date":"2021-01"}}"#
            )),
        )
        .unwrap();
        assert_eq!(parsed.value.issues.len(), 1);
        let places: Vec<_> = parsed.warnings.iter().map(|w| w.place.as_str()).collect();
        assert_eq!(
            places,
            ["issues[1].file", "issues[2].file", "issues[3].file"]
        );
    }

    #[test]
    fn duplicate_catalog_ids_keep_the_first() {
        let parsed =
            parse_catalog("index.json", &catalog(&format!("{ENTRY_OLD},{ENTRY_OLD}"))).unwrap();
        assert_eq!(parsed.value.issues.len(), 1);
        assert_eq!(parsed.warnings[0].place, "issues[1].id");
    }

    #[test]
    fn an_empty_catalog_is_an_error() {
        let err = parse_catalog("index.json", &catalog("")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "index.json: issues: the catalog lists no readable issue"
        );
        assert!(!err.retryable());
    }

    #[test]
    fn an_html_page_in_place_of_the_file_says_so() {
        let message = invalid(parse_issue("x.json", "\n  <!DOCTYPE html><html>404</html>"));
        assert_eq!(
            message,
            "x.json: line 1: this is an HTML page, not JSON (is the file missing on the server?)"
        );
    }

    #[test]
    fn files_over_the_limit_are_refused_before_parsing() {
        let big = format!(
            r#"{{"format":"newsletter-issue/1","id":"a","sections":[],"pad":"{}"}}"#,
            "x".repeat(MAX_FILE_BYTES as usize)
        );
        let err = parse_issue("big.json", &big).unwrap_err();
        assert!(matches!(err, LoadError::TooLarge { .. }));
        assert!(!err.retryable());
        assert_eq!(
            check_size("big.json", 20_000_000).unwrap_err().to_string(),
            "big.json: the file is 20.0 MB, more than the 12 MB this viewer reads"
        );
        assert!(check_size("ok.json", MAX_FILE_BYTES).is_ok());
    }

    #[test]
    fn network_errors_can_be_retried_and_name_the_file() {
        let err = LoadError::Http {
            file: "cyber-041.json".into(),
            status: 503,
        };
        assert!(err.retryable());
        assert_eq!(err.to_string(), "cyber-041.json: the server answered 503");
    }

    #[test]
    fn emails_are_checked_loosely_but_reject_markup() {
        assert!(is_email("info@lifanglaw.com"));
        assert!(!is_email("info@"));
        assert!(!is_email("<a>@x.com"));
        assert!(!is_email("a@b@c.com"));
        assert!(!is_email("javascript:alert(1)//@x.com"));
    }
}
