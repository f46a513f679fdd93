//! Reading the data format's JSON files: the catalog and the issues.
//!
//! Input is the text of a file (the network layer fetches, this module only reads), output
//! is the checked model or a [`LoadError`] whose `Display` is the message a reader sees:
//! the file, the place (a JSON path such as `sections[0].items[1]`, or a line and column
//! for broken JSON) and what is wrong.
//!
//! A problem confined to one catalog entry, one item or one optional field does not lose
//! the rest of the file: that part is left out and reported as a warning ([`Problem`]) next
//! to what could be read. serde does the reading: a file is first read into its outline
//! (the `…Fields` structs below), whose parts that may be left out on their own are kept as
//! raw JSON ([`RawValue`]); each part is then deserialized into the model's types by itself,
//! and `serde_path_to_error` gives the place of what is wrong in it.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde_json::error::Category;
use serde_json::value::RawValue;

use crate::model::{
    quoted, Catalog, CatalogEntry, CatalogPage, Code, Contact, Count, Date, Day, Email, HttpUrl,
    Id, Issue, IssuePath, Item, Names, Object, Regulator, Regulators, Section, Text,
};

/// The catalog's `format` this viewer reads (and its later minor versions, `/1.x`).
pub const CATALOG_FORMAT: &str = "newsletter-catalog/1";
/// The format of a paged catalog's pages: 1.1 added `next`, `pages` and `files`.
pub const PAGED_CATALOG_FORMAT: &str = "newsletter-catalog/1.1";
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
    /// The request did not complete while the browser is offline, and no copy was kept for
    /// offline reading (`offline`).
    #[error("{file}: not saved for offline reading, and the browser is offline")]
    Offline { file: String },
    /// The server answered with an error status.
    #[error("{file}: the server answered {status}")]
    Http { file: String, status: u16 },
    /// The file is larger than [`MAX_FILE_BYTES`]; reading it could freeze the page. Its
    /// size is known when the server declared it, or the whole file was read.
    #[error("{file}: the file is {}more than the {} MB this viewer reads", size(*.bytes), MAX_FILE_BYTES / 1_000_000)]
    TooLarge { file: String, bytes: Option<u64> },
    /// The file arrived but cannot be read: not JSON, wrong shape, wrong format version.
    #[error("{0}")]
    Invalid(Problem),
}

/// The largest file the viewer reads. An issue of 2,000 items with long bodies in both
/// languages is about 6 MB; past this, parsing and rendering on a phone would freeze the page.
pub const MAX_FILE_BYTES: u64 = 12_000_000;

/// A known size in megabytes with one decimal, then a comma; nothing for an unknown one.
fn size(bytes: Option<u64>) -> String {
    match bytes {
        Some(bytes) => format!("{:.1} MB, ", bytes as f64 / 1e6),
        None => String::new(),
    }
}

/// Refuses a file of `bytes` bytes if it is over [`MAX_FILE_BYTES`].
pub fn check_size(file: &str, bytes: u64) -> Result<(), LoadError> {
    if bytes > MAX_FILE_BYTES {
        Err(LoadError::TooLarge {
            file: file.to_owned(),
            bytes: Some(bytes),
        })
    } else {
        Ok(())
    }
}

impl LoadError {
    /// Whether trying again may help (network trouble, server errors), as opposed to a
    /// file that will read the same way next time.
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            LoadError::Network { .. } | LoadError::Offline { .. } | LoadError::Http { .. }
        )
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

/// A part of a file that is read on its own, kept as its JSON text until then.
type Raw<'a> = &'a RawValue;

// Each outline is read as an `Object<…>`: from a JSON object only.

/// What every file starts with: its format, checked before anything else so that a file of
/// another version gets that message rather than a confusing one about its shape.
#[derive(Deserialize)]
struct Head {
    format: String,
}

/// The catalog's outline.
#[derive(Deserialize)]
struct CatalogFields<'a> {
    #[serde(borrow)]
    title: Option<Raw<'a>>,
    #[serde(borrow)]
    issues: Vec<Raw<'a>>,
    #[serde(borrow)]
    next: Option<Raw<'a>>,
    #[serde(borrow)]
    pages: Option<Raw<'a>>,
    #[serde(borrow)]
    files: Option<Raw<'a>>,
}

