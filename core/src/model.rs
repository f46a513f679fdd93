//! The newsletter as the viewer holds it once a file has been read and checked.
//!
//! Field types that carry a rule of the data format (ids, jurisdiction codes, dates, catalog
//! paths, texts) can only be made through a check of it, which [`crate::parse`] reports with
//! the value's exact JSON path. Nothing here touches the network or the page.

use std::any::Any;
use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::lang::{Lang, LangMode, Modes};

/// A human-readable string in one or both languages. At least one is present and non-blank.
/// Strings are shared ([`SharedStr`]), so views can hold a text without copying it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    pub zh: Option<SharedStr>,
    pub en: Option<SharedStr>,
}

/// A string of a file as the model keeps it: a slice of the file's text, kept once for the
/// whole issue instead of a copy of its own; or one of the file's texts kept outside this
/// crate's memory ([`OutsideTexts`]: in the viewer, the page's own JS strings).
#[derive(Clone)]
pub struct SharedStr(Kept);

#[derive(Clone)]
enum Kept {
    Slice {
        buffer: Arc<String>,
        start: u32,
        end: u32,
    },
    Outside {
        texts: Arc<OutsideTexts>,
        index: u32,
    },
}

impl SharedStr {
    /// `range` of `buffer`, which must fall on character boundaries (it comes from slicing
    /// the buffer's own text).
    pub fn slice(buffer: &Arc<String>, range: std::ops::Range<usize>) -> SharedStr {
        debug_assert!(buffer.get(range.clone()).is_some());
        SharedStr(Kept::Slice {
            buffer: buffer.clone(),
            start: range.start as u32,
            end: range.end as u32,
        })
    }

    /// The text at `index` of `texts`, if there is one.
    pub fn outside(texts: &Arc<OutsideTexts>, index: usize) -> Option<SharedStr> {
        (index < texts.count).then(|| {
            SharedStr(Kept::Outside {
                texts: texts.clone(),
                index: index as u32,
            })
        })
    }

    /// The string, without keeping a copy of a text kept outside (as reading it through
    /// `Deref` does): for a view that uses it once.
    pub fn read(&self) -> Cow<'_, str> {
        match &self.0 {
            Kept::Slice { .. } => Cow::Borrowed(&**self),
            Kept::Outside { texts, index } => match texts.kept(*index).and_then(OnceLock::get) {
                Some(read) => Cow::Borrowed(read),
                None => Cow::Owned(texts.keeper.read(*index as usize)),
            },
        }
    }

    /// A copy with a string of its own, keeping nothing of its file alive: for what
    /// outlives the file it was read from (the search index's docs).
    pub fn detached(&self) -> SharedStr {
        SharedStr::from(self.read().into_owned())
    }

    /// The file's text this is a slice of, if it is one.
    #[cfg(test)]
    pub(crate) fn buffer(&self) -> Option<&Arc<String>> {
        match &self.0 {
            Kept::Slice { buffer, .. } => Some(buffer),
            Kept::Outside { .. } => None,
        }
    }

    /// Where a text kept outside is: its keeper and its index there.
    pub fn kept_outside(&self) -> Option<(&dyn Keeper, usize)> {
        match &self.0 {
            Kept::Slice { .. } => None,
            Kept::Outside { texts, index } => Some((&*texts.keeper, *index as usize)),
        }
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;

    /// The string; a text kept outside is read once and then kept here too.
    fn deref(&self) -> &str {
        match &self.0 {
            Kept::Slice { buffer, start, end } => &buffer[*start as usize..*end as usize],
            Kept::Outside { texts, index } => {
                texts.cache()[*index as usize].get_or_init(|| texts.keeper.read(*index as usize))
            }
        }
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> SharedStr {
        let end = text.len();
        SharedStr::slice(&Arc::new(text), 0..end)
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> SharedStr {
        SharedStr::from(text.to_owned())
    }
}

/// What holds a file's texts outside the model, by index.
pub trait Keeper: Send + Sync {
    /// The text at `index` (below the count the keeper was made with).
    fn read(&self, index: usize) -> String;
    /// The keeper itself, for its owner to reach what it holds.
    fn as_any(&self) -> &dyn Any;
}

/// A file's texts that the model refers to by index instead of holding them
/// ([`crate::parse::parse_issue_outside`]). A text read through `Deref` is kept here once
/// read; [`SharedStr::read`] reads without keeping.
pub struct OutsideTexts {
    keeper: Box<dyn Keeper>,
    count: usize,
    /// Made on the first read through `Deref`: a view that only shows texts never needs it.
    cache: OnceLock<Box<[OnceLock<String>]>>,
}

impl OutsideTexts {
    fn cache(&self) -> &[OnceLock<String>] {
        self.cache
            .get_or_init(|| (0..self.count).map(|_| OnceLock::new()).collect())
    }

    /// The text at `index` as kept here, if the cache has been made.
    fn kept(&self, index: u32) -> Option<&OnceLock<String>> {
        Some(&self.cache.get()?[index as usize])
    }

    /// What holds the texts.
    pub fn keeper(&self) -> &dyn Keeper {
        &*self.keeper
    }

    /// `count` texts held by `keeper`.
    pub fn new(keeper: Box<dyn Keeper>, count: usize) -> Arc<OutsideTexts> {
        Arc::new(OutsideTexts {
            keeper,
            count,
            cache: OnceLock::new(),
        })
    }
}

/// Equal when the strings are, wherever they are kept.
impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        match (&self.0, &other.0) {
            (Kept::Outside { texts, index }, Kept::Outside { texts: t, index: i })
                if Arc::ptr_eq(texts, t) && index == i =>
            {
                true
            }
            _ => self.read() == other.read(),
        }
    }
}

