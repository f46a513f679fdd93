//! Entry point: a readable panic in the console, then the viewer mounted on `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(newsletter_viewer::App);
}