/// A catalog entry: its required fields read, its optional ones kept raw.
#[derive(Deserialize)]
struct EntryFields<'a> {
    id: Id,
    file: IssuePath,
    date: Date,
    #[serde(borrow)]
    number: Option<Raw<'a>>,
    #[serde(borrow)]
    title: Option<Raw<'a>>,
}

/// An issue's outline: a broken `id` or `sections` loses the file, the rest is optional.
#[derive(Deserialize)]
struct IssueFields<'a> {
    id: Id,
    #[serde(borrow)]
    sections: Vec<Object<SectionFields<'a>>>,
    #[serde(borrow)]
    publisher: Option<Raw<'a>>,
    #[serde(borrow)]
    publication: Option<Raw<'a>>,
    #[serde(borrow)]
    publication_number: Option<Raw<'a>>,
    #[serde(borrow)]
    series: Option<Raw<'a>>,
    #[serde(borrow)]
    number: Option<Raw<'a>>,
    #[serde(borrow)]
    date: Option<Raw<'a>>,
    #[serde(borrow)]
    jurisdictions: Option<Raw<'a>>,
    #[serde(borrow)]
    regulators: Option<Raw<'a>>,
    #[serde(borrow)]
    disclaimer: Option<Raw<'a>>,
    #[serde(borrow)]
    contact: Option<Raw<'a>>,
}

/// A section: all of it is required, but its items are read one by one.
#[derive(Deserialize)]
struct SectionFields<'a> {
    id: Id,
    title: Text,
    #[serde(borrow)]
    items: Vec<Raw<'a>>,
}

/// An item: a broken required field leaves the item out, a broken optional one only itself.
#[derive(Deserialize)]
struct ItemFields<'a> {
    id: Id,
    jurisdiction: Code,
    title: Text,
    body: Text,
    #[serde(borrow)]
    date: Option<Raw<'a>>,
    #[serde(borrow)]
    regulator: Option<Raw<'a>>,
    #[serde(borrow)]
    regulator_id: Option<Raw<'a>>,
    #[serde(borrow)]
    source: Option<Raw<'a>>,
    #[serde(borrow)]
    tags: Option<Raw<'a>>,
}

/// The contact: every part optional, and left out on its own when broken.
#[derive(Deserialize)]
struct ContactFields<'a> {
    #[serde(borrow)]
    website: Option<Raw<'a>>,
    #[serde(borrow)]
    email: Option<Raw<'a>>,
    #[serde(borrow)]
    phone: Option<Raw<'a>>,
    #[serde(borrow)]
    fax: Option<Raw<'a>>,
    #[serde(borrow)]
    offices: Option<Raw<'a>>,
    #[serde(borrow)]
    follow: Option<Raw<'a>>,
}

