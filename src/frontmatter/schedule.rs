//! A course's `schedule:` as a list of meeting dates: weekly from `start` for `weeks`, less the
//! skipped weeks (the rest move a week later), or the `dates` given.

use chrono::Datelike;

use super::raw::RawSchedule;
use super::{Schedule, TimeRange};

/// Turns `schedule:` into the list of meeting dates. `report(path, message, hint)` records a
/// problem at `schedule.<path>`.
pub(super) fn validate_schedule(
    s: &RawSchedule,
    report: &mut dyn FnMut(&[&str], String, &str),
) -> Schedule {
    let time = match &s.time {
        None => None,
        Some(t) => match TimeRange::parse(t) {
            Some(r) => Some(r),
            None => {
                let ends_first = t
                    .split_once('-')
                    .and_then(|(a, b)| Some((TimeRange::parse(&format!("{b}-{a}"))?, ())))
                    .is_some();
                let message = if ends_first {
                    format!("`{t}` ends before it starts")
                } else {
                    format!("`{t}` is not a time range")
                };
                report(
                    &["time"],
                    message,
                    "write the start and end time as \"10:00-12:00\"",
                );
                None
            }
        },
    };
    let mut meetings = Vec::new();
    match (&s.dates, s.start, s.weeks) {
        (Some(dates), None, None) => {
            if dates.is_empty() {
                report(
                    &["dates"],
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
                    "`skip` goes with `start` and `weeks`, not with `dates`".into(),
                    "leave the skipped dates out of `dates` instead",
                );
            }
        }
        (Some(_), _, _) => report(
            &["dates"],
            "`dates` cannot be combined with `start` or `weeks`".into(),
            "give either `dates: [...]`, or `start:` and `weeks:`",
        ),
        (None, Some(start), Some(weeks)) => {
            if weeks == 0 || weeks > 104 {
                report(
                    &["weeks"],
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
            "the schedule has no `start` (or `dates`)".into(),
            "add `start: YYYY-MM-DD` and `weeks: N`, or `dates: [...]`",
        ),
        (None, Some(_), None) => report(
            &[],
            "the schedule has no `weeks`".into(),
            "add `weeks: N`, the number of weekly meetings",
        ),
    }
    Schedule { meetings, time }
}
