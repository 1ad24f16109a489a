//! The catalogue, part two: what linking a site finds — manuals and SUMMARY.md, addresses,
//! menus, a course's places and contacts, links and images — and problems in Markdown bodies.

messages! {
    LINKING;

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
}
