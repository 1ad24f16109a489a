//! The parser's unit tests: kinds, schedules and their changes, course values, placed errors.

use super::*;
use crate::messages::Language;
use std::collections::BTreeMap;

fn project() -> Project {
    let mut categories = BTreeMap::new();
    categories.insert(
        "skrivevaerksted".to_string(),
        crate::config::Category {
            slug: "skrivevaerksted".into(),
            label: "Skriveværksted".into(),
            description: None,
        },
    );
    Project {
        title: "T".into(),
        language: crate::config::Language::Da,
        theme: "default".into(),
        categories,
        max_lix: None,
        allow_html: false,
        audiences: [(
            "paaroerende".to_string(),
            crate::config::Audience {
                key: "paaroerende".into(),
                label: "Pårørende".into(),
            },
        )]
        .into(),
        prospectus_months: 6,
    }
}

/// The page, or its problems: those that stopped it being read, or those it carries.
fn parse(rel: &str, text: &str) -> Result<Page, Vec<Diagnostic>> {
    let page = Page::parse(Path::new(rel), rel, Arc::from(text), &project(), None)?;
    if page.problems.is_empty() {
        Ok(page)
    } else {
        Err(page.problems)
    }
}

#[test]
fn kinds_from_folders() {
    assert_eq!(Kind::from_path("manualer/abc/_index.md"), Kind::Manual);
    assert_eq!(Kind::from_path("manualer/abc/01-intro.md"), Kind::Chapter);
    assert_eq!(
        Kind::from_path("manualer/abc/sessioner/uge-01.md"),
        Kind::Session
    );
    assert_eq!(Kind::from_path("manualer/abc/ovelser/x.md"), Kind::Exercise);
    assert_eq!(Kind::from_path("kurser/x.md"), Kind::Course);
    assert_eq!(Kind::from_path("om.md"), Kind::Page);
}

#[test]
fn schedule_with_skip_moves_meetings() {
    let page = parse(
        "kurser/x.md",
        "---\ntitle: X\ncategory: skrivevaerksted\nschedule:\n  start: 2027-03-16\n  weeks: 4\n  skip: [2027-03-30]\n---\nbody\n",
    )
    .unwrap();
    let dates: Vec<String> = page
        .course()
        .unwrap()
        .schedule
        .meetings
        .iter()
        .map(|m| m.date.to_string())
        .collect();
    assert_eq!(
        dates,
        ["2027-03-16", "2027-03-23", "2027-04-06", "2027-04-13"]
    );
    assert_eq!(page.body(), "body\n");
}

