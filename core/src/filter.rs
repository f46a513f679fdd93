//! The jurisdiction filter: which items a reader wants to see, and the controls to choose.
//!
//! A subdivision belongs to the country before its dash, so choosing `CN` shows `CN`,
//! `CN-ZJ` and `CN-GD` items. Several choices show their union; no choice shows everything.

use crate::model::{Code, Issue, Item};

/// The chosen jurisdiction codes; empty means everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Sorted, each once: a reader chooses a handful, for which a list does what a tree
    /// would with a fraction of the code in the wasm.
    codes: Vec<String>,
}

impl Filter {
    /// A filter for the given codes; malformed ones are dropped (they could match nothing).
    pub fn new<S: AsRef<str>>(codes: impl IntoIterator<Item = S>) -> Filter {
        let mut filter = Filter::default();
        for code in codes {
            if let Ok(code) = Code::new(code.as_ref().trim()) {
                if let Err(at) = filter.find(code.as_str()) {
                    filter.codes.insert(at, code.as_str().to_owned());
                }
            }
        }
        filter
    }

    pub fn is_all(&self) -> bool {
        self.codes.is_empty()
    }

    /// The chosen codes, sorted.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.codes.iter().map(String::as_str)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.find(code).is_ok()
    }

    /// Where `code` is among the chosen codes, or where it would go.
    fn find(&self, code: &str) -> Result<usize, usize> {
        self.codes
            .binary_search_by(|chosen| chosen.as_str().cmp(code))
    }

    /// Whether an item of jurisdiction `code` is shown.
    pub fn matches(&self, code: &Code) -> bool {
        self.is_all() || self.contains(code.as_str()) || self.contains(code.country())
    }

    pub fn shows(&self, item: &Item) -> bool {
        self.matches(&item.jurisdiction)
    }

    /// This filter with `code` chosen or, if it was chosen, not.
    pub fn toggled(&self, code: &str) -> Filter {
        let mut codes = self.codes.clone();
        match self.find(code) {
            Ok(at) => drop(codes.remove(at)),
            Err(_) => codes.push(code.to_owned()),
        }
        Filter::new(codes)
    }
}

/// One control of the filter: a jurisdiction and how many items choosing it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub code: Code,
    pub count: usize,
}

/// A country with its subdivisions that appear in the issue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The country itself (counting its subdivisions' items too).
    pub country: Choice,
    pub subdivisions: Vec<Choice>,
}

