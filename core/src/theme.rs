//! Light and dark: the reader's choice (automatic, or one of them) and the scheme it gives.

/// What the reader chose. `Auto` follows the system's `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Light,
    Dark,
}

/// The colour scheme in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// The value kept in local storage.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// Reads a stored value; anything unknown is `Auto`.
    pub fn parse(value: Option<&str>) -> ThemeChoice {
        match value.map(str::trim) {
            Some("light") => ThemeChoice::Light,
            Some("dark") => ThemeChoice::Dark,
            _ => ThemeChoice::Auto,
        }
    }

    /// The scheme this choice gives when the system prefers dark (`system_dark`) or not.
    pub fn scheme(self, system_dark: bool) -> Scheme {
        match self {
            ThemeChoice::Light => Scheme::Light,
            ThemeChoice::Dark => Scheme::Dark,
            ThemeChoice::Auto if system_dark => Scheme::Dark,
            ThemeChoice::Auto => Scheme::Light,
        }
    }
}

impl Scheme {
    /// The value of `<html data-theme>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_follows_the_system() {
        assert_eq!(ThemeChoice::Auto.scheme(true), Scheme::Dark);
        assert_eq!(ThemeChoice::Auto.scheme(false), Scheme::Light);
    }

    #[test]
    fn a_manual_choice_wins_over_the_system() {
        assert_eq!(ThemeChoice::Light.scheme(true), Scheme::Light);
        assert_eq!(ThemeChoice::Dark.scheme(false), Scheme::Dark);
    }

    #[test]
    fn stored_values_round_trip_and_garbage_is_automatic() {
        for choice in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::parse(Some(choice.as_str())), choice);
        }
        assert_eq!(ThemeChoice::parse(Some("purple")), ThemeChoice::Auto);
        assert_eq!(ThemeChoice::parse(None), ThemeChoice::Auto);
    }
}
