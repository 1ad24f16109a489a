//! Slugs and URL paths, with Danish letters transliterated the Danish way (æ→ae, ø→oe, å→aa).

/// Turns a title or file name into a URL-safe slug: lower case ASCII letters, digits and single
/// hyphens. `Skriveværksted` → `skrivevaerksted`, `Ældre & Året` → `aeldre-aaret`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        let replacement: &str = match c {
            'æ' | 'Æ' => "ae",
            'ø' | 'Ø' => "oe",
            'å' | 'Å' => "aa",
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
            'á' | 'à' | 'â' | 'Á' | 'À' | 'Â' => "a",
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => "i",
            'ó' | 'ò' | 'ô' | 'Ó' | 'Ò' | 'Ô' => "o",
            'ú' | 'ù' | 'û' | 'Ú' | 'Ù' | 'Û' => "u",
            'ç' | 'Ç' => "c",
            'ñ' | 'Ñ' => "n",
            _ => "",
        };
        if !replacement.is_empty() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push_str(replacement);
        } else if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    out
}

/// The file name without a leading ordering prefix: `01-om-metoden` → `om-metoden`. Returns the
/// prefix number too, used to order chapters.
pub fn strip_order_prefix(stem: &str) -> (Option<u32>, &str) {
    let digits = stem.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return (None, stem);
    }
    let rest = &stem[digits..];
    match rest.strip_prefix(['-', '_']) {
        Some(rest) if !rest.is_empty() => (stem[..digits].parse().ok(), rest),
        _ => (None, stem),
    }
}

/// The relative link from one site path (a folder like `kurser/x/`, or `""` for the root) to
/// another. Always ends in `/` for folder targets and never is empty.
pub fn relative_prefix(from_dir: &str) -> String {
    let depth = from_dir.split('/').filter(|s| !s.is_empty()).count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// The shortest relative link from the page in folder `from_dir` (`manualer/abc/kapitel-2/`, or
/// `""` for the site's root) to the site path `to` (a folder, a file, with or without a
/// `#fragment` or `?query`): `../kapitel-3/` rather than a climb to the root and down again, so
/// a big manual's contents and pager cost few bytes on every page. A link to the page's own
/// folder is `./`.
pub fn relative_link(from_dir: &str, to: &str) -> String {
    let split = to.find(['#', '?']).unwrap_or(to.len());
    let (path, suffix) = to.split_at(split);
    let (to_dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let (from, dir) = (from_dir.trim_matches('/'), to_dir.trim_matches('/'));
    // The folders both share: up to the last `/` (or the end) where the two still agree.
    let same = from
        .bytes()
        .zip(dir.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let whole = |s: &str| same == s.len() || s.as_bytes()[same] == b'/';
    let shared = if whole(from) && whole(dir) {
        same
    } else {
        from[..same].rfind('/').unwrap_or(0)
    };
    let (up, down) = (&from[shared..], dir[shared..].trim_start_matches('/'));
    let ups = up.split('/').filter(|s| !s.is_empty()).count();
    let mut out = String::with_capacity(3 * ups + down.len() + file.len() + suffix.len() + 3);
    for _ in 0..ups {
        out.push_str("../");
    }
    if !down.is_empty() {
        out.push_str(down);
        out.push('/');
    }
    out.push_str(file);
    // An empty link, or one whose first segment holds a `:`, would not read as a path.
    if out.is_empty()
        || out
            .split('/')
            .next()
            .is_some_and(|first| first.contains(':'))
    {
        out.insert_str(0, "./");
    }
    out.push_str(suffix);
    out
}

/// Joins a relative reference onto the folder of `from_rel`, resolving `.` and `..`.
/// Returns `None` when the path climbs out of the content folder.
pub fn join_rel(from_rel: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        return normalize(abs.split('/'));
    } else {
        from_rel.split('/').collect()
    };
    parts.pop();
    parts.extend(target.split('/'));
    normalize(parts.into_iter())
}

fn normalize<'a>(parts: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for part in parts {
        match part {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p),
        }
    }
    Some(out.join("/"))
}

