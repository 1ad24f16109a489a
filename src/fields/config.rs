//! The fields of the project's `vejviser.yaml` and of each municipality's `_site.yaml`.

use super::{words, Field, Type};

/// `vejviser.yaml`.
pub const PROJECT: &[Field] = &[
    Field::new(
        "title",
        Type::Text,
        words("Titel", "Title"),
        words(
            "Projektets navn, fx Recovery- og gruppeforløb.",
            "The project's name, e.g. Recovery courses.",
        ),
    )
    .required(),
    Field::new(
        "language",
        Type::Choice(LANGUAGES),
        words("Sprog", "Language"),
        words(
            "Sitets sprog: da (dansk, standard) eller en (engelsk).",
            "The sites' language: da (Danish, the default) or en (English).",
        ),
    ),
    Field::new(
        "theme",
        Type::Text,
        words("Tema", "Theme"),
        words(
            "Mappen under themes/ med sitets udseende. Standard: default.",
            "The folder under themes/ with the sites' look. Default: default.",
        ),
    ),
    Field::new(
        "categories",
        Type::Map(CATEGORY),
        words("Kategorier", "Categories"),
        words(
            "Slags kurser. Nøglen (små bogstaver, tal, bindestreger) skrives i kursets category.",
            "Kinds of course. The key (lower-case letters, digits, hyphens) is written in a course's category.",
        ),
    ),
    Field::new(
        "readability",
        Type::Object(READABILITY),
        words("Læsbarhed", "Readability"),
        words(
            "Hvor let borgernes sider skal være at læse.",
            "How easy the citizens' pages should be to read.",
        ),
    ),
    Field::new(
        "markdown",
        Type::Object(MARKDOWN),
        words("Markdown", "Markdown"),
        words("Hvordan teksten læses.", "How the text is read."),
    ),
    Field::new(
        "audiences",
        Type::Map(AUDIENCE),
        words("Målgrupper", "Audiences"),
        words(
            "Hvem kurser kan være for. Nøglen skrives i kursets audiences.",
            "Whom courses can be for. The key is written in a course's audiences.",
        ),
    ),
    Field::new(
        "prospectus",
        Type::Object(PROSPECTUS),
        words("Trykt katalog", "Printed catalogue"),
        words(
            "Hvad det trykte kursuskatalog dækker.",
            "What the printed course catalogue covers.",
        ),
    ),
];

/// The values of `language:`.
pub const LANGUAGES: &[&str] = &["da", "en"];

/// One of `categories:`.
pub const CATEGORY: &[Field] = &[
    Field::new(
        "label",
        Type::Text,
        words("Navn", "Name"),
        words(
            "Kategoriens navn, som borgerne ser det.",
            "The category's name as citizens see it.",
        ),
    )
    .required(),
    Field::new(
        "description",
        Type::Text,
        words("Beskrivelse", "Description"),
        words(
            "En sætning om kategorien på dens side.",
            "One sentence about the category on its page.",
        ),
    ),
];

/// `readability:`.
pub const READABILITY: &[Field] = &[Field::new(
    "max_lix",
    Type::Number,
    words("Højeste LIX", "Highest LIX"),
    words(
        "check advarer om borgersider med en højere LIX.",
        "check warns about citizens' pages with a higher LIX score.",
    ),
)];

/// `markdown:`.
pub const MARKDOWN: &[Field] = &[Field::new(
    "allow_html",
    Type::Bool,
    words("Tillad HTML", "Allow HTML"),
    words(
        "Ja (true): HTML i teksten vises som HTML i stedet for som tekst.",
        "Yes (true): HTML in the text is shown as HTML instead of as text.",
    ),
)];

/// One of `audiences:`.
pub const AUDIENCE: &[Field] = &[Field::new(
    "label",
    Type::Text,
    words("Navn", "Name"),
    words(
        "Målgruppen, som borgerne ser den, fx Pårørende.",
        "The audience as citizens see it, e.g. Relatives.",
    ),
)
.required()];

/// `prospectus:`.
pub const PROSPECTUS: &[Field] = &[Field::new(
    "months",
    Type::Integer {
        min: Some(1),
        max: Some(24),
    },
    words("Måneder", "Months"),
    words(
        "Det trykte katalog tager kurser med, der begynder inden for så mange måneder (1-24).",
        "The printed catalogue takes the courses that start within this many months (1-24).",
    ),
)
.required()];

