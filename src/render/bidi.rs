//! Bidirectional text, on purpose.
//!
//! Folio's bundles mark every interpolated value (a variable, a number, a date, a select's
//! result) with Unicode isolates, U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL
//! ISOLATE, and the writers decide what each mark becomes:
//!
//! - plain text, Markdown and JSON keep an isolate only where the value's direction differs
//!   from the text around it (a Latin name in Arabic, a Hebrew word in English), so that
//!   left-to-right text carries no invisible characters it does not need;
//! - HTML turns every isolate into `<bdi>` (the markup reader makes each an isolate node,
//!   `crate::markup`), which browsers isolate the same way.

use unicode_bidi::Direction as BidiDirection;

use crate::locale::Direction;

/// U+2068 FIRST STRONG ISOLATE.
pub(crate) const FSI: char = '\u{2068}';
/// U+2069 POP DIRECTIONAL ISOLATE.
pub(crate) const PDI: char = '\u{2069}';

/// `text` with only the isolates a reader needs in a paragraph of direction `around`: those
/// around a value whose first strong character runs the other way.
pub(crate) fn for_text(text: &str, around: Direction) -> String {
    if crate::markup::find_isolate(text).is_none() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    // For each isolate still open: where its content starts in `out`, and the direction of
    // the text it sits in.
    let mut open: Vec<(usize, Direction)> = Vec::new();
    let mut current = around;
    for c in text.chars() {
        match c {
            FSI => {
                open.push((out.len(), current));
                out.push(FSI);
            }
            PDI => {
                let Some((start, outer)) = open.pop() else {
                    continue; // an unmatched PDI carries nothing
                };
                let content = &out[start + FSI.len_utf8()..];
                let keep = match unicode_bidi::get_base_direction(content) {
                    BidiDirection::Ltr => outer != Direction::Ltr,
                    BidiDirection::Rtl => outer != Direction::Rtl,
                    BidiDirection::Mixed => false,
                };
                if keep {
                    out.push(PDI);
                } else {
                    out.remove(start);
                }
                current = outer;
            }
            _ => out.push(c),
        }
        if c == FSI {
            // Inside an isolate, what surrounds a nested value is the isolate's own content,
            // whose direction is not known yet: treat it as the paragraph's.
            current = around;
        }
    }
    // An isolate never closed is dropped, mark and all, not its text.
    for (start, _) in open.into_iter().rev() {
        out.remove(start);
    }
    out
}

/// `text` without any isolate.
pub(crate) fn strip(text: &str) -> String {
    text.chars().filter(|c| *c != FSI && *c != PDI).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isolated(value: &str) -> String {
        format!("{FSI}{value}{PDI}")
    }

    #[test]
    fn text_keeps_isolates_only_across_directions() {
        let en = format!(
            "Hello, {}! You have {} new messages.",
            isolated("Anna"),
            isolated("3")
        );
        assert_eq!(
            for_text(&en, Direction::Ltr),
            "Hello, Anna! You have 3 new messages."
        );
        let ar = format!("مرحبا {}، لديك {} رسائل", isolated("Anna"), isolated("3"));
        assert_eq!(
            for_text(&ar, Direction::Rtl),
            format!("مرحبا {}، لديك 3 رسائل", isolated("Anna"))
        );
        let en_with_hebrew = format!("Written by {}", isolated("דוד"));
        assert_eq!(for_text(&en_with_hebrew, Direction::Ltr), en_with_hebrew);
        let he_date = format!("פורסם ב-{}", isolated("14 במרץ 2024"));
        assert_eq!(for_text(&he_date, Direction::Rtl), "פורסם ב-14 במרץ 2024");
    }

    #[test]
    fn nested_and_unbalanced_isolates_are_handled() {
        let nested = format!("a {FSI}b {} c{PDI} d", isolated("שלום"));
        assert_eq!(
            for_text(&nested, Direction::Ltr),
            format!("a b {} c d", isolated("שלום"))
        );
        assert_eq!(for_text(&format!("a {FSI}b"), Direction::Ltr), "a b");
        assert_eq!(for_text(&format!("a{PDI} b"), Direction::Ltr), "a b");
    }

    #[test]
    fn strip_drops_every_isolate() {
        assert_eq!(strip(&isolated("x")), "x");
    }
}
