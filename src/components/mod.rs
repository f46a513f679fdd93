//! The viewer's components: thin views over `newsletter_core`.

pub mod app;
pub mod bar;
pub mod contents;
pub mod dom;
pub mod filter;
pub mod issue;
pub mod loading;
pub mod offline;
pub mod search;
pub mod text;

use leptos::prelude::*;
use newsletter_core::ui::Ui;
use newsletter_core::Problem;

use text::Label;

/// A panel that folds behind a button on narrow screens and is always open on wide ones
/// (the style sheet hides the button there).
#[component]
pub fn Fold(
    id: &'static str,
    open: RwSignal<bool>,
    label: fn(&Ui) -> &'static str,
    children: Children,
) -> impl IntoView {
    let body_id = format!("{id}-body");
    view! {
        <h2 class="nv-fold__heading">
            <button
                type="button"
                class="nv-fold__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=body_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span><Label pick=label /></span>
            </button>
            <span class="nv-fold__title"><Label pick=label /></span>
        </h2>
        <div id=body_id class="nv-fold__body" class:nv-fold__body--open=move || open.get()>
            {children()}
        </div>
    }
}

/// What had to be left out of a file, each with its file and place.
#[component]
pub fn Warnings(warnings: Vec<Problem>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        let count = warnings.len();
        let list = warnings
            .into_iter()
            .map(|w| view! { <li><code lang="en">{w.to_string()}</code></li> })
            .collect_view();
        view! {
            <details class="nv-warnings">
                <summary><Label pick=|u: &Ui| u.warnings />" ("{count}")"</summary>
                <ul>{list}</ul>
            </details>
        }
    })
}