/// Decodes `%xx` escapes: links to files with spaces or Danish letters in their names, and URLs
/// the preview server receives, arrive percent-encoded.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: u8| (b as char).to_digit(16);
    while i < bytes.len() {
        // Byte-wise: `%` may be followed by a multi-byte letter (`%aé`), which a string slice
        // would cut in the middle.
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_takes_bytes_and_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode("a%20b%C3%A6"), "a bæ");
        assert_eq!(percent_decode("%aé%"), "%aé%");
        assert_eq!(percent_decode("%é"), "%é");
        assert_eq!(percent_decode("%ff"), "%ff");
    }

    #[test]
    fn danish_letters_are_transliterated() {
        assert_eq!(slugify("Skriveværksted"), "skrivevaerksted");
        assert_eq!(slugify("Høj skole på Ærø"), "hoej-skole-paa-aeroe");
        assert_eq!(slugify("Recoverycafé"), "recoverycafe");
        assert_eq!(
            slugify("  ABC – Act, Belong, Commit! "),
            "abc-act-belong-commit"
        );
        assert_eq!(slugify("uge-01"), "uge-01");
        assert_eq!(slugify("ÆØÅ"), "aeoeaa");
    }

    #[test]
    fn order_prefix() {
        assert_eq!(strip_order_prefix("01-om-metoden"), (Some(1), "om-metoden"));
        assert_eq!(strip_order_prefix("2_x"), (Some(2), "x"));
        assert_eq!(strip_order_prefix("uge-01"), (None, "uge-01"));
        assert_eq!(strip_order_prefix("2027"), (None, "2027"));
    }

    #[test]
    fn relative_joins() {
        assert_eq!(
            join_rel("manualer/abc/sessioner/uge-01.md", "../ovelser/x.md").unwrap(),
            "manualer/abc/ovelser/x.md"
        );
        assert_eq!(join_rel("om.md", "kurser/a.md").unwrap(), "kurser/a.md");
        assert_eq!(join_rel("a/b.md", "/kurser/a.md").unwrap(), "kurser/a.md");
        assert_eq!(
            join_rel("manualer/abc/SUMMARY.md", "./kapitel/../x.md").unwrap(),
            "manualer/abc/x.md"
        );
        assert!(join_rel("om.md", "../../etc/passwd").is_none());
    }

    #[test]
    fn relative_links_are_the_shortest_way() {
        let from = "manualer/abc/kapitel-2/";
        assert_eq!(
            relative_link(from, "manualer/abc/kapitel-3/"),
            "../kapitel-3/"
        );
        assert_eq!(relative_link(from, "manualer/abc/"), "../");
        assert_eq!(relative_link(from, from), "./");
        assert_eq!(relative_link(from, "manualer/abc/kapitel-2/#mal"), "./#mal");
        assert_eq!(relative_link(from, "manualer/abc/kapitel-2/sub/"), "sub/");
        assert_eq!(relative_link(from, "kurser/"), "../../../kurser/");
        assert_eq!(relative_link(from, ""), "../../../");
        assert_eq!(
            relative_link(from, "static/style.1234abcd.css"),
            "../../../static/style.1234abcd.css"
        );
        assert_eq!(
            relative_link(from, "manualer/abc/#manual-kapitler"),
            "../#manual-kapitler"
        );
        assert_eq!(relative_link("", ""), "./");
        assert_eq!(relative_link("", "kurser/a.ics"), "kurser/a.ics");
        assert_eq!(
            relative_link("", "sog/index.html?q=a/b"),
            "sog/index.html?q=a/b"
        );
        assert_eq!(relative_link("kurser/a/", "kurser/a.ics"), "../a.ics");
        assert_eq!(relative_link("", "a:b/"), "./a:b/");
        // Only whole folder names are shared: `kurser-2/` is not inside `kurser/`.
        assert_eq!(relative_link("kurser/", "kurser-2/"), "../kurser-2/");
        assert_eq!(relative_link("kurser-2/", "kurser/"), "../kurser/");
        assert_eq!(relative_link("a/bc/", "a/b/x/"), "../b/x/");
        assert_eq!(relative_link("a/b/", "a/bc/"), "../bc/");
        assert_eq!(relative_link("a/b/c/", "a/"), "../../");
        assert_eq!(relative_link("a/", "a/b/c/d.js"), "b/c/d.js");
    }

    #[test]
    fn relative_prefixes() {
        assert_eq!(relative_prefix(""), "./");
        assert_eq!(relative_prefix("kurser/"), "../");
        assert_eq!(
            relative_prefix("manualer/abc/sessioner/uge-01/"),
            "../../../../"
        );
    }

    proptest::proptest! {
        /// Wherever two pages sit, the link from one leads to the other, as a browser resolves it.
        #[test]
        fn a_relative_link_leads_to_its_target(
            from in "((a|b|ab|ba)/){0,4}",
            to in "((a|b|ab|ba)/){0,4}(x\\.js)?(#f)?",
        ) {
            let link = relative_link(&from, &to);
            let (path, fragment) = to.split_once('#').map_or((to.as_str(), ""), |(p, f)| (p, f));
            let (got, got_fragment) = link.split_once('#').map_or((link.as_str(), ""), |(p, f)| (p, f));
            proptest::prop_assert_eq!(got_fragment, fragment);
            proptest::prop_assert_eq!(join_rel(&format!("{from}page"), got), join_rel("", path));
            proptest::prop_assert!(link.len() <= 2 + "../".len() * from.matches('/').count() + to.len());
        }
    }
}
