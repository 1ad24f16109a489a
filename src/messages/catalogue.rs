//! The catalogue: every message and hint, Danish first, then English, grouped by the stage that
//! reports it. `{name}` is an argument; YAML keys, values and code stay in backticks as written.
//! The Danish is for municipal staff who are not developers: plain words, "du", and what to do.

messages! {
    // ── Words shared by many findings ─────────────────────────────────────────────────────
    error_level() { da: "fejl", en: "error" }
    warning_level() { da: "advarsel", en: "warning" }
    /// The label under the marked place in a report.
    here() { da: "her", en: "here" }
    did_you_mean_this(name) { da: "Mente du `{name}`?", en: "Did you mean `{name}`?" }
    fields_allowed(known) {
        da: "Felterne, du kan bruge her, er: {known}. Andre oplysninger kan stå under `extra:`",
        en: "The fields allowed here are: {known}; free-form data goes under `extra:`",
    }
    and_more(shown, more) { da: "{shown} og {more} mere", en: "{shown} and {more} more" }
    headings_are(list) { da: "dens overskrifter er: {list}", en: "its headings are: {list}" }
    not_a_web_address(url) {
        da: "`{url}` er ikke en webadresse (http eller https)",
        en: "`{url}` is not an http(s) URL",
    }
    use_slug_letters(example) {
        da: "Brug små bogstaver, tal og bindestreger, fx `{example}`",
        en: "Use lower-case letters, digits and hyphens, e.g. `{example}`",
    }

    // ── Kinds of page, as a finding names them ────────────────────────────────────────────
    a_page() { da: "en side", en: "a page" }
    a_chapter() { da: "et kapitel", en: "a chapter" }
    a_manual() { da: "en manual", en: "a manual" }
    a_session() { da: "en sessionsplan", en: "a session plan" }
    an_exercise() { da: "et øvelsesark", en: "an exercise sheet" }
    a_course() { da: "et kursus", en: "a course" }

    // ── Front matter ──────────────────────────────────────────────────────────────────────
    too_deep(levels) {
        da: "Markdown-teksten er lagt mere end {levels} niveauer inden i hinanden her (lister, citater eller fremhævning)",
        en: "The Markdown nests more than {levels} levels deep here (lists, quotes or emphasis inside each other)",
    }
    too_deep_hint() {
        da: "Læg højst lister og citater nogle få niveauer inden i hinanden; se efter en række `>`, `-` eller `*` der er kommet med ved en fejl",
        en: "Nest lists and quotes a few levels at most; check for a stray run of `>`, `-` or `*`",
    }
    frontmatter_unclosed() { da: "Felterne øverst i filen (front matter) bliver ikke afsluttet", en: "The front matter is not closed" }
    frontmatter_unclosed_hint() {
        da: "Afslut felterne med en linje, hvor der kun står `---`",
        en: "End the front matter with a line that holds only `---`",
    }
    frontmatter_missing() { da: "Siden har ingen felter øverst i filen (front matter)", en: "The page has no front matter" }
    frontmatter_missing_hint() {
        da: "Start filen med `---`, en linje `title: …` og så `---` igen",
        en: "Start the file with `---`, a line `title: …`, and `---`",
    }
    missing_title() { da: "Feltet `title` mangler", en: "Missing field `title`" }
    missing_title_hint() {
        da: "Alle sider skal have en titel: skriv `title: …` i front matter",
        en: "Every page needs a title: add `title: …` to the front matter",
    }
    bad_slug(slug) { da: "`{slug}` kan ikke bruges som `slug`", en: "`{slug}` is not a valid slug" }
    bad_alias(alias) {
        da: "`{alias}` kan ikke være en adresse på sitet",
        en: "`{alias}` is not an address this site can have",
    }
    bad_alias_hint() {
        da: "Skriv den gamle adresse som en sti på sitet, fx `gammel-side/` eller `arkiv/om.html` (bogstaverne a-z, tal, `-`, `_` og `.`; ikke `..`)",
        en: "Write the old address as a path of the site, e.g. `gammel-side/` or `arkiv/om.html` (letters a-z, digits, `-`, `_`, `.`; no `..`)",
    }
    not_a_value_of(value, field) {
        da: "`{value}` er ikke en mulig værdi for `{field}`",
        en: "`{value}` is not a value of `{field}`",
    }
    known_values(list) { da: "De mulige værdier er: {list}", en: "The values are: {list}" }
    missing_field_for(field, kind) {
        da: "Feltet `{field}` mangler for {kind}",
        en: "Missing field `{field}` for {kind}",
    }
    add_field(field, example) {
        da: "Skriv `{field}: {example}` i front matter",
        en: "Add `{field}: {example}` to the front matter",
    }
    category_example() {
        da: "<en nøgle fra `categories` i vejviser.yaml>",
        en: "<a key of `categories` in vejviser.yaml>",
    }
    unknown_kind(kind) { da: "Ukendt slags side `{kind}`", en: "Unknown kind `{kind}`" }
    known_kinds(list) { da: "De mulige slags er: {list}", en: "The kinds are: {list}" }
    unknown_field(field) { da: "Ukendt felt `{field}`", en: "Unknown field `{field}`" }
    unknown_field_for(field, kind) {
        da: "Ukendt felt `{field}` for {kind}",
        en: "Unknown field `{field}` for {kind}",
    }
    field_belongs_to(field, other, kind) {
        da: "`{field}` hører til {other}, men denne fil er {kind}",
        en: "`{field}` belongs to {other}, but this file is {kind}",
    }
    field_belongs_to_either(one, two) { da: "{one} eller {two}", en: "{one} or {two}" }
    unknown_category(category) { da: "Ukendt kategori `{category}`", en: "Unknown category `{category}`" }
    known_categories(list) { da: "Kategorierne er: {list}", en: "The categories are: {list}" }
    defined_in_config(hint, section) {
        da: "{hint} (de står under `{section}:` i vejviser.yaml)",
        en: "{hint} (they are defined under `{section}:` in vejviser.yaml)",
    }
    deadline_after_start(deadline, first) {
        da: "Tilmeldingsfristen {deadline} er efter første mødegang ({first})",
        en: "The signup deadline {deadline} is after the first meeting ({first})",
    }
    deadline_after_start_hint() {
        da: "Sæt fristen til første mødegang eller før; med `intake:` kan man også komme med senere",
        en: "Set the deadline on or before the first meeting; with `intake:` people may also join later",
    }
    signup_url_hint() {
        da: "Skriv den fulde adresse på tilmeldingen, fx `url: https://roskilde.example.dk/tilmeld`",
        en: "Give the full address of the signup form, e.g. `url: https://roskilde.example.dk/tilmeld`",
    }
    intake_not_a_meeting(session, count) {
        da: "`open_until_session: {session}` er ikke en mødegang på kurset (det har {count})",
        en: "`open_until_session: {session}` is not a meeting of this course (it has {count})",
    }
    meeting_number_hint(count) {
        da: "Skriv et mødenummer fra 1 til {count}",
        en: "Give a meeting number from 1 to {count}",
    }
    online_onsite() {
        da: "`online:` er udfyldt, men kurset holdes fysisk",
        en: "`online:` is given, but the course is held on site",
    }
    online_onsite_hint() {
        da: "Skriv `mode: online` (eller `mode: hybrid`), eller fjern `online:`",
        en: "Add `mode: online` (or `mode: hybrid`), or remove `online:`",
    }
    unknown_audience(audience) { da: "Ukendt målgruppe `{audience}`", en: "Unknown audience `{audience}`" }
    known_audiences(list) { da: "Målgrupperne er: {list}", en: "The audiences are: {list}" }
    bad_series(series) {
        da: "`{series}` kan ikke bruges som navn på en række",
        en: "`{series}` is not a valid series name",
    }
    bad_series_hint(example) {
        da: "Navnet på en række bliver en del af en adresse: brug små bogstaver, tal og bindestreger, fx `{example}`",
        en: "A series name is part of an address: use lower-case letters, digits and hyphens, e.g. `{example}`",
    }
    invalid_date(value) { da: "Datoen `{value}` findes ikke", en: "The date `{value}` does not exist" }
    invalid_date_hint() {
        da: "Skriv datoer som ÅÅÅÅ-MM-DD, fx 2027-02-02",
        en: "Write dates as YYYY-MM-DD, e.g. 2027-02-02",
    }

    // ── A course's schedule ───────────────────────────────────────────────────────────────
    time_ends_first(time) { da: "`{time}` slutter, før det begynder", en: "`{time}` ends before it starts" }
    not_a_time_range(time) { da: "`{time}` er ikke et tidsrum", en: "`{time}` is not a time range" }
    time_hint() {
        da: "Skriv start- og sluttidspunkt som \"10:00-12:00\"",
        en: "Write the start and end time as \"10:00-12:00\"",
    }
    dates_empty() { da: "`dates` er tom", en: "`dates` is empty" }
    dates_empty_hint() {
        da: "Skriv datoerne for mødegangene, fx [2027-02-02, 2027-02-09]",
        en: "List the meeting dates, e.g. [2027-02-02, 2027-02-09]",
    }
    skip_with_dates() {
        da: "`skip` hører sammen med `start` og `weeks`, ikke med `dates`",
        en: "`skip` goes with `start` and `weeks`, not with `dates`",
    }
    skip_with_dates_hint() {
        da: "Udelad i stedet de datoer, der springes over, fra `dates`",
        en: "Leave the skipped dates out of `dates` instead",
    }
    dates_with_start() {
        da: "`dates` kan ikke bruges sammen med `start` eller `weeks`",
        en: "`dates` cannot be combined with `start` or `weeks`",
    }
    dates_with_start_hint() {
        da: "Skriv enten `dates: [...]` eller `start:` og `weeks:`",
        en: "Give either `dates: [...]`, or `start:` and `weeks:`",
    }
    weeks_out_of_range(weeks) {
        da: "`weeks: {weeks}` er uden for det mulige",
        en: "`weeks: {weeks}` is out of range",
    }
    weeks_hint() {
        da: "Skriv antallet af ugentlige mødegange, 1 til 104",
        en: "Give the number of weekly meetings, 1 to 104",
    }
    skip_not_a_meeting_day(date) {
        da: "`skip: {date}` er ikke en mødedag for kurset",
        en: "`skip: {date}` is not a meeting day of this course",
    }
    skip_hint() {
        da: "En dato, der springes over, skal ligge på kursets ugedag mellem første og sidste mødegang",
        en: "Skip dates must fall on the course's weekday, between its first and last meeting",
    }
    no_start() {
        da: "Kursusplanen har ingen `start` (eller `dates`)",
        en: "The schedule has no `start` (or `dates`)",
    }
    no_start_hint() {
        da: "Skriv `start: ÅÅÅÅ-MM-DD` og `weeks: N`, eller `dates: [...]`",
        en: "Add `start: YYYY-MM-DD` and `weeks: N`, or `dates: [...]`",
    }
    no_weeks() { da: "Kursusplanen har ingen `weeks`", en: "The schedule has no `weeks`" }
    no_weeks_hint() {
        da: "Skriv `weeks: N`, antallet af ugentlige mødegange",
        en: "Add `weeks: N`, the number of weekly meetings",
    }
    cancelled_not_a_meeting(date) {
        da: "`cancelled: {date}` er ikke en mødegang på kurset",
        en: "`cancelled: {date}` is not a meeting of this course",
    }
    moved_not_a_meeting(date) {
        da: "`moved: from: {date}` er ikke en mødegang på kurset",
        en: "`moved: from: {date}` is not a meeting of this course",
    }
    planned_date_hint() {
        da: "Skriv den planlagte dato for en af kursets mødegange",
        en: "Give the planned date of one of the course's meetings",
    }
    planned_date_near_hint(nearest) {
        da: "Skriv den planlagte dato for en af kursets mødegange; den nærmeste er {nearest}",
        en: "Give the planned date of one of the course's meetings; the nearest meeting is {nearest}",
    }
    moved_twice(date) { da: "Mødegangen {date} er flyttet to gange", en: "The meeting of {date} is moved twice" }
    moved_twice_hint() {
        da: "Skriv hver mødegang én gang under `moved:`, med hvor den holdes nu",
        en: "Keep one entry for each meeting under `moved:`, with where it is held now",
    }
    moved_and_cancelled(date) {
        da: "Mødegangen {date} er både aflyst og flyttet",
        en: "The meeting of {date} is both cancelled and moved",
    }
    moved_and_cancelled_hint() {
        da: "Tag den ud af `cancelled:`, hvis den holdes en anden dag, eller ud af `moved:`, hvis den ikke holdes",
        en: "Take it out of `cancelled:` if it is held on another day, or out of `moved:` if it is not held",
    }
    moved_onto_meeting(from, to) {
        da: "Mødegangen {from} er flyttet til {to}, hvor kurset allerede mødes",
        en: "The meeting of {from} is moved to {to}, when the course already meets",
    }
    moved_onto_meeting_hint() {
        da: "Vælg en dag, hvor kurset ikke mødes, eller aflys en af de to mødegange",
        en: "Choose a day the course does not meet, or cancel one of the two meetings",
    }

    // ── Configuration: vejviser.yaml and each _site.yaml ──────────────────────────────────
    unsupported_language(language) {
        da: "vejviser kan ikke sproget `{language}`",
        en: "Unsupported language `{language}`",
    }
    language_hint() { da: "Skriv `da` (dansk) eller `en` (engelsk)", en: "Use `da` (Danish) or `en` (English)" }
    project_title_hint() {
        da: "Skriv `title: <projektets navn>` i vejviser.yaml",
        en: "Add `title: <the project's name>` to vejviser.yaml",
    }
    prospectus_months(months) {
        da: "`months: {months}` er uden for det mulige",
        en: "`months: {months}` is out of range",
    }
    prospectus_months_hint() {
        da: "Skriv, hvor mange måneder frem det trykte katalog dækker, 1 til 24",
        en: "Give how many months ahead the printed catalogue covers, 1 to 24",
    }
    missing_field(field) { da: "Feltet `{field}` mangler", en: "Missing field `{field}`" }
    site_name_hint() {
        da: "Skriv `name: <kommunens navn>`, fx `name: Roskilde Kommune`",
        en: "Add `name: <the municipality's name>`, e.g. `name: Roskilde Kommune`",
    }
    base_url_hint() {
        da: "Skriv den fulde adresse, fx `base_url: https://roskilde.example.dk/`",
        en: "Write the full address, e.g. `base_url: https://roskilde.example.dk/`",
    }
    missing_base_url_hint() {
        da: "Skriv `base_url: https://<sitets adresse>/`",
        en: "Add `base_url: https://<the site's address>/`",
    }
    not_a_colour(colour) { da: "`{colour}` er ikke en farve", en: "`{colour}` is not a colour" }
    colour_hint() {
        da: "Skriv en hex-farve i anførselstegn, fx `primary: \"#00587c\"`",
        en: "Write a hex colour in quotes, e.g. `primary: \"#00587c\"`",
    }
    not_an_icon(icon) {
        da: "`{icon}` er ikke en ikonfil, som browsere kan vise",
        en: "`{icon}` is not an icon file browsers take",
    }
    icon_hint() {
        da: "Angiv en SVG-, PNG- eller ICO-fil i kommunens mappe, fx `favicon: ikon.svg`",
        en: "Give an SVG, PNG or ICO file in the site folder, e.g. `favicon: ikon.svg`",
    }
    statement_url_hint() {
        da: "Skriv den fulde adresse på tilgængelighedserklæringen fra WAS-værktøjet, fx `https://was.digst.dk/...`",
        en: "Give the full address of the statement made with the WAS tool, e.g. `https://was.digst.dk/...`",
    }
    menu_no_label(entry) {
        da: "Menupunkt {entry} har ingen `label`",
        en: "Menu entry {entry} has no `label`",
    }
    menu_page_or_url(entry) {
        da: "Menupunkt {entry} skal have enten `page` (en side på sitet) eller `url`",
        en: "Menu entry {entry} needs either `page` (a page of the site) or `url`",
    }
    menu_bad_url(entry, url) {
        da: "Menupunkt {entry} har `url: {url}`, som hverken er en webadresse eller en mailto-adresse",
        en: "Menu entry {entry} has `url: {url}`, which is not an http(s) or mailto address",
    }
    menu_hint() {
        da: "Skriv hvert punkt som `{ label: Om os, page: om.md }` eller `{ label: Kommunen, url: https://… }`",
        en: "Write each entry as `{ label: Om os, page: om.md }` or `{ label: Kommunen, url: https://… }`",
    }
    location_no_name(key) { da: "Stedet `{key}` har intet navn", en: "Location `{key}` has no name" }
    bad_key(key, map) {
        da: "`{key}` under `{map}` kan ikke bruges som nøgle",
        en: "`{key}` under `{map}` is not a valid key",
    }

    // ── YAML that cannot be read, in plain words ──────────────────────────────────────────
    yaml_unreadable() { da: "YAML-teksten kan ikke læses her", en: "The YAML cannot be read here" }
    yaml_syntax_hint() {
        da: "Tjek opsætningen: `felt: værdi` på hver linje, lister som `[a, b]`, og anførselstegn om værdier med `: ` eller ` #`",
        en: "Check the YAML syntax: `key: value`, lists as `[a, b]`, and quotes around values with `: ` or ` #`",
    }
    yaml_tab() { da: "Der er brugt et tabulatortegn til indrykning", en: "A tab is used for indentation" }
    yaml_tab_hint() {
        da: "YAML skal rykkes ind med mellemrum: slet tabulatortegnet, og ryk ind med mellemrum (fx to)",
        en: "YAML is indented with spaces: remove the tab and indent with spaces (two, say)",
    }
    yaml_indentation() { da: "Indrykningen passer ikke her", en: "The indentation does not fit here" }
    yaml_indentation_hint() {
        da: "Felter på samme niveau skal begynde i samme kolonne, og et felt under et andet rykkes ind med mellemrum; tjek også, om der mangler et kolon på linjen over",
        en: "Keys on the same level start in the same column, and a key under another is indented with spaces; also check the line above for a missing colon",
    }
    yaml_missing_colon() { da: "Der mangler et kolon efter feltnavnet", en: "A colon is missing after the key" }
    yaml_missing_colon_hint() {
        da: "Skriv feltet som `felt: værdi`, med kolon og et mellemrum efter feltnavnet",
        en: "Write the field as `key: value`, with a colon and a space after the key",
    }
    yaml_unclosed_quote(quote) { da: "Anførselstegnet {quote} bliver aldrig lukket", en: "The quote {quote} is never closed" }
    yaml_unclosed_quote_hint(quote) {
        da: "Afslut værdien med {quote} på samme linje, som den begynder på",
        en: "End the value with {quote} on the line where it starts",
    }
    yaml_colon_in_value() {
        da: "Værdien indeholder `: `, som YAML læser som starten på et nyt felt",
        en: "The value holds `: `, which YAML reads as a new key",
    }
    yaml_quote_value_hint(key, value) {
        da: "Sæt anførselstegn om værdien: `{key}: {value}`",
        en: "Put the value in quotes: `{key}: {value}`",
    }
    yaml_list_in_mapping() {
        da: "Et punkt i en liste (`- …`) står mellem felterne",
        en: "A list item (`- …`) stands among keys",
    }
    yaml_list_in_mapping_hint() {
        da: "Et listepunkt skal stå under sit felt og rykkes ind, fx `goals:` og på linjen under `  - …`",
        en: "A list item goes under its key, indented, e.g. `goals:` and on the line below `  - …`",
    }
    yaml_map_in_list() {
        da: "En linje `felt: værdi` står midt i en liste",
        en: "A `key: value` line stands inside a list",
    }
    yaml_map_in_list_hint() {
        da: "Begynd hvert punkt i listen med `- `, eller ryk feltet tilbage, så det står under listens felt",
        en: "Start each item of the list with `- `, or move the key back to the column of the list's key",
    }
    yaml_unclosed_bracket(open) {
        da: "Listen, der begynder med `{open}`, bliver aldrig lukket",
        en: "The list opened with `{open}` is never closed",
    }
    yaml_unclosed_bracket_hint(close) {
        da: "Luk den med `{close}` på samme linje, og sæt komma mellem punkterne, fx `[a, b]`",
        en: "Close it with `{close}` on the same line, with commas between the items, e.g. `[a, b]`",
    }
    yaml_text_after_quote() {
        da: "Der står tekst efter det anførselstegn, der afslutter værdien",
        en: "There is text after the quote that ends the value",
    }
    yaml_text_after_quote_hint() {
        da: "Sæt hele værdien i anførselstegn, eller fjern teksten efter dem",
        en: "Put the whole value in quotes, or remove the text after them",
    }
    not_a_mapping() {
        da: "Her skal stå linjer med `felt: værdi`",
        en: "Expected `key: value` lines here",
    }
    not_a_possible_value(value) {
        da: "`{value}` er ikke en mulig værdi her",
        en: "`{value}` is not a possible value here",
    }
    wrong_type(found, expected) {
        da: "Her står {found}, men feltet skal have {expected}",
        en: "This is {found}, but the field takes {expected}",
    }
    wrong_type_hint() {
        da: "Tjek anførselstegn, tal og lister mod felterne i dokumentationen",
        en: "Check quotes, numbers and lists against the documented fields",
    }
    kind_text() { da: "tekst", en: "text" }
    kind_number() { da: "et tal", en: "a number" }
    kind_yes_no() { da: "ja/nej (`true` eller `false`)", en: "yes/no (`true` or `false`)" }
    kind_list() { da: "en liste", en: "a list" }
    kind_fields() { da: "felter (`felt: værdi`)", en: "fields (`key: value`)" }
    kind_nothing() { da: "ingenting", en: "nothing" }
    kind_other(serde) { da: "en anden slags værdi ({serde})", en: "another kind of value ({serde})" }
    duplicate_key(key) { da: "Feltet `{key}` står der to gange", en: "The key `{key}` is given twice" }
    duplicate_key_hint() { da: "Slet den ene af de to linjer", en: "Remove one of the two lines" }

    // ── Loading files ─────────────────────────────────────────────────────────────────────
    cannot_read_file(error) { da: "Filen kan ikke læses: {error}", en: "Cannot read the file: {error}" }
    file_too_large(size, limit) {
        da: "Filen fylder {size} MB; grænsen er {limit} MB",
        en: "The file is {size} MB; the limit is {limit} MB",
    }
    file_too_large_hint() {
        da: "Del siden op i flere sider, eller hold store filer uden for content/",
        en: "Split the page into several pages, or keep large files out of content/",
    }
    not_utf8() { da: "Filen er ikke gemt som UTF-8-tekst", en: "The file is not UTF-8 text" }
    not_utf8_hint() {
        da: "Gem filen som UTF-8 (de fleste programmer har det under \"Gem med tegnsæt\" eller \"Save with encoding\")",
        en: "Save the file as UTF-8 (most editors have this under \"Save with encoding\")",
    }
    missing_site_yaml(slug) {
        da: "Kommunemappen `{slug}` har ingen _site.yaml",
        en: "The municipality folder `{slug}` has no _site.yaml",
    }
    missing_site_yaml_hint(slug) {
        da: "Opret content/{slug}/_site.yaml med mindst `name:` og `base_url:`, eller giv mappen et navn, der begynder med `_`, hvis den ikke er en kommune",
        en: "Create content/{slug}/_site.yaml with at least `name:` and `base_url:`, or rename the folder to start with `_` if it is not a site",
    }
    symlink_ignored() { da: "Symbolsk link springes over", en: "Symbolic link ignored" }
    symlink_ignored_hint() {
        da: "Links bliver aldrig fulgt; kopiér i stedet filen ind i content/",
        en: "Links are never followed; copy the file into content/ instead",
    }

    // ── The theme ─────────────────────────────────────────────────────────────────────────
    missing_ui_strings(keys) { da: "Tekster til brugerfladen mangler: {keys}", en: "Missing UI strings: {keys}" }
    missing_ui_strings_hint() {
        da: "Tilføj hver nøgle med sin tekst til temaets tekster",
        en: "Add each key with its text to the theme's UI strings",
    }
    no_ui_strings(language) {
        da: "Temaet har ingen tekster til brugerfladen på sproget `{language}`",
        en: "The theme has no UI strings for the language `{language}`",
    }
    theme_not_utf8(error) { da: "Ikke UTF-8: {error}", en: "Not UTF-8: {error}" }
    template_error(detail) { da: "Fejl i skabelonen: {detail}", en: "Template error: {detail}" }
    first_seen(hint, file) {
        da: "{hint} (set første gang på {file})",
        en: "{hint} (first seen while rendering {file})",
    }
    template_error_hint() {
        da: "Ret skabelonen (en kommunes egen kopi ligger under content/<kommune>/_theme/templates/)",
        en: "Fix the template (a municipality's own copy lies under content/<slug>/_theme/templates/)",
    }

    // ── Manuals, sessions, exercise sheets and SUMMARY.md ─────────────────────────────────
    manual_kind() {
        da: "En manuals _index.md skal have `kind: manual`",
        en: "A manual's _index.md must say `kind: manual`",
    }
    manual_kind_hint() { da: "Skriv `kind: manual` i front matter", en: "Add `kind: manual` to the front matter" }
    manual_missing_index(name) {
        da: "Mappen manualer/{name}/ har ingen _index.md",
        en: "The folder manualer/{name}/ has no _index.md",
    }
    manual_missing_index_hint(name) {
        da: "Opret content/_shared/manualer/{name}/_index.md med `kind: manual` og en titel",
        en: "Add content/_shared/manualer/{name}/_index.md with `kind: manual` and a title",
    }
    session_number_twice(number, other) {
        da: "Sessionsnummer {number} bruges to gange i denne manual (også af {other})",
        en: "Session number {number} is used twice in this manual (also by {other})",
    }
    session_number_twice_hint() {
        da: "Giv hver session i en manual sit eget nummer",
        en: "Give each session of a manual its own number",
    }
    unknown_exercise(name) {
        da: "Der er intet øvelsesark `{name}` i denne manual",
        en: "There is no exercise sheet `{name}` in this manual",
    }
    known_exercises(list) {
        da: "Øvelsesarkene i denne manual er: {list}",
        en: "The exercise sheets of this manual are: {list}",
    }
    not_a_chapter_link(line) { da: "`{line}` er ikke et link til et kapitel", en: "`{line}` is not a chapter link" }
    not_a_chapter_link_hint() {
        da: "Skriv kapitler som `- [Titel](fil.md)`, dele som `# Titel` og skillelinjer som `---`",
        en: "Write chapters as `- [Titel](fil.md)`, parts as `# Titel`, and separators as `---`",
    }
    summary_not_a_chapter(path) {
        da: "`{path}` er en sessionsplan eller et øvelsesark, ikke et kapitel",
        en: "`{path}` is a session plan or exercise sheet, not a chapter",
    }
    summary_not_a_chapter_hint() {
        da: "SUMMARY.md viser kapitler; sessioner og øvelsesark står af sig selv på manualens forside",
        en: "SUMMARY.md lists chapters; sessions and exercise sheets are listed on the manual's front page by themselves",
    }
    summary_missing_file(path, folder) {
        da: "SUMMARY.md nævner `{path}`, som ikke findes i {folder}",
        en: "SUMMARY.md lists `{path}`, which does not exist in {folder}",
    }
    summary_missing_file_hint() {
        da: "Ret stien (den regnes fra SUMMARY.md), eller skriv `[Titel]()` for et kapitel, der ikke er skrevet endnu",
        en: "Fix the path (relative to SUMMARY.md), or write `[Titel]()` for a chapter still to come",
    }
    chapter_not_listed(summary) {
        da: "Dette kapitel står ikke i {summary}",
        en: "This chapter is not listed in {summary}",
    }
    chapter_not_listed_hint(title, path) {
        da: "Skriv `- [{title}]({path})` i SUMMARY.md, der hvor kapitlet hører til",
        en: "Add `- [{title}]({path})` to SUMMARY.md where the chapter belongs",
    }
    agenda_too_long(total, duration) {
        da: "Dagsordenen tager {total} minutter, men sessionen varer {duration}",
        en: "The agenda takes {total} minutes, but the session lasts {duration}",
    }
    agenda_too_long_hint(over, total) {
        da: "Gør dagsordenen {over} minutter kortere, eller skriv `duration: {total}`",
        en: "Shorten the agenda by {over} minutes, or set `duration: {total}`",
    }
    agenda_too_short(total, duration) {
        da: "Dagsordenen fylder {total} af sessionens {duration} minutter",
        en: "The agenda fills {total} of the session's {duration} minutes",
    }
    agenda_too_short_hint() {
        da: "Føj de manglende minutter til dagsordenen (en pause, en afsluttende runde), eller gør `duration` kortere",
        en: "Add the missing minutes to the agenda (a break, a closing round), or shorten `duration`",
    }
    unknown_phase(phase) { da: "Manualen har ingen fase {phase}", en: "The manual has no phase {phase}" }
    known_phases(manual, list) {
        da: "Faserne i {manual} er: {list}",
        en: "The phases of {manual} are: {list}",
    }
    numbering_gap(from, to) {
        da: "Sessionsnumrene springer fra {from} til {to}",
        en: "Session numbers jump from {from} to {to}",
    }
    numbering_gap_hint() {
        da: "Nummerér sessionerne i en manual 1, 2, 3, … eller tilføj de manglende sessionsplaner",
        en: "Number the sessions of a manual 1, 2, 3, … or add the missing session plans",
    }
    exercise_unused() {
        da: "Ingen sessionsplan bruger dette øvelsesark",
        en: "No session plan uses this exercise sheet",
    }
    exercise_unused_hint() {
        da: "Skriv det under `exercises:` i de sessioner, der bruger det, eller fjern arket",
        en: "List it under `exercises:` of the sessions that use it, or remove the sheet",
    }

    // ── Linking a site: addresses, menus, courses' places and contacts, links ─────────────
    a_generated_page() { da: "en side, som sitet selv laver", en: "a page the site makes itself" }
    alias_clash(alias, other) {
        da: "Den gamle adresse /{alias} er adressen på {other}",
        en: "The old address /{alias} is the address of {other}",
    }
    alias_clash_hint() {
        da: "En gammel adresse må ikke være adressen på en side, der findes nu: fjern den fra `aliases`",
        en: "An old address must be one no page has now: remove it from `aliases`",
    }
    duplicate_alias(other, alias) {
        da: "Både denne side og {other} har /{alias} som gammel adresse",
        en: "This page and {other} both give /{alias} as an old address",
    }
    duplicate_alias_hint() {
        da: "En gammel adresse fører til én side: behold den kun på den ene af de to",
        en: "An old address leads to one page: keep it in one of the two",
    }
    series_clash(series, first, other) {
        da: "Dette forløb af rækken `{series}` starter {first}, ligesom {other}",
        en: "This term of the series `{series}` starts on {first}, as {other} does",
    }
    series_clash_hint() {
        da: "Giv det nye forløb sine egne datoer, eller en anden `series:`, hvis det er et andet kursus",
        en: "Give the new term its own dates, or a different `series:` if it is another course",
    }
    unknown_location(value, site) {
        da: "Ukendt sted `{value}` i {site}",
        en: "Unknown location `{value}` for {site}",
    }
    unknown_contact(value, site) {
        da: "Ukendt kontaktperson `{value}` i {site}",
        en: "Unknown contact `{value}` for {site}",
    }
    known_locations(list) { da: "Stederne er: {list}", en: "The locations are: {list}" }
    known_contacts(list) { da: "Kontaktpersonerne er: {list}", en: "The contacts are: {list}" }
    define_under(section, file) {
        da: "Skriv den under `{section}:` i {file}",
        en: "Define it under `{section}:` in {file}",
    }
    defined_in(hint, section, file) {
        da: "{hint} (de står under `{section}:` i {file})",
        en: "{hint} (they are defined under `{section}:` in {file})",
    }
    menu_not_a_page(written, site) {
        da: "Menuen nævner `{written}`, som ikke er en side i {site}",
        en: "The menu names `{written}`, which is not a page of {site}",
    }
    menu_not_a_page_hint(suggestion) {
        da: "{suggestion} (sider skrives, som man skriver links, regnet fra kommunens mappe)",
        en: "{suggestion} (pages are named as links are written, relative to the site folder)",
    }
    for_example(list) { da: "For eksempel: {list}", en: "For example: {list}" }
    exclude_missing(path) {
        da: "`exclude` nævner `{path}`, som ikke findes",
        en: "`exclude` names `{path}`, which does not exist",
    }
    exclude_missing_hint() {
        da: "Skriv stien regnet fra content/_shared/ (eller kommunens mappe), fx `kurser/gammelt-kursus.md`",
        en: "Give the path relative to content/_shared/ (or the site folder), e.g. `kurser/gammelt-kursus.md`",
    }
    unknown_manual(name) { da: "Der er ingen manual `{name}`", en: "There is no manual `{name}`" }
    known_manuals(list) { da: "Manualerne er: {list}", en: "The manuals are: {list}" }
    the_print_page() { da: "manualens udskriftsside", en: "the manual's print page" }
    the_course_catalogue() { da: "kursuskataloget", en: "the course catalogue" }
    reserved_url(path, user) {
        da: "Siden ville blive skrevet til /{path}, som {user} bruger",
        en: "This page would be written to /{path}, which {user} uses",
    }
    generated_url(path) {
        da: "Siden ville blive skrevet til /{path}, hvor sitet selv laver en side",
        en: "This page would be written to /{path}, where the site's generated page is",
    }
    reserved_url_hint() {
        da: "Omdøb filen, eller giv den en anden `slug:`",
        en: "Rename the file or give it another `slug:`",
    }
    duplicate_url(other, path) {
        da: "Både denne side og {other} ville blive skrevet til /{path}",
        en: "This page and {other} would both be written to /{path}",
    }
    duplicate_url_hint() {
        da: "Omdøb en af filerne, eller giv en af dem en anden `slug:`",
        en: "Rename one of the files or give one of them another `slug:`",
    }
    no_statement() {
        da: "Sitet har ingen `accessibility_statement`",
        en: "The site has no `accessibility_statement`",
    }
    no_statement_hint() {
        da: "Offentlige danske sites skal linke til deres tilgængelighedserklæring (lavet i WAS-værktøjet): skriv `accessibility_statement: <adressen>`",
        en: "Danish public sites must link their accessibility statement (made with the WAS tool): add `accessibility_statement: <its URL>`",
    }
    one_folder_hint() {
        da: "En kommunes egne sider og de fælles sider (content/_shared/) er én mappe: link til en side i den, regnet fra denne fil",
        en: "A municipality's pages and the shared pages (content/_shared/) make one folder: link to a page in it, relative to this file",
    }
    one_folder_write_hint(link) {
        da: "En kommunes egne sider og de fælles sider (content/_shared/) er én mappe: skriv `{link}`",
        en: "A municipality's pages and the shared pages (content/_shared/) make one folder: write `{link}`",
    }
    scheme_not_allowed(scheme) { da: "Links med `{scheme}` er ikke tilladt", en: "`{scheme}` links are not allowed" }
    scheme_not_allowed_hint() {
        da: "Link til en webside (https://…), en e-mail (mailto:…) eller en anden sides .md-fil",
        en: "Link to a web page (https://…), an e-mail (mailto:…) or another page's .md file",
    }
    link_outside(dest) { da: "`{dest}` fører uden for sitets mappe", en: "`{dest}` leads out of the site's folder" }
    link_left_out(dest, rel, site) {
        da: "`{dest}` linker til {rel}, som ikke er med i {site} (en kladde, udeladt, eller en manual, sitet ikke har)",
        en: "`{dest}` links to {rel}, which {site} does not include (a draft, excluded, or a manual the site does not take)",
    }
    link_left_out_hint() {
        da: "Fjern linket, eller tag siden med i dette site",
        en: "Remove the link, or include the page in this site",
    }
    link_missing(dest, rel) {
        da: "`{dest}` linker til {rel}, som ikke findes",
        en: "`{dest}` links to {rel}, which does not exist",
    }
    link_missing_hint() {
        da: "Tjek filnavnet og stien, regnet fra denne fil",
        en: "Check the file name and the path relative to this file",
    }
    image_missing(dest, rel) {
        da: "Billedet `{dest}` findes ikke (der blev ledt efter {rel})",
        en: "The image `{dest}` does not exist (looked for {rel})",
    }
    image_missing_hint() {
        da: "Læg billedet ved siden af siden, eller ret stien; links til sider ender på .md",
        en: "Put the image beside the page, or fix the path; links to pages end in .md",
    }
    file_missing(dest, rel) {
        da: "Filen `{dest}` findes ikke (der blev ledt efter {rel})",
        en: "The file `{dest}` does not exist (looked for {rel})",
    }
    file_missing_hint() {
        da: "Læg filen ved siden af siden, eller ret stien; links til sider ender på .md",
        en: "Put the file beside the page, or fix the path; links to pages end in .md",
    }
    no_heading(page, fragment) {
        da: "{page} har ingen overskrift med id'et `#{fragment}`",
        en: "{page} has no heading with the id `#{fragment}`",
    }
    no_headings() { da: "Siden har ingen overskrifter at linke til", en: "The page has no headings to link to" }

    // ── Markdown bodies ───────────────────────────────────────────────────────────────────
    extra_h1() {
        da: "En side har én overskrift på øverste niveau: denne `#`-overskrift vises som `##`",
        en: "A page has one top-level heading: this `#` heading is shown as `##`",
    }
    extra_h1_hint() {
        da: "Brug `##` til afsnit; sidens titel er dens eneste `#`-overskrift",
        en: "Use `##` for sections; the page title is the page's only `#` heading",
    }
    heading_attributes() {
        da: "Egenskaber efter en overskrift udelades: de er rå HTML",
        en: "Attributes after a heading are left out: they are raw HTML",
    }
    heading_attributes_hint() {
        da: "Behold `{#id}` og `{.class}`; andre egenskaber kræver `markdown: { allow_html: true }` i vejviser.yaml",
        en: "Keep `{#id}` and `{.class}`; other attributes need `markdown: { allow_html: true }` in vejviser.yaml",
    }
    image_alt() { da: "Billedet har ingen alternativ tekst", en: "The image has no alt text" }
    image_alt_hint() {
        da: "Beskriv billedet mellem de firkantede parenteser: ![Deltagere ved et bord](billede.jpg)",
        en: "Describe the image between the brackets: ![Deltagere ved et bord](billede.jpg)",
    }
    more_problems(more) {
        da: "{more} problem(er) mere på denne side vises ikke",
        en: "{more} more problem(s) in this page are not shown",
    }
    more_problems_hint() {
        da: "Ret dem ovenfor, og byg igen",
        en: "Fix the ones above and build again",
    }
    html_too_deep(levels) {
        da: "Den rå HTML på denne side er lagt mere end {levels} niveauer inden i hinanden",
        en: "The raw HTML of this page nests deeper than {levels} levels",
    }
    html_too_deep_hint() {
        da: "Luk de HTML-elementer, du åbner, eller skriv siden i Markdown",
        en: "Close the HTML elements you open, or write the page in Markdown",
    }

    // ── Building: a site's own files ──────────────────────────────────────────────────────
    cannot_read_site_file(file, error) {
        da: "Filen `{file}` kan ikke læses: {error}",
        en: "Cannot read the file `{file}`: {error}",
    }
    path_leaves_site() {
        da: "stien skal blive inden for kommunens mappe",
        en: "the path must stay inside the site folder",
    }
    symlink_not_followed() {
        da: "den er et symbolsk link, og links bliver aldrig fulgt",
        en: "it is a symbolic link, and links are never followed",
    }
    site_file_hint(slug) {
        da: "Læg filen i content/{slug}/, og skriv dens navn",
        en: "Put the file in content/{slug}/ and give its name",
    }

    // ── `check`: links, headings, courses, readability and files no one uses ──────────────
    no_element_id(page, fragment) {
        da: "{page} har intet element med id'et `#{fragment}`",
        en: "{page} has no element with the id `#{fragment}`",
    }
    the_generated_page(path) { da: "den genererede side /{path}", en: "the generated page /{path}" }
    no_ids_hint() {
        da: "Siden har ingen id'er at linke til: link til siden uden `#…`",
        en: "The page has no ids to link to: link to the page without `#…`",
    }
    sections_are(list) { da: "Sidens afsnit er: {list}", en: "The page's sections are: {list}" }
    empty_link() { da: "Linket har ingen tekst", en: "The link has no text" }
    empty_link_hint() {
        da: "Skærmlæsere læser kun adressen op, når et link ikke har tekst: skriv, hvad linket fører til, mellem de firkantede parenteser, fx [Læs om tilmelding](praktisk.md)",
        en: "Screen readers read out only the address of a link without text: write what the link leads to between the brackets, e.g. [Læs om tilmelding](praktisk.md)",
    }
    the_page_title() { da: "sidens titel (`#`)", en: "the page title (`#`)" }
    a_heading(level) { da: "en `{level}`-overskrift", en: "a `{level}` heading" }
    heading_skip(level, after, skipped) {
        da: "Denne `{level}`-overskrift kommer efter {after}: niveau {skipped} springes over",
        en: "This `{level}` heading follows {after}: level {skipped} is skipped",
    }
    heading_skip_hint(level) {
        da: "Brug `{level}` her (eller tilføj det manglende niveau over den), så sidens opbygning ikke har huller for dem, der bruger skærmlæser",
        en: "Use `{level}` here (or add the missing level above it), so the page's outline has no gaps for screen-reader users",
    }
    signup_closed(deadline, first) {
        da: "Tilmeldingsfristen {deadline} er overskredet, men kurset starter først {first}",
        en: "The signup deadline {deadline} has passed, but the course does not start until {first}",
    }
    signup_closed_hint() {
        da: "Kursets side viser \"Tilmelding lukket\": sæt en senere `deadline`, hvis borgerne stadig kan tilmelde sig, eller arkivér kurset, hvis det ikke bliver til noget",
        en: "The course page shows \"Tilmelding lukket\" (signup closed): set a later `deadline` if citizens can still sign up, or archive the course if it will not run",
    }
    course_finished() {
        da: "Kurset er slut, men ligger stadig i kurser/",
        en: "The course has finished but is still in kurser/",
    }
    course_finished_on(last) {
        da: "Kurset er slut (sidste mødegang var {last}), men ligger stadig i kurser/",
        en: "The course has finished (the last meeting was {last}) but is still in kurser/",
    }
    course_finished_hint() {
        da: "Flyt filen ud af kurser/, eller slet den; indtil da vises kurset kun i arkivet (kurser/tidligere/)",
        en: "Move the file out of kurser/ or delete it; until then the course is shown only in the archive (kurser/tidligere/)",
    }
    unused_location(site, key) {
        da: "Intet kursus i {site} bruger stedet `{key}`",
        en: "No course of {site} uses the location `{key}`",
    }
    unused_contact(site, key) {
        da: "Intet kursus i {site} bruger kontaktpersonen `{key}`",
        en: "No course of {site} uses the contact `{key}`",
    }
    unused_key_hint(section, field, key) {
        da: "Fjern den fra `{section}:`, eller brug den i et kursus' front matter: `{field}: {key}`",
        en: "Remove it from `{section}:`, or name it in a course's front matter: `{field}: {key}`",
    }
    own_version(site, slug) {
        da: "{site} har sin egen udgave i content/{slug}/",
        en: "{site} has its own version in content/{slug}/",
    }
    excludes_it(site, slug) {
        da: "{site} udelader den i content/{slug}/_site.yaml",
        en: "{site} excludes it in content/{slug}/_site.yaml",
    }
    manual_not_taken(site, name) {
        da: "{site} har ikke manualen `{name}`",
        en: "{site} does not take the manual `{name}`",
    }
    not_included(site) { da: "{site} har den ikke med", en: "{site} does not include it" }
    page_unused() { da: "Intet site bruger denne side", en: "No site uses this page" }
    page_unused_hint(reasons) {
        da: "Slet filen, eller tag den med i et site ({reasons})",
        en: "Delete the file, or include it in a site ({reasons})",
    }
    file_unused() { da: "Ingen side linker til denne fil", en: "No page links to this file" }
    file_unused_hint() {
        da: "Slet filen, eller link til den fra en side, fx [Hent programmet](program.pdf)",
        en: "Delete the file, or link to it from a page, e.g. [Hent programmet](program.pdf)",
    }
    sentence_words(sentence, words) { da: "“{sentence}” ({words} ord)", en: "“{sentence}” ({words} words)" }
    hard_to_read(title, score, limit) {
        da: "“{title}” er svær at læse: LIX {score}, over grænsen på {limit} (readability.max_lix i vejviser.yaml)",
        en: "“{title}” is hard to read: LIX {score}, above the limit of {limit} (readability.max_lix in vejviser.yaml)",
    }
    hard_to_read_hint(sentences) {
        da: "Kortere sætninger og kortere ord giver et lavere tal; de længste sætninger er: {sentences}",
        en: "Shorter sentences and shorter words lower the score; the longest sentences are: {sentences}",
    }
    unreachable_page(site, path) {
        da: "Ingen menu, side eller oversigt i {site} linker til /{path}: borgerne kan kun finde den ved at søge",
        en: "No menu, page or listing of {site} links to /{path}: citizens find it only by searching",
    }
    unreachable_page_hint(file) {
        da: "Skriv den i `menu:` i {file}, eller link til den fra en anden side",
        en: "Name it in `menu:` in {file}, or link to it from another page",
    }

    // ── The command line's summary lines ──────────────────────────────────────────────────
    check_summary(errors, warnings) {
        da: "{errors} fejl, {warnings} advarsel(er)",
        en: "{errors} error(s), {warnings} warning(s)",
    }
    build_stopped(errors, warnings, out) {
        da: "fejl: bygningen stoppede med {errors} fejl og {warnings} advarsel(er); intet blev skrevet til {out}",
        en: "error: the build stopped with {errors} error(s) and {warnings} warning(s); nothing was written to {out}",
    }
    schema_not_written(problems) {
        da: "fejl: {problems} problem(er) i projektets opsætning; intet skema blev skrevet",
        en: "error: {problems} problem(s) in the project's configuration; no schema was written",
    }

    // ── `serve`: the preview's error overlay ──────────────────────────────────────────────
    overlay_title(count) {
        da: "{count} fejl — siden viser den seneste bygning uden fejl",
        en: "{count} error(s) — the page shows the last good build",
    }
    error_note(count, first) { da: "{count} fejl: {first}", en: "{count} error(s): {first}" }
    error_page_heading() { da: "Bygningen har fejl", en: "The build has errors" }
    build_failed(error) { da: "Bygningen mislykkedes: {error}", en: "The build failed: {error}" }
}
