//! A course's `schedule:` as a list of meetings: weekly from `start` for `weeks`, less the
//! skipped weeks (the rest move a week later), or the `dates` given; then the changes that
//! happen to a running course: a meeting `cancelled` (the others keep their dates) or `moved`
//! to another day or time.

use chrono::{Datelike, NaiveDate};

use super::raw::RawSchedule;
use super::{Meeting, Schedule, TimeRange};
use crate::messages::{self, Message};

/// Records a problem at `schedule.<path>`, on `item` of that list when given.
pub(super) type Report<'a> = &'a mut dyn FnMut(&[&str], Option<&str>, Message, Message);

/// A time range as written, or the problem with it.
fn time_range(t: &str) -> Result<TimeRange, Message> {
    TimeRange::parse(t).ok_or_else(|| {
        let ends_first = t
            .split_once('-')
            .and_then(|(a, b)| TimeRange::parse(&format!("{b}-{a}")))
            .is_some();
        if ends_first {
            messages::time_ends_first(t)
        } else {
            messages::not_a_time_range(t)
        }
    })
}

/// Turns `schedule:` into the list of meetings.
pub(super) fn validate_schedule(s: &RawSchedule, report: Report) -> Schedule {
    let time = s.time.as_deref().and_then(|t| {
        time_range(t)
            .map_err(|message| report(&["time"], None, message, messages::time_hint()))
            .ok()
    });
    let mut meetings = Vec::new();
    match (&s.dates, s.start, s.weeks) {
        (Some(dates), None, None) => {
            if dates.is_empty() {
                report(
                    &["dates"],
                    None,
                    messages::dates_empty(),
                    messages::dates_empty_hint(),
                );
            }
            meetings = dates.iter().map(|d| d.0).collect();
            meetings.sort();
            meetings.dedup();
            if !s.skip.is_empty() {
                report(
                    &["skip"],
                    None,
                    messages::skip_with_dates(),
                    messages::skip_with_dates_hint(),
                );
            }
        }
        (Some(_), _, _) => report(
            &["dates"],
            None,
            messages::dates_with_start(),
            messages::dates_with_start_hint(),
        ),
        (None, Some(start), Some(weeks)) => {
            if weeks == 0 || weeks > 104 {
                report(
                    &["weeks"],
                    None,
                    messages::weeks_out_of_range(weeks),
                    messages::weeks_hint(),
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
                                messages::skip_not_a_meeting_day(skip),
                                messages::skip_hint(),
                            );
                            break;
                        }
                    }
                }
            }
        }
        (None, None, _) => report(&[], None, messages::no_start(), messages::no_start_hint()),
        (None, Some(_), None) => report(&[], None, messages::no_weeks(), messages::no_weeks_hint()),
    }
    let meetings = changes(s, &meetings, report);
    Schedule { meetings, time }
}

/// The planned dates with `cancelled` and `moved` applied, in the order they are now held.
/// A change must name a planned meeting, and a move may not land on the day of another.
fn changes(s: &RawSchedule, planned: &[NaiveDate], report: Report) -> Vec<Meeting> {
    let mut meetings: Vec<Meeting> = planned.iter().map(|d| Meeting::planned(*d)).collect();
    let not_a_meeting = |date: NaiveDate| {
        planned
            .iter()
            .min_by_key(|d| (**d - date).num_days().abs())
            .map_or_else(messages::planned_date_hint, |d| {
                messages::planned_date_near_hint(d)
            })
    };
    for date in &s.cancelled {
        match meetings.iter_mut().find(|m| m.planned == date.0) {
            Some(m) => m.cancelled = true,
            None => report(
                &["cancelled"],
                Some(&date.to_string()),
                messages::cancelled_not_a_meeting(date),
                not_a_meeting(date.0),
            ),
        }
    }
    for mv in &s.moved {
        let from = mv.from.to_string();
        let Some(n) = meetings.iter().position(|m| m.planned == mv.from.0) else {
            report(
                &["moved"],
                Some(&from),
                messages::moved_not_a_meeting(&from),
                not_a_meeting(mv.from.0),
            );
            continue;
        };
        let moved_time = mv.time.as_deref().and_then(|t| {
            time_range(t)
                .map_err(|message| report(&["moved"], Some(t), message, messages::time_hint()))
                .ok()
        });
        let m = &meetings[n];
        if m.moved {
            report(
                &["moved"],
                Some(&from),
                messages::moved_twice(&from),
                messages::moved_twice_hint(),
            );
            continue;
        }
        if m.cancelled {
            report(
                &["moved"],
                Some(&from),
                messages::moved_and_cancelled(&from),
                messages::moved_and_cancelled_hint(),
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
                messages::moved_onto_meeting(&from, &to),
                messages::moved_onto_meeting_hint(),
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
