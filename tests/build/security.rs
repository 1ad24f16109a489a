//! Content never becomes script: the cross-site scripting vectors of `tests/vectors/xss.txt` go
//! through every string field and Markdown body (the project of `examples/xss_project.rs`), and
//! every file of the site is checked for anything a browser would run. URLs that would run code
//! are refused with an error at their line; calendars, feeds and the search index cannot be
//! broken out of; no file is written outside the site's folder; every page carries the CSP.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use scraper::Html;
use vejviser::render::CONTENT_SECURITY_POLICY;
use vejviser::{BuildOutcome, SiteFiles};

use crate::common::*;

#[allow(dead_code)]
#[path = "../../examples/xss_project.rs"]
mod xss_project;

/// Elements the theme never writes, so any of them in a page came from content.
const FOREIGN_ELEMENTS: &[&str] = &[
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "svg", "math",
    "isindex", "keygen", "marquee", "audio", "video", "source", "textarea", "noscript", "template",
];

/// Attributes that hold a URL a browser may load or navigate to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "background",
    "dynsrc",
    "lowsrc",
    "poster",
    "xlink:href",
    "srcset",
    "cite",
    "ping",
];

/// Whether a URL would run code, the way a browser reads it: entities decoded, whitespace and
/// control characters ignored, any case. Written apart from the program's own check, so a test
/// does not pass by sharing its mistake.
fn runs_code(url: &str) -> bool {
    let decoded = decode_entities(url);
    let cleaned: String = decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| cleaned.starts_with(s))
}

/// `&#106;`, `&#x6A;` (with or without `;`) and `&colon;` decoded.
fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("&colon;") {
            out.push(':');
            rest = after;
            continue;
        }
        let (digits, radix, skip) = if let Some(d) = rest
            .strip_prefix("&#x")
            .or_else(|| rest.strip_prefix("&#X"))
        {
            (d, 16, 3)
        } else if let Some(d) = rest.strip_prefix("&#") {
            (d, 10, 2)
        } else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
        match u32::from_str_radix(&digits[..len], radix)
            .ok()
            .and_then(char::from_u32)
        {
            Some(c) if len > 0 => {
                out.push(c);
                rest = &rest[skip + len..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What in a page could run: the findings, one line each.
fn active_content(path: &str, doc: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let e = el.value();
        let name = e.name();
        if FOREIGN_ELEMENTS.contains(&name) {
            found.push(format!("{path}: a <{name}> element"));
        }
        if name == "script" {
            let body: String = el.text().collect();
            let theme_file = e.attr("src").is_some_and(|src| {
                src.ends_with(".js")
                    && (src.contains("static/") || src.contains("sog/index/"))
                    && !runs_code(src)
            }) && body.trim().is_empty();
            let data_block = e.attr("type") == Some("application/ld+json")
                && e.attr("src").is_none()
                && serde_json::from_str::<serde_json::Value>(&body).is_ok();
            if !(theme_file || data_block) {
                found.push(format!("{path}: a script {:?}: {body}", e.attr("src")));
            }
        }
        if name == "meta" {
            if let Some(equiv) = e.attr("http-equiv") {
                let content = e.attr("content").unwrap_or_default();
                let allowed = match equiv.to_ascii_lowercase().as_str() {
                    "content-security-policy" => content == CONTENT_SECURITY_POLICY,
                    "refresh" => content
                        .split_once("url=")
                        .is_some_and(|(_, url)| url.starts_with("https://") && !runs_code(url)),
                    _ => false,
                };
                if !allowed {
                    found.push(format!(
                        "{path}: <meta http-equiv={equiv:?} content={content:?}>"
                    ));
                }
            }
        }
        if name == "link" {
            let rel = e.attr("rel").unwrap_or_default();
            let href = e.attr("href").unwrap_or_default();
            // The site's icons are its own files, never an address from content.
            let own_icon = ["icon", "apple-touch-icon"].contains(&rel)
                && (href.trim_start_matches("../").starts_with("static/")
                    || href.starts_with("./static/"));
            if !["stylesheet", "canonical", "alternate"].contains(&rel) && !own_icon {
                found.push(format!("{path}: <link rel={rel:?} href={href:?}>"));
            }
        }
        for (attr, value) in e.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                found.push(format!("{path}: <{name} {attr}={value:?}>"));
            }
            if attr == "style" || attr == "srcdoc" {
                found.push(format!("{path}: <{name} {attr}={value:?}>"));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) && runs_code(value) {
                found.push(format!("{path}: <{name} {attr}={value:?}>"));
            }
        }
    }
    found
}

