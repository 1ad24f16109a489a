//! The front matter of content files: the fields every kind has, then each kind's own.
//!
//! The order is the order a form shows them in and the order the parser's did-you-mean hint
//! considers them in.

use super::{count, words, Field, Source, Type};

/// The names `kind:` may take: the kinds of page (`frontmatter::Kind`).
pub const KINDS: &[&str] = &["page", "manual", "chapter", "session", "exercise", "course"];

/// `availability:` of a course.
pub const AVAILABILITY: &[&str] = &["open", "full", "waitlist", "cancelled"];

/// `mode:` of a course.
pub const MODES: &[&str] = &["onsite", "online", "hybrid"];

/// The items of `facilitators:`.
pub const FACILITATORS: &[&str] = &["peer", "staff"];

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

/// The own fields of a course (`kurser/*.md`).
pub const COURSE: &[Field] = &[
    Field::new(
        "category",
        Type::Key(Source::Categories),
        words("Kategori", "Category"),
        words(
            "Hvilken slags forløb det er: en af kategorierne i vejviser.yaml.",
            "What kind of course it is: one of the categories in vejviser.yaml.",
        ),
    )
    .required(),
    Field::new(
        "summary",
        Type::LongText,
        words("Kort fortalt", "Summary"),
        words(
            "Et par sætninger om kurset til kortet i kataloget.",
            "A few sentences about the course for its card in the catalogue.",
        ),
    ),
    Field::new(
        "audience",
        Type::Text,
        words("Målgruppe", "Audience"),
        words(
            "Hvem kurset er for, med dine egne ord (fx Voksne over 18).",
            "Whom the course is for, in your own words (e.g. Adults over 18).",
        ),
    ),
    Field::new(
        "referral",
        Type::Bool,
        words("Kræver henvisning", "Referral needed"),
        words(
            "Nej (false): man kan melde sig uden henvisning.",
            "No (false): people can sign up without a referral.",
        ),
    ),
    Field::new(
        "capacity",
        count(0),
        words("Pladser", "Places"),
        words(
            "Hvor mange der kan være med.",
            "How many people can take part.",
        ),
    ),
    Field::new(
        "price",
        Type::Number,
        words("Pris (kr.)", "Price"),
        words(
            "Hvad kurset koster. 0 eller ingen pris betyder gratis.",
            "What the course costs. 0 or no price means free.",
        ),
    ),
    Field::new(
        "location",
        Type::Key(Source::Locations),
        words("Sted", "Place"),
        words(
            "Hvor kurset holdes: et af stederne under locations i kommunens _site.yaml.",
            "Where the course is held: one of the places under locations in the municipality's _site.yaml.",
        ),
    ),
    Field::new(
        "contact",
        Type::Key(Source::Contacts),
        words("Kontakt", "Contact"),
        words(
            "Hvem man kan spørge: en af kontakterne under contacts i kommunens _site.yaml.",
            "Whom to ask: one of the contacts under contacts in the municipality's _site.yaml.",
        ),
    ),
    Field::new(
        "facilitators",
        Type::List(&Type::Choice(FACILITATORS)),
        words("Ledes af", "Led by"),
        words(
            "peer (en med egen erfaring) og/eller staff (en medarbejder).",
            "peer (someone with lived experience) and/or staff (a member of staff).",
        ),
    ),
    Field::new(
        "schedule",
        Type::Object(SCHEDULE),
        words("Mødeplan", "Schedule"),
        words(
            "Hvornår kurset mødes: start og antal uger, eller en liste af datoer.",
            "When the course meets: a start and a number of weeks, or a list of dates.",
        ),
    )
    .required(),
    Field::new(
        "signup",
        Type::Object(SIGNUP),
        words("Tilmelding", "Signup"),
        words(
            "Hvordan og hvornår man melder sig til.",
            "How and by when people sign up.",
        ),
    ),
    Field::new(
        "intake",
        Type::Object(INTAKE),
        words("Løbende optag", "Rolling intake"),
        words(
            "Om man kan komme med, efter kurset er begyndt.",
            "Whether people can join after the course has started.",
        ),
    ),
    Field::new(
        "availability",
        Type::Choice(AVAILABILITY),
        words("Pladser lige nu", "Availability"),
        words(
            "open (åben for tilmelding), full (fuldt booket), waitlist (venteliste) eller cancelled (aflyst).",
            "open (open for signup), full, waitlist or cancelled.",
        ),
    ),
    Field::new(
        "availability_note",
        Type::Text,
        words("Bemærkning om pladser", "Note on availability"),
        words(
            "Vises ved status, fx Vi åbner et nyt hold i august.",
            "Shown beside the status, e.g. A new group opens in August.",
        ),
    ),
    Field::new(
        "mode",
        Type::Choice(MODES),
        words("Form", "Mode"),
        words(
            "onsite (fremmøde), online eller hybrid (begge dele).",
            "onsite, online or hybrid (both).",
        ),
    ),
    Field::new(
        "online",
        Type::Text,
        words("Om online-deltagelse", "About joining online"),
        words(
            "Hvordan man deltager online, fx Linket sendes, når du er tilmeldt.",
            "How to join online, e.g. The link is sent when you have signed up.",
        ),
    ),
    Field::new(
        "audiences",
        Type::List(&Type::Key(Source::Audiences)),
        words("For", "For"),
        words(
            "Hvem kurset er for: nøgler fra audiences i vejviser.yaml.",
            "Whom the course is for: keys of audiences in vejviser.yaml.",
        ),
    ),
    Field::new(
        "series",
        Type::Slug,
        words("Serie", "Series"),
        words(
            "Samme navn i hvert semesters fil samler holdene på én adresse.",
            "The same name in each term's file gathers the terms at one address.",
        ),
    ),
];

