//! The JSON syntax of the data files, read into a tree that borrows its strings from the
//! file's text, and the typed access the readers in [`crate::parse`] build on.
//!
//! Written for this viewer rather than taken from serde_json: the files are small and of
//! one known shape, and a reader that does only this is a fraction of the wasm and holds
//! only the text and a light tree while it reads (a string without escapes is a slice of
//! the text, not a copy).
//!
//! Strict JSON (RFC 8259): no comments, no trailing commas, no single quotes. Where it
//! differs from serde_json, on purpose: a leading byte-order mark is skipped; a lone UTF-16
//! surrogate in a `\u` escape becomes U+FFFD rather than failing the file; a number is kept
//! as written, its range left to the typed read. Nesting deeper than [`MAX_DEPTH`] is
//! refused, so a hostile file cannot exhaust the stack.

use std::borrow::Cow;
use std::fmt;

/// A JSON value. Object members keep their order; a repeated key is read as its last value
/// (as the browser's `JSON.parse` does).
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// A number as written, checked against JSON's grammar.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// How deep arrays and objects may nest.
pub const MAX_DEPTH: usize = 128;

/// Text that is not JSON: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line and column (in characters) of the problem.
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
    /// The text ended inside a value: the file is probably cut off.
    pub eof: bool,
}

/// Reads `text` as one JSON value (a leading byte-order mark is skipped).
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut parser = Parser {
        text,
        pos: text.strip_prefix('\u{feff}').map_or(0, |_| 3),
        depth: 0,
        elements: Vec::new(),
        members: Vec::new(),
    };
    let read = parser.value().and_then(|value| {
        parser.skip_space();
        if parser.pos < text.len() {
            Err(parser.fail("trailing characters after the JSON value"))
        } else {
            Ok(value)
        }
    });
    read.map_err(|Fail { at, message, eof }| {
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message,
            eof,
        }
    })
}

struct Fail {
    at: usize,
    message: &'static str,
    eof: bool,
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    /// The elements and members of the arrays and objects being read, innermost last. Each
    /// container is moved out at its exact size when it closes: growing a vector per
    /// container would leave a third of the tree as spare capacity, and reallocate on the way.
    elements: Vec<Json<'a>>,
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn fail(&self, message: &'static str) -> Fail {
        Fail {
            at: self.pos,
            message,
            eof: false,
        }
    }

    fn end(&self) -> Fail {
        Fail {
            at: self.text.len(),
            message: "the file ends inside a value",
            eof: true,
        }
    }

    /// `message` at the current byte, or the end-of-file error if there is none.
    fn expected(&self, message: &'static str) -> Fail {
        if self.pos >= self.text.len() {
            self.end()
        } else {
            self.fail(message)
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Json<'a>, Fail> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.expected("expected a value")),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Parser<'a>) -> Result<Json<'a>, Fail>,
    ) -> Result<Json<'a>, Fail> {
        if self.depth == MAX_DEPTH {
            return Err(self.fail("nested more than 128 levels deep"));
        }
        self.depth += 1;
        self.pos += 1;
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    fn word(&mut self, word: &'static str, value: Json<'a>) -> Result<Json<'a>, Fail> {
        let rest = &self.text.as_bytes()[self.pos..];
        if rest.starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else if word.as_bytes().starts_with(rest) {
            Err(self.end())
        } else {
            Err(self.fail("expected a value"))
        }
    }

    /// After a member or element: `,` to go on, or the closing bracket.
    fn after_member(&mut self, close: u8, message: &'static str) -> Result<bool, Fail> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.expected(message)),
        }
    }

    fn array(&mut self) -> Result<Json<'a>, Fail> {
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(Vec::new()));
        }
        let first = self.elements.len();
        loop {
            let value = self.value()?;
            self.elements.push(value);
            if !self.after_member(b']', "expected \",\" or \"]\"")? {
                return Ok(Json::Array(self.elements.drain(first..).collect()));
            }
        }
    }

    fn object(&mut self) -> Result<Json<'a>, Fail> {
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(Vec::new()));
        }
        let first = self.members.len();
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.expected("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.expected("expected \":\""));
            }
            self.pos += 1;
            let value = self.value()?;
            self.members.push((key, value));
            if !self.after_member(b'}', "expected \",\" or \"}\"")? {
                return Ok(Json::Object(self.members.drain(first..).collect()));
            }
        }
    }

    /// A string; the opening quote is at `pos`. Borrowed from the text unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Fail> {
        self.pos += 1;
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            match bytes.get(self.pos) {
                None => return Err(self.end()),
                Some(b'"') => {
                    let last = &self.text[run..self.pos];
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(last),
                        Some(mut s) => {
                            s.push_str(last);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let backslash = self.pos;
                    self.pos += 1;
                    let c = self.escape()?;
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..backslash]);
                    s.push(c);
                    run = self.pos;
                }
                Some(&b) if b < 0x20 => {
                    return Err(self
                        .fail("a control character in a string (write it as an escape, like \\n)"))
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The character of an escape; `pos` is just after the backslash.
    fn escape(&mut self) -> Result<char, Fail> {
        let c = match self.peek() {
            None => return Err(self.end()),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                if !(0xD800..0xDC00).contains(&first) {
                    return Ok(char::from_u32(first).unwrap_or('\u{fffd}'));
                }
                // A high surrogate: a low one must follow to make one character.
                if self.text.as_bytes()[self.pos..].starts_with(b"\\u") {
                    let back = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
                    }
                    self.pos = back;
                }
                return Ok('\u{fffd}');
            }
            Some(_) => return Err(self.fail("an unknown escape in a string")),
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, Fail> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.end()),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.fail("expected four hex digits after \\u"))?,
            };
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }

    fn digits(&mut self) -> Result<(), Fail> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.expected("a number needs a digit here"));
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Json<'a>, Fail> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else {
            self.digits()?;
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
        }
        Ok(Json::Number(&self.text[start..self.pos]))
    }
}

