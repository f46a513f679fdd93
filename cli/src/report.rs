//! What a command found wrong: problems in the viewer's own wording (`file: place: message`),
//! each an error or a warning, printed as text or as JSON.

use std::fmt;

use newsletter_core::{LoadError, Parsed, Problem};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The viewer cannot show the file, or the archive contradicts itself.
    Error,
    /// Something is left out or will surprise a reader; the rest shows.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub place: String,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let problem = Problem {
            file: self.file.clone(),
            place: self.place.clone(),
            message: self.message.clone(),
        };
        write!(f, "{severity}: {problem}")
    }
}

/// Every finding of one run, in the order found.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn add(&mut self, severity: Severity, file: &str, place: &str, message: String) {
        self.findings.push(Finding {
            severity,
            file: file.to_owned(),
            place: place.to_owned(),
            message,
        });
    }

    pub fn error(&mut self, file: &str, place: &str, message: String) {
        self.add(Severity::Error, file, place, message);
    }

    pub fn warning(&mut self, file: &str, place: &str, message: String) {
        self.add(Severity::Warning, file, place, message);
    }

    /// The reader's warnings about one file.
    pub fn warnings(&mut self, warnings: &[Problem]) {
        for problem in warnings {
            self.warning(&problem.file, &problem.place, problem.message.clone());
        }
    }

    /// What the reader made of a file: its value, with its warnings reported; or nothing,
    /// with the reason reported.
    pub fn kept<T>(&mut self, read: Result<Parsed<T>, LoadError>) -> Option<T> {
        match read {
            Ok(parsed) => {
                self.warnings(&parsed.warnings);
                Some(parsed.value)
            }
            Err(error) => {
                self.load_error(&error);
                None
            }
        }
    }

    /// A file the reader refused, in its message's words.
    pub fn load_error(&mut self, error: &LoadError) {
        match error {
            LoadError::Invalid(problem) => {
                self.error(&problem.file, &problem.place, problem.message.clone())
            }
            // The other kinds name their file in their message; say it once.
            other => {
                let message = other.to_string();
                let (file, message) = message.split_once(": ").unwrap_or(("", &message));
                self.error(file, "", message.to_owned());
            }
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// "2 errors, 1 warning".
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| match n {
            1 => format!("1 {word}"),
            n => format!("{n} {word}s"),
        };
        format!(
            "{}, {}",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning")
        )
    }

    /// The findings as printed on the terminal, one per line.
    pub fn text(&self) -> String {
        self.findings.iter().map(|f| format!("{f}\n")).collect()
    }

    /// The findings for a machine: `{"errors": n, "warnings": n, "findings": [...]}`.
    pub fn json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            errors: usize,
            warnings: usize,
            findings: &'a [Finding],
        }
        let out = Out {
            errors: self.count(Severity::Error),
            warnings: self.count(Severity::Warning),
            findings: &self.findings,
        };
        serde_json::to_string_pretty(&out).expect("findings serialize") + "\n"
    }
}
