//! The archive's search index built once by the publisher (`newsletter index`), and split
//! so that a query fetches only what it needs.
//!
//! The index is a directory beside the issues:
//! - `index.json`, the [`Manifest`]: the format, the catalog it was built from, how many
//!   items each issue has, and where each shard starts;
//! - shards of postings (`c/N.bin`, `p/N.bin`, `w/N.bin`: single Chinese characters, pairs
//!   of them, and words). Words are cut into sorted ranges, so that the words starting
//!   with what the reader has typed are in a few neighbouring shards; Chinese tokens, which
//!   are looked up whole, go to the shard their hash picks, so the manifest need not list
//!   tens of thousands of ranges;
//! - `j/CODE.bin`: the items of each jurisdiction, for the filter;
//! - `doc/I/K.json`: a [`Fragment`] per item (`I` counts issues from the oldest, so an
//!   item's file stays where it is when new issues are published), fetched only for the
//!   results shown.
//!
//! Tokens, matching and ranking are the in-browser index's ([`super`]), so a prebuilt
//! index finds the same items in the same order. The one difference is how a run of three
//! or more Chinese characters is checked as written: here, the pairs' places in the text.
//!
//! Postings list the items (docs) holding a token, ascending, each as its distance from
//! the one before, shifted left by one with the low bit set when the title holds the token
//! (see [`write_varint`]). A pair's entry goes on (when in the title) with how many of its
//! places are the title's, then its places, each as the distance from the one before
//! shifted left by one, the low bit set when another follows.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{
    index_tokens, rank, read_varint, run_tokens, write_varint, Doc, Hit, Kind, Query, Term,
};
use crate::filter::Filter;
use crate::model::{CatalogEntry, Issue, Text};

/// The format this code writes and reads. An index of another format is ignored.
pub const FORMAT: &str = "newsletter-search/1";

/// A shard of words is cut once it holds this many bytes (one word's postings may make it
/// larger); Chinese tokens go into as many hash buckets as make shards this large on
/// average.
const SHARD_BYTES: usize = 16 * 1024;

/// The index's table of contents, `index.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// The catalog the index was built from: its newest issue, and how many issues.
    pub newest: String,
    pub issues: usize,
    /// Items per issue, newest first, as runs: `[items, issues in a row with that many]`.
    pub items: Vec<(u32, u32)>,
    /// The jurisdictions of the items, each with its file `j/CODE.bin`.
    pub jurisdictions: Vec<String>,
    /// How many shards of single Chinese characters (`c/N.bin`) and of pairs (`p/N.bin`)
    /// there are: a token is in shard [`bucket`]`(token) % count`.
    pub chars: u32,
    pub pairs: u32,
    /// Where each shard of words (`w/N.bin`) starts: the shortest start of its first word
    /// that comes after the last word of the shard before.
    pub words: Vec<String>,
}

/// What the results list shows of one item: `doc/I/K.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fragment {
    /// The issue, as the catalog lists it.
    pub issue: CatalogEntry,
    pub item: String,
    /// Plain text (markup removed), as the in-browser index keeps it.
    pub title: Text,
    pub jurisdiction: String,
    pub jurisdiction_name: Text,
    pub body: Text,
}

/// A file of the index that a query may need.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Shard(Kind, usize),
    Jurisdiction(String),
}

impl Part {
    /// Its path inside the index's directory.
    pub fn path(&self) -> String {
        match self {
            Part::Shard(kind, n) => format!("{}/{n}.bin", kind_dir(*kind)),
            Part::Jurisdiction(code) => format!("j/{code}.bin"),
        }
    }
}

fn kind_dir(kind: Kind) -> &'static str {
    match kind {
        Kind::Char => "c",
        Kind::Pair => "p",
        Kind::Word => "w",
    }
}

/// The path of doc `doc`'s fragment, given the index's issue count and the issue and
/// place of the doc.
fn fragment_path(issues: usize, issue_at: usize, item_at: u32) -> String {
    format!("doc/{}/{item_at}.json", issues - 1 - issue_at)
}

/// Builds the index, one issue at a time in catalog order (newest first).
pub struct Builder {
    shard_bytes: usize,
    /// The issues before this builder's first one (see [`Builder::following`]).
    first_issue: usize,
    docs: u32,
    items: Vec<u32>,
    newest: Option<String>,
    /// Each kind's tokens, to their place in `postings`.
    tokens: [FxHashMap<String, u32>; 3],
    postings: Vec<Postings>,
    jurisdictions: BTreeMap<String, Postings>,
}

