//! The two languages of a newsletter and the reader's three ways of reading them.

use std::fmt;

/// A language a text can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag written into `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The other language, used when a translation is missing.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// How the reader reads: one language, or both (Chinese then English, as printed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LangMode {
    Zh,
    En,
    Both,
}

impl LangMode {
    pub const ALL: [LangMode; 3] = [LangMode::Zh, LangMode::En, LangMode::Both];

    /// The value used in the URL (`lang=`) and in local storage.
    pub fn as_str(self) -> &'static str {
        match self {
            LangMode::Zh => "zh",
            LangMode::En => "en",
            LangMode::Both => "both",
        }
    }

    /// Reads a `lang=` value; anything unknown is `None` (and then ignored).
    pub fn parse(value: &str) -> Option<LangMode> {
        match value.trim().to_ascii_lowercase().as_str() {
            "zh" => Some(LangMode::Zh),
            "en" => Some(LangMode::En),
            "both" => Some(LangMode::Both),
            _ => None,
        }
    }

    /// The languages shown, in the order they are printed.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            LangMode::Zh => &[Lang::Zh],
            LangMode::En => &[Lang::En],
            LangMode::Both => &[Lang::Zh, Lang::En],
        }
    }

    /// The language of the page as a whole (`<html lang>`): Chinese leads in "both".
    pub fn primary(self) -> Lang {
        match self {
            LangMode::En => Lang::En,
            LangMode::Zh | LangMode::Both => Lang::Zh,
        }
    }
}

/// A set of language modes: those in which one element of a text is shown.
///
/// The view renders every element a text can need once, marks each with the modes it is
/// hidden in, and lets the style sheet show the right ones for the mode on `<html>`; so a
/// language switch changes one attribute, not the cards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Modes(u8);

impl Modes {
    /// The modes in which `lang` is shown: on its own, and beside the other language.
    pub fn of(lang: Lang) -> Modes {
        let alone = match lang {
            Lang::Zh => LangMode::Zh,
            Lang::En => LangMode::En,
        };
        Modes::default().with(alone).with(LangMode::Both)
    }

    fn bit(mode: LangMode) -> u8 {
        match mode {
            LangMode::Zh => 1,
            LangMode::En => 2,
            LangMode::Both => 4,
        }
    }

    pub fn with(self, mode: LangMode) -> Modes {
        Modes(self.0 | Modes::bit(mode))
    }

    pub fn contains(self, mode: LangMode) -> bool {
        self.0 & Modes::bit(mode) != 0
    }

    /// The modes of [`LangMode::ALL`] this set does not hold.
    pub fn hidden_in(self) -> impl Iterator<Item = LangMode> {
        LangMode::ALL
            .into_iter()
            .filter(move |&m| !self.contains(m))
    }

    /// The classes that hide an element outside these modes: `nv-hide-en nv-hide-both`.
    pub fn hiding_classes(self) -> String {
        self.hidden_in()
            .map(|mode| format!("nv-hide-{mode}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Display for LangMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The mode for a first visit, from the browser's preferred languages (`navigator.languages`,
/// most preferred first): the first of them that is Chinese or English decides; with
/// neither, English.
pub fn preferred_mode<S: AsRef<str>>(browser_langs: &[S]) -> LangMode {
    for tag in browser_langs {
        let primary = tag
            .as_ref()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => return LangMode::Zh,
            "en" => return LangMode::En,
            _ => {}
        }
    }
    LangMode::En
}

/// Which mode wins: the URL's, else the reader's remembered choice, else the browser's.
pub fn resolve_mode<S: AsRef<str>>(
    from_url: Option<LangMode>,
    remembered: Option<&str>,
    browser_langs: &[S],
) -> LangMode {
    from_url
        .or_else(|| remembered.and_then(LangMode::parse))
        .unwrap_or_else(|| preferred_mode(browser_langs))
}

/// How "both" mode sets a card's two languages on a wide screen (and on paper): side by
/// side, paragraph beside paragraph, or stacked, Chinese then English, as on a phone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Arrangement {
    #[default]
    SideBySide,
    Stacked,
}

impl Arrangement {
    /// The value in the URL (`layout=`) and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Arrangement::SideBySide => "side",
            Arrangement::Stacked => "stacked",
        }
    }

    pub fn parse(value: &str) -> Option<Arrangement> {
        match value.trim().to_ascii_lowercase().as_str() {
            "side" => Some(Arrangement::SideBySide),
            "stacked" => Some(Arrangement::Stacked),
            _ => None,
        }
    }

    /// The URL's, else the reader's remembered choice, else side by side.
    pub fn resolve(from_url: Option<Arrangement>, remembered: Option<&str>) -> Arrangement {
        from_url
            .or_else(|| remembered.and_then(Arrangement::parse))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arrangement_is_the_urls_else_the_remembered_else_side_by_side() {
        use Arrangement::*;
        assert_eq!(Arrangement::resolve(Some(Stacked), Some("side")), Stacked);
        assert_eq!(Arrangement::resolve(None, Some(" Stacked")), Stacked);
        assert_eq!(Arrangement::resolve(None, Some("wide")), SideBySide);
        assert_eq!(Arrangement::resolve(None, None), SideBySide);
        for a in [SideBySide, Stacked] {
            assert_eq!(Arrangement::parse(a.as_str()), Some(a));
        }
    }

    #[test]
    fn chinese_browsers_get_chinese_whatever_the_region() {
        assert_eq!(preferred_mode(&["zh-CN", "en"]), LangMode::Zh);
        assert_eq!(preferred_mode(&["zh-Hant-TW"]), LangMode::Zh);
        assert_eq!(preferred_mode(&["ZH"]), LangMode::Zh);
    }

    #[test]
    fn other_browsers_get_english() {
        assert_eq!(preferred_mode(&["en-GB", "zh-CN"]), LangMode::En);
        assert_eq!(preferred_mode(&["fr-FR", "de"]), LangMode::En);
        assert_eq!(preferred_mode::<&str>(&[]), LangMode::En);
    }

    #[test]
    fn the_first_of_chinese_or_english_decides_after_other_languages() {
        assert_eq!(preferred_mode(&["fr", "zh-CN", "en"]), LangMode::Zh);
    }

    #[test]
    fn url_beats_remembered_choice_which_beats_the_browser() {
        assert_eq!(
            resolve_mode(Some(LangMode::Both), Some("en"), &["zh"]),
            LangMode::Both
        );
        assert_eq!(resolve_mode(None, Some("en"), &["zh"]), LangMode::En);
        assert_eq!(resolve_mode(None, Some("garbage"), &["zh"]), LangMode::Zh);
        assert_eq!(resolve_mode(None, None, &["zh"]), LangMode::Zh);
    }

    #[test]
    fn mode_sets_name_the_modes_they_hide_in() {
        let zh_and_both = Modes::default().with(LangMode::Zh).with(LangMode::Both);
        assert!(zh_and_both.contains(LangMode::Both) && !zh_and_both.contains(LangMode::En));
        assert_eq!(zh_and_both.hiding_classes(), "nv-hide-en");
        assert_eq!(
            Modes::default().hiding_classes(),
            "nv-hide-zh nv-hide-en nv-hide-both"
        );
    }

    #[test]
    fn modes_round_trip_through_their_url_value() {
        for mode in LangMode::ALL {
            assert_eq!(LangMode::parse(mode.as_str()), Some(mode));
        }
        assert_eq!(LangMode::parse("fr"), None);
    }
}
