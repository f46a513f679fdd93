//! The small inline markup of titles and bodies, parsed into a tree.
//!
//! The language: a blank line separates paragraphs, `*words*` is emphasis, and
//! `[words](url)` is a link when `url` is `http:`, `https:` or `mailto:` (otherwise the words
//! are shown as plain text). Every other character is literal: the tree holds strings that
//! the view writes as text nodes, never as HTML.

/// One inline piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    /// `href` has passed [`safe_url`] with `mailto:` allowed.
    Link {
        href: String,
        children: Vec<Inline>,
    },
}

/// A paragraph: inline pieces in order.
pub type Paragraph = Vec<Inline>;

/// Parses a title or body into paragraphs.
pub fn parse(source: &str) -> Vec<Paragraph> {
    paragraphs(source)
        .map(|p| inlines(p, Nesting::default()))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Parses text that is shown on one line (titles): paragraphs are joined by a space.
pub fn parse_line(source: &str) -> Vec<Inline> {
    let mut line = Vec::new();
    for paragraph in parse(source) {
        if !line.is_empty() {
            line.push(Inline::Text(" ".into()));
        }
        line.extend(paragraph);
    }
    line
}

/// The words of a title or body without markup, e.g. for a `<select>` option or a label.
pub fn plain(source: &str) -> String {
    fn flatten(inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(text) => out.push_str(text),
                Inline::Emphasis(children) | Inline::Link { children, .. } => {
                    flatten(children, out)
                }
            }
        }
    }
    let mut out = String::new();
    flatten(&parse_line(source), &mut out);
    out
}

