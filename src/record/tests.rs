use super::*;

#[test]
fn a_record_reads_back_what_was_written() {
    let mut data = RecordData::default();
    for (key, text) in [
        ("title", "Hello"),
        ("-brand", "Folio"),
        ("hero.alt", "A photo\\of\nme\tand\r"),
        ("count", "{ $n ->\n    [one] one\n   *[other] many\n}"),
    ] {
        data.entries.insert(
            key.to_string(),
            Recorded::new("0123456789abcdef".into(), text),
        );
    }
    let text = data.to_text();
    let record = Record::parse(&text);
    assert!(record.problems.is_empty(), "{:?}", record.problems);
    assert_eq!(RecordData::read(&record), data);
    assert_eq!(
        record
            .get("hero", Some("alt"))
            .unwrap()
            .reference()
            .unwrap(),
        "A photo\\of\nme\tand\r"
    );
    assert_eq!(record.get("-brand", None).unwrap().line, 8);
    // Sorted, one line each: the order does not depend on how the record was built.
    assert!(record.sorted);
    let keys: Vec<_> = record.lines().iter().map(|l| l.id).collect();
    assert_eq!(keys, ["-brand", "count", "hero", "title"]);
}

#[test]
fn lines_that_are_not_records_are_problems_and_the_rest_is_read() {
    let text = "a 0123456789abcdef A\n<<<<<<< HEAD\nb 0123456789abcdef B\n=======\n\
                b 0123456789abcdef B2\n>>>>>>> theirs\nc xyz C\n1d 0123456789abcdef D\n\
                e 0123456789abcdef bad \\q escape\nf\n";
    let record = Record::parse(text);
    let problems: Vec<_> = record
        .problems
        .iter()
        .map(|p| {
            (
                p.line,
                p.message.split(' ').take(3).collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            (2, "a merge conflict".to_string()),
            (4, "a merge conflict".into()),
            (5, "`b` is recorded".into()),
            (6, "a merge conflict".into()),
            (7, "`xyz` is not".into()),
            (8, "`1d` is not".into()),
            (9, "the reference text".into()),
            (10, "not a record".into()),
        ]
    );
    assert_eq!(record.lines().len(), 2);
    assert_eq!(&text[record.problems[0].span.clone()], "<<<<<<< HEAD\n");
}

#[test]
fn a_key_recorded_twice_is_found_in_lines_out_of_order_too() {
    let record = Record::parse(
        "c 0123456789abcdef C\na 0123456789abcdef A\nc 0123456789abcdef C2\nb 0123456789abcdef B\n",
    );
    assert!(!record.sorted);
    assert_eq!(record.problems.len(), 1);
    assert_eq!(record.problems[0].line, 3);
    assert_eq!(record.get("b", None).unwrap().line, 4);
    assert_eq!(record.get("c", None).unwrap().escaped, Some(&b"C"[..]));
}

#[test]
fn the_translations_own_text_is_left_out() {
    let own = crate::ftl::canonical::fingerprint("Folio");
    let recorded = Recorded::new(own.clone(), "Folio");
    assert_eq!(recorded.reference, None);
    assert!(recorded.is_from("Folio") && !recorded.is_from("Folio 2"));
    let mut data = RecordData::default();
    data.entries.insert("-brand".into(), recorded);
    let text = data.to_text();
    assert!(text.ends_with(&format!("\n-brand {own}\n")), "{text}");
    let record = Record::parse(&text);
    assert!(record.problems.is_empty());
    assert_eq!(record.lines()[0].escaped, None);
    assert_eq!(RecordData::read(&record), data);
}

#[test]
fn keys() {
    assert_eq!(read_key(b"a.b"), Some(("a.b", "a", Some("b"))));
    assert_eq!(read_key(b"-t"), Some(("-t", "-t", None)));
    assert_eq!(
        read_key(b"-t.gender"),
        Some(("-t.gender", "-t", Some("gender")))
    );
    assert_eq!(read_key(b"a.b.c"), None);
    assert_eq!(read_key(b"a."), None);
    assert_eq!(read_key(b""), None);
    assert_eq!(escape("plain"), "plain");
}
