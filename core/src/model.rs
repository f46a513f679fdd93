//! The newsletter as the viewer holds it once a file has been read and checked.
//!
//! Every type here derives serde's `Serialize` and `Deserialize` in the shape of the data
//! format (`docs/data-format.md`), so the viewer and the publishers' tools read and write the
//! same types. Field types that carry a rule of the format (ids, jurisdiction codes, dates,
//! catalog paths, URLs, texts) can only be made through a check of it: deserializing one
//! checks it. Reading a whole file, with a warning for each part left out, is
//! [`crate::parse`]. Nothing here touches the network or the page.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize};

use crate::lang::{Lang, LangMode, Modes};
use crate::markup::safe_url;

/// A human-readable string in one or both languages: `{"zh": "…", "en": "…"}`. At least one
/// is present and non-blank; a blank one counts as absent. Strings are shared (`Arc<str>`),
/// so views hold a text without copying it.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Object<TextFields>")]
pub struct Text {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<Arc<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<Arc<str>>,
}

/// A [`Text`] as written in a file, before its check.
#[derive(Deserialize)]
struct TextFields {
    zh: Option<String>,
    en: Option<String>,
}

impl TryFrom<Object<TextFields>> for Text {
    type Error = &'static str;

    fn try_from(Object(fields): Object<TextFields>) -> Result<Text, &'static str> {
        Text::checked(fields.zh, fields.en)
    }
}

/// A `T` read from a JSON object only. serde's derive also reads a struct from an array, its
/// fields by position, which the data format does not allow: `["国内要闻", "Domestic News"]`
/// is no text.
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object<T>, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer
            .deserialize_map(Visitor(std::marker::PhantomData))
            .map(Object)
    }
}

/// What to show for one language of a [`Text`]: the string and the language it is really in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// The language `text` is written in (goes into its `lang` attribute).
    pub lang: Lang,
    /// True when the wanted language was missing and this is the other one.
    pub fallback: bool,
}

impl Text {
    pub fn new(zh: impl Into<Arc<str>>, en: impl Into<Arc<str>>) -> Text {
        Text {
            zh: Some(zh.into()),
            en: Some(en.into()),
        }
    }

    /// The string in `lang` as kept, if the text has it.
    pub fn string(&self, lang: Lang) -> Option<&Arc<str>> {
        match lang {
            Lang::Zh => self.zh.as_ref(),
            Lang::En => self.en.as_ref(),
        }
    }

    /// The strings it has, Chinese first.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        [self.zh.as_deref(), self.en.as_deref()]
            .into_iter()
            .flatten()
    }

    /// The string in `lang`, if the text has it.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.string(lang).map(|string| &**string)
    }

    /// The language shown to a reader of `wanted`: that one if the text has it, else the
    /// other one (true: a fallback). A Text always holds at least one (checked when read).
    fn stand_in(&self, wanted: Lang) -> (Lang, bool) {
        match self.string(wanted) {
            Some(_) => (wanted, false),
            None => (wanted.other(), true),
        }
    }

    /// The string for a reader of `lang`: that language, or else the other one, marked.
    pub fn show(&self, wanted: Lang) -> Shown<'_> {
        let (lang, fallback) = self.stand_in(wanted);
        Shown {
            text: self.get(lang).unwrap_or_default(),
            lang,
            fallback,
        }
    }
}

/// One block of a text as shown in a [`LangMode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part<'a> {
    pub text: &'a str,
    /// The language `text` is written in.
    pub lang: Lang,
    /// The wanted language this part stands in for, when that one is missing; the view
    /// marks the part with a note saying so.
    pub missing: Option<Lang>,
}

impl Text {
    /// What to show in `mode`: one part in a single-language mode (the other language,
    /// marked, when the wanted one is missing); in "both", each language present, Chinese
    /// first, the lone one marked if the other is missing.
    pub fn parts(&self, mode: LangMode) -> Vec<Part<'_>> {
        match mode {
            LangMode::Zh | LangMode::En => {
                let wanted = mode.primary();
                let (lang, fallback) = self.stand_in(wanted);
                self.get(lang)
                    .map(|text| Part {
                        text,
                        lang,
                        missing: fallback.then_some(wanted),
                    })
                    .into_iter()
                    .collect()
            }
            LangMode::Both => {
                let present: Vec<(Lang, &str)> = [Lang::Zh, Lang::En]
                    .into_iter()
                    .filter_map(|lang| Some((lang, self.get(lang)?)))
                    .collect();
                let missing = (present.len() == 1).then(|| present[0].0.other());
                present
                    .into_iter()
                    .map(|(lang, text)| Part {
                        text,
                        lang,
                        missing,
                    })
                    .collect()
            }
        }
    }
}

