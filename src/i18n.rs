//! Words that depend on the site language: the theme's UI strings and dates in words.
//!
//! Dates are written the Danish way ("tirsdag 2. februar 2027") or the English way ("Tuesday
//! 2 February 2027"). The handful of names is kept here rather than pulling in a locale database.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::config::Language;

const DA_WEEKDAYS: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];
const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DA_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekday's name: `tirsdag`.
pub fn weekday(date: NaiveDate, lang: Language) -> &'static str {
    weekday_name(date.weekday().num_days_from_monday(), lang)
}

/// The name of the weekday `index` days after Monday (`1` → `tirsdag`), as courses resolve
/// their weekdays.
pub fn weekday_name(index: u32, lang: Language) -> &'static str {
    let i = index as usize % 7;
    match lang {
        Language::Da => DA_WEEKDAYS[i],
        Language::En => EN_WEEKDAYS[i],
    }
}

/// `2. februar 2027` / `2 February 2027`.
pub fn date(date: NaiveDate, lang: Language) -> String {
    let m = date.month0() as usize;
    match lang {
        Language::Da => format!("{}. {} {}", date.day(), DA_MONTHS[m], date.year()),
        Language::En => format!("{} {} {}", date.day(), EN_MONTHS[m], date.year()),
    }
}

/// The months from `from` to `to` as a term is named: `februar–juli 2027`, `november
/// 2026–april 2027`, or one month, `februar 2027` (`February–July 2027` in English).
pub fn month_span(from: NaiveDate, to: NaiveDate, lang: Language) -> String {
    let names = match lang {
        Language::Da => DA_MONTHS,
        Language::En => EN_MONTHS,
    };
    let (a, b) = (names[from.month0() as usize], names[to.month0() as usize]);
    match (from.year() == to.year(), from.month() == to.month()) {
        (true, true) => format!("{a} {}", to.year()),
        (true, false) => format!("{a}–{b} {}", to.year()),
        _ => format!("{a} {}–{b} {}", from.year(), to.year()),
    }
}

/// `tirsdag 2. februar 2027` / `Tuesday 2 February 2027`.
pub fn long_date(d: NaiveDate, lang: Language) -> String {
    format!("{} {}", weekday(d, lang), date(d, lang))
}

/// The theme's UI strings for one language: a flat map of key → text.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Strings(pub BTreeMap<String, String>);

impl Strings {
    /// The string for `key`, or the key itself so a missing string shows up in the page instead
    /// of breaking it. `check_required` reports missing keys at build time.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map(String::as_str).unwrap_or(key)
    }

    /// The keys the build itself uses (as opposed to the templates), missing from this map.
    pub fn missing_required(&self) -> Vec<&'static str> {
        REQUIRED
            .iter()
            .copied()
            .filter(|k| !self.0.contains_key(*k))
            .collect()
    }
}

/// UI strings that the Rust side puts into pages, so every theme language must have them.
pub const REQUIRED: &[&str] = &[
    "callout_note",
    "callout_tip",
    "callout_important",
    "callout_warning",
    "callout_caution",
    "facilitator_peer",
    "facilitator_staff",
    "hour",
    "hours",
    "minute",
    "minutes",
    "home",
    "nav_courses",
    "nav_manuals",
    "nav_search",
    "catalogue_title",
    "manuals_title",
    "search_title",
    "description_front",
    "description_catalogue",
    "description_manuals",
    "description_search",
    "table",
    "task_open",
    "task_done",
    "status_open",
    "status_closed",
    "status_running",
    "status_finished",
    "intake_until",
    "intake_until_suffix",
    "courses_at",
    "courses_on",
    "no_referral_title",
    "archive_title",
    "free_places_title",
    "online_title",
    "audience_title",
    "availability_full",
    "availability_waitlist",
    "availability_cancelled",
    "meeting_cancelled",
    "mode_online",
    "mode_hybrid",
    "mode_onsite",
    "referral_none",
    "referral_required",
    "session",
    "week",
    "search_no_referral",
    "search_places_free",
    "prospectus_title",
    "prospectus_term",
    "description_prospectus",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_dates() {
        let d = NaiveDate::from_ymd_opt(2027, 2, 2).unwrap();
        assert_eq!(long_date(d, Language::Da), "tirsdag 2. februar 2027");
        assert_eq!(long_date(d, Language::En), "Tuesday 2 February 2027");
        let d = NaiveDate::from_ymd_opt(2027, 5, 16).unwrap();
        assert_eq!(long_date(d, Language::Da), "søndag 16. maj 2027");
    }

    #[test]
    fn terms_name_their_months() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        for (from, to, lang, term) in [
            (
                "2027-02-01",
                "2027-07-31",
                Language::Da,
                "februar–juli 2027",
            ),
            (
                "2026-11-22",
                "2027-05-21",
                Language::Da,
                "november 2026–maj 2027",
            ),
            ("2027-02-01", "2027-02-28", Language::Da, "februar 2027"),
            (
                "2027-02-01",
                "2027-07-31",
                Language::En,
                "February–July 2027",
            ),
        ] {
            assert_eq!(month_span(d(from), d(to), lang), term);
        }
    }
}
