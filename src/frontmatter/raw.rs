//! The front matter as written, before validation: one struct for every kind's fields.

use serde::Deserialize;

use super::{AgendaItem, Date, Facilitator, Phase, Signup};

/// Every field of every kind; which ones a page may use is checked against [`super::Kind::fields`]
/// before this is read, so one struct serves all kinds.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct RawFrontMatter {
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) order: Option<i64>,
    pub(super) slug: Option<String>,
    pub(super) draft: bool,
    pub(super) search: Option<bool>,
    pub(super) updated: Option<Date>,
    pub(super) aliases: Vec<String>,
    pub(super) extra: Option<serde_json::Value>,
    pub(super) kind: Option<String>,
    // manual
    pub(super) summary: Option<String>,
    pub(super) audience: Option<String>,
    pub(super) duration_weeks: Option<u32>,
    pub(super) phases: Vec<Phase>,
    // session
    pub(super) number: Option<u32>,
    pub(super) phase: Option<u32>,
    pub(super) duration: Option<u32>,
    pub(super) goals: Vec<String>,
    pub(super) materials: Vec<String>,
    pub(super) exercises: Vec<String>,
    pub(super) agenda: Vec<AgendaItem>,
    // exercise
    pub(super) purpose: Option<String>,
    // course
    pub(super) category: Option<String>,
    pub(super) referral: Option<bool>,
    pub(super) capacity: Option<u32>,
    pub(super) price: Option<f64>,
    pub(super) location: Option<String>,
    pub(super) contact: Option<String>,
    pub(super) facilitators: Vec<Facilitator>,
    pub(super) schedule: Option<RawSchedule>,
    pub(super) signup: Option<Signup>,
    pub(super) intake: Option<Intake>,
    pub(super) availability: Option<String>,
    pub(super) availability_note: Option<String>,
    pub(super) mode: Option<String>,
    pub(super) online: Option<String>,
    pub(super) audiences: Vec<String>,
    pub(super) series: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSchedule {
    pub(super) start: Option<Date>,
    pub(super) weeks: Option<u32>,
    pub(super) time: Option<String>,
    #[serde(default)]
    pub(super) skip: Vec<Date>,
    pub(super) dates: Option<Vec<Date>>,
    #[serde(default)]
    pub(super) cancelled: Vec<Date>,
    #[serde(default)]
    pub(super) moved: Vec<RawMove>,
}

/// One meeting moved: `{ from: 2027-03-09, to: 2027-03-11, time: "12:00-14:00", note: … }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMove {
    pub(super) from: Date,
    pub(super) to: Date,
    pub(super) time: Option<String>,
    pub(super) note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Intake {
    pub(super) open_until_session: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::content::*;
    use crate::fields::tests::same_fields;
    use crate::fields::{find, Field};

    /// The fields of `name` inside `fields`.
    fn inner(fields: &[Field], name: &str) -> &'static [Field] {
        find(fields, name).unwrap().ty.fields()
    }

    #[test]
    fn the_raw_front_matter_reads_exactly_the_defined_fields() {
        let mut every: Vec<Field> = COMMON.to_vec();
        for kind in super::super::Kind::ALL {
            for f in kind.own_fields() {
                if !every.iter().any(|e| e.name == f.name) {
                    every.push(*f);
                }
            }
        }
        same_fields::<RawFrontMatter>("RawFrontMatter", &every);
        same_fields::<RawSchedule>("RawSchedule", inner(COURSE, "schedule"));
        same_fields::<RawMove>("RawMove", inner(SCHEDULE, "moved"));
        same_fields::<Signup>("Signup", inner(COURSE, "signup"));
        same_fields::<Intake>("Intake", inner(COURSE, "intake"));
        same_fields::<Phase>("Phase", inner(MANUAL, "phases"));
        same_fields::<AgendaItem>("AgendaItem", inner(SESSION, "agenda"));
    }

    #[test]
    fn fixed_choices_are_the_values_the_parser_takes() {
        use super::super::{Availability, Facilitator, Kind, Mode};
        // The enums name themselves by position in the lists: one variant for each value, in
        // order, and every listed value read back as its variant.
        assert_eq!(Kind::ALL.len(), KINDS.len());
        assert!(Kind::ALL.iter().enumerate().all(|(i, k)| *k as usize == i));
        assert!(KINDS
            .iter()
            .all(|n| Kind::from_name(n).map(Kind::name) == Some(*n)));
        assert_eq!(Availability::ALL.len(), AVAILABILITY.len());
        assert!(Availability::ALL
            .iter()
            .enumerate()
            .all(|(i, a)| *a as usize == i));
        assert!(AVAILABILITY
            .iter()
            .all(|v| Availability::from_key(v).map(Availability::key) == Some(*v)));
        assert_eq!(Mode::ALL.len(), MODES.len());
        assert!(Mode::ALL.iter().enumerate().all(|(i, m)| *m as usize == i));
        assert!(MODES
            .iter()
            .all(|v| Mode::from_key(v).map(Mode::key) == Some(*v)));
        assert_eq!(
            serde_aux::serde_introspection::serde_introspect::<Facilitator>(),
            FACILITATORS
        );
    }
}
