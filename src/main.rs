//! Entry point: a readable notice on panic, the first paint held until there is content
//! (for at most 250 ms), the catalog's request on its way, then the viewer mounted on
//! `<body>`.

fn main() {
    newsletter_viewer::browser::install_panic_hook();
    newsletter_viewer::browser::defer_first_paint(250);
    newsletter_viewer::browser::fetch_early(newsletter_viewer::components::app::CATALOG_URL);
    leptos::mount::mount_to_body(newsletter_viewer::App);
}
