//! The reader's view as carried by the page's URL, so that a copied link opens the same view:
//! `?issue=cyber-041&lang=en&j=CN-ZJ,US&r=ftc#zhejiang-1200-apps`.
//!
//! Reading is forgiving (unknown parameters and malformed values are ignored) and writing
//! is canonical (parameters in a fixed order, only those that differ from the default).

use crate::filter::Filter;
use crate::lang::{Arrangement, LangMode};

/// What the URL says about the view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// A catalog id; `None` means the newest issue. Kept even if unknown, so the viewer can
    /// say that it is unknown.
    pub issue: Option<String>,
    /// `None` means the reader's last choice, else the browser's language.
    pub lang: Option<LangMode>,
    pub filter: Filter,
    /// How "both" mode sets the languages (`layout`); `None` means the reader's last
    /// choice, else side by side. Written only when it differs from side by side.
    pub layout: Option<Arrangement>,
    /// The item to scroll to (the fragment).
    pub item: Option<String>,
    /// A search over the whole archive (`q`); `None` when not searching.
    pub query: Option<String>,
}

/// Longest `issue` value kept from a URL; longer ones cannot be catalog ids anyway.
const MAX_ISSUE_LEN: usize = 200;

impl ViewState {
    /// Reads `location.search` (with or without its `?`) and `location.hash` (with or
    /// without its `#`).
    pub fn from_url(search: &str, hash: &str) -> ViewState {
        let mut state = ViewState::default();
        let search = search.strip_prefix('?').unwrap_or(search);
        let (mut codes, mut regulators) = (String::new(), String::new());
        for pair in search.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match decode(key).as_str() {
                "issue" if !value.is_empty() => {
                    state.issue = Some(value.chars().take(MAX_ISSUE_LEN).collect());
                }
                "lang" => state.lang = LangMode::parse(&value),
                "j" => codes = value,
                "r" => regulators = value,
                "layout" => state.layout = Arrangement::parse(&value),
                "q" if !value.trim().is_empty() => {
                    state.query = Some(value.chars().take(MAX_ISSUE_LEN).collect());
                }
                _ => {}
            }
        }
        state.filter = Filter::new(codes.split(',')).with_regulators(regulators.split(','));
        let hash = decode(hash.strip_prefix('#').unwrap_or(hash));
        state.item = (!hash.is_empty()).then_some(hash);
        state
    }

    /// The query string, `?` included, or an empty string when every value is the default.
    pub fn search(&self) -> String {
        let mut params = Vec::new();
        if let Some(issue) = &self.issue {
            params.push(format!("issue={}", encode(issue)));
        }
        if let Some(lang) = self.lang {
            params.push(format!("lang={lang}"));
        }
        if let Some(layout) = self.layout.filter(|&l| l != Arrangement::default()) {
            params.push(format!("layout={}", layout.as_str()));
        }
        if self.filter.codes().next().is_some() {
            // Codes are A-Z, 0-9 and '-': nothing to escape, and the commas stay readable.
            params.push(format!(
                "j={}",
                self.filter.codes().collect::<Vec<_>>().join(",")
            ));
        }
        if self.filter.regulators().next().is_some() {
            // Ids are A-Z, a-z, 0-9, '_' and '-': nothing to escape either.
            params.push(format!(
                "r={}",
                self.filter.regulators().collect::<Vec<_>>().join(",")
            ));
        }
        if let Some(query) = &self.query {
            params.push(format!("q={}", encode(query)));
        }
        if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        }
    }

    /// The fragment, `#` included, or an empty string.
    pub fn hash(&self) -> String {
        self.item
            .as_deref()
            .map(|id| format!("#{}", encode(id)))
            .unwrap_or_default()
    }
}