/// One token's postings while building.
#[derive(Default)]
struct Postings {
    bytes: Vec<u8>,
    /// The next doc to be listed, plus one (0: none yet).
    next: u32,
}

impl Postings {
    /// Starts `doc`'s entry (docs come in ascending order).
    fn start(&mut self, doc: u32, in_title: bool) {
        let gap = doc + 1 - self.next;
        write_varint(&mut self.bytes, gap << 1 | u32::from(in_title));
        self.next = doc + 1;
    }

    /// Lists after these the docs of `later`, which all come after them.
    fn append(&mut self, later: Postings) {
        let mut at = 0;
        let Some(head) = read_varint(&later.bytes, &mut at) else {
            return;
        };
        // `later` started from nothing: its first distance is from the start.
        let doc = (head >> 1) - 1;
        write_varint(&mut self.bytes, (doc + 1 - self.next) << 1 | head & 1);
        self.bytes.extend_from_slice(&later.bytes[at..]);
        self.next = later.next;
    }
}

/// One written file of the index: its path inside the index's directory, and its bytes.
pub type File = (String, Vec<u8>);

impl Default for Builder {
    fn default() -> Builder {
        Builder::new()
    }
}

impl Builder {
    pub fn new() -> Builder {
        Builder::with_shard_bytes(SHARD_BYTES)
    }

    /// A builder that cuts shards at `bytes` (small in tests, to have many).
    pub fn with_shard_bytes(bytes: usize) -> Builder {
        Builder {
            shard_bytes: bytes,
            first_issue: 0,
            docs: 0,
            items: Vec::new(),
            newest: None,
            tokens: Default::default(),
            postings: Vec::new(),
            jurisdictions: BTreeMap::new(),
        }
    }

    /// A builder for the issues that follow `issues` issues holding `docs` items, whose
    /// index is built elsewhere: to build an archive in parts at once, then join them with
    /// [`Builder::append`].
    pub fn following(issues: usize, docs: u32) -> Builder {
        Builder {
            first_issue: issues,
            docs,
            ..Builder::new()
        }
    }

    /// Joins `later`, built [`following`](Builder::following) this builder's issues.
    pub fn append(&mut self, later: Builder) {
        let Builder {
            items,
            newest,
            tokens,
            mut postings,
            jurisdictions,
            docs,
            ..
        } = later;
        self.items.extend(items);
        self.docs = docs;
        if self.newest.is_none() {
            self.newest = newest;
        }
        for (kind, map) in tokens.into_iter().enumerate() {
            for (token, n) in map {
                let theirs = std::mem::take(&mut postings[n as usize]);
                match self.tokens[kind].get(&token) {
                    Some(&mine) => self.postings[mine as usize].append(theirs),
                    None => {
                        self.postings.push(theirs);
                        self.tokens[kind].insert(token, self.postings.len() as u32 - 1);
                    }
                }
            }
        }
        for (code, theirs) in jurisdictions {
            self.jurisdictions.entry(code).or_default().append(theirs);
        }
    }

    /// Adds the items of `issue`, listed as `entry` in the catalog, which must come after
    /// every issue added so far. Gives back the items' fragments, with their paths (the
    /// index's issue count is needed for those: `issues`).
    pub fn add_issue(
        &mut self,
        entry: &CatalogEntry,
        issue: &Issue,
        issues: usize,
    ) -> Vec<(String, Fragment)> {
        let issue_at = self.first_issue + self.items.len();
        self.newest.get_or_insert_with(|| entry.id.to_string());
        let docs = Doc::all_of(issue_at, issue);
        self.items.push(docs.len() as u32);
        let mut fragments = Vec::with_capacity(docs.len());
        for (item_at, doc) in docs.into_iter().enumerate() {
            let id = self.docs;
            self.docs += 1;
            self.add_doc(id, &doc);
            fragments.push((
                fragment_path(issues, issue_at, item_at as u32),
                Fragment {
                    issue: entry.clone(),
                    item: doc.item_id,
                    title: doc.title,
                    jurisdiction: doc.jurisdiction.as_str().to_owned(),
                    jurisdiction_name: doc.jurisdiction_name,
                    body: doc.body,
                },
            ));
        }
        fragments
    }

