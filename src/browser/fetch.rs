//! Fetching the data files with gloo-net. A file arrives as text; reading it is the core's
//! (`newsletter_core::parse`), so every decoding and validation case is tested natively.

use gloo_net::http::{Request, Response};
use js_sys::{Map, Promise, Reflect, Uint8Array};
use newsletter_core::parse::{check_size, MAX_FILE_BYTES};
use newsletter_core::LoadError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{offline, window};

/// Fetches `url` (relative to the page) as UTF-8 text, bad sequences read as U+FFFD as the
/// browser's own `text()` would. `file` names it in error messages.
///
/// The request is a plain GET with the browser's default caching, as are those index.html's
/// script starts ahead ([`take_early`]), so the host's cache headers apply. A file larger
/// than [`MAX_FILE_BYTES`] is refused before its body is read when the server says its
/// size, and as soon as that much has arrived when it does not.
///
/// When the host cannot be reached, the copy kept for offline reading is read, if there is
/// one. (The service worker answers with it too, but a page opened before the worker
/// started is not the worker's.)
pub async fn fetch_text(url: &str, file: &str) -> Result<String, LoadError> {
    let sent = match take_early(url) {
        Some(request) => JsFuture::from(request)
            .await
            .and_then(|response| response.dyn_into::<web_sys::Response>())
            .map(Response::from)
            .map_err(|error| js_message(&error)),
        None => Request::get(url)
            .send()
            .await
            .map_err(|error| error.to_string()),
    };
    let response = match sent {
        Ok(response) => response,
        Err(detail) => match offline::kept_copy(url).await {
            Some(kept) => Response::from(kept),
            None => return Err(network(file, detail)),
        },
    };
    if !response.ok() {
        return Err(LoadError::Http {
            file: file.to_owned(),
            status: response.status(),
        });
    }
    let declared = response.headers().get("content-length");
    if let Some(bytes) = declared.and_then(|len| len.trim().parse::<u64>().ok()) {
        check_size(file, bytes)?;
    }
    let bytes = read_body(&response, file).await?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    })
}

/// The body's bytes, given up past [`MAX_FILE_BYTES`]. A connection dropped mid-body is a
/// network error.
///
/// The chunks stay in the page's memory while they arrive and are copied into wasm memory
/// once, into a buffer of the body's exact size: a buffer grown as they arrive would reach up
/// to twice the file's size, and wasm memory keeps its largest size for the page's life.
async fn read_body(response: &Response, file: &str) -> Result<Vec<u8>, LoadError> {
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut chunks = Vec::new();
    let mut length = 0;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|error| network(file, js_message(&error)))?
            .unchecked_into::<web_sys::ReadableStreamReadResult>();
        if chunk.get_done().unwrap_or(true) {
            break;
        }
        let chunk: Uint8Array = chunk.get_value().unchecked_into();
        length += chunk.length() as usize;
        if length as u64 > MAX_FILE_BYTES {
            let _ = reader.cancel();
            return Err(LoadError::TooLarge {
                file: file.to_owned(),
                bytes: None,
            });
        }
        chunks.push(chunk);
    }
    let mut bytes = vec![0; length];
    let mut at = 0;
    for chunk in chunks {
        let end = at + chunk.length() as usize;
        chunk.copy_to(&mut bytes[at..end]);
        at = end;
    }
    Ok(bytes)
}

/// Takes over the request for `url` that index.html's script started ahead of its use, if
/// it did: the script requests the catalog and the issue the page opens (`window.nvEarly`,
/// a `Map` by URL), so that both download while the viewer's own files do. Either way
/// `url` is marked as asked for by the viewer, so that the script, if it is still reading
/// a slow catalog, does not request the same issue again.
fn take_early(url: &str) -> Option<Promise> {
    let early: Map = Reflect::get(&window(), &JsValue::from_str("nvEarly"))
        .ok()?
        .dyn_into()
        .ok()?;
    let url = JsValue::from_str(url);
    let request = early.get(&url);
    early.set(&url, &JsValue::TRUE);
    request.dyn_into().ok()
}

/// A request of `file` that did not complete (offline, dropped, blocked): trying again may
/// help. Offline, the file was not kept for offline reading (the service worker answers
/// with the kept copy when there is one).
fn network(file: &str, detail: String) -> LoadError {
    let file = file.to_owned();
    if offline::online() {
        LoadError::Network { file, detail }
    } else {
        LoadError::Offline { file }
    }
}

fn js_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".to_owned())
}
