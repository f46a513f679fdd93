//! The top bar: the publication's name, the issue picker and the language switch.

use leptos::prelude::*;
use newsletter_core::theme::ThemeChoice;
use newsletter_core::ui::{entry_label, theme_label, ui, Ui};
use newsletter_core::CatalogEntry;
use newsletter_core::{Lang, LangMode};
use web_sys::Node;

use crate::browser::document::{set_theme, watch_dark_preference};
use crate::browser::storage::{store, stored, THEME_KEY};
use crate::components::dom::{set, set_word, Dom, Static};
use crate::components::text::Label;
use crate::shelf::Shelf;
use crate::state::{ui_string, use_reading, use_url};

/// Three buttons, 中文 / English / both; the pressed one is the mode in force.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let reading = use_reading();
    let mode = reading.mode();
    let button = move |choice: LangMode| {
        let words: &[(&str, &str)] = match choice {
            LangMode::Zh => &[("zh", "中文")],
            LangMode::En => &[("en", "English")],
            LangMode::Both => &[("zh", "中英"), ("en", "Both")],
        };
        view! {
            <button
                type="button"
                class="nv-switch__button"
                data-lang=choice.as_str()
                aria-pressed=move || (mode.get() == choice).to_string()
                on:click=move |_| reading.choose(choice)
            >
                {words
                    .iter()
                    .enumerate()
                    .map(|(i, (lang, text))| {
                        // These name the languages themselves, so both show in every mode.
                        view! { {(i > 0).then_some(" ")}<span lang=*lang>{*text}</span> }
                    })
                    .collect_view()}
            </button>
        }
    };
    view! {
        <div
            class="nv-switch"
            role="group"
            aria-label=move || ui_string(mode.get(), |u: &Ui| u.language)
        >
            {LangMode::ALL.into_iter().map(button).collect_view()}
        </div>
    }
}

/// The issues loaded so far, newest first, and, for a catalog of more than one year, a
/// jump to any year; choosing an issue opens it. A paged catalog's later pages load when
/// the list is opened (the rest of the shown issue's year) or a year is chosen.
#[component]
pub fn IssuePicker(shelf: Shelf) -> impl IntoView {
    let url = use_url();
    let mode = use_reading().mode();
    let chosen = url.issue();
    let selected = Memo::new(move |_| {
        chosen.get().unwrap_or_else(|| {
            shelf.with(|paged| {
                paged
                    .catalog()
                    .newest()
                    .map(|e| e.id.to_string())
                    .unwrap_or_default()
            })
        })
    });
    // The year of the issue shown, once it is listed.
    let year = Memo::new(move |_| {
        let id = selected.get();
        shelf.with(|paged| paged.find(&id).map(|entry| entry.date.year()))
    });
    let years = Memo::new(move |_| shelf.with(|paged| paged.years()));
    let listed = Memo::new(move |_| shelf.with(|paged| paged.entries().len()));
    // One list, built straight into the DOM (a catalog may list thousands of issues), and
    // built again only when pages arrive. An <option> holds plain text, so it cannot carry
    // both languages the way the cards do: a language switch relabels the options in
    // place, which costs a tenth of rebuilding them. A newly chosen issue moves the select's
    // value, and relabels them for the offline marks.
    let list = NodeRef::<leptos::html::Select>::new();
    // An issue kept for offline reading says so; not the one shown, which is always kept
    // once read (and so the select shows what index.html's snapshot shows).
    let offline = shelf.offline();
    let label = move |entry: &CatalogEntry, lang: Lang, chosen: &str| {
        let label = entry_label(entry, lang);
        if entry.id.as_str() != chosen && offline.is_kept_untracked(entry.file.as_str()) {
            format!("{label} · {}", ui(lang).available_offline)
        } else {
            label
        }
    };
    let add_options = move |dom: &Dom, list: &Node, lang: Lang, chosen: &str| {
        shelf.with_untracked(|paged| {
            for entry in paged.entries() {
                let option = dom.element(list, "option", "");
                set(&option, "value", entry.id.as_str());
                if entry.id.as_str() == chosen {
                    set_word(&option, "selected", "");
                }
                dom.text(&option, &label(entry, lang, chosen));
            }
        })
    };
    let options = {
        let lang = mode.get_untracked().primary();
        let chosen = selected.get_untracked();
        Static::build(move |dom, list| add_options(dom, list, lang, &chosen))
    };
    Effect::new(move |before: Option<(usize, Lang)>| {
        let now = (listed.get(), mode.get().primary());
        offline.track();
        selected.track();
        let (Some(before), Some(select)) = (before, list.get_untracked()) else {
            return now;
        };
        let (count, lang) = now;
        if count != before.0 {
            // Pages arrived: the list again, with the shown issue chosen in it.
            let chosen = selected.get_untracked();
            select.set_text_content(None);
            add_options(&Dom::new(), &select, lang, &chosen);
            select.set_value(&chosen);
        } else {
            // Another language, other issues kept, or another issue shown.
            let chosen = selected.get_untracked();
            let options = select.children();
            shelf.with_untracked(|paged| {
                for (i, entry) in paged.entries().iter().enumerate() {
                    // Only those that change: setting the same text repaints the select.
                    let text = label(entry, lang, &chosen);
                    match options.item(i as u32) {
                        Some(option) if option.text_content().as_deref() != Some(&text) => {
                            option.set_text_content(Some(&text))
                        }
                        _ => {}
                    }
                }
            });
        }
        now
    });
    let fill_year = move || {
        if let Some(year) = year.get_untracked() {
            shelf.fill_year(year);
        }
    };
    let year_options = move || {
        years
            .get()
            .into_iter()
            .map(|y| view! { <option value=y.to_string()>{y}</option> })
            .collect_view()
    };
    view! {
        <div class="nv-picker">
            <label for="nv-issue" class="nv-picker__label"><Label pick=|u: &Ui| u.issue_picker /></label>
            <select
                id="nv-issue"
                class="nv-picker__select"
                node_ref=list
                prop:value=selected
                on:focus=move |_| fill_year()
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    url.go(|v| {
                        v.issue = Some(id);
                        v.item = None;
                    });
                }
            >
                {options}
            </select>
            {move || years.with(|y| y.len() > 1).then(|| view! {
                <label for="nv-year" class="nv-sr"><Label pick=|u: &Ui| u.year /></label>
                <select
                    id="nv-year"
                    class="nv-picker__select nv-picker__year"
                    prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        if let Ok(year) = event_target_value(&ev).parse() {
                            shelf.jump_to_year(year, url);
                        }
                    }
                >
                    {year_options}
                </select>
            })}
        </div>
    }
}