    fn add_doc(&mut self, id: u32, doc: &Doc) {
        let (text, title_chars) = doc.folded_text();
        // Every token (by its place in `postings`) with its place in the text, sorted so
        // that each token's places come together in order: cheaper than a map per doc.
        let mut found: Vec<(u32, u32, Kind)> = Vec::with_capacity(text.len() / 2);
        let (tokens, all) = (&mut self.tokens, &mut self.postings);
        index_tokens(&text, |token, at, kind| {
            let map = &mut tokens[kind as usize];
            let n = match map.get(token) {
                Some(&n) => n,
                None => {
                    all.push(Postings::default());
                    *map.entry(token.to_owned()).or_insert(all.len() as u32 - 1)
                }
            };
            found.push((n, at, kind));
        });
        found.sort_unstable();
        for group in found.chunk_by(|a, b| a.0 == b.0) {
            let (n, kind) = (group[0].0, group[0].2);
            let in_title = group
                .iter()
                .take_while(|f| (f.1 as usize) < title_chars)
                .count();
            let postings = &mut self.postings[n as usize];
            postings.start(id, in_title > 0);
            if kind == Kind::Pair {
                if in_title > 0 {
                    write_varint(&mut postings.bytes, in_title as u32);
                }
                let mut last = 0;
                for (at, f) in group.iter().enumerate() {
                    let more = at + 1 < group.len();
                    write_varint(&mut postings.bytes, (f.1 - last) << 1 | u32::from(more));
                    last = f.1;
                }
            }
        }
        self.jurisdictions
            .entry(doc.jurisdiction.as_str().to_owned())
            .or_default()
            .start(id, false);
    }

    /// The manifest and every shard and jurisdiction file.
    pub fn finish(self) -> (Manifest, Vec<File>) {
        let mut files = Vec::new();
        let mut all = self.postings;
        let [chars, pairs, words] = self.tokens.map(|map| {
            let mut tokens: Vec<(String, Postings)> = map
                .into_iter()
                .map(|(token, n)| (token, std::mem::take(&mut all[n as usize])))
                .collect();
            tokens.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            tokens
        });
        let mut buckets = |kind: Kind, tokens: Vec<(String, Postings)>| {
            let total: usize = tokens.iter().map(|(t, p)| t.len() + p.bytes.len()).sum();
            let count = total.div_ceil(self.shard_bytes).max(1) as u32;
            let mut shards = vec![Vec::new(); count as usize];
            for (token, postings) in tokens {
                write_entry(
                    &mut shards[(bucket(&token) % count) as usize],
                    &token,
                    &postings.bytes,
                );
            }
            for (n, shard) in shards.into_iter().enumerate() {
                files.push((Part::Shard(kind, n).path(), shard));
            }
            count
        };
        let chars = buckets(Kind::Char, chars);
        let pairs = buckets(Kind::Pair, pairs);
        let mut starts: Vec<String> = Vec::new();
        let (mut shard, mut last) = (Vec::new(), String::new());
        for (token, postings) in words {
            if shard.is_empty() {
                // The shortest start of `token` that still comes after `last`.
                let cut = token
                    .char_indices()
                    .map(|(at, c)| at + c.len_utf8())
                    .find(|&end| token[..end] > *last)
                    .unwrap_or(token.len());
                starts.push(if starts.is_empty() {
                    String::new()
                } else {
                    token[..cut].to_owned()
                });
            }
            write_entry(&mut shard, &token, &postings.bytes);
            last = token;
            if shard.len() >= self.shard_bytes {
                files.push((
                    Part::Shard(Kind::Word, starts.len() - 1).path(),
                    std::mem::take(&mut shard),
                ));
            }
        }
        if !shard.is_empty() {
            files.push((Part::Shard(Kind::Word, starts.len() - 1).path(), shard));
        }
        let words = starts;
        let mut items: Vec<(u32, u32)> = Vec::new();
        for &count in &self.items {
            match items.last_mut() {
                Some((n, times)) if *n == count => *times += 1,
                _ => items.push((count, 1)),
            }
        }
        let jurisdictions = self.jurisdictions.keys().cloned().collect();
        for (code, postings) in self.jurisdictions {
            files.push((Part::Jurisdiction(code).path(), postings.bytes));
        }
        let manifest = Manifest {
            format: FORMAT.to_owned(),
            newest: self.newest.unwrap_or_default(),
            issues: self.items.len(),
            items,
            jurisdictions,
            chars,
            pairs,
            words,
        };
        (manifest, files)
    }
}

