//! Offline reading, as the reader sees it: the list of issues to save for reading without a
//! connection (without opening them), and what is said when an issue that was not saved is
//! opened offline. Which issues are kept is [`crate::offline`]'s.

use leptos::prelude::*;
use leptos::task::spawn_local;
use newsletter_core::ui::{entry_label, fill, ui, Ui};
use newsletter_core::{CatalogEntry, Lang};

use crate::components::text::Label;
use crate::shelf::Shelf;
use crate::state::use_reading;

/// The issues listed so far, each marked when it is kept, with a button that saves it or
/// removes its copy. Folded until asked for (a catalog may list thousands of issues), and
/// only where the browser can keep files.
#[component]
pub fn OfflinePanel(shelf: Shelf) -> impl IntoView {
    let offline = shelf.offline();
    let open = RwSignal::new(false);
    // What the last save or removal did, announced.
    let said = RwSignal::new(String::new());
    let mode = use_reading().mode();
    let row = move |entry: CatalogEntry| {
        let name_id = format!("nv-offline-{}", entry.id);
        let file = entry.file.clone();
        let kept = {
            let file = file.clone();
            move || offline.is_kept(file.as_str())
        };
        let in_mode = {
            let entry = entry.clone();
            move |pick: fn(&Ui) -> &'static str| {
                mode.get_untracked()
                    .langs()
                    .iter()
                    .map(|&lang| fill(pick(ui(lang)), &[&entry_label(&entry, lang)]))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        let toggle = {
            let kept = kept.clone();
            move |_| {
                let wanted = !kept();
                let file = file.clone();
                let in_mode = in_mode.clone();
                spawn_local(async move {
                    let done = offline.set_kept(file, wanted).await;
                    let pick: fn(&Ui) -> &'static str = match (&done, wanted) {
                        (Err(_), _) => |u| u.save_failed,
                        (Ok(()), true) => |u| u.saved_offline,
                        (Ok(()), false) => |u| u.removed_offline,
                    };
                    said.try_set(in_mode(pick));
                });
            }
        };
        let name = move || {
            mode.get()
                .langs()
                .iter()
                .map(|&lang| view! { <span lang=lang.tag()>{entry_label(&entry, lang)}</span> })
                .collect_view()
        };
        view! {
            <li class="nv-offline__issue">
                <span class="nv-offline__name" id=name_id.clone()>{name}</span>
                {
                    let kept = kept.clone();
                    move || kept().then(|| view! {
                        <span class="nv-offline__mark"><Label pick=|u: &Ui| u.available_offline /></span>
                    })
                }
                <button
                    type="button"
                    class="nv-action nv-offline__toggle"
                    aria-describedby=name_id
                    on:click=toggle
                >
                    {move || if kept() {
                        view! { <Label pick=|u: &Ui| u.remove_offline /> }.into_any()
                    } else {
                        view! { <Label pick=|u: &Ui| u.save_offline /> }.into_any()
                    }}
                </button>
            </li>
        }
    };
    let entries = move || shelf.with(|paged| paged.entries().to_vec());
    offline.available().then(|| view! {
        <section class="nv-offline" aria-labelledby="nv-offline-toggle">
            <h2 class="nv-offline__heading">
                <button
                    type="button"
                    id="nv-offline-toggle"
                    class="nv-offline__open"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="nv-offline-body"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <Label pick=|u: &Ui| u.offline_reading />
                </button>
            </h2>
            <div id="nv-offline-body" hidden=move || !open.get()>
                <p class="nv-offline__about"><Label pick=|u: &Ui| u.offline_about /></p>
                <Show when=move || open.get()>
                    <ul class="nv-offline__list">
                        <For each=entries key=|entry| entry.id.clone() children=row />
                    </ul>
                </Show>
            </div>
            <p class="nv-sr" role="status" lang=move || mode.get().primary().tag()>{move || said.get()}</p>
        </section>
    })
}

/// Interface words in both languages whatever the reading mode: for what must be understood
/// at once (an issue that cannot be shown offline).
#[component]
pub fn BothLanguages(pick: fn(&Ui) -> &'static str) -> impl IntoView {
    [Lang::Zh, Lang::En]
        .into_iter()
        .map(|lang| view! { <span class="nv-ui" lang=lang.tag()>{pick(ui(lang))}</span>" " })
        .collect_view()
}