/// Everything a text shows in any mode, each with the modes it shows in: its languages in
/// print order (Chinese first), and a note for each missing language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout<'a> {
    pub texts: Vec<(&'a str, Lang, Modes)>,
    /// The missing language and the modes in which its absence is pointed out.
    pub notes: Vec<(Lang, Modes)>,
}

impl Text {
    /// The union over all modes of [`Text::parts`]: what to render once so that any mode
    /// can be shown by hiding the rest.
    pub fn layout(&self) -> Layout<'_> {
        let mut texts: Vec<(&str, Lang, Modes)> = Vec::new();
        let mut notes: Vec<(Lang, Modes)> = Vec::new();
        for mode in LangMode::ALL {
            for part in self.parts(mode) {
                match texts.iter_mut().find(|(_, lang, _)| *lang == part.lang) {
                    Some((_, _, modes)) => *modes = modes.with(mode),
                    None => texts.push((part.text, part.lang, Modes::default().with(mode))),
                }
                if let Some(missing) = part.missing {
                    match notes.iter_mut().find(|(lang, _)| *lang == missing) {
                        Some((_, modes)) => *modes = modes.with(mode),
                        None => notes.push((missing, Modes::default().with(mode))),
                    }
                }
            }
        }
        // Chinese first (there are at most two).
        if texts.len() == 2 && texts[0].1 > texts[1].1 {
            texts.swap(0, 1);
        }
        Layout { texts, notes }
    }
}

impl Text {
    /// A text from the strings of its two languages, checked: a blank translation is no
    /// translation (the reader gets the other language, marked), and one must remain.
    pub fn checked(zh: Option<String>, en: Option<String>) -> Result<Text, &'static str> {
        let keep = |s: Option<String>| s.filter(|s| !s.trim().is_empty()).map(Arc::from);
        match (keep(zh), keep(en)) {
            (None, None) => Err("a text needs a non-empty \"zh\" or \"en\""),
            (zh, en) => Ok(Text { zh, en }),
        }
    }
}

