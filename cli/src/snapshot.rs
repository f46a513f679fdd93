//! `newsletter snapshot`: the newest issue, as the viewer will show it, written into the
//! viewer's `index.html`, so a reader sees the issue before the viewer's wasm has arrived.
//!
//! The snapshot is the viewer's own page for that issue: the same elements with the same
//! classes (the core's renderer for the content, and here the top bar, the filter and the
//! contents as the viewer's components draw them). Its controls are `inert`, but for the
//! language switch, which index.html's script runs until the viewer starts (a mode is one
//! attribute on `<html>`, the URL's `lang=` and a remembered choice). So when the
//! viewer takes over (`browser::snapshot` in the viewer) no card moves. It is written
//! `hidden`: index.html's scripts show it only once the catalog confirms that the page
//! opens this very issue, with no filter or search in the URL, and only after setting the
//! reading mode, so the wrong content never shows.
//!
//! Words the viewer writes in one language only (a select's options, the search box's
//! placeholder) carry `data-zh`, `data-en` and `data-both`, from which index.html's script
//! picks the reading mode's before the first paint.

use newsletter_core::filter::{groups, regulator_choices, Choice, Filter};
use newsletter_core::lang::Modes;
use newsletter_core::render::{self, Tree};
use newsletter_core::theme::ThemeChoice;
use newsletter_core::ui::{self, entry_label, fill, Ui};
use newsletter_core::{Catalog, CatalogEntry, Issue, Lang, LangMode, Text};

use crate::html::{Html, Node, ROOT};

/// The comments around the snapshot in index.html; what is between them is replaced.
pub const START: &str = "<!-- nv-snapshot -->";
pub const END: &str = "<!-- /nv-snapshot -->";

/// Why an issue cannot be shown before the viewer starts, if it cannot: the viewer would
/// show something else (a warnings panel, or a country's name from the browser).
pub fn refusal(issue: &Issue, warned: bool) -> Option<String> {
    if warned {
        return Some("the catalog or the issue has warnings (`newsletter check`)".to_owned());
    }
    // (Subdivisions have no browser names: the viewer shows their codes, as here.)
    let unnamed = groups(issue, &Filter::default())
        .into_iter()
        .find_map(|group| {
            let code = group.country.code;
            (!issue.jurisdictions.contains_key(&code)).then_some(code)
        });
    unnamed.map(|code| {
        format!(
            "the issue does not name the country {code}: the viewer asks the browser for its name"
        )
    })
}

/// `page` (index.html) with the snapshot of `issue`, `entry` in `catalog`, between the
/// markers; `None` when the page has no markers.
pub fn insert(
    page: &str,
    catalog: &Catalog,
    entry: &CatalogEntry,
    issue: &Issue,
) -> Option<String> {
    replace(page, &snapshot(catalog, entry, issue))
}

/// `page` with `snapshot` between the markers; `None` when it has none.
pub fn replace(page: &str, snapshot: &str) -> Option<String> {
    let start = page.find(START)? + START.len();
    let end = start + page[start..].find(END)?;
    Some(format!("{}{snapshot}{}", &page[..start], &page[end..]))
}

/// The snapshot's HTML.
fn snapshot(catalog: &Catalog, entry: &CatalogEntry, issue: &Issue) -> String {
    let html = Html::new();
    let root = html.element(&ROOT, "div", "nv-snapshot");
    html.word(&root, "hidden", "");
    html.attr(&root, "data-issue", entry.id.as_str());
    html.attr(&root, "data-file", entry.file.as_str());
    // The viewer's App: skip link, bar, main, colophon.
    let skip = html.element(&root, "a", "nv-skip");
    html.word(&skip, "href", "#main");
    html.label(&skip, |u| u.skip_to_content);
    bar(&html, &root, catalog, entry);
    let main = html.element(&root, "main", "nv-main");
    html.word(&main, "id", "main");
    html.word(&main, "tabindex", "-1");
    progress(&html, &main);
    // The reader's wrapper (hidden while searching), its issue's progress bar, the issue.
    let reader = html.element(&main, "div", "");
    progress(&html, &reader);
    issue_view(&html, &reader, issue);
    let colophon = html.element(&root, "footer", "nv-colophon");
    let top = html.element(&colophon, "a", "nv-colophon__top");
    html.word(&top, "href", "#main");
    html.label(&top, |u| u.back_to_top);
    html.finish()
}

fn progress(html: &Html, parent: &Node) {
    let bar = html.element(parent, "div", "nv-progress");
    html.word(&bar, "aria-hidden", "true");
}

/// Words the viewer writes in the reading mode's language(s) only, for index.html's script
/// to pick from (see the module's comment); the element holds the Chinese ones until then.
fn mode_words(html: &Html, element: &Node, words: impl Fn(LangMode) -> String) {
    html.attr(element, "data-zh", &words(LangMode::Zh));
    html.attr(element, "data-en", &words(LangMode::En));
    html.attr(element, "data-both", &words(LangMode::Both));
}

