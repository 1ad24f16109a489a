//! Publishing: `build --compress` writes a `.br` and a `.gz` copy beside each text file.

use std::collections::BTreeMap;
use std::io::Read;

use vejviser::BuildOutcome;

use crate::common::*;

/// What the text files of a site are: they get compressed copies (when not tiny).
const TEXT: [&str; 7] = ["html", "css", "js", "json", "xml", "svg", "ics"];

/// A fixture with pages, a course (its calendar and `kurser.json`), the search index, CSS and
/// the PNG icons.
fn project() -> Project {
    Project::fixture("rendering/course")
}

/// Builds `project` to `<root>/public` through the library, as `vejviser build` does.
fn build_to_disk(project: &Project, compress: bool) -> BuildOutcome {
    let mut opts = project.options();
    opts.compress = compress;
    ok(vejviser::build(&opts).expect("the build failed"))
}

/// The files of the built site `roskilde`, by path.
fn written(project: &Project) -> BTreeMap<String, Vec<u8>> {
    tree(&project.path("public/roskilde"))
        .into_iter()
        .filter_map(|(path, bytes)| Some((path, bytes?)))
        .collect()
}

fn is_copy(path: &str) -> bool {
    path.ends_with(".gz") || path.ends_with(".br")
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("not gzip");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("not Brotli");
    out
}

#[test]
fn compressed_copies_sit_beside_each_text_file_and_decompress_to_it() {
    let project = project();
    build_to_disk(&project, true);
    let files = written(&project);
    let mut compressed = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| !is_copy(p)) {
        let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
        if !TEXT.contains(&ext) || bytes.len() < 256 {
            continue;
        }
        let gz = files
            .get(&format!("{path}.gz"))
            .unwrap_or_else(|| panic!("{path} has no .gz"));
        let br = files
            .get(&format!("{path}.br"))
            .unwrap_or_else(|| panic!("{path} has no .br"));
        assert!(gunzip(gz) == *bytes, "{path}.gz is not {path}");
        assert!(unbrotli(br) == *bytes, "{path}.br is not {path}");
        assert!(br.len() < bytes.len() && gz.len() < bytes.len(), "{path}");
        compressed.push(path.as_str());
    }
    // Every kind of text file was there to be compressed.
    for wanted in ["index.html", "kurser.json", "sitemap.xml", "feed.xml"] {
        assert!(compressed.contains(&wanted), "{wanted}: {compressed:?}");
    }
    for (prefix, suffix) in [
        ("static/", ".css"),
        ("static/", ".js"),
        ("sog/index/", ".js"),
        ("kurser/", ".ics"),
    ] {
        assert!(
            compressed
                .iter()
                .any(|p| p.starts_with(prefix) && p.ends_with(suffix)),
            "no {prefix}…{suffix} was compressed: {compressed:?}"
        );
    }
    // Apart from the copies, the files are exactly those of a build without them.
    let in_memory = project.build_ok();
    let site = site(&in_memory, "roskilde");
    let originals: Vec<&String> = files.keys().filter(|p| !is_copy(p)).collect();
    assert_eq!(originals, site.files.keys().collect::<Vec<_>>());
    for (path, bytes) in &site.files {
        assert!(
            files[path] == *bytes,
            "{path} differs from the build in memory"
        );
    }
}

#[test]
fn images_and_tiny_files_get_no_compressed_copies() {
    let project = project();
    let outcome = build_to_disk(&project, true);
    let files = written(&project);
    let pngs: Vec<&String> = files.keys().filter(|p| p.ends_with(".png")).collect();
    assert!(pngs.len() >= 2, "the icons: {:?}", files.keys());
    for png in pngs {
        assert!(!files.contains_key(&format!("{png}.gz")), "{png}");
        assert!(!files.contains_key(&format!("{png}.br")), "{png}");
    }
    assert!(files["robots.txt"].len() < 256);
    assert!(!files.contains_key("robots.txt.gz"));
    // Every copy has its file beside it, and the summary counts what was written.
    for copy in files.keys().filter(|p| is_copy(p)) {
        assert!(files.contains_key(&copy[..copy.len() - 3]), "{copy}");
    }
    assert_eq!(outcome.summaries[0].files, files.len());
}

#[test]
fn without_compress_no_copies_are_written_and_builds_in_memory_never_compress() {
    let project = project();
    build_to_disk(&project, false);
    let files = written(&project);
    assert!(files.len() > 10);
    let copies: Vec<&String> = files.keys().filter(|p| is_copy(p)).collect();
    assert!(copies.is_empty(), "{copies:?}");

    let mut opts = project.options();
    opts.compress = true;
    let outcome = project.build_with(&opts);
    let copies: Vec<&String> = site(&outcome, "roskilde")
        .files
        .keys()
        .filter(|p| is_copy(p))
        .collect();
    assert!(copies.is_empty(), "{copies:?}");
}

#[test]
fn turning_compress_on_or_off_rebuilds_the_site() {
    let project = project();
    let copies = |project: &Project| written(project).keys().filter(|p| is_copy(p)).count();
    let rebuilt = |outcome: &BuildOutcome| outcome.unchanged.is_empty();

    assert!(rebuilt(&build_to_disk(&project, false)));
    assert!(!rebuilt(&build_to_disk(&project, false)), "nothing changed");
    assert!(rebuilt(&build_to_disk(&project, true)), "--compress added");
    assert!(copies(&project) > 10);
    assert!(!rebuilt(&build_to_disk(&project, true)), "nothing changed");
    assert!(
        rebuilt(&build_to_disk(&project, false)),
        "--compress left out"
    );
    assert_eq!(copies(&project), 0);
}
