//! The viewer's files on the static host: where they are, relative to the page (so the
//! viewer works under any sub-path), and each one loaded into the shared value the views
//! take. Fetching is [`crate::browser::fetch`], reading is `newsletter_core::parse`. Each
//! file read is kept for offline reading ([`Offline`]).

use newsletter_core::model::IssuePath;
use newsletter_core::{parse_catalog, parse_issue, Catalog, Issue, LoadError, Parsed};
use std::sync::Arc;

use crate::browser::fetch::fetch_text;
use crate::offline::Offline;

/// The catalog's file, in `issues/` as the issues are.
pub const CATALOG_FILE: &str = "index.json";

/// Where an issue's file (or a catalog page's) lives, relative to the page.
pub fn issue_url(file: &str) -> String {
    format!("issues/{file}")
}

/// The catalog. (index.html's script has already asked for it, and for the issue the page
/// opens, while the viewer's own files downloaded: see `browser::fetch`.)
pub async fn load_catalog(offline: Offline) -> Result<Parsed<Arc<Catalog>>, LoadError> {
    let text = fetch_text(&issue_url(CATALOG_FILE), CATALOG_FILE).await?;
    let parsed = shared(parse_catalog(CATALOG_FILE, &text)?);
    offline.keep_read(CATALOG_FILE, text);
    Ok(parsed)
}

/// A later page of a paged catalog (`index-2.json`), named by its file in messages.
pub async fn load_page(file: IssuePath, offline: Offline) -> Result<Parsed<Catalog>, LoadError> {
    let text = fetch_text(&issue_url(file.as_str()), file.as_str()).await?;
    let parsed = parse_catalog(file.as_str(), &text)?;
    offline.keep_read(file.as_str(), text);
    Ok(parsed)
}

/// The issue in `file` (the catalog's `file`, which names it in messages).
pub async fn load_issue(
    file: IssuePath,
    offline: Offline,
) -> Result<Parsed<Arc<Issue>>, LoadError> {
    let text = fetch_text(&issue_url(file.as_str()), file.as_str()).await?;
    let parsed = shared(parse_issue(file.as_str(), &text)?);
    offline.keep_read(file.as_str(), text);
    Ok(parsed)
}

/// A read file with its value shared: the views take it without copying it.
pub fn shared<T>(parsed: Parsed<T>) -> Parsed<Arc<T>> {
    Parsed {
        value: Arc::new(parsed.value),
        warnings: parsed.warnings,
    }
}