/// A course's `schedule:`.
pub const SCHEDULE: &[Field] = &[
    Field::new(
        "start",
        Type::Date,
        words("Første møde", "First meeting"),
        words(
            "Datoen for første møde, ÅÅÅÅ-MM-DD. Ugedagen følger af datoen.",
            "The date of the first meeting, YYYY-MM-DD. The weekday follows from it.",
        ),
    ),
    Field::new(
        "weeks",
        Type::Integer {
            min: Some(1),
            max: Some(104),
        },
        words("Antal uger", "Weeks"),
        words(
            "Hvor mange ugentlige møder kurset har.",
            "How many weekly meetings the course has.",
        ),
    ),
    Field::new(
        "time",
        Type::TimeRange,
        words("Tidspunkt", "Time"),
        words(
            "Start- og sluttid, skrevet \"10:00-12:00\".",
            "Start and end time, written \"10:00-12:00\".",
        ),
    ),
    Field::new(
        "skip",
        Type::List(&Type::Date),
        words("Uger uden møde", "Weeks without a meeting"),
        words(
            "Datoer uden møde. De næste møder rykker en uge.",
            "Dates without a meeting. The later meetings move a week.",
        ),
    ),
    Field::new(
        "dates",
        Type::List(&Type::Date),
        words("Datoer", "Dates"),
        words(
            "Alle mødedatoer, i stedet for start og antal uger.",
            "Every meeting date, instead of a start and a number of weeks.",
        ),
    ),
    Field::new(
        "cancelled",
        Type::List(&Type::Date),
        words("Aflyste møder", "Cancelled meetings"),
        words(
            "Planlagte møder, der ikke holdes. De andre beholder deres datoer.",
            "Planned meetings that will not be held. The others keep their dates.",
        ),
    ),
    Field::new(
        "moved",
        Type::List(&Type::Object(MOVE)),
        words("Flyttede møder", "Moved meetings"),
        words(
            "Møder, der flyttes til en anden dag eller tid.",
            "Meetings moved to another day or time.",
        ),
    ),
];

/// One meeting moved, under `schedule: moved:`.
pub const MOVE: &[Field] = &[
    Field::new(
        "from",
        Type::Date,
        words("Fra", "From"),
        words(
            "Den planlagte dato for mødet.",
            "The date the meeting was planned for.",
        ),
    )
    .required(),
    Field::new(
        "to",
        Type::Date,
        words("Til", "To"),
        words("Den nye dato.", "The new date."),
    )
    .required(),
    Field::new(
        "time",
        Type::TimeRange,
        words("Nyt tidspunkt", "New time"),
        words(
            "Mødets tid den dag, hvis den er en anden, \"12:00-14:00\".",
            "The meeting's time that day when it differs, \"12:00-14:00\".",
        ),
    ),
    Field::new(
        "note",
        Type::Text,
        words("Bemærkning", "Note"),
        words(
            "Hvorfor mødet flyttes, fx Lokalet er optaget.",
            "Why the meeting moves, e.g. The room is taken.",
        ),
    ),
];

/// A course's `signup:`.
pub const SIGNUP: &[Field] = &[
    Field::new(
        "deadline",
        Type::Date,
        words("Tilmeldingsfrist", "Signup deadline"),
        words(
            "Sidste dag for tilmelding, senest dagen for første møde.",
            "The last day to sign up, at the latest the day of the first meeting.",
        ),
    ),
    Field::new(
        "email",
        Type::Text,
        words("E-mail", "E-mail"),
        words(
            "Adressen, man melder sig til på.",
            "The address to sign up at.",
        ),
    ),
    Field::new(
        "phone",
        Type::Text,
        words("Telefon", "Phone"),
        words(
            "Nummeret, man kan ringe og melde sig til på.",
            "The number to call to sign up.",
        ),
    ),
    Field::new(
        "url",
        Type::Url,
        words("Tilmeldingsside", "Signup page"),
        words(
            "Den fulde adresse på tilmeldingsformularen, https://….",
            "The full address of the signup form, https://….",
        ),
    ),
];

/// A course's `intake:`.
pub const INTAKE: &[Field] = &[Field::new(
    "open_until_session",
    count(1),
    words("Åben til og med møde", "Open until meeting"),
    words(
        "Nummeret på det sidste møde, man kan begynde på.",
        "The number of the last meeting at which people can join.",
    ),
)
.required()];
