//! Manuals as the link stage sees them: the pages under `manualer/<name>/` grouped into a
//! manual, put in reading order (by file name, or by the manual's `SUMMARY.md`), and their
//! session plans checked (numbering, phases, the exercise sheets they name).

use super::*;

/// Groups the pages under `manualer/<name>/` into manuals and resolves sessions' exercises.
pub(super) fn link_manuals(
    pages: &mut [SitePage],
    by_rel: &HashMap<String, usize>,
    summaries: &BTreeMap<String, (PathBuf, Arc<str>)>,
    left_out: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Manual> {
    let mut manuals: Vec<Manual> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut fronts: Vec<(String, usize)> = by_rel
        .iter()
        .filter_map(|(rel, &i)| {
            let name = rel.strip_prefix("manualer/")?.strip_suffix("/_index.md")?;
            (!name.contains('/')).then(|| (name.to_string(), i))
        })
        .collect();
    fronts.sort();
    for (name, front) in fronts {
        if pages[front].page.kind != Kind::Manual {
            diags.push(
                Diagnostic::error(
                    "manual.kind",
                    &pages[front].page.file,
                    messages::manual_kind(),
                )
                .at(&pages[front].page.text, 1, 1)
                .hint(messages::manual_kind_hint()),
            );
        }
        by_name.insert(name.clone(), manuals.len());
        manuals.push(Manual {
            name,
            front,
            ..Manual::default()
        });
    }
    let mut reported_orphans = HashSet::new();
    for (i, sp) in pages.iter_mut().enumerate() {
        let rel = sp.page.rel.clone();
        let Some(rest) = rel.strip_prefix("manualer/") else {
            continue;
        };
        let Some((name, inner)) = rest.split_once('/') else {
            continue;
        };
        let Some(&m) = by_name.get(name) else {
            if reported_orphans.insert(name.to_string()) {
                diags.push(
                    Diagnostic::error(
                        "manual.missing-index",
                        &sp.page.file,
                        messages::manual_missing_index(name),
                    )
                    .hint(messages::manual_missing_index_hint(name)),
                );
            }
            continue;
        };
        sp.manual = Some(m);
        let depth = inner.matches('/').count();
        match sp.page.kind {
            Kind::Chapter | Kind::Page if inner != "_index.md" => {
                manuals[m].chapters.push((i, depth))
            }
            Kind::Session => manuals[m].sessions.push(i),
            Kind::Exercise => manuals[m].exercises.push(i),
            _ => {}
        }
    }

    for manual in &mut manuals {
        let summary_rel = format!("manualer/{}/SUMMARY.md", manual.name);
        match summaries.get(&summary_rel) {
            Some((file, text)) => order_by_summary(
                manual,
                pages,
                by_rel,
                &summary_rel,
                file,
                text,
                left_out,
                diags,
            ),
            None => order_by_files(manual, pages),
        }
        let number = |i: usize| match &pages[i].page.details {
            Details::Session(s) => s.number,
            _ => 0,
        };
        manual
            .sessions
            .sort_by_key(|&i| (number(i), pages[i].page.rel.clone()));
        for pair in manual.sessions.windows(2) {
            if number(pair[0]) == number(pair[1]) {
                let p = &pages[pair[1]].page;
                diags.push(
                    p.diagnostic_at(
                        &["number"],
                        None,
                        Diagnostic::error(
                            "session.duplicate-number",
                            &p.file,
                            messages::session_number_twice(
                                number(pair[1]),
                                pages[pair[0]].page.file.display(),
                            ),
                        )
                        .hint(messages::session_number_twice_hint()),
                    ),
                );
            }
        }
        manual.exercises.sort_by_key(|&i| {
            let p = &pages[i].page;
            (p.common.order.unwrap_or(i64::MAX), p.common.title.clone())
        });
        // Exercise sheets are referred to by file name (without `.md`), or by their `slug`.
        let mut by_slug: HashMap<String, usize> = HashMap::new();
        for &e in &manual.exercises {
            let p = &pages[e].page;
            let stem = p
                .rel
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".md")
                .to_string();
            by_slug.insert(strip_order_prefix(&stem).1.to_string(), e);
            by_slug.insert(stem, e);
            if let Some(s) = &p.common.slug {
                by_slug.insert(s.clone(), e);
            }
        }
        for &s in &manual.sessions {
            let page = pages[s].page.clone();
            let Details::Session(plan) = &page.details else {
                continue;
            };
            let mut resolved = Vec::new();
            for name in &plan.exercises {
                match by_slug.get(name) {
                    // A sheet named twice is still one sheet.
                    Some(&e) if resolved.contains(&e) => {}
                    Some(&e) => {
                        resolved.push(e);
                        manual.used_in.entry(e).or_default().push(s);
                    }
                    None => {
                        let mut known: Vec<&str> = by_slug.keys().map(String::as_str).collect();
                        known.sort();
                        diags.push(
                            page.diagnostic_at(
                                &["exercises"],
                                Some(name),
                                Diagnostic::error(
                                    "session.unknown-exercise",
                                    &page.file,
                                    messages::unknown_exercise(name),
                                )
                                .hint(suggest(
                                    name,
                                    &known,
                                    messages::known_exercises,
                                )),
                            ),
                        );
                    }
                }
            }
            manual.session_exercises.insert(s, resolved);
        }
        validate_sessions(manual, pages, diags);
        manual.index = ContentsIndex::of(&manual.contents, &manual.chapters);
    }
    manuals
}

