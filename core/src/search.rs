//! Searching the whole archive in both languages at once, in the browser.
//!
//! Text is folded before anything else (full-width forms to half-width, case, Latin accents),
//! then cut into tokens: runs of Chinese, Japanese or Korean characters into single
//! characters and overlapping pairs (Chinese has no spaces, so "人脸识别" is found inside
//! "人脸识别技术"), and other words into lightly stemmed words ("apps" finds "app"). Every
//! word of a query must match; the last one may be the start of a word while the reader
//! types. The index is built one issue at a time, as issues arrive.

use rustc_hash::FxHashMap;

use crate::filter::Filter;
use crate::markup;
use crate::model::{Code, Id, Issue, Item, Text};

pub mod prebuilt;
pub mod results;

/// One searchable item.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The issue's place in the catalog (0 is the newest).
    pub issue: usize,
    pub item_id: String,
    pub title: Text,
    pub jurisdiction: Code,
    /// The jurisdiction's name as the issue gives it (else its code).
    pub jurisdiction_name: Text,
    /// Plain body text in each language, for snippets.
    pub body: Text,
    /// The regulator, searched with the rest.
    regulator: Option<Text>,
    /// Every name and alias of the issue's regulators the item names by id or mentions,
    /// one a line: so a search for any name of a regulator finds the items that use
    /// another (`MIIT` finds an item that only says 工信部).
    regulator_names: String,
    /// Folded title, for ranking Chinese runs.
    title_folded: String,
    /// The title's stemmed words, for ranking words.
    title_words: Vec<String>,
}

impl Doc {
    /// Every item of `issue`, which is at place `issue_at` in the catalog, in reading order.
    pub fn all_of(issue_at: usize, issue: &Issue) -> Vec<Doc> {
        let plain_text = |text: &Text| Text {
            zh: text.zh.as_deref().map(|s| markup::plain(s).into()),
            en: text.en.as_deref().map(|s| markup::plain(s).into()),
        };
        let known = KnownRegulator::all_of(issue);
        issue
            .items()
            .map(|(_, item)| {
                let title = plain_text(&item.title);
                let title_folded = fold(&format!(
                    "{}\n{}",
                    title.zh.as_deref().unwrap_or_default(),
                    title.en.as_deref().unwrap_or_default()
                ));
                let title_words = pieces(&title_folded)
                    .filter_map(|piece| match piece {
                        Piece::Word(word) => Some(stem(word)),
                        Piece::Cjk(_) => None,
                    })
                    .collect();
                let body = plain_text(&item.body);
                let regulator = issue.regulator_name(item).cloned();
                let regulator_names = regulator_names(&known, item, || {
                    let said = [Some(&title), regulator.as_ref(), Some(&body)];
                    let texts = said.into_iter().flatten().flat_map(Text::all);
                    fold(&texts.collect::<Vec<_>>().join("\n"))
                });
                Doc {
                    issue: issue_at,
                    item_id: item.id.to_string(),
                    title,
                    jurisdiction: item.jurisdiction.clone(),
                    // The issue's own name, else the code: the browser's names are the viewer's.
                    jurisdiction_name: issue.jurisdiction_name(&item.jurisdiction, |_, _| None),
                    body,
                    regulator,
                    regulator_names,
                    title_folded,
                    title_words,
                }
            })
            .collect()
    }

    /// Everything the doc is searched in, folded, one text after another (title first);
    /// and how many characters of it are the title's.
    pub(crate) fn folded_text(&self) -> (String, usize) {
        let mut all = String::new();
        let mut title_end = 0;
        for (at, part) in self.texts().enumerate() {
            all.push_str(part);
            all.push('\n');
            if at + 1 == self.title.zh.is_some() as usize + self.title.en.is_some() as usize {
                title_end = all.len();
            }
        }
        all.push_str(self.jurisdiction.as_str());
        let title_chars = all[..title_end].chars().filter_map(fold_char).count();
        (fold(&all), title_chars)
    }

    /// Whether the title holds `term`: a Chinese run as written, or a word (a word
    /// starting with it, for a prefix).
    fn title_holds(&self, term: &Term) -> bool {
        match term {
            Term::Run(run) => self.title_folded.contains(run.as_str()),
            Term::Word(word) => self.title_words.iter().any(|w| w == word),
            Term::Prefix(prefix) => self
                .title_words
                .iter()
                .any(|w| w.starts_with(prefix.as_str())),
        }
    }

