//! The catalogue, part three: what `build` and `check` add while rendering and checking, and the
//! lines the command line and `serve`'s overlay print around the findings.

messages! {
    REPORTING;

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
    build_warnings(warnings) {
        da: "{warnings} advarsel(er)",
        en: "{warnings} warning(s)",
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
