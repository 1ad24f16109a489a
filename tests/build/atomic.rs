//! Nothing lost: a build killed at any moment leaves the output exactly as it was before or
//! exactly as the new build makes it — across all sites, never a mix — and the next build
//! cleans up after it; two builds into the same output never both write.
//!
//! These run the real binary on a generated project of a few hundred pages and kill it with
//! SIGKILL at points spread over its run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

type Tree = BTreeMap<String, Option<Vec<u8>>>;

const PAGES: usize = 100;

/// Two municipalities sharing `PAGES` pages: with the catalogue and search pages, a few hundred
/// pages in all. `version` changes every
/// page's text, and which pages exist, so the two states differ in contents and in files.
fn write_content(project: &Project, version: u32) {
    let shared = project.path("content/_shared/sider");
    let _ = std::fs::remove_dir_all(&shared);
    for i in 0..PAGES {
        if version == 2 && i == 0 {
            continue;
        }
        project.write(
            &format!("content/_shared/sider/side-{i:03}.md"),
            format!(
                "---\ntitle: Side {i}\n---\n\n## Afsnit\n\nVersion {version}. Et gruppeforløb om håb og \
                 selvbestemmelse i hverdagslivet, side {i}.\n"
            )
            .as_bytes(),
        );
    }
    if version == 2 {
        project.write(
            "content/_shared/sider/ny.md",
            b"---\ntitle: Ny side\n---\n\nKun i den nye udgave.\n",
        );
    }
}

fn project() -> Project {
    let project = Project::fixture("robustness/minimal");
    let site = std::fs::read_to_string(project.path("content/roskilde/_site.yaml")).unwrap();
    project.write(
        "content/gladsaxe/_site.yaml",
        site.replace("Roskilde", "Gladsaxe")
            .replace("roskilde", "gladsaxe")
            .as_bytes(),
    );
    project
}

fn build_command(project: &Project, out: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vejviser"));
    command
        .args(["build", "--root"])
        .arg(&project.root)
        .arg("--out")
        .arg(out)
        .args(["--today", &today().to_string()])
        // Every build here writes: the tests put outputs back by hand, behind the record of
        // what the output was built from.
        .arg("--full")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

fn build_to_end(project: &Project, out: &Path) {
    let output = build_command(project, out).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
}

/// Which known state `tree` is, or a failure that names the files that differ.
fn which(tree: &Tree, before: &Tree, after: &Tree, when: &str) -> &'static str {
    if tree == before {
        return "before";
    }
    if tree == after {
        return "after";
    }
    let differing = |other: &Tree| -> Vec<String> {
        let mut names: Vec<String> = tree
            .iter()
            .filter(|(k, v)| other.get(*k) != Some(*v))
            .map(|(k, _)| k.clone())
            .collect();
        names.extend(other.keys().filter(|k| !tree.contains_key(*k)).cloned());
        names.truncate(10);
        names
    };
    panic!(
        "killed {when}: the output is neither the old one nor the new one.\n\
         differs from the old in {:?}\nfrom the new in {:?}",
        differing(before),
        differing(after)
    );
}

fn restore(out: &Path, tree: &Tree) {
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out).unwrap();
    for (rel, bytes) in tree {
        let path = out.join(rel);
        match bytes {
            None => std::fs::create_dir_all(&path).unwrap(),
            Some(b) => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, b).unwrap()
            }
        }
    }
}

fn staging_exists(parent: &Path) -> bool {
    std::fs::read_dir(parent).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with(".public.staging-")
    })
}

/// Puts the old output back and starts a build of the new content.
fn start(project: &Project, out: &Path, before: &Tree) -> Child {
    restore(out, before);
    build_command(project, out).spawn().unwrap()
}

fn kill(mut child: Child) {
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
}