impl Eq for SharedStr {}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.read(), f)
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
    pub fn new(zh: impl Into<SharedStr>, en: impl Into<SharedStr>) -> Text {
        Text {
            zh: Some(zh.into()),
            en: Some(en.into()),
        }
    }

    /// This text with strings of its own (see [`SharedStr::detached`]).
    pub fn detached(&self) -> Text {
        Text {
            zh: self.zh.as_ref().map(SharedStr::detached),
            en: self.en.as_ref().map(SharedStr::detached),
        }
    }

    /// The string in `lang` as kept, if the text has it.
    pub fn string(&self, lang: Lang) -> Option<&SharedStr> {
        match lang {
            Lang::Zh => self.zh.as_ref(),
            Lang::En => self.en.as_ref(),
        }
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
    pub text: &'a SharedStr,
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
                self.string(lang)
                    .map(|text| Part {
                        text,
                        lang,
                        missing: fallback.then_some(wanted),
                    })
                    .into_iter()
                    .collect()
            }
            LangMode::Both => {
                let present: Vec<(Lang, &SharedStr)> = [Lang::Zh, Lang::En]
                    .into_iter()
                    .filter_map(|lang| Some((lang, self.string(lang)?)))
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
    pub texts: Vec<(&'a SharedStr, Lang, Modes)>,
    /// The missing language and the modes in which its absence is pointed out.
    pub notes: Vec<(Lang, Modes)>,
}

impl Text {
    /// The union over all modes of [`Text::parts`]: what to render once so that any mode
    /// can be shown by hiding the rest.
    pub fn layout(&self) -> Layout<'_> {
        let mut texts: Vec<(&SharedStr, Lang, Modes)> = Vec::new();
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
    pub fn checked(zh: Option<SharedStr>, en: Option<SharedStr>) -> Result<Text, &'static str> {
        // A text kept outside was taken out only if it was not blank (and is not read here).
        let keep =
            |s: Option<SharedStr>| s.filter(|s| s.kept_outside().is_some() || !s.trim().is_empty());
        match (keep(zh), keep(en)) {
            (None, None) => Err("a text needs a non-empty \"zh\" or \"en\""),
            (zh, en) => Ok(Text { zh, en }),
        }
    }
}

/// Declares a string newtype that can only be made through `check`.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:path) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Checks `value` against the data format's rule for this field.
            pub fn new(value: &str) -> Result<$name, String> {
                $check(value).map(|()| $name(value.to_owned()))
            }

            pub fn as_str(&self) -> &str {
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

fn check_id(value: &str) -> Result<(), String> {
    let ok_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if value.is_empty() || value.len() > 64 || !value.chars().all(ok_char) {
        return Err(format!(
            "invalid id {}: use 1 to 64 characters of A-Z a-z 0-9 _ -",
            quoted(value)
        ));
    }
    Ok(())
}

fn check_code(value: &str) -> Result<(), String> {
    let (country, sub) = match value.split_once('-') {
        Some((country, sub)) => (country, Some(sub)),
        None => (value, None),
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
            quoted(value)
        ));
    }
    Ok(())
}

fn two_digits_in(s: &str, range: std::ops::RangeInclusive<u32>) -> bool {
    s.len() == 2
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse().is_ok_and(|n| range.contains(&n))
}

fn check_date(value: &str) -> Result<(), String> {
    let parts: Vec<&str> = value.split('-').collect();
    let ok = match parts.as_slice() {
        [y, m] => is_year(y) && two_digits_in(m, 1..=12),
        [y, m, d] => is_year(y) && two_digits_in(m, 1..=12) && two_digits_in(d, 1..=31),
        _ => false,
    };
    if !ok {
        return Err(format!(
            "invalid date {}: use YYYY-MM-DD or YYYY-MM",
            quoted(value)
        ));
    }
    Ok(())
}

fn check_day(value: &str) -> Result<(), String> {
    if value.len() != 10 || check_date(value).is_err() {
        return Err(format!("invalid date {}: use YYYY-MM-DD", quoted(value)));
    }
    Ok(())
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

fn check_issue_path(value: &str) -> Result<(), String> {
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
            quoted(value)
        ));
    }
    Ok(())
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

