//! The filter: which items a reader wants to see, by jurisdiction and by regulator, and
//! the controls to choose.
//!
//! A subdivision belongs to the country before its dash, so choosing `CN` shows `CN`,
//! `CN-ZJ` and `CN-GD` items. Within one facet several choices show their union; across
//! the two, an item must be shown by both (`CN` and `miit`: MIIT's Chinese items). No
//! choice in a facet lets everything through it.

use crate::model::{Code, Id, Issue, Item};

/// The chosen jurisdiction codes and regulator ids; empty means everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Sorted, each once: a reader chooses a handful, for which a list does what a tree
    /// would with a fraction of the code in the wasm.
    codes: Vec<String>,
    /// Regulator ids (format 1.1), sorted, each once.
    regulators: Vec<String>,
}

/// Adds each valid value to the sorted `list` once; invalid ones are dropped (they could
/// match nothing).
fn add_checked<S: AsRef<str>, T: std::ops::Deref<Target = str>>(
    list: &mut Vec<String>,
    values: impl IntoIterator<Item = S>,
    check: impl Fn(&str) -> Result<T, String>,
) {
    for value in values {
        if let Ok(value) = check(value.as_ref().trim()) {
            if let Err(at) = find(list, &value) {
                list.insert(at, value.to_owned());
            }
        }
    }
}

/// Where `value` is in the sorted `list`, or where it would go.
fn find(list: &[String], value: &str) -> Result<usize, usize> {
    list.binary_search_by(|chosen| chosen.as_str().cmp(value))
}

/// `list` with `value` added (if valid) or, if it was there, removed.
fn toggle<T: std::ops::Deref<Target = str>>(
    list: &[String],
    value: &str,
    check: impl Fn(&str) -> Result<T, String>,
) -> Vec<String> {
    let mut list = list.to_vec();
    match find(&list, value) {
        Ok(at) => drop(list.remove(at)),
        Err(_) => add_checked(&mut list, [value], check),
    }
    list
}

impl Filter {
    /// A filter for the given jurisdiction codes.
    pub fn new<S: AsRef<str>>(codes: impl IntoIterator<Item = S>) -> Filter {
        let mut filter = Filter::default();
        add_checked(&mut filter.codes, codes, Code::new);
        filter
    }

    /// This filter with the given regulator ids chosen too (malformed ones dropped).
    pub fn with_regulators<S: AsRef<str>>(mut self, ids: impl IntoIterator<Item = S>) -> Filter {
        add_checked(&mut self.regulators, ids, Id::new);
        self
    }

    /// Whether nothing is chosen in either facet.
    pub fn is_all(&self) -> bool {
        self.codes.is_empty() && self.regulators.is_empty()
    }

    /// The chosen codes, sorted.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.codes.iter().map(String::as_str)
    }

    /// The chosen regulator ids, sorted.
    pub fn regulators(&self) -> impl Iterator<Item = &str> {
        self.regulators.iter().map(String::as_str)
    }

    /// Whether the jurisdiction `code` is chosen.
    pub fn contains(&self, code: &str) -> bool {
        find(&self.codes, code).is_ok()
    }

    /// Whether the regulator `id` is chosen.
    pub fn has_regulator(&self, id: &str) -> bool {
        find(&self.regulators, id).is_ok()
    }

    /// Whether the jurisdiction facet lets an item of jurisdiction `code` through.
    pub fn matches(&self, code: &Code) -> bool {
        self.codes.is_empty() || self.contains(code.as_str()) || self.contains(code.country())
    }

    /// Whether the regulator facet lets `item` through: any item when none is chosen, else
    /// an item whose regulator id is chosen.
    pub fn matches_regulator(&self, item: &Item) -> bool {
        self.regulators.is_empty()
            || item
                .regulator_id
                .as_ref()
                .is_some_and(|id| self.has_regulator(id))
    }

    pub fn shows(&self, item: &Item) -> bool {
        self.matches(&item.jurisdiction) && self.matches_regulator(item)
    }

    /// This filter with `code` chosen or, if it was chosen, not.
    pub fn toggled(&self, code: &str) -> Filter {
        Filter {
            codes: toggle(&self.codes, code, Code::new),
            regulators: self.regulators.clone(),
        }
    }

    /// This filter with the regulator `id` chosen or, if it was chosen, not.
    pub fn toggled_regulator(&self, id: &str) -> Filter {
        Filter {
            codes: self.codes.clone(),
            regulators: toggle(&self.regulators, id, Id::new),
        }
    }

    /// This filter with nothing chosen in the jurisdiction facet.
    pub fn without_jurisdictions(&self) -> Filter {
        Filter {
            codes: Vec::new(),
            regulators: self.regulators.clone(),
        }
    }

    /// This filter with nothing chosen in the regulator facet.
    pub fn without_regulators(&self) -> Filter {
        Filter {
            codes: self.codes.clone(),
            regulators: Vec::new(),
        }
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

/// The jurisdiction facet's controls for `issue`: one group per country present (directly
/// or through a subdivision), in order of first appearance, each subdivision in order of
/// first appearance. The counts are of the items `filter`'s regulator facet lets through
/// (so they say what choosing each would show); the groups are the same whatever it is.
pub fn groups(issue: &Issue, filter: &Filter) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (_, item) in issue.items() {
        let counted = usize::from(filter.matches_regulator(item));
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
        group.country.count += counted;
        if code.is_subdivision() {
            match group.subdivisions.iter_mut().find(|c| &c.code == code) {
                Some(choice) => choice.count += counted,
                None => group.subdivisions.push(Choice {
                    code: code.clone(),
                    count: counted,
                }),
            }
        }
    }
    groups
}

