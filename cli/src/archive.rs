//! An issues folder as the viewer would see it: the catalog and every issue file, each read
//! with the viewer's own reader. Anything that cannot be read becomes a finding naming the
//! file; the rest is still read.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use newsletter_core::paging::{is_page_name, PagedCatalog};
use newsletter_core::parse::{check_size, MAX_FILE_BYTES};
use newsletter_core::{parse_catalog, parse_issue, Catalog, Issue, LoadError};
use walkdir::WalkDir;

use crate::report::Report;

/// The catalog's file name inside the issues folder.
pub const CATALOG: &str = "index.json";

/// What an issues folder holds.
pub struct Archive {
    pub dir: PathBuf,
    /// The catalog as read, every page of it; `None` when it is missing or refused (a
    /// finding says which).
    pub catalog: Option<Catalog>,
    /// The text of each catalog file that could be read as text, first page first.
    pub catalog_texts: Vec<(String, String)>,
    /// A paged catalog's later pages as read, in the first page's order (`None`: refused).
    pub pages: Vec<Option<Catalog>>,
    /// How many issues a paged catalog's first page lists.
    pub first_page: Option<usize>,
    /// Every issue file found, by its path inside the folder (`/`-separated, as a catalog
    /// `file` names it), with the issue when it could be read.
    pub issues: BTreeMap<String, Option<Issue>>,
    pub report: Report,
}

impl Archive {
    /// Reads the folder `dir`. Fails only when the folder itself cannot be read.
    pub fn read(dir: &Path) -> Result<Archive, String> {
        // A folder that cannot be listed is the one failure that stops the command.
        fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut report = Report::default();
        let mut catalog_texts = Vec::new();
        let mut read_catalog = |name: &str, report: &mut Report| -> Option<Catalog> {
            match read_text(&dir.join(name), name) {
                Ok(text) => {
                    let catalog = report.kept(parse_catalog(name, &text));
                    catalog_texts.push((name.to_owned(), text));
                    catalog
                }
                Err(error) => {
                    report.load_error(&error);
                    None
                }
            }
        };
        let first = dir
            .join(CATALOG)
            .exists()
            .then(|| read_catalog(CATALOG, &mut report))
            .flatten();
        let mut pages = Vec::new();
        let first_page = first
            .as_ref()
            .filter(|first| !first.pages.is_empty())
            .map(|first| first.issues.len());
        let catalog = first.map(|first| {
            let mut paged = PagedCatalog::new(first);
            for (at, file) in paged.ask_all() {
                let page = read_catalog(file.as_str(), &mut report);
                if let Some(page) = &page {
                    for problem in paged.add_page(at, page.clone()) {
                        report.error(&problem.file, &problem.place, problem.message);
                    }
                }
                pages.push(page);
            }
            paged.catalog().clone()
        });
        let mut issues = BTreeMap::new();
        for name in issue_files(dir, &mut report) {
            let issue = read_text(&dir.join(&name), &name)
                .map_err(|error| report.load_error(&error))
                .ok()
                .and_then(|text| report.kept(parse_issue(&name, &text)));
            issues.insert(name, issue);
        }
        Ok(Archive {
            dir: dir.to_owned(),
            catalog,
            catalog_texts,
            pages,
            first_page,
            issues,
            report,
        })
    }

    /// Reports each readable issue whose id an earlier file (by name) already has, and returns
    /// their files: ids must be unique in the archive.
    pub fn report_duplicate_ids(&self, report: &mut Report) -> BTreeSet<&str> {
        let mut first: BTreeMap<&str, &str> = BTreeMap::new();
        let mut duplicates = BTreeSet::new();
        for (file, issue) in self.readable() {
            if let Some(earlier) = first.insert(issue.id.as_str(), file) {
                report.error(
                    file,
                    "id",
                    format!(
                        "the id \"{}\" is also the id of {earlier}; ids must be unique in the archive",
                        issue.id
                    ),
                );
                duplicates.insert(file);
            }
        }
        duplicates
    }

    /// The issues a catalog file holds: `asked` if given, else as many as the current
    /// catalog's first page when it is paged, else [`crate::catalog::PAGE_SIZE`].
    pub fn page_size(&self, asked: Option<u16>) -> usize {
        asked
            .map(usize::from)
            .or(self.first_page)
            .unwrap_or(crate::catalog::PAGE_SIZE.into())
    }

    /// The issues that could be read, by file.
    pub fn readable(&self) -> impl Iterator<Item = (&str, &Issue)> {
        self.issues
            .iter()
            .filter_map(|(name, issue)| Some((name.as_str(), issue.as_ref()?)))
    }
}

/// The `.json` files under `dir` other than the catalog's pages, as `/`-separated paths inside it,
/// in name order. Links are followed; a loop, an unreadable folder or a name that is not
/// UTF-8 is a finding.
fn issue_files(dir: &Path, report: &mut Report) -> Vec<String> {
    let mut names = Vec::new();
    let walk = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1);
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let place = error
                    .path()
                    .and_then(|p| p.strip_prefix(dir).ok())
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let message = match error.loop_ancestor() {
                    Some(_) => "a link loop; this folder is skipped".to_owned(),
                    None => format!("cannot be read ({})", io_reason(&error.to_string())),
                };
                report.error(&place, "", message);
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Ok(relative) = path.strip_prefix(dir) else {
            continue;
        };
        let parts: Option<Vec<&str>> = relative.iter().map(|part| part.to_str()).collect();
        match parts {
            Some(parts) => {
                let name = parts.join("/");
                if name != CATALOG && !is_page_name(&name) {
                    names.push(name);
                }
            }
            None => report.error(
                &relative.to_string_lossy(),
                "",
                "the file's name is not UTF-8; rename it".to_owned(),
            ),
        }
    }
    names
}

/// The text of the file at `path`, named `name` in messages: refused when larger than the
/// viewer reads (before reading it) or when it is not UTF-8.
pub fn read_text(path: &Path, name: &str) -> Result<String, LoadError> {
    let invalid = |place: &str, message: String| {
        LoadError::Invalid(newsletter_core::Problem {
            file: name.to_owned(),
            place: place.to_owned(),
            message,
        })
    };
    let cannot = |error: std::io::Error| invalid("", format!("cannot be read ({error})"));
    let size = fs::metadata(path).map_err(cannot)?.len();
    check_size(name, size)?;
    let mut bytes = Vec::with_capacity(size as usize);
    use std::io::Read;
    fs::File::open(path)
        .map_err(cannot)?
        // A file that grew since: read no more than the limit allows.
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    check_size(name, bytes.len() as u64)?;
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        invalid(
            &format!("byte {at}"),
            "the file is not UTF-8 text; save it as UTF-8".to_owned(),
        )
    })
}

/// An I/O error's words without the path walkdir puts in front of them.
fn io_reason(message: &str) -> &str {
    message.rsplit(": ").next().unwrap_or(message)
}