    /// Whether the Chinese run `run` (folded) is written in one of the doc's texts, as the
    /// index found all of its pairs. Folding leaves CJK characters as they are and can only
    /// join two of them by dropping a combining mark between them, so a text is folded
    /// only when it holds such a mark.
    fn holds_run(&self, run: &str) -> bool {
        let combining = |c: char| ('\u{300}'..='\u{36F}').contains(&c);
        self.texts().any(|part| part.contains(run))
            || self
                .texts()
                .any(|part| part.contains(combining) && fold(part).contains(run))
    }

    /// Every string the doc is searched in (besides its jurisdiction's code), each language
    /// apart: title, regulator, jurisdiction's name, body, then its regulators' names.
    fn texts(&self) -> impl Iterator<Item = &str> {
        [
            Some(&self.title),
            self.regulator.as_ref(),
            Some(&self.jurisdiction_name),
            Some(&self.body),
        ]
        .into_iter()
        .flatten()
        .flat_map(Text::all)
        .chain((!self.regulator_names.is_empty()).then_some(self.regulator_names.as_str()))
    }
}

/// One of an issue's regulators as search looks for it: its id, its names and aliases as
/// written (one a line), and each folded.
struct KnownRegulator<'a> {
    id: &'a Id,
    lines: String,
    folded: Vec<String>,
}

impl KnownRegulator<'_> {
    /// `issue`'s regulators, their names folded once for all its items.
    fn all_of(issue: &Issue) -> Vec<KnownRegulator<'_>> {
        issue
            .regulators
            .iter()
            .map(|(id, regulator)| {
                let names = regulator
                    .name
                    .all()
                    .chain(regulator.aliases.iter().map(String::as_str));
                let mut lines = String::new();
                let mut folded = Vec::new();
                for name in names {
                    lines.push_str(name);
                    lines.push('\n');
                    folded.push(fold(name.trim()));
                }
                KnownRegulator { id, lines, folded }
            })
            .collect()
    }
}

/// The names and aliases, one a line, of each `known` regulator that `item` names by id, or
/// whose name or alias its texts (`said`, folded; asked only if there are regulators) hold
/// as written: whole words for a Latin name, anywhere for a Chinese one.
fn regulator_names(known: &[KnownRegulator], item: &Item, said: impl FnOnce() -> String) -> String {
    if known.is_empty() {
        return String::new();
    }
    let said = said();
    let mut names = String::new();
    for regulator in known {
        let named = item.regulator_id.as_ref() == Some(regulator.id)
            || regulator.folded.iter().any(|name| mentions(&said, name));
        if named {
            names.push_str(&regulator.lines);
        }
    }
    names
}

/// Whether folded `text` holds folded `name` where a search would find it: not inside a
/// longer word (`FTC` is not in `FTCA`); CJK characters have no such edges.
fn mentions(text: &str, name: &str) -> bool {
    let joins = |a: Option<char>, b: Option<char>| {
        let word = |c: Option<char>| c.is_some_and(|c| is_word_char(c) && !is_cjk(c));
        word(a) && word(b)
    };
    !name.is_empty()
        && text.match_indices(name).any(|(at, _)| {
            let end = at + name.len();
            !joins(text[..at].chars().next_back(), name.chars().next())
                && !joins(name.chars().next_back(), text[end..].chars().next())
        })
}

/// The inverted index over every issue added so far.
#[derive(Debug, Default)]
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Chinese (CJK) tokens to the docs holding them.
    runs: FxHashMap<String, Postings>,
    /// Stemmed words to the docs holding them: apart, so that a prefix while typing is
    /// looked for among the words only.
    words: FxHashMap<String, Postings>,
}

/// The docs holding a token, ascending, each written as its distance from the one before
/// in 7-bit groups (low first; the high bit says another follows): a doc usually takes one
/// byte instead of four, and these lists are most of the index. The index lives in wasm
/// memory, which never shrinks.
#[derive(Debug, Default)]
struct Postings {
    bytes: Vec<u8>,
    /// The last doc listed (valid when `bytes` is not empty).
    last: u32,
}

