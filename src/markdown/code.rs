//! Fenced code blocks as mdBook writes them: the info string `rust,editable` names the language
//! `rust` (the rest are mdBook's playground attributes, which a static page has no use for), and
//! hidden lines — in Rust, a line starting with `# ` (`##` for a line that starts with `#`); in
//! any language, the prefix given by `hidelines=<prefix>` or a book's
//! `[output.html.code.hidelines]` — are left out of the page, as mdBook shows them folded away.

/// How lines of one code block are hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Hide {
    None,
    Rust,
    Prefix(String),
}

/// The language of an info string and how its hidden lines are marked.
pub(super) fn info(info: &str, hidelines: &[(String, String)]) -> (String, Hide) {
    let mut words = info
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty());
    let lang = words.next().unwrap_or("").to_string();
    let attrs: Vec<&str> = words.collect();
    let prefix = attrs
        .iter()
        .find_map(|a| a.strip_prefix("hidelines="))
        .map(str::to_string)
        .or_else(|| {
            hidelines
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, p)| p.clone())
        });
    let hide = match prefix {
        Some(p) if !p.is_empty() => Hide::Prefix(p),
        _ if lang == "rust" => Hide::Rust,
        _ => Hide::None,
    };
    (lang, hide)
}

/// The code without its hidden lines.
pub(super) fn visible(code: &str, hide: &Hide) -> String {
    if *hide == Hide::None {
        return code.to_string();
    }
    let mut out = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let rest = line.trim_start();
        let indent = &line[..line.len() - rest.len()];
        match hide {
            Hide::Rust => {
                if let Some(after) = rest.strip_prefix("##") {
                    out.push_str(indent);
                    out.push('#');
                    out.push_str(after);
                    continue;
                }
                if let Some(after) = rest.strip_prefix('#') {
                    if !after.starts_with(['!', '[']) {
                        continue;
                    }
                }
                out.push_str(line);
            }
            Hide::Prefix(p) => {
                if !rest.starts_with(p.as_str()) {
                    out.push_str(line);
                }
            }
            Hide::None => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_hidden_lines() {
        assert_eq!(info("rust,editable", &[]), ("rust".into(), Hide::Rust));
        assert_eq!(info("console", &[]), ("console".into(), Hide::None));
        let book = [("python".to_string(), "~".to_string())];
        assert_eq!(
            info("python", &book),
            ("python".into(), Hide::Prefix("~".into()))
        );
        assert_eq!(
            info("sh hidelines=!!!", &[]),
            ("sh".into(), Hide::Prefix("!!!".into()))
        );
        let rust = "# fn main() {\n#[derive(Debug)]\n##nope\nlet x = 1;\n#\n# }\n";
        assert_eq!(
            visible(rust, &Hide::Rust),
            "#[derive(Debug)]\n#nope\nlet x = 1;\n"
        );
        assert_eq!(
            visible("~skjult\nvist\n", &Hide::Prefix("~".into())),
            "vist\n"
        );
    }
}
