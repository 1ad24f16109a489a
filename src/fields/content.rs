//! The front matter of content files: the fields every kind has, then each kind's own.
//!
//! The order is the order a form shows them in and the order the parser's did-you-mean hint
//! considers them in.

use super::{count, words, Field, Source, Type};

pub use super::course::{
    AVAILABILITY, COURSE, FACILITATORS, INTAKE, MODES, MOVE, SCHEDULE, SIGNUP,
};

/// The names `kind:` may take: the kinds of page (`frontmatter::Kind`).
pub const KINDS: &[&str] = &["page", "manual", "chapter", "session", "exercise", "course"];

/// The fields every kind accepts.
pub const COMMON: &[Field] = &[
    Field::new(
        "title",
        Type::Text,
        words("Titel", "Title"),
        words(
            "Sidens overskrift. Den står også i menuer, i søgningen og i browserens faneblad.",
            "The page's heading, also shown in menus, search results and the browser tab.",
        ),
    )
    .required(),
    Field::new(
        "description",
        Type::Text,
        words("Beskrivelse", "Description"),
        words(
            "En sætning om siden, som søgemaskiner og delte links viser.",
            "One sentence about the page, shown by search engines and shared links.",
        ),
    ),
    Field::new(
        "order",
        Type::Integer {
            min: None,
            max: None,
        },
        words("Rækkefølge", "Order"),
        words(
            "Et tal, der sorterer siden: lave tal kommer først (kapitler, menuen).",
            "A number that sorts the page: low numbers come first (chapters, the menu).",
        ),
    ),
    Field::new(
        "slug",
        Type::Slug,
        words("Adresse", "Address"),
        words(
            "Sidens navn i adressen i stedet for filnavnet: små bogstaver, tal og bindestreger.",
            "The page's name in its address instead of the file name: lower-case letters, digits and hyphens.",
        ),
    ),
    Field::new(
        "draft",
        Type::Bool,
        words("Kladde", "Draft"),
        words(
            "Ja (true): siden kommer ikke med på sitet endnu.",
            "Yes (true): the page stays off the site for now.",
        ),
    ),
    Field::new(
        "search",
        Type::Bool,
        words("Med i søgningen", "In search"),
        words(
            "Nej (false): siden kan ikke findes med sitets søgning.",
            "No (false): the page is kept out of the site's search.",
        ),
    ),
    Field::new(
        "updated",
        Type::Date,
        words("Opdateret", "Updated"),
        words(
            "Datoen, siden sidst blev ændret, skrevet ÅÅÅÅ-MM-DD.",
            "The date the page was last changed, written YYYY-MM-DD.",
        ),
    ),
    Field::new(
        "aliases",
        Type::List(&Type::Text),
        words("Gamle adresser", "Old addresses"),
        words(
            "Adresser, siden havde før (fx om-os/). De sender videre hertil.",
            "Addresses the page had before (e.g. om-os/). They send the browser on to this page.",
        ),
    ),
    Field::new(
        "extra",
        Type::Free,
        words("Ekstra", "Extra"),
        words(
            "Frie felter til temaets skabeloner. Programmet kigger ikke i dem.",
            "Free fields for the theme's templates. The program does not look into them.",
        ),
    ),
    Field::new(
        "kind",
        Type::Choice(KINDS),
        words("Slags", "Kind"),
        words(
            "Hvilken slags side det er, når mappen den ligger i ikke siger det.",
            "What kind of page this is, when the folder it lies in does not say.",
        ),
    ),
];

/// The own fields of a manual's front page (`manualer/<name>/_index.md`).
pub const MANUAL: &[Field] = &[
    Field::new(
        "summary",
        Type::LongText,
        words("Resumé", "Summary"),
        words(
            "Hvad forløbet er, i et par sætninger øverst på manualens forside.",
            "What the programme is, in a few sentences at the top of the manual's front page.",
        ),
    ),
    Field::new(
        "audience",
        Type::Text,
        words("Målgruppe", "Audience"),
        words(
            "Hvem manualen er skrevet til.",
            "Whom the manual is written for.",
        ),
    ),
    Field::new(
        "duration_weeks",
        count(0),
        words("Varighed i uger", "Duration in weeks"),
        words(
            "Hvor mange uger hele forløbet varer.",
            "How many weeks the whole programme lasts.",
        ),
    ),
    Field::new(
        "phases",
        Type::List(&Type::Object(PHASE)),
        words("Faser", "Phases"),
        words(
            "Forløbets faser i rækkefølge, vist som en tidslinje på forsiden.",
            "The programme's phases in order, shown as a timeline on the front page.",
        ),
    ),
];

