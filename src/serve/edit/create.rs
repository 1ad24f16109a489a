//! "Nyt kursus": a municipality's new course from a form. The form starts from the same
//! template as `vejviser new course` (the project's first category, place and contact, a start
//! four weeks ahead), shown with the course's fields like any course's form; "Opret kurset"
//! fills the template in, checks it with the build as a save is checked, and writes
//! `content/<site>/kurser/<file name>.md` only when that build finds no error and no file of
//! that name exists. The file name is the one given, or made from the title.

use std::collections::BTreeMap;

use super::guard::Refusal;
use super::pages::Problem;
use super::text::Words;
use super::{file_url, form_values, page, redirect, refusal, save, Editor, Html, Shown};
use crate::scaffold::{template, Scaffold};
use crate::slug::slugify;

/// The file name a new course's form starts with.
const PLACEHOLDER: &str = "nyt-kursus";

impl Editor {
    /// The form for a new course of `site` (`sent`: the form as filled in, to check and create).
    pub(super) fn new_course(
        &self,
        w: &Words,
        site: &str,
        sent: Option<BTreeMap<String, String>>,
    ) -> Html {
        let plain = !site.is_empty() && slugify(site) == site;
        if !plain
            || !self
                .root
                .join("content")
                .join(site)
                .join("_site.yaml")
                .is_file()
        {
            return refusal(w, Refusal::Missing);
        }
        let today = self
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let scaffold = |slug: &str| {
            template(
                &self.root,
                &Scaffold::Course {
                    site: site.to_string(),
                    slug: slug.to_string(),
                },
                today,
            )
        };
        let (_, start_text) = match scaffold(PLACEHOLDER) {
            Ok(t) => t,
            Err(e) => return page(500, super::pages::message(w, &e.to_string())),
        };
        let rel = format!("{site}/kurser/{PLACEHOLDER}.md");
        let action = format!("{}{site}/", super::NEW_COURSE);
        let heading = format!("{}: {site}", w.new_course);
        let Some(sent) = sent else {
            let mut values: BTreeMap<String, String> = save::file_fields(&start_text, &rel)
                .unwrap_or_default()
                .into_iter()
                .map(|f| (f.path, f.value))
                .collect();
            values.insert("title".into(), w.new_course.into());
            let shown = Shown {
                action: Some(action),
                new: Some((heading, String::new())),
                ..Shown::default()
            };
            return page(200, self.page(w, &rel, &start_text, &values, None, shown));
        };
        let mut values = form_values(&sent);
        let body = sent.get("body").map(|b| b.replace("\r\n", "\n"));
        let file_name = sent
            .get("fil")
            .map(|f| f.trim().to_string())
            .unwrap_or_default();
        let mut shown = Shown {
            action: Some(action),
            new: Some((heading, file_name.clone())),
            ..Shown::default()
        };
        if let Some(action) = sent.get("do") {
            let top = super::typed::definitions(&rel, None);
            shown.focus = super::typed::act(&mut values, action, &top);
            shown.preview = action == "preview";
            return page(
                200,
                self.page(w, &rel, &start_text, &values, body.as_deref(), shown),
            );
        }
        let title = values.get("title").cloned().unwrap_or_default();
        let slug = if file_name.is_empty() {
            slugify(&title)
        } else {
            file_name.clone()
        };
        let problem = |field: &str, message: String| Problem {
            field: Some(field.to_string()),
            message,
        };
        let created = match scaffold(&slug) {
            Err(e) => Err(vec![problem("fil", e.to_string())]),
            Ok((path, _)) if path.exists() => Err(vec![problem("fil", w.exists.to_string())]),
            Ok((path, text)) => {
                let new_rel = format!("{site}/kurser/{slug}.md");
                match save::edited(&text, &new_rel, &values, body.as_deref()) {
                    Err(field) => Err(vec![problem(&field, w.cannot_reshape.to_string())]),
                    Ok(new) => {
                        let found = save::problems(
                            &self.root,
                            &new_rel,
                            &path,
                            &new,
                            self.today,
                            &self.checking,
                            w,
                        );
                        match found {
                            Ok(p) if p.is_empty() => save::write_new(&path, &new)
                                .map(|()| new_rel)
                                .map_err(|e| vec![problem("fil", e.to_string())]),
                            Ok(p) => Err(p),
                            Err(e) => Err(vec![Problem {
                                field: None,
                                message: e.to_string(),
                            }]),
                        }
                    }
                }
            }
        };
        match created {
            Ok(new_rel) => redirect(&format!("{}?gemt", file_url(&new_rel))),
            Err(problems) => {
                shown.focus = problems.iter().find_map(|p| p.field.clone());
                shown.problems = problems;
                page(
                    422,
                    self.page(w, &rel, &start_text, &values, body.as_deref(), shown),
                )
            }
        }
    }
}
