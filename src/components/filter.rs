//! The jurisdiction filter: a checkbox per jurisdiction present, grouped by country, each
//! with the number of items it shows, and one action to clear. State lives in the URL (`j`).

use leptos::prelude::*;
use newsletter_core::filter::{groups, Choice};
use newsletter_core::ui::Ui;
use newsletter_core::Issue;
use std::sync::Arc;

use crate::browser::region::region_name;
use crate::components::text::{Label, Line};
use crate::components::Fold;
use crate::state::{ui_string, use_reading, use_url};

#[component]
pub fn FilterPanel(issue: Arc<Issue>) -> impl IntoView {
    let url = use_url();
    let mode = use_reading().mode();
    let filter = url.filter();
    let open = RwSignal::new(false);

    let choice = |choice: &Choice, class: &'static str| {
        let code = choice.code.to_string();
        let data_code = code.clone();
        let checked = {
            let code = code.clone();
            move || filter.with(|f| f.contains(&code))
        };
        let name = issue.jurisdiction_name(&choice.code, region_name);
        view! {
            <label class=class data-code=data_code>
                <input
                    type="checkbox"
                    class="nv-filter__box"
                    prop:checked=checked
                    on:change=move |_| {
                        let code = code.clone();
                        url.go(move |v| {
                            v.filter = v.filter.toggled(&code);
                            v.item = None;
                        })
                    }
                />
                <span class="nv-filter__name"><Line text=name /></span>
                <span class="nv-filter__count">{choice.count}</span>
            </label>
        }
    };
    // A static list: the jurisdictions of a loaded issue do not change; the boxes follow
    // the filter through their `checked` property.
    let list = groups(&issue)
        .into_iter()
        .map(|group| {
            let subdivisions = (!group.subdivisions.is_empty()).then(|| {
                let items = group
                    .subdivisions
                    .iter()
                    .map(|c| view! { <li>{choice(c, "nv-filter__choice nv-filter__choice--sub")}</li> })
                    .collect_view();
                view! { <ul class="nv-filter__subs">{items}</ul> }
            });
            view! {
                <li class="nv-filter__group">
                    {choice(&group.country, "nv-filter__choice")}
                    {subdivisions}
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="nv-filter" aria-label=move || ui_string(mode.get(), |u: &Ui| u.filter)>
            <Fold id="nv-filter" open label=|u: &Ui| u.filter>
                <ul class="nv-filter__list">{list}</ul>
                <button
                    type="button"
                    class="nv-button nv-filter__clear"
                    disabled=move || filter.with(|f| f.is_all())
                    on:click=move |_| url.go(|v| v.filter = Default::default())
                >
                    <Label pick=|u: &Ui| u.clear_filter />
                </button>
            </Fold>
        </section>
    }
}
