//! A paged catalog (format 1.1): the newest issues in `index.json`, the rest in pages
//! `index-2.json`, `index-3.json`… that a reader loads when needed.
//!
//! [`paginate`] splits a whole catalog into its pages (the publishers' tool writes them);
//! [`PagedCatalog`] is the catalog as a reader has it so far: the first page, and whichever
//! later pages have been loaded, merged newest first. Which pages a year needs, and which
//! file holds an issue not loaded yet, are decided here.

use std::collections::HashSet;

use crate::model::{Catalog, CatalogEntry, CatalogPage, Date, Id, IssuePath};
use crate::parse::Problem;

/// The first page's file.
pub const FIRST_PAGE: &str = "index.json";

/// The file of page `n` (1 is the first): `index.json`, `index-2.json`…
pub fn page_name(n: usize) -> String {
    match n {
        0 | 1 => FIRST_PAGE.to_owned(),
        n => format!("index-{n}.json"),
    }
}

/// Whether `name` is a later page's file, `index-<n>.json` (names kept for pages).
pub fn is_page_name(name: &str) -> bool {
    name.strip_prefix("index-")
        .and_then(|rest| rest.strip_suffix(".json"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The years a later page's issues span, oldest first.
fn page_years(page: &CatalogPage) -> std::ops::RangeInclusive<u16> {
    page.oldest.year()..=page.newest.year()
}

/// The file an issue is in when its catalog does not say: `<id>.json`.
pub fn default_file(id: &Id) -> IssuePath {
    IssuePath::new(&format!("{id}.json")).expect("an id is a valid file name")
}

/// `catalog` (newest first) as pages of at most `size` issues, each with its file name.
/// A catalog that fits one page stays one plain catalog.
pub fn paginate(catalog: &Catalog, size: usize) -> Vec<(String, Catalog)> {
    let chunks: Vec<&[CatalogEntry]> = catalog.issues.chunks(size.max(1)).collect();
    let page = |n: usize, issues: &[CatalogEntry]| Catalog {
        title: None,
        issues: issues.to_vec(),
        next: (n < chunks.len()).then(|| IssuePath::new(&page_name(n + 1)).expect("a page name")),
        pages: Vec::new(),
        files: Default::default(),
    };
    if chunks.len() <= 1 {
        return vec![(
            FIRST_PAGE.to_owned(),
            Catalog {
                title: catalog.title.clone(),
                issues: catalog.issues.clone(),
                ..page(1, &[])
            },
        )];
    }
    let later = &chunks[1..];
    let first = Catalog {
        title: catalog.title.clone(),
        pages: later
            .iter()
            .enumerate()
            .map(|(i, issues)| CatalogPage {
                file: IssuePath::new(&page_name(i + 2)).expect("a page name"),
                newest: issues[0].date.clone(),
                oldest: issues[issues.len() - 1].date.clone(),
                issues: issues.len() as u32,
            })
            .collect(),
        files: later
            .iter()
            .flat_map(|issues| issues.iter())
            .filter(|entry| entry.file != default_file(&entry.id))
            .map(|entry| (entry.id.clone(), entry.file.clone()))
            .collect(),
        ..page(1, chunks[0])
    };
    let mut pages = vec![(FIRST_PAGE.to_owned(), first)];
    pages.extend(
        later
            .iter()
            .enumerate()
            .map(|(i, issues)| (page_name(i + 2), page(i + 2, issues))),
    );
    pages
}

/// A catalog as a reader has it: its first page, and the later pages loaded so far.
#[derive(Clone, Debug, PartialEq)]
pub struct PagedCatalog {
    /// The first page, whose `issues` are every entry loaded, newest first.
    catalog: Catalog,
    /// How many entries each page gave: the first page, then `catalog.pages` in order.
    counts: Vec<usize>,
    /// The later pages asked for (loading or loaded), by their place in `catalog.pages`.
    asked: Vec<bool>,
    /// The later pages loaded.
    loaded: Vec<bool>,
}

impl PagedCatalog {
    pub fn new(first: Catalog) -> PagedCatalog {
        let later = first.pages.len();
        PagedCatalog {
            counts: std::iter::once(first.issues.len())
                .chain(std::iter::repeat_n(0, later))
                .collect(),
            asked: vec![false; later],
            loaded: vec![false; later],
            catalog: first,
        }
    }

    /// The first page's catalog, with every issue loaded so far.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn entries(&self) -> &[CatalogEntry] {
        &self.catalog.issues
    }

    /// How many issues the whole catalog lists, loaded or not.
    pub fn total(&self) -> usize {
        self.counts[0]
            + self
                .catalog
                .pages
                .iter()
                .map(|page| page.issues as usize)
                .sum::<usize>()
    }

    /// Whether every page is loaded.
    pub fn complete(&self) -> bool {
        self.loaded.iter().all(|&loaded| loaded)
    }

    /// The years of the catalog's issues, newest first: those of the first page, and those
    /// each later page spans. (Both are newest first, so the years come sorted.)
    pub fn years(&self) -> Vec<u16> {
        let mut years: Vec<u16> = Vec::new();
        let first = &self.entries()[..self.counts[0]];
        let loaded = first.iter().map(|entry| entry.date.year());
        let paged = self
            .catalog
            .pages
            .iter()
            .flat_map(|page| page_years(page).rev());
        for year in loaded.chain(paged) {
            if years.last().is_none_or(|&last| year < last) {
                years.push(year);
            }
        }
        years
    }

    /// The later pages not asked for yet whose dates reach into `year`, marked as asked for:
    /// their place (for [`PagedCatalog::add_page`]) and file.
    pub fn ask_year(&mut self, year: u16) -> Vec<(usize, IssuePath)> {
        self.ask(false, |page| page_years(page).contains(&year))
    }

    /// The later pages not loaded yet whose dates reach into `year`, asked for before or
    /// not: what a jump to `year` must wait for.
    pub fn ask_year_again(&mut self, year: u16) -> Vec<(usize, IssuePath)> {
        self.ask(true, |page| page_years(page).contains(&year))
    }

    /// The later pages not asked for yet whose dates span `date`, marked as asked for.
    pub fn ask_date(&mut self, date: &Date) -> Vec<(usize, IssuePath)> {
        self.ask(false, |page| page.oldest <= *date && *date <= page.newest)
    }

    /// Every later page not asked for yet, marked as asked for.
    pub fn ask_all(&mut self) -> Vec<(usize, IssuePath)> {
        self.ask(false, |_| true)
    }

    /// The `wanted` later pages not asked for yet (`again`: not loaded yet), marked as
    /// asked for.
    fn ask(
        &mut self,
        again: bool,
        wanted: impl Fn(&CatalogPage) -> bool,
    ) -> Vec<(usize, IssuePath)> {
        let mut asks = Vec::new();
        for (at, page) in self.catalog.pages.iter().enumerate() {
            let pending = if again {
                self.loaded[at]
            } else {
                self.asked[at]
            };
            if !pending && wanted(page) {
                self.asked[at] = true;
                asks.push((at, page.file.clone()));
            }
        }
        asks
    }

    /// A page asked for could not be loaded: it may be asked for again.
    pub fn failed(&mut self, at: usize) {
        if let Some(asked) = self.asked.get_mut(at) {
            *asked = false;
        }
    }

    /// Merges the later page at place `at` (as read). An issue already listed on another
    /// page is left out, and reported.
    pub fn add_page(&mut self, at: usize, page: Catalog) -> Vec<Problem> {
        let Some(file) = self.catalog.pages.get(at).map(|p| p.file.to_string()) else {
            return Vec::new();
        };
        if self.loaded[at] {
            return Vec::new();
        }
        let known: HashSet<&Id> = self.entries().iter().map(|entry| &entry.id).collect();
        let mut problems = Vec::new();
        let mut fresh = Vec::with_capacity(page.issues.len());
        for entry in page.issues {
            if known.contains(&entry.id) {
                problems.push(Problem {
                    file: file.clone(),
                    place: "issues".to_owned(),
                    message: format!(
                        "the issue \"{}\" is also listed on another page; this entry is left out",
                        entry.id
                    ),
                });
            } else {
                fresh.push(entry);
            }
        }
        // Pages are in date order, so a page's entries go after those of the pages before it.
        let start: usize = self.counts[..=at].iter().sum();
        self.counts[at + 1] = fresh.len();
        self.catalog.issues.splice(start..start, fresh);
        self.asked[at] = true;
        self.loaded[at] = true;
        problems
    }

    pub fn find(&self, id: &str) -> Option<&CatalogEntry> {
        self.catalog.find(id)
    }

    /// The issue a jump to `year` opens: its newest loaded issue, else the newest loaded
    /// issue before it (a year a page spans may have none).
    pub fn newest_in(&self, year: u16) -> Option<&CatalogEntry> {
        self.entries()
            .iter()
            .find(|entry| entry.date.year() <= year)
    }

    /// The file a view shows: the newest issue's when it names none, else that of `id`
    /// ([`PagedCatalog::file_of`]); `None` when the catalog has no such issue.
    pub fn file_shown(&self, id: Option<&str>) -> Option<IssuePath> {
        match id {
            None => self.catalog.newest().map(|entry| entry.file.clone()),
            Some(id) => self.file_of(id),
        }
    }

    /// The file of issue `id`: its entry's, when loaded; else, while pages remain, the one
    /// the first page's `files` gives, or `<id>.json`. `None`: the catalog has no such issue.
    pub fn file_of(&self, id: &str) -> Option<IssuePath> {
        if let Some(entry) = self.find(id) {
            return Some(entry.file.clone());
        }
        if self.complete() {
            return None;
        }
        let id = Id::new(id).ok()?;
        Some(
            self.catalog
                .files
                .get(&id)
                .cloned()
                .unwrap_or_else(|| default_file(&id)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_catalog;
    use crate::Text;

    /// `n` issues, newest first, one a week back from 2026; every tenth in a folder.
    fn catalog(n: usize) -> Catalog {
        let issues = (0..n)
            .map(|i| {
                let number = n - i;
                let (year, slot) = (2026 - i / 52, 51 - i % 52);
                let (month, day) = (slot / 5 + 1, slot % 5 * 6 + 1);
                let id = Id::new(&format!("w-{number:05}")).unwrap();
                let file = if number.is_multiple_of(10) {
                    format!("{year}/{id}.json")
                } else {
                    format!("{id}.json")
                };
                CatalogEntry {
                    id,
                    file: IssuePath::new(&file).unwrap(),
                    date: Date::new(&format!("{year}-{month:02}-{day:02}")).unwrap(),
                    number: Some(number as u32),
                    title: None,
                }
            })
            .collect();
        Catalog {
            title: Some(Text::checked(Some("周报".into()), Some("Weekly".into())).unwrap()),
            issues,
            next: None,
            pages: Vec::new(),
            files: Default::default(),
        }
    }

    /// Each page as written to its file, and read back with the viewer's reader.
    fn written(pages: &[(String, Catalog)]) -> Vec<Catalog> {
        pages
            .iter()
            .map(|(name, page)| {
                let mut json = serde_json::to_value(page).unwrap();
                json["format"] = "newsletter-catalog/1.1".into();
                parse_catalog(name, &json.to_string()).unwrap().value
            })
            .collect()
    }

    fn load_all(mut paged: PagedCatalog, pages: &[Catalog], order: &[usize]) -> PagedCatalog {
        let asked = paged.ask_all();
        assert_eq!(asked.len(), pages.len() - 1);
        for &at in order {
            assert!(paged.add_page(at, pages[at + 1].clone()).is_empty());
        }
        paged
    }

    #[test]
    fn a_small_catalog_stays_one_plain_page() {
        let whole = catalog(100);
        let pages = paginate(&whole, 100);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].0, "index.json");
        assert_eq!(pages[0].1, whole);
    }

    #[test]
    fn pages_list_their_dates_counts_and_the_files_off_the_naming_rule() {
        let whole = catalog(250);
        let pages = paginate(&whole, 100);
        let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["index.json", "index-2.json", "index-3.json"]);
        let first = &pages[0].1;
        assert_eq!(first.issues, whole.issues[..100]);
        assert_eq!(first.title, whole.title);
        assert_eq!(first.next.as_deref(), Some("index-2.json"));
        assert_eq!(pages[1].1.next.as_deref(), Some("index-3.json"));
        assert_eq!(pages[2].1.next, None);
        assert_eq!(pages[1].1.title, None);
        assert_eq!(first.pages.len(), 2);
        assert_eq!(first.pages[1].issues, 50);
        assert_eq!(first.pages[0].newest, whole.issues[100].date);
        assert_eq!(first.pages[0].oldest, whole.issues[199].date);
        // Issues 150, 140… 10 are in folders; only those on later pages are listed.
        assert_eq!(first.files.len(), 15);
        assert_eq!(
            first.files[&Id::new("w-00010").unwrap()].as_str(),
            "2022/w-00010.json"
        );
        assert!(first.files.keys().all(|id| first.find(id).is_none()));
    }

    #[test]
    fn pages_loaded_in_any_order_give_back_the_whole_catalog() {
        let whole = catalog(1000);
        let pages = written(&paginate(&whole, 100));
        let paged = PagedCatalog::new(pages[0].clone());
        assert_eq!(paged.total(), 1000);
        assert_eq!(paged.entries().len(), 100);
        assert!(!paged.complete());
        let paged = load_all(paged, &pages, &[8, 2, 0, 5, 1, 3, 7, 6, 4]);
        assert!(paged.complete());
        assert!(paged.entries() == whole.issues);
        assert_eq!(paged.total(), 1000);
    }

    #[test]
    fn a_year_asks_for_the_pages_that_reach_into_it_once() {
        let whole = catalog(1000);
        let pages = written(&paginate(&whole, 100));
        let mut paged = PagedCatalog::new(pages[0].clone());
        assert_eq!(paged.years(), (2007..=2026).rev().collect::<Vec<u16>>());
        // 2010 is weeks 832 to 883: pages 9 (800–899), the eighth later page.
        let asked = paged.ask_year(2010);
        assert_eq!(asked, [(7, IssuePath::new("index-9.json").unwrap())]);
        assert!(paged.ask_year(2010).is_empty());
        // A jump waits for the page even while another fetch has it on its way.
        assert_eq!(paged.ask_year_again(2010).len(), 1);
        paged.failed(7);
        assert_eq!(paged.ask_year(2010).len(), 1);
        paged.add_page(7, pages[8].clone());
        assert_eq!(paged.years(), (2007..=2026).rev().collect::<Vec<u16>>());
        let newest = paged.newest_in(2010).unwrap();
        assert_eq!(newest.date.year(), 2010);
        assert_eq!(newest.id.as_str(), "w-00168");
        // The oldest issue's page, by its date.
        let oldest = &whole.issues[999];
        assert_eq!(paged.ask_date(&oldest.date)[0].1.as_str(), "index-10.json");
    }

    #[test]
    fn an_issue_not_loaded_yet_is_found_by_the_files_map_or_the_naming_rule() {
        let whole = catalog(250);
        let pages = written(&paginate(&whole, 100));
        let paged = PagedCatalog::new(pages[0].clone());
        assert_eq!(paged.file_of("w-00249").unwrap().as_str(), "w-00249.json");
        assert_eq!(
            paged.file_of("w-00250").unwrap().as_str(),
            "2026/w-00250.json"
        );
        assert_eq!(
            paged.file_of("w-00010").unwrap().as_str(),
            "2022/w-00010.json"
        );
        assert_eq!(paged.file_of("w-00001").unwrap().as_str(), "w-00001.json");
        assert_eq!(paged.file_of("../x"), None);
        let paged = load_all(paged, &pages, &[0, 1]);
        assert_eq!(paged.file_of("w-00001").unwrap().as_str(), "w-00001.json");
        assert_eq!(paged.file_of("nope"), None);
    }

    #[test]
    fn an_issue_on_two_pages_is_kept_once_and_reported() {
        let whole = catalog(200);
        let mut pages = written(&paginate(&whole, 100));
        pages[1].issues[0] = pages[0].issues[5].clone();
        let mut paged = PagedCatalog::new(pages[0].clone());
        paged.ask_all();
        let problems = paged.add_page(0, pages[1].clone());
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "index-2.json: issues: the issue \"w-00195\" is also listed on another page; this entry is left out"
        );
        assert_eq!(paged.entries().len(), 199);
    }

    #[test]
    fn a_broken_page_is_left_out_with_a_warning_and_the_rest_is_read() {
        let json = r#"{"format": "newsletter-catalog/1.1",
            "issues": [{"id": "a", "file": "a.json", "date": "2026-01"}],
            "next": "index-2.json",
            "pages": [{"file": "../x.json", "newest": "2025-12", "oldest": "2025-01", "issues": 3},
                      {"file": "index-3.json", "newest": "2024-12", "oldest": "2024-01", "issues": 2}],
            "files": {"b": "2024/b.json"}}"#;
        let parsed = parse_catalog("index.json", json).unwrap();
        let paged = PagedCatalog::new(parsed.value);
        assert_eq!(paged.catalog().pages.len(), 1);
        assert_eq!(paged.total(), 3);
        assert_eq!(paged.file_of("b").unwrap().as_str(), "2024/b.json");
        assert_eq!(parsed.warnings.len(), 1);
        assert!(
            parsed.warnings[0]
                .to_string()
                .starts_with("index.json: pages[0].file: invalid file"),
            "{}",
            parsed.warnings[0]
        );
    }

    #[test]
    fn a_view_shows_the_issue_it_names_or_else_the_newest() {
        let parsed = parse_catalog(
            "index.json",
            r#"{"format":"newsletter-catalog/1","issues":[
                {"id":"old","file":"old.json","date":"2020-12-01"},
                {"id":"new","file":"new.json","date":"2021-01"}]}"#,
        )
        .unwrap();
        let paged = PagedCatalog::new(parsed.value);
        let shown = |id| paged.file_shown(id).map(|file| file.to_string());
        assert_eq!(shown(None).as_deref(), Some("new.json"));
        assert_eq!(shown(Some("old")).as_deref(), Some("old.json"));
        assert_eq!(shown(Some("gone")), None);
    }

    #[test]
    fn page_names_are_kept_for_pages() {
        assert_eq!(page_name(1), "index.json");
        assert_eq!(page_name(12), "index-12.json");
        assert!(is_page_name("index-12.json"));
        for name in [
            "index.json",
            "index-.json",
            "index-2a.json",
            "2021/index-2.json",
            "x-2.json",
        ] {
            assert!(!is_page_name(name), "{name}");
        }
    }
}
