//! Helpers shared by the command's integration tests: scratch sites and running the binary.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The repository's sample issues folder.
pub fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/issues")
}

/// A scratch site (`site/issues/` holds a copy of the sample) removed when dropped.
pub struct Site {
    root: tempfile::TempDir,
}

impl Site {
    pub fn with_sample() -> Site {
        let root = tempfile::tempdir().unwrap();
        let issues = root.path().join("issues");
        fs::create_dir(&issues).unwrap();
        for entry in fs::read_dir(sample()).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), issues.join(entry.file_name())).unwrap();
        }
        Site { root }
    }

    pub fn issues(&self) -> PathBuf {
        self.root.path().join("issues")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn json(&self, rel: &str) -> Value {
        serde_json::from_str(&self.read(rel)).unwrap()
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn newsletter(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_newsletter"))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

pub fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The sample issue's text with `edit` applied to its JSON.
pub fn sample_issue(edit: impl FnOnce(&mut Value)) -> String {
    let text = fs::read_to_string(sample().join("cyber-041.json")).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    edit(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

/// A site of `n` issues, one a month back from 2026-12, the sample's content in each; every
/// seventh issue is in a folder by year.
pub fn monthly(n: usize) -> Site {
    let site = Site::with_sample();
    fs::remove_file(site.path("issues/cyber-041.json")).unwrap();
    fs::remove_file(site.path("issues/index.json")).unwrap();
    for i in 0..n {
        let (year, month) = (2026 - i / 12, 12 - i % 12);
        let id = format!("m-{:04}", n - i);
        let file = if i % 7 == 3 {
            format!("{year}/{id}.json")
        } else {
            format!("{id}.json")
        };
        site.write(
            &format!("issues/{file}"),
            sample_issue(|v| {
                v["id"] = id.clone().into();
                v["number"] = (n - i).into();
                v["date"] = format!("{year}-{month:02}").into();
            }),
        );
    }
    site
}