impl Postings {
    /// Lists `id`, which is not below any doc listed yet; a doc is listed once.
    fn push(&mut self, id: u32) {
        if !self.bytes.is_empty() && id == self.last {
            return;
        }
        let gap = if self.bytes.is_empty() {
            id
        } else {
            id - self.last
        };
        self.last = id;
        write_varint(&mut self.bytes, gap);
    }

    /// The docs listed, ascending.
    fn ids(&self) -> Vec<u32> {
        let (mut ids, mut id, mut at) = (Vec::new(), 0u32, 0);
        while let Some(gap) = read_varint(&self.bytes, &mut at) {
            id += gap;
            ids.push(id);
        }
        ids
    }
}

/// Writes `n` in 7-bit groups, low first; the high bit says another group follows.
pub(crate) fn write_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads a number written by [`write_varint`] at `*at`, and moves past it; `None` at the
/// end of `bytes`, or where a number is cut off or too long.
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let (mut n, mut shift) = (0u32, 0);
    loop {
        let byte = *bytes.get(*at)?;
        if shift > 28 || (shift == 28 && byte > 0x0F) {
            return None;
        }
        *at += 1;
        n |= u32::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some(n);
        }
        shift += 7;
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded CJK runs, each to be found as written.
    pub runs: Vec<String>,
    /// Stemmed words; the last is a prefix when `prefix` is set.
    pub words: Vec<String>,
    pub prefix: bool,
}

/// A result: a doc and how well it matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    pub score: u32,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty() && self.words.is_empty()
    }

    /// The terms to match, each as it is looked up.
    pub(crate) fn terms(&self) -> Vec<Term> {
        let last = self.words.len().saturating_sub(1);
        let runs = self.runs.iter().map(|run| Term::Run(run.clone()));
        let words = self.words.iter().enumerate().map(|(at, word)| {
            if self.prefix && at == last {
                Term::Prefix(word.clone())
            } else {
                Term::Word(word.clone())
            }
        });
        runs.chain(words).collect()
    }
}

/// One term of a query, as it is looked up.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Term {
    /// Chinese (CJK) characters, to be found as written.
    Run(String),
    /// A stemmed word.
    Word(String),
    /// The start of a word (the last one, while the reader types).
    Prefix(String),
}

/// Reads what the reader typed.
pub fn parse_query(input: &str) -> Query {
    let folded = fold(input);
    let mut query = Query::default();
    for piece in pieces(&folded) {
        match piece {
            Piece::Cjk(run) => query.runs.push(run.to_owned()),
            Piece::Word(word) => query.words.push(stem(word)),
        }
    }
    // While typing, the last word is probably unfinished.
    query.prefix = !query.words.is_empty()
        && folded
            .chars()
            .last()
            .is_some_and(|c| is_word_char(c) && !is_cjk(c));
    query
}

impl SearchIndex {
    pub fn new() -> SearchIndex {
        SearchIndex::default()
    }

