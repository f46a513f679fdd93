//! `newsletter index`: the archive's search index, prebuilt and split into shards
//! (`newsletter_core::search::prebuilt`), written to `search/` beside the issues folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use newsletter_core::search::prebuilt::{Builder, Manifest};
use walkdir::WalkDir;

use crate::write::{json_bytes, Output};
use crate::Listed;

/// The index's folder name, beside the issues folder.
pub const FOLDER: &str = "search";

/// Every file of the index for the issues `listed` (the catalog's, newest first), under
/// `out`, with the manifest. The older half of the archive is indexed on a second thread.
pub fn build(listed: &[Listed<'_>], out: &Path) -> (Manifest, Vec<Output>) {
    let (newer, older) = listed.split_at(listed.len() / 2);
    let docs: usize = newer.iter().map(|(_, issue)| issue.items().count()).sum();
    let part = |mut builder: Builder, part: &[Listed<'_>]| {
        let mut outputs = Vec::new();
        for (entry, issue) in part {
            for (path, fragment) in builder.add_issue(entry, issue, listed.len()) {
                let bytes = serde_json::to_vec(&fragment).expect("fragments serialize");
                outputs.push(Output::new(out.join(path), bytes));
            }
        }
        (builder, outputs)
    };
    let ((mut builder, mut outputs), (later, more)) = std::thread::scope(|scope| {
        let later = scope.spawn(|| part(Builder::following(newer.len(), docs as u32), older));
        let first = part(Builder::new(), newer);
        (
            first,
            later.join().expect("the indexing thread does not panic"),
        )
    });
    builder.append(later);
    outputs.extend(more);
    let (manifest, files) = builder.finish();
    outputs.extend(
        files
            .into_iter()
            .map(|(path, bytes)| Output::new(out.join(path), bytes)),
    );
    outputs.push(Output::new(out.join("index.json"), json_bytes(&manifest)));
    (manifest, outputs)
}

/// Files under `out` that are not among `outputs`: left from an earlier, larger index.
pub fn stale(out: &Path, outputs: &[Output]) -> Vec<PathBuf> {
    let keep: BTreeSet<&Path> = outputs.iter().map(|o| o.path.as_path()).collect();
    WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file() && !keep.contains(entry.path()))
        .map(|entry| entry.into_path())
        .collect()
}
