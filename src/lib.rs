//! A bilingual (Chinese/English) regulatory newsletter viewer that runs entirely in the
//! browser: it fetches a catalog and issues as JSON from the static host it is served from.
//!
//! The rule of this codebase: **logic lives in `newsletter_core`** (model, parsing and
//! validation, inline markup, filter, contents, URL state, the interface's words), plain Rust
//! with no `leptos` or `web_sys`, tested natively. This crate holds thin components over it
//! ([`components`]), the reactive state they share ([`state`]), where the data files are and
//! how they load ([`files`]), and the browser glue ([`browser`]). Components hold no logic
//! worth testing on their own.

pub mod browser;
pub mod components;
pub mod files;
pub mod offline;
pub mod shelf;
pub mod state;

pub use components::app::{App, Viewer};
