//! `vejviser new`: start a site, course, session plan or exercise sheet from a commented
//! template that builds as it is. Existing files are never overwritten.

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};

use crate::config::{Municipality, Project};
use crate::error::Error;
use crate::load::read_text;
use crate::slug::slugify;

/// What to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scaffold {
    Site { slug: String },
    Course { site: String, slug: String },
    Session { manual: String, number: u32 },
    Exercise { manual: String, slug: String },
}

fn check_slug(what: &str, slug: &str) -> Result<(), Error> {
    if slug.is_empty() || slugify(slug) != slug {
        return Err(Error::Usage(format!(
            "`{slug}` is not a valid {what}: use lower-case letters, digits and hyphens, e.g. `{}`",
            slugify(slug)
        )));
    }
    Ok(())
}

fn project(root: &Path) -> Result<Project, Error> {
    let file = root.join("vejviser.yaml");
    if !file.is_file() {
        return Err(Error::Usage(format!(
            "{} has no vejviser.yaml: is --root the project folder?",
            root.display()
        )));
    }
    let text = read_text(root, &file).map_err(|d| Error::Usage(d.to_string()))?;
    Project::parse(Path::new("vejviser.yaml"), &text)
        .map_err(|d| Error::Usage(format!("fix vejviser.yaml first: {}", d[0])))
}

fn manual_dir(root: &Path, manual: &str) -> Result<PathBuf, Error> {
    let dir = root.join("content/_shared/manualer").join(manual);
    if !dir.join("_index.md").is_file() {
        return Err(Error::Usage(format!(
            "there is no manual `{manual}` (no {}/_index.md)",
            dir.display()
        )));
    }
    Ok(dir)
}

