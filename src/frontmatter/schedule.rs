//! A course's `schedule:` as a list of meetings: weekly from `start` for `weeks`, less the
//! skipped weeks (the rest move a week later), or the `dates` given; then the changes that
//! happen to a running course: a meeting `cancelled` (the others keep their dates) or `moved`
//! to another day or time.

use chrono::{Datelike, NaiveDate};

use super::raw::RawSchedule;
use super::{Meeting, Schedule, TimeRange};

/// Records a problem at `schedule.<path>`, on `item` of that list when given.
pub(super) type Report<'a> = &'a mut dyn FnMut(&[&str], Option<&str>, String, &str);

/// A time range as written, or the problem with it.
fn time_range(t: &str) -> Result<TimeRange, String> {
    TimeRange::parse(t).ok_or_else(|| {
        let ends_first = t
            .split_once('-')
            .and_then(|(a, b)| TimeRange::parse(&format!("{b}-{a}")))
            .is_some();
        if ends_first {
            format!("`{t}` ends before it starts")
        } else {
            format!("`{t}` is not a time range")
        }
    })
}

const TIME_HINT: &str = "write the start and end time as \"10:00-12:00\"";

/// Turns `schedule:` into the list of meetings.
pub(super) fn validate_schedule(s: &RawSchedule, report: Report) -> Schedule {
    let time = s.time.as_deref().and_then(|t| {
        time_range(t)
            .map_err(|message| report(&["time"], None, message, TIME_HINT))
            .ok()
    });
    let mut meetings = Vec::new();
    match (&s.dates, s.start, s.weeks) {
        (Some(dates), None, None) => {
            if dates.is_empty() {
                report(
                    &["dates"],
                    None,
                    "`dates` is empty".into(),
                    "list the meeting dates, e.g. [2027-02-02, 2027-02-09]",
                );
            }
            meetings = dates.iter().map(|d| d.0).collect();
            meetings.sort();
            meetings.dedup();
            if !s.skip.is_empty() {
                report(
                    &["skip"],
                    None,
                    "`skip` goes with `start` and `weeks`, not with `dates`".into(),
                    "leave the skipped dates out of `dates` instead",
                );
            }
        }
        (Some(_), _, _) => report(
            &["dates"],
            None,
            "`dates` cannot be combined with `start` or `weeks`".into(),
            "give either `dates: [...]`, or `start:` and `weeks:`",
        ),
        (None, Some(start), Some(weeks)) => {
            if weeks == 0 || weeks > 104 {
                report(
                    &["weeks"],
                    None,
                    format!("`weeks: {weeks}` is out of range"),
                    "give the number of weekly meetings, 1 to 104",
                );
            } else {
                let mut date = start.0;
                let mut used_skips = 0;
                while meetings.len() < weeks as usize {
                    if s.skip.iter().any(|d| d.0 == date) {
                        used_skips += 1;
                    } else {
                        meetings.push(date);
                    }
                    date += chrono::Duration::days(7);
                }
                if used_skips != s.skip.len() {
                    for skip in &s.skip {
                        let on_day = skip.0.weekday() == start.0.weekday();
                        if !on_day || skip.0 < start.0 || skip.0 >= date {
                            report(
                                &["skip"],
                                Some(&skip.to_string()),
                                format!("`skip: {skip}` is not a meeting day of this course"),
                                "skip dates must fall on the course's weekday, between its first and last meeting",
                            );
                            break;
                        }
                    }
                }
            }
        }
        (None, None, _) => report(
            &[],
            None,
            "the schedule has no `start` (or `dates`)".into(),
            "add `start: YYYY-MM-DD` and `weeks: N`, or `dates: [...]`",
        ),
        (None, Some(_), None) => report(
            &[],
            None,
            "the schedule has no `weeks`".into(),
            "add `weeks: N`, the number of weekly meetings",
        ),
    }
    let meetings = changes(s, &meetings, report);
    Schedule { meetings, time }
}

/// The planned dates with `cancelled` and `moved` applied, in the order they are now held.
/// A change must name a planned meeting, and a move may not land on the day of another.
fn changes(s: &RawSchedule, planned: &[NaiveDate], report: Report) -> Vec<Meeting> {
    let mut meetings: Vec<Meeting> = planned.iter().map(|d| Meeting::planned(*d)).collect();
    let not_a_meeting = |date: NaiveDate| {
        let near = planned
            .iter()
            .min_by_key(|d| (**d - date).num_days().abs())
            .map(|d| format!("; the nearest meeting is {d}"))
            .unwrap_or_default();
        format!("give the planned date of one of the course's meetings{near}")
    };
    for date in &s.cancelled {
        match meetings.iter_mut().find(|m| m.planned == date.0) {
            Some(m) => m.cancelled = true,
            None => report(
                &["cancelled"],
                Some(&date.to_string()),
                format!("`cancelled: {date}` is not a meeting of this course"),
                &not_a_meeting(date.0),
            ),
        }
    }
    for mv in &s.moved {
        let from = mv.from.to_string();
        let Some(n) = meetings.iter().position(|m| m.planned == mv.from.0) else {
            report(
                &["moved"],
                Some(&from),
                format!("`moved: from: {from}` is not a meeting of this course"),
                &not_a_meeting(mv.from.0),
            );
            continue;
        };
        let moved_time = mv.time.as_deref().and_then(|t| {
            time_range(t)
                .map_err(|message| report(&["moved"], Some(t), message, TIME_HINT))
                .ok()
        });
        let m = &meetings[n];
        if m.moved {
            report(
                &["moved"],
                Some(&from),
                format!("the meeting of {from} is moved twice"),
                "keep one entry for each meeting under `moved:`, with where it is held now",
            );
            continue;
        }
        if m.cancelled {
            report(
                &["moved"],
                Some(&from),
                format!("the meeting of {from} is both cancelled and moved"),
                "take it out of `cancelled:` if it is held on another day, or out of `moved:` if it is not held",
            );
            continue;
        }
        let collides = meetings
            .iter()
            .enumerate()
            .any(|(j, other)| j != n && !other.cancelled && other.date == mv.to.0);
        if collides {
            let to = mv.to.to_string();
            report(
                &["moved"],
                Some(&to),
                format!("the meeting of {from} is moved to {to}, when the course already meets"),
                "choose a day the course does not meet, or cancel one of the two meetings",
            );
            continue;
        }
        let m = &mut meetings[n];
        m.date = mv.to.0;
        m.time = moved_time;
        m.moved = true;
        m.note = mv.note.clone();
    }
    meetings.sort_by_key(|m| (m.date, m.planned));
    meetings
}
