//! Publishing: `build --compress` writes a `.br` and a `.gz` copy beside each text file, and
//! the web-server configuration in `docs/servers/` serves a built site as docs/publishing.md
//! says. The servers are real ones, started on a free local port on a site built to a
//! temporary folder, with the repository's configuration file included as it is, and asked
//! over HTTP: nginx (Debian's `nginx` with `libnginx-mod-http-brotli-static`), Apache
//! (`apache2`) and Caddy (`caddy`), which scripts/test installs. Without them these tests fail;
//! they never skip.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use vejviser::BuildOutcome;

use crate::common::*;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

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

/// How long a server may take to start before the test fails.
const PATIENCE: Duration = Duration::from_secs(20);

/// A web server started by a test, stopped when dropped, also when the test fails.
struct WebServer {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    base: String,
    /// What the server wrote about itself (its output and its error log), for failure messages.
    log: PathBuf,
    http: ureq::Agent,
}

impl Drop for WebServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A reply: status, headers (names in lower case) and the body as sent.
struct Reply {
    status: u16,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }
}

impl WebServer {
    /// Starts a server on a free port and waits until it accepts connections: writes
    /// `config(port)` to `<dir>/<file>`, then runs `command(that file)` with its output going to
    /// `<dir>/server.log` (where the server should write its error log too). A port taken by
    /// someone else between choosing and binding it is tried again.
    fn start(
        dir: &Path,
        file: &str,
        config: impl Fn(u16) -> String,
        command: impl Fn(&Path) -> Command,
    ) -> WebServer {
        let conf = dir.join(file);
        let log = dir.join("server.log");
        for _ in 0..5 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("no free local port")
                .port();
            std::fs::write(&conf, config(port)).unwrap();
            let output = std::fs::File::create(&log).unwrap();
            let mut command = command(&conf);
            let child = command
                .stdin(Stdio::null())
                .stdout(output.try_clone().unwrap())
                .stderr(output)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
            let mut server = WebServer {
                child,
                base: format!("http://127.0.0.1:{port}"),
                log: log.clone(),
                http: crate::serve::http_agent(),
            };
            let started = Instant::now();
            loop {
                if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return server;
                }
                if let Ok(Some(status)) = server.child.try_wait() {
                    let log = server.log();
                    if log.to_lowercase().contains("address already in use") {
                        break;
                    }
                    panic!("the server stopped at start ({status}):\n{log}");
                }
                assert!(
                    started.elapsed() < PATIENCE,
                    "the server did not listen within {PATIENCE:?}:\n{}",
                    server.log()
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        panic!("no free port found in five tries")
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// GETs `path` with `Accept-Encoding: <encoding>` (none when empty).
    fn get(&self, path: &str, encoding: &str) -> Reply {
        let url = format!("{}{path}", self.base);
        let mut request = self.http.get(&url);
        if !encoding.is_empty() {
            request = request.header("Accept-Encoding", encoding);
        }
        let mut response = request
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}\n{}", self.log()));
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = value.to_str().unwrap_or_default().to_string();
                (name.as_str().to_lowercase(), value)
            })
            .collect();
        Reply {
            status: response.status().as_u16(),
            headers,
            body: response.body_mut().read_to_vec().unwrap(),
        }
    }
}

/// `name` on the PATH or in /usr/sbin; fails naming the Debian package that has it.
fn program(name: &str, package: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin")])
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "`{name}` is missing: install Debian's {package} \
                 (scripts/test does, when run as root)"
            )
        })
}

/// The first of `paths` that exists; fails naming the Debian package that has it.
fn installed(paths: &[&str], package: &str) -> PathBuf {
    paths
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{} is missing: install Debian's {package} (scripts/test does, when run as root)",
                paths[0]
            )
        })
}

/// Builds the fixture with `--compress`; the project (kept alive by the caller) and the
/// site's folder.
fn built_site() -> (Project, PathBuf) {
    let project = project();
    build_to_disk(&project, true);
    let site = project.path("public/roskilde");
    (project, site)
}

/// The repository's configuration file for a server.
fn documented(file: &str) -> String {
    Path::new(REPO)
        .join("docs/servers")
        .join(file)
        .display()
        .to_string()
}

