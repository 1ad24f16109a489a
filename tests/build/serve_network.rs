//! `vejviser serve` on the command line and as a network server: one site at the root, an
//! unknown site refused as a usage error; request paths that would leave the site are refused and
//! the server keeps serving, it listens on loopback only unless told otherwise, and it answers
//! every request under concurrent load (threads, and the `ab` load tool). The server is started
//! as in `serve`'s tests.

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::*;
use crate::serve::*;

/// Sends `request` as raw bytes on a fresh connection (HTTP clients would normalize the path)
/// and returns the status code and body of the answer; status 0 when the server closed the
/// connection without answering.
fn raw_request(base: &str, request: &[u8]) -> (u16, String) {
    use std::io::Read;

    let address = base.strip_prefix("http://").unwrap();
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    if answer.is_empty() {
        return (0, answer);
    }
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {answer:?}"));
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn raw_get(base: &str, target: &[u8]) -> (u16, String) {
    let mut request = b"GET ".to_vec();
    request.extend_from_slice(target);
    request.extend_from_slice(b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    raw_request(base, &request)
}

#[test]
fn paths_that_leave_the_site_are_refused_and_the_server_keeps_serving() {
    let project = Project::fixture("serve/two-sites");
    // A file beside the sites that a path leaving them would reach on disk.
    project.write("hemmelig.txt", b"HEMMELIGT");
    let server = Server::start(&project, &[]);
    let (status, body) = raw_get(&server.base, b"/roskilde/om/");
    assert_eq!(status, 200);
    assert!(body.contains("Om Recoveryskolen"), "{body}");

    let targets: [&[u8]; 16] = [
        b"/roskilde/../gladsaxe/",
        b"/roskilde/../../hemmelig.txt",
        b"/../hemmelig.txt",
        b"/roskilde/./om/",
        b"/roskilde/%2e%2e/gladsaxe/",
        b"/roskilde/%2E%2E/%2E%2E/hemmelig.txt",
        b"/roskilde/..%2fgladsaxe/",
        b"/roskilde%2F..%2Fgladsaxe%2F",
        b"/roskilde/..\\gladsaxe\\",
        b"/roskilde/%5c..%5c..%5chemmelig.txt",
        b"/roskilde/%252e%252e/gladsaxe/",
        b"/roskilde/%25252e%25252e/",
        b"/roskilde/%c0%ae%c0%ae/hemmelig.txt",
        b"/roskilde/om%00/",
        // Not ASCII: a `%` before a multi-byte letter crashed the decoder.
        b"/roskilde/%a\xc3\xa9/",
        b"/roskilde/\xff\xfe/",
    ];
    for target in targets {
        let (status, body) = raw_get(&server.base, target);
        let shown = String::from_utf8_lossy(target);
        assert!(!body.contains("HEMMELIGT"), "{shown}");
        if target.is_ascii() {
            assert_eq!(status, 400, "{shown}: {body}");
        } else {
            // tiny_http drops a request line that is not ASCII without an answer.
            assert!(
                matches!(status, 0 | 400),
                "{shown} answered {status}: {body}"
            );
        }
    }
    // Garbage instead of a request does not stop the server either.
    for garbage in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"\x00\x01\x02\r\n\r\n",
    ] {
        let address = server.base.strip_prefix("http://").unwrap();
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        let _ = stream.write_all(garbage);
    }
    let (status, _) = raw_get(&server.base, b"/gladsaxe/");
    assert_eq!(
        status,
        200,
        "the server stopped answering:\n{}",
        server.log()
    );
}

/// The port the server listens on, from its base address.
fn port(server: &Server) -> u16 {
    server.base.rsplit(':').next().unwrap().parse().unwrap()
}

#[test]
fn the_server_listens_on_loopback_only() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    let port = port(&server);
    // The kernel's own table of listening sockets: `0100007F` is 127.0.0.1.
    #[cfg(target_os = "linux")]
    {
        let table = std::fs::read_to_string("/proc/net/tcp").unwrap();
        let table6 = std::fs::read_to_string("/proc/net/tcp6").unwrap_or_default();
        let listening: Vec<String> = table
            .lines()
            .chain(table6.lines())
            .skip(1)
            .filter_map(|line| {
                let fields: Vec<&str> = line.split_whitespace().collect();
                let (address, state) = (fields.get(1)?, fields.get(3)?);
                let (host, p) = address.split_once(':')?;
                (*state == "0A" && u16::from_str_radix(p, 16).ok()? == port)
                    .then(|| host.to_string())
            })
            .collect();
        assert_eq!(listening, ["0100007F"], "port {port}");
    }
    // And at another address of this machine nobody answers: 127.0.0.2, which every Linux
    // machine has and a server bound to all addresses would answer on, and the address that
    // leads outward, where there is one.
    let outward = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified());
    let other_loopback = std::net::IpAddr::from([127, 0, 0, 2]);
    for ip in std::iter::once(other_loopback).chain(outward) {
        let refused = std::net::TcpStream::connect_timeout(
            &std::net::SocketAddr::new(ip, port),
            Duration::from_secs(2),
        );
        assert!(refused.is_err(), "{ip}:{port} answered");
    }
}

