//! Entry point: a readable notice on panic, the first paint held until there is content
//! (for at most 250 ms), then the viewer mounted on `<body>`. (The catalog and the issue the
//! page opens are already on their way: index.html's script asked for them.)

fn main() {
    newsletter_viewer::browser::crash::install_panic_hook();
    newsletter_viewer::browser::document::defer_first_paint(250);
    leptos::mount::mount_to_body(newsletter_viewer::App);
}
