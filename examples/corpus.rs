//! A corpus generator for benchmarks: a deterministic, seeded project of Danish manuals, session
//! plans, exercise sheets and courses, shaped like the real content (headings, lists, tables,
//! alerts, links between pages).
//!
//! ```text
//! cargo run --release --example corpus -- --out DIR [--pages N] [--sites M] [--courses K] [--seed S]
//!                                           [--chapters-per-manual C] [--hugo DIR] [--zola DIR]
//!                                           [--zola-search DIR] [--hugo-same DIR]
//! ```
//!
//! `--pages` shared pages, in manuals of 1 front page, C chapters (10 unless `--chapters-per-manual`
//! says otherwise), 30 sessions and 9 exercise sheets each, so N is rounded up to whole manuals (of
//! 50 pages by default). Two shapes of content come from this: many small manuals (the default)
//! and a few big handbooks (`--chapters-per-manual 1000`). `--sites` municipalities with
//! `--courses` courses each. The same arguments always give the same files.
//!
//! `--hugo DIR` also writes the first municipality's pages (shared and its own) as a Hugo project
//! with minimal templates — the same Markdown bodies and titles — so the benchmark can build the
//! same pages with both. `--zola DIR` does the same for Zola (`minify_html` on, no search index),
//! `--zola-search DIR` with Zola's search index on.
//!
//! `--hugo-same DIR` writes the same pages for Hugo with their whole front matter and templates
//! that show what the default theme shows (`examples/hugo-same/`): the head's metadata, menu and
//! search form, breadcrumbs, a manual's contents around the page, "on this page", a session's
//! facts, goals, materials, sheets and agenda, previous/next and the footer. The benchmark builds
//! it once to compare page bytes like with like; the timings use the minimal templates.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// xorshift64*: small, fast and good enough to vary text; fixed seed, fixed output.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SENTENCES: &[&str] = &[
    "Deltagerne arbejder med deres mentale sundhed gennem meningsfulde fællesskaber og aktiviteter i lokalsamfundet.",
    "De gør noget aktivt, de gør noget sammen, og de gør noget, der giver mening.",
    "Forløbet begynder med en individuel samtale, hvor facilitatoren lærer deltageren at kende.",
    "I første fase skaber gruppen et trygt fællesskab, hvor alle kan være med.",
    "I anden fase går gruppen sammen ud til aktiviteter i byen, for eksempel på biblioteket eller i en forening.",
    "I tredje fase står den enkelte mere på egne ben og finder sin egen vej videre.",
    "Sociale relationer har stor betydning for den mentale sundhed og for følelsen af at høre til.",
    "Facilitatoren sørger for, at der er kaffe på kanden, og at alle bliver hørt.",
    "Tal om, hvad der giver energi i hverdagen, og hvad der tager energi.",
    "Peer-facilitatorerne har selv erfaring med psykisk sårbarhed og bruger den som en ressource.",
    "Det er helt i orden at sige pas, hvis man ikke har lyst til at fortælle.",
    "Gruppen mødes en gang om ugen i to timer på et fast sted.",
    "Skriveværkstedet er for alle, der har lyst til at skrive om deres liv sammen med andre.",
    "Recoverycaféen er et åbent mødested, hvor man kan drikke kaffe og tale med ligesindede.",
    "Studiemestring handler om at lære at lære, planlægge sin tid og holde motivationen oppe.",
    "På samtalesalonen taler vi om et emne, som deltagerne selv har valgt.",
    "Livshistorie er et kursus, hvor man arbejder med sin egen fortælling og sine værdier.",
    "Husk at runde mødet af, så alle går hjem med en god oplevelse.",
    "Skriv tre ting ned, som du gerne vil prøve i løbet af de næste uger.",
    "Følgeskab betyder, at en frivillig går med dig til en aktivitet de første gange.",
];

const HEADINGS: &[&str] = &[
    "Formål",
    "Sådan gør du",
    "Til facilitatoren",
    "Forberedelse",
    "Øvelser i gruppen",
    "Opsamling",
    "Fællesskabet",
    "Aktiviteter i byen",
    "Individuelle samtaler",
    "Når det bliver svært",
    "Materialer",
    "Efter mødet",
];

const WORDS: &[&str] = &[
    "fællesskab",
    "hverdag",
    "netværk",
    "forening",
    "gåtur",
    "bibliotek",
    "håb",
    "mod",
    "ro",
    "energi",
    "værdier",
    "skridt",
    "relationer",
    "trivsel",
    "aktivitet",
    "samtale",
    "erfaring",
    "tillid",
    "mening",
    "fritid",
];

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| rng.pick(SENTENCES))
        .collect::<Vec<_>>()
        .join(" ")
}

