//! Entry point: a readable notice on panic, then the viewer mounted on `<body>`.

fn main() {
    newsletter_viewer::browser::install_panic_hook();
    leptos::mount::mount_to_body(newsletter_viewer::App);
}