/// nginx from a temporary prefix, with a configuration that includes
/// `docs/servers/nginx.conf` in its server block. One process (`master_process off`), run as
/// whoever runs the test: as root, nginx would otherwise hand requests to worker processes of
/// an unprivileged user, who cannot read the test's private temporary folder. Every path
/// nginx writes to is in the prefix, so it needs no write access anywhere else.
fn nginx(site: &Path, prefix: &Path) -> WebServer {
    let nginx = program("nginx", "nginx");
    let brotli = installed(
        &[
            "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
            "/usr/share/nginx/modules/ngx_http_brotli_static_module.so",
        ],
        "libnginx-mod-http-brotli-static",
    );
    let mime = installed(&["/etc/nginx/mime.types"], "nginx");
    let p = prefix.display();
    let temp: String = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        .iter()
        .map(|t| format!("    {t}_temp_path {p}/{t};\n"))
        .collect();
    let config = |port| {
        format!(
            "load_module {brotli};\n\
             master_process off;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n\
             \x20   include {mime};\n\
             \x20   default_type application/octet-stream;\n\
             \x20   access_log off;\n\
             {temp}\
             \x20   server {{\n\
             \x20       listen 127.0.0.1:{port};\n\
             \x20       root {site};\n\
             \x20       include {snippet};\n\
             \x20   }}\n\
             }}\n",
            brotli = brotli.display(),
            mime = mime.display(),
            site = site.display(),
            snippet = documented("nginx.conf"),
        )
    };
    WebServer::start(prefix, "nginx.conf", config, |conf| {
        let mut command = Command::new(&nginx);
        command
            .arg("-p")
            .arg(prefix)
            .arg("-e")
            .arg(prefix.join("server.log"))
            .arg("-c")
            .arg(conf)
            .arg("-g")
            .arg(format!(
                "daemon off; pid {p}/nginx.pid; error_log {p}/server.log;"
            ));
        command
    })
}

