//! The table of contents: the sections and items a reader can jump to under a filter.

use crate::filter::Filter;
use crate::model::{Issue, Item, Section};

/// One section of the contents and the items of it that the filter shows, as indices into
/// `issue.sections` and that section's `items` (owned, so a view can key and keep them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentsSection {
    pub section: usize,
    pub items: Vec<usize>,
}

impl ContentsSection {
    pub fn section<'a>(&self, issue: &'a Issue) -> &'a Section {
        &issue.sections[self.section]
    }

    pub fn items<'a>(&self, issue: &'a Issue) -> impl Iterator<Item = &'a Item> + use<'a, '_> {
        let section = self.section(issue);
        self.items.iter().map(move |&i| &section.items[i])
    }
}

/// The contents of `issue` under `filter`: sections left empty by the filter are left out.
/// Each item links to `#` followed by its id.
pub fn contents(issue: &Issue, filter: &Filter) -> Vec<ContentsSection> {
    issue
        .sections
        .iter()
        .enumerate()
        .map(|(s, section)| ContentsSection {
            section: s,
            items: (0..section.items.len())
                .filter(|&i| filter.shows(&section.items[i]))
                .collect(),
        })
        .filter(|entry| !entry.items.is_empty())
        .collect()
}

/// Cards rendered before the first paint of an issue; the rest follow in chunks.
pub const FIRST_CARDS: usize = 40;
/// Cards added per frame after the first ones.
pub const CARDS_PER_FRAME: usize = 150;

/// How many items of a section whose first item has `start` as its index in the whole
/// issue, and which has `len` items, are rendered once `rendered` items of the issue are.
pub fn rendered_in_section(start: usize, len: usize, rendered: usize) -> usize {
    rendered.saturating_sub(start).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::tests::issue;

    fn ids(issue: &Issue, contents: &[ContentsSection]) -> Vec<(String, Vec<String>)> {
        contents
            .iter()
            .map(|s| {
                (
                    s.section(issue).id.to_string(),
                    s.items(issue).map(|i| i.id.to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn without_a_filter_every_section_and_item_is_listed_in_order() {
        let issue = issue(&[&["CN", "CN-ZJ"], &["US"]]);
        assert_eq!(
            ids(&issue, &contents(&issue, &Filter::default())),
            vec![
                ("s0".to_string(), vec!["i1".to_string(), "i2".to_string()]),
                ("s1".to_string(), vec!["i3".to_string()])
            ]
        );
    }

    #[test]
    fn rendering_fills_sections_in_reading_order() {
        // Sections of 3, 4 and 2 items start at 0, 3 and 7.
        let sections = [(0, 3), (3, 4), (7, 2)];
        let at = |rendered| {
            sections
                .iter()
                .map(|&(start, len)| rendered_in_section(start, len, rendered))
                .collect::<Vec<_>>()
        };
        assert_eq!(at(0), [0, 0, 0]);
        assert_eq!(at(2), [2, 0, 0]);
        assert_eq!(at(5), [3, 2, 0]);
        assert_eq!(at(9), [3, 4, 2]);
        assert_eq!(at(100), [3, 4, 2]);
    }

    #[test]
    fn sections_emptied_by_the_filter_drop_out() {
        let issue = issue(&[&["CN", "CN-ZJ"], &["US"]]);
        assert_eq!(
            ids(&issue, &contents(&issue, &Filter::new(["CN-ZJ"]))),
            vec![("s0".to_string(), vec!["i2".to_string()])]
        );
        assert!(contents(&issue, &Filter::new(["EU"])).is_empty());
    }
}