/// Orders chapters without a SUMMARY.md: by `order`, then the `01-` file-name prefix, then title.
fn order_by_files(manual: &mut Manual, pages: &[SitePage]) {
    let key = |i: usize| {
        let p = &pages[i].page;
        let file = p.rel.rsplit('/').next().unwrap_or("");
        let prefix = strip_order_prefix(file.trim_end_matches(".md"))
            .0
            .map(i64::from);
        (
            p.common.order.or(prefix).unwrap_or(i64::MAX),
            p.common.title.clone(),
            p.rel.clone(),
        )
    };
    manual.chapters.sort_by_key(|(i, _)| key(*i));
    manual.contents = manual
        .chapters
        .iter()
        .map(|&(page, depth)| TocEntry::Chapter {
            page,
            depth,
            number: None,
        })
        .collect();
}

/// Orders chapters as the manual's SUMMARY.md lists them. Every chapter file must be listed, and
/// every listed file must exist.
#[allow(clippy::too_many_arguments)]
fn order_by_summary(
    manual: &mut Manual,
    pages: &[SitePage],
    by_rel: &HashMap<String, usize>,
    summary_rel: &str,
    file: &std::path::Path,
    text: &Arc<str>,
    left_out: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let (lines, problems) = crate::summary::parse(text);
    for p in problems {
        diags.push(
            Diagnostic::error("summary.syntax", file, p.message)
                .at_offset(text, p.offset, p.len)
                .hint(p.hint),
        );
    }
    let manual_dir = summary_rel.trim_end_matches("SUMMARY.md");
    let mut listed = HashSet::new();
    let mut contents = Vec::new();
    let mut order = Vec::new();
    for line in lines {
        match line.entry {
            crate::summary::Entry::Part { title } => contents.push(TocEntry::Part { title }),
            crate::summary::Entry::Separator => contents.push(TocEntry::Separator),
            crate::summary::Entry::Chapter {
                title,
                path: None,
                depth,
                number,
            } => contents.push(TocEntry::Draft {
                title,
                depth,
                number,
            }),
            crate::summary::Entry::Chapter {
                path: Some(path),
                depth,
                number,
                ..
            } => {
                let target =
                    crate::slug::join_rel(summary_rel, path.split('#').next().unwrap_or(&path));
                let found = target
                    .as_ref()
                    .filter(|t| t.starts_with(manual_dir))
                    .and_then(|t| by_rel.get(t));
                match found {
                    Some(&page) if matches!(pages[page].page.kind, Kind::Chapter | Kind::Page) => {
                        if listed.insert(page) {
                            contents.push(TocEntry::Chapter {
                                page,
                                depth,
                                number,
                            });
                            order.push((page, depth));
                        }
                    }
                    Some(_) => diags.push(
                        Diagnostic::error(
                            "summary.not-a-chapter",
                            file,
                            messages::summary_not_a_chapter(&path),
                        )
                        .at_offset(text, line.offset, line.len)
                        .hint(messages::summary_not_a_chapter_hint()),
                    ),
                    None if target.as_ref().is_some_and(|t| left_out.contains(t)) => {}
                    None => diags.push(
                        Diagnostic::error(
                            "summary.missing-file",
                            file,
                            messages::summary_missing_file(&path, manual_dir),
                        )
                        .at_offset(text, line.offset, line.len)
                        .hint(messages::summary_missing_file_hint()),
                    ),
                }
            }
        }
    }
    for &(page, _) in &manual.chapters {
        if !listed.contains(&page) {
            let p = &pages[page].page;
            let rel = p.rel.strip_prefix(manual_dir).unwrap_or(&p.rel);
            // mdBook builds such a file as no chapter; here it is still a page, reached by links.
            diags.push(
                Diagnostic::warning(
                    "summary.unlisted-chapter",
                    &p.file,
                    messages::chapter_not_listed(file.display()),
                )
                .at(&p.text, 1, 1)
                .hint(messages::chapter_not_listed_hint(&p.common.title, rel)),
            );
        }
    }
    manual.chapters = order;
    manual.contents = contents;
}

