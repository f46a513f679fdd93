//! The catalog made from the issue files themselves, so that it cannot fall out of step.

use std::sync::Arc;

use newsletter_core::parse::CATALOG_FORMAT;
use newsletter_core::schema::{CatalogFile, CATALOG_SCHEMA};
use newsletter_core::{Catalog, CatalogEntry, Issue, Text};

use crate::archive::Archive;
use crate::report::Report;
use newsletter_core::model::{Date, IssuePath};

/// Where an issues folder's files find the schemas: `schema/` beside `issues/`.
pub fn schema_link(name: &str) -> String {
    format!("../schema/{name}")
}

/// The catalog of every readable issue in `archive`, newest first (then the higher number,
/// then the file name), keeping the current catalog's title. An issue without a date, or
/// with the id of another, cannot be listed: an error.
pub fn build(archive: &Archive, report: &mut Report) -> Catalog {
    let duplicates = archive.report_duplicate_ids(report);
    let mut issues = Vec::new();
    for (file, issue) in archive.readable() {
        if duplicates.contains(file) {
            continue;
        }
        let Some(date) = issue.date.clone() else {
            report.error(
                file,
                "date",
                "the issue has no date, which the catalog needs".to_owned(),
            );
            continue;
        };
        issues.push(entry(file, issue, date));
    }
    issues.sort_by(|a: &CatalogEntry, b: &CatalogEntry| {
        (b.date.as_str(), b.number)
            .cmp(&(a.date.as_str(), a.number))
            .then_with(|| a.file.cmp(&b.file))
    });
    Catalog {
        title: archive.catalog.as_ref().and_then(|c| c.title.clone()),
        issues,
    }
}

fn entry(file: &str, issue: &Issue, date: Date) -> CatalogEntry {
    CatalogEntry {
        id: issue.id.clone(),
        file: IssuePath::new(file).expect("a file found in the folder is a path inside it"),
        date,
        number: issue.number,
        title: title(issue),
    }
}

/// An entry's title: the issue's series (else its publication) and number, in each language
/// the name has: "立方网络安全与数据合规周报 No.41".
pub fn title(issue: &Issue) -> Option<Text> {
    let name = issue.series.as_ref().or(issue.publication.as_ref())?;
    let with_number = |s: &Arc<str>| -> Arc<str> {
        match issue.number {
            Some(n) => format!("{s} No.{n}").into(),
            None => s.clone(),
        }
    };
    Some(Text {
        zh: name.zh.as_ref().map(with_number),
        en: name.en.as_ref().map(with_number),
    })
}

/// The catalog file's bytes, as `newsletter catalog` writes it.
pub fn bytes(catalog: &Catalog) -> Vec<u8> {
    let link = schema_link(CATALOG_SCHEMA);
    crate::write::json_bytes(&CatalogFile {
        schema: Some(&link),
        format: CATALOG_FORMAT,
        catalog,
    })
}
