//! The printed term catalogue, `kurser/katalog/`: which courses it holds for a given day and
//! `prospectus: { months }`, grouped by category in the project's order and numbered, what it
//! says of each course, its cover, and that every QR code reads (decoded with `rqrr` from the
//! SVG's modules) as the address printed beside it: the series page, else the course's page.
//!
//! Each test writes its small project into an empty folder, built for 1 February 2027.

use scraper::{ElementRef, Html};
use vejviser::BuildOutcome;

use crate::common::*;

const BASE: &str = "https://roskilde.example.dk/";
const TODAY: &str = "2027-02-01";

/// A course's front matter beyond its title and category.
struct Course {
    slug: &'static str,
    title: &'static str,
    category: &'static str,
    rest: &'static str,
}

/// The courses of the tests, each named after why it is or is not in the catalogue.
const COURSES: &[Course] = &[
    Course {
        slug: "skriv-foraar",
        title: "Skriveværksted, forår",
        category: "skrivevaerksted",
        rest: "series: skrivevaerksted\naudiences: [paaroerende, unge]\nreferral: false\n\
               location: makers-corner\nschedule: { start: 2027-03-02, weeks: 8, time: \"10:00-12:00\", \
               cancelled: [2027-03-16], moved: [{ from: 2027-03-23, to: 2027-03-25 }] }\n\
               signup: { deadline: 2027-02-20, email: skriv@roskilde.example.dk, phone: \"+45 11 22 33 44\", url: \"https://roskilde.example.dk/tilmeld\" }",
    },
    Course {
        slug: "samtale-juli",
        title: "Samtalesalon om fem måneder",
        category: "samtalesalon",
        rest: "referral: true\nprice: 150\nlocation: biblioteket\n\
               schedule: { start: 2027-07-06, weeks: 4, time: \"17:00-19:00\" }",
    },
    Course {
        slug: "samtale-oktober",
        title: "Samtalesalon om otte måneder",
        category: "samtalesalon",
        rest: "location: biblioteket\nschedule: { start: 2027-10-05, weeks: 4 }",
    },
    Course {
        slug: "afsluttet",
        title: "Afsluttet skriveværksted",
        category: "skrivevaerksted",
        rest: "location: makers-corner\nschedule: { start: 2026-11-03, weeks: 4 }",
    },
    Course {
        slug: "aflyst",
        title: "Aflyst café",
        category: "recoverycafe",
        rest: "availability: cancelled\nlocation: biblioteket\nschedule: { start: 2027-03-03, weeks: 4 }",
    },
    Course {
        slug: "optag",
        title: "Café med optag",
        category: "recoverycafe",
        rest: "location: biblioteket\nschedule: { start: 2027-01-19, weeks: 6 }\n\
               intake: { open_until_session: 3 }",
    },
    Course {
        slug: "i-gang",
        title: "Café i gang",
        category: "recoverycafe",
        rest: "location: biblioteket\nschedule: { start: 2027-01-12, weeks: 6 }",
    },
    Course {
        slug: "fuldt",
        title: "Fuldt skriveværksted",
        category: "skrivevaerksted",
        rest: "availability: full\nlocation: makers-corner\nschedule: { start: 2027-04-07, weeks: 4 }\n\
               signup: { email: skriv@roskilde.example.dk }",
    },
    Course {
        slug: "venteliste",
        title: "Online samtalesalon",
        category: "samtalesalon",
        rest: "availability: waitlist\nmode: online\nonline: \"Vi sender et link til Teams dagen før.\"\n\
               schedule: { start: 2027-02-10, weeks: 4, time: \"19:00-20:00\" }\n\
               signup: { email: online@roskilde.example.dk }",
    },
    Course {
        slug: "hybrid",
        title: "Café på stedet og online",
        category: "recoverycafe",
        rest: "mode: hybrid\nonline: \"Deltag på Zoom.\"\nlocation: biblioteket\n\
               schedule: { start: 2027-05-04, weeks: 2 }",
    },
];