/// One phase of a manual.
pub const PHASE: &[Field] = &[
    Field::new(
        "number",
        count(0),
        words("Nummer", "Number"),
        words(
            "Fasens nummer. Sessionerne nævner fasen ved dette nummer.",
            "The phase's number. Session plans name their phase by it.",
        ),
    )
    .required(),
    Field::new(
        "title",
        Type::Text,
        words("Titel", "Title"),
        words("Fasens navn.", "The phase's name."),
    )
    .required(),
    Field::new(
        "weeks",
        Type::Weeks,
        words("Uger", "Weeks"),
        words(
            "De uger, fasen dækker, fx \"1-6\".",
            "The weeks the phase covers, e.g. \"1-6\".",
        ),
    ),
];

/// The own fields of a session plan (`manualer/<name>/sessioner/*.md`).
pub const SESSION: &[Field] = &[
    Field::new(
        "number",
        count(0),
        words("Nummer", "Number"),
        words(
            "Sessionens nummer i manualen: hvilken uge eller hvilket møde den hører til.",
            "The session's number in the manual: which week or meeting it belongs to.",
        ),
    )
    .required(),
    Field::new(
        "phase",
        count(0),
        words("Fase", "Phase"),
        words(
            "Nummeret på den fase i manualen, sessionen hører til.",
            "The number of the manual's phase the session belongs to.",
        ),
    ),
    Field::new(
        "duration",
        count(0),
        words("Varighed (minutter)", "Duration (minutes)"),
        words(
            "Hvor mange minutter mødet varer. Dagsordenen må ikke være længere.",
            "How many minutes the meeting lasts. The agenda may not be longer.",
        ),
    ),
    Field::new(
        "goals",
        Type::List(&Type::Text),
        words("Mål", "Goals"),
        words(
            "Hvad gruppen skal nå i sessionen, et mål pr. punkt.",
            "What the group is to reach in the session, one goal per item.",
        ),
    ),
    Field::new(
        "materials",
        Type::List(&Type::Text),
        words("Materialer", "Materials"),
        words(
            "Hvad facilitatoren skal have med.",
            "What the facilitator should bring.",
        ),
    ),
    Field::new(
        "exercises",
        Type::List(&Type::Key(Source::Exercises)),
        words("Øvelser", "Exercises"),
        words(
            "Øvelsesark fra samme manual, ved filnavnet uden .md.",
            "Exercise sheets of the same manual, by file name without .md.",
        ),
    ),
    Field::new(
        "agenda",
        Type::List(&Type::Object(AGENDA)),
        words("Dagsorden", "Agenda"),
        words(
            "Punkterne i rækkefølge med deres minutter. Starttiderne regnes ud.",
            "The items in order with their minutes. Their start times are worked out.",
        ),
    ),
];

/// One item of a session's agenda.
pub const AGENDA: &[Field] = &[
    Field::new(
        "minutes",
        count(0),
        words("Minutter", "Minutes"),
        words("Hvor længe punktet varer.", "How long the item takes."),
    )
    .required(),
    Field::new(
        "activity",
        Type::Text,
        words("Aktivitet", "Activity"),
        words("Hvad gruppen gør.", "What the group does."),
    )
    .required(),
];

/// The own fields of an exercise sheet (`manualer/<name>/ovelser/*.md`).
pub const EXERCISE: &[Field] = &[
    Field::new(
        "purpose",
        Type::LongText,
        words("Formål", "Purpose"),
        words(
            "Hvad øvelsen skal hjælpe med.",
            "What the exercise is meant to help with.",
        ),
    ),
    Field::new(
        "duration",
        count(0),
        words("Varighed (minutter)", "Duration (minutes)"),
        words(
            "Hvor mange minutter øvelsen tager.",
            "How many minutes the exercise takes.",
        ),
    ),
];
