//! `vejviser new`: start a site, course, session plan or exercise sheet from a commented
//! template that builds as it is; and `vejviser init` ([`init`]): a whole starter project.
//! Existing files are never overwritten.

mod init;

pub use init::{init, next_steps, Init};

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};

use crate::config::{Language, Municipality, Project};
use crate::error::Diagnostic;
use crate::error::{Error, FileAction};
use crate::load::read_text;
use crate::messages::{self, Message};
use crate::slug::slugify;

/// What to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scaffold {
    Site { slug: String },
    Course { site: String, slug: String },
    Session { manual: String, number: u32 },
    Exercise { manual: String, slug: String },
}

fn check_slug(what: Message, slug: &str) -> Result<(), Error> {
    if slug.is_empty() || slugify(slug) != slug {
        return Err(Error::Usage(messages::not_a_slug(
            slug,
            what,
            slugify(slug),
        )));
    }
    Ok(())
}

/// A finding in a file the command must read first, with where it is.
fn found(d: &Diagnostic) -> Message {
    messages::found_at(d.location(), d.message.clone())
}

fn project(root: &Path) -> Result<Project, Error> {
    let file = root.join("vejviser.yaml");
    if !file.is_file() {
        return Err(Error::Usage(messages::no_project_file(root.display())));
    }
    let text = read_text(root, &file).map_err(|d| Error::Usage(found(&d)))?;
    Project::parse(Path::new("vejviser.yaml"), &text)
        .map_err(|d| Error::Usage(messages::fix_first("vejviser.yaml", found(&d[0]))))
}

fn manual_dir(root: &Path, manual: &str) -> Result<PathBuf, Error> {
    let dir = root.join("content/_shared/manualer").join(manual);
    if !dir.join("_index.md").is_file() {
        return Err(Error::Usage(messages::no_manual(
            manual,
            dir.join("_index.md").display(),
        )));
    }
    Ok(dir)
}

/// Writes the new file (and its folder) and returns its path. Its comments are in the
/// project's language.
pub fn create(root: &Path, what: &Scaffold, today: NaiveDate) -> Result<PathBuf, Error> {
    let (path, text) = template(root, what, today)?;
    write_new(&path, &text)?;
    Ok(path)
}