/// Interface words as the viewer joins them for a mode: "中文 / English" in both.
fn mode_string(mode: LangMode, pick: fn(&Ui) -> &'static str) -> String {
    let words: Vec<&str> = mode
        .langs()
        .iter()
        .map(|&lang| pick(ui::ui(lang)))
        .collect();
    words.join(" / ")
}

/// The viewer's top bar (`App`, `IssuePicker`, `SearchBox`, `LangSwitch`, `ThemeSwitch`).
fn bar(html: &Html, root: &Node, catalog: &Catalog, entry: &CatalogEntry) {
    let header = html.element(root, "header", "nv-bar");
    let inner = html.element(&header, "div", "nv-bar__inner");
    let brand = html.element(&inner, "span", "nv-bar__brand");
    match &catalog.title {
        Some(title) => html.line(&brand, title),
        None => html.label(&brand, |u| u.app_name),
    }
    // The picker shows the chosen issue; its other options are the viewer's to add.
    let picker_slot = html.element(&inner, "span", "nv-bar__picker");
    let picker = html.element(&picker_slot, "div", "nv-picker");
    html.word(&picker, "inert", "");
    let label = html.element(&picker, "label", "nv-picker__label");
    html.label(&label, |u| u.issue_picker);
    let select = html.element(&picker, "select", "nv-picker__select");
    let option = html.element(&select, "option", "");
    html.attr(&option, "value", entry.id.as_str());
    mode_words(html, &option, |mode| entry_label(entry, mode.primary()));
    html.text(&option, &entry_label(entry, Lang::Zh));

    let search = html.element(&inner, "form", "nv-search");
    html.word(&search, "inert", "");
    html.word(&search, "role", "search");
    let label = html.element(&search, "label", "nv-sr");
    html.label(&label, |u| u.search);
    let input = html.element(&search, "input", "nv-search__input");
    html.word(&input, "type", "search");
    mode_words(html, &input, |mode| {
        mode_string(mode, |u| u.search_placeholder)
    });

    let switch = html.element(&inner, "div", "nv-switch");
    html.word(&switch, "role", "group");
    html.attr(
        &switch,
        "aria-label",
        &mode_string(LangMode::Both, |u| u.language),
    );
    for mode in LangMode::ALL {
        let button = html.element(&switch, "button", "nv-switch__button");
        html.word(&button, "type", "button");
        html.word(&button, "data-lang", mode.as_str());
        html.word(&button, "aria-pressed", "false");
        let words: &[(&str, &str)] = match mode {
            LangMode::Zh => &[("zh", "中文")],
            LangMode::En => &[("en", "English")],
            LangMode::Both => &[("zh", "中英"), ("en", "Both")],
        };
        for (i, (lang, text)) in words.iter().enumerate() {
            if i > 0 {
                html.text(&button, " ");
            }
            let span = html.element(&button, "span", "");
            html.attr(&span, "lang", lang);
            html.text(&span, text);
        }
    }

    let theme = html.element(&inner, "label", "nv-theme");
    html.word(&theme, "inert", "");
    let label = html.element(&theme, "span", "nv-theme__label");
    html.label(&label, |u| u.theme);
    let select = html.element(&theme, "select", "nv-theme__select");
    for choice in ThemeChoice::ALL {
        let pick = ui::theme_label(choice);
        let option = html.element(&select, "option", "");
        html.word(&option, "value", choice.as_str());
        mode_words(html, &option, |mode| mode_string(mode, pick));
        html.text(&option, pick(ui::ui(Lang::Zh)));
    }
}

