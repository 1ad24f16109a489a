//! The catalogue, part one: what reading the project finds — front matter, a course's schedule,
//! `vejviser.yaml` and `_site.yaml`, YAML that cannot be read, files and the theme — and the words
//! many findings share. Danish first, then English; `{name}` is an argument; YAML keys, values and
//! code stay in backticks as written. The Danish is for municipal staff who are not developers:
//! plain words, "du", and what to do.

messages! {
    READING;

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
}
