//! Rendered bodies kept for reuse: a shared manual page is rendered once for every site where
//! its links lead to the same places, and again by a later build only when it changed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::*;

/// Bodies rendered earlier, reused wherever every link and image in them resolves as it did.
///
/// A body's HTML depends on its text, the settings, where it is embedded, and what its links
/// resolve to — nothing else. So a manual page shared by many municipalities is rendered once
/// and reused by every site where its links lead to the same places; a site where a link target
/// is excluded (and the link is an error) renders its own.
#[derive(Debug, Default)]
pub struct BodyCache {
    entries: Mutex<HashMap<u64, Vec<Arc<BodyEntry>>>>,
}

#[derive(Debug)]
struct BodyEntry {
    body: Box<str>,
    /// Every question the rendering asked its resolver, in order: (image?, destination, answer).
    asked: Vec<(bool, String, Resolved)>,
    rendered: Rendered,
}

/// A resolver that writes down what it was asked and answered.
struct Recording<'a> {
    inner: &'a dyn Resolver,
    asked: std::cell::RefCell<Vec<(bool, String, Resolved)>>,
}

impl Recording<'_> {
    fn note(&self, image: bool, dest: &str, answer: Resolved) -> Resolved {
        self.asked
            .borrow_mut()
            .push((image, dest.to_string(), answer.clone()));
        answer
    }
}

impl Resolver for Recording<'_> {
    fn link(&self, dest: &str) -> Resolved {
        self.note(false, dest, self.inner.link(dest))
    }

    fn image(&self, dest: &str) -> Resolved {
        self.note(true, dest, self.inner.image(dest))
    }
}

impl BodyCache {
    /// [`render_embedded`], or an earlier rendering of the same body whose links `resolver`
    /// answers the same way. The resolver is asked about every link either way (it may record
    /// what it was asked, as the render stage records the files a page uses).
    pub fn render(
        &self,
        body: &str,
        heads: &[Heading],
        settings: &Settings,
        resolver: &dyn Resolver,
        embed: Option<Embed>,
    ) -> Rendered {
        let key =
            crate::hash::hash_of(&(body, heads, settings, embed.map(|e| (e.id_prefix, e.shift))));
        let candidates: Vec<Arc<BodyEntry>> = self
            .entries
            .lock()
            .map(|e| e.get(&key).cloned().unwrap_or_default())
            .unwrap_or_default();
        for entry in candidates {
            if *entry.body == *body
                && entry.asked.iter().all(|(image, dest, answer)| {
                    let now = if *image {
                        resolver.image(dest)
                    } else {
                        resolver.link(dest)
                    };
                    now == *answer
                })
            {
                return entry.rendered.clone();
            }
        }
        let recording = Recording {
            inner: resolver,
            asked: Default::default(),
        };
        let rendered = render_embedded(body, heads, settings, &recording, embed);
        if let Ok(mut entries) = self.entries.lock() {
            let list = entries.entry(key).or_default();
            // A body whose links resolve differently in many sites keeps a few renderings.
            if list.len() < 4 {
                list.push(Arc::new(BodyEntry {
                    body: body.into(),
                    asked: recording.asked.into_inner(),
                    rendered: rendered.clone(),
                }));
            }
        }
        rendered
    }
}

#[cfg(test)]
impl BodyCache {
    /// How many renderings are kept of each body.
    pub(super) fn renderings(&self) -> Vec<usize> {
        let entries = self.entries.lock().unwrap();
        entries.values().map(Vec::len).collect()
    }
}
