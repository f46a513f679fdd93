//! The shipped sample issue is a faithful conversion of the source newsletter: every
//! paragraph of the seed text is found, verbatim, in the sample's data.
//!
//! The source newsletter, as the publisher gave it (text with light markup), is kept beside
//! this test as `source/cyber-041.txt`.

use newsletter_core::{parse_issue, Issue, Text};

const SEED: &str = include_str!("source/cyber-041.txt");

/// Every string of the issue, in both languages.
fn all_strings(issue: &Issue) -> Vec<String> {
    let mut out = Vec::new();
    let mut text = |t: Option<&Text>| {
        if let Some(t) = t {
            out.extend(t.zh.iter().map(|s| s.to_string()));
            out.extend(t.en.iter().map(|s| s.to_string()));
        }
    };
    text(issue.publisher.as_ref());
    text(issue.publication.as_ref());
    text(issue.series.as_ref());
    text(issue.disclaimer.as_ref());
    for section in &issue.sections {
        text(Some(&section.title));
        for item in &section.items {
            text(Some(&item.title));
            text(Some(&item.body));
            text(item.regulator.as_ref());
        }
    }
    let contact = issue.contact.clone().unwrap_or_default();
    text(contact.follow.as_ref());
    for office in &contact.offices {
        text(Some(office));
    }
    out
}

/// The seed's paragraphs that are layout rather than running text, and where the sample
/// keeps them.
fn layout_line(paragraph: &str, issue: &Issue) -> bool {
    let contact = issue.contact.as_ref().unwrap();
    let offices = |zh: bool| {
        contact
            .offices
            .iter()
            .map(|t| {
                if zh { t.zh.as_deref() } else { t.en.as_deref() }
                    .unwrap()
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    match paragraph {
        "NEWSLETTER" | "LIFANG & PARTNERS **立方观评**" => issue.publication.is_some(),
        "No.208" => issue.publication_number == Some(208),
        "No.41" => issue.number == Some(41),
        "2021.01" => issue.date.as_ref().map(|d| d.as_str()) == Some("2021-01"),
        _ if paragraph.starts_with("北京 | ") => {
            let (zh, en) = paragraph.split_once('\n').unwrap();
            zh == offices(true) && en == offices(false)
        }
        _ if paragraph.contains("www.lifanglaw.com") => {
            contact.website.as_deref() == Some("https://www.lifanglaw.com")
                && paragraph.contains(&format!("Email: {}", contact.email.as_deref().unwrap()))
        }
        _ if paragraph.starts_with("Tel: ") => {
            paragraph.contains(contact.phone.as_deref().unwrap())
                && paragraph.contains(contact.fax.as_deref().unwrap())
        }
        _ => false,
    }
}

/// A seed paragraph without its "More" link, which has no target (the sample leaves
/// `source` out rather than invent one).
fn without_more_link(paragraph: &str) -> &str {
    for tail in [
        "（[查看更多](#)）",
        "([More](#))",
        "[\\(查看更多\\)](#)",
        "[\\(More\\)](#)",
    ] {
        if let Some(rest) = paragraph.strip_suffix(tail) {
            return rest.trim_end();
        }
    }
    paragraph
}

#[test]
fn every_paragraph_of_the_seed_is_in_the_sample() {
    let json = include_str!("../../public/issues/cyber-041.json");
    let issue = parse_issue("cyber-041.json", json).unwrap().value;
    let strings = all_strings(&issue);
    let whole = strings.join("\n");

    let mut checked = 0;
    for paragraph in SEED.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        checked += 1;
        if layout_line(paragraph, &issue) {
            continue;
        }
        let paragraph = without_more_link(paragraph);
        assert!(
            !paragraph.contains("](#)"),
            "a More link was left in: {paragraph}"
        );
        // "国内要闻 Domestic News": a bilingual heading is the zh and en of one Text.
        let found = whole.contains(paragraph)
            || paragraph.split_once(' ').is_some_and(|(zh, en)| {
                strings.iter().any(|s| s == zh) && strings.iter().any(|s| s == en)
            });
        assert!(found, "not in the sample: {paragraph}");
    }
    assert!(checked > 40, "only {checked} paragraphs read from the seed");
}
