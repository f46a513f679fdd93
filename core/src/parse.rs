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

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use crate::json::{self, join, Bad, Json, Object, Read};
use crate::markup::safe_url;
use crate::model::{
    quoted, Catalog, CatalogEntry, Code, Contact, Date, Day, Id, Issue, IssuePath, Item, Names,
    OutsideTexts, Section, SharedStr, Text,
};
use crate::order;

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

/// A file's text, as given to [`parse_issue`] and [`parse_catalog`]. The model keeps it
/// whole and its texts are slices of it, so a file's strings are held once, not copied out
/// one by one (which doubled the memory in use while a large issue was read).
pub struct Source(Arc<String>);

impl From<String> for Source {
    fn from(text: String) -> Source {
        Source(Arc::new(text))
    }
}

impl From<&str> for Source {
    fn from(text: &str) -> Source {
        Source::from(text.to_owned())
    }
}

impl From<&String> for Source {
    fn from(text: &String) -> Source {
        Source::from(text.as_str())
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
/// Entries that break a rule are left out with a warning, as is a broken optional field; a
/// catalog with no readable entry is an error. Issues come out newest first (by `date`,
/// stable for equal dates).
pub fn parse_catalog(file: &str, json: impl Into<Source>) -> Result<Parsed<Catalog>, LoadError> {
    let Source(buffer) = json.into();
    let buffer = &buffer;
    let text = |value: &Json| text(value, buffer);
    let tree = read_document(file, buffer, CATALOG_FORMAT)?;
    let root = tree.object().map_err(|bad| fatal(file, bad))?;
    let mut notes = Notes::new(file);
    let title = notes.optional(root, "", "title", text);
    let entries = root
        .field("issues", Json::array)
        .map_err(|bad| fatal(file, bad))?;
    let mut seen = HashSet::new();
    let mut issues = Vec::with_capacity(entries.len());
    for (i, value) in entries.iter().enumerate() {
        let place = format!("issues[{i}]");
        let read = catalog_entry(value, &place, &mut notes, buffer);
        let Some(entry) = notes.part(&place, read) else {
            continue;
        };
        if !seen.insert(entry.id.clone()) {
            notes.warn(
                format!("{place}.id"),
                format!(
                    "duplicate id {}; this entry is left out",
                    quoted(entry.id.as_str())
                ),
            );
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
    order::sort_by(&mut issues, |a, b| b.date.cmp(&a.date));
    Ok(Parsed {
        value: Catalog { title, issues },
        warnings: notes.warnings,
    })
}

fn catalog_entry(
    value: &Json,
    place: &str,
    notes: &mut Notes,
    buffer: &Arc<String>,
) -> Read<CatalogEntry> {
    let text = |value: &Json| text(value, buffer);
    let entry = value.object()?;
    Ok(CatalogEntry {
        id: entry.field("id", checked(Id::new))?,
        file: entry.field("file", checked(IssuePath::new))?,
        date: entry.field("date", checked(Date::new))?,
        number: notes.optional(entry, place, "number", Json::count),
        title: notes.optional(entry, place, "title", text),
    })
}

/// Reads one issue file. `file` names it in messages (the catalog's `file` value).
///
/// A broken item, optional field or jurisdiction name is left out with a warning; a broken
/// issue, section or format is an error.
pub fn parse_issue(file: &str, json: impl Into<Source>) -> Result<Parsed<Issue>, LoadError> {
    read_issue(file, json.into(), None)
}

/// Reads an issue whose items' titles and bodies were taken out of the file into `outside`:
/// every non-blank string of a `title` or `body` of an item stands there as its index in
/// `outside`, written as a decimal string. Everything else reads, and is checked, as in
/// [`parse_issue`]. The viewer reads issues this way so that their texts stay in the page,
/// as the browser's own strings, instead of passing through its memory.
pub fn parse_issue_outside(
    file: &str,
    json: impl Into<Source>,
    outside: &Arc<OutsideTexts>,
) -> Result<Parsed<Issue>, LoadError> {
    read_issue(file, json.into(), Some(outside))
}

fn read_issue(
    file: &str,
    Source(buffer): Source,
    outside: Option<&Arc<OutsideTexts>>,
) -> Result<Parsed<Issue>, LoadError> {
    let buffer = &buffer;
    let text = |value: &Json| text(value, buffer);
    let tree = read_document(file, buffer, ISSUE_FORMAT)?;
    let root = tree.object().map_err(|bad| fatal(file, bad))?;
    let id = root
        .field("id", checked(Id::new))
        .map_err(|bad| fatal(file, bad))?;
    let raw_sections = root
        .field("sections", Json::array)
        .map_err(|bad| fatal(file, bad))?;
    let mut notes = Notes::new(file);
    let mut item_ids = HashSet::new();
    let mut sections = Vec::with_capacity(raw_sections.len());
    for (s, value) in raw_sections.iter().enumerate() {
        let in_section = |bad: Bad| fatal(file, bad.in_element(s).in_field("sections"));
        let section = value.object().map_err(in_section)?;
        let id = section.field("id", checked(Id::new)).map_err(in_section)?;
        let title = section.field("title", text).map_err(in_section)?;
        let raw_items = section.field("items", Json::array).map_err(in_section)?;
        let mut items = Vec::with_capacity(raw_items.len());
        for (i, value) in raw_items.iter().enumerate() {
            let place = format!("sections[{s}].items[{i}]");
            let read = item(value, &place, &mut notes, buffer, outside);
            let Some(item) = notes.part(&place, read) else {
                continue;
            };
            if !item_ids.insert(item.id.clone()) {
                notes.warn(
                    format!("{place}.id"),
                    format!(
                        "duplicate item id {}; this item is left out",
                        quoted(item.id.as_str())
                    ),
                );
                continue;
            }
            items.push(item);
        }
        sections.push(Section { id, title, items });
    }
    let jurisdictions = root
        .get("jurisdictions")
        .and_then(|value| notes.part("jurisdictions", value.object()))
        .map(|names| jurisdiction_names(names, &mut notes, buffer))
        .unwrap_or_default();
    let contact = root
        .get("contact")
        .and_then(|value| notes.part("contact", value.object()))
        .map(|contact| read_contact(contact, &mut notes, buffer));
    Ok(Parsed {
        value: Issue {
            id,
            publisher: notes.optional(root, "", "publisher", text),
            publication: notes.optional(root, "", "publication", text),
            publication_number: notes.optional(root, "", "publication_number", Json::count),
            series: notes.optional(root, "", "series", text),
            number: notes.optional(root, "", "number", Json::count),
            date: notes.optional(root, "", "date", checked(Date::new)),
            jurisdictions,
            sections,
            disclaimer: notes.optional(root, "", "disclaimer", text),
            contact,
        },
        warnings: notes.warnings,
    })
}

/// One item: the required fields first, so that an item left out for a missing one is not
/// also reported for its optional ones.
fn item(
    value: &Json,
    place: &str,
    notes: &mut Notes,
    buffer: &Arc<String>,
    outside: Option<&Arc<OutsideTexts>>,
) -> Read<Item> {
    let text = |value: &Json| text(value, buffer);
    let kept = |value: &Json| text_kept(value, buffer, outside);
    let item = value.object()?;
    let id = item.field("id", checked(Id::new))?;
    let jurisdiction = item.field("jurisdiction", checked(Code::new))?;
    let title = item.field("title", kept)?;
    let body = item.field("body", kept)?;
    Ok(Item {
        id,
        jurisdiction,
        title,
        body,
        date: notes.optional(item, place, "date", checked(Day::new)),
        regulator: notes.optional(item, place, "regulator", text),
        source: notes.optional(item, place, "source", http_url),
        tags: notes
            .optional(item, place, "tags", |tags| {
                tags.array()?
                    .iter()
                    .enumerate()
                    .map(|(i, tag)| {
                        tag.str()
                            .map(str::to_owned)
                            .map_err(|bad| bad.in_element(i))
                    })
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// The issue's names for jurisdiction codes; a bad code or name is left out on its own.
fn jurisdiction_names(names: Object, notes: &mut Notes, buffer: &Arc<String>) -> Names {
    let mut out = Names::default();
    for (code, name) in names.members() {
        let read = Code::new(code)
            .map_err(Bad::new)
            .and_then(|code| Ok((code, text(name, buffer)?)))
            .map_err(|bad| bad.in_field(code));
        if let Some((code, name)) = notes.part("jurisdictions", read) {
            out.insert(code, name);
        }
    }
    out
}

/// Every part of the contact is optional and left out on its own when broken.
fn read_contact(contact: Object, notes: &mut Notes, buffer: &Arc<String>) -> Contact {
    let text = |value: &Json| text(value, buffer);
    let email = |value: &Json| {
        let email = value.str()?;
        if is_email(email) {
            Ok(email.trim().to_owned())
        } else {
            Err(Bad::new(format!(
                "{} is not an e-mail address",
                quoted(email)
            )))
        }
    };
    let string = |value: &Json| value.str().map(str::to_owned);
    Contact {
        website: notes.optional(contact, "contact", "website", http_url),
        email: notes.optional(contact, "contact", "email", email),
        phone: notes.optional(contact, "contact", "phone", string),
        fax: notes.optional(contact, "contact", "fax", string),
        offices: notes
            .optional(contact, "contact", "offices", |offices| {
                offices
                    .array()?
                    .iter()
                    .enumerate()
                    .map(|(i, office)| text(office).map_err(|bad| bad.in_element(i)))
                    .collect()
            })
            .unwrap_or_default(),
        follow: notes.optional(contact, "contact", "follow", text),
    }
}

/// A [`Text`]: an object with a `zh` and/or an `en` string. Its strings are slices of the
/// file's text (`buffer`) unless they had escapes.
fn text(value: &Json, buffer: &Arc<String>) -> Read<Text> {
    text_kept(value, buffer, None)
}

/// A [`Text`] whose strings may have been taken out into `outside` (see
/// [`parse_issue_outside`]): a string of digits there is an index into it. A blank string
/// was left in place, and reads (and is refused) as in any other text.
fn text_kept(
    value: &Json,
    buffer: &Arc<String>,
    outside: Option<&Arc<OutsideTexts>>,
) -> Read<Text> {
    let shared = |value: &Json| {
        let string = value.string()?;
        if let Some(outside) = outside {
            if !string.is_empty() && string.bytes().all(|b| b.is_ascii_digit()) {
                return string
                    .parse()
                    .ok()
                    .and_then(|index| SharedStr::outside(outside, index))
                    .ok_or_else(|| Bad::new("a text taken out of the file is not there"));
            }
        }
        Ok(match string {
            Cow::Borrowed(slice) => {
                // The tree was read from `buffer`: its slices lie inside it.
                let start = slice.as_ptr() as usize - buffer.as_ptr() as usize;
                SharedStr::slice(buffer, start..start + slice.len())
            }
            Cow::Owned(decoded) => SharedStr::from(decoded.as_str()),
        })
    };
    let text = value.object()?;
    let zh = text.optional("zh", shared)?;
    let en = text.optional("en", shared)?;
    Text::checked(zh, en).map_err(Bad::new)
}

/// A string checked by one of the model's constructors (`Id::new`, `Date::new`…).
fn checked<T>(new: fn(&str) -> Result<T, String>) -> impl Fn(&Json) -> Read<T> {
    move |value| new(value.str()?).map_err(Bad::new)
}

/// An `http:` or `https:` URL; anything else is refused.
fn http_url(value: &Json) -> Read<String> {
    let url = value.str()?;
    match safe_url(url, false) {
        Some(ok) => Ok(ok.to_owned()),
        None => Err(Bad::new(format!(
            "{} is not an http: or https: URL",
            quoted(url)
        ))),
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

    /// A part (an item, an entry, an object) at `place`: kept if it reads, else left out
    /// with a warning.
    fn part<T>(&mut self, place: &str, read: Read<T>) -> Option<T> {
        read.map_err(|bad| {
            self.warn(
                join(place, &bad.place),
                format!("{}; this part is left out", bad.message),
            )
        })
        .ok()
    }

    /// An optional field `key` of the object at `place`: absent, or left out with a warning
    /// if it does not read.
    fn optional<'j, 'a, T>(
        &mut self,
        object: Object<'j, 'a>,
        place: &str,
        key: &str,
        read: impl FnOnce(&'j Json<'a>) -> Read<T>,
    ) -> Option<T> {
        object.optional(key, read).unwrap_or_else(|bad| {
            self.warn(
                join(place, &bad.place),
                format!("{}; this field is left out", bad.message),
            );
            None
        })
    }
}

fn fatal(file: &str, bad: Bad) -> LoadError {
    LoadError::invalid(file, bad.place, bad.message)
}

/// Reads `json` into a JSON tree and checks its `format` before anything else, so a file of
/// another version gets that message rather than a confusing one about its shape.
fn read_document<'a>(file: &str, json: &'a str, expected: &str) -> Result<Json<'a>, LoadError> {
    check_size(file, json.len() as u64)?;
    // A host's error or fallback page served in place of the file (often with status 200).
    if json.trim_start().starts_with('<') {
        return Err(LoadError::invalid(
            file,
            "line 1",
            "this is an HTML page, not JSON (is the file missing on the server?)",
        ));
    }
    let tree = json::parse(json).map_err(|e| {
        let message = if e.eof {
            "the file ends too early (is it cut off?)"
        } else {
            e.message
        };
        LoadError::invalid(
            file,
            format!("line {}, column {}", e.line, e.column),
            message,
        )
    })?;
    let root = tree.object().map_err(|bad| fatal(file, bad))?;
    let format = root
        .field("format", Json::str)
        .map_err(|bad| fatal(file, bad))?;
    // A later minor version only adds optional fields, which are ignored.
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
    Ok(tree)
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

    /// Reading an issue with its texts kept apart (natively only: serde_json takes the
    /// texts out, as the viewer does with the browser's JSON).
    #[cfg(not(target_arch = "wasm32"))]
    mod outside {
        use super::*;

        /// Texts kept apart from the file for [`parse_issue_outside`], counting its reads.
        struct Kept(Vec<String>, std::sync::atomic::AtomicUsize);

        impl crate::model::Keeper for Kept {
            fn read(&self, index: usize) -> String {
                self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                self.0[index].clone()
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }

        /// `json` with every non-blank string of an item's title or body taken out, as the
        /// viewer does it in the page: the file left and the texts kept apart.
        fn take_out(json: &str) -> (String, Arc<OutsideTexts>) {
            let mut tree: serde_json::Value = serde_json::from_str(json).unwrap();
            let mut kept = Vec::new();
            for section in tree["sections"].as_array_mut().into_iter().flatten() {
                for item in section["items"].as_array_mut().into_iter().flatten() {
                    for field in ["title", "body"] {
                        for lang in ["zh", "en"] {
                            let Some(value) = item.get_mut(field).and_then(|t| t.get_mut(lang))
                            else {
                                continue;
                            };
                            if let Some(text) = value.as_str().filter(|t| !t.trim().is_empty()) {
                                kept.push(text.to_owned());
                                *value = (kept.len() - 1).to_string().into();
                            }
                        }
                    }
                }
            }
            let count = kept.len();
            let keeper = Kept(kept, Default::default());
            (tree.to_string(), OutsideTexts::new(Box::new(keeper), count))
        }

        fn reads(outside: &OutsideTexts) -> usize {
            let keeper = outside.keeper().as_any().downcast_ref::<Kept>().unwrap();
            keeper.1.load(std::sync::atomic::Ordering::Relaxed)
        }

        #[test]
        fn an_issue_with_its_texts_kept_outside_reads_as_the_whole_file_does() {
            let json = include_str!("../../public/issues/cyber-041.json");
            let (rest, outside) = take_out(json);
            assert!(
                rest.len() < json.len() / 2,
                "the texts are most of the file"
            );
            let apart = parse_issue_outside("cyber-041.json", rest, &outside).unwrap();
            assert_eq!(
                reads(&outside),
                0,
                "reading the file reads none of its texts"
            );
            assert_eq!(apart, parse_issue("cyber-041.json", json).unwrap());
            let body = &apart.value.sections[0].items[0].body;
            let zh = body.string(Lang::Zh).unwrap();
            assert!(zh.kept_outside().is_some());
            // Read for one use, a text is not kept; read through Deref, it is kept once.
            let before = reads(&outside);
            assert_eq!(zh.read(), zh.read());
            assert_eq!(reads(&outside), before + 2);
            assert_eq!(&**zh, &**zh);
            assert_eq!(reads(&outside), before + 3);
            assert!(matches!(zh.read(), Cow::Borrowed(_)));
        }

        #[test]
        fn texts_kept_outside_are_checked_like_any_other() {
            // A blank text stays in the file and is refused as usual; a number is still no text.
            let blank = r#"{"id":"b","jurisdiction":"CN","title":{"en":"  "},"body":{"en":"B"}}"#;
            let number = r#"{"id":"c","jurisdiction":"CN","title":{"en":5},"body":{"en":"B"}}"#;
            let json = issue_with_items(&[GOOD_ITEM, blank, number].join(","));
            let (rest, outside) = take_out(&json);
            let apart = parse_issue_outside("x.json", rest, &outside).unwrap();
            assert_eq!(apart, parse_issue("x.json", json.as_str()).unwrap());
            assert_eq!(apart.warnings.len(), 2);
            // Digits elsewhere are words, not texts kept outside.
            let digits = r#"{"id":"d","jurisdiction":"CN","regulator":{"en":"0"},"title":{"en":"T"},"body":{"en":"B"}}"#;
            let (rest, outside) = take_out(&issue_with_items(digits));
            let item = &parse_issue_outside("x.json", rest, &outside)
                .unwrap()
                .value
                .sections[0]
                .items[0];
            let regulator = item.regulator.as_ref().unwrap().string(Lang::En).unwrap();
            assert!(regulator.kept_outside().is_none());
            assert_eq!(&**regulator, "0");
            // An index past the texts kept is an error, not a panic.
            let (_, outside) = take_out(&issue_with_items(GOOD_ITEM));
            let past = issue_with_items(
                r#"{"id":"a","jurisdiction":"CN","title":{"en":"7"},"body":{"en":"1"}}"#,
            );
            let read = parse_issue_outside("x.json", past, &outside).unwrap();
            assert_eq!(read.value.items().count(), 0);
            assert_eq!(
                read.warnings[0].to_string(),
                "x.json: sections[0].items[0].title.en: a text taken out of the file is not there; this part is left out"
            );
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
            message == "x.json: line 1, column 1: expected a value",
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
                "x.json: sections[0].items[0].title.en: invalid type: number 5, expected a string"
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
        let codes: Vec<_> = issue
            .jurisdictions
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(codes, ["CN"]);
        let places: Vec<_> = parsed.warnings.iter().map(|w| w.place.as_str()).collect();
        assert_eq!(
            places,
            [
                "jurisdictions.china",
                "jurisdictions.US.en",
                "publisher",
                "number"
            ]
        );
        assert_eq!(
            parsed.warnings[3].message,
            "invalid value: number -1, expected a whole number from 0 to 4294967295; this field is left out"
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
        let parsed = parse_issue("x.json", json).unwrap();
        let item = &parsed.value.sections[0].items[0];
        assert_eq!(item.title.get(Lang::Zh), Some("数据安全"));
        assert_eq!(item.title.get(Lang::En), Some("Data \"security\""));
        assert_eq!(item.body.get(Lang::Zh), Some("第一段\n\n第二段"));
        assert_eq!(item.body.get(Lang::En), Some("One"));
        assert_eq!(item.regulator.as_ref().unwrap().get(Lang::En), Some("MIIT"));
        assert_eq!(parsed.value.sections[0].title.get(Lang::En), Some("S"));
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
            parse_catalog("index.json", catalog(&format!("{ENTRY_OLD},{ENTRY_NEW}"))).unwrap();
        let ids: Vec<_> = parsed.value.issues.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["new", "old"]);
    }

    #[test]
    fn a_view_shows_the_issue_it_names_or_else_the_newest() {
        let parsed =
            parse_catalog("index.json", catalog(&format!("{ENTRY_OLD},{ENTRY_NEW}"))).unwrap();
        let shown = |id| parsed.value.shown(id).map(|e| e.file.as_str());
        assert_eq!(shown(None), Some("new.json"));
        assert_eq!(shown(Some("old")), Some("old.json"));
        assert_eq!(shown(Some("gone")), None);
    }

    #[test]
    fn catalog_files_escaping_the_folder_are_left_out_with_a_warning() {
        let parsed = parse_catalog(
            "index.json",
            catalog(&format!(
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
            parse_catalog("index.json", catalog(&format!("{ENTRY_OLD},{ENTRY_OLD}"))).unwrap();
        assert_eq!(parsed.value.issues.len(), 1);
        assert_eq!(parsed.warnings[0].place, "issues[1].id");
    }

    #[test]
    fn an_empty_catalog_is_an_error() {
        let err = parse_catalog("index.json", catalog("")).unwrap_err();
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
