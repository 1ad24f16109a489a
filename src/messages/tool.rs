//! The catalogue, part five: failures of the tool itself rather than of the content — a file or
//! folder it cannot read or write, another build's lock, the scaffolding commands (`init`, `new`,
//! `theme copy`) asked for something that cannot be, the preview server that cannot start — and
//! what those commands say they wrote.

messages! {
    TOOL;

    // ── The line a failure is printed on ──────────────────────────────────────────────────
    tool_error(message) { da: "fejl: {message}", en: "error: {message}" }
    content_problems(count) {
        da: "{count} problem(er) i indholdet",
        en: "{count} problem(s) in the content",
    }
    /// A finding of a file the command reads before it can start (`new` reads the project).
    found_at(location, message) { da: "{message} (i {location})", en: "{message} (at {location})" }

    // ── Files and folders ──────────────────────────────────────────────────────────────────
    cannot(action, path, error) {
        da: "{path} kan ikke {action}: {error}",
        en: "cannot {action} {path}: {error}",
    }
    verb_read() { da: "læses", en: "read" }
    verb_write() { da: "skrives", en: "write" }
    verb_create() { da: "oprettes", en: "create" }
    verb_open() { da: "åbnes", en: "open" }
    verb_lock() { da: "låses", en: "lock" }
    verb_remove() { da: "fjernes", en: "remove" }
    verb_move() { da: "flyttes", en: "move" }
    verb_copy() { da: "kopieres", en: "copy" }
    verb_link() { da: "linkes", en: "link" }
    verb_resolve() { da: "findes", en: "resolve" }
    verb_restore() { da: "gendannes", en: "restore" }
    locked(out, lock) {
        da: "Et andet build skriver i {out}; vent, til det er færdigt (låsen er {lock})",
        en: "another build is writing into {out}; wait for it to finish (the lock is {lock})",
    }
    locked_by(out, process, lock) {
        da: "Et andet build skriver i {out} (proces {process}); vent, til det er færdigt (låsen er {lock})",
        en: "another build is writing into {out} (process {process}); wait for it to finish (the lock is {lock})",
    }
    outside_site_folder(path) {
        da: "`{path}` skrives ikke: den ville havne uden for kommunens mappe",
        en: "refusing to write `{path}`: it would land outside the site's folder",
    }

    // ── init, new and theme copy ───────────────────────────────────────────────────────────
    project_exists(dir, existing) {
        da: "{dir} rummer allerede et projekt (der er {existing}); intet er skrevet",
        en: "{dir} already holds a project (it has {existing}); nothing was written",
    }
    not_a_slug(slug, what, example) {
        da: "`{slug}` kan ikke bruges som {what}: brug små bogstaver, tal og bindestreger, fx `{example}`",
        en: "`{slug}` is not a valid {what}: use lower-case letters, digits and hyphens, e.g. `{example}`",
    }
    what_municipality() { da: "kommunens navn i adresser", en: "municipality slug" }
    what_course() { da: "kursets navn i adresser", en: "course slug" }
    what_exercise() { da: "øvelsesarkets navn i adresser", en: "exercise slug" }
    no_project_file(root) {
        da: "{root} har ingen vejviser.yaml: er --root projektets mappe? (`vejviser init` begynder et)",
        en: "{root} has no vejviser.yaml: is --root the project folder? (`vejviser init` starts one)",
    }
    no_content_folder(root) {
        da: "{root} har ingen content/-mappe",
        en: "{root} has no content/ folder",
    }
    no_such_municipality(slug, folder, known) {
        da: "Der er ingen kommune `{slug}` i {folder} (der er: {known})",
        en: "there is no municipality `{slug}` in {folder} (there are: {known})",
    }
    no_theme_templates(theme, folder, built_in) {
        da: "Temaet `{theme}` har ingen templates-mappe i {folder} (temaet, der er bygget ind i programmet, er `{built_in}`)",
        en: "the theme `{theme}` has no templates folder at {folder} (the theme built into the program is `{built_in}`)",
    }
    theme_folder_exists(folder) {
        da: "{folder} findes allerede: fjern den, eller kopiér temaet under et andet navn",
        en: "{folder} already exists: remove it or copy the theme under another name",
    }
    fix_first(file, problem) {
        da: "Ret først {file}: {problem}",
        en: "fix {file} first: {problem}",
    }
    no_manual(manual, file) {
        da: "Der er ingen manual `{manual}` (ingen {file})",
        en: "there is no manual `{manual}` (no {file})",
    }
    no_municipality(site, file) {
        da: "Der er ingen kommune `{site}` (ingen {file})",
        en: "there is no municipality `{site}` (no {file})",
    }
    already_exists(path) { da: "{path} findes allerede", en: "{path} already exists" }
    already_exists_nothing_written(path) {
        da: "{path} findes allerede; intet er skrevet",
        en: "{path} already exists; nothing was written",
    }
    sessions_start_at_one() {
        da: "Sessionernes numre begynder ved 1",
        en: "session numbers start at 1",
    }
    not_a_theme_name(name) {
        da: "`{name}` kan ikke bruges som navn på et tema: brug små bogstaver, tal og bindestreger",
        en: "`{name}` is not a theme name: use lower-case letters, digits and hyphens",
    }

    // ── What new, theme copy and schema wrote ──────────────────────────────────────────────
    wrote(path) { da: "Skrev {path}", en: "wrote {path}" }
    wrote_theme(count, folder) {
        da: "Skrev det indbyggede tema ({count} filer) til {folder}",
        en: "wrote the built-in theme ({count} files) to {folder}",
    }
    use_theme(name) {
        da: "Skriv `theme: {name}` i vejviser.yaml for at bruge det",
        en: "set `theme: {name}` in vejviser.yaml to use it",
    }
    schema_any_key(root) {
        da: "(ingen vejviser.yaml i {root}: kategorier, målgrupper, steder og kontakter kan have enhver nøgle)",
        en: "(no vejviser.yaml in {root}: categories, audiences, locations and contacts may be any key)",
    }

    // ── serve ──────────────────────────────────────────────────────────────────────────────
    cannot_listen(port, error) {
        da: "Der kan ikke lyttes på port {port}: {error}",
        en: "cannot listen on port {port}: {error}",
    }
    cannot_watch(path, error) {
        da: "{path} kan ikke følges: {error}",
        en: "cannot watch {path}: {error}",
    }
    no_random_numbers(error) {
        da: "Systemet giver ingen tilfældige tal til redigeringen: {error}",
        en: "no random numbers for the editor: {error}",
    }
    server_state_lost() {
        da: "Serverens tilstand gik tabt ved en tidligere fejl; start serve igen",
        en: "the server's state was lost to an earlier failure; start serve again",
    }
}
