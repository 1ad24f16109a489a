//! `vejviser check`: every validation of `build`, without writing anything, plus findings that
//! only matter before publishing (see [`run`]).
//!
//! In: the build options. Out: all findings, sorted, errors first.

use crate::error::{normalize, Diagnostic, Error};
use crate::BuildOptions;

/// Runs every check on the project. Content problems are findings; `Err` is for usage problems.
pub fn run(opts: &BuildOptions) -> Result<Vec<Diagnostic>, Error> {
    let outcome = crate::build_in_memory(opts)?;
    let mut findings = outcome.diagnostics;
    normalize(&mut findings);
    Ok(findings)
}

/// The findings as the documented JSON array: `severity`, `code`, `file`, `line`, `column`,
/// `message`, `hint` for each.
pub fn to_json(findings: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(findings).unwrap_or_else(|_| "[]".into())
}
