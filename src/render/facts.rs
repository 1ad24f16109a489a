//! What a course or session page says about itself through its template rather than its
//! Markdown — a course's category, weekdays, place, referral, mode, audiences and availability, a
//! session's number — in the site language, as one line of words for the search index. Without
//! it, a search for `tirsdag` or `henvisning` would find none of the courses whose pages say so.
//!
//! In: a course as resolved once per build (`site::courses`) or a session plan, and the theme's
//! UI strings. Out: the words, the facts apart (` · `), so none run into the next in an excerpt.

use super::courses::{availability_label, mode_label};
use crate::config::Language;
use crate::frontmatter::{Availability, Mode, SessionPlan};
use crate::i18n::{self, Strings};
use crate::site::courses::ResolvedCourse;

/// Between two facts, in the index and in a hit.
const SEPARATOR: &str = " · ";

/// A course's facts, the words as its page shows them: `Skriveværksted · tirsdag · Makers
/// Corner · Eksempelvej 1 · Ingen henvisning · uden henvisning · Fremmøde · Pårørende ·
/// Venteliste`. An online course has the words of `online:` where a place would be.
pub(super) fn course_facts(r: &ResolvedCourse, t: &Strings, lang: Language) -> String {
    let c = r.course;
    let mut facts: Vec<&str> = Vec::new();
    facts.extend(r.category.map(|c| c.label.as_str()));
    facts.extend(r.weekdays.iter().map(|&(i, _)| i18n::weekday_name(i, lang)));
    if c.mode != Mode::Online {
        if let Some(place) = r.location {
            facts.push(&place.name);
            facts.extend(place.address.as_deref());
        }
    }
    if c.mode.remote() {
        facts.extend(c.online.as_deref());
    }
    // The page says «Ingen henvisning»; people search for «uden henvisning» too.
    match c.referral {
        true => facts.push(t.get("referral_required")),
        false => facts.extend([t.get("referral_none"), t.get("search_no_referral")]),
    }
    facts.push(mode_label(t, c.mode));
    facts.extend(r.audiences.iter().map(|a| a.label.as_str()));
    facts.extend(match c.availability {
        Availability::Open => r.has_places().then(|| t.get("search_places_free")),
        other => availability_label(t, other),
    });
    facts.join(SEPARATOR)
}

/// A session's facts: `Session 7 · uge 7` (sessions are weekly: session N is held in week N).
pub(super) fn session_facts(plan: &SessionPlan, t: &Strings) -> String {
    let n = plan.number;
    format!("{} {n}{SEPARATOR}{} {n}", t.get("session"), t.get("week"))
}