/// The element names an XML file (feed, sitemap) opens, `?xml` included.
fn xml_elements(text: &str) -> BTreeSet<String> {
    text.split('<')
        .skip(1)
        .map(|t| {
            t.trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '?' || *c == ':')
                .collect()
        })
        .collect()
}

/// The lines of an iCalendar file with folded lines joined (RFC 5545 §3.1).
fn unfolded(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in ics.split("\r\n") {
        match line.strip_prefix([' ', '\t']) {
            Some(rest) if !lines.is_empty() => lines.last_mut().unwrap().push_str(rest),
            _ => lines.push(line.to_string()),
        }
    }
    lines
}

const ICS_PROPERTIES: &[&str] = &[
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "NAME",
    "X-WR-CALNAME",
    "TIMEZONE-ID",
    "X-WR-TIMEZONE",
    "UID",
    "DTSTAMP",
    "SUMMARY",
    "URL",
    "DTSTART",
    "DTEND",
    "LOCATION",
    "DESCRIPTION",
    "STATUS",
    "SEQUENCE",
];

/// Every finding in every file of a site: pages, calendars, feed, sitemap, open data, the search
/// index.
fn findings(site: &SiteFiles) -> Vec<String> {
    let mut found = Vec::new();
    for (path, bytes) in &site.files {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        if path.ends_with(".html") {
            found.extend(active_content(path, &Html::parse_document(text)));
        } else if path.ends_with(".ics") {
            for line in unfolded(text).iter().filter(|l| !l.is_empty()) {
                let name = line.split([':', ';']).next().unwrap_or_default();
                if !ICS_PROPERTIES.contains(&name) {
                    found.push(format!("{path}: the calendar line {line:?}"));
                }
            }
        } else if path.ends_with(".xml") {
            let known: BTreeSet<String> = [
                "?xml", "feed", "title", "id", "link", "updated", "author", "name", "entry",
                "summary", "urlset", "url", "loc", "lastmod",
            ]
            .into_iter()
            .map(String::from)
            .collect();
            let unknown: Vec<String> = xml_elements(text).difference(&known).cloned().collect();
            if !unknown.is_empty() {
                found.push(format!("{path}: XML elements {unknown:?}"));
            }
        } else if path.ends_with(".json") {
            if serde_json::from_str::<serde_json::Value>(text).is_err() {
                found.push(format!("{path}: not JSON"));
            }
        } else if path.starts_with("sog/index/") {
            // `VejviserSearch.load("name",{…});`: data that parses as JSON cannot have closed
            // the call and started code of its own.
            let call = text
                .strip_prefix("VejviserSearch.load(")
                .and_then(|t| t.strip_suffix(");\n"))
                .and_then(|t| t.split_once(','));
            let parses = call.is_some_and(|(name, data)| {
                serde_json::from_str::<String>(name).is_ok()
                    && serde_json::from_str::<serde_json::Value>(data).is_ok()
            });
            if !parses {
                found.push(format!("{path}: not one load call with JSON data"));
            }
        }
    }
    found
}

fn assert_inert(site: &SiteFiles) {
    let found = findings(site);
    assert!(
        found.is_empty(),
        "{} finding(s) in {}:\n{}",
        found.len(),
        site.slug,
        found.join("\n")
    );
}

/// A vector project, built for the tests' day.
struct Built {
    vectors: Vec<String>,
    outcome: BuildOutcome,
}

fn build_vector_project(allow_html: bool) -> Built {
    let project = Project::empty();
    let vectors = xss_project::vectors();
    xss_project::write_project(&project.root, &vectors, allow_html, false);
    let outcome = project.build();
    Built { vectors, outcome }
}