/// The new file's path and text, without writing it (the editor's "Nyt kursus" fills it in
/// and checks it before anything is written). A site's other files are written here.
pub fn template(
    root: &Path,
    what: &Scaffold,
    today: NaiveDate,
) -> Result<(PathBuf, String), Error> {
    let (path, text, lang, slug_var) = match what {
        Scaffold::Site { slug } => {
            check_slug(messages::what_municipality(), slug)?;
            let project = project(root)?;
            let dir = root.join("content").join(slug);
            if dir.exists() {
                return Err(Error::Usage(messages::already_exists(dir.display())));
            }
            let om = dir.join("om.md");
            write_new(
                &om,
                &localize(
                    "---\n#@page_title\ntitle: Om vores tilbud\n#@description\ndescription: Gruppeforløb og recovery-kurser i kommunen.\n---\nSkriv her om kommunens tilbud til borgere, der vil være en del af et fællesskab.\n",
                    project.language,
                    &[],
                ),
            )?;
            (
                dir.join("_site.yaml"),
                format!(
                    "#@site\nname: {name} Kommune\n#@base_url\nbase_url: https://{slug}.example.dk/\n#@manuals\n# manuals: [abc, peer-gruppe]\n#@exclude\n# exclude: [praktisk.md]\ncolors:\n#@primary\n  primary: \"#00587c\"\n#@statement\naccessibility_statement: https://was.example.dk/{slug}\n#@locations\nlocations:\n  hovedbiblioteket: {{ name: Hovedbiblioteket, address: \"Eksempelvej 1, 1234 By\", accessibility: \"Niveaufri adgang, handicaptoilet\" }}\n#@contacts\ncontacts:\n  sundhed: {{ name: Sundhed og Forebyggelse, email: sundhed@{slug}.example.dk, phone: \"+45 11 22 33 44\" }}\n",
                    name = capitalize(slug)
                ),
                project.language,
                slug.clone(),
            )
        }
        Scaffold::Course { site, slug } => {
            check_slug(messages::what_course(), slug)?;
            let project = project(root)?;
            let site_file = root.join("content").join(site).join("_site.yaml");
            if !site_file.is_file() {
                return Err(Error::Usage(messages::no_municipality(
                    site,
                    site_file.display(),
                )));
            }
            let text = read_text(root, &site_file).map_err(|d| Error::Usage(found(&d)))?;
            let m = Municipality::parse(site, Path::new("_site.yaml"), &text).map_err(|d| {
                Error::Usage(messages::fix_first(site_file.display(), found(&d[0])))
            })?;
            // The keys are the project's first ones: the file builds as it is.
            let category = project.categories.keys().next().cloned();
            let start = today + Duration::days(28);
            let deadline = today + Duration::days(21);
            let line = |key: &str, value: Option<&String>, comment: &str| match value {
                Some(v) => format!("#@{comment}\n{key}: {v}\n"),
                None => format!("#@{comment}\n# {key}: …\n"),
            };
            let email = m
                .contacts
                .values()
                .find_map(|c| c.email.clone())
                .unwrap_or_else(|| format!("kontakt@{site}.example.dk"));
            (
                root.join("content").join(site).join("kurser").join(format!("{slug}.md")),
                format!(
                    "---\ntitle: {title}\n{category}#@summary\nsummary: Kort om, hvad kurset giver deltagerne.\naudience: Voksne over 18\n#@referral\nreferral: false\ncapacity: 10\n#@price\nprice: 0\n{location}{contact}#@facilitators\nfacilitators: [peer, staff]\nschedule:\n#@start\n  start: {start}\n#@weeks\n  weeks: 10\n  time: \"10:00-12:00\"\n#@skip\n  # skip: [YYYY-MM-DD]\n#@cancelled\n  # cancelled: [YYYY-MM-DD]\n#@moved\n  # moved:\n  #   - {{ from: YYYY-MM-DD, to: YYYY-MM-DD, time: \"12:00-14:00\", note: … }}\nsignup: {{ deadline: {deadline}, email: {email} }}\n#@intake\n# intake: {{ open_until_session: 3 }}\n#@availability\n# availability: full\n# availability_note: …\n#@mode\n# mode: online\n# online: …\n{audiences}#@series\n# series: {slug}\n---\n## Hvad sker der?\n\nFortæl, hvad I laver på møderne.\n\n## Hvem er det for?\n\nFortæl, hvem kurset er for.\n",
                    title = capitalize(&slug.replace('-', " ")),
                    category = line("category", category.as_ref(), "category"),
                    location = line("location", m.locations.keys().next(), "location"),
                    contact = line("contact", m.contacts.keys().next(), "contact"),
                    audiences = match project.audiences.keys().next() {
                        Some(key) => format!("#@audiences\n# audiences: [{key}]\n"),
                        None => "#@audiences\n# audiences: […]\n".to_string(),
                    },
                ),
                project.language,
                site.clone(),
            )
        }
        Scaffold::Session { manual, number } => {
            let project = project(root)?;
            let dir = manual_dir(root, manual)?;
            if *number == 0 {
                return Err(Error::Usage(messages::sessions_start_at_one()));
            }
            (
                dir.join("sessioner").join(format!("uge-{number:02}.md")),
                format!(
                    "---\ntitle: Session {number}\n#@number\nnumber: {number}\n#@phase\n# phase: 1\n#@duration\nduration: 120\ngoals:\n  - Hvad deltagerne får ud af mødet\nmaterials:\n  - Navneskilte\n#@exercises\nexercises: []\nagenda:\n  - {{ minutes: 15, activity: Velkomst og check-in }}\n  - {{ minutes: 90, activity: Dagens emne }}\n  - {{ minutes: 15, activity: Afrunding }}\n---\nNoter til facilitatoren.\n\n> [!NOTE]\n> Et godt råd til den, der leder mødet.\n"
                ),
                project.language,
                String::new(),
            )
        }
        Scaffold::Exercise { manual, slug } => {
            check_slug(messages::what_exercise(), slug)?;
            let project = project(root)?;
            let dir = manual_dir(root, manual)?;
            (
                dir.join("ovelser").join(format!("{slug}.md")),
                format!(
                    "---\n#@sheet\ntitle: {title}\n#@purpose\npurpose: At …\n#@minutes\nduration: 20\n---\n## Sådan gør du\n\n1. Første trin.\n2. Andet trin.\n\n## Tal sammen\n\n- Et spørgsmål til samtalen.\n",
                    title = capitalize(&slug.replace('-', " "))
                ),
                project.language,
                String::new(),
            )
        }
    };
    let text = localize(&text, lang, &[("slug", &slug_var)]);
    Ok((path, text))
}

