//! What Markdown bodies become: GitHub alerts as labelled boxes, task lists with named boxes,
//! raw HTML escaped unless the project allows it.

use crate::common::*;

#[test]
fn alerts_render_as_labelled_boxes() {
    let project = Project::fixture("markdown/alerts");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), "om/index.html");

    let note = one(&doc, r#"main div.callout.callout-note[role="note"]"#);
    let note_text = text(note);
    assert!(note_text.starts_with("Note til facilitator"), "{note_text}");
    assert!(
        note_text.contains("Husk navneskilte til alle."),
        "{note_text}"
    );
    let warning = one(&doc, r#"main div.callout.callout-warning[role="note"]"#);
    let warning_text = text(warning);
    assert!(warning_text.starts_with("Advarsel"), "{warning_text}");
    assert!(
        warning_text.contains("Lokalet er optaget om fredagen."),
        "{warning_text}"
    );
    // The `[!NOTE]` marker itself is not shown.
    assert!(!main_text(&doc).contains("[!"), "{}", main_text(&doc));
}

#[test]
fn raw_html_in_markdown_is_escaped() {
    let project = Project::fixture("markdown/raw-html");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), "om/index.html");

    assert_eq!(
        doc.select(&sel("main script")).count(),
        0,
        "a <script> from Markdown got through"
    );
    assert_eq!(doc.select(&sel("main b")).count(), 0, "raw <b> got through");
    let main = main_text(&doc);
    assert!(
        main.contains(r#"<script>alert("hej")</script>"#),
        "the script is not shown as text: {main}"
    );
    assert!(main.contains("Vi er <b>gratis</b> for alle."), "{main}");
}

#[test]
fn raw_html_is_kept_when_the_project_allows_it() {
    let project = Project::fixture("markdown/allow-html");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), "om/index.html");

    let details = one(&doc, "main details");
    assert_eq!(text(one(&doc, "main details summary")), "Mere om os");
    assert!(text(details).contains("Vi holder til i Makers Corner."));
}

/// A task list's boxes are named for screen readers ("Udført", "Ikke udført"), cannot be ticked,
/// and keep their name through the sanitizer where raw HTML is allowed.
#[test]
fn task_list_boxes_are_named_and_cannot_be_ticked() {
    for fixture in ["markdown/alerts", "markdown/allow-html"] {
        let outcome = Project::fixture(fixture).build_ok();
        let doc = page(site(&outcome, "roskilde"), "om/index.html");
        let boxes: Vec<_> = doc.select(&sel("main li input")).collect();
        assert_eq!(boxes.len(), 2, "{fixture}");
        let described: Vec<(Option<&str>, bool, bool)> = boxes
            .iter()
            .map(|b| {
                let v = b.value();
                (
                    v.attr("aria-label"),
                    v.attr("checked").is_some(),
                    v.attr("disabled").is_some() && v.attr("type") == Some("checkbox"),
                )
            })
            .collect();
        assert_eq!(
            described,
            [
                (Some("Udført"), true, true),
                (Some("Ikke udført"), false, true)
            ],
            "{fixture}"
        );
        assert_eq!(
            texts(&doc, "main li"),
            ["Lokalet er booket", "Kaffe og te"],
            "{fixture}"
        );
    }
}