/// The hash that picks a Chinese token's shard (32-bit FNV-1a of its UTF-8 bytes: the
/// builder and every reader must agree on it, whatever their platform).
pub fn bucket(token: &str) -> u32 {
    token.bytes().fold(0x811c_9dc5, |hash: u32, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

fn write_entry(out: &mut Vec<u8>, token: &str, postings: &[u8]) {
    write_varint(out, token.len() as u32);
    out.extend_from_slice(token.as_bytes());
    write_varint(out, postings.len() as u32);
    out.extend_from_slice(postings);
}

/// Why a file of the index could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corrupt(pub String);

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A token of a fetched shard, with its postings.
type Entry = (String, Vec<u8>);

/// A prebuilt index being read: the manifest, and the parts fetched so far.
pub struct Prebuilt {
    manifest: Manifest,
    /// The first doc of each issue, and then the number of docs.
    starts: Vec<u32>,
    /// Each shard fetched: its tokens and their postings.
    shards: FxHashMap<(Kind, usize), Vec<Entry>>,
    /// Each jurisdiction's docs, once fetched.
    jurisdictions: FxHashMap<String, Vec<u32>>,
    /// The docs of each term looked up since a part was last added: a reader typing
    /// refines a query, so most of its terms were decoded for the keystroke before.
    matched: FxHashMap<Term, Vec<(u32, bool)>>,
}

/// The most terms kept decoded (a common word's docs take about a megabyte).
const MATCHED_TERMS: usize = 32;

impl Prebuilt {
    /// Reads the manifest; `None` for an index of another format.
    pub fn new(manifest: Manifest) -> Option<Prebuilt> {
        if manifest.format != FORMAT {
            return None;
        }
        let mut starts = vec![0];
        for &(items, times) in &manifest.items {
            for _ in 0..times {
                starts.push(starts.last().copied().unwrap_or_default() + items);
            }
        }
        (starts.len() == manifest.issues + 1).then(|| Prebuilt {
            manifest,
            starts,
            shards: FxHashMap::default(),
            jurisdictions: FxHashMap::default(),
            matched: FxHashMap::default(),
        })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The issue (its place in the catalog) of doc `doc`.
    pub fn issue_of(&self, doc: u32) -> usize {
        self.starts.partition_point(|&start| start <= doc) - 1
    }

    /// The path of doc `doc`'s fragment.
    pub fn fragment_path(&self, doc: u32) -> String {
        let issue_at = self.issue_of(doc);
        fragment_path(self.manifest.issues, issue_at, doc - self.starts[issue_at])
    }

    /// The parts `query` (with `filter`) needs that have not been added yet.
    pub fn needs(&self, query: &Query, filter: &Filter) -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        for term in query.terms() {
            match &term {
                Term::Run(run) => {
                    let kind = if run.chars().count() == 1 {
                        Kind::Char
                    } else {
                        Kind::Pair
                    };
                    for token in run_tokens(run) {
                        parts.push(Part::Shard(kind, self.shard_of(kind, &token)));
                    }
                }
                Term::Word(word) => {
                    parts.push(Part::Shard(Kind::Word, self.shard_of(Kind::Word, word)))
                }
                Term::Prefix(prefix) => parts.extend(
                    self.prefix_shards(prefix)
                        .map(|n| Part::Shard(Kind::Word, n)),
                ),
            }
        }
        if !filter.is_all() {
            parts.extend(
                self.manifest
                    .jurisdictions
                    .iter()
                    .filter(|code| crate::model::Code::new(code).is_ok_and(|c| filter.matches(&c)))
                    .map(|code| Part::Jurisdiction(code.clone())),
            );
        }
        parts.sort();
        parts.dedup();
        parts.retain(|part| match part {
            Part::Shard(kind, n) => !self.shards.contains_key(&(*kind, *n)),
            Part::Jurisdiction(code) => !self.jurisdictions.contains_key(code),
        });
        parts
    }

    /// The shard that holds `token` if the index has it.
    fn shard_of(&self, kind: Kind, token: &str) -> usize {
        let count = match kind {
            Kind::Char => self.manifest.chars,
            Kind::Pair => self.manifest.pairs,
            Kind::Word => {
                let starts = &self.manifest.words;
                return starts
                    .partition_point(|start| start.as_str() <= token)
                    .saturating_sub(1);
            }
        };
        (bucket(token) % count.max(1)) as usize
    }

    /// The word shards whose ranges hold words starting with `prefix`.
    fn prefix_shards(&self, prefix: &str) -> impl Iterator<Item = usize> + '_ {
        let starts = &self.manifest.words;
        let first = self.shard_of(Kind::Word, prefix);
        let past = first
            + 1
            + starts[(first + 1).min(starts.len())..]
                .iter()
                .take_while(|start| start.starts_with(prefix))
                .count();
        (first..past.min(starts.len())).filter(move |_| !starts.is_empty())
    }

    /// Takes in a fetched part, checking that it reads as one.
    pub fn add(&mut self, part: &Part, bytes: &[u8]) -> Result<(), Corrupt> {
        let corrupt = || Corrupt(format!("{}: not a shard of {FORMAT}", part.path()));
        // What was found without this part may change with it.
        self.matched.clear();
        match part {
            Part::Shard(kind, n) => {
                let mut entries = Vec::new();
                let mut at = 0;
                while at < bytes.len() {
                    let len = read_varint(bytes, &mut at).ok_or_else(corrupt)? as usize;
                    let token = bytes.get(at..at + len).ok_or_else(corrupt)?;
                    let token = std::str::from_utf8(token)
                        .map_err(|_| corrupt())?
                        .to_owned();
                    at += len;
                    let len = read_varint(bytes, &mut at).ok_or_else(corrupt)? as usize;
                    let postings = bytes.get(at..at + len).ok_or_else(corrupt)?.to_vec();
                    at += len;
                    if entries
                        .last()
                        .is_some_and(|(last, _): &(String, _)| *last >= token)
                    {
                        return Err(corrupt());
                    }
                    read_postings(*kind, &postings, self.docs()).ok_or_else(corrupt)?;
                    entries.push((token, postings));
                }
                self.shards.insert((*kind, *n), entries);
            }
            Part::Jurisdiction(code) => {
                let docs = read_postings(Kind::Word, bytes, self.docs()).ok_or_else(corrupt)?;
                self.jurisdictions
                    .insert(code.clone(), docs.into_iter().map(|d| d.doc).collect());
            }
        }
        Ok(())
    }

    fn docs(&self) -> u32 {
        self.starts.last().copied().unwrap_or_default()
    }

    fn postings(&self, kind: Kind, token: &str) -> Vec<Posting> {
        let shard = self.shards.get(&(kind, self.shard_of(kind, token)));
        shard
            .and_then(|entries| {
                let at = entries
                    .binary_search_by(|(t, _)| t.as_str().cmp(token))
                    .ok()?;
                read_postings(kind, &entries[at].1, self.docs())
            })
            .unwrap_or_default()
    }

    /// The docs matching `query` and shown by `filter`, ranked as [`super::SearchIndex`]
    /// ranks them. Parts not added yet count as holding nothing: ask [`Prebuilt::needs`]
    /// first.
    pub fn search(&mut self, query: &Query, filter: &Filter) -> Vec<Hit> {
        self.search_first(query, filter, usize::MAX)
    }

    /// As [`Prebuilt::search`], but only the first `count` hits are sure to be in ranked
    /// order (the rest are still there, to be counted): a page of results is cheaper.
    pub fn search_first(&mut self, query: &Query, filter: &Filter, count: usize) -> Vec<Hit> {
        let terms = query.terms();
        if self.matched.len() + terms.len() > MATCHED_TERMS {
            self.matched.clear();
        }
        for term in &terms {
            if !self.matched.contains_key(term) {
                let docs = self.matches(term);
                self.matched.insert(term.clone(), docs);
            }
        }
        let matches: Vec<&[(u32, bool)]> = terms
            .iter()
            .map(|term| self.matched[term].as_slice())
            .collect();
        let shown: Option<rustc_hash::FxHashSet<u32>> = (!filter.is_all()).then(|| {
            self.jurisdictions
                .iter()
                .filter(|(code, _)| crate::model::Code::new(code).is_ok_and(|c| filter.matches(&c)))
                .flat_map(|(_, docs)| docs.iter().copied())
                .collect()
        });
        // Hits come in doc order, so mostly from the issue of the hit before.
        let last = std::cell::Cell::new((0, 0, 0));
        let issue_of = |doc: u32| {
            let (from, to, issue) = last.get();
            if (from..to).contains(&doc) {
                return issue;
            }
            let issue = self.issue_of(doc);
            last.set((self.starts[issue], self.starts[issue + 1], issue));
            issue
        };
        rank(
            &matches,
            issue_of,
            |doc| shown.as_ref().is_none_or(|s| s.contains(&doc)),
            count,
        )
    }

    /// The docs holding `term`, ascending, and whether their title holds it.
    fn matches(&self, term: &Term) -> Vec<(u32, bool)> {
        match term {
            Term::Word(word) => self
                .postings(Kind::Word, word)
                .iter()
                .map(|p| (p.doc, p.in_title))
                .collect(),
            Term::Prefix(prefix) => {
                let mut all: Vec<(u32, bool)> = self
                    .prefix_shards(prefix)
                    .filter_map(|n| self.shards.get(&(Kind::Word, n)))
                    .flatten()
                    .filter(|(token, _)| token.starts_with(prefix.as_str()))
                    .filter_map(|(_, bytes)| read_postings(Kind::Word, bytes, self.docs()))
                    .flatten()
                    .map(|p| (p.doc, p.in_title))
                    .collect();
                all.sort_unstable();
                // A doc holding several such words: in the title if any is.
                let mut merged: Vec<(u32, bool)> = Vec::with_capacity(all.len());
                for (doc, in_title) in all {
                    match merged.last_mut() {
                        Some(last) if last.0 == doc => last.1 |= in_title,
                        _ => merged.push((doc, in_title)),
                    }
                }
                merged
            }
            Term::Run(run) => {
                let tokens = run_tokens(run);
                if tokens.len() == 1 {
                    let kind = if run.chars().count() == 1 {
                        Kind::Char
                    } else {
                        Kind::Pair
                    };
                    return self
                        .postings(kind, &tokens[0])
                        .iter()
                        .map(|p| (p.doc, p.in_title))
                        .collect();
                }
                let lists: Vec<Vec<Posting>> = tokens
                    .iter()
                    .map(|t| self.postings(Kind::Pair, t))
                    .collect();
                let mut cursors = vec![0; lists.len()];
                let mut out = Vec::new();
                'docs: for first in &lists[0] {
                    let mut row = vec![first];
                    for (list, cursor) in lists.iter().zip(cursors.iter_mut()).skip(1) {
                        while *cursor < list.len() && list[*cursor].doc < first.doc {
                            *cursor += 1;
                        }
                        match list.get(*cursor) {
                            Some(p) if p.doc == first.doc => row.push(p),
                            _ => continue 'docs,
                        }
                    }
                    // The run is written where each pair follows the one before.
                    let chain = |start: &u32| {
                        row.iter()
                            .enumerate()
                            .all(|(i, p)| p.places.binary_search(&(start + i as u32)).is_ok())
                    };
                    let mut found = first
                        .places
                        .iter()
                        .enumerate()
                        .filter(|(_, start)| chain(start));
                    if let Some((at, _)) = found.next() {
                        let in_title = at < first.in_title_places
                            || found.any(|(at, _)| at < first.in_title_places);
                        out.push((first.doc, in_title));
                    }
                }
                out
            }
        }
    }
}