/// The text project, built once for the tests that read it.
static TEXT: LazyLock<Built> = LazyLock::new(|| build_vector_project(false));
/// The text project with raw HTML allowed, built once.
static RAW_HTML: LazyLock<Built> = LazyLock::new(|| build_vector_project(true));

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `v` opens an element whose content HTML reads as plain text (or a Markdown HTML block
/// that runs to its end tag): such a vector takes in the rest of its own part of a body.
fn opens_raw_text(v: &str) -> bool {
    let v = v.to_ascii_lowercase();
    [
        "<script",
        "<style",
        "<textarea",
        "<iframe",
        "<noscript",
        "<xmp",
        "<title",
        "<pre",
    ]
    .iter()
    .any(|tag| v.contains(tag))
}

/// Checks the text project: the only errors allowed are `javascript:` and the like that a vector
/// writes as a Markdown autolink (`<javascript:alert>`), each refused at its line. The site is
/// checked all the same (what an erroneous build renders is kept by the preview server).
fn text_fields_stay_text(built: &Built, allow_html: bool) {
    let Built { vectors, outcome } = built;
    assert!(vectors.len() >= 50, "only {} vectors", vectors.len());
    for d in outcome.diagnostics.iter().filter(|d| d.is_error()) {
        assert!(d.line > 0, "an error without a line: {d}");
        assert!(d.to_string().contains("er ikke tilladt"), "{d}");
    }
    let site = site(outcome, "xss");
    let pages = xss_project::pages(vectors.len());
    assert!(site.pages > 8 * pages, "{} pages", site.pages);
    assert_inert(site);
    // The vectors did reach the pages, as text: each course's title is its <h1>, and its body
    // shows each of its vectors, each part of it read on its own.
    let shown = |v: &String| !v.chars().any(|c| c.is_control() && !c.is_whitespace());
    for p in 0..pages {
        let title = xss_project::group(vectors.len(), p, 0);
        let doc = page(site, &format!("kurser/kursus-{p:03}/index.html"));
        let h1 = text(one(&doc, "h1"));
        let main = main_text(&doc);
        let paragraphs = texts(&doc, "main p");
        for &i in &title {
            let v = &vectors[i];
            if !shown(v) {
                continue;
            }
            assert!(
                h1.contains(&collapse(v)),
                "course {p} has no {v:?} in {h1:?}"
            );
            assert!(
                main.contains(&collapse(v)),
                "course {p} does not show {v:?}"
            );
            // Markdown's own punctuation, entities and typographic quotes and dashes change such
            // a paragraph, as they should.
            let typographic = v.contains(['\'', '"']) || v.contains("--") || v.contains("...");
            if !allow_html
                && !typographic
                && !opens_raw_text(v)
                && !v.contains(['\\', '*', '_', '`', '[', ']', '&', '!'])
            {
                assert!(
                    paragraphs.iter().any(|t| *t == collapse(v)),
                    "the body of course {p} does not show {v:?} as text"
                );
            }
        }
        for path in [
            format!("kurser/kursus-{p:03}/index.html"),
            format!("sider/side-{p:03}/index.html"),
            format!("manualer/xss-{p}/index.html"),
            format!("manualer/xss-{p}/kapitel-{p:03}/index.html"),
            format!("manualer/xss-{p}/sessioner/session-{p:03}/index.html"),
            format!("manualer/xss-{p}/ovelser/oevelse-{p:03}/index.html"),
        ] {
            let paragraphs = texts(&page(site, &path), "main p");
            for &i in &title {
                if !opens_raw_text(&vectors[i]) {
                    let end = xss_project::end_of_body(i);
                    assert!(
                        paragraphs.contains(&end),
                        "{path}: the part of {:?} does not end in its own paragraph {end:?}",
                        vectors[i]
                    );
                }
            }
        }
    }
}

#[test]
fn vectors_in_every_text_field_stay_text() {
    text_fields_stay_text(&TEXT, false);
}

#[test]
fn vectors_in_every_text_field_stay_text_with_raw_html_allowed() {
    text_fields_stay_text(&RAW_HTML, true);
}

#[test]
fn every_page_of_the_vector_projects_carries_the_content_security_policy_first() {
    every_page_carries_the_content_security_policy_first(site(&TEXT.outcome, "xss"));
    every_page_carries_the_content_security_policy_first(site(&RAW_HTML.outcome, "xss"));
}

#[test]
fn vectors_as_link_and_image_targets_are_refused_at_their_line_or_inert() {
    let project = Project::empty();
    let vectors = xss_project::vectors();
    let layout = xss_project::write_project(&project.root, &vectors, false, true);
    // Each error is about one vector, found by its line.
    let mut refused: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for d in project.build().diagnostics.iter().filter(|d| d.is_error()) {
        let file = d.file.to_string_lossy().replace('\\', "/");
        assert!(file.contains("/lenker/"), "{file} was refused: {d}");
        let at = layout.vectors_at(&file, d.line);
        assert_eq!(at.len(), 1, "{file}:{} is about {at:?}: {d}", d.line);
        refused.entry(at[0]).or_default().push(d.to_string());
    }
    // Markdown makes a link of a destination without spaces or angle brackets; the others stay
    // text (and the site is checked below).
    let mut dangerous = 0;
    for (i, v) in vectors.iter().enumerate() {
        if runs_code(v)
            && !v
                .trim()
                .contains(|c: char| c.is_whitespace() || c == '<' || c == '>')
        {
            dangerous += 1;
            let errors = refused.get(&i).unwrap_or_else(|| {
                panic!("{v:?} is used as a link and an image, and built without an error")
            });
            assert!(
                errors.iter().any(|e| e.contains("er ikke tilladt")),
                "{v:?}: {errors:?}"
            );
        }
    }
    assert!(
        dangerous >= 10,
        "only {dangerous} vectors are URLs that run code"
    );
    // Without the refused vectors the link pages build, and are inert.
    let kept: Vec<String> = (0..vectors.len())
        .filter(|i| !refused.contains_key(i))
        .map(|i| vectors[i].clone())
        .collect();
    assert!(kept.len() >= 30, "{} kept", kept.len());
    let project = Project::empty();
    xss_project::write_project(&project.root, &kept, false, true);
    let outcome = project.build_ok();
    let site = site(&outcome, "xss");
    assert_inert(site);
    for p in 0..xss_project::pages(kept.len()) {
        page(site, &format!("lenker/lenke-{p:03}/index.html"));
    }
}

#[test]
fn the_finder_finds_what_it_looks_for() {
    // The checks above are only as good as `findings`: it must see each kind of hole.
    let doc = Html::parse_document(
        "<html><head><script>alert(1)</script><meta http-equiv=refresh content=\"0; url=javascript:alert(1)\"></head>\
         <body><p onclick=x>a</p><a href=\" JaVa&#x09;script:alert(1)\">b</a><img src=x style=\"color:red\">\
         <iframe></iframe><script type=\"application/ld+json\">{\"a\":\"</script></body></html>",
    );
    let found = active_content("x.html", &doc);
    for needle in ["script", "refresh", "onclick", "href", "style", "iframe"] {
        assert!(
            found.iter().any(|f| f.contains(needle)),
            "{needle} not found in {found:?}"
        );
    }
    assert!(runs_code("&#0000106avascript:alert(1)"));
    assert!(runs_code("\u{1}javascript:alert(1)"));
    assert!(!runs_code("https://x.dk/javascript:"));
    let mut site = SiteFiles::new("x");
    site.add(
        "k.ics",
        b"BEGIN:VEVENT\r\nSUMMARY:a\r\nATTENDEE:x\r\nEND:VEVENT\r\n".to_vec(),
    );
    site.add(
        "feed.xml",
        b"<feed><title><script>1</script></title></feed>".to_vec(),
    );
    site.add(
        "sog/index/a/s0.js",
        b"VejviserSearch.load(\"s0\",{\"a\":1});alert(1)//});\n".to_vec(),
    );
    let found = findings(&site);
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn a_newline_in_a_course_field_cannot_start_a_calendar_property() {
    let project = Project::empty();
    let vectors = vec![
        "Skriveværksted\r\nATTENDEE;CN=Angriber:mailto:angriber@example.dk".to_string(),
        "Sted\nBEGIN:VALARM\nTRIGGER:-PT5M\nEND:VALARM".to_string(),
        "Komma, semikolon; og \\ skråstreg".to_string(),
    ];
    xss_project::write_project(&project.root, &vectors, false, false);
    let outcome = project.build_ok();
    let site = site(&outcome, "xss");
    for path in [
        "kurser/kursus-000.ics",
        "kurser/kursus-001.ics",
        "kurser/kalender.ics",
    ] {
        let ics = site.text(path).unwrap_or_else(|| panic!("no {path}"));
        let lines = unfolded(ics);
        assert!(
            !lines.iter().any(|l| l.starts_with("ATTENDEE")
                || l.starts_with("TRIGGER")
                || l == "BEGIN:VALARM"),
            "{path}:\n{ics}"
        );
    }
    let ics = site.text("kurser/kursus-000.ics").unwrap();
    let summary = unfolded(ics)
        .into_iter()
        .find(|l| l.starts_with("SUMMARY:"))
        .unwrap();
    assert!(
        summary.contains("ATTENDEE\\;CN=Angriber:mailto") && summary.contains("\\n"),
        "the title is kept, its line break escaped: {summary}"
    );
    assert_inert(site);
}

/// A one-vector project with `change` applied, built; the errors' codes and locations.
fn refused_after(change: impl FnOnce(&Project)) -> Vec<(String, String)> {
    let project = Project::empty();
    xss_project::write_project(&project.root, &["Skriveværksted".to_string()], false, false);
    change(&project);
    let outcome = project.build();
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.code.to_string(), d.location()))
        .collect()
}