/// Apache httpd in one process (`-X`) with only the modules `docs/servers/apache.conf` asks
/// for, and that file included in the site folder's `<Directory>` block or, with `htaccess`,
/// copied into the site folder as `.htaccess` with the overrides it needs allowed. Run as root,
/// Apache serves as `nobody`, so the built site's temporary folder is opened to others first
/// (it holds nothing but the copied fixture and its output).
fn apache(site: &Path, built: &Path, dir: &Path, htaccess: bool) -> WebServer {
    let apache = program("apache2", "apache2");
    let modules = [
        "mpm_event",
        "authz_core",
        "dir",
        "mime",
        "rewrite",
        "headers",
    ];
    let load: String = modules
        .iter()
        .map(|m| {
            let file = format!("/usr/lib/apache2/modules/mod_{m}.so");
            format!(
                "LoadModule {m}_module {}\n",
                installed(&[&file], "apache2").display()
            )
        })
        .collect();
    let mime = installed(&["/etc/mime.types"], "media-types");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for folder in [built, dir] {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let directory = if htaccess {
        std::fs::copy(documented("apache.conf"), site.join(".htaccess")).unwrap();
        "AllowOverride FileInfo Indexes".to_string()
    } else {
        format!(
            "AllowOverride None\n    Include \"{}\"",
            documented("apache.conf")
        )
    };
    let config = |port| {
        format!(
            "ServerRoot \"{d}\"\n\
             DefaultRuntimeDir \"{d}\"\n\
             PidFile \"{d}/httpd.pid\"\n\
             ErrorLog \"{d}/server.log\"\n\
             Listen 127.0.0.1:{port}\n\
             ServerName 127.0.0.1\n\
             {load}\
             User nobody\n\
             Group nogroup\n\
             TypesConfig {mime}\n\
             DocumentRoot \"{site}\"\n\
             <Directory \"{site}\">\n\
             \x20   Require all granted\n\
             \x20   {directory}\n\
             </Directory>\n",
            d = dir.display(),
            mime = mime.display(),
            site = site.display(),
        )
    };
    WebServer::start(dir, "httpd.conf", config, |conf| {
        let mut command = Command::new(&apache);
        command.arg("-X").arg("-d").arg(dir).arg("-f").arg(conf);
        command
    })
}

/// Caddy with a Caddyfile that imports `docs/servers/Caddyfile` and uses its `vejviser`
/// snippet in a plain-HTTP site on the free port. Its state goes to the temporary folder
/// (`XDG_*`), and the admin endpoint is off, so nothing outside it is touched.
fn caddy(site: &Path, dir: &Path) -> WebServer {
    let caddy = program("caddy", "caddy");
    let config = |port| {
        format!(
            "{{\n\tadmin off\n\tauto_https off\n}}\n\n\
             import {snippet}\n\n\
             http://127.0.0.1:{port} {{\n\troot * {site}\n\timport vejviser\n}}\n",
            snippet = documented("Caddyfile"),
            site = site.display(),
        )
    };
    WebServer::start(dir, "Caddyfile", config, |conf| {
        let mut command = Command::new(&caddy);
        command
            .args(["run", "--adapter", "caddyfile", "--config"])
            .arg(conf)
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("HOME", dir);
        command
    })
}

/// What every documented server configuration must do with a site built with `--compress`.
fn assert_served_as_documented(server: &WebServer, site: &Path) {
    let files = tree(site);
    let file = |path: &str| files[path].clone().unwrap();
    let find = |prefix: &str, suffix: &str| -> String {
        files
            .keys()
            .find(|p| p.starts_with(prefix) && p.ends_with(suffix) && !is_copy(p))
            .unwrap_or_else(|| panic!("no {prefix}…{suffix} in the site"))
            .clone()
    };
    let log = || server.log();

    // A page: precompressed copies when asked for, the file itself when not.
    let page = file("index.html");
    for path in ["/", "/index.html"] {
        let plain = server.get(path, "");
        assert_eq!(plain.status, 200, "{path}\n{}", log());
        assert_eq!(plain.header("content-encoding"), "", "{path}");
        assert!(plain.body == page, "{path} is not index.html");
        let gz = server.get(path, "gzip");
        assert_eq!(gz.header("content-encoding"), "gzip", "{path}\n{}", log());
        assert!(gunzip(&gz.body) == page, "{path} gzipped is not index.html");
        assert!(gz.header("vary").contains("Accept-Encoding"), "{path}");
        let br = server.get(path, "gzip, deflate, br");
        assert_eq!(br.header("content-encoding"), "br", "{path}\n{}", log());
        assert!(
            unbrotli(&br.body) == page,
            "{path} in Brotli is not index.html"
        );
        for reply in [&plain, &gz, &br] {
            assert!(
                reply.header("content-type").starts_with("text/html"),
                "{path}: {}",
                reply.header("content-type")
            );
            assert_eq!(reply.header("cache-control"), "no-cache", "{path}");
            let policy = reply.header("content-security-policy");
            assert!(
                policy.starts_with(vejviser::render::CONTENT_SECURITY_POLICY),
                "{path}: {policy:?}"
            );
            assert!(
                policy.ends_with("; frame-ancestors 'none'"),
                "{path}: {policy:?}"
            );
        }
    }
    let course = server.get("/kurser/", "br");
    assert_eq!(course.status, 200);
    assert!(unbrotli(&course.body) == file("kurser/index.html"));

    // Content-hashed files: kept a year, compressed too.
    for path in [
        find("static/style.", ".css"),
        find("sog/index/", "/meta.js"),
    ] {
        let reply = server.get(&format!("/{path}"), "gzip");
        assert_eq!(reply.status, 200, "{path}");
        let cache = reply.header("cache-control");
        assert!(
            cache.contains("max-age=31536000") && cache.contains("immutable"),
            "{path}: {cache:?}"
        );
        assert_eq!(reply.header("content-encoding"), "gzip", "{path}");
        assert!(gunzip(&reply.body) == file(&path), "{path}");
    }
    let css = server.get(&format!("/{}", find("static/style.", ".css")), "");
    assert!(css.header("content-type").starts_with("text/css"));

    // Calendars and open data with their types, not cached without asking.
    let calendar = find("kurser/", ".ics");
    for encoding in ["", "gzip", "br"] {
        let reply = server.get(&format!("/{calendar}"), encoding);
        assert_eq!(reply.status, 200, "{calendar}");
        let kind = reply.header("content-type").to_lowercase().replace(' ', "");
        assert_eq!(
            kind, "text/calendar;charset=utf-8",
            "{calendar} ({encoding})"
        );
        assert_eq!(reply.header("cache-control"), "no-cache", "{calendar}");
    }
    let json = server.get("/kurser.json", "gzip");
    assert!(
        json.header("content-type").starts_with("application/json"),
        "{}",
        json.header("content-type")
    );
    assert!(gunzip(&json.body) == file("kurser.json"));

    // An image has no copies, so it is sent as it is.
    let icon = find("static/", ".png");
    let reply = server.get(&format!("/{icon}"), "gzip, br");
    assert_eq!(reply.header("content-type"), "image/png", "{icon}");
    assert_eq!(reply.header("content-encoding"), "", "{icon}");
    assert!(reply.body == file(&icon), "{icon}");
}

#[test]
fn nginx_serves_the_built_site_as_documented() {
    let (_project, site) = built_site();
    let prefix = tempfile::tempdir().unwrap();
    let server = nginx(&site, prefix.path());
    assert_served_as_documented(&server, &site);
    let log = server.log();
    assert!(!log.contains("[warn]"), "nginx warned:\n{log}");
}

#[test]
fn apache_serves_the_built_site_as_documented() {
    for htaccess in [false, true] {
        let (project, site) = built_site();
        let dir = tempfile::tempdir().unwrap();
        let built = project.root.parent().unwrap();
        let server = apache(&site, built, dir.path(), htaccess);
        assert_served_as_documented(&server, &site);
        let log = server.log();
        assert!(!log.contains("[error]") && !log.contains(":warn]"), "{log}");
    }
}

#[test]
fn caddy_serves_the_built_site_as_documented() {
    let (_project, site) = built_site();
    let dir = tempfile::tempdir().unwrap();
    let server = caddy(&site, dir.path());
    assert_served_as_documented(&server, &site);
}
