//! `newsletter new`: a skeleton issue with every field present, carrying over what does not
//! change from one issue to the next (masthead, jurisdiction names, disclaimer, contact).

use newsletter_core::model::{Code, Date, Day, HttpUrl, Id};
use newsletter_core::parse::ISSUE_FORMAT;
use newsletter_core::schema::{IssueFile, ISSUE_SCHEMA};
use newsletter_core::{Contact, Issue, Item, Section, Text};

use crate::catalog::schema_link;

/// The new issue `id` of `date`, following `previous` (the newest issue, if any): its number
/// and its publication's number one higher.
pub fn skeleton(id: Id, date: Date, previous: Option<&Issue>) -> Issue {
    let text = |zh: &str, en: &str| Text::new(zh, en);
    let next = |n: Option<u32>| Some(n.map_or(1, |n| n.saturating_add(1)));
    let day = Day::new(date.as_str()).ok();
    // The first section of the previous issue, without its items.
    let (section_id, section_title) = previous
        .and_then(|p| p.sections.first())
        .map(|s| (s.id.clone(), s.title.clone()))
        .unwrap_or_else(|| {
            let id = Id::new("domestic").expect("a valid id");
            (id, text("国内要闻", "Domestic News"))
        });
    let item = Item {
        id: Id::new("item-1").expect("a valid id"),
        date: day,
        jurisdiction: Code::new("CN").expect("a valid code"),
        regulator: Some(text("（监管机构）", "(Regulator)")),
        regulator_id: None,
        title: text("（标题）", "(Title)"),
        body: text(
            "（正文。*强调*，[链接](https://example.org/)；空一行另起一段。）",
            "(Body. *Emphasis*, [a link](https://example.org/); a blank line starts a new paragraph.)",
        ),
        source: Some(HttpUrl::new("https://example.org/source").expect("a valid URL")),
        tags: vec!["tag".to_owned()],
    };
    let contact = previous
        .and_then(|p| p.contact.clone())
        .unwrap_or_else(|| Contact {
            website: Some(HttpUrl::new("https://example.org/").expect("a valid URL")),
            email: None,
            phone: None,
            fax: None,
            offices: vec![],
            follow: None,
        });
    Issue {
        id,
        publisher: previous
            .and_then(|p| p.publisher.clone())
            .or_else(|| Some(text("（出版者）", "(Publisher)"))),
        publication: previous
            .and_then(|p| p.publication.clone())
            .or_else(|| Some(text("（刊物）", "(Publication)"))),
        publication_number: next(previous.and_then(|p| p.publication_number)),
        series: previous
            .and_then(|p| p.series.clone())
            .or_else(|| Some(text("（系列）", "(Series)"))),
        number: next(previous.and_then(|p| p.number)),
        date: Some(date),
        jurisdictions: previous
            .map(|p| p.jurisdictions.clone())
            .unwrap_or_default(),
        regulators: previous.map(|p| p.regulators.clone()).unwrap_or_default(),
        sections: vec![Section {
            id: section_id,
            title: section_title,
            items: vec![item],
        }],
        disclaimer: previous
            .and_then(|p| p.disclaimer.clone())
            .or_else(|| Some(text("（免责声明）", "(Disclaimer)"))),
        contact: Some(contact),
    }
}

/// The issue file's bytes, as the tool writes it.
pub fn bytes(issue: &Issue) -> Vec<u8> {
    let link = schema_link(ISSUE_SCHEMA);
    crate::write::json_bytes(&IssueFile {
        schema: Some(&link),
        format: ISSUE_FORMAT,
        issue,
    })
}