// ---- typed access ----

/// A value of the wrong shape: where, relative to the value being read, and what is wrong.
/// `place` is a path such as `sections[0].items[1].title`, empty for the value itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bad {
    pub place: String,
    pub message: String,
}

impl Bad {
    pub fn new(message: impl Into<String>) -> Bad {
        Bad {
            place: String::new(),
            message: message.into(),
        }
    }

    /// The same problem seen from the object holding it under `key`.
    pub fn in_field(mut self, key: &str) -> Bad {
        self.place = join(key, &self.place);
        self
    }

    /// The same problem seen from the array holding it at `index`.
    pub fn in_element(mut self, index: usize) -> Bad {
        self.place = join(&format!("[{index}]"), &self.place);
        self
    }
}

/// The path of `inner` (relative) seen from `outer`: `a` + `b.c` is `a.b.c`, `a` + `[1]` is `a[1]`.
pub fn join(outer: &str, inner: &str) -> String {
    if inner.is_empty() {
        outer.to_owned()
    } else if outer.is_empty() || inner.starts_with('[') {
        format!("{outer}{inner}")
    } else {
        format!("{outer}.{inner}")
    }
}

/// What a typed read returns.
pub type Read<T> = Result<T, Bad>;

impl fmt::Display for Json<'_> {
    /// The value as the reader is told about it in a message: its kind, and for a scalar
    /// the value itself, shortened.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "boolean {b}"),
            // Numbers are ASCII, so any byte is a character boundary.
            Json::Number(n) => write!(f, "number {}", n.get(..40).unwrap_or(n)),
            Json::String(s) => write!(f, "string {}", crate::model::quoted(s)),
            Json::Array(_) => f.write_str("array"),
            Json::Object(_) => f.write_str("object"),
        }
    }
}

/// The members of an object.
#[derive(Clone, Copy)]
pub struct Object<'j, 'a>(&'j [(Cow<'a, str>, Json<'a>)]);

impl<'a> Json<'a> {
    fn wrong(&self, expected: &str) -> Bad {
        Bad::new(format!("invalid type: {self}, expected {expected}"))
    }

    pub fn object(&self) -> Read<Object<'_, 'a>> {
        match self {
            Json::Object(members) => Ok(Object(members)),
            other => Err(other.wrong("an object")),
        }
    }

    pub fn array(&self) -> Read<&[Json<'a>]> {
        match self {
            Json::Array(items) => Ok(items),
            other => Err(other.wrong("an array")),
        }
    }

    pub fn str(&self) -> Read<&str> {
        match self {
            Json::String(s) => Ok(s),
            other => Err(other.wrong("a string")),
        }
    }

    /// A string as read: borrowed from the text unless it had escapes.
    pub fn string(&self) -> Read<&Cow<'a, str>> {
        match self {
            Json::String(s) => Ok(s),
            other => Err(other.wrong("a string")),
        }
    }

    /// A whole number from 0 to `u32::MAX`, written without fraction or exponent.
    pub fn count(&self) -> Read<u32> {
        match self {
            Json::Number(n) => n.parse().map_err(|_| {
                Bad::new(format!(
                    "invalid value: {self}, expected a whole number from 0 to {}",
                    u32::MAX
                ))
            }),
            other => Err(other.wrong("a whole number")),
        }
    }
}

