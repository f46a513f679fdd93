//! `newsletter check`: what the viewer would say about each file, and whether the catalog
//! and the files agree.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::archive::{Archive, CATALOG};
use crate::report::Report;

/// Adds to `report` where the catalog and the issue files disagree: an entry whose file is
/// missing or differs from it (id, date, number), a file no entry lists, an order that is
/// not newest first, and an id used by two files.
pub fn cross_check(archive: &Archive, report: &mut Report) {
    if archive.catalog_text.is_none() && !archive.dir.join(CATALOG).exists() {
        report.error(
            CATALOG,
            "",
            "there is no catalog; `newsletter catalog` writes it".to_owned(),
        );
    }
    let positions = entry_positions(archive.catalog_text.as_deref());
    let place = |id: &str, field: &str| match positions.get(id) {
        Some(i) => format!("issues[{i}].{field}"),
        None => field.to_owned(),
    };
    let mut listed = BTreeSet::new();
    if let Some(catalog) = &archive.catalog {
        for entry in &catalog.issues {
            let file = entry.file.as_str();
            listed.insert(file);
            match archive.issues.get(file) {
                None => report.error(
                    CATALOG,
                    &place(&entry.id, "file"),
                    format!("\"{file}\" does not exist in this folder"),
                ),
                // Refused by the reader: already reported.
                Some(None) => {}
                Some(Some(issue)) => {
                    let shown = |value: Option<String>| value.unwrap_or_else(|| "none".to_owned());
                    let entry_place = |field: &str| place(&entry.id, field);
                    for (field, said, is) in [
                        ("id", Some(entry.id.to_string()), Some(issue.id.to_string())),
                        (
                            "date",
                            Some(entry.date.to_string()),
                            issue.date.as_ref().map(|d| d.to_string()),
                        ),
                        (
                            "number",
                            entry.number.map(|n| n.to_string()),
                            issue.number.map(|n| n.to_string()),
                        ),
                    ] {
                        if said != is {
                            report.error(
                                CATALOG,
                                &entry_place(field),
                                format!(
                                    "the catalog says {}, {file} says {}",
                                    shown(said),
                                    shown(is)
                                ),
                            );
                        }
                    }
                }
            }
        }
        if let Some((later, earlier)) = out_of_order(archive.catalog_text.as_deref()) {
            report.warning(
                CATALOG,
                &format!("issues[{later}]"),
                format!(
                    "not newest first: this entry is newer than issues[{earlier}] above it; `newsletter catalog` puts them in order"
                ),
            );
        }
    }
    for file in archive.issues.keys() {
        if archive.catalog.is_some() && !listed.contains(file.as_str()) {
            report.warning(
                file,
                "",
                "no catalog entry lists this file, so readers cannot open it; `newsletter catalog` adds it".to_owned(),
            );
        }
    }
    archive.report_duplicate_ids(report);
}

/// The place of each entry in the catalog as written (the reader sorts and drops entries),
/// by id.
fn entry_positions(text: Option<&str>) -> BTreeMap<String, usize> {
    entries(text)
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| Some((entry.get("id")?.as_str()?.to_owned(), i)))
        .collect()
}

/// The first entry, as written, that is newer than one above it: its place and that one's.
fn out_of_order(text: Option<&str>) -> Option<(usize, usize)> {
    let dates: Vec<Option<String>> = entries(text)
        .iter()
        .map(|e| Some(e.get("date")?.as_str()?.to_owned()))
        .collect();
    let mut oldest: Option<(usize, &str)> = None;
    for (i, date) in dates.iter().enumerate() {
        let Some(date) = date.as_deref() else {
            continue;
        };
        if let Some((at, above)) = oldest {
            if date > above {
                return Some((i, at));
            }
        }
        if oldest.is_none_or(|(_, above)| date <= above) {
            oldest = Some((i, date));
        }
    }
    None
}

fn entries(text: Option<&str>) -> Vec<Value> {
    text.and_then(|t| serde_json::from_str::<Value>(t.trim_start_matches('\u{feff}')).ok())
        .and_then(|v| v.get("issues")?.as_array().cloned())
        .unwrap_or_default()
}