/// Checks each session plan against its manual: agenda against duration, phase numbers,
/// numbering gaps; and warns about exercise sheets no session uses.
fn validate_sessions(manual: &Manual, pages: &[SitePage], diags: &mut Vec<Diagnostic>) {
    let front = &pages[manual.front].page;
    let phases: Vec<u32> = match &front.details {
        Details::Manual(m) => m.phases.iter().map(|p| p.number).collect(),
        _ => Vec::new(),
    };
    let mut previous: Option<u32> = None;
    for &s in &manual.sessions {
        let page = &pages[s].page;
        let Details::Session(plan) = &page.details else {
            continue;
        };
        let total: u32 = plan.agenda.iter().map(|a| a.minutes).sum();
        if let Some(duration) = plan.duration {
            if !plan.agenda.is_empty() && total > duration {
                diags.push(
                    page.diagnostic_at(
                        &["agenda"],
                        None,
                        Diagnostic::error(
                            "session.agenda-too-long",
                            &page.file,
                            messages::agenda_too_long(total, duration),
                        )
                        .hint(messages::agenda_too_long_hint(total - duration, total)),
                    ),
                );
            } else if !plan.agenda.is_empty() && total < duration {
                diags.push(
                    page.diagnostic_at(
                        &["agenda"],
                        None,
                        Diagnostic::warning(
                            "session.agenda-too-short",
                            &page.file,
                            messages::agenda_too_short(total, duration),
                        )
                        .hint(messages::agenda_too_short_hint()),
                    ),
                );
            }
        }
        if let Some(phase) = plan.phase {
            if !phases.is_empty() && !phases.contains(&phase) {
                let list = phases
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                diags.push(
                    page.diagnostic_at(
                        &["phase"],
                        None,
                        Diagnostic::error(
                            "session.unknown-phase",
                            &page.file,
                            messages::unknown_phase(phase),
                        )
                        .hint(messages::known_phases(front.file.display(), list)),
                    ),
                );
            }
        }
        if let Some(prev) = previous {
            if plan.number > prev + 1 {
                diags.push(
                    page.diagnostic_at(
                        &["number"],
                        None,
                        Diagnostic::warning(
                            "session.numbering-gap",
                            &page.file,
                            messages::numbering_gap(prev, plan.number),
                        )
                        .hint(messages::numbering_gap_hint()),
                    ),
                );
            }
        }
        previous = Some(plan.number);
    }
    for &e in &manual.exercises {
        if !manual.used_in.contains_key(&e) {
            let p = &pages[e].page;
            diags.push(
                Diagnostic::warning("exercise.unused", &p.file, messages::exercise_unused())
                    .at(&p.text, 1, 1)
                    .hint(messages::exercise_unused_hint()),
            );
        }
    }
}
