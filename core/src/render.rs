//! The one renderer of an issue's content: masthead, cards, disclaimer and contacts, and
//! the texts inside them. It writes into a [`Tree`]: the viewer's is the page's DOM, the
//! publishers' tool's is HTML text (static pages, feeds). So a static page and the viewer
//! show the same elements with the same classes, and the markup rules are applied once.
//!
//! A text is rendered in every language it has, each marked with its `lang` and with the
//! modes it is hidden in (`nv-hide-…` classes): a page shows one mode by setting
//! `data-mode` on `<html>`, and switching modes re-renders nothing. Strings from a file go
//! in as text or as attribute values, links only with hrefs the markup parser let through:
//! nothing from a file is ever markup.

use crate::lang::{Lang, Modes};
use crate::markup::{self, Inline};
use crate::model::{Issue, Item, Section, Text};
use crate::ui::{self, format_date, Ui};

/// Where rendered content goes. Names, tags and classes are the code's own (`'static`);
/// values from a file come as `&str`.
pub trait Tree {
    type Node;

    /// `<tag class="{class}">` (no class when empty), appended to `parent`.
    fn element(&self, parent: &Self::Node, tag: &'static str, class: &'static str) -> Self::Node;

    /// An attribute whose value may come from a file.
    fn attr(&self, element: &Self::Node, name: &'static str, value: &str);

    /// An attribute whose value is the code's own word (a language tag, `rel`).
    fn word(&self, element: &Self::Node, name: &'static str, value: &'static str) {
        self.attr(element, name, value);
    }

    /// The classes of one language of a text: `class`, and `nv-hide-{mode}` for each mode
    /// in which that language is not shown.
    fn lang_class(&self, element: &Self::Node, class: &'static str, modes: Modes);

    /// A text node, appended to `parent`.
    fn text(&self, parent: &Self::Node, text: &str);

    /// `<tag class="{class} nv-hide-…" lang="…">`: one language of a text.
    fn in_lang(
        &self,
        parent: &Self::Node,
        tag: &'static str,
        class: &'static str,
        modes: Modes,
        lang: Lang,
    ) -> Self::Node {
        let element = self.element(parent, tag, "");
        self.lang_class(&element, class, modes);
        self.word(&element, "lang", lang.tag());
        element
    }

    /// Interface words, in each language.
    fn label(&self, parent: &Self::Node, pick: fn(&Ui) -> &'static str) {
        self.each_lang(parent, "nv-ui", |lang| pick(ui::ui(lang)));
    }

    /// A date of the data format, in each language.
    fn date(&self, parent: &Self::Node, date: &str) {
        self.each_lang(parent, "nv-date", |lang| format_date(date, lang));
    }

    /// A `<span class="{class}">` per language, holding `words(lang)`: words the viewer
    /// writes itself, so every language has them.
    fn each_lang<S: AsRef<str>>(
        &self,
        parent: &Self::Node,
        class: &'static str,
        words: impl Fn(Lang) -> S,
    ) {
        for lang in [Lang::Zh, Lang::En] {
            let span = self.in_lang(parent, "span", class, Modes::of(lang), lang);
            self.text(&span, words(lang).as_ref());
        }
    }

    /// A text on one line, each language in a span.
    fn line(&self, parent: &Self::Node, text: &Text) {
        let layout = text.layout();
        for (words, lang, modes) in layout.texts {
            let span = self.in_lang(parent, "span", "nv-t", modes, lang);
            self.inlines(&span, markup::parse_line(words));
        }
        self.notes(parent, &layout.notes);
    }

    /// A text of paragraphs, each language in a block.
    fn block(&self, parent: &Self::Node, text: &Text) {
        self.paragraphs(parent, Paragraphs::of(text));
    }

    /// A text of paragraphs already parsed, each language in a block.
    fn paragraphs(&self, parent: &Self::Node, text: Paragraphs) {
        self.notes(parent, &text.notes);
        for (paragraphs, lang, modes) in text.texts {
            let block = self.in_lang(parent, "div", "nv-block", modes, lang);
            for paragraph in paragraphs {
                let p = self.element(&block, "p", "");
                self.inlines(&p, paragraph);
            }
        }
    }

    fn inlines(&self, parent: &Self::Node, pieces: Vec<Inline>) {
        for piece in pieces {
            match piece {
                Inline::Text(text) => self.text(parent, &text),
                Inline::Emphasis(children) => {
                    let em = self.element(parent, "em", "");
                    self.inlines(&em, children);
                }
                Inline::Link { href, children } => {
                    let a = self.element(parent, "a", "nv-link");
                    self.attr(&a, "href", &href);
                    self.word(&a, "rel", "noopener noreferrer nofollow");
                    self.inlines(&a, children);
                }
            }
        }
    }

    /// "English translation unavailable" beside a text shown in place of a missing one, in
    /// the missing language (the reader who wanted it reads that language).
    fn notes(&self, parent: &Self::Node, notes: &[(Lang, Modes)]) {
        for &(missing, modes) in notes {
            let span = self.in_lang(parent, "span", "nv-missing", modes, missing);
            self.text(&span, ui::ui(missing).missing(missing));
        }
    }
}

/// A text of paragraphs, parsed: each language it has, with the modes it is shown in, and
/// the notes on a missing one.
pub struct Paragraphs {
    texts: Vec<(Vec<markup::Paragraph>, Lang, Modes)>,
    notes: Vec<(Lang, Modes)>,
}

impl Paragraphs {
    pub fn of(text: &Text) -> Paragraphs {
        let layout = text.layout();
        Paragraphs {
            texts: layout
                .texts
                .into_iter()
                .map(|(words, lang, modes)| (markup::parse(words), lang, modes))
                .collect(),
            notes: layout.notes,
        }
    }

    /// Whether the two languages can be set side by side paragraph by paragraph: the text
    /// has both, with as many paragraphs in each.
    pub fn paired(&self) -> bool {
        matches!(&self.texts[..], [(zh, ..), (en, ..)] if zh.len() == en.len())
    }
}

/// Names for jurisdiction codes the issue does not name itself, in a language (the viewer
/// asks the browser; elsewhere there may be none).
pub type Regional<'a> = &'a dyn Fn(&str, Lang) -> Option<String>;

/// Publisher, publication and its number, series and issue number, date.
pub fn masthead<T: Tree>(t: &T, parent: &T::Node, issue: &Issue) {
    let header = t.element(parent, "header", "nv-masthead");
    if let Some(publisher) = &issue.publisher {
        let p = t.element(&header, "p", "nv-masthead__publisher");
        t.line(&p, publisher);
    }
    let number = |parent: &T::Node, n: Option<u32>| {
        if let Some(n) = n {
            let span = t.element(parent, "span", "nv-masthead__no");
            t.word(&span, "lang", "en");
            t.text(&span, &format!("No.{n}"));
        }
    };
    let title = t.element(&header, "h1", "nv-masthead__title");
    t.word(&title, "id", "nv-title");
    t.word(&title, "tabindex", "-1");
    match &issue.publication {
        Some(publication) => t.line(&title, publication),
        None => {
            let span = t.element(&title, "span", "");
            t.word(&span, "lang", "en");
            t.text(&span, issue.id.as_str());
        }
    }
    number(&title, issue.publication_number);
    if issue.series.is_some() || issue.number.is_some() {
        let p = t.element(&header, "p", "nv-masthead__series");
        if let Some(series) = &issue.series {
            t.line(&p, series);
        }
        number(&p, issue.number);
    }
    if let Some(date) = &issue.date {
        let p = t.element(&header, "p", "nv-masthead__date");
        let time = t.element(&p, "time", "");
        t.attr(&time, "datetime", date.as_str());
        t.date(&time, date.as_str());
    }
}

/// The table of contents: each section and its items, linking to `#section--{id}` and
/// `#{item id}`. An entry whose items `shows` leaves out is `hidden` (the viewer's filter).
pub fn contents<T: Tree>(t: &T, list: &T::Node, issue: &Issue, shows: impl Fn(&Item) -> bool) {
    for (s, section) in issue.sections.iter().enumerate() {
        let entry = t.element(list, "li", "nv-contents__section");
        t.attr(&entry, "data-section", &s.to_string());
        if !section.items.iter().any(&shows) {
            t.word(&entry, "hidden", "");
        }
        let link = t.element(&entry, "a", "nv-contents__section-link");
        t.attr(&link, "href", &format!("#section--{}", section.id));
        t.line(&link, &section.title);
        let items = t.element(&entry, "ol", "nv-contents__items");
        for item in &section.items {
            let entry = t.element(&items, "li", "");
            t.attr(&entry, "data-item", item.id.as_str());
            if !shows(item) {
                t.word(&entry, "hidden", "");
            }
            let link = t.element(&entry, "a", "nv-contents__link");
            t.attr(&link, "href", &format!("#{}", item.id));
            t.line(&link, &item.title);
        }
    }
}

/// Whether a card carries its actions (copy link, cite, share), which need a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actions {
    /// A page without scripts (static pages, feeds): none.
    None,
    /// The viewer's, which handles them.
    Live,
    /// The snapshot's, inert until the viewer takes its place.
    Inert,
}

/// One item's card: title, date, regulator, jurisdiction, body, source and actions;
/// `hidden` when a filter leaves it out.
pub fn card<T: Tree>(
    t: &T,
    parent: &T::Node,
    issue: &Issue,
    item: &Item,
    hidden: bool,
    regional: Regional,
    actions: Actions,
) {
    let article = t.element(parent, "article", "nv-card");
    let title_id = format!("{}--title", item.id);
    t.attr(&article, "id", item.id.as_str());
    t.attr(&article, "aria-labelledby", &title_id);
    t.attr(&article, "data-jurisdiction", item.jurisdiction.as_str());
    t.attr(&article, "data-item", item.id.as_str());
    if hidden {
        t.word(&article, "hidden", "");
    }
    let title = t.element(&article, "h3", "nv-card__title");
    t.attr(&title, "id", &title_id);
    t.line(&title, &item.title);

    let meta = t.element(&article, "p", "nv-card__meta");
    if let Some(day) = &item.date {
        let time = t.element(&meta, "time", "nv-card__date");
        t.attr(&time, "datetime", day.as_str());
        t.date(&time, day.as_str());
    }
    if let Some(regulator) = issue.regulator_name(item) {
        let span = t.element(&meta, "span", "nv-card__regulator");
        t.line(&span, regulator);
    }
    let jurisdiction = t.element(&meta, "span", "nv-card__jurisdiction");
    t.line(
        &jurisdiction,
        &issue.jurisdiction_name(&item.jurisdiction, regional),
    );

    // In "both" mode on a wide screen the languages sit side by side, paragraph beside
    // paragraph when they have as many (`--paired`), else as two plain columns.
    let text = Paragraphs::of(&item.body);
    let class = if text.paired() {
        "nv-card__body nv-card__body--paired"
    } else {
        "nv-card__body"
    };
    let body = t.element(&article, "div", class);
    t.paragraphs(&body, text);

    if let Some(href) = item.source.as_deref() {
        let source = t.element(&article, "p", "nv-card__source");
        let link = t.element(&source, "a", "nv-link");
        t.attr(&link, "href", href);
        t.word(&link, "rel", "noopener noreferrer nofollow");
        t.word(&link, "target", "_blank");
        t.label(&link, |u| u.source);
        let url = t.element(&source, "span", "nv-card__url");
        t.word(&url, "lang", "en");
        t.text(&url, href);
    }
    if actions != Actions::None {
        card_actions(t, &article, &title_id, actions);
    }
}

/// Picks one of the interface's words.
type Pick = fn(&Ui) -> &'static str;

/// Copy link, Cite and Share (shown where the browser can share: `html[data-share]`), each
/// described by the card's title; the viewer handles them by their `data-action`.
fn card_actions<T: Tree>(t: &T, article: &T::Node, title_id: &str, actions: Actions) {
    let bar = t.element(article, "div", "nv-card__actions");
    if actions == Actions::Inert {
        t.word(&bar, "inert", "");
    }
    let buttons: [(&str, &str, Pick); 3] = [
        ("link", "nv-action", |u| u.copy_link),
        ("cite", "nv-action", |u| u.cite),
        ("share", "nv-action nv-action--share", |u| u.share),
    ];
    for (action, class, label) in buttons {
        let button = t.element(&bar, "button", class);
        t.word(&button, "type", "button");
        t.word(&button, "data-action", action);
        t.attr(&button, "aria-describedby", title_id);
        t.label(&button, label);
    }
}

/// A section of cards and its heading (`#section--{id}`, which the contents link to); the
/// cards go into the element returned. (The viewer's `SectionView` draws the same, live.)
pub fn section<T: Tree>(t: &T, parent: &T::Node, section: &Section) -> T::Node {
    let element = t.element(parent, "section", "nv-section");
    let heading_id = format!("section--{}", section.id);
    t.attr(&element, "aria-labelledby", &heading_id);
    let h2 = t.element(&element, "h2", "nv-section__title");
    t.attr(&h2, "id", &heading_id);
    t.line(&h2, &section.title);
    element
}

/// Disclaimer, the line inviting readers to follow, offices, and how to get in touch.
pub fn footer<T: Tree>(t: &T, parent: &T::Node, issue: &Issue) {
    let footer = t.element(parent, "footer", "nv-footer");
    let heading = |section: &T::Node, id: &'static str, pick: fn(&Ui) -> &'static str| {
        let h2 = t.element(section, "h2", "nv-footer__heading");
        t.word(&h2, "id", id);
        t.label(&h2, pick);
    };
    if let Some(disclaimer) = &issue.disclaimer {
        let section = t.element(&footer, "section", "nv-footer__disclaimer");
        t.word(&section, "aria-labelledby", "nv-disclaimer");
        heading(&section, "nv-disclaimer", |u| u.disclaimer);
        t.block(&section, disclaimer);
    }
    let Some(contact) = &issue.contact else {
        return;
    };
    let website = contact.website.as_deref();
    let has_rows = website.is_some()
        || contact.email.is_some()
        || contact.phone.is_some()
        || contact.fax.is_some();
    if !has_rows && contact.follow.is_none() && contact.offices.is_empty() {
        return;
    }
    let section = t.element(&footer, "section", "nv-footer__contact");
    t.word(&section, "aria-labelledby", "nv-contact");
    heading(&section, "nv-contact", |u| u.contact);
    if let Some(follow) = &contact.follow {
        let p = t.element(&section, "p", "nv-footer__follow");
        t.line(&p, follow);
    }
    if !contact.offices.is_empty() {
        let offices = t.element(&section, "div", "nv-footer__offices");
        let h3 = t.element(&offices, "h3", "nv-sr");
        t.label(&h3, |u| u.offices);
        let list = t.element(&offices, "ul", "nv-footer__office-list");
        for office in &contact.offices {
            let li = t.element(&list, "li", "");
            t.line(&li, office);
        }
    }
    let rows = t.element(&section, "ul", "nv-footer__rows");
    // One row: the key in the reading language, then the value (written in Latin letters).
    let row = |key: fn(&Ui) -> &'static str, tag: &'static str, text: &str, href: Option<&str>| {
        let li = t.element(&rows, "li", "");
        let span = t.element(&li, "span", "nv-footer__key");
        t.label(&span, key);
        t.text(&li, " ");
        let value = t.element(&li, tag, if href.is_some() { "nv-link" } else { "" });
        if let Some(href) = href {
            t.attr(&value, "href", href);
        }
        t.word(&value, "lang", "en");
        t.text(&value, text);
        value
    };
    if let Some(site) = website {
        let shown = site
            .split_once("://")
            .map_or(site, |(_, rest)| rest)
            .trim_end_matches('/');
        let link = row(|u| u.website, "a", shown, Some(site));
        t.word(&link, "rel", "noopener noreferrer");
        t.word(&link, "target", "_blank");
    }
    if let Some(email) = &contact.email {
        row(|u| u.email, "a", email, Some(&format!("mailto:{email}")));
    }
    if let Some(phone) = &contact.phone {
        row(|u| u.phone, "span", phone, None);
    }
    if let Some(fax) = &contact.fax {
        row(|u| u.fax, "span", fax, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_pair_only_when_both_languages_have_as_many() {
        let paired = |zh: &str, en: &str| Paragraphs::of(&Text::new(zh, en)).paired();
        assert!(paired("一。\n\n二。", "One.\n\nTwo."));
        assert!(!paired("一。", "One.\n\nTwo."));
        let chinese_only = Text::checked(Some("一。".into()), None).unwrap();
        assert!(!Paragraphs::of(&chinese_only).paired());
    }
}
