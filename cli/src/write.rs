//! Writing a command's outputs: never half a site. Every output is made in memory first;
//! then each goes to a temporary file beside its target and is renamed into place, so a
//! reader of the site sees the old file or the new one, never a part. A file whose bytes
//! would not change is left alone (so a second run changes nothing, not even a date).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One file to write.
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl Output {
    pub fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Output {
        Output {
            path: path.into(),
            bytes: bytes.into(),
        }
    }

    /// Whether the file on disk already holds exactly these bytes.
    pub fn is_current(&self) -> bool {
        fs::read(&self.path).is_ok_and(|bytes| bytes == self.bytes)
    }
}

/// Writes every output that differs from what is on disk; returns the paths written.
pub fn write_all(outputs: &[Output]) -> Result<Vec<&Path>, String> {
    write_each(outputs, true)
}

/// Writes every output that differs from what is on disk, as [`write_all`] does but without
/// waiting for each file to reach the disk: for the thousands of small files of the search
/// index, where that wait would take minutes. Each file is still renamed into place whole.
pub fn write_many(outputs: &[Output]) -> Result<Vec<&Path>, String> {
    // Two at a time: most of the time goes to the file system, not to this program.
    let (a, b) = outputs.split_at(outputs.len() / 2);
    let (a, b) = std::thread::scope(|scope| {
        let b = scope.spawn(|| write_each(b, false));
        (
            write_each(a, false),
            b.join().expect("the writing thread does not panic"),
        )
    });
    let mut written = a?;
    written.extend(b?);
    Ok(written)
}

fn write_each(outputs: &[Output], sync: bool) -> Result<Vec<&Path>, String> {
    let mut written = Vec::new();
    for output in outputs {
        if output.is_current() {
            continue;
        }
        write_one(output, sync).map_err(|error| format!("{}: {error}", output.path.display()))?;
        written.push(output.path.as_path());
    }
    Ok(written)
}

fn write_one(output: &Output, sync: bool) -> std::io::Result<()> {
    let parent = match output.path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newsletter-");
    // A temporary file is readable by its owner only; a site's files are for everyone.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut file = builder.tempfile_in(parent)?;
    file.write_all(&output.bytes)?;
    if sync {
        file.as_file().sync_all()?;
    }
    file.persist(&output.path).map_err(|error| error.error)?;
    Ok(())
}

/// JSON as the tool writes it: two-space indent, a final newline.
pub fn json_bytes<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("the model serializes");
    bytes.push(b'\n');
    bytes
}

/// Removes `paths`; an error names the file.
pub fn remove(paths: &[PathBuf]) -> Result<(), String> {
    for path in paths {
        fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