/// Declares a string newtype that can only be made through `check`, which gives the value
/// to keep (URLs and addresses are kept trimmed) or says what is wrong. Deserializing one
/// checks it; it serializes as its string.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:path) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String")]
        pub struct $name(String);

        impl $name {
            /// Checks `value` against the data format's rule for this field.
            pub fn new(value: &str) -> Result<$name, String> {
                $name::try_from(value.to_owned())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;

            fn try_from(value: String) -> Result<$name, String> {
                $check(value).map($name)
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

checked_string!(
    /// A catalog, section or item id: 1 to 64 characters of `A-Z a-z 0-9 _ -`.
    Id,
    check_id
);
checked_string!(
    /// A jurisdiction: `CN`, `CN-ZJ`, `US-CA`, `EU`.
    Code,
    check_code
);
checked_string!(
    /// A date of `YYYY-MM-DD` or `YYYY-MM`; sorts in time order as a string.
    Date,
    check_date
);
checked_string!(
    /// A day, `YYYY-MM-DD`.
    Day,
    check_day
);
checked_string!(
    /// A catalog `file`: a relative path inside `issues/`.
    IssuePath,
    check_issue_path
);
checked_string!(
    /// An `http:` or `https:` URL (an item's source, a publisher's website).
    HttpUrl,
    check_http_url
);
checked_string!(
    /// An e-mail address, shown as a `mailto:` link.
    Email,
    check_email
);

fn check_id(value: String) -> Result<String, String> {
    let ok_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if value.is_empty() || value.len() > 64 || !value.chars().all(ok_char) {
        return Err(format!(
            "invalid id {}: use 1 to 64 characters of A-Z a-z 0-9 _ -",
            quoted(&value)
        ));
    }
    Ok(value)
}

fn check_code(value: String) -> Result<String, String> {
    let (country, sub) = match value.split_once('-') {
        Some((country, sub)) => (country, Some(sub)),
        None => (value.as_str(), None),
    };
    let country_ok = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
    let sub_ok = sub.is_none_or(|s| {
        (1..=3).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    });
    if !(country_ok && sub_ok) {
        return Err(format!(
            "invalid jurisdiction {}: use a code such as \"CN\", \"CN-ZJ\" or \"EU\"",
            quoted(&value)
        ));
    }
    Ok(value)
}

fn two_digits_in(s: &str, range: std::ops::RangeInclusive<u32>) -> bool {
    s.len() == 2
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse().is_ok_and(|n| range.contains(&n))
}

/// `YYYY-MM-DD` or `YYYY-MM`.
fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [y, m] => is_year(y) && two_digits_in(m, 1..=12),
        [y, m, d] => is_year(y) && two_digits_in(m, 1..=12) && two_digits_in(d, 1..=31),
        _ => false,
    }
}

fn check_date(value: String) -> Result<String, String> {
    match is_date(&value) {
        true => Ok(value),
        false => Err(format!(
            "invalid date {}: use YYYY-MM-DD or YYYY-MM",
            quoted(&value)
        )),
    }
}

fn check_day(value: String) -> Result<String, String> {
    match value.len() == 10 && is_date(&value) {
        true => Ok(value),
        false => Err(format!("invalid date {}: use YYYY-MM-DD", quoted(&value))),
    }
}

impl Date {
    /// The year, `2021` for `2021-01`.
    pub fn year(&self) -> u16 {
        self.0[..4]
            .parse()
            .expect("a checked date starts with four digits")
    }
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

fn check_issue_path(value: String) -> Result<String, String> {
    let bad = value.is_empty()
        || value.starts_with('/')
        || value.contains('\\')
        || value.contains(':')
        || value.contains(['?', '#'])
        || value.chars().any(char::is_control)
        || value
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..");
    if bad {
        return Err(format!(
            "invalid file {}: use a relative path inside issues/, without \"..\", a scheme or a leading \"/\"",
            quoted(&value)
        ));
    }
    Ok(value)
}

fn check_http_url(value: String) -> Result<String, String> {
    match safe_url(&value, false) {
        Some(url) => Ok(url.to_owned()),
        None => Err(format!("{} is not an http: or https: URL", quoted(&value))),
    }
}

fn check_email(value: String) -> Result<String, String> {
    let address = value.trim();
    let ok_char = |c: char| !(c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"'".contains(c));
    let valid = address.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && address.chars().all(ok_char)
    });
    match valid {
        true => Ok(address.to_owned()),
        false => Err(format!("{} is not an e-mail address", quoted(&value))),
    }
}

/// `value` in double quotes, cut short if long, for error messages.
pub(crate) fn quoted(value: &str) -> String {
    const MAX: usize = 40;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{:?}…", &value[..cut]),
        None => format!("{value:?}"),
    }
}

impl Code {
    /// The country a code belongs to: `CN` for `CN-ZJ`, itself for `CN` or `EU`.
    pub fn country(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    pub fn is_subdivision(&self) -> bool {
        self.0.contains('-')
    }
}

/// A whole number from 0 to 4,294,967,295 (an issue's or a publication's number). Refuses
/// `41.0` and `-1` in words a publisher can act on, where `u32`'s own messages say "u32".
pub struct Count(pub u32);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Count, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number from 0 to 4294967295")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Count, E> {
                u32::try_from(n)
                    .map(Count)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Count, E> {
                u32::try_from(n)
                    .map(Count)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(n), &self))
            }
        }
        deserializer.deserialize_u64(Visitor)
    }
}

/// A required [`Count`] field.
fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    Ok(Count::deserialize(deserializer)?.0)
}

/// An optional [`Count`] field (absent and `null` are `None`).
fn optional_count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    Ok(Option::<Count>::deserialize(deserializer)?.map(|count| count.0))
}