/// Reads `issues/index.json`. `file` names it in messages.
///
/// Entries that break a rule are left out with a warning, as is a broken optional field; a
/// catalog with no readable entry is an error. Issues come out newest first (by `date`,
/// stable for equal dates).
pub fn parse_catalog(file: &str, json: &str) -> Result<Parsed<Catalog>, LoadError> {
    let json = read_head(file, json, CATALOG_FORMAT)?;
    let Object(fields): Object<CatalogFields> = read(json).map_err(|bad| bad.fatal(file))?;
    let mut notes = Notes::new(file);
    let title = notes.optional(fields.title, "title");
    let mut seen = HashSet::new();
    let mut issues = Vec::with_capacity(fields.issues.len());
    for (i, raw) in fields.issues.into_iter().enumerate() {
        let place = format!("issues[{i}]");
        let Some(Object(entry)) = notes.part::<Object<EntryFields>>(raw, &place) else {
            continue;
        };
        if !notes.first(&mut seen, &entry.id, &place, "id", "entry") {
            continue;
        }
        issues.push(CatalogEntry {
            id: entry.id,
            file: entry.file,
            date: entry.date,
            number: notes
                .optional(entry.number, &format!("{place}.number"))
                .map(|Count(n)| n),
            title: notes.optional(entry.title, &format!("{place}.title")),
        });
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
    let next = notes.optional(fields.next, "next");
    let pages = notes
        .optional::<Vec<Raw>>(fields.pages, "pages")
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter_map(|(i, raw)| {
            let Object(page): Object<CatalogPage> = notes.part(raw, &format!("pages[{i}]"))?;
            Some(page)
        })
        .collect();
    let files = notes.optional(fields.files, "files").unwrap_or_default();
    Ok(Parsed {
        value: Catalog {
            title,
            issues,
            next,
            pages,
            files,
        },
        warnings: notes.warnings,
    })
}

/// Reads one issue file. `file` names it in messages (the catalog's `file` value).
///
/// A broken item, optional field or jurisdiction name is left out with a warning; a broken
/// issue, section or format is an error.
pub fn parse_issue(file: &str, json: &str) -> Result<Parsed<Issue>, LoadError> {
    let json = read_head(file, json, ISSUE_FORMAT)?;
    let Object(fields): Object<IssueFields> = read(json).map_err(|bad| bad.fatal(file))?;
    let mut notes = Notes::new(file);
    let regulators = read_regulators(fields.regulators, &mut notes);
    let mut item_ids = HashSet::new();
    let mut sections = Vec::with_capacity(fields.sections.len());
    for (s, Object(section)) in fields.sections.into_iter().enumerate() {
        let mut items = Vec::with_capacity(section.items.len());
        for (i, raw) in section.items.into_iter().enumerate() {
            let place = format!("sections[{s}].items[{i}]");
            let Some(mut item) = read_item(raw, &place, &mut notes) else {
                continue;
            };
            // A regulator the issue does not have: that field is left out.
            if let Some(id) = item.regulator_id.take() {
                if regulators.contains_key(&id) {
                    item.regulator_id = Some(id);
                } else {
                    notes.warn(
                        format!("{place}.regulator_id"),
                        format!(
                            "the issue's regulators have no {}; this field is left out",
                            quoted(&id)
                        ),
                    );
                }
            }
            if !notes.first(&mut item_ids, &item.id, &place, "item id", "item") {
                continue;
            }
            items.push(item);
        }
        sections.push(Section {
            id: section.id,
            title: section.title,
            items,
        });
    }
    let jurisdictions = read_names(fields.jurisdictions, &mut notes);
    let contact = notes
        .part::<Object<ContactFields>>(fields.contact, "contact")
        .map(|Object(contact)| read_contact(contact, &mut notes));
    Ok(Parsed {
        value: Issue {
            id: fields.id,
            publisher: notes.optional(fields.publisher, "publisher"),
            publication: notes.optional(fields.publication, "publication"),
            publication_number: notes
                .optional(fields.publication_number, "publication_number")
                .map(|Count(n)| n),
            series: notes.optional(fields.series, "series"),
            number: notes.optional(fields.number, "number").map(|Count(n)| n),
            date: notes.optional::<Date>(fields.date, "date"),
            jurisdictions,
            regulators,
            sections,
            disclaimer: notes.optional(fields.disclaimer, "disclaimer"),
            contact,
        },
        warnings: notes.warnings,
    })
}

/// One item: the required fields first, so that an item left out for a missing one is not
/// also reported for its optional ones.
fn read_item(raw: Raw, place: &str, notes: &mut Notes) -> Option<Item> {
    let Object(item) = notes.part::<Object<ItemFields>>(raw, place)?;
    let field = |key: &str| format!("{place}.{key}");
    Some(Item {
        id: item.id,
        jurisdiction: item.jurisdiction,
        title: item.title,
        body: item.body,
        date: notes.optional::<Day>(item.date, &field("date")),
        regulator: notes.optional(item.regulator, &field("regulator")),
        regulator_id: notes.optional::<Id>(item.regulator_id, &field("regulator_id")),
        source: notes.optional::<HttpUrl>(item.source, &field("source")),
        tags: notes
            .optional(item.tags, &field("tags"))
            .unwrap_or_default(),
    })
}

/// The object `field` of the issue, keyed by `key`'s checked strings: a bad key or value is
/// left out on its own.
fn read_keyed<'a, K: Ord, V: Deserialize<'a>>(
    raw: Option<Raw<'a>>,
    field: &str,
    key: fn(&str) -> Result<K, String>,
    notes: &mut Notes,
) -> BTreeMap<K, V> {
    let entries: BTreeMap<String, Raw> = notes.part(raw, field).unwrap_or_default();
    let mut out = BTreeMap::new();
    for (name, value) in entries {
        let place = format!("{field}.{name}");
        match key(&name) {
            Ok(key) => {
                if let Some(value) = notes.part::<V>(Some(value), &place) {
                    out.insert(key, value);
                }
            }
            Err(message) => notes.warn(place, format!("{message}; this part is left out")),
        }
    }
    out
}

/// The issue's names for jurisdiction codes.
fn read_names(raw: Option<Raw>, notes: &mut Notes) -> Names {
    read_keyed(raw, "jurisdictions", Code::new, notes)
}

/// The issue's regulators, without blank aliases.
fn read_regulators(raw: Option<Raw>, notes: &mut Notes) -> Regulators {
    read_keyed::<Id, Object<Regulator>>(raw, "regulators", Id::new, notes)
        .into_iter()
        .map(|(id, Object(mut regulator))| {
            regulator.aliases.retain(|alias| !alias.trim().is_empty());
            (id, regulator)
        })
        .collect()
}

fn read_contact(contact: ContactFields, notes: &mut Notes) -> Contact {
    Contact {
        website: notes.optional::<HttpUrl>(contact.website, "contact.website"),
        email: notes.optional::<Email>(contact.email, "contact.email"),
        phone: notes.optional(contact.phone, "contact.phone"),
        fax: notes.optional(contact.fax, "contact.fax"),
        offices: notes
            .optional(contact.offices, "contact.offices")
            .unwrap_or_default(),
        follow: notes.optional(contact.follow, "contact.follow"),
    }
}

/// What is wrong at one place of a part of a file.
#[derive(Debug)]
struct Bad {
    /// A JSON path from the part's start; empty for the part itself.
    place: String,
    message: String,
}

impl Bad {
    /// The error of a file that cannot be read, the place taken from its root.
    fn fatal(self, file: &str) -> LoadError {
        LoadError::invalid(file, self.place, self.message)
    }
}

/// `raw` deserialized as a `T`, or what is wrong and where.
fn read<'a, T: Deserialize<'a>>(raw: &'a str) -> Result<T, Bad> {
    let mut deserializer = serde_json::Deserializer::from_str(raw);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| Bad {
        place: json_path(error.path()),
        message: without_position(error.inner()),
    })
}