fn body(rng: &mut Rng, links: &[String]) -> String {
    let mut out = String::new();
    writeln!(out, "{}\n", paragraph(rng, 3)).ok();
    for _ in 0..2 + rng.below(3) {
        writeln!(out, "## {} {}\n", rng.pick(HEADINGS), rng.pick(WORDS)).ok();
        let sentences = 2 + rng.below(4);
        writeln!(out, "{}\n", paragraph(rng, sentences)).ok();
        match rng.below(4) {
            0 => {
                for _ in 0..3 {
                    writeln!(out, "- {}", rng.pick(SENTENCES)).ok();
                }
                out.push('\n');
            }
            1 => {
                out.push_str("| Aktivitet | Hvornår | Hvem |\n| --- | --- | --- |\n");
                for _ in 0..3 {
                    writeln!(
                        out,
                        "| {} | Uge {} | {} |",
                        rng.pick(WORDS),
                        1 + rng.below(20),
                        rng.pick(&["Alle", "To og to", "Facilitator"])
                    )
                    .ok();
                }
                out.push('\n');
            }
            2 => writeln!(out, "> [!NOTE]\n> {}\n", rng.pick(SENTENCES)).unwrap_or(()),
            _ => {}
        }
    }
    if !links.is_empty() {
        let link = &links[rng.below(links.len())];
        writeln!(out, "Læs også [{}]({link}).\n", rng.pick(WORDS)).ok();
    }
    out
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

fn main() {
    let mut out = PathBuf::from("corpus");
    let (mut pages, mut sites, mut courses, mut seed) = (1000usize, 1usize, 20usize, 42u64);
    let mut hugo: Option<PathBuf> = None;
    let mut zola: Option<PathBuf> = None;
    let mut zola_search: Option<PathBuf> = None;
    let mut hugo_same: Option<PathBuf> = None;
    let mut chapters = 10usize;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--out" => out = PathBuf::from(value),
            "--pages" => pages = value.parse().expect("--pages N"),
            "--sites" => sites = value.parse().expect("--sites M"),
            "--courses" => courses = value.parse().expect("--courses K"),
            "--seed" => seed = value.parse().expect("--seed S"),
            "--hugo" => hugo = Some(PathBuf::from(value)),
            "--zola" => zola = Some(PathBuf::from(value)),
            "--zola-search" => zola_search = Some(PathBuf::from(value)),
            "--hugo-same" => hugo_same = Some(PathBuf::from(value)),
            "--chapters-per-manual" => {
                chapters = value.parse().expect("--chapters-per-manual C");
                assert!(chapters >= 1, "--chapters-per-manual must be at least 1");
            }
            other => panic!("unknown flag {other}"),
        }
    }
    let mut rng = Rng(seed.max(1));
    if out.exists() {
        std::fs::remove_dir_all(&out).expect("clear the output folder");
    }
    let categories = [
        "abc",
        "peer-gruppe",
        "skrivevaerksted",
        "recoverycafe",
        "studiemestring",
        "samtalesalon",
        "livshistorie",
    ];
    let mut config =
        String::from("title: Genereret korpus\nlanguage: da\ntheme: default\ncategories:\n");
    for c in categories {
        writeln!(config, "  {c}: {{ label: {} }}", c.replace('-', " ")).ok();
    }
    write(&out.join("vejviser.yaml"), &config);

    let per_manual = chapters + 40;
    let manuals = pages.div_ceil(per_manual).max(1);
    // Wide enough that file names sort in reading order.
    let width = chapters.to_string().len().max(2);
    for m in 0..manuals {
        let dir = out.join(format!("content/_shared/manualer/manual-{m:03}"));
        write(
            &dir.join("_index.md"),
            &format!(
                "---\nkind: manual\ntitle: \"Manual {m}: {}\"\nsummary: {}\naudience: Facilitatorer\nduration_weeks: 30\nphases:\n  - {{ number: 1, title: Fællesskabet, weeks: \"1-10\" }}\n  - {{ number: 2, title: Ud i byen, weeks: \"11-20\" }}\n  - {{ number: 3, title: På egne ben, weeks: \"21-30\" }}\n---\n{}\n",
                rng.pick(WORDS),
                rng.pick(SENTENCES),
                body(&mut rng, &[])
            ),
        );
        let chapter_file = |c: usize| format!("{c:0width$}-kapitel-{c}.md");
        let chapter_links: Vec<String> = (1..=chapters).map(chapter_file).collect();
        for c in 1..=chapters {
            write(
                &dir.join(chapter_file(c)),
                &format!(
                    "---\ntitle: Kapitel {c} om {}\n---\n{}",
                    rng.pick(WORDS),
                    body(&mut rng, &chapter_links)
                ),
            );
        }
        for e in 1..=9 {
            write(
                &dir.join(format!("ovelser/ovelse-{e}.md")),
                &format!(
                    "---\ntitle: \"Øvelse {e}: {}\"\npurpose: {}\nduration: 20\n---\n{}",
                    rng.pick(WORDS),
                    rng.pick(SENTENCES),
                    body(&mut rng, &[])
                ),
            );
        }
        for s in 1..=30 {
            let exercises = format!("[ovelse-{}, ovelse-{}]", 1 + (s % 9), 1 + ((s + 4) % 9));
            write(
                &dir.join(format!("sessioner/uge-{s:02}.md")),
                &format!(
                    "---\ntitle: \"Session {s}: {}\"\nnumber: {s}\nphase: {}\nduration: 120\ngoals: [{}, {}]\nmaterials: [Tusser, Papir, Kaffe]\nexercises: {exercises}\nagenda:\n  - {{ minutes: 15, activity: Velkomst }}\n  - {{ minutes: 45, activity: Øvelse i grupper }}\n  - {{ minutes: 15, activity: Pause }}\n  - {{ minutes: 35, activity: Samtale }}\n  - {{ minutes: 10, activity: Runde }}\n---\n{}",
                    rng.pick(WORDS),
                    1 + (s - 1) / 10,
                    rng.pick(WORDS),
                    rng.pick(WORDS),
                    body(&mut rng, &[format!("../{}", chapter_file(1)), format!("../ovelser/ovelse-{}.md", 1 + s % 9)])
                ),
            );
        }
    }

    for site in 0..sites {
        let slug = format!("kommune-{site:03}");
        let dir = out.join("content").join(&slug);
        write(
            &dir.join("_site.yaml"),
            &format!(
                "name: Kommune {site}\nbase_url: https://{slug}.example.dk/\naccessibility_statement: https://was.example.dk/{slug}\nlocations:\n  sundhedshuset: {{ name: Sundhedshuset, address: \"Eksempelvej {site}, 4000 By\", accessibility: Niveaufri adgang }}\n  biblioteket: {{ name: Biblioteket, address: \"Prøvegade 2, 4000 By\" }}\ncontacts:\n  sundhed: {{ name: Sundhed, email: sundhed@{slug}.example.dk, phone: \"+45 11 22 33 44\" }}\n"
            ),
        );
        write(
            &dir.join("om.md"),
            &format!(
                "---\ntitle: Om kommunens tilbud\n---\n{}",
                body(&mut rng, &[])
            ),
        );
        for k in 0..courses {
            let month = 1 + (k % 12);
            let day = 1 + rng.below(27);
            let category = categories[k % categories.len()];
            write(
                &dir.join(format!("kurser/kursus-{k:03}.md")),
                &format!(
                    "---\ntitle: {} {k}\ncategory: {category}\nsummary: {}\naudience: Voksne over 18\nreferral: {}\ncapacity: 10\nprice: 0\nlocation: {}\ncontact: sundhed\nfacilitators: [peer, staff]\nschedule:\n  start: 2027-{month:02}-{day:02}\n  weeks: 10\n  time: \"10:00-12:00\"\nsignup: {{ deadline: 2027-{month:02}-01, email: tilmelding@{slug}.example.dk }}\n---\n{}",
                    category.replace('-', " "),
                    rng.pick(SENTENCES),
                    k % 3 == 0,
                    if k % 2 == 0 { "sundhedshuset" } else { "biblioteket" },
                    body(&mut rng, &[])
                ),
            );
        }
    }
    if let Some(dir) = &hugo {
        write_hugo(&out, dir, false);
    }
    if let Some(dir) = &hugo_same {
        write_hugo(&out, dir, true);
    }
    if let Some(dir) = &zola {
        write_zola(&out, dir, false);
    }
    if let Some(dir) = &zola_search {
        write_zola(&out, dir, true);
    }
    eprintln!(
        "wrote {} shared pages ({manuals} manuals) and {sites} site(s) × {} pages to {}",
        manuals * per_manual,
        courses + 1,
        out.display()
    );
}

