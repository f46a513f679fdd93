//! A counter, a `<Show>` and a list: what any Leptos CSR page carries before its
//! own features. Built and measured by bench/floor.mjs.
use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let (count, set_count) = signal(0u32);
    let rows = Memo::new(move |_| {
        (0..count.get())
            .map(|i| format!("row {i}"))
            .collect::<Vec<_>>()
    });
    view! {
        <header>
            <button on:click=move |_| set_count.update(|n| *n += 1)>"+"</button>
            <span class:odd=move || count.get() % 2 == 1>{count}</span>
        </header>
        <Show when=move || { count.get() > 2 } fallback=|| view! { <p>"few"</p> }>
            <p>"many"</p>
        </Show>
        <ul>{move || rows.get().into_iter().map(|row| view! { <li>{row}</li> }).collect_view()}</ul>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
