//! The one loading and error shape: a resource inside `<Transition>` and `<ErrorBoundary>`.
//! While a first load is pending a loading note shows; while a later one is, the old view
//! stays and a progress bar shows; an error shows its message with a retry where that helps.

use leptos::prelude::*;
use newsletter_core::ui::Ui;
use newsletter_core::LoadError;

use crate::browser;
use crate::components::text::Label;

/// Renders `resource`'s value with `render`, or the loading and error states.
#[component]
pub fn Loaded<T, V, R>(resource: LocalResource<Result<T, LoadError>>, render: R) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let (pending, set_pending) = signal(false);
    view! {
        <div class="nv-progress" class:nv-progress--on=pending aria-hidden="true"></div>
        <Transition
            fallback=|| view! { <p class="nv-loading" role="status"><Label pick=|u: &Ui| u.loading /></p> }
            set_pending
        >
            <ErrorBoundary fallback=move |errors| {
                view! { <ErrorPanel errors=errors retry=move || resource.refetch() /> }
            }>
                {
                    let render = render.clone();
                    move || {
                        let render = render.clone();
                        Suspend::new(async move { resource.await.map(render) })
                    }
                }
            </ErrorBoundary>
        </Transition>
    }
}

/// The reader's view of a load error: what failed, where, and a retry when it can help.
#[component]
fn ErrorPanel(
    errors: ArcRwSignal<Errors>,
    retry: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    // The first content is in place: the page may be painted.
    Effect::new(|_| browser::reveal());
    let list = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| {
                let retryable = error
                    .downcast_ref::<LoadError>()
                    .is_none_or(LoadError::retryable);
                (error.to_string(), retryable)
            })
            .collect::<Vec<_>>()
    };
    let list = Memo::new(move |_| list());
    let can_retry = move || list.with(|l| l.iter().any(|(_, retryable)| *retryable));
    view! {
        <div class="nv-error" role="alert">
            <h1 class="nv-error__title"><Label pick=|u: &Ui| u.load_failed /></h1>
            <ul class="nv-error__list">
                {move || {
                    list.get()
                        .into_iter()
                        .map(|(message, _)| view! { <li><code lang="en">{message}</code></li> })
                        .collect_view()
                }}
            </ul>
            <Show when=can_retry>
                <button type="button" class="nv-button" on:click={
                    let retry = retry.clone();
                    move |_| retry()
                }>
                    <Label pick=|u: &Ui| u.retry />
                </button>
            </Show>
        </div>
    }
}
