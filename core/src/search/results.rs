//! What passes between the page and the search worker: the page asks ([`Ask`]) and the
//! worker answers ([`Answer`]) with a page of results ready to show ([`Row`]): titles and
//! snippets with their matches marked, whichever index found them.

use serde::{Deserialize, Serialize};

use super::{highlights, snippet, Query};
use crate::lang::Lang;
use crate::model::{CatalogEntry, Text};

/// Characters of body text around the first match.
const SNIPPET_CHARS: usize = 120;

/// A search the page asks for. `seq` grows with each ask: an answer to an older one is
/// out of date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ask {
    pub seq: u32,
    /// What the reader typed.
    pub query: String,
    /// The jurisdiction filter's codes.
    pub filter: Vec<String>,
    /// How many results to show.
    pub shown: usize,
    /// Try again what failed to load.
    pub retry: bool,
    /// The catalog the page has: its newest issue and how many issues. A prebuilt index
    /// built from it is used without fetching the catalog again.
    pub newest: String,
    pub issues: usize,
}

/// The worker's answer to the ask numbered `seq`: sent again as more of the archive is
/// read, when it reads the issues themselves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub seq: u32,
    /// The first results, best first, grouped by issue (newest first).
    pub rows: Vec<Row>,
    /// How many results there are in all.
    pub total: usize,
    /// Issues read so far and in all, while the worker reads the issues themselves.
    pub progress: Option<(usize, usize)>,
    /// Files that could not be read, each with why: the search went on without them.
    pub failures: Vec<String>,
    /// Why there are no results to show (a file of the index failed): trying again may
    /// help.
    pub error: Option<String>,
    /// The first rows only: the rest follow in another answer to the same ask.
    #[serde(default)]
    pub partial: bool,
}

/// One result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The item's issue, as the catalog lists it.
    pub issue: CatalogEntry,
    pub item: String,
    /// The title in each language it has, with the query's matches.
    pub title: Vec<Marked>,
    pub jurisdiction: Text,
    /// A passage of the body around the first match, in each language it has.
    pub snippets: Vec<Marked>,
}

/// A text in one language, and where the query matched in it (byte ranges).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marked {
    #[serde(with = "lang_tag")]
    pub lang: Lang,
    pub text: String,
    pub marks: Vec<(usize, usize)>,
}

/// The languages `text` is written in, each with its text.
fn each(text: &Text) -> Vec<(Lang, &str)> {
    [Lang::Zh, Lang::En]
        .into_iter()
        .filter_map(|lang| Some((lang, text.get(lang)?)))
        .collect()
}

impl Row {
    /// The result for an item with this `title` and `body` (plain text), for `query`.
    pub fn new(
        issue: CatalogEntry,
        item: String,
        title: &Text,
        jurisdiction: Text,
        body: &Text,
        query: &Query,
    ) -> Row {
        Row {
            issue,
            item,
            title: each(title)
                .into_iter()
                .map(|(lang, text)| Marked {
                    lang,
                    text: text.to_owned(),
                    marks: highlights(text, query),
                })
                .collect(),
            jurisdiction,
            snippets: each(body)
                .into_iter()
                .map(|(lang, text)| {
                    let cut = snippet(text, query, SNIPPET_CHARS);
                    Marked {
                        lang,
                        text: cut.text,
                        marks: cut.marks,
                    }
                })
                .collect(),
        }
    }
}

/// A language as its tag, `zh` or `en`.
mod lang_tag {
    use super::Lang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(lang.tag())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        match <&str>::deserialize(d)? {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            other => Err(serde::de::Error::custom(format!("not a language: {other}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parse_query;

    #[test]
    fn a_row_marks_the_matches_in_each_language_and_travels_as_json() {
        let entry: CatalogEntry = serde_json::from_str(
            r#"{"id": "cyber-041", "file": "cyber-041.json", "date": "2021-01"}"#,
        )
        .unwrap();
        let row = Row::new(
            entry,
            "ftc".into(),
            &Text::new("人脸识别技术", "Facial recognition"),
            Text::new("美国", "United States"),
            &Text::new("关于人脸识别的规定", "Rules on facial recognition apps"),
            &parse_query("人脸识别 facial"),
        );
        assert_eq!(row.title[0].marks, [(0, 12)]);
        assert_eq!(row.title[1].marks, [(0, 6)]);
        assert_eq!(&row.snippets[1].text[9..15], "facial");
        let json = serde_json::to_string(&row).unwrap();
        assert!(json.contains(r#""lang":"zh""#), "{json}");
        assert_eq!(serde_json::from_str::<Row>(&json).unwrap(), row);
    }
}