/// The project with [`COURSES`]; `prospectus` is its `prospectus:` line in vejviser.yaml, if any.
fn project(prospectus: Option<&str>) -> Project {
    let project = Project::empty();
    let mut config = String::from(
        "title: Recovery\nlanguage: da\ntheme: default\ncategories:\n  \
         skrivevaerksted: { label: Skriveværksted, description: Skriv sammen med andre }\n  \
         samtalesalon: { label: Samtalesalon }\n  recoverycafe: { label: Recoverycafé }\n\
         audiences:\n  paaroerende: { label: Pårørende }\n  unge: { label: Unge under 25 }\n",
    );
    if let Some(line) = prospectus {
        config.push_str(line);
        config.push('\n');
    }
    project.write("vejviser.yaml", config.as_bytes());
    project.write(
        "content/roskilde/_site.yaml",
        format!(
            "name: Roskilde Kommune\nbase_url: {BASE}\nlocations:\n  \
             makers-corner: {{ name: Makers Corner, address: \"Eksempelvej 1, 4000 Roskilde\", accessibility: \"Niveaufri adgang\" }}\n  \
             biblioteket: {{ name: Roskilde Bibliotek, address: \"Bibliotekvej 2, 4000 Roskilde\" }}\n\
             contacts:\n  sundhed: {{ name: Sundhedscentret, email: sundhed@roskilde.example.dk, phone: \"+45 11 22 33 55\" }}\n"
        )
        .as_bytes(),
    );
    for c in COURSES {
        project.write(
            &format!("content/roskilde/kurser/{}.md", c.slug),
            format!(
                "---\ntitle: {}\ncategory: {}\nsummary: Om {}.\n{}\n---\n\nMere om kurset.\n",
                c.title, c.category, c.slug, c.rest
            )
            .as_bytes(),
        );
    }
    project
}

fn build(project: &Project) -> BuildOutcome {
    let mut opts = project.options();
    opts.today = date(TODAY);
    ok(project.build_with(&opts))
}

fn catalogue(outcome: &BuildOutcome) -> Html {
    page(site(outcome, "roskilde"), "kurser/katalog/index.html")
}

/// The course blocks of the catalogue, in page order.
fn blocks(doc: &Html) -> Vec<ElementRef<'_>> {
    doc.select(&sel("main article.prospectus-course")).collect()
}

/// A course block's title, without its number.
fn title(block: ElementRef) -> String {
    text(
        block
            .select(&sel("h3 a"))
            .next()
            .expect("a course without a title link"),
    )
}

fn titles(doc: &Html) -> Vec<String> {
    blocks(doc).into_iter().map(title).collect()
}

fn block<'a>(doc: &'a Html, course: &str) -> ElementRef<'a> {
    blocks(doc)
        .into_iter()
        .find(|b| title(*b) == course)
        .unwrap_or_else(|| panic!("no course {course:?} in {:?}", titles(doc)))
}

/// The `<dd>` of a course block's fact `label`.
fn fact_of(block: ElementRef, label: &str) -> String {
    let dt = block
        .select(&sel("dt"))
        .find(|dt| text(*dt) == label)
        .unwrap_or_else(|| panic!("no fact {label:?} in {}", text(block)));
    let dd = dt
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .next()
        .unwrap();
    text(dd)
}

#[test]
fn the_catalogue_holds_the_courses_a_citizen_can_still_join_in_its_period() {
    let project = project(Some("prospectus: { months: 6 }"));
    let doc = catalogue(&build(&project));
    let mut shown = titles(&doc);
    shown.sort();
    let mut expected = vec![
        "Skriveværksted, forår",       // open for signup
        "Samtalesalon om fem måneder", // starts in five months
        "Café med optag",              // running, still takes in new participants
        "Fuldt skriveværksted",        // full, but in the period: says so
        "Online samtalesalon",
        "Café på stedet og online",
    ];
    expected.sort();
    assert_eq!(shown, expected);
    // Left out: one starting in eight months, a finished, a cancelled and a running course.
    let main = main_text(&doc);
    for absent in ["om otte måneder", "Afsluttet", "Aflyst café", "Café i gang"] {
        assert!(!main.contains(absent), "{absent:?} is in the catalogue");
    }
}

