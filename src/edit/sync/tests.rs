use super::*;

#[test]
fn the_blank_end_is_lines_of_spaces_and_line_endings_only() {
    assert_eq!(without_blank_end("a = A   \n  \r\n\n   "), "a = A   ");
    assert_eq!(without_blank_end("a = A\r\r\n"), "a = A\r");
    assert_eq!(without_blank_end(" \n  "), "");
    assert_eq!(without_blank_end("a\tb"), "a\tb");
    assert_eq!(without_line_ends("a\r\n\n"), "a");
    assert_eq!(without_line_ends("a\r"), "a\r");
}

const REFERENCE: &str = "\
### Resource comment

## Group

# About a
a = A
b = B

c = C
-t = T
";

fn sync(locale: &str, prune: Prune) -> Synced {
    sync_text(REFERENCE, Some(locale), prune).unwrap()
}

#[test]
fn a_new_file_is_the_reference_marked() {
    let synced = sync_text(REFERENCE, None, Prune::Keep).unwrap();
    assert_eq!(
        synced.text,
        "### Resource comment\n\n## Group\n\n# About a\n# folio: untranslated\na = A\n# folio: untranslated\nb = B\n\n# folio: untranslated\nc = C\n# folio: untranslated\n-t = T\n"
    );
    assert_eq!(synced.added, ["a", "b", "c", "-t"]);
}

#[test]
fn missing_entries_go_where_the_reference_has_them() {
    let locale = "## Gruppe\n\n# Über a\na = Ä\n\nc = Ç\n";
    let synced = sync(locale, Prune::Keep);
    assert_eq!(
        synced.text,
        "## Gruppe\n\n# Über a\na = Ä\n\n# folio: untranslated\nb = B\n\nc = Ç\n\n# folio: untranslated\n-t = T\n"
    );
    assert_eq!(synced.added, ["b", "-t"]);
    // Idempotent.
    assert_eq!(sync(&synced.text, Prune::Keep).text, synced.text);
}

#[test]
fn before_the_first_entry_when_nothing_comes_before() {
    let synced = sync("### Mine\n\nc = Ç\n", Prune::Keep);
    assert!(
        synced.text.starts_with("### Mine\n\n# About a\n# folio: untranslated\na = A\n\n# folio: untranslated\nb = B\n\nc = Ç\n"),
        "{}",
        synced.text
    );
}

#[test]
fn crlf_bom_and_a_missing_final_newline_are_kept() {
    let locale = "\u{feff}a = Ä\r\nb = Ö\r\nc = Ç";
    let synced = sync(locale, Prune::Keep);
    assert_eq!(
        synced.text,
        "\u{feff}a = Ä\r\nb = Ö\r\nc = Ç\r\n\r\n# folio: untranslated\r\n-t = T"
    );
    assert_eq!(sync(&synced.text, Prune::Keep).text, synced.text);
}

#[test]
fn obsolete_entries_are_kept_moved_or_deleted() {
    let locale = "a = Ä\n\n# gone\nold = Alt\n\nb = Ö\nc = Ç\n-t = T\n";
    let kept = sync(locale, Prune::Keep);
    assert_eq!(kept.text, locale);
    assert_eq!(
        kept.obsolete,
        [Obsolete {
            id: "old".into(),
            line: 4
        }]
    );

    let moved = sync(locale, Prune::Move);
    assert_eq!(
        moved.text,
        format!("a = Ä\n\nb = Ö\nc = Ç\n-t = T\n\n{OBSOLETE_SECTION}\n# gone\nold = Alt\n")
    );
    assert_eq!(moved.pruned, 1);
    let again = sync(&moved.text, Prune::Move);
    assert_eq!(again.text, moved.text, "moving again changes nothing");
    assert_eq!(again.pruned, 0);

    let deleted = sync(&moved.text, Prune::Delete);
    assert_eq!(deleted.text, "a = Ä\n\nb = Ö\nc = Ç\n-t = T\n");
    let deleted = sync(locale, Prune::Delete);
    assert_eq!(deleted.text, "a = Ä\n\nb = Ö\nc = Ç\n-t = T\n");
}

#[test]
fn moving_keeps_crlf() {
    let moved = sync(
        "a = Ä\r\nold = Alt\r\nb = Ö\r\nc = Ç\r\n-t = T\r\n",
        Prune::Move,
    );
    assert!(!moved.text.contains("\r\r"), "{:?}", moved.text);
    assert!(
        moved.text.ends_with("\r\n\r\nold = Alt\r\n"),
        "{:?}",
        moved.text
    );
    assert_eq!(
        moved.text.matches('\n').count(),
        moved.text.matches("\r\n").count()
    );
}

#[test]
fn an_empty_file_is_filled_like_a_new_one() {
    let new = sync_text(REFERENCE, None, Prune::Keep).unwrap();
    assert_eq!(sync("", Prune::Keep), new);
    assert_eq!(sync("\n\n", Prune::Keep), new);
}

#[test]
fn junk_is_refused() {
    assert!(matches!(
        sync_text(REFERENCE, Some("a = { $x\n"), Prune::Keep),
        Err(FileError::Syntax { line: 2, .. })
    ));
}
