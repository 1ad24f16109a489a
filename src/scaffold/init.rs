//! `vejviser init`: a whole starter project for a municipality that starts from nothing, in
//! Danish, that builds and passes `check --deny-warnings` as it is: `vejviser.yaml` with the
//! course categories, one municipality with a place, a contact and a placeholder for its
//! accessibility statement, a front-page introduction, an "Om" page, a "Praktisk" page and one
//! course starting four weeks from today. Every value a municipality must change is marked in a
//! comment. The theme is the one built into the program, so the project holds no theme folder.

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};

use super::{capitalize, check_slug, write_new};
use crate::error::Error;
use crate::messages;

/// What `init` was asked for.
#[derive(Debug, Clone)]
pub struct Init {
    /// The folder to start the project in (made when missing).
    pub dir: PathBuf,
    /// The municipality's folder name under `content/`, and its output folder.
    pub slug: String,
    /// The municipality's name; from the slug when not given ("Kommune" added).
    pub name: Option<String>,
}

/// Writes the starter project and returns the files written, relative to `dir`. Refuses a
/// folder that already holds a project (a `vejviser.yaml` or a `content/` folder), writing
/// nothing.
pub fn init(what: &Init, today: NaiveDate) -> Result<Vec<PathBuf>, Error> {
    check_slug(messages::what_municipality(), &what.slug)?;
    let dir = &what.dir;
    for existing in ["vejviser.yaml", "content"] {
        if dir.join(existing).exists() {
            return Err(Error::Usage(messages::project_exists(
                dir.display(),
                existing,
            )));
        }
    }
    let name = what
        .name
        .clone()
        .unwrap_or_else(|| format!("{} Kommune", capitalize(&what.slug.replace('-', " "))));
    let files = starter(&what.slug, &name, today);
    for (rel, text) in &files {
        write_new(&dir.join(rel), text)?;
    }
    Ok(files
        .into_iter()
        .map(|(rel, _)| PathBuf::from(rel))
        .collect())
}

/// The commands that come next, as `init` prints them.
pub fn next_steps(dir: &Path, slug: &str) -> String {
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("  cd {}\n", dir.display())
    };
    format!(
        "{cd}  vejviser serve --open              se sitet i browseren, mens du retter\n  vejviser new course {slug} mit-kursus  et kursus mere\n  vejviser check && vejviser build    tjek alt, og byg sitet til public/{slug}/\n"
    )
}

/// The starter project's files: path relative to the project → text.
fn starter(slug: &str, name: &str, today: NaiveDate) -> Vec<(String, String)> {
    let start = today + Duration::days(28);
    let deadline = today + Duration::days(21);
    vec![
        ("vejviser.yaml".into(), PROJECT.to_string()),
        (
            format!("content/{slug}/_site.yaml"),
            SITE.replace("{slug}", slug).replace("{name}", name),
        ),
        (
            format!("content/{slug}/_index.md"),
            FRONT.replace("{name}", name),
        ),
        (
            format!("content/{slug}/om.md"),
            ABOUT.replace("{name}", name),
        ),
        (format!("content/{slug}/praktisk.md"), PRACTICAL.to_string()),
        (
            format!(
                "content/{slug}/kurser/peer-gruppe-{}.md",
                start.format("%Y")
            ),
            COURSE
                .replace("{start}", &start.to_string())
                .replace("{deadline}", &deadline.to_string())
                .replace("{slug}", slug),
        ),
    ]
}

const PROJECT: &str = r##"# Hele projektet: det, der gælder for alle kommunernes sites.
title: Recovery- og gruppeforløb
# Sproget på sitet (da eller en).
language: da
# Temaet, der er bygget ind i programmet. Vil du ændre det: vejviser theme copy
theme: default
# Kategorierne, som kurser hører til (category: abc). Nøglen står i adressen; label vises.
categories:
  abc:
    label: ABC-gruppeforløb
    description: Et forløb på 20 uger, hvor en fast gruppe gør noget aktivt og meningsfuldt sammen.
  peer-gruppe:
    label: Peer-grupper
    description: Møder med andre, der kender til psykisk sårbarhed, ledet af frivillige med egen erfaring.
  recoveryskole:
    label: Recoveryskole
    description: Kurser om at komme sig, fx livshistorie, skriveværksted og studiemestring.
# Hvem kurserne er for (audiences: [paaroerende]). Hver får sin side: kurser/for/<nøgle>/.
audiences:
  egen-erfaring: { label: Dig med egen erfaring }
  paaroerende: { label: Pårørende }