/// The filter's controls for `issue`: one group per country present (directly or through a
/// subdivision), in order of first appearance, each subdivision in order of first appearance.
pub fn groups(issue: &Issue) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (_, item) in issue.items() {
        let code = &item.jurisdiction;
        let at = match groups
            .iter()
            .position(|g| g.country.code.as_str() == code.country())
        {
            Some(at) => at,
            None => {
                let country = Code::new(code.country()).expect("a valid code's country is valid");
                groups.push(Group {
                    country: Choice {
                        code: country,
                        count: 0,
                    },
                    subdivisions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        group.country.count += 1;
        if code.is_subdivision() {
            match group.subdivisions.iter_mut().find(|c| &c.code == code) {
                Some(choice) => choice.count += 1,
                None => group.subdivisions.push(Choice {
                    code: code.clone(),
                    count: 1,
                }),
            }
        }
    }
    groups
}

/// How many items of `issue` the filter shows.
pub fn shown_count(issue: &Issue, filter: &Filter) -> usize {
    issue.items().filter(|(_, item)| filter.shows(item)).count()
}

impl Filter {
    /// Whether the filter shows any of `items` (a section it empties is hidden as well).
    pub fn shows_any(&self, items: &[Item]) -> bool {
        items.iter().any(|item| self.shows(item))
    }
}

/// What a filter shows of one issue, to bring the page's cards and contents entries in
/// line when it changes.
pub struct Visible {
    items: Vec<bool>,
    sections: Vec<bool>,
}

impl Visible {
    pub fn new(issue: &Issue, filter: &Filter) -> Visible {
        Visible {
            items: issue.items().map(|(_, item)| filter.shows(item)).collect(),
            sections: issue
                .sections
                .iter()
                .map(|section| filter.shows_any(&section.items))
                .collect(),
        }
    }

    /// Whether the issue's `n`-th item (counting across sections, in order) is shown;
    /// `None` past the last item.
    pub fn item(&self, n: usize) -> Option<bool> {
        self.items.get(n).copied()
    }

    /// Whether the section at `index` has an item shown; `None` past the last section.
    pub fn section(&self, index: usize) -> Option<bool> {
        self.sections.get(index).copied()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    #[test]
    fn shown_tells_items_and_sections_apart_under_a_filter() {
        let issue = issue(&[&["CN", "CN-ZJ"], &["US"]]);
        let shown = Visible::new(&issue, &Filter::new(["CN-ZJ"]));
        assert_eq!(
            [0, 1, 2, 3].map(|n| shown.item(n)),
            [Some(false), Some(true), Some(false), None]
        );
        assert_eq!(
            [0, 1, 2].map(|s| shown.section(s)),
            [Some(true), Some(false), None]
        );
        let all = Visible::new(&issue, &Filter::default());
        assert_eq!([0, 1].map(|s| all.section(s)), [Some(true), Some(true)]);
        assert!(!Filter::new(["EU"]).shows_any(&issue.sections[0].items));
    }

    use super::*;
    use crate::model::{Id, Section, Text};

    fn item(id: &str, code: &str) -> Item {
        Item {
            id: Id::new(id).unwrap(),
            date: None,
            jurisdiction: Code::new(code).unwrap(),
            regulator: None,
            regulator_id: None,
            title: Text::new("t", "t"),
            body: Text::new("b", "b"),
            source: None,
            tags: vec![],
        }
    }

    pub(crate) fn issue(codes: &[&[&str]]) -> Issue {
        let mut n = 0;
        Issue {
            id: Id::new("i").unwrap(),
            publisher: None,
            publication: None,
            publication_number: None,
            series: None,
            number: None,
            date: None,
            jurisdictions: Default::default(),
            regulators: Default::default(),
            sections: codes
                .iter()
                .enumerate()
                .map(|(s, codes)| Section {
                    id: Id::new(&format!("s{s}")).unwrap(),
                    title: Text::new("栏目", "Section"),
                    items: codes
                        .iter()
                        .map(|code| {
                            n += 1;
                            item(&format!("i{n}"), code)
                        })
                        .collect(),
                })
                .collect(),
            disclaimer: None,
            contact: None,
        }
    }

    fn code(c: &str) -> Code {
        Code::new(c).unwrap()
    }

    #[test]
    fn no_choice_shows_everything() {
        let all = Filter::default();
        assert!(all.matches(&code("CN-ZJ")) && all.matches(&code("US")));
    }

    #[test]
    fn a_country_includes_its_subdivisions() {
        let cn = Filter::new(["CN"]);
        assert!(cn.matches(&code("CN")));
        assert!(cn.matches(&code("CN-ZJ")));
        assert!(cn.matches(&code("CN-GD")));
        assert!(!cn.matches(&code("US")));
    }

    #[test]
    fn a_subdivision_does_not_include_its_country_or_siblings() {
        let zj = Filter::new(["CN-ZJ"]);
        assert!(zj.matches(&code("CN-ZJ")));
        assert!(!zj.matches(&code("CN")));
        assert!(!zj.matches(&code("CN-GD")));
    }

    #[test]
    fn several_choices_show_their_union() {
        let f = Filter::new(["CN-ZJ", "US"]);
        assert!(f.matches(&code("CN-ZJ")) && f.matches(&code("US-CA")));
        assert!(!f.matches(&code("CN-GD")));
    }

    #[test]
    fn malformed_codes_are_dropped() {
        let f = Filter::new(["cn", "<b>", "US"]);
        assert_eq!(f.codes().collect::<Vec<_>>(), ["US"]);
    }

    #[test]
    fn codes_are_kept_sorted_and_once_whatever_the_order_given() {
        let f = Filter::new(["US", "CN-ZJ", " US ", "CN", "EU", "CN-ZJ"]);
        assert_eq!(f.codes().collect::<Vec<_>>(), ["CN", "CN-ZJ", "EU", "US"]);
        // The same choice is the same filter (and the same link), however it was made.
        assert_eq!(f, Filter::new(["EU", "CN", "US", "CN-ZJ"]));
        assert_eq!(f, Filter::new(["CN", "EU"]).toggled("US").toggled("CN-ZJ"));
        assert_eq!(
            f.toggled("CN").codes().collect::<Vec<_>>(),
            ["CN-ZJ", "EU", "US"]
        );
        assert!(f.contains("EU") && !f.contains("GB") && !f.contains("C"));
    }

    #[test]
    fn toggling_adds_then_removes() {
        let f = Filter::default().toggled("US");
        assert!(f.contains("US"));
        assert!(f.toggled("US").is_all());
    }

    #[test]
    fn groups_nest_subdivisions_under_countries_with_counts() {
        let issue = issue(&[&["CN", "CN", "CN-ZJ", "CN-GD"], &["US", "CN-ZJ"]]);
        let got = groups(&issue);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].country,
            Choice {
                code: code("CN"),
                count: 5
            }
        );
        assert_eq!(
            got[0].subdivisions,
            vec![
                Choice {
                    code: code("CN-ZJ"),
                    count: 2
                },
                Choice {
                    code: code("CN-GD"),
                    count: 1
                }
            ]
        );
        assert_eq!(
            got[1].country,
            Choice {
                code: code("US"),
                count: 1
            }
        );
        assert!(got[1].subdivisions.is_empty());
    }

    #[test]
    fn a_country_present_only_through_a_subdivision_still_gets_a_control() {
        let got = groups(&issue(&[&["US-CA"]]));
        assert_eq!(
            got[0].country,
            Choice {
                code: code("US"),
                count: 1
            }
        );
        assert_eq!(got[0].subdivisions[0].code, code("US-CA"));
    }

    #[test]
    fn shown_count_follows_the_filter() {
        let issue = issue(&[&["CN", "CN-ZJ"], &["US"]]);
        assert_eq!(shown_count(&issue, &Filter::default()), 3);
        assert_eq!(shown_count(&issue, &Filter::new(["CN"])), 2);
        assert_eq!(shown_count(&issue, &Filter::new(["CN-ZJ", "US"])), 2);
        assert_eq!(shown_count(&issue, &Filter::new(["EU"])), 0);
    }
}