/// The catalog, `issues/index.json`, with its issues newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Catalog {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub issues: Vec<CatalogEntry>,
    /// A paged catalog (format 1.1): the page after this one, as JSON Feed's `next_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<IssuePath>,
    /// On a paged catalog's first page: every later page, in order, with the dates it spans,
    /// so a reader can open any year without walking the pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<CatalogPage>,
    /// On a paged catalog's first page: the file of each issue on a later page whose file
    /// is not named `<id>.json`, so a link to any issue opens it without walking the pages.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<Id, IssuePath>,
}

/// A later page of a paged catalog, as its first page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogPage {
    /// The page's file, beside `index.json` (`index-2.json`).
    pub file: IssuePath,
    /// The date of its newest issue.
    pub newest: Date,
    /// The date of its oldest issue.
    pub oldest: Date,
    /// How many issues it lists.
    #[serde(deserialize_with = "count")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::count_schema")
    )]
    pub issues: u32,
}

impl Catalog {
    /// The issue opened when the URL names none.
    pub fn newest(&self) -> Option<&CatalogEntry> {
        self.issues.first()
    }

    pub fn find(&self, id: &str) -> Option<&CatalogEntry> {
        self.issues.iter().find(|entry| entry.id.as_str() == id)
    }
}

/// One issue as the catalog lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogEntry {
    pub id: Id,
    pub file: IssuePath,
    pub date: Date,
    #[serde(
        default,
        deserialize_with = "optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::count_schema")
    )]
    pub number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
}

/// One issue of a newsletter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issue {
    pub id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Text>,
    #[serde(
        default,
        deserialize_with = "optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::count_schema")
    )]
    pub publication_number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Text>,
    #[serde(
        default,
        deserialize_with = "optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::count_schema")
    )]
    pub number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Display names of jurisdiction codes, as the issue gives them.
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::names_schema")
    )]
    pub jurisdictions: Names,
    /// The regulators its items name by id (format 1.1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::regulators_schema")
    )]
    pub regulators: Regulators,
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclaimer: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// An issue's own names for jurisdiction codes, by code.
pub type Names = BTreeMap<Code, Text>;

/// An issue's regulators, by id.
pub type Regulators = BTreeMap<Id, Regulator>;

/// A regulator (format 1.1): its name in both languages, and the other names readers know
/// it by, in either language (`工信部`, `MIIT`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Regulator {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<String>>"))]
    pub aliases: Vec<String>,
}

impl Issue {
    /// How an item's regulator is shown: as the item names it, else by the name of the
    /// regulator its `regulator_id` gives.
    pub fn regulator_name<'a>(&'a self, item: &'a Item) -> Option<&'a Text> {
        item.regulator.as_ref().or_else(|| {
            let id = item.regulator_id.as_ref()?;
            Some(&self.regulators.get(id)?.name)
        })
    }

    /// The name of the jurisdiction `code`: the issue's own; else what `regional` gives for
    /// it in each language (the viewer asks the browser for its names of countries); else
    /// the code itself.
    pub fn jurisdiction_name(
        &self,
        code: &Code,
        regional: impl Fn(&str, Lang) -> Option<String>,
    ) -> Text {
        if let Some(name) = self.jurisdictions.get(code) {
            return name.clone();
        }
        let name = |lang| regional(code.as_str(), lang);
        Text::checked(name(Lang::Zh), name(Lang::En))
            .unwrap_or_else(|_| Text::new(code.as_str(), code.as_str()))
    }

    /// All items, in reading order, with their section.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter().map(move |item| (section, item)))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    pub id: Id,
    pub title: Text,
    pub items: Vec<Item>,
}

/// One piece of news. `title` and `body` hold inline markup (see [`crate::markup`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Item {
    pub id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    pub jurisdiction: Code,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulator: Option<Text>,
    /// The regulator among the issue's `regulators` (format 1.1); `regulator` is how this
    /// item names it, else the regulator's own name is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulator_id: Option<Id>,
    pub title: Text,
    pub body: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<HttpUrl>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<String>>"))]
    pub tags: Vec<String>,
}