/// What is beside the output: only the output, its lock file and the record of its inputs.
fn assert_clean(parent: &Path) {
    let mut names: Vec<String> = std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.retain(|n| n != ".public.inputs");
    assert_eq!(names, [".public.lock", "public"]);
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_the_old_output_or_the_new_one() {
    let project = project();
    let work = tempfile::tempdir().unwrap();
    let parent = work.path().join("ud");
    let out = parent.join("public");

    // The two known states: the output of version 1, and what version 2 builds (into a folder
    // of its own, then compared file by file).
    write_content(&project, 1);
    build_to_end(&project, &out);
    let before = tree(&out);
    write_content(&project, 2);
    let reference = work.path().join("reference/public");
    let started = Instant::now();
    build_to_end(&project, &reference);
    let full = started.elapsed();
    let after = tree(&reference);
    assert_ne!(before, after);
    assert!(
        listing(&before).len() > 2 * PAGES,
        "{:?}",
        listing(&before).len()
    );

    // Fixed delays, then points spread over the run up to its end.
    let mut delays: Vec<Duration> = [10, 50, 100, 200]
        .into_iter()
        .map(Duration::from_millis)
        .collect();
    delays.extend([5, 9].map(|tenths| full * tenths / 10));
    let mut seen = Vec::new();
    for delay in &delays {
        let child = start(&project, &out, &before);
        std::thread::sleep(*delay);
        kill(child);
        let when = format!("after {delay:?}");
        seen.push(which(&tree(&out), &before, &after, &when));
    }
    // In the middle of writing: as soon as the staging folder appears, and shortly after.
    let deadline = || Instant::now() + full * 5 + Duration::from_secs(20);
    for extra in [0, 10] {
        let child = start(&project, &out, &before);
        let until = deadline();
        while !staging_exists(&parent) && Instant::now() < until {
            std::hint::spin_loop();
        }
        std::thread::sleep(Duration::from_millis(extra));
        kill(child);
        let when = format!("{extra} ms into writing");
        seen.push(which(&tree(&out), &before, &after, &when));
    }
    // At the first sign that the output changes (a page of the old version gone, or one of the
    // new version there): a swap that takes more than one step is caught in the middle.
    let gone = out.join("roskilde/sider/side-000/index.html");
    let new = out.join("gladsaxe/sider/ny/index.html");
    for _ in 0..2 {
        let child = start(&project, &out, &before);
        let until = deadline();
        while gone.exists() && !new.exists() && Instant::now() < until {
            std::hint::spin_loop();
        }
        kill(child);
        seen.push(which(&tree(&out), &before, &after, "as the output changed"));
    }
    eprintln!("a full build took {full:?}; states after each kill: {seen:?}");
    assert!(seen.contains(&"before"), "{seen:?}");
    assert!(seen.contains(&"after"), "{seen:?}");

    // The next build finishes, and cleans what the killed ones left.
    build_to_end(&project, &out);
    assert_eq!(tree(&out), after);
    assert_clean(&parent);
}

/// The process id the lock file names: a build writes its own once it holds the lock. (The
/// test only reads the file: trying the lock itself could make the build it waits for fail.)
fn holder(lock: &Path) -> Option<u32> {
    std::fs::read_to_string(lock).ok()?.trim().parse().ok()
}

#[test]
fn a_second_build_into_the_same_output_is_refused_while_the_first_runs() {
    let project = project();
    write_content(&project, 2);
    let work = tempfile::tempdir().unwrap();
    let parent = work.path().join("ud");
    let out = parent.join("public");
    let lock: PathBuf = parent.join(".public.lock");

    let first = build_command(&project, &out).spawn().unwrap();
    let first_pid = first.id();
    let deadline = Instant::now() + Duration::from_secs(30);
    while holder(&lock) != Some(first_pid) {
        assert!(
            Instant::now() < deadline,
            "the first build never took the lock"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let second = build_command(&project, &out).output().unwrap();
    let first_output = first.wait_with_output().unwrap();
    assert!(first_output.status.success(), "{}", stderr(&first_output));

    assert_eq!(second.status.code(), Some(1), "{}", stderr(&second));
    let message = stderr(&second);
    // In the project's language (Danish: it names none).
    assert!(
        message.starts_with("fejl: Et andet build skriver i"),
        "{message}"
    );
    assert!(message.contains(&lock.display().to_string()), "{message}");
    assert!(
        message.contains(&format!("proces {first_pid}")),
        "{message}"
    );

    // The output is the first build's, whole.
    let reference = work.path().join("reference/public");
    build_to_end(&project, &reference);
    assert_eq!(tree(&out), tree(&reference));
    assert_clean(&parent);
}

#[test]
fn builds_started_at_once_leave_one_whole_output() {
    let project = project();
    write_content(&project, 2);
    let work = tempfile::tempdir().unwrap();
    let parent = work.path().join("ud");
    let out = parent.join("public");

    let children: Vec<Child> = (0..3)
        .map(|_| build_command(&project, &out).spawn().unwrap())
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let succeeded = outputs.iter().filter(|o| o.status.success()).count();
    assert!(succeeded >= 1);
    for o in outputs.iter().filter(|o| !o.status.success()) {
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(o).contains("Et andet build skriver i"),
            "{}",
            stderr(o)
        );
    }
    let reference = work.path().join("reference/public");
    build_to_end(&project, &reference);
    assert_eq!(tree(&out), tree(&reference));
    assert_clean(&parent);
}
