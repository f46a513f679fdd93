//! Citing and linking one item: the link that reopens it, and a citation in the Chinese
//! or the English convention (the card's Copy link, Cite and Share actions).

use crate::lang::{Lang, LangMode};
use crate::markup::plain;
use crate::model::{Issue, Item, Text};
use crate::ui::format_date;
use crate::url::ViewState;

/// The link to `item` of `issue` in `mode`: the page's address (`page`, without query or
/// fragment) with `?issue=…&lang=…#item`. The issue is named even when it is the newest,
/// so the link keeps pointing at it when later issues come out.
pub fn item_link(page: &str, issue: &Issue, item: &Item, mode: LangMode) -> String {
    let view = ViewState {
        issue: Some(issue.id.to_string()),
        lang: Some(mode),
        item: Some(item.id.to_string()),
        ..ViewState::default()
    };
    format!("{page}{}{}", view.search(), view.hash())
}

/// The citation of `item` in `mode`: one in each language it shows, Chinese first, a line
/// apart.
pub fn citation(issue: &Issue, item: &Item, mode: LangMode, link: &str) -> String {
    mode.langs()
        .iter()
        .map(|&lang| cite(issue, item, lang, link))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One citation: publisher, publication (the series and its number, and the publication
/// and its number), date, title and link. What the issue lacks is left out; a text missing
/// in `lang` is given in the other language.
///
/// - 立方律师事务所《立方网络安全与数据合规周报》第41期（立方观评 No.208，2021年1月）：“…”，https://…
/// - Lifang & Partners, Weekly Cybersecurity and Data Protection Review No.41 (Lifang &
///   Partners Newsletter No.208, January 2021), “…”, https://…
pub fn cite(issue: &Issue, item: &Item, lang: Lang, link: &str) -> String {
    let text = |t: &Option<Text>| t.as_ref().map(|t| t.show(lang).text.to_owned());
    // The name cited first: the series when there is one (with the issue's number), else
    // the publication (with its own); the other goes in the brackets with the date.
    let (name, number, aside, aside_number) = match text(&issue.series) {
        Some(series) => (
            Some(series),
            issue.number,
            text(&issue.publication),
            issue.publication_number,
        ),
        None => (
            text(&issue.publication),
            issue.publication_number,
            None,
            None,
        ),
    };
    let aside = aside.map(|aside| match aside_number {
        Some(n) => format!("{aside} No.{n}"),
        None => aside,
    });
    let date = issue.date.as_ref().map(|d| format_date(d, lang));
    let bracket: Vec<String> = aside.into_iter().chain(date).collect();
    let title = plain(item.title.show(lang).text);
    let publisher = text(&issue.publisher);
    match lang {
        Lang::Zh => {
            let mut out = publisher.unwrap_or_default();
            if let Some(name) = name {
                out.push_str(&format!("《{name}》"));
            }
            if let Some(n) = number {
                out.push_str(&format!("第{n}期"));
            }
            if !bracket.is_empty() {
                out.push_str(&format!("（{}）", bracket.join("，")));
            }
            if !out.is_empty() {
                out.push('：');
            }
            format!("{out}“{title}”，{link}")
        }
        Lang::En => {
            let mut parts: Vec<String> = publisher.into_iter().collect();
            if let Some(name) = name {
                let name = match number {
                    Some(n) => format!("{name} No.{n}"),
                    None => name,
                };
                parts.push(if bracket.is_empty() {
                    name
                } else {
                    format!("{name} ({})", bracket.join(", "))
                });
            } else if !bracket.is_empty() {
                parts.push(format!("({})", bracket.join(", ")));
            }
            parts.push(format!("“{title}”"));
            parts.push(link.to_owned());
            parts.join(", ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_issue;

    fn sample() -> Issue {
        let json = include_str!("../../public/issues/cyber-041.json");
        parse_issue("cyber-041.json", json).unwrap().value
    }

    #[test]
    fn the_sample_is_cited_in_each_convention() {
        let issue = sample();
        let item = &issue.sections[1].items[0];
        let link = item_link("https://example.org/news/", &issue, item, LangMode::Both);
        assert_eq!(
            link,
            "https://example.org/news/?issue=cyber-041&lang=both#ftc-everalbum-facial-recognition"
        );
        assert_eq!(
            cite(&issue, item, Lang::Zh, "L"),
            "立方律师事务所《立方网络安全与数据合规周报》第41期（立方观评 No.208，2021年1月）：\
             “美国联邦贸易委员会与一照片APP开发者就不当使用人脸识别技术问题达成和解”，L"
        );
        assert_eq!(
            cite(&issue, item, Lang::En, "L"),
            "Lifang & Partners, Weekly Cybersecurity and Data Protection Review No.41 \
             (Lifang & Partners Newsletter No.208, January 2021), “California Company Settles \
             FTC Allegations It Deceived Consumers about Use of Facial Recognition in Photo \
             Storage App”, L"
        );
        let both = citation(&issue, item, LangMode::Both, "L");
        assert_eq!(both.lines().count(), 2);
        assert!(both.starts_with("立方律师事务所") && both.contains("\nLifang & Partners, "));
        assert_eq!(citation(&issue, item, LangMode::En, "L").lines().count(), 1);
    }

    #[test]
    fn what_an_issue_lacks_is_left_out() {
        let mut issue = sample();
        issue.publisher = None;
        issue.series = None;
        issue.date = None;
        let item = &issue.sections[0].items[0].clone();
        assert_eq!(
            cite(&issue, item, Lang::En, "L"),
            "Lifang & Partners Newsletter No.208, “MIIT Invites Comments on 81 Draft Standards \
             for Communications Industry”, L"
        );
        assert!(cite(&issue, item, Lang::Zh, "L").starts_with("《立方观评》第208期：“"));
        issue.publication = None;
        issue.publication_number = None;
        assert!(cite(&issue, item, Lang::Zh, "L").starts_with("“工信部"));
        assert!(cite(&issue, item, Lang::En, "L").starts_with("“MIIT"));
    }
}