/// `url` trimmed, if it is an absolute `http:` or `https:` URL (or `mailto:` when
/// `allow_mailto`), with no whitespace, control characters, quotes or angle brackets in it.
///
/// This is the only gate between a data file and an `href`: anything it refuses is shown
/// as text. Schemes are compared case-insensitively; entity-encoded or relative URLs are
/// refused, since they are not absolute URLs with an allowed scheme.
pub fn safe_url(url: &str, allow_mailto: bool) -> Option<&str> {
    let url = url.trim();
    let (scheme, rest) = url.split_once(':')?;
    let scheme_ok = match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2,
        "mailto" => allow_mailto && !rest.is_empty(),
        _ => false,
    };
    let clean = url.chars().all(|c| {
        !(c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`' | '\\'))
    });
    (scheme_ok && clean).then_some(url)
}

/// What the parser is inside of; emphasis and links do not nest in themselves, which also
/// bounds the recursion.
#[derive(Clone, Copy, Default)]
struct Nesting {
    emphasis: bool,
    link: bool,
}

/// Splits on blank lines (lines with only whitespace).
fn paragraphs(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = source;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            // Find the end of this paragraph: the start of the first blank line.
            let mut end = rest.len();
            let mut next = rest.len();
            let mut offset = 0;
            let mut first_line = true;
            for line in rest.split_inclusive('\n') {
                if !first_line && line.trim().is_empty() {
                    end = offset;
                    next = offset + line.len();
                    break;
                }
                first_line = false;
                offset += line.len();
            }
            let paragraph = rest[..end].trim();
            rest = &rest[next..];
            if !paragraph.is_empty() {
                return Some(paragraph);
            }
        }
    })
}

fn inlines(text: &str, nesting: Nesting) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if !nesting.emphasis && rest.starts_with('*') {
            if let Some((inner, used)) = emphasis(rest) {
                flush(&mut plain, &mut out);
                let children = inlines(
                    inner,
                    Nesting {
                        emphasis: true,
                        ..nesting
                    },
                );
                out.push(Inline::Emphasis(children));
                i += used;
                continue;
            }
        }
        if !nesting.link && rest.starts_with('[') {
            if let Some((words, target, used)) = link(rest) {
                let children = inlines(
                    words,
                    Nesting {
                        link: true,
                        ..nesting
                    },
                );
                match safe_url(target, true) {
                    Some(href) => {
                        flush(&mut plain, &mut out);
                        out.push(Inline::Link {
                            href: href.to_owned(),
                            children,
                        });
                    }
                    // A refused target: the words stay, as plain text.
                    None => {
                        flush(&mut plain, &mut out);
                        out.extend(children);
                    }
                }
                i += used;
                continue;
            }
        }
        // Literal text, up to the next character that may open markup.
        let first = rest.chars().next().expect("i < len").len_utf8();
        let run = first + rest[first..].find(['*', '[']).unwrap_or(rest.len() - first);
        plain.push_str(&rest[..run]);
        i += run;
    }
    flush(&mut plain, &mut out);
    merge_text(out)
}

/// `*words*` at the start of `text`: the words and the bytes used. The words must not
/// start or end with whitespace, so `5 * 3 * 2` stays literal.
fn emphasis(text: &str) -> Option<(&str, usize)> {
    let body = &text[1..];
    let close = body.find('*')?;
    let inner = &body[..close];
    let trimmed_ok = !inner.is_empty()
        && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace);
    trimmed_ok.then_some((inner, close + 2))
}

/// `[words](target)` at the start of `text`: words, target and the bytes used.
/// The target may hold balanced parentheses (as some URLs do).
fn link(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find(']')?;
    let words = &text[1..close];
    let after = &text[close + 1..];
    if words.is_empty() || !after.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in after.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let target = &after[1..at];
                    return Some((words, target, close + 1 + at + 1));
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

fn flush(plain: &mut String, out: &mut Vec<Inline>) {
    if !plain.is_empty() {
        out.push(Inline::Text(std::mem::take(plain)));
    }
}

/// Joins neighbouring text pieces (left by refused links) into one.
fn merge_text(pieces: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (out.last_mut(), piece) {
            (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
            (_, piece) => out.push(piece),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_single_newlines_do_not() {
        let got = parse("one\ntwo\n\n  \nthree\r\n\r\nfour");
        assert_eq!(
            got,
            vec![
                vec![text("one\ntwo")],
                vec![text("three")],
                vec![text("four")]
            ]
        );
    }

    #[test]
    fn stars_make_emphasis() {
        assert_eq!(
            parse("the *Measures* apply"),
            vec![vec![
                text("the "),
                Inline::Emphasis(vec![text("Measures")]),
                text(" apply")
            ]]
        );
    }

    #[test]
    fn lone_or_spaced_stars_are_literal() {
        assert_eq!(parse("5 * 3 * 2"), vec![vec![text("5 * 3 * 2")]]);
        assert_eq!(parse("a* b"), vec![vec![text("a* b")]]);
        assert_eq!(parse("**"), vec![vec![text("**")]]);
    }

    #[test]
    fn links_with_allowed_schemes_become_links() {
        assert_eq!(
            parse("see [the notice](https://example.org/a_(b)) now"),
            vec![vec![
                text("see "),
                Inline::Link {
                    href: "https://example.org/a_(b)".into(),
                    children: vec![text("the notice")]
                },
                text(" now")
            ]]
        );
        assert!(matches!(
            &parse("[mail](MAILTO:a@example.org)")[0][0],
            Inline::Link { href, .. } if href == "MAILTO:a@example.org"
        ));
    }

    #[test]
    fn links_with_other_schemes_keep_only_their_words_as_text() {
        for target in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "javascript&#58;alert(1)",
            "&#106;avascript:alert(1)",
            "#",
            "/relative",
            "http:/one-slash",
            "https://example.org/\"onmouseover=alert(1)",
        ] {
            let got = parse(&format!("a [click]({target}) b"));
            assert_eq!(got, vec![vec![text("a click b")]], "{target}");
        }
    }

    #[test]
    fn html_is_just_characters() {
        let source = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        assert_eq!(parse(source), vec![vec![text(source)]]);
    }

    #[test]
    fn emphasis_can_hold_a_link_and_a_link_can_hold_emphasis() {
        assert_eq!(
            parse("*see [x](http://e.org)*"),
            vec![vec![Inline::Emphasis(vec![
                text("see "),
                Inline::Link {
                    href: "http://e.org".into(),
                    children: vec![text("x")]
                }
            ])]]
        );
        assert_eq!(
            parse("[*x*](http://e.org)"),
            vec![vec![Inline::Link {
                href: "http://e.org".into(),
                children: vec![Inline::Emphasis(vec![text("x")])]
            }]]
        );
    }

    #[test]
    fn unfinished_links_are_literal() {
        assert_eq!(
            parse("[a](http://e.org"),
            vec![vec![text("[a](http://e.org")]]
        );
        assert_eq!(
            parse("[a] (http://e.org)"),
            vec![vec![text("[a] (http://e.org)")]]
        );
        assert_eq!(
            parse("[](http://e.org)"),
            vec![vec![text("[](http://e.org)")]]
        );
    }

    #[test]
    fn plain_drops_the_markup_but_keeps_the_words() {
        assert_eq!(plain("the *Act*\n\n[here](https://e.org)"), "the Act here");
    }

    #[test]
    fn safe_url_accepts_only_absolute_http_https_and_mailto() {
        assert_eq!(
            safe_url(" https://e.org/x ", false),
            Some("https://e.org/x")
        );
        assert_eq!(safe_url("HTTP://e.org", false), Some("HTTP://e.org"));
        assert_eq!(safe_url("mailto:a@e.org", false), None);
        assert_eq!(safe_url("mailto:a@e.org", true), Some("mailto:a@e.org"));
        assert_eq!(safe_url("https://", false), None);
        assert_eq!(safe_url("https://e.org/a b", false), None);
        assert_eq!(safe_url("java\tscript:x", true), None);
    }
}
