//! The viewer's files on the static host: where they are, relative to the page (so the
//! viewer works under any sub-path), and each one loaded into the shared value the views
//! take. Fetching is [`crate::browser::fetch`], reading is `newsletter_core::parse`.

use newsletter_core::model::IssuePath;
use newsletter_core::{parse_catalog, parse_issue, Catalog, Issue, LoadError, Parsed};
use std::sync::Arc;

use crate::browser::fetch::fetch_text;

/// Where the catalog lives, relative to the page.
const CATALOG_URL: &str = "issues/index.json";

/// Where an issue's file lives, relative to the page.
fn issue_url(file: &IssuePath) -> String {
    format!("issues/{file}")
}

/// The catalog. (index.html's script has already asked for it, and for the issue the page
/// opens, while the viewer's own files downloaded: see `browser::fetch`.)
pub async fn load_catalog() -> Result<Parsed<Arc<Catalog>>, LoadError> {
    let text = fetch_text(CATALOG_URL, "index.json").await?;
    Ok(shared(parse_catalog("index.json", &text)?))
}

/// A later page of a paged catalog (`index-2.json`), named by its file in messages.
pub async fn load_page(file: IssuePath) -> Result<Parsed<Catalog>, LoadError> {
    let text = fetch_text(&issue_url(&file), file.as_str()).await?;
    parse_catalog(file.as_str(), &text)
}

/// The issue in `file` (the catalog's `file`, which names it in messages).
pub async fn load_issue(file: IssuePath) -> Result<Parsed<Arc<Issue>>, LoadError> {
    let text = fetch_text(&issue_url(&file), file.as_str()).await?;
    Ok(shared(parse_issue(file.as_str(), &text)?))
}

/// A read file with its value shared: the views take it without copying it.
pub fn shared<T>(parsed: Parsed<T>) -> Parsed<Arc<T>> {
    Parsed {
        value: Arc::new(parsed.value),
        warnings: parsed.warnings,
    }
}