/// Replaces each `#@key` line of a template with that comment in the project's language, keeping
/// the line's indentation; `{name}` in a comment becomes the value given for `name`.
fn localize(text: &str, lang: Language, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.split_inclusive('\n') {
        let indent = &line[..line.len() - line.trim_start().len()];
        match line.trim().strip_prefix("#@") {
            Some(key) => {
                let mut comment = comment(key, lang).to_string();
                for (name, value) in vars {
                    comment = comment.replace(&format!("{{{name}}}"), value);
                }
                out.push_str(&format!("{indent}# {comment}\n"));
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The comments of the templates, in English and Danish.
fn comment(key: &str, lang: Language) -> &'static str {
    const COMMENTS: &[(&str, &str, &str)] = &[
        ("page_title", "The page's title, shown as its heading and in the browser tab.", "Sidens titel: overskriften og navnet i browserens fane."),
        ("description", "One sentence for search engines and link previews.", "En sætning til søgemaskiner og til visning af links."),
        ("site", "The municipality's site. Its folder name ({slug}) is also its output folder: public/{slug}/.", "Kommunens site. Mappens navn ({slug}) er også navnet på mappen i public/: public/{slug}/."),
        ("base_url", "The address the site is published at (links in the sitemap and feeds start with it).", "Adressen, sitet ligger på. Links i sitemap og feeds begynder med den."),
        ("manuals", "Which shared manuals the site takes (leave out to take them all).", "De fælles manualer, sitet tager med (udelad linjen for at tage dem alle)."),
        ("exclude", "Shared pages the site leaves out, relative to content/_shared/.", "Fælles sider, sitet ikke tager med, fra content/_shared/."),
        ("primary", "White text stands on this colour: keep the contrast at 4.5:1 or more.", "Hvid tekst står på denne farve: kontrasten skal være mindst 4,5:1."),
        ("statement", "The accessibility statement made with the WAS tool (Danish public sites must link it).", "Tilgængelighedserklæringen fra WAS-værktøjet. Offentlige sites skal linke til den."),
        ("locations", "Places courses are held: courses name them by key (location: hovedbiblioteket).", "Steder, hvor kurserne holdes. Et kursus nævner stedet ved dets nøgle (location: hovedbiblioteket)."),
        ("contacts", "Whom citizens contact: courses name them by key (contact: sundhed).", "Dem, borgerne kan kontakte. Et kursus nævner kontakten ved dens nøgle (contact: sundhed)."),
        ("category", "A key of `categories` in vejviser.yaml.", "En nøgle fra `categories` i vejviser.yaml."),
        ("location", "A key of `locations` in content/{slug}/_site.yaml.", "En nøgle fra `locations` i content/{slug}/_site.yaml."),
        ("contact", "A key of `contacts` in content/{slug}/_site.yaml.", "En nøgle fra `contacts` i content/{slug}/_site.yaml."),
        ("summary", "One or two plain sentences for the catalogue card.", "En eller to enkle sætninger til kortet i kursuslisten."),
        ("referral", "false = no referral needed (\"Ingen henvisning\").", "false: man behøver ikke en henvisning (\"Ingen henvisning\")."),
        ("price", "In kroner; 0 = free.", "Pris i kroner. 0 er gratis."),
        ("facilitators", "Who leads the course: peer (lived experience) and/or staff.", "Hvem leder kurset: peer (med egen erfaring) og/eller staff (medarbejder)."),
        ("start", "The first meeting; the weekday follows from the date.", "Første møde. Ugedagen følger af datoen."),
        ("weeks", "The number of weekly meetings.", "Antal møder, et om ugen."),
        ("skip", "Weeks without a meeting (the rest move a week later):", "Uger uden møde (resten rykker en uge):"),
        ("intake", "Participants may join up to and including this meeting:", "Man kan begynde til og med dette møde:"),
        ("cancelled", "Meetings that are not held (the planned date); the others keep their dates:", "Møder, der er aflyst (den planlagte dato). De andre møder beholder deres datoer:"),
        ("moved", "A meeting held on another day or at another time:", "Et møde, der holdes på en anden dag eller et andet tidspunkt:"),
        ("availability", "When the group is full, has a waiting list or is cancelled: full, waitlist or cancelled, and a note on why or what instead.", "Når holdet er fuldt, har venteliste eller er aflyst: full, waitlist eller cancelled, og en note om hvorfor eller hvad i stedet."),
        ("mode", "On video: online (no location needed), or hybrid; `online:` says how to take part.", "På video: online (så behøver kurset intet sted) eller hybrid. `online:` fortæller, hvordan man deltager."),
        ("audiences", "Whom the course is for: keys of `audiences` in vejviser.yaml.", "Hvem kurset er for: nøgler fra `audiences` i vejviser.yaml."),
        ("series", "The same course term after term: its page kurser/serie/<series>/ stays, for flyers.", "Det samme kursus hvert halvår: siden kurser/serie/<serie>/ bliver ved med at virke, også på foldere."),
        ("number", "The session's number in the manual (one per week).", "Sessionens nummer i manualen (en om ugen)."),
        ("phase", "The manual's phase this session belongs to:", "Den fase i manualen, sessionen hører til:"),
        ("duration", "Minutes; the agenda below must add up to this.", "Minutter. Dagsordenen nedenfor skal give det samme."),
        ("exercises", "File names (without .md) of exercise sheets in ../ovelser/:", "Filnavne (uden .md) på øvelsesark i ../ovelser/:"),
        ("sheet", "List this sheet under `exercises:` in the session plans that use it.", "Skriv arket under `exercises:` i de sessioner, der bruger det."),
        ("purpose", "What the exercise is for, in one sentence.", "Hvad øvelsen er til, i en sætning."),
        ("minutes", "Minutes.", "Minutter."),
    ];
    COMMENTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, da)| match lang {
            Language::Da => *da,
            Language::En => *en,
        })
        .unwrap_or("")
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::Usage(messages::already_exists_nothing_written(
            path.display(),
        )));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(FileAction::Create, dir, e))?;
    }
    std::fs::write(path, text).map_err(|e| Error::io(FileAction::Write, path, e))
}