/// A path as the messages write it: `sections[0].items[1].title`.
fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// `place` then `rest`, joined as a JSON path.
fn join(place: &str, rest: &str) -> String {
    match (place.is_empty(), rest.is_empty() || rest.starts_with('[')) {
        (true, _) => rest.to_owned(),
        (false, true) => format!("{place}{rest}"),
        (false, false) => format!("{place}.{rest}"),
    }
}

/// serde_json's message for a reader: without the line and column it adds (a part is read
/// from its own text, so they would count from the part's start, not the file's; the path
/// says where), in JSON's words rather than serde's ("object" and "array" for "map" and
/// "sequence"), a field named in double quotes as everywhere else in the messages, and
/// "expected a value" where a misspelt `true`, `false` or `null` has serde_json expect an
/// "ident".
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let mut message = message
        .strip_suffix(&position)
        .unwrap_or(&message)
        .to_owned();
    for (serde, json) in [
        ("invalid type: map,", "invalid type: object,"),
        ("invalid type: sequence,", "invalid type: array,"),
        (", expected a sequence", ", expected an array"),
        (", expected a map", ", expected an object"),
    ] {
        if let Some(at) = message.find(serde) {
            message.replace_range(at..at + serde.len(), json);
        }
    }
    let message = message.as_str();
    for start in ["missing field `", "duplicate field `"] {
        if let Some(field) = message
            .strip_prefix(start)
            .and_then(|rest| rest.strip_suffix('`'))
        {
            return format!("{}\"{field}\"", &start[..start.len() - 1]);
        }
    }
    match message {
        "expected ident" | "expected value" => "expected a value".to_owned(),
        _ => message.to_owned(),
    }
}

/// The warnings of one file: parts of it that were left out, and why.
struct Notes<'f> {
    file: &'f str,
    warnings: Vec<Problem>,
}

