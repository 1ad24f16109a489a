//! A form's inputs, each after its field's type in the definitions: a date picker for a date,
//! a number field for a number, "Ja"/"Nej" for yes or no, a drop-down of the project's own
//! names for a key (with the labels staff know them by), and lists whose items are added,
//! removed and moved with buttons that work by keyboard and without script.
//!
//! Every input is named by its front-matter path and described (`aria-describedby`) by its
//! help text and by the problems found in it. A value the type's input cannot hold as written
//! (`2027-2-3` in a date picker, which would drop it) gets a text input, so an unchanged form
//! always sends back what the file has. Scalars the definitions do not know (`extra:`, a
//! place's address in `_site.yaml`) get text inputs under "Andre oplysninger".

use std::collections::{BTreeMap, BTreeSet};

use super::fields::Field as Scalar;
use super::text::Words;
use super::typed::{count, Choices};
use crate::fields::{Field, Type};
use crate::markdown::escape;

/// What the inputs are made from.
pub struct Controls<'a> {
    pub w: &'a Words,
    pub top: &'a [&'static Field],
    pub values: &'a BTreeMap<String, String>,
    /// The file's scalars as read (for the fields the definitions do not know).
    pub scalars: &'a [Scalar],
    pub choices: &'a Choices,
    /// The path of the input to focus after a list button.
    pub focus: Option<&'a str>,
    /// Where the list buttons send the form.
    pub action: &'a str,
    /// The ids of the problems found in a field, by path, and their text.
    pub problems: &'a BTreeMap<String, (Vec<String>, String)>,
}

/// The `id` of a field's input.
pub fn input_id(path: &str) -> String {
    let safe: String = path
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("felt-{safe}")
}

