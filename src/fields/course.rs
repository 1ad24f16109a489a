//! The front matter of a course (`kurser/*.md`): its own fields and those of its schedule,
//! signup and intake, the largest part of the definitions.

use super::{count, words, Field, Source, Type};

/// `availability:` of a course.
pub const AVAILABILITY: &[&str] = &["open", "full", "waitlist", "cancelled"];

/// `mode:` of a course.
pub const MODES: &[&str] = &["onsite", "online", "hybrid"];

/// The items of `facilitators:`.
pub const FACILITATORS: &[&str] = &["peer", "staff"];

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