impl<'f> Notes<'f> {
    fn new(file: &'f str) -> Notes<'f> {
        Notes {
            file,
            warnings: Vec::new(),
        }
    }

    fn warn(&mut self, place: String, message: String) {
        self.warnings.push(Problem {
            file: self.file.to_owned(),
            place,
            message,
        });
    }

    /// Whether `id`, of the part (`what`) at `place`, is the first of its name in `seen`; a
    /// later one is left out with a warning naming the `kind` of id.
    fn first(
        &mut self,
        seen: &mut HashSet<Id>,
        id: &Id,
        place: &str,
        kind: &str,
        what: &str,
    ) -> bool {
        let first = seen.insert(id.clone());
        if !first {
            self.warn(
                format!("{place}.id"),
                format!(
                    "duplicate {kind} {}; this {what} is left out",
                    quoted(id.as_str())
                ),
            );
        }
        first
    }

    /// A part (an item, an entry, an object) at `place`: kept if it reads, else left out
    /// with a warning. Absent (or `null`) is `None`, without a warning.
    fn part<'a, T: Deserialize<'a>>(
        &mut self,
        raw: impl Into<Option<Raw<'a>>>,
        place: &str,
    ) -> Option<T> {
        self.read(raw.into(), place, "this part is left out")
    }

    /// An optional field at `place`: absent, or left out with a warning if it does not read.
    fn optional<'a, T: Deserialize<'a>>(&mut self, raw: Option<Raw<'a>>, place: &str) -> Option<T> {
        self.read(raw, place, "this field is left out")
    }

    fn read<'a, T: Deserialize<'a>>(
        &mut self,
        raw: Option<Raw<'a>>,
        place: &str,
        outcome: &str,
    ) -> Option<T> {
        read(raw?.get())
            .map_err(|bad| {
                self.warn(
                    join(place, &bad.place),
                    format!("{}; {outcome}", bad.message),
                )
            })
            .ok()
    }
}

/// Checks the size of `json`, that it is JSON, and its `format`, before anything else;
/// returns the text to read (without a leading byte-order mark, which editors on Windows
/// write and serde_json refuses).
fn read_head<'a>(file: &str, json: &'a str, expected: &str) -> Result<&'a str, LoadError> {
    check_size(file, json.len() as u64)?;
    // A host's error or fallback page served in place of the file (often with status 200).
    if json.trim_start().starts_with('<') {
        return Err(LoadError::invalid(
            file,
            "line 1",
            "this is an HTML page, not JSON (is the file missing on the server?)",
        ));
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let Object(head): Object<Head> = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| match error.inner().classify() {
            Category::Data => LoadError::invalid(
                file,
                json_path(error.path()),
                without_position(error.inner()),
            ),
            _ => syntax_error(file, error.inner()),
        })
        .and_then(|head| {
            let end = deserializer.end();
            end.map(|()| head)
                .map_err(|error| syntax_error(file, &error))
        })?;
    // A later minor version only adds optional fields, which are ignored.
    let format = head.format.as_str();
    let compatible = format == expected
        || format
            .strip_prefix(expected)
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|minor| !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit()));
    if !compatible {
        return Err(LoadError::invalid(
            file,
            "format",
            format!(
                "this viewer reads {expected:?}, the file says {}",
                quoted(format)
            ),
        ));
    }
    Ok(json)
}

