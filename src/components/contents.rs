//! The table of contents: sections and their items under the filter, linking to `#item-id`.
//! On a narrow screen it folds away behind a button.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use newsletter_core::filter::Filter;
use newsletter_core::render;
use newsletter_core::ui::Ui;
use newsletter_core::Issue;
use std::sync::Arc;

use crate::components::dom::Static;
use crate::components::Fold;
use crate::state::{ui_string, use_reading};

#[component]
pub fn ContentsNav(issue: Arc<Issue>, filter: Memo<Filter>) -> impl IntoView {
    let mode = use_reading().mode();
    let open = RwSignal::new(false);
    // Every section and item is listed once, as static content; the filter hides entries
    // (the issue view's `apply_filter`) rather than removing them. Each is rendered with the
    // filter of its time.
    let list = Static::build(|dom, list| {
        filter.with_untracked(|f| render::contents(dom, list, &issue, |item| f.shows(item)))
    });
    // Following a link closes the folded contents (one listener for all of them).
    let follow = move |event: web_sys::MouseEvent| {
        let on_link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a").ok().flatten())
            .is_some();
        if on_link {
            open.set(false);
        }
    };
    view! {
        <nav class="nv-contents" aria-label=move || ui_string(mode.get(), |u: &Ui| u.contents)>
            <Fold id="nv-contents" open label=|u: &Ui| u.contents>
                <ol class="nv-contents__list" on:click=follow>{list}</ol>
            </Fold>
        </nav>
    }
}
