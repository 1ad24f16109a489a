//! Who may use the editor and which files it may touch. The preview server has no accounts:
//! whoever can reach it could write the project, so the editor runs only on a loopback address
//! and every request must show it comes from a page this server made.
//!
//! - `Host` must name the loopback address and port the server listens on (or `localhost`), so a
//!   page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) gets nothing;
//! - a present `Origin` must be the server's own: another site's page cannot post a form here;
//! - every change carries the token this process drew at start, written into its forms (never
//!   a cookie, which a browser would send along from anywhere), compared in constant time;
//! - a file is a `.md` or `_site.yaml` inside `content/`, reached without a symbolic link.

use std::path::{Path, PathBuf};

use subtle::ConstantTimeEq;

/// The largest request body read: far more than any page's text.
pub const MAX_BODY: usize = 1024 * 1024;

/// Why a request is refused, with its HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not from this server's own pages (host, origin or token): 403.
    Forbidden,
    /// A path the editor does not open: 403.
    NotEditable,
    /// No such file: 404.
    Missing,
    /// A body over [`MAX_BODY`]: 413.
    TooLarge,
}

impl Refusal {
    pub fn status(self) -> u16 {
        match self {
            Refusal::Forbidden | Refusal::NotEditable => 403,
            Refusal::Missing => 404,
            Refusal::TooLarge => 413,
        }
    }
}

/// The per-process secret and the addresses this server answers to.
pub struct Guard {
    token: String,
    /// `Host` values accepted: `127.0.0.1:8000`, `localhost:8000`.
    hosts: Vec<String>,
}

impl Guard {
    /// A guard for a server listening on `addr`, with a fresh random token.
    pub fn new(addr: std::net::SocketAddr) -> Result<Guard, crate::messages::Message> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(crate::messages::no_random_numbers)?;
        let token = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let hosts = vec![addr.to_string(), format!("localhost:{}", addr.port())];
        Ok(Guard { token, hosts })
    }

    /// The token the forms carry.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Whether the request's `Host` is this server and any `Origin` is its own.
    pub fn same_origin(&self, host: Option<&str>, origin: Option<&str>) -> bool {
        let Some(host) = host.filter(|h| self.hosts.iter().any(|ok| ok == h)) else {
            return false;
        };
        origin.is_none_or(|o| o == format!("http://{host}"))
    }

    /// Whether `given` is this process's token.
    pub fn token_matches(&self, given: Option<&str>) -> bool {
        given.is_some_and(|g| bool::from(g.as_bytes().ct_eq(self.token.as_bytes())))
    }
}

/// The file at `rel` (a `/`-separated path inside `content/`), checked: it exists, is a `.md`
/// file or a municipality's `_site.yaml`, and its real path (links resolved) is the path asked
/// for under the project's real `content/`.
pub fn content_file(root: &Path, rel: &str) -> Result<PathBuf, Refusal> {
    let parts: Vec<&str> = rel.split('/').collect();
    // No hidden files and no theme overrides: the build reads neither as content.
    let plain = parts
        .iter()
        .all(|p| !p.is_empty() && !p.starts_with('.') && !p.contains('\\'))
        && parts.get(1) != Some(&"_theme");
    let site_yaml = parts.len() == 2 && parts[1] == "_site.yaml" && !parts[0].starts_with('_');
    if !plain || !(rel.ends_with(".md") || site_yaml) {
        return Err(Refusal::NotEditable);
    }
    let content = root.join("content");
    let path = parts.iter().fold(content.clone(), |p, part| p.join(part));
    let real_content = content.canonicalize().map_err(|_| Refusal::Missing)?;
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(_) if path.symlink_metadata().is_ok() => return Err(Refusal::NotEditable),
        Err(_) => return Err(Refusal::Missing),
    };
    let expected = parts.iter().fold(real_content, |p, part| p.join(part));
    if real != expected || !real.is_file() {
        return Err(Refusal::NotEditable);
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_server_passes() {
        let guard = Guard::new("127.0.0.1:8123".parse().unwrap()).unwrap();
        assert!(guard.same_origin(Some("127.0.0.1:8123"), None));
        assert!(guard.same_origin(Some("localhost:8123"), Some("http://localhost:8123")));
        assert!(!guard.same_origin(Some("evil.example:8123"), None));
        assert!(!guard.same_origin(Some("127.0.0.1:8124"), None));
        assert!(!guard.same_origin(None, None));
        assert!(!guard.same_origin(Some("127.0.0.1:8123"), Some("http://evil.example")));
        assert!(guard.token_matches(Some(guard.token())));
        assert!(!guard.token_matches(Some("0")));
        assert!(!guard.token_matches(None));
        let other = Guard::new("127.0.0.1:8123".parse().unwrap()).unwrap();
        assert_ne!(guard.token(), other.token());
    }

    #[test]
    fn only_content_files_are_editable() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "content/roskilde/_site.yaml",
            "content/roskilde/om.md",
            "content/roskilde/.skjult.md",
            "content/roskilde/_theme/x.md",
            "content/roskilde/logo.svg",
            "content/_shared/_site.yaml",
            "vejviser.yaml",
        ] {
            std::fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
            std::fs::write(root.join(file), "x").unwrap();
        }
        assert!(content_file(root, "roskilde/_site.yaml").is_ok());
        assert!(content_file(root, "roskilde/om.md").is_ok());
        assert_eq!(content_file(root, "roskilde/ny.md"), Err(Refusal::Missing));
        for refused in [
            "roskilde/.skjult.md",
            "roskilde/_theme/x.md",
            "roskilde/logo.svg",
            "_shared/_site.yaml",
            "../vejviser.yaml",
            "roskilde/../../vejviser.yaml",
            "roskilde//om.md",
        ] {
            assert_eq!(
                content_file(root, refused),
                Err(Refusal::NotEditable),
                "{refused}"
            );
        }
    }
}
