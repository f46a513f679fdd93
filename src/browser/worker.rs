//! The search worker (a second wasm binary trunk builds: `worker/`), from the page's side.
//! Started once, when search is first needed, so its download is not part of the page's
//! start; asked and answering in JSON text.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

/// The worker's script, beside the page (worker/loader.js, which loads its wasm).
const SCRIPT: &str = "loader.js";

/// A running worker. Asks posted before it has started are kept, and the newest one is
/// posted when it says it is ready.
pub struct SearchWorker {
    worker: Worker,
    /// `None` once the worker is ready; else the newest ask, waiting.
    waiting: Rc<RefCell<Option<Option<String>>>>,
}

impl SearchWorker {
    /// Starts the worker; each answer goes to `on_answer`, and a worker that cannot start
    /// (its files missing, say) or fails is told to `on_error`.
    pub fn start(
        on_answer: impl Fn(String) + 'static,
        on_error: impl Fn(String) + 'static,
    ) -> Result<SearchWorker, String> {
        let worker = Worker::new(SCRIPT).map_err(|e| format!("{SCRIPT}: {e:?}"))?;
        let waiting: Rc<RefCell<Option<Option<String>>>> = Rc::new(RefCell::new(Some(None)));
        let on_message = {
            let (worker, waiting) = (worker.clone(), waiting.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                if text == "ready" {
                    if let Some(Some(ask)) = waiting.borrow_mut().take() {
                        let _ = worker.post_message(&JsValue::from_str(&ask));
                    }
                } else {
                    on_answer(text);
                }
            })
        };
        let on_failure = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            on_error(format!("{SCRIPT}: the search could not start"))
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_failure.as_ref().unchecked_ref()));
        // They live as long as the worker, which lives as long as the page.
        on_message.forget();
        on_failure.forget();
        Ok(SearchWorker { worker, waiting })
    }

    /// Posts `ask` (JSON text), or keeps it until the worker is ready.
    pub fn post(&self, ask: String) {
        match &mut *self.waiting.borrow_mut() {
            Some(waiting) => *waiting = Some(ask),
            None => {
                let _ = self.worker.post_message(&JsValue::from_str(&ask));
            }
        }
    }
}
