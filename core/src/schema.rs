//! JSON Schemas (draft 2020-12) of the two data files, generated from the model, so that
//! editors can check and complete a file as it is typed (`"$schema"` in the file).
//!
//! The model's derives give the shape; this module adds what the derives cannot see: the
//! rules of the checked strings (as patterns), that a text needs one non-blank language,
//! and the files' `format`. A few rules of the reader cannot be said in a schema, and are
//! listed in `docs/data-format.md`: unique ids, `41.0` refused as a number, the size limit.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;

use crate::model::{Catalog, Code, Date, Day, Email, HttpUrl, Id, Issue, IssuePath, Text};
use crate::parse::{CATALOG_FORMAT, ISSUE_FORMAT};

/// The file name of the issue file's schema.
pub const ISSUE_SCHEMA: &str = "newsletter-issue-1.schema.json";
/// The file name of the catalog's schema.
pub const CATALOG_SCHEMA: &str = "newsletter-catalog-1.schema.json";

/// An issue file as written: its format, the schema an editor should use, and the issue.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "Newsletter issue",
    description = "One issue of a bilingual newsletter."
)]
pub struct IssueFile<'a> {
    /// The schema that describes this file, for editors; the viewer ignores it.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<&'a str>,
    #[schemars(schema_with = "issue_format")]
    pub format: &'a str,
    #[serde(flatten)]
    pub issue: &'a Issue,
}

/// The catalog file as written.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "Newsletter catalog",
    description = "The list of a newsletter's issues, newest first (issues/index.json)."
)]
pub struct CatalogFile<'a> {
    /// The schema that describes this file, for editors; the viewer ignores it.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<&'a str>,
    #[schemars(schema_with = "catalog_format")]
    pub format: &'a str,
    #[serde(flatten)]
    pub catalog: &'a Catalog,
}

/// `format` of a version this reader accepts: `/1`, or a later minor version `/1.x`.
fn format_schema(expected: &str) -> Schema {
    json_schema!({
        "description": "The file's format and version; a later minor version (.1, .2 …) only adds optional fields.",
        "type": "string",
        "pattern": format!("^{expected}(\\.[0-9]+)?$"),
        "default": expected,
    })
}

fn issue_format(_: &mut SchemaGenerator) -> Schema {
    format_schema(ISSUE_FORMAT)
}

fn catalog_format(_: &mut SchemaGenerator) -> Schema {
    format_schema(CATALOG_FORMAT)
}

/// The schema of the issue file and of the catalog, in that order.
pub fn schemas() -> [(&'static str, Schema); 2] {
    let generator = || SchemaSettings::draft2020_12().into_generator();
    [
        (
            ISSUE_SCHEMA,
            generator().into_root_schema_for::<IssueFile>(),
        ),
        (
            CATALOG_SCHEMA,
            generator().into_root_schema_for::<CatalogFile>(),
        ),
    ]
}

/// A checked string's schema: a string matching `pattern`.
macro_rules! string_schema {
    ($name:ident, $pattern:expr, $description:expr) => {
        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description,
                })
            }
        }
    };
}

// Characters the checks refuse in paths and URLs: whitespace, controls, quotes, brackets.
string_schema!(
    Id,
    "^[A-Za-z0-9_-]{1,64}$",
    "1 to 64 characters of A-Z a-z 0-9 _ -"
);
string_schema!(
    Code,
    "^[A-Z]{2}(-[A-Z0-9]{1,3})?$",
    "A jurisdiction: a two-letter country or region (CN, US, EU), or a subdivision (CN-ZJ, US-CA)"
);
string_schema!(
    Date,
    "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$",
    "YYYY-MM-DD or YYYY-MM"
);
string_schema!(
    Day,
    "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    "YYYY-MM-DD"
);
string_schema!(
    IssuePath,
    "^(?!.*(^|/)\\.{1,2}(/|$))[^/\\\\:?#\\p{Cc}]+(/[^/\\\\:?#\\p{Cc}]+)*$",
    "The issue's file: a relative path inside issues/, without \"..\", a scheme or a leading \"/\""
);
string_schema!(
    HttpUrl,
    "^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s\"<>`\\\\\\p{Cc}]+\\s*$",
    "An absolute http: or https: URL"
);
string_schema!(
    Email,
    "^\\s*[^@\\s<>()\\[\\]\\\\,;:\"'\\p{Cc}]+@[^.@\\s<>()\\[\\]\\\\,;:\"'\\p{Cc}][^@\\s<>()\\[\\]\\\\,;:\"'\\p{Cc}]*\\.[^@\\s<>()\\[\\]\\\\,;:\"'\\p{Cc}]*[^.@\\s<>()\\[\\]\\\\,;:\"'\\p{Cc}]\\s*$",
    "An e-mail address"
);

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let language = |name: &str| {
            json_schema!({
                "description": format!("The text in {name}, with inline markup: *emphasis*, [words](https://…), a blank line between paragraphs."),
                "type": ["string", "null"],
            })
        };
        let present = |key: &str| {
            json_schema!({
                "required": [key],
                "properties": { key: { "type": "string", "pattern": "\\S" } },
            })
        };
        json_schema!({
            "description": "A text in Chinese, English or both; at least one is present and not blank.",
            "type": "object",
            "properties": {
                "zh": language("Chinese"),
                "en": language("English"),
            },
            "anyOf": [present("zh"), present("en")],
        })
    }
}

/// The issue's own names for jurisdiction codes: an object keyed by code.
pub(crate) fn names_schema(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "Names of jurisdiction codes for this issue, in both languages, keyed by code.",
        "type": ["object", "null"],
        "propertyNames": generator.subschema_for::<Code>(),
        "additionalProperties": generator.subschema_for::<Text>(),
    })
}

/// The issue's regulators: an object keyed by id (format 1.1).
pub(crate) fn regulators_schema(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The regulators its items name by `regulator_id`, keyed by id (format 1.1).",
        "type": ["object", "null"],
        "propertyNames": generator.subschema_for::<Id>(),
        "additionalProperties": generator.subschema_for::<crate::model::Regulator>(),
    })
}

/// A whole number from 0 to 4,294,967,295; `null` is absent.
pub(crate) fn count_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": 4294967295u64,
    })
}
