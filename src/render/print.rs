//! A manual on one page, for printing: its front page, every chapter, session plan and
//! exercise sheet in order, each part an anchor that the links inside the page point to.

use super::*;

impl Renderer<'_> {
    /// A manual on one page for printing: its front page, every chapter, session plan and
    /// exercise sheet in order, each part an anchor that links inside the page point to.
    pub(super) fn render_manual_print(
        &self,
        m: usize,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> Option<RenderedPage> {
        let manual = &self.site.manuals[m];
        let front = self.site.page(manual.front);
        let path = format!("{}print/", front.path);
        let mut order = vec![manual.front];
        order.extend(manual.chapters.iter().map(|(i, _)| *i));
        order.extend(&manual.sessions);
        order.extend(&manual.exercises);
        let anchors: HashMap<usize, String> = order
            .iter()
            .map(|&i| {
                let rest = self
                    .site
                    .page(i)
                    .path
                    .strip_prefix(&front.path)
                    .unwrap_or("")
                    .trim_end_matches('/')
                    .replace('/', "-");
                (
                    i,
                    if rest.is_empty() {
                        "manual".to_string()
                    } else {
                        format!("del-{rest}")
                    },
                )
            })
            .collect();
        let mut parts = Vec::new();
        for &i in &order {
            let sp = self.site.page(i);
            // Links resolve from the part's own file, but relative to the print page's folder.
            let placed = SitePage {
                page: sp.page.clone(),
                path: path.clone(),
                manual: Some(m),
            };
            let anchor = &anchors[&i];
            let embed = markdown::Embed {
                id_prefix: anchor,
                shift: 1,
            };
            let r = self.body_in(&placed, &sp.page, Some((&anchors, embed)), diags, assets);
            let anchor_of = |list: &[usize]| -> Vec<Value> {
                list.iter().map(|&e| json!({"title": self.site.page(e).page.common.title, "anchor": anchors.get(&e)})).collect()
            };
            let details = match &sp.page.details {
                Details::Session(_) => match self.session_view(i, m) {
                    Some(mut v) => {
                        v.exercises = anchor_of(
                            manual
                                .session_exercises
                                .get(&i)
                                .map(Vec::as_slice)
                                .unwrap_or(&[]),
                        );
                        json!(v)
                    }
                    None => Value::Null,
                },
                Details::Exercise(_) => {
                    let mut v = self.exercise_view(i, m);
                    v["used_in"] = json!(anchor_of(
                        manual.used_in.get(&i).map(Vec::as_slice).unwrap_or(&[])
                    ));
                    v
                }
                _ => Value::Null,
            };
            parts.push(PrintPart {
                kind: sp.page.kind.name(),
                anchor,
                title: &sp.page.common.title,
                content: r.html,
                starts_with_h1: r.starts_with_h1,
                details,
            });
        }
        let empty = Value::Object(Default::default());
        let view = PageView {
            kind: "print",
            title: &front.page.common.title,
            description: describe::of_page(&front.page),
            path: &path,
            permalink: format!("{}{}", self.settings.base_url, path),
            content: String::new(),
            starts_with_h1: false,
            toc: Vec::new(),
            updated: None,
            breadcrumbs: self.breadcrumbs(&path),
            extra: &empty,
        };
        let mut ctx = self.context(&path);
        ctx.insert("page", &view);
        ctx.insert("manual", &self.manual_view(m));
        ctx.insert("parts", &parts);
        match self.render_template("manual_print.html", &ctx, &front.page.file) {
            Ok(html) => Some(RenderedPage {
                path,
                html,
                title: front.page.common.title.clone(),
                kind: "print",
                updated: None,
            }),
            Err(d) => {
                diags.push(d);
                None
            }
        }
    }
}

/// One page of a manual as its print page shows it.
#[derive(Serialize)]
struct PrintPart<'a> {
    kind: &'static str,
    anchor: &'a str,
    title: &'a str,
    content: String,
    starts_with_h1: bool,
    details: Value,
}