fn replace_in(project: &Project, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(project.path(rel)).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    project.write(rel, text.replacen(from, to, 1).as_bytes());
}

#[test]
fn urls_in_front_matter_and_config_that_run_code_are_refused_at_their_line() {
    let course = "content/xss/kurser/kursus-000.md";
    for url in [
        "javascript:alert(1)",
        " JaVaScript:alert(1)",
        "data:text/html,x",
        "https://x.dk/\"><script>",
    ] {
        let errors = refused_after(|p| {
            replace_in(
                p,
                course,
                "\"https://xss.example.dk/tilmeld\"",
                &serde_json::to_string(url).unwrap(),
            )
        });
        assert!(
            errors
                .iter()
                .any(|(code, at)| code == "course.signup-url" && at.contains("kursus-000.md:18:")),
            "{url}: {errors:?}"
        );
        let errors = refused_after(|p| {
            replace_in(
                p,
                "content/xss/_site.yaml",
                "https://was.example.dk/xss",
                url.trim_start_matches(' '),
            )
        });
        assert!(
            errors
                .iter()
                .any(|(code, at)| code == "site.accessibility-statement"
                    && at.contains("_site.yaml:3:")),
            "{url}: {errors:?}"
        );
    }
}

#[test]
fn names_that_would_write_outside_the_site_are_located_errors() {
    let course = "content/xss/kurser/kursus-000.md";
    let errors =
        refused_after(|p| replace_in(p, course, "description:", "slug: ../../etc\ndescription:"));
    assert!(
        errors
            .iter()
            .any(|(code, at)| code == "frontmatter.slug" && at.ends_with("kursus-000.md:3:7")),
        "{errors:?}"
    );
    let errors = refused_after(|p| {
        replace_in(
            p,
            "content/xss/_site.yaml",
            "  l0:",
            "  \"../../../udenfor\":",
        )
    });
    assert!(
        errors
            .iter()
            .any(|(code, at)| code == "config.key" && at.contains("_site.yaml:")),
        "{errors:?}"
    );
    let errors = refused_after(|p| replace_in(p, "vejviser.yaml", "  k0:", "  ../../k0:"));
    assert!(
        errors
            .iter()
            .any(|(code, at)| code == "config.key" && at.ends_with("vejviser.yaml:5:3")),
        "{errors:?}"
    );
    let errors = refused_after(|p| {
        replace_in(
            p,
            "content/xss/sider/side-000.md",
            "Slut 0.",
            "![Fil](../../../../etc/passwd) [fil](/../../x.md)",
        )
    });
    assert!(
        errors
            .iter()
            .filter(|(_, at)| at.contains("side-000.md:"))
            .count()
            >= 2,
        "{errors:?}"
    );
    let errors = refused_after(|p| {
        replace_in(
            p,
            "content/xss/_site.yaml",
            "locations:",
            "logo: ../../../etc/passwd\nlocations:",
        )
    });
    assert!(
        errors
            .iter()
            .any(|(code, at)| code == "site.logo" && at.contains("_site.yaml:4:")),
        "{errors:?}"
    );
}