/// Percent-decodes a query component (`+` is a space); invalid escapes stay as they are.
pub fn decode(component: &str) -> String {
    let bytes = component.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes everything but `A-Z a-z 0-9 - _ . ~`.
pub fn encode(component: &str) -> String {
    let mut out = String::with_capacity(component.len());
    for b in component.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_format_example_reads_as_meant() {
        let state =
            ViewState::from_url("?issue=cyber-041&lang=en&j=CN-ZJ,US", "#zhejiang-1200-apps");
        assert_eq!(state.issue.as_deref(), Some("cyber-041"));
        assert_eq!(state.lang, Some(LangMode::En));
        assert_eq!(state.filter, Filter::new(["CN-ZJ", "US"]));
        assert_eq!(state.item.as_deref(), Some("zhejiang-1200-apps"));
    }

    #[test]
    fn states_round_trip_through_the_url() {
        let states = [
            ViewState::default(),
            ViewState {
                issue: Some("cyber-041".into()),
                lang: Some(LangMode::Both),
                filter: Filter::new(["US", "CN-ZJ"]).with_regulators(["ftc", "zhejiang-ca"]),
                layout: Some(Arrangement::Stacked),
                item: Some("zhejiang-1200-apps".into()),
                query: None,
            },
            ViewState {
                query: Some("人脸识别 facial & more".into()),
                ..Default::default()
            },
            ViewState {
                issue: Some("odd id/with?chars&=#".into()),
                lang: Some(LangMode::Zh),
                filter: Filter::new(["EU"]),
                layout: None,
                item: None,
                query: None,
            },
        ];
        for state in states {
            let back = ViewState::from_url(&state.search(), &state.hash());
            assert_eq!(back, state);
        }
    }

    #[test]
    fn writing_is_canonical() {
        let state = ViewState::from_url("r=miit&j=US,CN-ZJ&lang=zh&issue=a&utm=x", "");
        assert_eq!(state.search(), "?issue=a&lang=zh&j=CN-ZJ,US&r=miit");
        let state = ViewState::from_url("r=miit,cbirc,<b>", "");
        assert_eq!(state.search(), "?r=cbirc,miit");
        assert_eq!(ViewState::default().search(), "");
        assert_eq!(ViewState::default().hash(), "");
    }

    #[test]
    fn the_arrangement_is_written_only_when_stacked() {
        let stacked = ViewState::from_url("?lang=both&layout=stacked", "");
        assert_eq!(stacked.layout, Some(Arrangement::Stacked));
        assert_eq!(stacked.search(), "?lang=both&layout=stacked");
        let side = ViewState::from_url("?layout=side&lang=both", "");
        assert_eq!(side.layout, Some(Arrangement::SideBySide));
        assert_eq!(side.search(), "?lang=both");
        assert_eq!(ViewState::from_url("?layout=wide", "").layout, None);
    }

    #[test]
    fn a_search_is_carried_by_q() {
        let state = ViewState::from_url("?q=%E4%BA%BA%E8%84%B8+FTC&lang=en", "");
        assert_eq!(state.query.as_deref(), Some("人脸 FTC"));
        assert_eq!(state.search(), "?lang=en&q=%E4%BA%BA%E8%84%B8%20FTC");
        assert_eq!(ViewState::from_url("?q=%20%20", "").query, None);
    }

    #[test]
    fn malformed_values_are_ignored() {
        let state = ViewState::from_url("?lang=fr&j=<script>,,cn&issue=", "#");
        assert_eq!(state, ViewState::default());
    }

    #[test]
    fn percent_escapes_decode_and_broken_ones_stay() {
        assert_eq!(decode("CN-ZJ%2CUS"), "CN-ZJ,US");
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%E4%BA%BA"), "人");
        assert_eq!(
            ViewState::from_url("j=CN-ZJ%2CUS", "").filter,
            Filter::new(["CN-ZJ", "US"])
        );
    }

    #[test]
    fn very_long_issue_values_are_cut() {
        let state = ViewState::from_url(&format!("issue={}", "x".repeat(10_000)), "");
        assert_eq!(state.issue.unwrap().len(), MAX_ISSUE_LEN);
    }
}
