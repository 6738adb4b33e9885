//! `Accept-Language`, as RFC 9110 means it: ranges ranked by their `q`, `q=0` excluded, `*`
//! matching any language; then `folio::matching` against the languages a site has
//! (fluent-langneg's filtering, with CLDR's aliases and likely scripts).

use crate::locale::Tag;

/// The locale to send a reader whose browser says `header`, among `available`; `default` (the
/// reference) when nothing matches.
///
/// # Example
/// ```
/// use folio::parse_tag;
///
/// let available = [parse_tag("en-US")?, parse_tag("de")?, parse_tag("pt-BR")?];
/// let chosen = folio::serve::negotiate(Some("pt;q=0.9, de;q=0.5"), &available, &available[0]);
/// assert_eq!(chosen, parse_tag("pt-BR")?);
/// # Ok::<(), folio::Error>(())
/// ```
pub fn negotiate(header: Option<&str>, available: &[Tag], default: &Tag) -> Tag {
    let ranges = header.map(ranked).unwrap_or_default();
    let refused: Vec<&str> = ranges
        .iter()
        .filter(|(_, q)| *q <= 0.0)
        .map(|(range, _)| range.as_str())
        .collect();
    let candidates: Vec<&Tag> = available
        .iter()
        .filter(|tag| !refused.iter().any(|r| matches_range(tag, r)))
        .collect();
    for (range, q) in &ranges {
        if *q <= 0.0 {
            continue;
        }
        if range == "*" {
            // Any language: the reference if it is acceptable, else the first acceptable one.
            return candidates
                .iter()
                .find(|tag| *tag == &default)
                .or(candidates.first())
                .map_or_else(|| default.clone(), |tag| (*tag).clone());
        }
        let Ok(requested) = range.parse::<Tag>() else {
            continue;
        };
        let owned: Vec<Tag> = candidates.iter().map(|t| (*t).clone()).collect();
        if let Some(first) = crate::locale::matching(&requested, &owned)
            .into_iter()
            .next()
        {
            return first;
        }
    }
    default.clone()
}

/// The ranges of an `Accept-Language` header with their weights, highest first (a stable sort:
/// equal weights keep the header's order).
fn ranked(header: &str) -> Vec<(String, f32)> {
    let mut ranges: Vec<(String, f32)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let range = pieces.next()?.trim();
            if range.is_empty() {
                return None;
            }
            let mut q = 1.0;
            for parameter in pieces {
                let (name, value) = parameter.split_once('=')?;
                if name.trim().eq_ignore_ascii_case("q") {
                    q = value
                        .trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))?;
                }
            }
            Some((range.to_string(), q))
        })
        .collect();
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranges
}

/// Whether `tag` falls under the language range `range` (RFC 4647 basic filtering).
fn matches_range(tag: &Tag, range: &str) -> bool {
    if range == "*" {
        return true;
    }
    let tag = tag.to_string().to_ascii_lowercase();
    let range = range.to_ascii_lowercase();
    tag == range || tag.starts_with(&format!("{range}-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(header: &str) -> String {
        let available = ["en-US", "de", "fr", "pt-BR", "en-x-pirate", "ar-u-nu-latn"]
            .map(|tag| crate::locale::parse_tag(tag).unwrap());
        negotiate(Some(header), &available, &available[0]).to_string()
    }

    #[test]
    fn extensions_and_private_use_are_negotiated() {
        assert_eq!(pick("en-x-pirate, de;q=0.5"), "en-x-pirate");
        assert_eq!(pick("en-GB, de;q=0.5"), "en-US");
        assert_eq!(pick("ar-EG"), "ar-u-nu-latn");
        assert_eq!(pick("en-x-pirate;q=0, en"), "en-US");
    }

    #[test]
    fn weights_are_honoured() {
        assert_eq!(pick("fr;q=0.5, de;q=0.9"), "de");
        assert_eq!(pick("de-AT, fr;q=0.8"), "de");
        assert_eq!(pick("pt, en;q=0.1"), "pt-BR");
        assert_eq!(pick("ja, ko"), "en-US");
        assert_eq!(pick(""), "en-US");
    }

    #[test]
    fn zero_excludes_and_star_matches_any() {
        assert_eq!(pick("de;q=0, *"), "en-US");
        assert_eq!(pick("en;q=0, *;q=0.5"), "de");
        assert_eq!(pick("ja, *;q=0.1"), "en-US");
        assert_eq!(pick("fr;q=0, de;q=0, en;q=0, pt;q=0"), "en-US");
    }

    #[test]
    fn malformed_headers_are_ignored_not_fatal() {
        assert_eq!(pick("de;q=2"), "en-US");
        assert_eq!(pick("de;q=abc, fr"), "fr");
        assert_eq!(pick(";;;,,,"), "en-US");
    }
}