#[test]
fn months_in_vejviser_yaml_set_the_period_and_the_term() {
    let default = catalogue(&build(&project(None)));
    assert_eq!(
        text(one(&default, ".prospectus-term")),
        "Kurser februar–juli 2027"
    );
    assert!(titles(&default).contains(&"Samtalesalon om fem måneder".to_string()));

    let short = catalogue(&build(&project(Some("prospectus: { months: 2 }"))));
    assert_eq!(
        text(one(&short, ".prospectus-term")),
        "Kurser februar–marts 2027"
    );
    let shown = titles(&short);
    assert!(!shown.contains(&"Samtalesalon om fem måneder".to_string()));
    assert!(
        !shown.contains(&"Fuldt skriveværksted".to_string()),
        "starts 7 April"
    );
    assert!(shown.contains(&"Skriveværksted, forår".to_string()));

    let long = catalogue(&build(&project(Some("prospectus: { months: 9 }"))));
    assert_eq!(
        text(one(&long, ".prospectus-term")),
        "Kurser februar–oktober 2027"
    );
    assert!(titles(&long).contains(&"Samtalesalon om otte måneder".to_string()));
}

#[test]
fn courses_are_grouped_by_category_in_the_projects_order_and_numbered_through() {
    let doc = catalogue(&build(&project(None)));
    // `categories` is a map: its keys' order is the project's order.
    let sections: Vec<(String, Vec<String>)> = doc
        .select(&sel("main section.prospectus-category"))
        .map(|s| {
            (
                text(s.select(&sel("h2")).next().unwrap()),
                s.select(&sel("article.prospectus-course"))
                    .map(title)
                    .collect(),
            )
        })
        .collect();
    let s = |v: &str| v.to_string();
    assert_eq!(
        sections,
        [
            (
                s("Recoverycafé"),
                vec![s("Café med optag"), s("Café på stedet og online")]
            ),
            (
                s("Samtalesalon"),
                vec![s("Online samtalesalon"), s("Samtalesalon om fem måneder")]
            ),
            (
                s("Skriveværksted"),
                vec![s("Skriveværksted, forår"), s("Fuldt skriveværksted")]
            ),
        ]
    );
    // Numbered 1, 2, … through the catalogue; the contents list the same numbers and titles,
    // each linking to its course.
    let numbers = texts(&doc, "main article.prospectus-course .prospectus-number");
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"]);
    let contents: Vec<(String, String, String)> = doc
        .select(&sel("nav.prospectus-contents ol > li"))
        .map(|li| {
            let a = li.select(&sel("a")).next().unwrap();
            (
                li.value().attr("value").unwrap_or_default().to_string(),
                text(a),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect();
    let in_blocks: Vec<(String, String, String)> = blocks(&doc)
        .into_iter()
        .map(|b| {
            let h3 = b.select(&sel("h3")).next().unwrap();
            let number = text(b.select(&sel(".prospectus-number")).next().unwrap());
            let id = h3.value().attr("id").unwrap();
            (number, title(b), format!("#{id}"))
        })
        .collect();
    assert_eq!(contents, in_blocks);
    assert_eq!(
        texts(&doc, "nav.prospectus-contents .prospectus-toc > li > a"),
        ["Recoverycafé", "Samtalesalon", "Skriveværksted"]
    );
}

#[test]
fn each_course_says_for_whom_when_where_what_it_costs_and_how_to_sign_up() {
    let doc = catalogue(&build(&project(None)));
    let open = block(&doc, "Skriveværksted, forår");
    assert_eq!(
        text(open.select(&sel(".prospectus-summary")).next().unwrap()),
        "Om skriv-foraar."
    );
    assert_eq!(fact_of(open, "For"), "Pårørende, Unge under 25");
    assert_eq!(fact_of(open, "Hvornår"), "Hver tirsdag kl. 10:00-12:00");
    // Eight weeks, one cancelled: seven meetings; the cancelled and the moved one are named.
    assert_eq!(
        fact_of(open, "Periode"),
        "tirsdag 2. marts 2027 til tirsdag 20. april 2027, 7 møder"
    );
    assert_eq!(
        fact_of(open, "Ændringer"),
        "tirsdag 16. marts 2027: aflyst torsdag 25. marts 2027 (flyttet fra tirsdag 23. marts 2027)"
    );
    assert_eq!(
        fact_of(open, "Sted"),
        "Makers Corner, Eksempelvej 1, 4000 Roskilde Tilgængelighed: Niveaufri adgang"
    );
    assert_eq!(fact_of(open, "Henvisning"), "Ingen henvisning");
    assert_eq!(fact_of(open, "Pris"), "Gratis");
    assert_eq!(
        fact_of(open, "Tilmelding"),
        "Tilmeldingsfrist: lørdag 20. februar 2027 E-mail: skriv@roskilde.example.dk \
         Telefon: +45 11 22 33 44 Web: https://roskilde.example.dk/tilmeld"
    );

    let paid = block(&doc, "Samtalesalon om fem måneder");
    assert_eq!(fact_of(paid, "Henvisning"), "Kræver henvisning");
    assert_eq!(fact_of(paid, "Pris"), "150 kr.");
    assert_eq!(
        fact_of(paid, "Tilmelding"),
        "Kontakt os, hvis du vil være med."
    );

    let full = block(&doc, "Fuldt skriveværksted");
    assert_eq!(fact_of(full, "Tilmelding"), "Fuldt booket");

    let waitlist = block(&doc, "Online samtalesalon");
    assert_eq!(
        fact_of(waitlist, "Tilmelding"),
        "Skriv dig på venteliste E-mail: online@roskilde.example.dk"
    );
    assert_eq!(
        fact_of(waitlist, "Sted"),
        "Online: Vi sender et link til Teams dagen før."
    );

    let hybrid = block(&doc, "Café på stedet og online");
    assert_eq!(
        fact_of(hybrid, "Sted"),
        "Roskilde Bibliotek, Bibliotekvej 2, 4000 Roskilde Online og fremmøde: Deltag på Zoom."
    );

    let intake = block(&doc, "Café med optag");
    assert_eq!(
        fact_of(intake, "Tilmelding"),
        "Optag til og med 3. møde Kontakt os, hvis du vil være med."
    );
}

#[test]
fn the_cover_names_the_municipality_the_term_and_whom_to_contact() {
    let doc = catalogue(&build(&project(None)));
    let cover = one(&doc, "main .prospectus-cover");
    assert_eq!(text(one(&doc, "main h1")), "Kursuskatalog");
    assert_eq!(
        text(cover.select(&sel(".prospectus-site")).next().unwrap()),
        "Roskilde Kommune"
    );
    let contact = shown(cover.select(&sel(".prospectus-contact")).next().unwrap());
    assert_eq!(
        contact,
        "Kontakt os Sundhedscentret E-mail: sundhed@roskilde.example.dk Telefon: +45 11 22 33 55"
    );
    let made = text(cover.select(&sel(".prospectus-made")).next().unwrap());
    assert!(
        made.contains("1. februar 2027") && made.contains("31. juli 2027"),
        "{made}"
    );
    assert!(made.ends_with(&format!("{BASE}kurser/")), "{made}");
    // Its own style sheet, with the print layout.
    let sheets = attrs(&doc, "link[rel=stylesheet]", "href");
    assert!(
        sheets.iter().any(|h| h.contains("static/prospectus.")),
        "{sheets:?}"
    );
}

#[test]
fn the_catalogue_links_to_it_and_the_sitemap_lists_it() {
    let outcome = build(&project(None));
    let site = site(&outcome, "roskilde");
    let listing = page(site, "kurser/index.html");
    let more = links_in(&listing, "main ul.catalogue-more a");
    let (_, href) = more
        .iter()
        .find(|(t, _)| t == "Trykt kursuskatalog (til print)")
        .unwrap_or_else(|| panic!("no link to the printed catalogue in {more:?}"));
    assert_eq!(resolve("kurser/", href), "kurser/katalog/");
    let sitemap = site.text("sitemap.xml").unwrap();
    assert!(
        sitemap.contains(&format!("<loc>{BASE}kurser/katalog/</loc>")),
        "{sitemap}"
    );
}

fn links_in(doc: &Html, css: &str) -> Vec<(String, String)> {
    doc.select(&sel(css))
        .map(|a| {
            (
                text(a),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

// ---- QR codes ----------------------------------------------------------------------------------

/// The dark modules of a QR code drawn by the `qrcode` crate: `viewBox="0 0 w h"` and one path
/// of unit rectangles `M{x} {y}h{w}v{h}H{x}V{y}`. Returns (size, dark(x, y)).
fn modules(svg: ElementRef) -> (usize, Vec<bool>) {
    let view_box = svg
        .value()
        .attr("viewBox")
        .or_else(|| svg.value().attr("viewbox"))
        .expect("a QR code without a viewBox");
    let numbers: Vec<usize> = view_box
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(numbers[..2], [0, 0]);
    assert_eq!(numbers[2], numbers[3], "a QR code is square");
    let size = numbers[2];
    let mut dark = vec![false; size * size];
    let path = svg
        .select(&sel("path"))
        .next()
        .expect("a QR code without a path");
    let d = path.value().attr("d").unwrap();
    for rect in d.split('M').filter(|r| !r.is_empty()) {
        let n: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let (x, y, w, h) = (n[0], n[1], n[2], n[3]);
        for yy in y..y + h {
            for xx in x..x + w {
                dark[yy * size + xx] = true;
            }
        }
    }
    (size, dark)
}

/// What a QR code says, read by `rqrr` from the code drawn 4 pixels a module.
fn decode(svg: ElementRef) -> String {
    const SCALE: usize = 4;
    let (size, dark) = modules(svg);
    let px = size * SCALE;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
        if dark[(y / SCALE) * size + x / SCALE] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "found {} QR codes in one", grids.len());
    let (_, content) = grids[0].decode().expect("the QR code does not decode");
    content
}

#[test]
fn every_qr_code_reads_as_the_address_printed_beside_it() {
    let doc = catalogue(&build(&project(None)));
    let mut read = Vec::new();
    for b in blocks(&doc) {
        let svg = b
            .select(&sel("svg.qr-code"))
            .next()
            .unwrap_or_else(|| panic!("{} has no QR code", title(b)));
        // Hidden from screen readers: the address is printed beside it for them and for typing.
        assert_eq!(svg.value().attr("aria-hidden"), Some("true"));
        let printed = b.select(&sel("a.prospectus-url")).next().unwrap();
        let decoded = decode(svg);
        assert_eq!(decoded, text(printed), "{}", title(b));
        assert_eq!(printed.value().attr("href"), Some(decoded.as_str()));
        read.push((title(b), decoded));
    }
    let url = |path: &str| format!("{BASE}{path}");
    let s = |v: &str| v.to_string();
    assert_eq!(
        read,
        [
            (s("Café med optag"), url("kurser/optag/")),
            (s("Café på stedet og online"), url("kurser/hybrid/")),
            (s("Online samtalesalon"), url("kurser/venteliste/")),
            (
                s("Samtalesalon om fem måneder"),
                url("kurser/samtale-juli/")
            ),
            // One term of a series: the series page, which outlives the term.
            (
                s("Skriveværksted, forår"),
                url("kurser/serie/skrivevaerksted/")
            ),
            (s("Fuldt skriveværksted"), url("kurser/fuldt/")),
        ]
    );
}

#[test]
fn a_period_without_courses_says_so() {
    let project = project(None);
    let mut opts = project.options();
    opts.today = date("2028-06-01");
    let outcome = ok(project.build_with(&opts));
    let doc = catalogue(&outcome);
    assert!(blocks(&doc).is_empty());
    assert_eq!(
        text(one(&doc, "nav.prospectus-contents p")),
        "Der er ingen kurser i perioden."
    );
    assert_eq!(
        text(one(&doc, ".prospectus-term")),
        "Kurser juni–november 2028"
    );
}