/// The viewer's `IssueView` with no filter: the filter and contents beside the masthead,
/// the count, the sections of cards, the disclaimer and contacts.
fn issue_view(html: &Html, parent: &Node, issue: &Issue) {
    let layout = html.element(parent, "div", "nv-layout");
    let side = html.element(&layout, "div", "nv-side");
    filter_panel(html, &side, issue);
    let nav = html.element(&side, "nav", "nv-contents");
    let body = fold(html, &nav, "nv-contents", |u| u.contents);
    let list = html.element(&body, "ol", "nv-contents__list");
    render::contents(html, &list, issue, |_| true);

    let content = html.element(&layout, "div", "nv-content");
    render::masthead(html, &content, issue);
    // One language in the viewer (the reading mode's first): here each, shown by mode.
    let total = issue.items().count();
    let status = html.element(&content, "div", "nv-status");
    let count = html.element(&status, "p", "nv-count");
    html.word(&count, "role", "status");
    for (lang, modes) in [
        (Lang::Zh, Modes::of(Lang::Zh)),
        (Lang::En, Modes::default().with(LangMode::En)),
    ] {
        let span = html.in_lang(&count, "span", "", modes, lang);
        html.text(&span, &fill(ui::ui(lang).items_shown, &[&total, &total]));
    }
    // The viewer's `ArrangementSwitch`: index.html's script presses it as the arrangement is.
    let arrange = html.element(&status, "button", "nv-button nv-arrange");
    html.word(&arrange, "type", "button");
    html.word(&arrange, "inert", "");
    html.word(&arrange, "aria-pressed", "true");
    html.label(&arrange, |u| u.side_by_side);
    let empty = html.element(&content, "p", "nv-empty");
    html.word(&empty, "hidden", "");
    html.label(&empty, |u| u.nothing_matches);
    for section in &issue.sections {
        let element = render::section(html, &content, section);
        let empty = html.element(&element, "p", "nv-section__empty");
        html.word(&empty, "hidden", "");
        html.label(&empty, |u| u.section_empty);
        for item in &section.items {
            render::card(
                html,
                &element,
                issue,
                item,
                false,
                &|_, _| None,
                render::Actions::Inert,
            );
        }
    }
    render::footer(html, &content, issue);
}

/// Names `panel` (of the side column, class `class`) by `label` and puts the viewer's `Fold`
/// in it, closed: a heading (a button on a phone, a title on a wide screen) and the body
/// `#{class}-body`, which is returned.
fn fold(html: &Html, panel: &Node, class: &'static str, label: fn(&Ui) -> &'static str) -> Node {
    html.attr(panel, "aria-label", &mode_string(LangMode::Both, label));
    let heading = html.element(panel, "h2", "nv-fold__heading");
    let toggle = html.element(&heading, "button", "nv-fold__toggle");
    html.word(&toggle, "type", "button");
    html.word(&toggle, "inert", "");
    html.word(&toggle, "aria-expanded", "false");
    let body_id = format!("{class}-body");
    html.attr(&toggle, "aria-controls", &body_id);
    let span = html.element(&toggle, "span", "");
    html.label(&span, label);
    let title = html.element(&heading, "span", "nv-fold__title");
    html.label(&title, label);
    let body = html.element(panel, "div", "nv-fold__body");
    html.attr(&body, "id", &body_id);
    body
}

/// The viewer's `FilterPanel`, nothing chosen.
fn filter_panel(html: &Html, side: &Node, issue: &Issue) {
    let panel = html.element(side, "section", "nv-filter");
    html.word(&panel, "inert", "");
    let body = fold(html, &panel, "nv-filter", |u| u.filter);
    let facet = |label: fn(&Ui) -> &'static str| {
        let fieldset = html.element(&body, "fieldset", "nv-filter__facet");
        let legend = html.element(&fieldset, "legend", "nv-filter__legend");
        html.label(&legend, label);
        html.element(&fieldset, "ul", "nv-filter__list")
    };
    let choice = |parent: &Node, key: (&'static str, &str), name: &Text, count: usize, class| {
        let label = html.element(parent, "label", class);
        html.attr(&label, key.0, key.1);
        let input = html.element(&label, "input", "nv-filter__box");
        html.word(&input, "type", "checkbox");
        let span = html.element(&label, "span", "nv-filter__name");
        html.line(&span, name);
        let span = html.element(&label, "span", "nv-filter__count");
        html.text(&span, &count.to_string());
    };
    let all = Filter::default();
    let list = facet(|u| u.jurisdiction);
    for group in groups(issue, &all) {
        let li = html.element(&list, "li", "nv-filter__group");
        let jurisdiction = |parent: &Node, c: &Choice, class| {
            let name = issue.jurisdiction_name(&c.code, |_, _| None);
            choice(parent, ("data-code", &c.code), &name, c.count, class);
        };
        jurisdiction(&li, &group.country, "nv-filter__choice");
        if !group.subdivisions.is_empty() {
            let subs = html.element(&li, "ul", "nv-filter__subs");
            for sub in &group.subdivisions {
                let li = html.element(&subs, "li", "");
                jurisdiction(&li, sub, "nv-filter__choice nv-filter__choice--sub");
            }
        }
    }
    let regulators = regulator_choices(issue, &all);
    if !regulators.is_empty() {
        let list = facet(|u| u.regulator);
        for c in regulators {
            let li = html.element(&list, "li", "");
            let name = &issue.regulators[&c.id].name;
            choice(
                &li,
                ("data-regulator", &c.id),
                name,
                c.count,
                "nv-filter__choice",
            );
        }
    }
    let clear = html.element(&body, "button", "nv-button nv-filter__clear");
    html.word(&clear, "type", "button");
    html.word(&clear, "disabled", "");
    html.label(&clear, |u| u.clear_filter);
}
