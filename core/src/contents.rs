//! The table of contents: the sections and items a reader can jump to under a filter.

use crate::filter::Filter;
use crate::model::{Issue, Item, Section};

/// One section of the contents and its items that the filter shows.
#[derive(Debug, PartialEq)]
pub struct ContentsSection<'a> {
    pub section: &'a Section,
    pub items: Vec<&'a Item>,
}

/// The contents of `issue` under `filter`: sections left empty by the filter are left out.
/// Each item links to `#` followed by its id.
pub fn contents<'a>(issue: &'a Issue, filter: &Filter) -> Vec<ContentsSection<'a>> {
    issue
        .sections
        .iter()
        .map(|section| ContentsSection {
            section,
            items: section.items.iter().filter(|item| filter.shows(item)).collect(),
        })
        .filter(|entry| !entry.items.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::tests::issue;

    fn ids(contents: &[ContentsSection<'_>]) -> Vec<(String, Vec<String>)> {
        contents
            .iter()
            .map(|s| {
                (
                    s.section.id.to_string(),
                    s.items.iter().map(|i| i.id.to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn without_a_filter_every_section_and_item_is_listed_in_order() {
        let issue = issue(&[&["CN", "CN-ZJ"], &["US"]]);
        assert_eq!(
            ids(&contents(&issue, &Filter::default())),
            vec![
                ("s0".to_string(), vec!["i1".to_string(), "i2".to_string()]),
                ("s1".to_string(), vec!["i3".to_string()])
            ]
        );
    }

    #[test]
    fn sections_emptied_by_the_filter_drop_out() {
        let issue = issue(&[&["CN", "CN-ZJ"], &["US"]]);
        assert_eq!(
            ids(&contents(&issue, &Filter::new(["CN-ZJ"]))),
            vec![("s0".to_string(), vec!["i2".to_string()])]
        );
        assert!(contents(&issue, &Filter::new(["EU"])).is_empty());
    }
}
