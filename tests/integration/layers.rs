//! The architecture, kept: every `use crate::…` in `src/` points at the module's own layer or
//! one below it (see the crate's docs, "Layers"), and the engines never import each other.

use std::path::Path;

use crate::util::repo;

/// Each top-level module of the library and its layer, bottom to top.
const LAYERS: &[(&str, u8)] = &[
    // 1. Text and positions, tags, errors, files.
    ("error", 1),
    ("fs", 1),
    ("line_index", 1),
    ("locale", 1),
    // 2. The model.
    ("article", 2),
    ("catalog", 2),
    ("config", 2),
    ("diagnostic", 2),
    ("ftl", 2),
    ("markup", 2),
    ("project", 2),
    ("record", 2),
    ("sources", 2),
    // 3. The engines.
    ("check", 3),
    ("edit", 3),
    ("render", 3),
    // 4. The outputs.
    ("build", 4),
    ("lsp", 4),
    ("publish", 4),
    ("report", 4),
    ("serve", 4),
    ("watch", 4),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The top-level module a file of `src/` belongs to (`check` for `src/check/whitespace.rs`).
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(repo().join("src")).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The top-level modules a file names in `crate::…` paths.
fn imports(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in source.match_indices("crate::") {
        // `folio::crate` cannot occur; skip what is inside a word (`my_crate::`).
        if source[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let rest = &source[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.push(name);
        }
    }
    found
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let mut wrong = Vec::new();
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(repo().join("src")) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module = module_of(path);
        let Some(own) = layer(&module) else {
            // The crate root and the binary (`main.rs`, `cli/`) sit above every layer.
            assert!(
                ["lib", "main", "cli"].contains(&module.as_str()),
                "{} is in no layer: add `{module}` to LAYERS",
                path.display()
            );
            continue;
        };
        seen += 1;
        let source = std::fs::read_to_string(path).unwrap();
        for target in imports(&source) {
            // `crate::Error`, `crate::Publisher`: the root's re-exports, named in doc links.
            if target == module || target.starts_with(char::is_uppercase) {
                continue;
            }
            let theirs = layer(&target)
                .unwrap_or_else(|| panic!("{} imports `{target}`, in no layer", path.display()));
            if theirs > own || (theirs == 3 && own == 3) {
                wrong.push(format!(
                    "{}: `crate::{target}` (layer {theirs}) from layer {own}",
                    path.display()
                ));
            }
        }
    }
    assert!(seen > 50, "only {seen} files were read");
    assert!(
        wrong.is_empty(),
        "imports that run up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_import_scanner_finds_what_it_must() {
    assert_eq!(
        imports("use crate::render::Bundle;\nlet x = crate::check::run();\nmy_crate::x"),
        ["render", "check"]
    );
}