impl<'j, 'a> Object<'j, 'a> {
    /// The value of `key`; a `null` counts as absent.
    pub fn get(self, key: &str) -> Option<&'j Json<'a>> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value)
            .filter(|value| **value != Json::Null)
    }

    /// The value of `key` is there (and not `null`).
    pub fn has(self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The members in order (a repeated key appears each time).
    pub fn members(self) -> impl Iterator<Item = (&'j str, &'j Json<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// Reads the required field `key`; a problem's place starts at `key`.
    pub fn field<T>(self, key: &str, read: impl FnOnce(&'j Json<'a>) -> Read<T>) -> Read<T> {
        match self.0.iter().rev().find(|(k, _)| k == key) {
            None => Err(Bad::new(format!("missing field \"{key}\""))),
            Some((_, value)) => read(value).map_err(|bad| bad.in_field(key)),
        }
    }

    /// Reads the field `key` if it is there and not `null`.
    pub fn optional<T>(
        self,
        key: &str,
        read: impl FnOnce(&'j Json<'a>) -> Read<T>,
    ) -> Read<Option<T>> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => read(value).map(Some).map_err(|bad| bad.in_field(key)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json<'_> {
        Json::String(Cow::Borrowed(text))
    }

    fn error(text: &str) -> SyntaxError {
        parse(text).expect_err(text)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value =
            parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": []} "#).unwrap();
        assert_eq!(
            value,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number("1"),
                        Json::Number("-2.5e3"),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("b".into(), Json::Object(vec![("c".into(), s("d"))])),
                ("e".into(), Json::Array(vec![])),
            ])
        );
    }

    #[test]
    fn strings_without_escapes_borrow_the_text() {
        let Json::String(text) = parse(r#""数据 data""#).unwrap() else {
            panic!()
        };
        assert!(matches!(text, Cow::Borrowed("数据 data")));
    }

    #[test]
    fn escapes_are_decoded() {
        let value = parse(r#""a\"b\\c\/d\n\t\u00e9\u6570\ud83d\ude00 \ud800x""#).unwrap();
        assert_eq!(value, s("a\"b\\c/d\n\té数😀 \u{fffd}x"));
        assert_eq!(parse(r#""\udc00""#).unwrap(), s("\u{fffd}"));
    }

    #[test]
    fn errors_name_line_column_and_cause() {
        let e = error("{\n  \"a\": 1,\n  \"b\" 2\n}");
        assert_eq!((e.line, e.column, e.message), (3, 7, "expected \":\""));
        let e = error("[1, 2,]");
        assert_eq!((e.line, e.column, e.message), (1, 7, "expected a value"));
        let e = error(r#"{"数据": x}"#);
        assert_eq!((e.line, e.column), (1, 8), "columns count characters");
        assert_eq!(error("{'a': 1}").message, "expected a key in double quotes");
        assert_eq!(error("[1 2]").message, "expected \",\" or \"]\"");
        assert_eq!(error("\"a\nb\"").line, 1);
        assert!(error("\"a\nb\"").message.starts_with("a control character"));
        assert_eq!(error(r#""\x""#).message, "an unknown escape in a string");
        assert_eq!(
            error(r#""\u12g4""#).message,
            "expected four hex digits after \\u"
        );
        assert_eq!(
            error("01").message,
            "trailing characters after the JSON value"
        );
        assert_eq!(error("1.").message, "the file ends inside a value");
        assert_eq!(error("-a").message, "a number needs a digit here");
        assert_eq!(
            error("{} {}").message,
            "trailing characters after the JSON value"
        );
        assert_eq!(error("").message, "the file ends inside a value");
        assert_eq!(error("nul").message, "the file ends inside a value");
        assert_eq!(error("nope").message, "expected a value");
    }

    #[test]
    fn a_cut_off_file_is_told_apart() {
        let text = r#"{"a": ["b", {"c": "d\u00e9"}]}"#;
        for end in 1..text.len() {
            if let Some(cut) = text.get(..end) {
                let e = error(cut);
                assert!(e.eof, "{cut}: {e:?}");
            }
        }
        assert!(!error("[1,,2]").eof);
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(100_000);
        assert_eq!(error(&deep).message, "nested more than 128 levels deep");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(parse("\u{feff}[]").unwrap(), Json::Array(vec![]));
    }

    #[test]
    fn typed_reads_say_what_was_found_and_where() {
        let value = parse(r#"{"a": {"b": [1, "x"]}, "n": null, "k": 1, "k": 2}"#).unwrap();
        let root = value.object().unwrap();
        let bad = root
            .field("a", |a| {
                a.object()?.field("b", |b| {
                    b.array()?
                        .iter()
                        .enumerate()
                        .try_for_each(|(i, v)| v.count().map(drop).map_err(|e| e.in_element(i)))
                })
            })
            .unwrap_err();
        assert_eq!(bad.place, "a.b[1]");
        assert_eq!(
            bad.message,
            r#"invalid type: string "x", expected a whole number"#
        );
        assert_eq!(
            root.field("z", Json::str).unwrap_err().message,
            "missing field \"z\""
        );
        assert_eq!(root.optional("n", Json::str), Ok(None));
        assert_eq!(
            root.optional("k", Json::count),
            Ok(Some(2)),
            "the last of a repeated key"
        );
        assert!(parse("-1").unwrap().count().is_err());
        assert!(parse("1.0").unwrap().count().is_err());
        assert!(parse("4294967296").unwrap().count().is_err());
        assert_eq!(parse("4294967295").unwrap().count(), Ok(u32::MAX));
    }

    #[test]
    fn paths_join_like_json_paths() {
        assert_eq!(join("a", ""), "a");
        assert_eq!(join("a", "b.c"), "a.b.c");
        assert_eq!(join("a", "[1].b"), "a[1].b");
        assert_eq!(join("", "b"), "b");
    }
}
