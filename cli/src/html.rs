//! HTML from the core's types, for feeds (and static pages): the same inline markup rules as
//! the viewer. Every string from a data file is escaped; a link is made only for a URL the
//! core's `safe_url` lets through (http, https, mailto), so nothing in a file can run.

use newsletter_core::markup::{self, Inline};
use newsletter_core::{Issue, Item, Lang, Text};
use quick_xml::escape::escape;

/// A title or body as HTML paragraphs.
pub fn paragraphs(out: &mut String, source: &str) {
    for paragraph in markup::parse(source) {
        out.push_str("<p>");
        inline(out, &paragraph);
        out.push_str("</p>");
    }
}

fn inline(out: &mut String, pieces: &[Inline]) {
    for piece in pieces {
        match piece {
            Inline::Text(text) => out.push_str(&escape(text.as_str())),
            Inline::Emphasis(children) => {
                out.push_str("<em>");
                inline(out, children);
                out.push_str("</em>");
            }
            Inline::Link { href, children } => {
                // `href` has passed `safe_url`; escaping keeps it inside its quotes.
                out.push_str("<a href=\"");
                out.push_str(&escape(href.as_str()));
                out.push_str("\">");
                inline(out, children);
                out.push_str("</a>");
            }
        }
    }
}

/// One item as HTML: for each language it has, a block marked with its `lang` holding the
/// regulator and jurisdiction, the body and the source link.
pub fn item(issue: &Issue, item: &Item) -> String {
    let mut out = String::new();
    let jurisdiction = issue.jurisdiction_name(&item.jurisdiction, |_, _| None);
    for lang in [Lang::Zh, Lang::En] {
        let Some(body) = item.body.get(lang) else {
            continue;
        };
        out.push_str("<div lang=\"");
        out.push_str(lang.tag());
        out.push_str("\">");
        let mut about: Vec<String> = Vec::new();
        if let Some(regulator) = &item.regulator {
            about.push(plain(regulator, lang));
        }
        about.push(plain(&jurisdiction, lang));
        out.push_str("<p><small>");
        out.push_str(&escape(about.join(" · ").as_str()));
        out.push_str("</small></p>");
        paragraphs(&mut out, body);
        if let Some(source) = &item.source {
            out.push_str("<p><a href=\"");
            out.push_str(&escape(source.as_str()));
            out.push_str("\">");
            out.push_str(match lang {
                Lang::Zh => "来源",
                Lang::En => "Source",
            });
            out.push_str("</a></p>");
        }
        out.push_str("</div>");
    }
    out
}

/// A text's words in `lang` (or its other language) without markup.
pub fn plain(text: &Text, lang: Lang) -> String {
    markup::plain(text.show(lang).text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(source: &str) -> String {
        let mut out = String::new();
        paragraphs(&mut out, source);
        out
    }

    #[test]
    fn markup_becomes_html_and_everything_else_is_text() {
        assert_eq!(
            html("*Note* [FTC](https://ftc.gov/a?b=1&c=2)\n\nnext"),
            "<p><em>Note</em> <a href=\"https://ftc.gov/a?b=1&amp;c=2\">FTC</a></p><p>next</p>"
        );
        assert_eq!(
            html("<script>alert(1)</script> [x](javascript:alert(1))"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; x</p>"
        );
        // A refused link keeps its words only.
        assert_eq!(html("[q](https://e.org/\"onmouseover=\"x)"), "<p>q</p>");
    }
}