/// Writes the new file (and its folder) and returns its path.
pub fn create(root: &Path, what: &Scaffold, today: NaiveDate) -> Result<PathBuf, Error> {
    let (path, text) = match what {
        Scaffold::Site { slug } => {
            check_slug("municipality slug", slug)?;
            project(root)?;
            let dir = root.join("content").join(slug);
            if dir.exists() {
                return Err(Error::Usage(format!("{} already exists", dir.display())));
            }
            let om = dir.join("om.md");
            write_new(
                &om,
                "---\n# The page's title, shown as its heading and in the browser tab.\ntitle: Om vores tilbud\n# One sentence for search engines and link previews.\ndescription: Gruppeforløb og recovery-kurser i kommunen.\n---\nSkriv her om kommunens tilbud til borgere, der vil være en del af et fællesskab.\n",
            )?;
            (
                dir.join("_site.yaml"),
                format!(
                    "# The municipality's site. Its folder name ({slug}) is also its output folder: public/{slug}/.\nname: {name} Kommune\n# The address the site is published at (links in the sitemap and feeds start with it).\nbase_url: https://{slug}.example.dk/\n# Which shared manuals the site takes (leave out to take them all).\n# manuals: [abc, peer-gruppe]\n# Shared pages the site leaves out, relative to content/_shared/.\n# exclude: [praktisk.md]\ncolors:\n  # White text stands on this colour: keep the contrast at 4.5:1 or more.\n  primary: \"#00587c\"\n# The accessibility statement made with the WAS tool (Danish public sites must link it).\naccessibility_statement: https://was.example.dk/{slug}\n# Places courses are held: courses name them by key (location: hovedbiblioteket).\nlocations:\n  hovedbiblioteket: {{ name: Hovedbiblioteket, address: \"Eksempelvej 1, 1234 By\", accessibility: \"Niveaufri adgang, handicaptoilet\" }}\n# Whom citizens contact: courses name them by key (contact: sundhed).\ncontacts:\n  sundhed: {{ name: Sundhed og Forebyggelse, email: sundhed@{slug}.example.dk, phone: \"+45 11 22 33 44\" }}\n",
                    name = capitalize(slug)
                ),
            )
        }
        Scaffold::Course { site, slug } => {
            check_slug("course slug", slug)?;
            let project = project(root)?;
            let site_file = root.join("content").join(site).join("_site.yaml");
            if !site_file.is_file() {
                return Err(Error::Usage(format!(
                    "there is no municipality `{site}` (no {})",
                    site_file.display()
                )));
            }
            let text = read_text(root, &site_file).map_err(|d| Error::Usage(d.to_string()))?;
            let m = Municipality::parse(site, Path::new("_site.yaml"), &text).map_err(|d| {
                Error::Usage(format!("fix {} first: {}", site_file.display(), d[0]))
            })?;
            let category = project.categories.keys().next().cloned();
            let start = today + Duration::days(28);
            let deadline = today + Duration::days(21);
            let line = |key: &str, value: Option<&String>, comment: &str| match value {
                Some(v) => format!("# {comment}\n{key}: {v}\n"),
                None => format!("# {comment}\n# {key}: …\n"),
            };
            let email = m
                .contacts
                .values()
                .find_map(|c| c.email.clone())
                .unwrap_or_else(|| format!("kontakt@{site}.example.dk"));
            (
                root.join("content").join(site).join("kurser").join(format!("{slug}.md")),
                format!(
                    "---\ntitle: {title}\n{category}# One or two plain sentences for the catalogue card.\nsummary: Kort om, hvad kurset giver deltagerne.\naudience: Voksne over 18\n# false = no referral needed (\"Ingen henvisning\").\nreferral: false\ncapacity: 10\n# In kroner; 0 = free.\nprice: 0\n{location}{contact}# Who leads the course: peer (lived experience) and/or staff.\nfacilitators: [peer, staff]\nschedule:\n  # The first meeting; the weekday follows from the date.\n  start: {start}\n  # The number of weekly meetings.\n  weeks: 10\n  time: \"10:00-12:00\"\n  # Weeks without a meeting (the rest move a week later):\n  # skip: [YYYY-MM-DD]\nsignup: {{ deadline: {deadline}, email: {email} }}\n# Participants may join up to and including this meeting:\n# intake: {{ open_until_session: 3 }}\n---\n## Hvad sker der?\n\nFortæl, hvad I laver på møderne.\n\n## Hvem er det for?\n\nFortæl, hvem kurset er for.\n",
                    title = capitalize(&slug.replace('-', " ")),
                    category = line("category", category.as_ref(), "A key of `categories` in vejviser.yaml."),
                    location = line("location", m.locations.keys().next(), &format!("A key of `locations` in content/{site}/_site.yaml.")),
                    contact = line("contact", m.contacts.keys().next(), &format!("A key of `contacts` in content/{site}/_site.yaml.")),
                ),
            )
        }
        Scaffold::Session { manual, number } => {
            let dir = manual_dir(root, manual)?;
            if *number == 0 {
                return Err(Error::Usage("session numbers start at 1".into()));
            }
            (
                dir.join("sessioner").join(format!("uge-{number:02}.md")),
                format!(
                    "---\ntitle: Session {number}\n# The session's number in the manual (one per week).\nnumber: {number}\n# The manual's phase this session belongs to:\n# phase: 1\n# Minutes; the agenda below must add up to this.\nduration: 120\ngoals:\n  - Hvad deltagerne får ud af mødet\nmaterials:\n  - Navneskilte\n# File names (without .md) of exercise sheets in ../ovelser/:\nexercises: []\nagenda:\n  - {{ minutes: 15, activity: Velkomst og check-in }}\n  - {{ minutes: 90, activity: Dagens emne }}\n  - {{ minutes: 15, activity: Afrunding }}\n---\nNoter til facilitatoren.\n\n> [!NOTE]\n> Et godt råd til den, der leder mødet.\n"
                ),
            )
        }
        Scaffold::Exercise { manual, slug } => {
            check_slug("exercise slug", slug)?;
            let dir = manual_dir(root, manual)?;
            (
                dir.join("ovelser").join(format!("{slug}.md")),
                format!(
                    "---\n# List this sheet under `exercises:` in the session plans that use it.\ntitle: {title}\n# What the exercise is for, in one sentence.\npurpose: At …\n# Minutes.\nduration: 20\n---\n## Sådan gør du\n\n1. Første trin.\n2. Andet trin.\n\n## Tal sammen\n\n- Et spørgsmål til samtalen.\n",
                    title = capitalize(&slug.replace('-', " "))
                ),
            )
        }
    };
    write_new(&path, &text)?;
    Ok(path)
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
        return Err(Error::Usage(format!(
            "{} already exists; nothing was written",
            path.display()
        )));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    }
    std::fs::write(path, text).map_err(|e| Error::io("write", path, e))
}