/// The catalog, `issues/index.json`, with its issues newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub title: Option<Text>,
    pub issues: Vec<CatalogEntry>,
}

impl Catalog {
    /// The issue opened when the URL names none.
    pub fn newest(&self) -> Option<&CatalogEntry> {
        self.issues.first()
    }

    pub fn find(&self, id: &str) -> Option<&CatalogEntry> {
        self.issues.iter().find(|entry| entry.id.as_str() == id)
    }

    /// The issue a view shows: the one `id` names, the newest when it names none; `None`
    /// when `id` names no issue of the catalog.
    pub fn shown(&self, id: Option<&str>) -> Option<&CatalogEntry> {
        match id {
            None => self.newest(),
            Some(id) => self.find(id),
        }
    }
}

/// One issue as the catalog lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogEntry {
    pub id: Id,
    pub file: IssuePath,
    pub date: Date,
    pub number: Option<u32>,
    pub title: Option<Text>,
}

/// One issue of a newsletter.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub id: Id,
    pub publisher: Option<Text>,
    pub publication: Option<Text>,
    pub publication_number: Option<u32>,
    pub series: Option<Text>,
    pub number: Option<u32>,
    pub date: Option<Date>,
    /// Display names of jurisdiction codes, as the issue gives them.
    pub jurisdictions: Names,
    pub sections: Vec<Section>,
    pub disclaimer: Option<Text>,
    pub contact: Option<Contact>,
}

/// An issue's own names for jurisdiction codes, sorted by code. An issue names a handful,
/// so a sorted list does what a map would, with a fraction of the code in the wasm.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names(Vec<(Code, Text)>);

impl Names {
    /// Names `code`; a code named again takes the later name, as a repeated key of a JSON
    /// object does.
    pub fn insert(&mut self, code: Code, name: Text) {
        match self.find(&code) {
            Ok(at) => self.0[at].1 = name,
            Err(at) => self.0.insert(at, (code, name)),
        }
    }

    /// The name of `code`, if the issue gives one.
    pub fn get(&self, code: &Code) -> Option<&Text> {
        self.find(code).ok().map(|at| &self.0[at].1)
    }

    /// Every code named, with its name, in the order of the codes.
    pub fn iter(&self) -> impl Iterator<Item = (&Code, &Text)> {
        self.0.iter().map(|(code, name)| (code, name))
    }

    fn find(&self, code: &Code) -> Result<usize, usize> {
        self.0.binary_search_by(|(named, _)| named.cmp(code))
    }
}

impl Issue {
    /// All items, in reading order, with their section.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter().map(move |item| (section, item)))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: Id,
    pub title: Text,
    pub items: Vec<Item>,
}

/// One piece of news. `title` and `body` hold inline markup (see [`crate::markup`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: Id,
    pub date: Option<Day>,
    pub jurisdiction: Code,
    pub regulator: Option<Text>,
    pub title: Text,
    pub body: Text,
    /// Only `http:` and `https:` URLs are kept; others are dropped with a warning.
    pub source: Option<String>,
    pub tags: Vec<String>,
}

/// How to reach the publisher. Every part is optional.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Contact {
    /// An `http(s):` URL; others are dropped with a warning.
    pub website: Option<String>,
    /// An e-mail address, shown as a `mailto:` link.
    pub email: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub offices: Vec<Text>,
    pub follow: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_names_each_code_once_with_its_latest_name_in_any_order() {
        let code = |c: &str| Code::new(c).unwrap();
        let mut names = Names::default();
        names.insert(code("US"), Text::new("美国", "USA"));
        names.insert(code("CN-ZJ"), Text::new("浙江", "Zhejiang"));
        names.insert(code("CN"), Text::new("中国", "China"));
        names.insert(code("US"), Text::new("美国", "United States"));
        let listed: Vec<_> = names.iter().map(|(c, n)| (c.as_str(), n.clone())).collect();
        assert_eq!(
            listed,
            [
                ("CN", Text::new("中国", "China")),
                ("CN-ZJ", Text::new("浙江", "Zhejiang")),
                ("US", Text::new("美国", "United States")),
            ]
        );
        assert_eq!(
            names.get(&code("CN-ZJ")),
            Some(&Text::new("浙江", "Zhejiang"))
        );
        assert_eq!(names.get(&code("CN-GD")), None);
        // The same names, given in another order, are the same.
        let mut again = Names::default();
        for (c, n) in listed.iter().rev() {
            again.insert(code(c), n.clone());
        }
        assert_eq!(again, names);
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
                .map(|p| (&**p.text, p.lang, p.missing))
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
            .map(|&(text, lang, modes)| (&**text, lang, modes))
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
    fn long_values_are_cut_in_messages() {
        let long = "x".repeat(5000);
        assert!(quoted(&long).chars().count() < 50);
    }
}