/// One control of the regulator facet: a regulator of the issue and how many items
/// choosing it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegulatorChoice {
    pub id: Id,
    pub count: usize,
}

/// The regulator facet's controls for `issue`: one per regulator its items name by id, in
/// order of first appearance (none when no item does). The counts are of the items
/// `filter`'s jurisdiction facet lets through; the choices are the same whatever it is.
pub fn regulator_choices(issue: &Issue, filter: &Filter) -> Vec<RegulatorChoice> {
    let mut choices: Vec<RegulatorChoice> = Vec::new();
    for (_, item) in issue.items() {
        let Some(id) = &item.regulator_id else {
            continue;
        };
        let counted = usize::from(filter.matches(&item.jurisdiction));
        match choices.iter_mut().find(|c| &c.id == id) {
            Some(choice) => choice.count += counted,
            None => choices.push(RegulatorChoice {
                id: id.clone(),
                count: counted,
            }),
        }
    }
    choices
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
        let got = groups(&issue, &Filter::default());
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
        let got = groups(&issue(&[&["US-CA"]]), &Filter::default());
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

    /// `issue(codes)` with its items' regulator ids given in the same shape (`""`: none).
    fn with_regulators(mut issue: Issue, ids: &[&[&str]]) -> Issue {
        for (section, ids) in issue.sections.iter_mut().zip(ids) {
            for (item, id) in section.items.iter_mut().zip(*ids) {
                item.regulator_id = Id::new(id).ok();
            }
        }
        issue
    }

    #[test]
    fn facets_combine_with_and_and_choices_within_one_with_or() {
        let issue = with_regulators(
            issue(&[&["CN", "CN-ZJ", "US"]]),
            &[&["miit", "zj-ca", "ftc"]],
        );
        let shown = |f: &Filter| -> Vec<String> {
            issue
                .items()
                .filter(|(_, item)| f.shows(item))
                .map(|(_, item)| item.id.to_string())
                .collect()
        };
        let miit_or_ftc = Filter::default().with_regulators(["miit", "ftc"]);
        assert_eq!(shown(&miit_or_ftc), ["i1", "i3"]);
        assert_eq!(
            shown(&Filter::new(["CN"]).with_regulators(["miit", "ftc"])),
            ["i1"]
        );
        assert_eq!(
            shown(&Filter::new(["US"]).with_regulators(["zj-ca"])),
            [] as [&str; 0]
        );
        // An item with no regulator id is left out once a regulator is chosen.
        let mut unnamed = issue.clone();
        unnamed.sections[0].items[0].regulator_id = None;
        assert!(!miit_or_ftc.shows(&unnamed.sections[0].items[0]));
        assert!(Filter::new(["CN"]).shows(&unnamed.sections[0].items[0]));
    }

    #[test]
    fn regulator_ids_are_checked_sorted_toggled_and_kept_apart_from_codes() {
        let f = Filter::new(["US"]).with_regulators(["miit", "bad id", "cbirc", "miit"]);
        assert_eq!(f.regulators().collect::<Vec<_>>(), ["cbirc", "miit"]);
        assert!(f.has_regulator("miit") && !f.contains("miit"));
        assert_eq!(
            f.toggled_regulator("miit").regulators().collect::<Vec<_>>(),
            ["cbirc"]
        );
        assert_eq!(f.toggled_regulator("<x>"), f);
        assert_eq!(f.toggled("<x>"), f);
        assert_eq!(f.without_regulators(), Filter::new(["US"]));
        assert_eq!(f.without_jurisdictions().codes().count(), 0);
        assert!(!f.without_jurisdictions().is_all());
        assert!(Filter::default()
            .with_regulators(["cbirc"])
            .matches(&code("US")));
    }

    #[test]
    fn each_facet_counts_what_the_other_lets_through() {
        let issue = with_regulators(
            issue(&[&["CN", "CN-ZJ", "CN-ZJ", "US"]]),
            &[&["miit", "zj-ca", "", "miit"]],
        );
        let counts = |f: &Filter| -> Vec<(String, usize)> {
            regulator_choices(&issue, f)
                .into_iter()
                .map(|c| (c.id.to_string(), c.count))
                .collect()
        };
        let both = [("miit".to_owned(), 2), ("zj-ca".to_owned(), 1)];
        assert_eq!(counts(&Filter::default()), both);
        // Choosing a regulator does not change its own facet's counts.
        assert_eq!(counts(&Filter::default().with_regulators(["miit"])), both);
        assert_eq!(
            counts(&Filter::new(["US"])),
            [("miit".to_owned(), 1), ("zj-ca".to_owned(), 0)]
        );
        let miit = groups(&issue, &Filter::default().with_regulators(["miit"]));
        assert_eq!(miit.len(), 2, "the same groups, whatever the regulator");
        assert_eq!(miit[0].country.count, 1);
        assert_eq!(miit[0].subdivisions[0].count, 0);
        assert_eq!(miit[1].country.count, 1);
        assert_eq!(groups(&issue, &Filter::new(["US"]))[0].country.count, 3);
        assert!(regulator_choices(&super::tests::issue(&[&["CN"]]), &Filter::default()).is_empty());
    }
}