#[test]
fn cancelled_and_moved_meetings_keep_their_planned_day() {
    let page = parse(
        "kurser/x.md",
        "---\ntitle: X\ncategory: skrivevaerksted\nschedule:\n  start: 2027-03-02\n  weeks: 4\n  time: \"10:00-12:00\"\n  cancelled: [2027-03-09]\n  moved:\n    - { from: 2027-03-16, to: 2027-03-25, time: \"12:00-14:00\", note: Lokalet er optaget. }\n---\n",
    )
    .unwrap();
    let s = &page.course().unwrap().schedule;
    let seen: Vec<(String, String, bool, bool)> = s
        .meetings
        .iter()
        .map(|m| {
            (
                m.planned.to_string(),
                m.date.to_string(),
                m.cancelled,
                m.moved,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("2027-03-02".into(), "2027-03-02".into(), false, false),
            ("2027-03-09".into(), "2027-03-09".into(), true, false),
            ("2027-03-23".into(), "2027-03-23".into(), false, false),
            ("2027-03-16".into(), "2027-03-25".into(), false, true),
        ]
    );
    let moved = &s.meetings[3];
    assert_eq!(s.time_of(moved).unwrap().to_string(), "12:00-14:00");
    assert_eq!(moved.note.as_deref(), Some("Lokalet er optaget."));
    assert_eq!(s.held().count(), 3);
    assert_eq!(s.last().unwrap().to_string(), "2027-03-25");
}

#[test]
fn a_change_must_name_a_meeting_and_land_on_a_free_day() {
    let errs = parse(
        "kurser/x.md",
        "---\ntitle: X\ncategory: skrivevaerksted\nschedule:\n  start: 2027-03-02\n  weeks: 3\n  cancelled: [2027-03-10]\n  moved:\n    - { from: 2027-03-03, to: 2027-03-20 }\n    - { from: 2027-03-09, to: 2027-03-16 }\n---\n",
    )
    .unwrap_err();
    let found: Vec<(&str, usize, usize, String)> = errs
        .iter()
        .map(|e| (e.code, e.line, e.column, e.text(Language::Da)))
        .collect();
    assert_eq!(
        found,
        [
            (
                "course.schedule",
                7,
                15,
                "`cancelled: 2027-03-10` er ikke en mødegang på kurset".to_string()
            ),
            (
                "course.schedule",
                9,
                15,
                "`moved: from: 2027-03-03` er ikke en mødegang på kurset".to_string()
            ),
            (
                "course.schedule",
                10,
                31,
                "Mødegangen 2027-03-09 er flyttet til 2027-03-16, hvor kurset allerede mødes"
                    .to_string()
            ),
        ],
        "{errs:#?}"
    );
    let hint = errs[0].hint_text(Language::Da).unwrap();
    assert!(hint.contains("den nærmeste er 2027-03-09"), "{hint}");
    let hint = errs[0].hint_text(Language::En).unwrap();
    assert!(hint.contains("the nearest meeting is 2027-03-09"), "{hint}");
}

#[test]
fn availability_mode_and_audience_take_known_values() {
    let errs = parse(
        "kurser/x.md",
        "---\ntitle: X\ncategory: skrivevaerksted\navailability: venteliste\nmode: onlien\naudiences: [paaroerende, fagfolk]\nseries: Skrive Værksted\n---\n",
    )
    .unwrap_err();
    let found: Vec<(&str, usize, usize)> =
        errs.iter().map(|e| (e.code, e.line, e.column)).collect();
    assert_eq!(
        found,
        [
            ("frontmatter.missing-field", 1, 1),
            ("course.value", 4, 15),
            ("course.value", 5, 7),
            ("course.unknown-audience", 6, 26),
            ("course.series", 7, 9),
        ],
        "{errs:#?}"
    );
    let hint = |i: usize| errs[i].hint_text(Language::Da).unwrap();
    assert_eq!(hint(2), "Mente du `online`?");
    assert_eq!(
        hint(3),
        "Målgrupperne er: paaroerende (de står under `audiences:` i vejviser.yaml)"
    );
    assert_eq!(
        errs[3].hint_text(Language::En).unwrap(),
        "The audiences are: paaroerende (they are defined under `audiences:` in vejviser.yaml)"
    );
    assert!(hint(4).contains("`skrive-vaerksted`"));
}

#[test]
fn online_text_needs_an_online_mode() {
    let errs = parse(
        "kurser/x.md",
        "---\ntitle: X\ncategory: skrivevaerksted\nonline: Linket sendes.\nschedule: { start: 2027-02-02, weeks: 2 }\n---\n",
    )
    .unwrap_err();
    let found: Vec<(&str, usize, usize)> =
        errs.iter().map(|e| (e.code, e.line, e.column)).collect();
    assert_eq!(found, [("course.online-onsite", 4, 9)], "{errs:#?}");
    assert_eq!(
        errs[0].hint_text(Language::Da).unwrap(),
        "Skriv `mode: online` (eller `mode: hybrid`), eller fjern `online:`"
    );
    let ok = parse(
        "kurser/x.md",
        "---\ntitle: X\ncategory: skrivevaerksted\nmode: hybrid\nonline: Linket sendes.\nschedule: { start: 2027-02-02, weeks: 2 }\n---\n",
    );
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn unknown_field_is_placed_with_hint() {
    let errs = parse("om.md", "---\ntitle: Om\ndescripton: x\n---\n").unwrap_err();
    assert_eq!(errs[0].line, 3);
    assert_eq!(errs[0].column, 1);
    assert_eq!(
        errs[0].hint_text(Language::Da).unwrap(),
        "Mente du `description`?"
    );
}

#[test]
fn type_error_line_is_in_file_coordinates() {
    let errs = parse(
        "kurser/x.md",
        "---\ntitle: X\ncategory: skrivevaerksted\ncapacity: mange\n---\n",
    )
    .unwrap_err();
    assert_eq!(errs[0].line, 4, "{:?}", errs[0]);
}

#[test]
fn invalid_date() {
    let errs = parse("kurser/x.md", "---\ntitle: X\ncategory: skrivevaerksted\nschedule:\n  start: 2027-02-30\n  weeks: 2\n---\n").unwrap_err();
    assert_eq!(errs[0].line, 5, "{:?}", errs[0]);
    assert_eq!(
        errs[0].text(Language::Da),
        "Datoen `2027-02-30` findes ikke"
    );
    assert_eq!(
        errs[0].hint_text(Language::Da).unwrap(),
        "Skriv datoer som ÅÅÅÅ-MM-DD, fx 2027-02-02"
    );
}

#[test]
fn time_range() {
    assert!(TimeRange::parse("10:00-12:00").is_some());
    assert!(TimeRange::parse("12:00-10:00").is_none());
    assert!(TimeRange::parse("10-12").is_none());
}
