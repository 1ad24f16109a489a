//! The catalogue, part four: what an mdBook book and its directives (`{{#include}}` and the
//! rest) can get wrong.

messages! {
    BOOKS;

    // ── book.toml ──────────────────────────────────────────────────────────────────────────
    book_syntax(detail) {
        da: "book.toml kan ikke læses: {detail}",
        en: "book.toml cannot be read: {detail}",
    }
    book_syntax_hint() {
        da: "book.toml er TOML: `[book]` og linjer som `title = \"Min bog\"`",
        en: "book.toml is TOML: `[book]` and lines like `title = \"Min bog\"`",
    }
    book_src_outside(src) {
        da: "`src = \"{src}\"` fører ud af bogens mappe",
        en: "`src = \"{src}\"` leads out of the book's folder",
    }
    book_src_outside_hint() {
        da: "Læg kapitlerne i en mappe inde i bogen, fx `src = \"src\"`",
        en: "Keep the chapters in a folder inside the book, e.g. `src = \"src\"`",
    }

    // ── Directives ─────────────────────────────────────────────────────────────────────────
    include_outside_book(path) {
        da: "`{path}` ligger uden for bogen og er ikke kopieret med; den udelades",
        en: "`{path}` lies outside the book and was not copied with it; it is left out",
    }
    include_outside_book_hint() {
        da: "Kopiér filen ind i bogens mappe og ret stien, eller fjern direktivet",
        en: "Copy the file into the book's folder and change the path, or remove the directive",
    }
    include_missing_file(path, looked) {
        da: "`{path}` findes ikke (ledte efter {looked})",
        en: "`{path}` does not exist (looked for {looked})",
    }
    include_missing_file_hint() {
        da: "Stien regnes fra den fil, direktivet står i",
        en: "The path is relative to the file the directive is written in",
    }
    include_cycle(target, through) {
        da: "{target} indsætter sig selv (gennem {through})",
        en: "{target} includes itself (through {through})",
    }
    include_cycle_hint() {
        da: "Fjern den indsættelse, der fører tilbage til en fil, som allerede er ved at blive indsat",
        en: "Remove the include that leads back to a file already being included",
    }
    include_too_deep(max) {
        da: "Indsættelserne går mere end {max} filer i dybden her",
        en: "Includes go more than {max} files deep here",
    }
    include_too_deep_hint() {
        da: "Skriv teksten direkte i stedet for gennem en kæde af filer",
        en: "Include the text directly rather than through a chain of files",
    }
    include_unknown_anchor(target, anchor) {
        da: "{target} har intet anker `{anchor}`",
        en: "{target} has no anchor `{anchor}`",
    }
    include_unknown_anchor_hint(target, anchor) {
        da: "Markér linjerne i {target} med `ANCHOR: {anchor}` og `ANCHOR_END: {anchor}`",
        en: "Mark the lines in {target} with `ANCHOR: {anchor}` and `ANCHOR_END: {anchor}`",
    }

    // ── Links ──────────────────────────────────────────────────────────────────────────────
    link_outside_book(dest, book) {
        da: "`{dest}` fører ud af bogen ({book}) og skrives, som det står, uden at blive tjekket",
        en: "`{dest}` leads out of the book ({book}) and is written as it is, unchecked",
    }
    link_outside_book_hint() {
        da: "Link til sidens webadresse (https://…), så linket virker, hvor end sitet udgives",
        en: "Link to the page's web address (https://…) so it works wherever the site is published",
    }
}