# Det trykte kursuskatalog (kurser/katalog/) tager kurser med, der begynder inden for så mange måneder.
prospectus: { months: 6 }
# Sider for borgere må ikke være for svære at læse (LIX). check siger til, hvis en side er over.
readability:
  max_lix: 45
"##;

const SITE: &str = r##"# Kommunens site. Mappens navn ({slug}) er også navnet på mappen i public/.
name: {name}
# Adressen, sitet ligger på. Ret den, før sitet kommer ud.
base_url: https://{slug}.example.dk/
# Farven i toppen af siden. Hvid tekst skal kunne læses på den.
colors:
  primary: "#00587c"
# Linket til kommunens tilgængelighedserklæring (lavet i WAS-værktøjet). Ret det.
accessibility_statement: https://was.digst.dk/{slug}.example.dk
# Stederne, hvor kurserne holdes. Et kursus nævner stedet ved dets nøgle (location: biblioteket).
locations:
  biblioteket:
    name: Hovedbiblioteket, mødelokale 2
    address: "Eksempelvej 1, 1234 By"
    accessibility: "Niveaufri adgang, elevator og handicaptoilet"
# Dem, borgerne kan kontakte. Et kursus nævner kontakten ved dens nøgle (contact: recovery).
contacts:
  recovery:
    name: Recoveryteamet
    email: recovery@{slug}.example.dk
    phone: "+45 11 22 33 44"
"##;

const FRONT: &str = r##"---
# Forsiden. Teksten her står øverst, over de kurser, der snart begynder.
title: Fællesskaber og kurser
description: Gratis gruppeforløb og kurser for dig, der har det svært psykisk, og for dine pårørende.
---
Her finder du gruppeforløb og kurser i {name} for dig, der har det svært psykisk. Du kan også
læse om dem, hvis du er pårørende eller fagperson.

Alle forløb er gratis, og du behøver ikke en henvisning. Læs [om forløbene](om.md), og læs
[det praktiske](praktisk.md), før du melder dig til.
"##;

const ABOUT: &str = r##"---
title: Om forløbene
description: Hvad et gruppeforløb er, og hvem der leder det.
---
I et gruppeforløb mødes du med andre en gang om ugen. I laver noget sammen, og I taler om det,
der betyder noget for jer.

## Hvem leder grupperne?

En medarbejder fra kommunen og en frivillig med egen erfaring leder grupperne sammen. De kender
til at have det svært, og de ved, at man kan komme sig.

## Hvem kan være med?

Alle over 18 år, som bor i {name}, kan være med. Du skal ikke have en diagnose.
"##;

const PRACTICAL: &str = r##"---
title: Praktisk
description: Om tilmelding, afbud, tavshed og adgang til lokalerne.
---
## Tilmelding

Du melder dig til på mail eller telefon. Skriv dit navn og dit nummer. Vi ringer til dig, før
forløbet begynder.

## Hvis du ikke kan komme

Send gerne en sms, hvis du ikke kan komme. Det er i orden at springe en gang over.

## Tavshed

Det, der bliver sagt i gruppen, bliver i gruppen.

## Adgang

Ved hvert sted står der, om der er niveaufri adgang og handicaptoilet. Spørg os, hvis du har brug
for noget særligt.
"##;

const COURSE: &str = r##"---
# Et kursus. Ret teksten og datoerne, og lav flere med: vejviser new course {slug} <navn>
title: Peer-gruppe om hverdagen
# En nøgle fra categories i vejviser.yaml.
category: peer-gruppe
audiences: [egen-erfaring, paaroerende]
# En eller to sætninger til kortet i kursuslisten.
summary: Ti møder med andre, der ved, hvordan det er at have det svært.
audience: Voksne over 18 år
# false: du behøver ikke en henvisning.
referral: false
capacity: 10
# Pris i kroner. 0 er gratis.
price: 0
# En nøgle fra locations og fra contacts i content/{slug}/_site.yaml.
location: biblioteket
contact: recovery
# Hvem leder gruppen: peer (med egen erfaring) og staff (medarbejder).
facilitators: [peer, staff]
schedule:
  # Første møde. Ugedagen følger af datoen.
  start: {start}
  # Antal møder, et om ugen.
  weeks: 10
  time: "10:00-12:00"
signup: { deadline: {deadline}, email: recovery@{slug}.example.dk }
---
## Hvad sker der?

Vi mødes en gang om ugen og taler om det, der fylder i hverdagen. Vi deler erfaringer og finder
små skridt, der kan gøre dagen lettere.

## Hvem er det for?

Gruppen er for dig, der har det svært psykisk og gerne vil mødes med andre, der kender det.
"##;
