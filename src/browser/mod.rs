//! The browser glue, one module per concern. Each function is a thin, fallible wrapper over
//! a browser API; decisions are made in `newsletter_core`, not here.

pub mod crash;
pub mod document;
pub mod fetch;
pub mod location;
pub mod offline;
pub mod region;
pub mod share;
pub mod snapshot;
pub mod storage;
pub mod worker;

fn window() -> web_sys::Window {
    web_sys::window().expect("the viewer runs in a browser window")
}
