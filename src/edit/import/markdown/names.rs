//! Names made from text: a link's, unique among the article's; a section's slug.

use std::collections::HashMap;

use crate::markup::is_name;

/// `base`, or `base-2`, `base-3`… the first that is not `taken`, which it then is; `next`
/// remembers where each base's count is, so that a thousand links named `link` cost a thousand
/// steps, not a million.
pub(super) fn unique(
    base: &str,
    taken: &mut std::collections::HashSet<String>,
    next: &mut HashMap<String, usize>,
) -> String {
    let mut name = base.to_string();
    let n = next.entry(base.to_string()).or_insert(2);
    while taken.contains(&name) {
        name = format!("{base}-{n}");
        *n += 1;
    }
    taken.insert(name.clone());
    name
}

/// Link names, one per URL, unique, never a footnote's (`fn-…`).
#[derive(Default)]
pub(super) struct LinkNames {
    pub(super) by_url: HashMap<String, String>,
    pub(super) list: Vec<(String, String)>,
    pub(super) taken: std::collections::HashSet<String>,
    pub(super) next: HashMap<String, usize>,
}

impl LinkNames {
    pub(super) fn name(&mut self, url: &str, text: &str) -> String {
        if let Some(name) = self.by_url.get(url) {
            return name.clone();
        }
        let mut base = slugify(text, 3, 24);
        if !is_name(&base) {
            base = host_name(url);
        }
        if !is_name(&base) {
            base = "link".to_string();
        }
        if base.starts_with("fn-") {
            base = format!("link-{base}");
        }
        let name = unique(&base, &mut self.taken, &mut self.next);
        self.by_url.insert(url.to_string(), name.clone());
        self.list.push((name.clone(), url.to_string()));
        name
    }
}

/// The first label of a URL's host that says something (`aad` for `https://www.aad.org/…`).
pub(super) fn host_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    slugify(host.split('.').next().unwrap_or(""), 3, 24)
}

/// `text` as a short identifier part: lowercase ASCII letters and digits, the first
/// `words` words joined by `-`, at most `max` bytes (`Aftercare: the first days` →
/// `aftercare-the-first`). Letters with accents lose them where they decompose simply.
pub(in crate::edit::import) fn slugify(text: &str, words: usize, max: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // `don't` is one word.
        } else if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    let mut out = String::new();
    for part in parts.into_iter().take(words) {
        let extra = usize::from(!out.is_empty()) + part.len();
        if !out.is_empty() && out.len() + extra > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&part);
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// A Latin letter without its accent, for ids.
pub(super) fn fold(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        _ => c,
    }
}