/// The first municipality's pages as a Hugo project: each page's title and Markdown body at the
/// same path, a section list for every `_index.md`, and templates as small as Hugo allows — or,
/// with `same`, each page's whole front matter and the templates of `examples/hugo-same/`.
fn write_hugo(project: &Path, dir: &Path, same: bool) {
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("clear the Hugo folder");
    }
    write(
        &dir.join("hugo.toml"),
        "baseURL = 'https://kommune-000.example.dk/'\nlanguageCode = 'da'\ntitle = 'Genereret korpus'\ndisableKinds = ['taxonomy', 'term']\n",
    );
    if same {
        for (name, text) in [
            (
                "baseof.html",
                include_str!("hugo-same/layouts/_default/baseof.html"),
            ),
            (
                "single.html",
                include_str!("hugo-same/layouts/_default/single.html"),
            ),
            (
                "list.html",
                include_str!("hugo-same/layouts/_default/list.html"),
            ),
        ] {
            write(&dir.join("layouts/_default").join(name), text);
        }
        for (rel, front, body) in first_site_pages(project) {
            // `kind` names a page kind to Hugo; the corpus's manuals are its sections already.
            let front: String = front
                .lines()
                .filter(|l| !l.starts_with("kind:"))
                .map(|l| format!("{l}\n"))
                .collect();
            write(
                &dir.join("content").join(rel),
                &format!("---\n{front}---\n{body}"),
            );
        }
        return;
    }
    let head = "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{{ .Title }} | {{ .Site.Title }}</title></head><body><header><a href=\"{{ .Site.Home.RelPermalink }}\">{{ .Site.Title }}</a></header><main><h1>{{ .Title }}</h1>";
    write(
        &dir.join("layouts/_default/single.html"),
        &format!("{head}{{{{ .Content }}}}</main></body></html>\n"),
    );
    write(
        &dir.join("layouts/_default/list.html"),
        &format!("{head}{{{{ .Content }}}}<ul>{{{{ range .Pages }}}}<li><a href=\"{{{{ .RelPermalink }}}}\">{{{{ .Title }}}}</a></li>{{{{ end }}}}</ul></main></body></html>\n"),
    );
    for (rel, front, body) in first_site_pages(project) {
        write(
            &dir.join("content").join(rel),
            &format!("---\ntitle: {}\n---\n{body}", title_of(&front)),
        );
    }
}

