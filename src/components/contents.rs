//! The table of contents: sections and their items under the filter, linking to `#item-id`.
//! On a narrow screen it folds away behind a button.

use leptos::prelude::*;
use newsletter_core::contents::contents;
use newsletter_core::filter::Filter;
use newsletter_core::ui::Ui;
use newsletter_core::Issue;
use std::sync::Arc;

use crate::components::text::Line;
use crate::components::Fold;
use crate::state::{ui_string, use_reading};

#[component]
pub fn ContentsNav(issue: Arc<Issue>, filter: Memo<Filter>) -> impl IntoView {
    let mode = use_reading().mode();
    let open = RwSignal::new(false);
    let entries = {
        let issue = issue.clone();
        Memo::new(move |_| filter.with(|f| contents(&issue, f)))
    };
    // Keyed lists: the filter adds and removes sections and items; those that stay keep
    // their nodes (keys are indices into the issue).
    let list = move || {
        let issue = issue.clone();
        view! {
            <For each=move || entries.with(|e| e.iter().map(|s| s.section).collect::<Vec<_>>()) key=|s| *s let:s>
                {
                    let section = &issue.sections[s];
                    let items_issue = issue.clone();
                    let item_indices = move || {
                        entries.with(|e| {
                            e.iter().find(|entry| entry.section == s).map(|entry| entry.items.clone()).unwrap_or_default()
                        })
                    };
                    let href = format!("#section--{}", section.id);
                    view! {
                        <li class="nv-contents__section">
                            <a class="nv-contents__section-link" href=href on:click=move |_| open.set(false)>
                                <Line text=section.title.clone() />
                            </a>
                            <ol class="nv-contents__items">
                                <For each=item_indices key=|i| *i let:i>
                                    {
                                        let item = &items_issue.sections[s].items[i];
                                        let href = format!("#{}", item.id);
                                        view! {
                                            <li>
                                                <a class="nv-contents__link" href=href on:click=move |_| open.set(false)>
                                                    <Line text=item.title.clone() />
                                                </a>
                                            </li>
                                        }
                                    }
                                </For>
                            </ol>
                        </li>
                    }
                }
            </For>
        }
    };
    view! {
        <nav class="nv-contents" aria-label=move || ui_string(mode.get(), |u: &Ui| u.contents)>
            <Fold id="nv-contents" open label=|u: &Ui| u.contents>
                <ol class="nv-contents__list">{list()}</ol>
            </Fold>
        </nav>
    }
}
