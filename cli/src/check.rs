//! `newsletter check`: what the viewer would say about each file, and whether the catalog
//! and the files agree.

use std::collections::{BTreeMap, BTreeSet};

use newsletter_core::model::IssuePath;
use newsletter_core::paging::default_file;
use newsletter_core::{Catalog, CatalogEntry};
use serde_json::Value;

use crate::archive::{Archive, CATALOG};
use crate::report::Report;

/// Adds to `report` where the catalog and the issue files disagree: an entry whose file is
/// missing or differs from it (id, date, number), a file no entry lists, an order that is
/// not newest first, and an id used by two files.
pub fn cross_check(archive: &Archive, report: &mut Report) {
    if archive.catalog_texts.is_empty() && !archive.dir.join(CATALOG).exists() {
        report.error(
            CATALOG,
            "",
            "there is no catalog; `newsletter catalog` writes it".to_owned(),
        );
    }
    let positions = entry_positions(&archive.catalog_texts);
    let place = |id: &str, field: &str| match positions.get(id) {
        Some((file, i)) => (file.as_str(), format!("issues[{i}].{field}")),
        None => (CATALOG, field.to_owned()),
    };
    let mut listed = BTreeSet::new();
    if let Some(catalog) = &archive.catalog {
        for entry in &catalog.issues {
            let file = entry.file.as_str();
            listed.insert(file);
            match archive.issues.get(file) {
                None => {
                    let (page, place) = place(&entry.id, "file");
                    report.error(
                        page,
                        &place,
                        format!("\"{file}\" does not exist in this folder"),
                    )
                }
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
                            let (page, place) = entry_place(field);
                            report.error(
                                page,
                                &place,
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
        for (page, text) in &archive.catalog_texts {
            if let Some((later, earlier)) = out_of_order(text) {
                report.warning(
                    page,
                    &format!("issues[{later}]"),
                    format!(
                        "not newest first: this entry is newer than issues[{earlier}] above it; `newsletter catalog` puts them in order"
                    ),
                );
            }
        }
        check_pages(catalog, &archive.pages, report);
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

/// The file and place of each entry in the catalog's files as written (the reader sorts and
/// drops entries), by id.
fn entry_positions(texts: &[(String, String)]) -> BTreeMap<String, (String, usize)> {
    let mut positions = BTreeMap::new();
    for (file, text) in texts {
        for (i, entry) in entries(text).iter().enumerate() {
            if let Some(id) = entry.get("id").and_then(Value::as_str) {
                positions
                    .entry(id.to_owned())
                    .or_insert_with(|| (file.clone(), i));
            }
        }
    }
    positions
}

/// Adds where a paged catalog's first page says other than its later pages: the dates and
/// counts of each page, the `next` links, and the files of the issues on later pages.
fn check_pages(first: &Catalog, pages: &[Option<Catalog>], report: &mut Report) {
    if first.pages.is_empty() {
        if first.next.is_some() {
            report.warning(
                CATALOG,
                "next",
                "a paged catalog lists its pages in \"pages\"; without them the viewer shows this page's issues only".to_owned(),
            );
        }
        return;
    }
    // Each file's `next` is the file after it in the first page's list.
    let files: Vec<&IssuePath> = first.pages.iter().map(|page| &page.file).collect();
    let mut links = vec![(
        CATALOG.to_owned(),
        first.next.as_ref(),
        files.first().copied(),
    )];
    for (at, (listed, page)) in first.pages.iter().zip(pages).enumerate() {
        let Some(page) = page else { continue };
        links.push((
            listed.file.to_string(),
            page.next.as_ref(),
            files.get(at + 1).copied(),
        ));
        let place = format!("pages[{at}]");
        let date =
            |entry: Option<&CatalogEntry>| entry.map_or("none".to_owned(), |e| e.date.to_string());
        for (field, said, is) in [
            (
                "issues",
                listed.issues.to_string(),
                page.issues.len().to_string(),
            ),
            (
                "newest",
                listed.newest.to_string(),
                date(page.issues.first()),
            ),
            (
                "oldest",
                listed.oldest.to_string(),
                date(page.issues.last()),
            ),
        ] {
            if said != is {
                report.error(
                    CATALOG,
                    &format!("{place}.{field}"),
                    format!("index.json says {said}, {} has {is}", listed.file),
                );
            }
        }
        for entry in &page.issues {
            let found = first
                .files
                .get(&entry.id)
                .cloned()
                .unwrap_or_else(|| default_file(&entry.id));
            if found != entry.file {
                report.error(
                    CATALOG,
                    "files",
                    format!(
                        "a link to \"{}\" would open {found}, but its file is {}; `newsletter catalog` writes this map",
                        entry.id, entry.file
                    ),
                );
            }
        }
    }
    for (file, next, expected) in links {
        if next != expected {
            next_link(report, &file, expected);
        }
    }
}

fn next_link(report: &mut Report, page: &str, expected: Option<&IssuePath>) {
    let expected = expected.map_or("none".to_owned(), |file| format!("\"{file}\""));
    report.error(
        page,
        "next",
        format!("the next page should be {expected}, as index.json's pages say"),
    );
}

/// The first entry, as written, that is newer than one above it: its place and that one's.
fn out_of_order(text: &str) -> Option<(usize, usize)> {
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

fn entries(text: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
        .ok()
        .and_then(|v| v.get("issues")?.as_array().cloned())
        .unwrap_or_default()
}
