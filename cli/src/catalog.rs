//! The catalog made from the issue files themselves, so that it cannot fall out of step.

use std::sync::Arc;

use std::path::{Path, PathBuf};

use newsletter_core::paging::{is_page_name, paginate};
use newsletter_core::parse::{CATALOG_FORMAT, PAGED_CATALOG_FORMAT};
use newsletter_core::schema::{CatalogFile, CATALOG_SCHEMA};
use newsletter_core::{Catalog, CatalogEntry, Issue, Text};

use crate::archive::Archive;
use crate::report::Report;
use crate::write::Output;
use newsletter_core::model::{Date, IssuePath};

/// The most issues `newsletter catalog` puts in one file unless told otherwise: enough for
/// two years of a weekly, and a first page of about 6 KB (brotli).
pub const PAGE_SIZE: u16 = 100;

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
        next: None,
        pages: Vec::new(),
        files: Default::default(),
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

/// The catalog's files in `dir`, as `newsletter catalog` writes them: one `index.json`
/// (format 1) for up to `page_size` issues, else pages of that many (format 1.1).
pub fn outputs(dir: &Path, catalog: &Catalog, page_size: usize) -> Vec<Output> {
    let pages = paginate(catalog, page_size);
    let format = if pages.len() > 1 {
        PAGED_CATALOG_FORMAT
    } else {
        CATALOG_FORMAT
    };
    let link = schema_link(CATALOG_SCHEMA);
    pages
        .iter()
        .map(|(name, page)| {
            let bytes = crate::write::json_bytes(&CatalogFile {
                schema: Some(&link),
                format,
                catalog: page,
            });
            Output::new(dir.join(name), bytes)
        })
        .collect()
}

/// Later pages in `dir` that `outputs` no longer writes: left from a longer catalog.
pub fn stale_pages(dir: &Path, outputs: &[Output]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut stale: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(is_page_name)
                && !outputs.iter().any(|output| output.path == *path)
        })
        .collect();
    stale.sort();
    stale
}