/// A file that is not JSON (or has no `format`): the line and column, from serde_json.
fn syntax_error(file: &str, error: &serde_json::Error) -> LoadError {
    let message = match error.classify() {
        Category::Eof => "the file ends too early (is it cut off?)".to_owned(),
        _ => without_position(error),
    };
    LoadError::invalid(
        file,
        format!("line {}, column {}", error.line(), error.column()),
        message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

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
    fn the_models_own_serde_reads_the_sample_as_the_reader_does_and_writes_it_back() {
        let json = include_str!("../../public/issues/cyber-041.json");
        let read = parse_issue("cyber-041.json", json).unwrap().value;
        let strict: Issue = serde_json::from_str(json).unwrap();
        assert_eq!(strict, read);
        let written = serde_json::to_string(&read).unwrap();
        let with_format = format!(r#"{{"format":"newsletter-issue/1",{}"#, &written[1..]);
        assert_eq!(parse_issue("x.json", &with_format).unwrap().value, read);
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
            message.starts_with("x.json: line 1, column ")
                && message.ends_with(": expected a value"),
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
            message.starts_with(
                "x.json: sections[0].items[0].title.en: invalid type: integer `5`, expected a string"
            ),
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
            message
                .starts_with(r#"x.json: sections: invalid type: string "none", expected an array"#),
            "{message}"
        );
    }

    #[test]
    fn objects_written_as_lists_are_refused_not_read_by_position() {
        let json = issue_with_items(
            r#"["a","CN",{"en":"T"},{"en":"B"}],
               {"id":"b","jurisdiction":"CN","title":["标题","Title"],"body":{"en":"B"}}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        assert_eq!(parsed.value.items().count(), 0);
        let messages: Vec<_> = parsed.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            messages,
            [
                "x.json: sections[0].items[0]: invalid type: array, expected an object; this part is left out",
                "x.json: sections[0].items[1].title: invalid type: array, expected an object; this part is left out",
            ]
        );
        let message = invalid(parse_issue("x.json", r#"["newsletter-issue/1","a",[]]"#));
        assert_eq!(message, "x.json: invalid type: array, expected an object");
    }

    #[test]
    fn a_key_written_twice_is_refused_except_in_the_names_of_jurisdictions() {
        let json = issue_with_items(
            r#"{"id":"a","jurisdiction":"CN","title":{"en":"T"},"title":{"en":"U"},"body":{"en":"B"}}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        assert_eq!(
            parsed.warnings[0].to_string(),
            r#"x.json: sections[0].items[0]: duplicate field "title"; this part is left out"#
        );
        let json = r#"{"format":"newsletter-issue/1","id":"a","sections":[],
            "jurisdictions":{"US":{"en":"USA"},"US":{"en":"United States"}}}"#;
        let names = parse_issue("x.json", json).unwrap().value.jurisdictions;
        let name = names
            .values()
            .next()
            .and_then(|name| name.get(crate::Lang::En));
        assert_eq!(name, Some("United States"));
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
            r#"x.json: sections[0].items[0].source: "javascript:alert(1)" is not an http: or https: URL; this field is left out"#
        );
    }

    #[test]
    fn a_broken_optional_field_is_left_out_and_its_item_kept() {
        let json = issue_with_items(
            r#"{"id":"a","jurisdiction":"CN","title":{"en":"T"},"body":{"en":"B"},
                "date":"2021-13-01","regulator":{"en":""},"tags":["x",1]}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        let item = &parsed.value.sections[0].items[0];
        assert_eq!((item.date.as_ref(), item.regulator.as_ref()), (None, None));
        assert!(item.tags.is_empty());
        let places: Vec<_> = parsed.warnings.iter().map(|w| w.place.as_str()).collect();
        assert_eq!(
            places,
            [
                "sections[0].items[0].date",
                "sections[0].items[0].regulator",
                "sections[0].items[0].tags[1]"
            ]
        );
        assert!(parsed.warnings[0]
            .message
            .ends_with("; this field is left out"));
    }

    #[test]
    fn a_broken_issue_level_field_or_jurisdiction_name_is_left_out_alone() {
        let json = r#"{"format":"newsletter-issue/1","id":"a","sections":[],"number":-1,
            "publisher":"Li & Partners","date":"2021-01",
            "jurisdictions":{"CN":{"zh":"中国"},"china":{"en":"China"},"US":{"en":5}}}"#;
        let parsed = parse_issue("x.json", json).unwrap();
        let issue = parsed.value;
        assert_eq!((issue.number, issue.publisher), (None, None));
        assert_eq!(issue.date.unwrap().as_str(), "2021-01");
        let codes: Vec<_> = issue.jurisdictions.keys().map(|c| c.as_str()).collect();
        assert_eq!(codes, ["CN"]);
        let places: Vec<_> = parsed.warnings.iter().map(|w| w.place.as_str()).collect();
        assert_eq!(
            places,
            // Names in the order of their codes, then the issue's other fields.
            [
                "jurisdictions.US.en",
                "jurisdictions.china",
                "publisher",
                "number"
            ]
        );
        assert_eq!(
            parsed.warnings[3].message,
            "invalid value: integer `-1`, expected a whole number from 0 to 4294967295; this field is left out"
        );
    }

    #[test]
    fn nulls_read_as_absent_optional_fields() {
        let json = issue_with_items(
            r#"{"id":"a","jurisdiction":"CN","title":{"en":"T","zh":null},"body":{"en":"B"},"date":null}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        assert_eq!(parsed.warnings, vec![]);
        assert_eq!(parsed.value.sections[0].items[0].date, None);
        let json = issue_with_items(
            r#"{"id":null,"jurisdiction":"CN","title":{"en":"T"},"body":{"en":"B"}}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        assert_eq!(
            parsed.warnings[0].to_string(),
            "x.json: sections[0].items[0].id: invalid type: null, expected a string; this part is left out"
        );
    }

    #[test]
    fn texts_are_read_exactly_whether_sliced_from_the_file_or_decoded() {
        let json = issue_with_items(
            r#"{"id":"a","jurisdiction":"CN","title":{"zh":"数据安全","en":"Data \"security\""},
                "body":{"zh":"第一段\n\n第二段","en":"One"},"regulator":{"en":"MIIT"}}"#,
        );
        let parsed = parse_issue("x.json", &json).unwrap();
        let item = &parsed.value.sections[0].items[0];
        assert_eq!(item.title.get(Lang::Zh), Some("数据安全"));
        assert_eq!(item.title.get(Lang::En), Some("Data \"security\""));
        assert_eq!(item.body.get(Lang::Zh), Some("第一段\n\n第二段"));
        assert_eq!(item.body.get(Lang::En), Some("One"));
        assert_eq!(item.regulator.as_ref().unwrap().get(Lang::En), Some("MIIT"));
        assert_eq!(parsed.value.sections[0].title.get(Lang::En), Some("S"));
    }

    #[test]
    fn regulators_are_read_and_items_name_them_by_id() {
        let json = r#"{"format":"newsletter-issue/1.1","id":"a",
            "regulators":{
                "miit":{"name":{"zh":"工业和信息化部","en":"Ministry of Industry and Information Technology"},
                        "aliases":["工信部","MIIT"," "]},
                "bad id!":{"name":{"en":"X"}},
                "noname":{"aliases":["N"]}},
            "sections":[{"id":"s","title":{"en":"S"},"items":[
                {"id":"a","jurisdiction":"CN","title":{"en":"A"},"body":{"en":"B"},"regulator_id":"miit"},
                {"id":"b","jurisdiction":"CN","title":{"en":"A"},"body":{"en":"B"},
                 "regulator":{"zh":"工业和信息化部科技司"},"regulator_id":"miit"},
                {"id":"c","jurisdiction":"CN","title":{"en":"A"},"body":{"en":"B"},"regulator_id":"cac"}]}]}"#;
        let parsed = parse_issue("x.json", json).unwrap();
        let issue = &parsed.value;
        assert_eq!(issue.regulators.len(), 1);
        let miit = &issue.regulators[&Id::new("miit").unwrap()];
        assert_eq!(miit.aliases, ["工信部", "MIIT"]);
        let items = &issue.sections[0].items;
        // Named by id only: the regulator's name; named too: the item's own words.
        assert_eq!(issue.regulator_name(&items[0]), Some(&miit.name));
        assert_eq!(
            issue.regulator_name(&items[1]).unwrap().get(Lang::Zh),
            Some("工业和信息化部科技司")
        );
        assert_eq!(items[1].regulator_id.as_deref(), Some("miit"));
        assert_eq!(items[2].regulator_id, None);
        let warnings: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings.len(), 3, "{warnings:#?}");
        assert!(
            warnings[0].starts_with("x.json: regulators.bad id!: invalid id"),
            "{}",
            warnings[0]
        );
        assert_eq!(
            warnings[1],
            "x.json: regulators.noname: missing field \"name\"; this part is left out"
        );
        assert_eq!(
            warnings[2],
            "x.json: sections[0].items[2].regulator_id: the issue's regulators have no \"cac\"; this field is left out"
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
        let unknown = LoadError::TooLarge {
            file: "big.json".into(),
            bytes: None,
        };
        assert_eq!(
            unknown.to_string(),
            "big.json: the file is more than the 12 MB this viewer reads"
        );
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
}
