//! Peak heap while reading an issue or catalog file, and what stays after: the memory side
//! of the benchmark (bench/BENCHMARKS.md), measured natively with a counting allocator, so
//! it can be compared across changes to the reader without a browser.
//!
//!     cargo run --release -p newsletter-core --example parse_memory -- FILE.json [catalog]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: parse_memory FILE.json [catalog]");
    let catalog = args.next().as_deref() == Some("catalog");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let bytes = text.len();
    // The peak is measured above the text; what stays is the model alone (the text is
    // dropped once read, as in the viewer).
    let before = NOW.load(Relaxed) - bytes;
    PEAK.store(NOW.load(Relaxed), Relaxed);
    let started = std::time::Instant::now();
    let kept = if catalog {
        let parsed = newsletter_core::parse_catalog("file", &text).expect("parses");
        let after = NOW.load(Relaxed);
        drop(parsed);
        after
    } else {
        let parsed = newsletter_core::parse_issue("file", &text).expect("parses");
        let after = NOW.load(Relaxed);
        drop(parsed);
        after
    };
    let mb = |bytes: usize| bytes as f64 / 1e6;
    println!(
        "{path}: text {:.1} MB; reading took {:.1} ms; peak {:.1} MB above the text; the model keeps {:.1} MB",
        mb(bytes),
        started.elapsed().as_secs_f64() * 1e3,
        mb(PEAK.load(Relaxed) - before - bytes),
        mb(kept - before - bytes),
    );
}
