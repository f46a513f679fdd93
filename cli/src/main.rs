//! `newsletter`: the publishers' tool. It reads and writes the data files with the viewer's
//! own types and reader (`newsletter-core`), so the two never disagree.
//!
//! Exit codes: 0 done (or clean), 1 a problem in the files or on disk, 2 bad usage.

mod archive;
mod catalog;
mod check;
mod feeds;
mod html;
mod index;
mod new;
mod pages;
mod report;
mod site;
mod snapshot;
mod write;
mod xml;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use newsletter_core::model::{Date, HttpUrl, Id};
use newsletter_core::{Catalog, CatalogEntry, Issue};

use crate::archive::{Archive, CATALOG};
use crate::report::{Report, Severity};
use crate::site::Site;
use crate::write::{write_all, Output};

#[derive(Parser)]
#[command(
    name = "newsletter",
    version,
    about = "Check and publish the JSON files of a bilingual newsletter viewer"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The folder of issue files and their catalog (`index.json`).
const DIR: &str = "public/issues";
/// The most entries a feed holds unless told otherwise.
const FEED_LIMIT: usize = 100;

#[derive(Subcommand)]
enum Command {
    /// Read the catalog and every issue file as the viewer would, and check that they agree
    Check {
        #[arg(default_value = DIR)]
        dir: PathBuf,
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the catalog (index.json) from the issue files, newest first, in pages when long
    Catalog {
        #[arg(default_value = DIR)]
        dir: PathBuf,
        /// Write nothing; fail if the catalog on disk is out of date
        #[arg(long)]
        check: bool,
        /// The most issues in one catalog file; a longer catalog is written in pages (by
        /// default as many as the current catalog's first page, else 100)
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        page_size: Option<u16>,
    },
    /// Check, then write the catalog, schemas, feeds, static pages, search index and snapshot
    Publish {
        #[arg(default_value = DIR)]
        dir: PathBuf,
        /// Where the viewer is published, e.g. https://example.org/newsletter/
        #[arg(long, value_parser = site_url)]
        site_url: String,
        /// The most issues in one catalog file; a longer catalog is written in pages (by
        /// default as many as the current catalog's first page, else 100)
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        page_size: Option<u16>,
    },
    /// Write the JSON Schemas of the issue file and of the catalog
    Schema {
        #[arg(default_value = "public/schema")]
        out: PathBuf,
    },
    /// Start a new issue from the newest one, and list it in the catalog
    New {
        /// The new issue's id, e.g. cyber-042 (also its file name)
        #[arg(long, value_parser = |s: &str| Id::new(s))]
        id: Id,
        /// Its date, YYYY-MM-DD or YYYY-MM
        #[arg(long, value_parser = |s: &str| Date::new(s))]
        date: Date,
        #[arg(default_value = DIR)]
        dir: PathBuf,
    },
    /// Write JSON Feed and Atom feeds: the archive's and one per jurisdiction
    Feeds {
        #[arg(default_value = DIR)]
        dir: PathBuf,
        /// Where the viewer is published, e.g. https://example.org/newsletter/
        #[arg(long, value_parser = site_url)]
        site_url: String,
        /// The most entries a feed holds
        #[arg(long, default_value_t = FEED_LIMIT)]
        limit: usize,
        /// Where to write the feeds; by default beside the issues folder (its parent)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write a static HTML page per issue, an archive page, sitemap.xml and robots.txt
    Pages {
        #[arg(default_value = DIR)]
        dir: PathBuf,
        /// Where the viewer is published, e.g. https://example.org/newsletter/
        #[arg(long, value_parser = site_url)]
        site_url: String,
    },
    /// Write the archive's search index, split into shards, to search/ beside the issues folder
    Index {
        #[arg(default_value = DIR)]
        dir: PathBuf,
    },
    /// Write the newest issue into the viewer's index.html, readable before the viewer starts
    Snapshot {
        #[arg(default_value = DIR)]
        dir: PathBuf,
        /// The viewer's page; by default index.html beside the issues folder (its parent)
        #[arg(long)]
        page: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            dir,
            strict,
            format,
        } => run_check(&dir, strict, format),
        Command::Catalog {
            dir,
            check,
            page_size,
        } => run_catalog(&dir, check, page_size),
        Command::Schema { out } => run_schema(&out),
        Command::Publish {
            dir,
            site_url,
            page_size,
        } => run_publish(&dir, &site_url, page_size),
        Command::New { id, date, dir } => run_new(&dir, id, date),
        Command::Feeds {
            dir,
            site_url,
            limit,
            out,
        } => run_feeds(&dir, &site_url, limit, out.as_deref()),
        Command::Pages { dir, site_url } => run_pages(&dir, &site_url),
        Command::Snapshot { dir, page } => run_snapshot(&dir, page.as_deref()),
        Command::Index { dir } => run_index(&dir),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("newsletter: {message}");
            ExitCode::from(1)
        }
    }
}