/// One doc of a token's postings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Posting {
    doc: u32,
    in_title: bool,
    /// A pair's places in the doc's text, ascending, and how many of the first are the
    /// title's.
    places: Vec<u32>,
    in_title_places: usize,
}

/// Reads postings of `kind`; `None` if they do not read as such, or name a doc past `docs`.
fn read_postings(kind: Kind, bytes: &[u8], docs: u32) -> Option<Vec<Posting>> {
    let mut out = Vec::new();
    let (mut at, mut next) = (0, 0u32);
    while at < bytes.len() {
        let head = read_varint(bytes, &mut at)?;
        let doc = next.checked_add(head >> 1)?.checked_sub(1)?;
        if doc >= docs || head >> 1 == 0 {
            return None;
        }
        next = doc + 1;
        let mut posting = Posting {
            doc,
            in_title: head & 1 == 1,
            ..Posting::default()
        };
        if kind == Kind::Pair {
            posting.in_title_places = if posting.in_title {
                read_varint(bytes, &mut at)? as usize
            } else {
                0
            };
            let mut place = 0u32;
            loop {
                let next = read_varint(bytes, &mut at)?;
                place = place.checked_add(next >> 1)?;
                posting.places.push(place);
                if next & 1 == 0 {
                    break;
                }
            }
            if posting.in_title_places > posting.places.len() {
                return None;
            }
        }
        out.push(posting);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{parse_query, SearchIndex};
    use crate::{parse_issue, Catalog};

    const SAMPLE: &str = include_str!("../../../public/issues/cyber-041.json");

    /// The sample three times over, as issues 0 (newest) to 2, the oldest with one item
    /// fewer and every title of the middle one in the body instead.
    fn archive() -> Vec<(CatalogEntry, Issue)> {
        let catalog: Catalog =
            serde_json::from_str(include_str!("../../../public/issues/index.json")).unwrap();
        let issue = parse_issue("cyber-041.json", SAMPLE).unwrap().value;
        (0..3)
            .map(|at| {
                let mut entry = catalog.issues[0].clone();
                let mut issue = issue.clone();
                entry.id = crate::model::Id::new(&format!("copy-{at}")).unwrap();
                if at == 1 {
                    for section in &mut issue.sections {
                        for item in &mut section.items {
                            std::mem::swap(&mut item.title.zh, &mut item.body.zh);
                        }
                    }
                }
                if at == 2 {
                    issue.sections[0].items.pop();
                }
                (entry, issue)
            })
            .collect()
    }

    /// An index's manifest, its files by path, and its fragments with their paths.
    type Built = (
        Manifest,
        FxHashMap<String, Vec<u8>>,
        Vec<(String, Fragment)>,
    );

    fn build(shard_bytes: usize) -> Built {
        let archive = archive();
        let mut builder = Builder::with_shard_bytes(shard_bytes);
        let mut fragments = Vec::new();
        for (entry, issue) in &archive {
            fragments.extend(builder.add_issue(entry, issue, archive.len()));
        }
        let (manifest, files) = builder.finish();
        (manifest, files.into_iter().collect(), fragments)
    }

    fn in_browser() -> SearchIndex {
        let mut index = SearchIndex::new();
        for (at, (_, issue)) in archive().iter().enumerate() {
            index.add_issue(at, issue);
        }
        index
    }

    const QUERIES: &[&str] = &[
        "人脸识别",
        "数据安全",
        "数据安全管理办法",
        "识别人脸",
        "工信部",
        "浙",
        "数据",
        "个人信息保护",
        "FTC ",
        "facial recognition",
        "apps ",
        "app",
        "everal",
        "data",
        "regulatory data ",
        "浙江 APP ",
        "人脸 FTC",
        "2021",
        "CN-ZJ",
        "zhejiang",
        "nothing-like-this ",
        "的",
        // Each pair written in one item, the run not.
        "工业标",
        "通信息",
        "批准公",
        "划分级",
        "数据安全管理",
    ];

    #[test]
    fn a_prebuilt_index_finds_what_the_in_browser_index_finds_in_the_same_order() {
        let memory = in_browser();
        for shard_bytes in [1, 300, 1 << 20] {
            let (manifest, files, _) = build(shard_bytes);
            for filter in [
                Filter::default(),
                Filter::new(["CN"]),
                Filter::new(["US", "CN-GD"]),
            ] {
                for q in QUERIES {
                    let query = parse_query(q);
                    // A fresh reader, given only what the query asks for.
                    let mut prebuilt = Prebuilt::new(manifest.clone()).unwrap();
                    for part in prebuilt.needs(&query, &filter) {
                        prebuilt.add(&part, &files[&part.path()]).unwrap();
                    }
                    assert!(prebuilt.needs(&query, &filter).is_empty());
                    let expected: Vec<(u32, u32)> = memory
                        .search(&query, &filter)
                        .iter()
                        .map(|h| (h.doc, h.score))
                        .collect();
                    let got: Vec<(u32, u32)> = prebuilt
                        .search(&query, &filter)
                        .iter()
                        .map(|h| (h.doc, h.score))
                        .collect();
                    assert_eq!(
                        got, expected,
                        "{q:?} with {filter:?}, shards of {shard_bytes} bytes"
                    );
                    // A first page of results: the same first ones, and the same count.
                    let mut first: Vec<(u32, u32)> = prebuilt
                        .search_first(&query, &filter, 2)
                        .iter()
                        .map(|h| (h.doc, h.score))
                        .collect();
                    assert_eq!(first.len(), expected.len());
                    assert_eq!(first[..first.len().min(2)], expected[..first.len().min(2)]);
                    first.sort_unstable();
                    let mut all = expected.clone();
                    all.sort_unstable();
                    assert_eq!(first, all, "{q:?}: the same hits");
                }
            }
        }
        assert!(!memory
            .search(&parse_query("人脸识别"), &Filter::default())
            .is_empty());
    }

    #[test]
    fn an_archive_built_in_parts_and_joined_is_the_archive_built_at_once() {
        let archive = archive();
        let whole = build(300);
        let mut first = Builder::with_shard_bytes(300);
        let mut fragments = first.add_issue(&archive[0].0, &archive[0].1, 3);
        let docs = archive[0].1.items().count() as u32;
        let mut later = Builder::following(1, docs);
        later.shard_bytes = 300;
        for (entry, issue) in &archive[1..] {
            fragments.extend(later.add_issue(entry, issue, 3));
        }
        first.append(later);
        let (manifest, files) = first.finish();
        assert_eq!(manifest, whole.0);
        assert_eq!(files.into_iter().collect::<FxHashMap<_, _>>(), whole.1);
        assert_eq!(fragments, whole.2);
    }

    #[test]
    fn small_shards_mean_many_files_and_a_query_fetches_few_of_them() {
        let (manifest, files, _) = build(300);
        assert!(
            manifest.pairs > 20 && manifest.words.len() > 5,
            "{manifest:?}"
        );
        let prebuilt = Prebuilt::new(manifest).unwrap();
        let needs = prebuilt.needs(&parse_query("人脸识别"), &Filter::default());
        assert!(!needs.is_empty() && needs.len() <= 3, "{needs:?}");
        assert!(files.len() > 50);
    }

    #[test]
    fn fragments_name_their_issue_and_stay_put_when_newer_issues_come() {
        let (manifest, _, fragments) = build(1 << 20);
        let prebuilt = Prebuilt::new(manifest).unwrap();
        // Doc 0 is the newest issue's first item, in the folder of the third issue from the
        // oldest.
        assert_eq!(prebuilt.fragment_path(0), "doc/2/0.json");
        assert_eq!(fragments[0].0, "doc/2/0.json");
        assert_eq!(fragments[0].1.issue.id.as_str(), "copy-0");
        let last = fragments.len() as u32 - 1;
        assert_eq!(prebuilt.fragment_path(last), fragments[last as usize].0);
        assert!(fragments[last as usize].0.starts_with("doc/0/"));
        assert_eq!(prebuilt.issue_of(last), 2);
    }

    #[test]
    fn another_format_or_a_manifest_that_does_not_add_up_is_refused() {
        let (manifest, _, _) = build(1 << 20);
        let other = Manifest {
            format: "newsletter-search/2".into(),
            ..manifest.clone()
        };
        assert!(Prebuilt::new(other).is_none());
        let short = Manifest {
            issues: manifest.issues + 1,
            ..manifest
        };
        assert!(Prebuilt::new(short).is_none());
    }

    #[test]
    fn a_corrupt_or_foreign_file_is_refused_with_its_path() {
        let (manifest, files, _) = build(1 << 20);
        let mut prebuilt = Prebuilt::new(manifest).unwrap();
        let part = Part::Shard(Kind::Pair, 0);
        let good = &files[&part.path()];
        let cut = &good[..good.len() - 3];
        let error = prebuilt.add(&part, cut).unwrap_err();
        assert_eq!(
            error.to_string(),
            "p/0.bin: not a shard of newsletter-search/1"
        );
        assert!(prebuilt
            .add(&part, b"<!doctype html><title>Not found</title>")
            .is_err());
        // A shard of words is not one of pairs.
        let words = &files[&Part::Shard(Kind::Word, 0).path()];
        assert!(prebuilt.add(&part, words).is_err());
        assert!(prebuilt.add(&part, good).is_ok());
    }
}