    pub fn doc(&self, id: u32) -> &Doc {
        &self.docs[id as usize]
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds every item of `issue`, which is at place `issue_at` in the catalog.
    pub fn add_issue(&mut self, issue_at: usize, issue: &Issue) {
        for doc in Doc::all_of(issue_at, issue) {
            let id = self.docs.len() as u32;
            let (runs, words) = (&mut self.runs, &mut self.words);
            index_tokens(&doc.folded_text().0, |token, _, kind| {
                let postings = if kind == Kind::Word {
                    &mut *words
                } else {
                    &mut *runs
                };
                // Docs come in ascending order (ids only grow).
                match postings.get_mut(token) {
                    Some(ids) => ids.push(id),
                    None => postings.entry(token.to_owned()).or_default().push(id),
                }
            });
            self.docs.push(doc);
        }
    }

    /// The docs matching every term of `query` and shown by `filter`: grouped by issue in
    /// catalog order (newest first), best first within an issue, then in reading order.
    pub fn search(&self, query: &Query, filter: &Filter) -> Vec<Hit> {
        let matches: Vec<Vec<(u32, bool)>> = query
            .terms()
            .into_iter()
            .map(|term| {
                let ids = match &term {
                    Term::Run(run) => {
                        let tokens = run_tokens(run);
                        let mut ids = ids_of(self.runs.get(&tokens[0]));
                        for token in &tokens[1..] {
                            ids = intersect(&ids, &ids_of(self.runs.get(token)));
                        }
                        // Pairs can all occur without the run itself: check it as written.
                        // (A run of one or two characters is a token itself.)
                        if tokens.len() > 1 {
                            ids.retain(|&id| self.docs[id as usize].holds_run(run));
                        }
                        ids
                    }
                    Term::Word(word) => ids_of(self.words.get(word)),
                    Term::Prefix(prefix) => self.with_prefix(prefix),
                };
                ids.into_iter()
                    .map(|id| (id, self.docs[id as usize].title_holds(&term)))
                    .collect()
            })
            .collect();
        let matches: Vec<&[(u32, bool)]> = matches.iter().map(Vec::as_slice).collect();
        rank(
            &matches,
            |id| self.docs[id as usize].issue,
            |id| filter.matches(&self.docs[id as usize].jurisdiction),
            usize::MAX,
        )
    }

    /// Docs holding a word that starts with `prefix` (a prefix is never Chinese: a Chinese
    /// run is looked up by its characters and pairs).
    fn with_prefix(&self, prefix: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = self
            .words
            .iter()
            .filter(|(word, _)| word.starts_with(prefix))
            .flat_map(|(_, ids)| ids.ids())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

fn ids_of(postings: Option<&Postings>) -> Vec<u32> {
    postings.map(Postings::ids).unwrap_or_default()
}

/// The ranking both indexes share. `matches` holds, for each term of a query, the docs
/// matching it (ascending) and whether their title holds it. The docs matching every term
/// and kept by `keep` come grouped by issue in catalog order (`issue_of`, newest first),
/// then best first (a term counts 3 in the title, 1 elsewhere), then in reading order.
/// Only the first `ordered` are sure to be in that order: past them, each issue's hits may
/// come in reading order (a reader sees a page of results; the rest are counted).
pub(crate) fn rank(
    matches: &[&[(u32, bool)]],
    issue_of: impl Fn(u32) -> usize,
    keep: impl Fn(u32) -> bool,
    ordered: usize,
) -> Vec<Hit> {
    let score = |in_title: bool| if in_title { 3 } else { 1 };
    let mut terms = matches.iter();
    let Some(first) = terms.next() else {
        return Vec::new();
    };
    let mut hits: Vec<Hit> = first
        .iter()
        .map(|&(doc, in_title)| Hit {
            doc,
            score: score(in_title),
        })
        .collect();
    for term in terms {
        let (mut i, mut kept) = (0, Vec::with_capacity(hits.len().min(term.len())));
        for hit in hits {
            while i < term.len() && term[i].0 < hit.doc {
                i += 1;
            }
            if i < term.len() && term[i].0 == hit.doc {
                kept.push(Hit {
                    doc: hit.doc,
                    score: hit.score + score(term[i].1),
                });
            }
        }
        hits = kept;
    }
    hits.retain(|hit| keep(hit.doc));
    let issues: Vec<usize> = hits.iter().map(|hit| issue_of(hit.doc)).collect();
    if issues.is_sorted() {
        // Docs numbered in issue order (as both indexes number them): the hits, in doc
        // order, are in issue order already; only each issue's own hits need ordering.
        let mut start = 0;
        while start < hits.len().min(ordered) {
            let end = start + issues[start..].partition_point(|&issue| issue == issues[start]);
            hits[start..end].sort_by_key(|hit| (std::cmp::Reverse(hit.score), hit.doc));
            start = end;
        }
    } else {
        let mut keyed: Vec<(usize, Hit)> = issues.into_iter().zip(hits).collect();
        keyed.sort_by_key(|(issue, hit)| (*issue, std::cmp::Reverse(hit.score), hit.doc));
        hits = keyed.into_iter().map(|(_, hit)| hit).collect();
    }
    hits
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Whether `c` belongs to a word (or a CJK run), in folded text: ASCII letters and digits,
/// and any other character that is not a space or punctuation. (Cheaper than Unicode's
/// alphanumeric tables, and the same for Chinese and English.)
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !(c.is_whitespace()
        || matches!(c,
            '\u{80}'..='\u{BF}' | '\u{D7}' | '\u{F7}'
            | '\u{2000}'..='\u{2BFF}' | '\u{2E00}'..='\u{2E7F}'
            | '\u{3000}'..='\u{303F}' | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'))
}

/// Chinese, Japanese kana and Korean syllables: scripts written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

const ACCENTED: &str = "ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿÑñÇçĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
const PLAIN: &str = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuYyyNnCcAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZz";

/// One character folded for matching, or `None` to drop it (combining accents).
fn fold_char(c: char) -> Option<char> {
    let c = match c {
        // Full-width ASCII forms and the ideographic space.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{0300}'..='\u{036F}' => return None,
        _ => c,
    };
    // Only Latin-1 and Latin Extended-A letters are in the table; skip the scan otherwise.
    let c = match ('\u{C0}'..='\u{17F}')
        .contains(&c)
        .then(|| ACCENTED.chars().position(|a| a == c))
        .flatten()
    {
        Some(at) => PLAIN.chars().nth(at).unwrap_or(c),
        None => c,
    };
    // ASCII case only: with full-width forms and Latin accents already folded, that covers
    // Chinese and English; Unicode's full lowercase table would cost 12 KB of wasm.
    Some(c.to_ascii_lowercase())
}

/// Text folded for matching: half-width, ASCII lower case, without Latin accents.
pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

enum Piece<'a> {
    Cjk(&'a str),
    Word(&'a str),
}

impl<'a> Piece<'a> {
    fn text(&self) -> &'a str {
        match self {
            Piece::Cjk(text) | Piece::Word(text) => text,
        }
    }
}

/// Runs of CJK characters and words of letters and digits, in folded text.
fn pieces(folded: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = folded;
    std::iter::from_fn(move || {
        let start = rest.find(is_word_char)?;
        rest = &rest[start..];
        let cjk = is_cjk(rest.chars().next()?);
        let end = rest
            .find(|c: char| !is_word_char(c) || is_cjk(c) != cjk)
            .unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(if cjk {
            Piece::Cjk(piece)
        } else {
            Piece::Word(piece)
        })
    })
}

/// A CJK run's lookup tokens: its pairs, or the character itself when alone.
pub(crate) fn run_tokens(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() == 1 {
        return vec![run.to_owned()];
    }
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

/// What a token is: its kind decides where it is kept and whether its places are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// One CJK character: looked up only for a one-character query.
    Char,
    /// Two CJK characters in a row.
    Pair,
    /// A stemmed word.
    Word,
}

/// Passes `each` everything a text is indexed under, as often as it occurs, with the place
/// (in characters) where it starts and its kind: CJK single characters and pairs (slices
/// of the text, so nothing is copied for a token already in the index), and stemmed words.
pub(crate) fn index_tokens(folded: &str, mut each: impl FnMut(&str, u32, Kind)) {
    // Characters before byte `byte` of `folded`: counted on from the last piece.
    let (mut byte, mut chars) = (0, 0u32);
    for piece in pieces(folded) {
        let start = piece.text().as_ptr() as usize - folded.as_ptr() as usize;
        chars += folded[byte..start].chars().count() as u32;
        byte = start;
        match piece {
            Piece::Cjk(run) => {
                let mut previous = None;
                for (at, (offset, c)) in run.char_indices().enumerate() {
                    let at = chars + at as u32;
                    let end = offset + c.len_utf8();
                    each(&run[offset..end], at, Kind::Char);
                    if let Some(start) = previous {
                        each(&run[start..end], at - 1, Kind::Pair);
                    }
                    previous = Some(offset);
                }
            }
            Piece::Word(word) => each(&stem(word), chars, Kind::Word),
        }
    }
}

/// Light English stemming: plurals and possessives.
pub fn stem(word: &str) -> String {
    let w = word.strip_suffix("'s").unwrap_or(word);
    if w.len() > 4 {
        if let Some(base) = w.strip_suffix("ies") {
            return format!("{base}y");
        }
        if w.ends_with("sses") {
            return w[..w.len() - 2].to_owned();
        }
        if let Some(base) = w.strip_suffix("es") {
            if ["s", "x", "z", "ch", "sh"]
                .iter()
                .any(|end| base.ends_with(end))
            {
                return base.to_owned();
            }
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_owned();
    }
    w.to_owned()
}

/// Where the query's terms occur in `text`, as byte ranges of `text`, in order and not
/// overlapping: CJK runs as written, words where a word starts with the term.
pub fn highlights(text: &str, query: &Query) -> Vec<(usize, usize)> {
    // Folded characters with the byte range each came from.
    let mut folded: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if let Some(f) = fold_char(c) {
            folded.push((f, at, at + c.len_utf8()));
        }
    }
    let chars: Vec<char> = folded.iter().map(|&(c, _, _)| c).collect();
    let mut found = Vec::new();
    let terms = query
        .runs
        .iter()
        .map(|t| (t, false))
        .chain(query.words.iter().map(|t| (t, true)));
    for (term, word) in terms {
        let term: Vec<char> = term.chars().collect();
        if term.is_empty() {
            continue;
        }
        for start in 0..chars.len().saturating_sub(term.len() - 1) {
            let at_word_start = start == 0 || !is_word_char(chars[start - 1]);
            if chars[start..start + term.len()] == term[..] && (!word || at_word_start) {
                found.push((folded[start].1, folded[start + term.len() - 1].2));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in found {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// A short passage of `text` around the first match, with the matches in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to mark.
    pub marks: Vec<(usize, usize)>,
}

/// About `width` characters of `text` around its first match (its start if none).
pub fn snippet(text: &str, query: &Query, width: usize) -> Snippet {
    let marks = highlights(text, query);
    let first = marks.first().map_or(0, |&(a, _)| a);
    let before = width / 3;
    let start = text[..first]
        .char_indices()
        .rev()
        .nth(before.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    let end = text[start..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(at, _)| start + at);
    let mut out = String::new();
    let lead = if start > 0 { "…" } else { "" };
    out.push_str(lead);
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    let shift = lead.len();
    let marks = marks
        .into_iter()
        .filter(|&(a, b)| a >= start && b <= end)
        .map(|(a, b)| (a - start + shift, b - start + shift))
        .collect();
    Snippet { text: out, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_issue;

    fn sample_index() -> SearchIndex {
        let issue = parse_issue(
            "cyber-041.json",
            include_str!("../../public/issues/cyber-041.json"),
        )
        .unwrap()
        .value;
        let mut index = SearchIndex::new();
        index.add_issue(0, &issue);
        index
    }

    fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
        index
            .search(&parse_query(q), &Filter::default())
            .iter()
            .map(|h| index.doc(h.doc).item_id.clone())
            .collect()
    }

    #[test]
    fn a_regulator_is_found_by_any_of_its_names() {
        let item = |id: &str, zh: &str, en: &str, regulator: &str| {
            format!(
                r#"{{"id": "{id}", "jurisdiction": "CN", {regulator}
                    "title": {{"zh": "标题", "en": "Title"}}, "body": {{"zh": "{zh}", "en": "{en}"}}}}"#
            )
        };
        let json = format!(
            r#"{{"format": "newsletter-issue/1.1", "id": "x",
                "regulators": {{
                    "miit": {{"name": {{"zh": "工业和信息化部", "en": "Ministry of Industry and Information Technology"}}, "aliases": ["工信部", "MIIT"]}},
                    "ftc": {{"name": {{"zh": "美国联邦贸易委员会", "en": "Federal Trade Commission"}}, "aliases": ["FTC"]}}
                }},
                "sections": [{{"id": "s", "title": {{"zh": "栏目", "en": "Section"}}, "items": [{}, {}, {}, {}]}}]}}"#,
            item("zh-only", "工信部发布通知", "A notice.", ""),
            item("en-only", "发布通知", "The MIIT issued a notice.", ""),
            item("by-id", "通知", "A notice.", r#""regulator_id": "miit","#),
            item("not-a-word", "通知", "The FTCA and SMIIT.", ""),
        );
        let issue = parse_issue("x.json", &json).unwrap().value;
        let mut index = SearchIndex::new();
        index.add_issue(0, &issue);
        let all_three = ["zh-only", "en-only", "by-id"];
        assert_eq!(ids(&index, "MIIT "), all_three);
        assert_eq!(ids(&index, "工信部"), all_three);
        assert_eq!(ids(&index, "industry "), all_three);
        assert_eq!(ids(&index, "工业和信息化部"), all_three);
        // A name inside a longer word is not a mention.
        assert!(ids(&index, "FTC ").is_empty());
        assert!(ids(&index, "federal ").is_empty());
    }

    #[test]
    fn the_accent_table_pairs_every_letter() {
        assert_eq!(ACCENTED.chars().count(), PLAIN.chars().count());
    }

    #[test]
    fn folding_makes_full_width_and_accents_plain_and_lowers_case() {
        assert_eq!(fold("ＡＰＰ１２３"), "app123");
        assert_eq!(fold("Café NAÏVE"), "cafe naive");
        assert_eq!(fold("e\u{301}"), "e");
        assert_eq!(fold("人脸　识别"), "人脸 识别");
    }

    #[test]
    fn stemming_is_light() {
        assert_eq!(stem("apps"), "app");
        assert_eq!(stem("agencies"), "agency");
        assert_eq!(stem("boxes"), "box");
        assert_eq!(stem("access"), "access");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("ftc's"), "ftc");
        assert_eq!(stem("is"), "is");
    }

    #[test]
    fn queries_split_chinese_runs_from_words_and_know_an_unfinished_word() {
        let q = parse_query("人脸识别 FTC recog");
        assert_eq!(q.runs, ["人脸识别"]);
        assert_eq!(q.words, ["ftc", "recog"]);
        assert!(q.prefix);
        assert!(!parse_query("recognition ").prefix);
        assert!(!parse_query("人脸").prefix);
        assert!(parse_query("  ,.;").is_empty());
    }

    #[test]
    fn chinese_is_found_inside_longer_words() {
        assert_eq!(
            ids(&sample_index(), "人脸识别"),
            ["ftc-everalbum-facial-recognition"]
        );
        assert_eq!(ids(&sample_index(), "工信部"), ["miit-81-draft-standards"]);
    }

    #[test]
    fn a_single_chinese_character_is_a_query_too() {
        assert!(ids(&sample_index(), "浙").contains(&"zhejiang-1200-apps".to_string()));
    }

    #[test]
    fn pairs_without_the_run_do_not_match() {
        // 识别 and 人脸 occur apart, but not as 识别人脸.
        assert!(ids(&sample_index(), "识别人脸").is_empty());
    }

    #[test]
    fn english_is_case_and_plural_insensitive() {
        let facial = ids(&sample_index(), "Facial Recognition");
        assert_eq!(facial, ["ftc-everalbum-facial-recognition"]);
        assert_eq!(ids(&sample_index(), "MIIT "), ids(&sample_index(), "miit "));
        // "apps" finds "app"; several items speak of apps.
        let apps = ids(&sample_index(), "apps ");
        assert!(apps.contains(&"zhejiang-1200-apps".to_string()));
        assert!(apps.contains(&"guangdong-700-apps".to_string()));
    }

    #[test]
    fn full_width_queries_match_half_width_text() {
        assert_eq!(
            ids(&sample_index(), "ＦＴＣ "),
            ids(&sample_index(), "FTC ")
        );
        assert!(!ids(&sample_index(), "ＦＴＣ ").is_empty());
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(
            ids(&sample_index(), "zhejiang apps "),
            ["zhejiang-1200-apps"]
        );
        assert!(ids(&sample_index(), "zhejiang everalbum ").is_empty());
    }

    #[test]
    fn mixed_chinese_and_english_match_together() {
        assert_eq!(ids(&sample_index(), "浙江 APP "), ["zhejiang-1200-apps"]);
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing() {
        assert_eq!(
            ids(&sample_index(), "everal"),
            ["ftc-everalbum-facial-recognition"]
        );
        assert!(ids(&sample_index(), "everal ").is_empty());
    }

    #[test]
    fn regulators_and_jurisdiction_names_are_searched() {
        assert_eq!(
            ids(&sample_index(), "CBIRC "),
            ["cbirc-regulatory-data-security"]
        );
        assert_eq!(ids(&sample_index(), "广东"), ["guangdong-700-apps"]);
    }

    #[test]
    fn title_matches_rank_first_within_an_issue() {
        // "Zhejiang" is in the title of one item and the body of none other; "data" is in
        // the CBIRC title and in bodies.
        let data = ids(&sample_index(), "regulatory data ");
        assert_eq!(data[0], "cbirc-regulatory-data-security");
    }

    #[test]
    fn results_follow_the_jurisdiction_filter() {
        let index = sample_index();
        let hits = index.search(&parse_query("2021"), &Filter::new(["US"]));
        let got: Vec<_> = hits
            .iter()
            .map(|h| index.doc(h.doc).item_id.as_str())
            .collect();
        assert_eq!(got, ["ftc-everalbum-facial-recognition"]);
    }

    #[test]
    fn results_are_grouped_by_issue_newest_first() {
        let issue = parse_issue(
            "cyber-041.json",
            include_str!("../../public/issues/cyber-041.json"),
        )
        .unwrap()
        .value;
        let mut index = SearchIndex::new();
        index.add_issue(3, &issue);
        index.add_issue(1, &issue);
        let hits = index.search(&parse_query("FTC "), &Filter::default());
        let issues: Vec<_> = hits.iter().map(|h| index.doc(h.doc).issue).collect();
        assert_eq!(issues, [1, 3]);
    }

    #[test]
    fn a_doc_is_listed_once_under_each_token_it_holds_in_ascending_order() {
        let mut index = sample_index();
        let issue = parse_issue(
            "cyber-041.json",
            include_str!("../../public/issues/cyber-041.json"),
        )
        .unwrap()
        .value;
        index.add_issue(1, &issue);
        for (token, ids) in index.runs.iter().chain(&index.words) {
            let ids = ids.ids();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "{token}: {ids:?}");
        }
        // 数据 (data) occurs again and again in several bodies, in both copies of the issue.
        let data = &index.runs["数据"].ids();
        assert!(data.len() > 2 && data.len() <= index.len(), "{data:?}");
        assert_eq!(
            data.len() % 2,
            0,
            "each copy of the issue lists the same docs"
        );
    }

    #[test]
    fn postings_give_back_each_doc_once_across_every_width_of_gap() {
        // Gaps on each side of every 7-bit boundary, up to the largest id, and repeats.
        let mut expected = vec![0u32];
        for bits in [7, 14, 21, 28] {
            let at = *expected.last().unwrap();
            expected.extend([at + (1 << bits) - 1, at + (1 << bits) - 1 + (1 << bits)]);
        }
        expected.extend([u32::MAX - 1, u32::MAX]);
        let mut postings = Postings::default();
        for &id in &expected {
            postings.push(id);
            postings.push(id);
        }
        assert_eq!(postings.ids(), expected);
        let mut from_one = Postings::default();
        from_one.push(1);
        assert_eq!(from_one.ids(), [1]);
        assert!(Postings::default().ids().is_empty());
    }

    #[test]
    fn a_run_is_found_across_a_combining_mark_that_folding_drops() {
        // The file writes 监管数据安全管理办法 with a combining accent inside, everywhere.
        let json = include_str!("../../public/issues/cyber-041.json")
            .replace("监管数据安全管理办法", "监管数\\u0301据安全管理办法");
        let issue = parse_issue("cyber-041.json", &json).unwrap().value;
        let mut index = SearchIndex::new();
        index.add_issue(0, &issue);
        assert_eq!(
            ids(&index, "数据安全管理办法"),
            ["cbirc-regulatory-data-security"]
        );
    }

    #[test]
    fn punctuation_separates_words() {
        let q = parse_query("data-security,(trial)");
        assert_eq!(q.words, ["data", "security", "trial"]);
        // Chinese and full-width punctuation, curly quotes and book-title marks too.
        let q = parse_query("《监管数据》，“FTC”。（试行）、APP");
        assert_eq!(q.runs, ["监管数据", "试行"]);
        assert_eq!(q.words, ["ftc", "app"]);
    }

    #[test]
    fn highlights_find_terms_in_the_original_text() {
        let text = "California Company Settles FTC Allegations; Ｆｔｃ's app";
        let marks = highlights(text, &parse_query("ftc app "));
        let marked: Vec<&str> = marks.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(marked, ["FTC", "Ｆｔｃ", "app"]);
        let zh = "美国联邦贸易委员会与一照片APP开发者就不当使用人脸识别技术";
        let marks = highlights(zh, &parse_query("人脸识别"));
        assert_eq!(&zh[marks[0].0..marks[0].1], "人脸识别");
    }

    #[test]
    fn snippets_center_on_the_first_match_and_keep_marks_inside() {
        let text = format!(
            "{} facial recognition {}",
            "a ".repeat(200),
            "b ".repeat(200)
        );
        let s = snippet(&text, &parse_query("facial "), 60);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!(s.marks.len(), 1);
        let (a, b) = s.marks[0];
        assert_eq!(&s.text[a..b], "facial");
        let short = snippet("no match here", &parse_query("zzz"), 60);
        assert_eq!(short.text, "no match here");
        assert!(short.marks.is_empty());
    }
}
