//! The one loading and error shape. A [`Load`] runs a loader whenever what the loader reads
//! changes and keeps the latest result; [`Loaded`] shows it: a loading note before the first
//! result, the old view with a progress bar while a later one is on its way, and an error
//! with its message and a retry where that helps.
//!
//! Why not `LocalResource` inside `<Transition>` and `<ErrorBoundary>`: kept for now because
//! this shape's behaviour is pinned by tests that Leptos' resources would have to be shown
//! to keep, one by one: a result that arrives after a newer load began is dropped (a slow
//! issue never replaces the one chosen after it, `tests/web.rs`); a load can be retried with
//! the same input; the old view stays, under a progress bar, while the next one loads; the
//! request starts during the first render (a render effect), not after it, so it overlaps
//! the page's own start. Moving to the resource idiom is open work on issue 17.

use leptos::prelude::*;
use leptos::task::spawn_local;
use newsletter_core::ui::Ui;
use newsletter_core::LoadError;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use crate::browser::document::reveal;
use crate::components::offline::BothLanguages;
use crate::components::text::Label;

/// A file loaded by a loader that may run again (another issue chosen, a retry).
pub struct Load<T: Send + Sync + 'static> {
    result: RwSignal<Option<Result<T, LoadError>>>,
    pending: RwSignal<bool>,
    retries: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// Calls `start` now and whenever a signal it reads changes. The future it returns
    /// loads the file; `None` means there is nothing to load. A result that arrives after a
    /// newer load began is dropped, so a slow file cannot replace the one chosen after it.
    pub fn new<F>(start: impl Fn() -> Option<F> + 'static) -> Load<T>
    where
        F: Future<Output = Result<T, LoadError>> + 'static,
    {
        let load = Load {
            result: RwSignal::new(None),
            pending: RwSignal::new(false),
            retries: RwSignal::new(0),
        };
        let latest = Rc::new(Cell::new(0u32));
        // A render effect: its first run is now, so the request goes out while the rest of
        // the page renders (an effect would wait until rendering is done). It lives as long
        // as the view that created it.
        let effect = RenderEffect::new(move |_| {
            load.retries.track();
            let ticket = latest.get().wrapping_add(1);
            latest.set(ticket);
            let Some(future) = start() else {
                load.pending.set(false);
                return;
            };
            load.pending.set(true);
            let latest = latest.clone();
            spawn_local(async move {
                let result = future.await;
                if latest.get() == ticket {
                    // Gone with the view that owned it: nothing to show it in.
                    let _ = load.result.try_set(Some(result));
                    let _ = load.pending.try_set(false);
                }
            });
        });
        StoredValue::new_local(effect);
        load
    }

    /// Loads again with the same input.
    pub fn retry(&self) {
        self.retries.update(|n| *n = n.wrapping_add(1));
    }

    /// The latest file read, if there is one (tracked).
    pub fn value(&self) -> Option<T> {
        self.result
            .with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    }
}

/// Shows `load`'s latest result with `render`, or the loading and error states.
#[component]
pub fn Loaded<T, V, R>(load: Load<T>, render: R) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    R: Fn(T) -> V + Send + Sync + 'static,
{
    let reloading = move || load.pending.get() && load.result.with(Option::is_some);
    view! {
        <div class="nv-progress" class:nv-progress--on=reloading aria-hidden="true"></div>
        {move || match load.result.get() {
            None => view! {
                <p class="nv-loading" role="status"><Label pick=|u: &Ui| u.loading /></p>
            }
            .into_any(),
            Some(Ok(value)) => render(value).into_any(),
            Some(Err(error)) => view! { <ErrorPanel error retry=move || load.retry() /> }.into_any(),
        }}
    }
}

/// The reader's view of a load error: what failed, where, and a retry when it can help.
#[component]
fn ErrorPanel(error: LoadError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    // The first content is in place: the page may be painted.
    Effect::new(|_| reveal());
    let retryable = error.retryable();
    // Offline, a file never saved: said in both languages, with where saved issues are.
    let heading = if matches!(error, LoadError::Offline { .. }) {
        view! {
            <h1 class="nv-error__title"><BothLanguages pick=|u: &Ui| u.offline_unsaved /></h1>
            <p><BothLanguages pick=|u: &Ui| u.offline_hint /></p>
        }
        .into_any()
    } else {
        view! { <h1 class="nv-error__title"><Label pick=|u: &Ui| u.load_failed /></h1> }.into_any()
    };
    view! {
        <div class="nv-error" role="alert">
            {heading}
            <ul class="nv-error__list">
                <li><code lang="en">{error.to_string()}</code></li>
            </ul>
            {retryable.then(|| view! {
                <button type="button" class="nv-button" on:click=move |_| retry()>
                    <Label pick=|u: &Ui| u.retry />
                </button>
            })}
        </div>
    }
}