/// Pages of the catalog that could not be loaded, with a retry; the rest keeps working.
#[component]
pub fn PageFailures(shelf: Shelf) -> impl IntoView {
    move || {
        let failures = shelf.failures();
        (!failures.is_empty()).then(|| {
            let list = failures
                .iter()
                .map(|error| view! { <li><code lang="en">{error.to_string()}</code></li> })
                .collect_view();
            view! {
                <div class="nv-error" role="alert">
                    <p class="nv-error__title"><Label pick=|u: &Ui| u.pages_failed /></p>
                    <ul class="nv-error__list">{list}</ul>
                    <button type="button" class="nv-button" on:click=move |_| shelf.retry()>
                        <Label pick=|u: &Ui| u.retry />
                    </button>
                </div>
            }
        })
    }
}

/// Light, dark or automatic (following the system). A manual choice is remembered; choosing
/// "automatic" returns to following the system.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let mode = use_reading().mode();
    let choice = RwSignal::new(ThemeChoice::parse(stored(THEME_KEY).as_deref()));
    let system_dark = RwSignal::new(false);
    system_dark.set(watch_dark_preference(move |dark| system_dark.set(dark)));
    // Mirrors the scheme outward to `<html data-theme>`, which the colour tokens follow.
    Effect::new(move |_| set_theme(choice.get().scheme(system_dark.get()).as_str()));
    let options = ThemeChoice::ALL
        .into_iter()
        .map(|option| {
            let pick = theme_label(option);
            view! {
                <option value=option.as_str() selected=move || choice.get() == option>
                    {move || ui_string(mode.get(), pick)}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="nv-theme">
            <span class="nv-theme__label"><Label pick=|u: &Ui| u.theme /></span>
            <select
                class="nv-theme__select"
                prop:value=move || choice.get().as_str()
                on:change=move |ev| {
                    let picked = ThemeChoice::parse(Some(&event_target_value(&ev)));
                    store(THEME_KEY, picked.as_str());
                    choice.set(picked);
                }
            >
                {options}
            </select>
        </label>
    }
}
