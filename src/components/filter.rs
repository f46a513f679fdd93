//! The filter: a checkbox per jurisdiction present, grouped by country, and one per
//! regulator the items name by id, each with the number of items it would show; one action
//! clears both. State lives in the URL (`j`, `r`).

use leptos::prelude::*;
use newsletter_core::filter::{groups, regulator_choices, Filter};
use newsletter_core::ui::Ui;
use newsletter_core::{Issue, Text};
use std::sync::Arc;

use crate::browser::region::region_name;
use crate::components::text::{Label, Line};
use crate::components::Fold;
use crate::state::{ui_string, use_reading, use_url};

/// Which facet a checkbox belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Jurisdiction,
    Regulator,
}

/// Every choice's count under the current filter, in the order the panel lists them
/// (jurisdictions, each country before its subdivisions, then regulators).
fn counts(issue: &Issue, filter: &Filter) -> Vec<usize> {
    let mut counts = Vec::new();
    for group in groups(issue, filter) {
        counts.push(group.country.count);
        counts.extend(group.subdivisions.iter().map(|c| c.count));
    }
    counts.extend(regulator_choices(issue, filter).iter().map(|c| c.count));
    counts
}

#[component]
pub fn FilterPanel(issue: Arc<Issue>) -> impl IntoView {
    let url = use_url();
    let mode = use_reading().mode();
    let filter = url.filter();
    let open = RwSignal::new(false);
    let counts = {
        let issue = issue.clone();
        Memo::new(move |_| filter.with(|f| counts(&issue, f)))
    };

    // One checkbox; `at` is its place among the counts.
    let mut at = 0;
    let mut choice = |facet: Facet, key: &str, name: Text, class: &'static str| {
        let key = key.to_owned();
        let index = at;
        at += 1;
        let chosen = {
            let key = key.clone();
            move |f: &Filter| match facet {
                Facet::Jurisdiction => f.contains(&key),
                Facet::Regulator => f.has_regulator(&key),
            }
        };
        let (data_code, data_regulator) = match facet {
            Facet::Jurisdiction => (Some(key.clone()), None),
            Facet::Regulator => (None, Some(key.clone())),
        };
        view! {
            <label class=class data-code=data_code data-regulator=data_regulator>
                <input
                    type="checkbox"
                    class="nv-filter__box"
                    prop:checked=move || filter.with(&chosen)
                    on:change=move |_| {
                        let key = key.clone();
                        url.go(move |v| {
                            v.filter = match facet {
                                Facet::Jurisdiction => v.filter.toggled(&key),
                                Facet::Regulator => v.filter.toggled_regulator(&key),
                            };
                            v.item = None;
                        })
                    }
                />
                <span class="nv-filter__name"><Line text=name /></span>
                <span class="nv-filter__count">
                    {move || counts.with(|c| c.get(index).copied().unwrap_or(0))}
                </span>
            </label>
        }
    };
    // Static lists: the choices of a loaded issue do not change; the boxes follow the
    // filter through their `checked` property, the counts through `counts`.
    let all = Filter::default();
    let jurisdictions = groups(&issue, &all)
        .into_iter()
        .map(|group| {
            let code = &group.country.code;
            let country = choice(
                Facet::Jurisdiction,
                code,
                issue.jurisdiction_name(code, region_name),
                "nv-filter__choice",
            );
            let subdivisions = (!group.subdivisions.is_empty()).then(|| {
                let items = group
                    .subdivisions
                    .iter()
                    .map(|c| {
                        let name = issue.jurisdiction_name(&c.code, region_name);
                        let class = "nv-filter__choice nv-filter__choice--sub";
                        view! { <li>{choice(Facet::Jurisdiction, &c.code, name, class)}</li> }
                    })
                    .collect_view();
                view! { <ul class="nv-filter__subs">{items}</ul> }
            });
            view! {
                <li class="nv-filter__group">
                    {country}
                    {subdivisions}
                </li>
            }
        })
        .collect_view();
    let regulators = regulator_choices(&issue, &all);
    let regulators = (!regulators.is_empty()).then(|| {
        let items = regulators
            .iter()
            .map(|c| {
                let name = issue.regulators[&c.id].name.clone();
                view! { <li>{choice(Facet::Regulator, &c.id, name, "nv-filter__choice")}</li> }
            })
            .collect_view();
        view! {
            <fieldset class="nv-filter__facet">
                <legend class="nv-filter__legend"><Label pick=|u: &Ui| u.regulator /></legend>
                <ul class="nv-filter__list">{items}</ul>
            </fieldset>
        }
    });

    view! {
        <section class="nv-filter" aria-label=move || ui_string(mode.get(), |u: &Ui| u.filter)>
            <Fold id="nv-filter" open label=|u: &Ui| u.filter>
                <fieldset class="nv-filter__facet">
                    <legend class="nv-filter__legend"><Label pick=|u: &Ui| u.jurisdiction /></legend>
                    <ul class="nv-filter__list">{jurisdictions}</ul>
                </fieldset>
                {regulators}
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
