//! The top bar: the publication's name, the issue picker and the language switch.

use leptos::prelude::*;
use newsletter_core::theme::ThemeChoice;
use newsletter_core::ui::{entry_label, theme_label, Ui};
use newsletter_core::{Catalog, LangMode};
use std::sync::Arc;

use crate::browser::document::{set_theme, watch_dark_preference};
use crate::browser::storage::{store, stored, THEME_KEY};
use crate::components::dom::{set, set_word, Static};
use crate::components::text::Label;
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

/// A list of every issue in the catalog, newest first; choosing one opens it.
#[component]
pub fn IssuePicker(catalog: Arc<Catalog>) -> impl IntoView {
    let url = use_url();
    let mode = use_reading().mode();
    let chosen = url.issue();
    let newest = catalog
        .newest()
        .map(|e| e.id.to_string())
        .unwrap_or_default();
    let selected = Memo::new(move |_| chosen.get().unwrap_or_else(|| newest.clone()));
    // One list for the whole catalog, built once, straight into the DOM (a catalog may list a
    // thousand issues). An <option> holds plain text, so it cannot carry both languages the
    // way the cards do: a language switch relabels the options in place, which costs a tenth
    // of rebuilding them. A newly chosen issue only moves the select's value.
    let list = NodeRef::<leptos::html::Select>::new();
    let options = {
        let catalog = catalog.clone();
        let lang = mode.get_untracked().primary();
        let chosen = selected.get_untracked();
        Static::build(move |dom, list| {
            for entry in &catalog.issues {
                let option = dom.element(list, "option", "");
                set(&option, "value", entry.id.as_str());
                if entry.id.as_str() == chosen {
                    set_word(&option, "selected", "");
                }
                dom.text(&option, &entry_label(entry, lang));
            }
        })
    };
    Effect::new(move |ran: Option<()>| {
        let lang = mode.get().primary();
        let (Some(()), Some(select)) = (ran, list.get_untracked()) else {
            return;
        };
        let options = select.children();
        for (i, entry) in catalog.issues.iter().enumerate() {
            if let Some(option) = options.item(i as u32) {
                option.set_text_content(Some(&entry_label(entry, lang)));
            }
        }
    });
    view! {
        <div class="nv-picker">
            <label for="nv-issue" class="nv-picker__label"><Label pick=|u: &Ui| u.issue_picker /></label>
            <select
                id="nv-issue"
                class="nv-picker__select"
                node_ref=list
                prop:value=selected
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
        </div>
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