/// How to reach the publisher. Every part is optional.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<HttpUrl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<Text>>"))]
    pub offices: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_fields_are_checked_when_deserialized_and_written_back_as_strings() {
        let id: Id = serde_json::from_str(r#""cyber-041""#).unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""cyber-041""#);
        let bad = serde_json::from_str::<Id>(r#""a b""#)
            .unwrap_err()
            .to_string();
        assert!(bad.starts_with(r#"invalid id "a b": use 1 to 64"#), "{bad}");
        // URLs and addresses are kept trimmed.
        let url: HttpUrl = serde_json::from_str(r#"" https://example.org/n ""#).unwrap();
        assert_eq!(url.as_str(), "https://example.org/n");
        assert!(serde_json::from_str::<HttpUrl>(r#""javascript:alert(1)""#).is_err());
        let email: Email = serde_json::from_str(r#""info@lifanglaw.com ""#).unwrap();
        assert_eq!(email.as_str(), "info@lifanglaw.com");
    }

    #[test]
    fn a_text_drops_blank_languages_and_needs_one() {
        let text: Text = serde_json::from_str(r#"{"zh":"国内要闻","en":"  ","fr":"x"}"#).unwrap();
        assert_eq!(
            text,
            Text {
                zh: Some("国内要闻".into()),
                en: None
            }
        );
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#"{"zh":"国内要闻"}"#
        );
        let none = serde_json::from_str::<Text>(r#"{"en":" "}"#)
            .unwrap_err()
            .to_string();
        assert!(
            none.starts_with(r#"a text needs a non-empty "zh" or "en""#),
            "{none}"
        );
    }

    #[test]
    fn numbers_are_whole_and_not_negative() {
        let entry = |number: &str| {
            let json =
                format!(r#"{{"id":"a","file":"a.json","date":"2021-01","number":{number}}}"#);
            serde_json::from_str::<CatalogEntry>(&json).map(|e| e.number)
        };
        assert_eq!(entry("41").unwrap(), Some(41));
        assert_eq!(entry("null").unwrap(), None);
        for bad in ["-1", "41.5", "4294967296", "\"41\""] {
            let message = entry(bad).unwrap_err().to_string();
            assert!(
                message.contains("expected a whole number from 0 to 4294967295"),
                "{message}"
            );
        }
    }

    #[test]
    fn a_jurisdiction_is_named_by_the_issue_else_by_the_browser_else_by_its_code() {
        let json =
            r#"{"id":"a","sections":[],"jurisdictions":{"CN-ZJ":{"zh":"浙江","en":"Zhejiang"}}}"#;
        let issue: Issue = serde_json::from_str(json).unwrap();
        let browser = |code: &str, lang: Lang| match (code, lang) {
            ("US", Lang::Zh) => Some("美国".to_owned()),
            ("US", Lang::En) => Some("United States".to_owned()),
            _ => None,
        };
        let code = |c: &str| Code::new(c).unwrap();
        assert_eq!(
            issue.jurisdiction_name(&code("CN-ZJ"), browser),
            Text::new("浙江", "Zhejiang")
        );
        assert_eq!(
            issue.jurisdiction_name(&code("US"), browser),
            Text::new("美国", "United States")
        );
        assert_eq!(
            issue.jurisdiction_name(&code("CN-GD"), browser),
            Text::new("CN-GD", "CN-GD")
        );
    }

    #[test]
    fn ids_allow_letters_digits_underscore_and_dash_up_to_64() {
        assert!(Id::new("miit-81-draft_standards").is_ok());
        assert!(Id::new(&"a".repeat(64)).is_ok());
        assert!(Id::new(&"a".repeat(65)).is_err());
        assert!(Id::new("").is_err());
        assert!(Id::new("a b").is_err());
        assert!(Id::new("a\"onmouseover").is_err());
        assert!(Id::new("人脸").is_err());
    }

    #[test]
    fn codes_are_countries_subdivisions_or_eu() {
        for ok in ["CN", "CN-ZJ", "US-CA", "EU", "GB-ENG", "FR-75"] {
            assert!(Code::new(ok).is_ok(), "{ok}");
        }
        for bad in [
            "cn", "CHN", "CN-", "-ZJ", "CN-ZJ-X", "C", "CN-zj", "CN ZJ", "",
        ] {
            assert!(Code::new(bad).is_err(), "{bad}");
        }
        assert_eq!(Code::new("CN-ZJ").unwrap().country(), "CN");
        assert_eq!(Code::new("EU").unwrap().country(), "EU");
    }

    #[test]
    fn dates_are_year_month_or_full_days() {
        assert!(Date::new("2021-01").is_ok());
        assert!(Date::new("2021-01-18").is_ok());
        for bad in [
            "2021",
            "2021-13",
            "2021-1-18",
            "21-01-18",
            "2021-01-32",
            "2021/01/18",
        ] {
            assert!(Date::new(bad).is_err(), "{bad}");
        }
        assert!(Day::new("2021-01-15").is_ok());
        assert!(Day::new("2021-01").is_err());
    }

    #[test]
    fn catalog_files_stay_inside_the_issues_folder() {
        assert!(IssuePath::new("cyber-041.json").is_ok());
        assert!(IssuePath::new("2021/cyber-041.json").is_ok());
        for bad in [
            "../secret.json",
            "a/../../b.json",
            "/etc/passwd",
            "https://evil.example/x.json",
            "javascript:alert(1)",
            "//evil.example/x.json",
            "a\\b.json",
            "",
            "./x.json",
        ] {
            assert!(IssuePath::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_missing_language_falls_back_to_the_other_and_says_so() {
        let only_zh = Text {
            zh: Some("国内要闻".into()),
            en: None,
        };
        let shown = only_zh.show(Lang::En);
        assert_eq!(shown.text, "国内要闻");
        assert_eq!(shown.lang, Lang::Zh);
        assert!(shown.fallback);
        assert!(!only_zh.show(Lang::Zh).fallback);
    }

    #[test]
    fn both_mode_shows_chinese_then_english() {
        let text = Text::new("国内要闻", "Domestic News");
        let parts = text.parts(LangMode::Both);
        assert_eq!(
            parts
                .iter()
                .map(|p| (p.text, p.lang, p.missing))
                .collect::<Vec<_>>(),
            [
                ("国内要闻", Lang::Zh, None),
                ("Domestic News", Lang::En, None)
            ]
        );
    }

    #[test]
    fn a_missing_language_is_marked_in_every_mode_without_repeating_text() {
        let only_en = Text {
            zh: None,
            en: Some("Domestic News".into()),
        };
        for mode in [LangMode::Zh, LangMode::Both] {
            let parts = only_en.parts(mode);
            assert_eq!(parts.len(), 1, "{mode}");
            assert_eq!(parts[0].lang, Lang::En);
            assert_eq!(parts[0].missing, Some(Lang::Zh));
        }
        assert_eq!(only_en.parts(LangMode::En)[0].missing, None);
    }

    fn words<'a>(layout: &'a Layout<'_>) -> Vec<(&'a str, Lang, Modes)> {
        let texts = layout.texts.iter();
        texts
            .map(|&(text, lang, modes)| (text, lang, modes))
            .collect()
    }

    #[test]
    fn the_layout_shows_each_language_in_its_modes() {
        let text = Text::new("国内要闻", "Domestic News");
        let layout = text.layout();
        let zh = Modes::default().with(LangMode::Zh).with(LangMode::Both);
        let en = Modes::default().with(LangMode::En).with(LangMode::Both);
        assert_eq!(
            words(&layout),
            vec![("国内要闻", Lang::Zh, zh), ("Domestic News", Lang::En, en)]
        );
        assert!(layout.notes.is_empty());
    }

    #[test]
    fn the_layout_shows_a_lone_language_everywhere_and_notes_the_missing_one() {
        let only_en = Text {
            zh: None,
            en: Some("Domestic News".into()),
        };
        let layout = only_en.layout();
        let all = LangMode::ALL
            .into_iter()
            .fold(Modes::default(), Modes::with);
        assert_eq!(words(&layout), vec![("Domestic News", Lang::En, all)]);
        let zh_and_both = Modes::default().with(LangMode::Zh).with(LangMode::Both);
        assert_eq!(layout.notes, vec![(Lang::Zh, zh_and_both)]);
    }

    #[test]
    fn emails_are_checked_loosely_but_reject_markup() {
        assert!(Email::new("info@lifanglaw.com").is_ok());
        assert!(Email::new("info@").is_err());
        assert!(Email::new("<a>@x.com").is_err());
        assert!(Email::new("a@b@c.com").is_err());
        assert!(Email::new("javascript:alert(1)//@x.com").is_err());
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let long = "x".repeat(5000);
        assert!(quoted(&long).chars().count() < 50);
    }
}