fn every_page_carries_the_content_security_policy_first(site: &SiteFiles) {
    for policy in ["'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"] {
        assert!(!CONTENT_SECURITY_POLICY.contains(policy), "{policy}");
    }
    for directive in ["default-src 'self'", "object-src 'none'", "base-uri 'none'"] {
        assert!(CONTENT_SECURITY_POLICY.contains(directive), "{directive}");
    }
    // Scripts, styles and images fall back to `default-src 'self'`: nothing may widen them.
    for directive in ["script-src", "style-src", "img-src", "connect-src"] {
        assert!(!CONTENT_SECURITY_POLICY.contains(directive), "{directive}");
    }
    let pages = html_files(site);
    assert!(
        pages.iter().any(|p| p.starts_with("was/")),
        "the redirect page is checked too"
    );
    for path in pages {
        let doc = page(site, path);
        let head: Vec<_> = doc
            .select(&sel("head > *"))
            .map(|e| e.value().name().to_string())
            .collect();
        let csp = doc
            .select(&sel("head > meta[http-equiv=\"Content-Security-Policy\"]"))
            .collect::<Vec<_>>();
        assert_eq!(csp.len(), 1, "{path}");
        assert_eq!(
            csp[0].value().attr("content"),
            Some(CONTENT_SECURITY_POLICY),
            "{path}"
        );
        // Before anything it governs: only <meta charset> comes first.
        assert_eq!(&head[..2], ["meta", "meta"], "{path}: {head:?}");
        assert!(
            doc.select(&sel("head > meta[charset]")).next().is_some(),
            "{path}"
        );
    }
}