/// Many clients at once, each opening connection after connection: every request is answered
/// with the page, none fails.
#[test]
fn the_server_answers_every_request_under_concurrent_load() {
    const CLIENTS: usize = 16;
    const REQUESTS: usize = 50;
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    let paths = ["/roskilde/om/", "/gladsaxe/", "/roskilde/", "/"];
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let base = server.base.clone();
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                for i in 0..REQUESTS {
                    let path = paths[(client + i) % paths.len()];
                    answers.push((path, raw_get(&base, path.as_bytes())));
                }
                answers
            })
        })
        .collect();
    let mut answered = 0;
    for client in clients {
        for (path, (status, body)) in client.join().expect("a client failed") {
            assert_eq!(status, 200, "{path}: {body}");
            // The live-reload script comes last (a page may leave out `</html>`).
            let whole = body.trim_end().ends_with("</script>") || body.contains("</html>");
            assert!(whole, "{path}: a cut answer");
            answered += 1;
        }
    }
    assert_eq!(answered, CLIENTS * REQUESTS);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{answered} requests took {:?}",
        started.elapsed()
    );
}

/// A real HTTP load tool (ApacheBench, `ab`; `scripts/test` installs Debian's apache2-utils when
/// missing) against loopback: a bounded number of requests, many at once, every one answered.
#[test]
fn a_load_tool_gets_every_request_answered() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    let url = format!("{}/roskilde/om/", server.base.trim_end_matches('/'));
    let output = Command::new("ab")
        .args(["-n", "2000", "-c", "32", "-s", "20", "-q", &url])
        .output()
        .expect("`ab` (ApacheBench) is needed: apt-get install apache2-utils, or run scripts/test as root");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{report}\n{}", stderr(&output));
    let field = |name: &str| -> String {
        report
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("no `{name}` in the report:\n{report}"))
    };
    assert_eq!(field("Complete requests:"), "2000", "{report}");
    assert_eq!(field("Failed requests:"), "0", "{report}");
    assert!(!report.contains("Non-2xx responses"), "{report}");
    // Still serving afterwards.
    server
        .get("/roskilde/om/")
        .titled("Om Recoveryskolen")
        .unwrap();
}

#[test]
fn one_site_is_served_at_the_root() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &["--site", "roskilde"]);
    assert_eq!(
        server.announced,
        format!("serving roskilde on {}/", server.base)
    );

    let front = server.get("/");
    assert_eq!(front.status, 200);
    front.titled("Roskilde Kommune").unwrap();
    server.get("/om/").titled("Om Recoveryskolen").unwrap();
    let redirect = server.get("/om");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.location.as_deref(), Some("/om/"));
    for missing in ["/roskilde/", "/roskilde/om/", "/gladsaxe/"] {
        assert_eq!(server.get(missing).status, 404, "{missing}");
    }

    project.write(
        "content/roskilde/om.md",
        page_source("Om os", "Ny tekst.").as_bytes(),
    );
    server.wait_for_page("the edited page", "/om/", |r| r.titled("Om os"));
}

#[test]
fn an_unknown_site_is_a_usage_error() {
    let project = Project::fixture("serve/two-sites");
    let mut server = Server::spawn(&project, &["--site", "koebenhavn"]);
    let status = server.wait_for_exit();
    let log = server.wait_for("the message on stderr", || {
        let log = server.log();
        if log.contains("fejl:") {
            Ok(log)
        } else {
            Err(format!("stderr is {log:?}"))
        }
    });
    assert_eq!(status.code(), Some(2), "{log}");
    assert!(log.contains("koebenhavn"), "{log}");
    assert!(
        log.contains("gladsaxe") && log.contains("roskilde"),
        "the message does not list the sites: {log}"
    );
}