/// The first municipality's pages (shared and its own) as (content-relative path, front matter,
/// Markdown body), in file order.
fn first_site_pages(project: &Path) -> Vec<(PathBuf, String, String)> {
    let content = project.join("content");
    let mut pages = Vec::new();
    for from in ["_shared", "kommune-000"] {
        for entry in walkdir::WalkDir::new(content.join(from)).sort_by_file_name() {
            let entry = entry.expect("walk the corpus");
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::fs::read_to_string(path).expect("read a page");
            let rest = text.strip_prefix("---\n").expect("front matter");
            let (front, body) = rest.split_once("\n---\n").expect("end of front matter");
            let rel = path
                .strip_prefix(content.join(from))
                .expect("under the folder");
            pages.push((rel.to_path_buf(), front.to_string(), body.to_string()));
        }
    }
    pages
}

/// A page's title as its front matter writes it (quoted or not).
fn title_of(front: &str) -> &str {
    front
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .unwrap_or("Side")
}

/// The same pages as a Zola project: every folder a section (an `_index.md` where the corpus has
/// none), templates as small as the Hugo ones, `minify_html` on; `search` turns Zola's own search
/// index on.
fn write_zola(project: &Path, dir: &Path, search: bool) {
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("clear the Zola folder");
    }
    write(
        &dir.join("config.toml"),
        &format!("base_url = \"https://kommune-000.example.dk\"\ntitle = \"Genereret korpus\"\ndefault_language = \"da\"\ncompile_sass = false\nminify_html = true\nbuild_search_index = {search}\n\n[markdown]\n"),
    );
    let head = "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{{ page.title | default(value=section.title | default(value=config.title)) }} | {{ config.title }}</title></head><body><header><a href=\"{{ config.base_url }}\">{{ config.title }}</a></header><main>";
    write(
        &dir.join("templates/page.html"),
        &format!("{head}<h1>{{{{ page.title }}}}</h1>{{{{ page.content | safe }}}}</main></body></html>\n"),
    );
    let list = format!("{head}<h1>{{{{ section.title | default(value=config.title) }}}}</h1>{{{{ section.content | safe }}}}<ul>{{% for p in section.pages %}}<li><a href=\"{{{{ p.permalink }}}}\">{{{{ p.title }}}}</a></li>{{% endfor %}}</ul></main></body></html>\n");
    write(&dir.join("templates/section.html"), &list);
    write(&dir.join("templates/index.html"), &list);
    let toml = |title: &str| {
        let plain = title.trim_matches('"');
        format!("\"{}\"", plain.replace('\\', "\\\\").replace('"', "\\\""))
    };
    let mut sections = std::collections::BTreeSet::new();
    for (rel, front, body) in first_site_pages(project) {
        let title = title_of(&front);
        let mut folder = rel.parent();
        while let Some(f) = folder {
            sections.insert(f.to_path_buf());
            folder = f.parent();
        }
        write(
            &dir.join("content").join(&rel),
            &format!("+++\ntitle = {}\n+++\n{body}", toml(title)),
        );
    }
    // Folders the corpus gives no `_index.md` (sessions, exercise sheets, courses) get one.
    for folder in sections {
        let index = dir.join("content").join(&folder).join("_index.md");
        if !index.exists() {
            write(&index, "+++\ntitle = \"Oversigt\"\n+++\n");
        }
    }
}
