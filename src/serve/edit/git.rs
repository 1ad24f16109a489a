//! Git without a terminal: which files under `content/` changed since the last commit, their
//! diffs, and a commit of just those files with the user's message. Runs the `git` program the
//! machine has (its configuration decides the author); nothing is ever pushed.

use std::path::Path;
use std::process::Command;

/// One changed file under `content/`.
#[derive(Debug, Clone)]
pub struct Change {
    /// Relative to the project folder: `content/roskilde/om.md`.
    pub path: String,
    /// Not in the history yet.
    pub new: bool,
    /// A unified diff (for a new file: every line added).
    pub diff: String,
}

/// Whether the project can use git.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Ready,
    /// No `git` program.
    NoGit,
    /// The project folder is not inside a repository.
    NoRepository,
}

fn git(root: &Path, args: &[&str]) -> std::io::Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "core.quotepath=off", "-c", "color.ui=false"])
        .args(args)
        .output()
}

fn stdout_of(root: &Path, args: &[&str]) -> Result<String, String> {
    let out = git(root, args).map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn availability(root: &Path) -> Availability {
    match git(root, &["rev-parse", "--is-inside-work-tree"]) {
        Err(_) => Availability::NoGit,
        Ok(out) if out.status.success() => Availability::Ready,
        Ok(_) => Availability::NoRepository,
    }
}

/// Every changed, new or removed file under `content/`, sorted by path.
pub fn changes(root: &Path) -> Result<Vec<Change>, String> {
    // A repository without commits yet has no HEAD: everything in it is new.
    let has_head = git(root, &["rev-parse", "--verify", "--quiet", "HEAD"])
        .map(|o| o.status.success())
        .unwrap_or(false);
    let mut out = Vec::new();
    if has_head {
        let names = stdout_of(
            root,
            &[
                "diff",
                "--name-only",
                "--relative",
                "-z",
                "HEAD",
                "--",
                "content",
            ],
        )?;
        for path in names.split('\0').filter(|p| !p.is_empty()) {
            let diff = stdout_of(
                root,
                &["diff", "--no-ext-diff", "--relative", "HEAD", "--", path],
            )?;
            out.push(Change {
                path: path.to_string(),
                new: false,
                diff: without_header(&diff),
            });
        }
    }
    let mut others = vec!["ls-files", "-z", "--exclude-standard", "--others"];
    if !has_head {
        others.push("--cached");
    }
    others.extend(["--", "content"]);
    for path in stdout_of(root, &others)?
        .split('\0')
        .filter(|p| !p.is_empty())
    {
        let text = std::fs::read(root.join(path)).unwrap_or_default();
        let diff = String::from_utf8_lossy(&text)
            .lines()
            .map(|l| format!("+{l}\n"))
            .collect();
        out.push(Change {
            path: path.to_string(),
            new: true,
            diff,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    Ok(out)
}

/// A diff from its first hunk on: the `diff --git`, `index`, `---` and `+++` lines name the
/// file, which the page shows as a heading.
fn without_header(diff: &str) -> String {
    match diff.find("\n@@") {
        Some(at) => diff[at + 1..].to_string(),
        None if diff.starts_with("@@") => diff.to_string(),
        None => String::new(),
    }
}

/// Commits every change under `content/` (and nothing else) with `message`.
pub fn commit(root: &Path, message: &str) -> Result<(), String> {
    stdout_of(root, &["add", "--all", "--", "content"])?;
    stdout_of(root, &["commit", "--quiet", "-m", message, "--", "content"]).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_of_a_diff_is_left_out() {
        let diff = "diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
        assert_eq!(without_header(diff), "@@ -1 +1 @@\n-a\n+b\n");
    }
}