type Outcome = Result<ExitCode, String>;

fn run_check(dir: &Path, strict: bool, format: Format) -> Outcome {
    let mut archive = Archive::read(dir)?;
    let mut report = std::mem::take(&mut archive.report);
    check::cross_check(&archive, &mut report);
    match format {
        Format::Text => {
            print!("{}", report.text());
            eprintln!(
                "{}: {} issue files, {}",
                dir.display(),
                archive.issues.len(),
                report.summary()
            );
        }
        Format::Json => print!("{}", report.json()),
    }
    let failed = report.has_errors() || (strict && report.count(Severity::Warning) > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The archive's problems, printed; an error if any of them is one.
fn refuse_errors(report: &Report, what: &str) -> Result<(), String> {
    eprint!("{}", report.text());
    if report.has_errors() {
        return Err(format!("{what}: {}; nothing was written", report.summary()));
    }
    Ok(())
}

/// The catalog of `archive`'s issue files, refused when any of them has an error. The current
/// catalog's own problems do not matter: it is being replaced.
fn rebuilt_catalog(archive: &Archive) -> Result<Catalog, String> {
    let mut report = Report {
        findings: archive.report.findings.clone(),
    };
    let catalog = catalog::build(archive, &mut report);
    report.findings.retain(|f| f.file != CATALOG);
    refuse_errors(&report, &archive.dir.join(CATALOG).display().to_string())?;
    Ok(catalog)
}

/// Where the site's own files go: the issues folder's parent.
fn site_root(dir: &Path) -> &Path {
    dir.parent().unwrap_or(Path::new("."))
}

fn run_catalog(dir: &Path, check_only: bool, page_size: Option<u16>) -> Outcome {
    let archive = Archive::read(dir)?;
    let catalog = rebuilt_catalog(&archive)?;
    let outputs = catalog::outputs(dir, &catalog, archive.page_size(page_size));
    let stale = catalog::stale_pages(dir, &outputs);
    if check_only {
        let out_of_date: Vec<&Path> = outputs
            .iter()
            .filter(|output| !output.is_current())
            .map(|output| output.path.as_path())
            .chain(stale.iter().map(PathBuf::as_path))
            .collect();
        if out_of_date.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        for path in out_of_date {
            eprintln!(
                "{}: out of date; `newsletter catalog` rewrites it",
                path.display()
            );
        }
        return Ok(ExitCode::from(1));
    }
    report_written(&write_all(&outputs)?);
    write::remove(&stale)?;
    report_removed(&stale);
    Ok(ExitCode::SUCCESS)
}

/// Everything a site needs from its issues folder, from one reading of it: the issues
/// checked, then the catalog, schemas, feeds, static pages, search index and the viewer's
/// snapshot written. Nothing is written when an issue has an error.
fn run_publish(dir: &Path, site_url: &str, page_size: Option<u16>) -> Outcome {
    let started = std::time::Instant::now();
    let mut archive = Archive::read(dir)?;
    // The issues' problems are printed here, once; the catalog's no longer count, as it is
    // written again.
    let catalog = rebuilt_catalog(&archive)?;
    archive
        .report
        .findings
        .retain(|f| f.file != CATALOG && !newsletter_core::paging::is_page_name(&f.file));
    let outputs = catalog::outputs(dir, &catalog, archive.page_size(page_size));
    let stale = catalog::stale_pages(dir, &outputs);
    report_written(&write_all(&outputs)?);
    write::remove(&stale)?;
    report_removed(&stale);
    archive.catalog = Some(catalog);
    let root = site_root(dir);
    eprintln!(
        "read and catalogued: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let timed = |part: &str, step: &dyn Fn() -> Outcome| -> Outcome {
        let started = std::time::Instant::now();
        let outcome = step()?;
        eprintln!("{part}: {:.1} s", started.elapsed().as_secs_f64());
        Ok(outcome)
    };
    timed("schemas", &|| run_schema(&root.join("schema")))?;
    timed("feeds", &|| feeds(&archive, site_url, FEED_LIMIT, None))?;
    timed("pages", &|| pages(&archive, site_url))?;
    timed("index", &|| index(&archive))?;
    if root.join("index.html").exists() {
        timed("snapshot", &|| snapshot(&archive, None))?;
    }
    eprintln!(
        "published {} issues in {:.1} s",
        archive.issues.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_schema(out: &Path) -> Outcome {
    let outputs: Vec<Output> = newsletter_core::schema::schemas()
        .iter()
        .map(|(name, schema)| Output::new(out.join(name), write::json_bytes(schema)))
        .collect();
    report_written(&write_all(&outputs)?);
    Ok(ExitCode::SUCCESS)
}

fn run_new(dir: &Path, id: Id, date: Date) -> Outcome {
    let mut archive = Archive::read(dir)?;
    let file = format!("{id}.json");
    if dir.join(&file).exists() {
        return Err(format!("{}: already exists", dir.join(&file).display()));
    }
    if let Some((other, _)) = archive.readable().find(|(_, issue)| issue.id == id) {
        return Err(format!("the id \"{id}\" is already the id of {other}"));
    }
    // The newest issue by date that can be read is the one to follow.
    let previous = archive
        .readable()
        .filter(|(_, issue)| issue.date.is_some())
        .max_by(|(_, a), (_, b)| (&a.date, a.number).cmp(&(&b.date, b.number)))
        .map(|(_, issue)| issue.clone());
    let issue = new::skeleton(id, date, previous.as_ref());
    archive.issues.insert(file.clone(), Some(issue.clone()));
    let catalog = rebuilt_catalog(&archive)?;
    let mut outputs = vec![Output::new(dir.join(&file), new::bytes(&issue))];
    outputs.extend(catalog::outputs(dir, &catalog, archive.page_size(None)));
    let stale = catalog::stale_pages(dir, &outputs);
    report_written(&write_all(&outputs)?);
    write::remove(&stale)?;
    report_removed(&stale);
    Ok(ExitCode::SUCCESS)
}

fn run_feeds(dir: &Path, site_url: &str, limit: usize, out: Option<&Path>) -> Outcome {
    feeds(&read_printed(dir)?, site_url, limit, out)
}

/// The archive in `dir`, its problems printed.
fn read_printed(dir: &Path) -> Result<Archive, String> {
    let archive = Archive::read(dir)?;
    eprint!("{}", archive.report.text());
    Ok(archive)
}

fn feeds(archive: &Archive, site_url: &str, limit: usize, out: Option<&Path>) -> Outcome {
    let dir = archive.dir.as_path();
    let (catalog, listed) = published(archive)?;
    let issues: Vec<&Issue> = listed.iter().map(|(_, issue)| *issue).collect();
    let entries = feeds::entries(&issues);
    let site = Site {
        url: site_url,
        catalog,
    };
    let out = out.unwrap_or(site_root(dir));
    report_written(&write_all(&feeds::all(&site, &entries, out, limit))?);
    Ok(ExitCode::SUCCESS)
}

/// A catalog entry and the issue in its file.
pub type Listed<'a> = (&'a CatalogEntry, &'a Issue);

/// The catalog of an archive without errors, and its entries whose file could be read, with
/// their issues, in the catalog's order (newest first).
fn published(archive: &Archive) -> Result<(&Catalog, Vec<Listed<'_>>), String> {
    if archive.report.has_errors() {
        return Err(format!(
            "{}: {}; nothing was written",
            archive.dir.display(),
            archive.report.summary()
        ));
    }
    let Some(catalog) = &archive.catalog else {
        return Err(format!(
            "{}: no catalog",
            archive.dir.join(CATALOG).display()
        ));
    };
    let issues = catalog
        .issues
        .iter()
        .filter_map(|entry| Some((entry, archive.issues.get(entry.file.as_str())?.as_ref()?)))
        .collect();
    Ok((catalog, issues))
}

fn run_pages(dir: &Path, site_url: &str) -> Outcome {
    pages(&read_printed(dir)?, site_url)
}

fn pages(archive: &Archive, site_url: &str) -> Outcome {
    let dir = archive.dir.as_path();
    let (catalog, listed) = published(archive)?;
    let site = Site {
        url: site_url,
        catalog,
    };
    let issues: Vec<&Issue> = listed.iter().map(|(_, issue)| *issue).collect();
    let mut outputs: Vec<Output> = issues
        .iter()
        .map(|issue| {
            Output::new(
                dir.join(pages::page_name(issue)),
                pages::issue_page(&site, issue),
            )
        })
        .collect();
    outputs.push(Output::new(
        dir.join("index.html"),
        pages::archive_page(&site, &listed),
    ));
    let root = site_root(dir);
    outputs.push(Output::new(
        root.join("sitemap.xml"),
        pages::sitemap(&site, &issues),
    ));
    outputs.push(Output::new(root.join("robots.txt"), pages::robots(&site)));
    report_written(&write_all(&outputs)?);
    Ok(ExitCode::SUCCESS)
}

fn run_index(dir: &Path) -> Outcome {
    index(&read_printed(dir)?)
}

fn index(archive: &Archive) -> Outcome {
    let dir = archive.dir.as_path();
    let (_, listed) = published(archive)?;
    let out = site_root(dir).join(index::FOLDER);
    let (manifest, outputs) = index::build(&listed, &out);
    let written = write::write_many(&outputs)?;
    let stale = index::stale(&out, &outputs);
    write::remove(&stale)?;
    let bytes: usize = outputs.iter().map(|o| o.bytes.len()).sum();
    eprintln!(
        "{}: {} issues, {} shards, {} files, {:.1} MB; {} written, {} removed",
        out.display(),
        manifest.issues,
        manifest.chars as usize + manifest.pairs as usize + manifest.words.len(),
        outputs.len(),
        bytes as f64 / 1e6,
        written.len(),
        stale.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_snapshot(dir: &Path, page: Option<&Path>) -> Outcome {
    snapshot(&read_printed(dir)?, page)
}

fn snapshot(archive: &Archive, page: Option<&Path>) -> Outcome {
    let dir = archive.dir.as_path();
    let (catalog, _) = published(archive)?;
    let page = page.map_or_else(|| site_root(dir).join("index.html"), Path::to_owned);
    let text = std::fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    // The issue the viewer opens: the catalog's newest, whether or not its file reads.
    let newest = catalog.newest().map(|entry| {
        let issue = archive.issues.get(entry.file.as_str()).cloned().flatten();
        (entry, issue)
    });
    let warned = |file: &str| {
        archive
            .report
            .findings
            .iter()
            .any(|f| f.severity == Severity::Warning && (f.file == file || f.file == CATALOG))
    };
    let written = match newest {
        Some((entry, Some(issue))) => {
            match snapshot::refusal(&issue, warned(entry.file.as_str())) {
                None => snapshot::insert(&text, catalog, entry, &issue),
                Some(reason) => {
                    eprintln!("no snapshot of {}: {reason}", entry.file);
                    snapshot::replace(&text, "")
                }
            }
        }
        Some((entry, None)) => {
            eprintln!("no snapshot: {} cannot be read", entry.file);
            snapshot::replace(&text, "")
        }
        None => snapshot::replace(&text, ""),
    };
    let Some(written) = written else {
        return Err(format!(
            "{}: no place for the snapshot (the comments {} and {})",
            page.display(),
            snapshot::START,
            snapshot::END
        ));
    };
    report_written(&write_all(&[Output::new(page, written)])?);
    Ok(ExitCode::SUCCESS)
}

/// The site's address: an absolute http(s) URL, ending in `/` (the viewer's folder).
fn site_url(value: &str) -> Result<String, String> {
    let url = HttpUrl::new(value)?;
    let mut url = url.to_string();
    if url.contains(['?', '#']) {
        return Err("the site's address has no query or fragment".to_owned());
    }
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

fn report_removed(paths: &[PathBuf]) {
    for path in paths {
        eprintln!("removed {}", path.display());
    }
}

fn report_written(paths: &[&Path]) {
    if paths.is_empty() {
        eprintln!("up to date; nothing written");
    }
    for path in paths {
        eprintln!("wrote {}", path.display());
    }
}