impl Controls<'_> {
    fn text(&self, words: crate::fields::Words) -> &'static str {
        if self.w.lang == "en" {
            words.en
        } else {
            words.da
        }
    }

    /// `aria-describedby` (help, then problems) and `aria-invalid`, and the problems' text.
    fn described(&self, path: &str, help: Option<&str>) -> (String, String) {
        let mut ids: Vec<String> = help.map(str::to_string).into_iter().collect();
        let (attrs, notes) = match self.problems.get(path) {
            Some((problem_ids, notes)) => {
                ids.extend(problem_ids.iter().cloned());
                (" aria-invalid=\"true\"", notes.clone())
            }
            None => ("", String::new()),
        };
        let ids = if ids.is_empty() {
            String::new()
        } else {
            format!(" aria-describedby=\"{}\"", ids.join(" "))
        };
        (format!("{ids}{attrs}"), notes)
    }

    fn autofocus(&self, path: &str) -> &'static str {
        if self.focus == Some(path) {
            " autofocus"
        } else {
            ""
        }
    }

    /// All inputs: the defined fields, then the rest.
    pub fn html(&self) -> String {
        let mut html = String::new();
        let mut claimed = BTreeSet::new();
        for field in self.top {
            html.push_str(&self.field(field, "", &mut claimed));
        }
        let rest: Vec<&Scalar> = self
            .scalars
            .iter()
            .filter(|s| !claimed.contains(&s.path) && self.values.contains_key(&s.path))
            .collect();
        if !rest.is_empty() {
            html.push_str(&format!(
                "<fieldset><legend>{}</legend>",
                escape(self.w.other_fields)
            ));
            for s in rest {
                let label = s.path.replace('.', " › ");
                let value = self.values.get(&s.path).unwrap_or(&s.value);
                html.push_str(&self.input(&s.path, &label, None, &Type::Text, value));
            }
            html.push_str("</fieldset>");
        }
        html
    }

    fn field(&self, f: &Field, parent: &str, claimed: &mut BTreeSet<String>) -> String {
        let path = format!("{parent}{}", f.name);
        let label = self.text(f.label);
        match f.ty {
            Type::Free | Type::Map(_) => String::new(),
            Type::Object(inner) => {
                let mut html = format!(
                    "<fieldset><legend>{}</legend><p class=\"hint\">{}</p>",
                    escape(label),
                    escape(self.text(f.help))
                );
                for sub in inner {
                    html.push_str(&self.field(sub, &format!("{path}."), claimed));
                }
                html.push_str("</fieldset>");
                html
            }
            Type::List(item) => self.list(f, &path, item, claimed),
            ref ty => {
                claimed.insert(path.clone());
                let value = self.values.get(&path).map_or("", String::as_str);
                self.input(&path, label, Some(self.text(f.help)), ty, value)
            }
        }
    }

    /// One labelled input with its help and problems.
    fn input(&self, path: &str, label: &str, help: Option<&str>, ty: &Type, value: &str) -> String {
        let id = input_id(path);
        let help_id = format!("{id}-hjaelp");
        let help_html = help
            .map(|h| format!("<p class=\"hint\" id=\"{help_id}\">{}</p>", escape(h)))
            .unwrap_or_default();
        let (attrs, notes) = self.described(path, help.map(|_| help_id.as_str()));
        let attrs = format!("{attrs}{}", self.autofocus(path));
        let name = escape(path);
        let v = escape(value);
        let is_date = value.is_empty()
            || chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .is_ok_and(|d| d.format("%Y-%m-%d").to_string() == value);
        let input = match ty {
            Type::Bool if matches!(value, "" | "true" | "false") => {
                let radio = |v: &str, text: &str| {
                    let checked = if value == v { " checked" } else { "" };
                    format!("<label class=\"choice\"><input type=\"radio\" name=\"{name}\" value=\"{v}\"{checked}{attrs}> {}</label>", escape(text))
                };
                return format!(
                    "<fieldset class=\"yes-no\" id=\"{id}\"><legend>{}</legend>{help_html}{}{}{notes}</fieldset>",
                    escape(label),
                    radio("true", self.w.yes),
                    radio("false", self.w.no)
                );
            }
            Type::Key(source) => {
                let options: Vec<(String, String)> = self.choices.get(*source).to_vec();
                self.select(&id, &name, &attrs, value, &options)
            }
            Type::Choice(values) => {
                let options: Vec<(String, String)> = values
                    .iter()
                    .map(|v| (v.to_string(), self.w.choice(v).unwrap_or(v).to_string()))
                    .collect();
                self.select(&id, &name, &attrs, value, &options)
            }
            Type::LongText => format!(
                "<textarea id=\"{id}\" name=\"{name}\" rows=\"3\"{attrs}>\n{v}</textarea>"
            ),
            _ if value.contains('\n') => format!(
                "<textarea id=\"{id}\" name=\"{name}\" rows=\"4\"{attrs}>\n{v}</textarea>"
            ),
            Type::Date if is_date => format!(
                "<input type=\"date\" id=\"{id}\" name=\"{name}\" value=\"{v}\"{attrs}>"
            ),
            Type::Integer { min, max } if value.is_empty() || value.parse::<i64>().is_ok() => {
                let min = min.map(|m| format!(" min=\"{m}\"")).unwrap_or_default();
                let max = max
                    .filter(|m| *m < i64::from(u32::MAX))
                    .map(|m| format!(" max=\"{m}\""))
                    .unwrap_or_default();
                format!("<input type=\"number\" id=\"{id}\" name=\"{name}\" value=\"{v}\"{min}{max}{attrs}>")
            }
            Type::Number if value.is_empty() || value.parse::<f64>().is_ok() => format!(
                "<input type=\"number\" step=\"any\" id=\"{id}\" name=\"{name}\" value=\"{v}\"{attrs}>"
            ),
            Type::Url => format!(
                "<input type=\"url\" id=\"{id}\" name=\"{name}\" value=\"{v}\"{attrs}>"
            ),
            _ => format!(
                "<input type=\"text\" id=\"{id}\" name=\"{name}\" value=\"{v}\"{attrs}>"
            ),
        };
        format!(
            "<div class=\"field\"><label for=\"{id}\">{}</label>{help_html}{input}{notes}</div>",
            escape(label)
        )
    }

    fn select(
        &self,
        id: &str,
        name: &str,
        attrs: &str,
        value: &str,
        options: &[(String, String)],
    ) -> String {
        let mut html = format!(
            "<select id=\"{id}\" name=\"{name}\"{attrs}><option value=\"\">{}</option>",
            escape(self.w.none_chosen)
        );
        let known = options.iter().any(|(k, _)| k == value);
        // A value the project no longer has stays selectable, so it is not lost unseen.
        if !known && !value.is_empty() {
            html.push_str(&format!(
                "<option value=\"{0}\" selected>{0}</option>",
                escape(value)
            ));
        }
        for (key, label) in options {
            let selected = if key == value { " selected" } else { "" };
            let shown = if label == key {
                escape(key)
            } else {
                format!("{} ({})", escape(label), escape(key))
            };
            html.push_str(&format!(
                "<option value=\"{}\"{selected}>{shown}</option>",
                escape(key)
            ));
        }
        html.push_str("</select>");
        html
    }

    /// A button that changes a list: submits the form to be shown again with the change.
    fn button(&self, verb: &str, target: &str, text: &str, item: &str, focus: &str) -> String {
        let action = format!("{verb}:{target}");
        format!(
            "<button type=\"submit\" class=\"small\" name=\"do\" value=\"{}\" formaction=\"{}#{}\"{}>{}<span class=\"visually-hidden\"> {}</span></button>",
            escape(&action),
            escape(self.action),
            input_id(focus),
            self.autofocus(&action),
            escape(text),
            escape(item)
        )
    }

    fn list(
        &self,
        f: &Field,
        path: &str,
        item: &'static Type,
        claimed: &mut BTreeSet<String>,
    ) -> String {
        let label = self.text(f.label);
        let help_id = format!("{}-hjaelp", input_id(path));
        let n = count(self.values, path);
        let mut html = format!(
            "<fieldset class=\"list\" id=\"{}\"><legend>{}</legend><p class=\"hint\" id=\"{help_id}\">{}</p>",
            input_id(path),
            escape(label),
            escape(self.text(f.help))
        );
        if let Some((_, notes)) = self.problems.get(path) {
            html.push_str(notes);
        }
        html.push_str("<ol>");
        let rows = item.fields();
        for i in 0..n {
            let me = format!("{path}.{i}");
            let number = format!("{label} {}", i + 1);
            html.push_str("<li>");
            if rows.is_empty() {
                claimed.insert(me.clone());
                let value = self.values.get(&me).map_or("", String::as_str);
                html.push_str(&self.input(&me, &number, None, item, value));
            } else {
                html.push_str(&format!("<fieldset><legend>{}</legend>", escape(&number)));
                for r in rows {
                    let sub = format!("{me}.{}", r.name);
                    claimed.insert(sub.clone());
                    let value = self.values.get(&sub).map_or("", String::as_str);
                    html.push_str(&self.input(&sub, self.text(r.label), None, &r.ty, value));
                }
                html.push_str("</fieldset>");
            }
            html.push_str("<div class=\"buttons\">");
            if i > 0 {
                let to = rows.first().map_or(format!("{path}.{}", i - 1), |r| {
                    format!("{path}.{}.{}", i - 1, r.name)
                });
                html.push_str(&self.button("up", &me, self.w.move_up, &number, &to));
            }
            if i + 1 < n {
                let to = rows.first().map_or(format!("{path}.{}", i + 1), |r| {
                    format!("{path}.{}.{}", i + 1, r.name)
                });
                html.push_str(&self.button("down", &me, self.w.move_down, &number, &to));
            }
            html.push_str(&self.button("remove", &me, self.w.remove, &number, path));
            html.push_str("</div></li>");
        }
        html.push_str("</ol>");
        let new = rows
            .first()
            .map_or(format!("{path}.{n}"), |r| format!("{path}.{n}.{}", r.name));
        html.push_str(&self.button("add", path, self.w.add, label, &new));
        html.push_str("</fieldset>");
        html
    }
}
