//! The viewer's pure core: everything about a newsletter that can be decided without a
//! browser.
//!
//! This crate holds the data model ([`model`]), reading and validating the JSON files of the
//! data format ([`parse`]), the inline markup of titles and bodies ([`markup`]), the
//! jurisdiction filter ([`filter`]), the issue's content as elements ([`render`]), rendering an
//! issue in steps ([`rendering`]), the view state
//! carried by the page's URL ([`url`]), language choice ([`lang`]), light and dark
//! ([`theme`]), what offline reading keeps ([`offline`]), searching the archive
//! ([`search`]) and the interface's own words ([`ui`]).
//!
//! It must not depend on `leptos`, `web_sys` or anything else that needs a browser: the
//! components in the app crate are thin views over these functions, and every rule worth
//! testing is tested here with plain `cargo test` on the host.

pub mod cite;
pub mod filter;
pub mod lang;
pub mod markup;
pub mod model;
pub mod offline;
pub mod paging;
pub mod parse;
pub mod render;
pub mod rendering;
#[cfg(feature = "schema")]
pub mod schema;
pub mod search;
pub mod theme;
pub mod ui;
pub mod url;

pub use lang::{Lang, LangMode};
pub use model::{Catalog, CatalogEntry, Contact, Issue, Item, Section, Text};
pub use parse::{parse_catalog, parse_issue, LoadError, Parsed, Problem};