/// A municipality's `_site.yaml`.
pub const SITE: &[Field] = &[
    Field::new(
        "name",
        Type::Text,
        words("Navn", "Name"),
        words(
            "Kommunens navn, fx Roskilde Kommune.",
            "The municipality's name, e.g. Roskilde Kommune.",
        ),
    )
    .required(),
    Field::new(
        "base_url",
        Type::Url,
        words("Adresse", "Address"),
        words(
            "Sitets fulde adresse, https://….",
            "The site's full address, https://….",
        ),
    )
    .required(),
    Field::new(
        "manuals",
        Type::List(&Type::Text),
        words("Manualer", "Manuals"),
        words(
            "De fælles manualer, sitet tager med (mapper under manualer/). Uden: alle.",
            "The shared manuals the site takes (folders under manualer/). Without it: all.",
        ),
    ),
    Field::new(
        "exclude",
        Type::List(&Type::Text),
        words("Udelad", "Leave out"),
        words(
            "Fælles sider, sitet ikke skal have, fx praktisk.md.",
            "Shared pages the site should not have, e.g. praktisk.md.",
        ),
    ),
    Field::new(
        "colors",
        Type::Object(COLORS),
        words("Farver", "Colours"),
        words("Sitets farver.", "The site's colours."),
    ),
    Field::new(
        "logo",
        Type::Text,
        words("Logo", "Logo"),
        words(
            "Logoets fil i kommunens mappe, fx logo.svg.",
            "The logo's file in the municipality's folder, e.g. logo.svg.",
        ),
    ),
    Field::new(
        "favicon",
        Type::Text,
        words("Ikon", "Icon"),
        words(
            "Ikonet i browserens faneblad: en SVG-, PNG- eller ICO-fil i kommunens mappe.",
            "The icon in the browser tab: an SVG, PNG or ICO file in the municipality's folder.",
        ),
    ),
    Field::new(
        "accessibility_statement",
        Type::Url,
        words("Tilgængelighedserklæring", "Accessibility statement"),
        words(
            "Adressen på erklæringen lavet i WAS-værktøjet, https://….",
            "The address of the statement made with the WAS tool, https://….",
        ),
    ),
    Field::new(
        "menu",
        Type::List(&Type::Object(MENU_ENTRY)),
        words("Menu", "Menu"),
        words(
            "Menuen på hver side. Uden: sitets sider på øverste niveau.",
            "The menu on every page. Without it: the site's top-level pages.",
        ),
    ),
    Field::new(
        "locations",
        Type::Map(LOCATION),
        words("Steder", "Places"),
        words(
            "Steder, hvor kurser holdes. Nøglen skrives i kursets location.",
            "Places where courses are held. The key is written in a course's location.",
        ),
    ),
    Field::new(
        "contacts",
        Type::Map(CONTACT),
        words("Kontakter", "Contacts"),
        words(
            "Hvem borgerne kan spørge. Nøglen skrives i kursets contact.",
            "Whom citizens can ask. The key is written in a course's contact.",
        ),
    ),
];

/// `colors:`.
pub const COLORS: &[Field] = &[Field::new(
    "primary",
    Type::Color,
    words("Hovedfarve", "Main colour"),
    words(
        "En hex-farve i anførselstegn, mørk nok til hvid tekst, fx \"#00587c\".",
        "A hex colour in quotes, dark enough for white text, e.g. \"#00587c\".",
    ),
)];

/// One entry of `menu:`.
pub const MENU_ENTRY: &[Field] = &[
    Field::new(
        "label",
        Type::Text,
        words("Tekst", "Text"),
        words("Teksten i menuen.", "The text in the menu."),
    )
    .required(),
    Field::new(
        "page",
        Type::Text,
        words("Side", "Page"),
        words(
            "En side på sitet, skrevet som i links, fx om.md.",
            "A page of the site, written as in links, e.g. om.md.",
        ),
    ),
    Field::new(
        "url",
        Type::Text,
        words("Adresse", "Address"),
        words(
            "En adresse et andet sted (https:// eller mailto:), i stedet for en side.",
            "An address elsewhere (https:// or mailto:), instead of a page.",
        ),
    ),
];

/// One of `locations:`.
pub const LOCATION: &[Field] = &[
    Field::new(
        "name",
        Type::Text,
        words("Navn", "Name"),
        words("Stedets navn.", "The place's name."),
    )
    .required(),
    Field::new(
        "address",
        Type::Text,
        words("Adresse", "Address"),
        words(
            "Gade, nummer, postnummer og by.",
            "Street, number, postcode and town.",
        ),
    ),
    Field::new(
        "accessibility",
        Type::Text,
        words("Tilgængelighed", "Accessibility"),
        words(
            "Hvordan man kommer ind, fx Niveaufri adgang.",
            "How to get in, e.g. Step-free access.",
        ),
    ),
];

/// One of `contacts:`.
pub const CONTACT: &[Field] = &[
    Field::new(
        "name",
        Type::Text,
        words("Navn", "Name"),
        words(
            "Personens eller stedets navn.",
            "The person's or place's name.",
        ),
    )
    .required(),
    Field::new(
        "email",
        Type::Text,
        words("E-mail", "E-mail"),
        words("E-mailadressen.", "The e-mail address."),
    ),
    Field::new(
        "phone",
        Type::Text,
        words("Telefon", "Phone"),
        words("Telefonnummeret.", "The phone number."),
    ),
];
