//! `reference-cycle`: messages and terms that reference each other in a loop.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use fluent_syntax::ast;

use crate::check::context::{LocaleCtx, ParsedLocale, diagnostic_at};
use crate::check::facts::Reference;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds messages and terms whose references lead back to themselves.

## What it does
Follows every `{ message }` and `{ -term }` reference among the locale's entries and reports
each loop once, at its first entry, with the whole path.

## Why it matters
Formatting a message in a loop cannot finish: the runtime stops it with an error and the reader
sees `{???}` or nothing.

## Example
```ftl
title = { subtitle }
subtitle = See { title }
```
Use instead: write one of them out.
";

pub(crate) fn run(ctx: &LocaleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let side = ctx.locale;
    let graph = Graph::of(side);
    let mut cycles: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut state = vec![State::New; graph.nodes.len()];
    let mut path = Vec::new();
    for start in 0..graph.nodes.len() {
        if state[start] == State::New {
            graph.visit(start, &mut state, &mut path, &mut cycles);
        }
    }
    for cycle in cycles {
        let first = cycle[0].as_str();
        let (file, at) = match first.strip_prefix('-') {
            Some(term) => match side.terms.get(term) {
                Some((file, t)) => (*file, t.id.name),
                None => continue,
            },
            None => match side.messages.get(first) {
                Some((file, m)) => (*file, m.id.name),
                None => continue,
            },
        };
        let mut shown = cycle.clone();
        shown.push(cycle[0].clone());
        out.push(
            diagnostic_at(
                CheckId::ReferenceCycle,
                side.name(),
                &side.files[file],
                at,
                format!("`{first}` refers to itself: {}", shown.join(" → ")),
            )
            .entry(first)
            .help("break the loop: write one of these entries out instead of referencing it"),
        );
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    /// Being explored: a reference back to it closes a loop.
    Open,
    Done,
}

/// The entries that reference others and are referenced, numbered, with their references to
/// such entries: an entry that references nothing, or that nothing references, cannot be on a
/// loop and is left out.
struct Graph<'a> {
    /// (is a term, name without `-`).
    nodes: Vec<(bool, &'a str)>,
    edges: Vec<Vec<usize>>,
}

impl<'a> Graph<'a> {
    fn of(side: &ParsedLocale<'a>) -> Self {
        let key = |reference: &Reference<'a>| match *reference {
            Reference::Message(name, _) => (false, name),
            Reference::Term(name, _) => (true, name),
        };
        // An entry on a loop is referenced by another: those no entry references are left
        // out, which in most locales is nearly all of them.
        let referenced: HashSet<(bool, &'a str)> = side
            .indexes
            .iter()
            .flat_map(|index| &index.ids)
            .flat_map(|indexed| &indexed.facts.patterns)
            .flat_map(|pattern| pattern.references.iter().map(key))
            .collect();
        let mut nodes = Vec::new();
        let mut targets: Vec<Vec<(bool, &'a str)>> = Vec::new();
        let mut seen: HashSet<(bool, &'a str)> = HashSet::default();
        for index in &side.indexes {
            for indexed in &index.ids {
                let node = match indexed.entry {
                    ast::Entry::Message(m) => (false, m.id.name),
                    ast::Entry::Term(t) => (true, t.id.name),
                    _ => continue,
                };
                // The first definition of an id is the one references reach.
                if !referenced.contains(&node) || !seen.insert(node) {
                    continue;
                }
                let found: Vec<(bool, &'a str)> = indexed
                    .facts
                    .patterns
                    .iter()
                    .flat_map(|p| p.references.iter().map(key))
                    .collect();
                if !found.is_empty() {
                    nodes.push(node);
                    targets.push(found);
                }
            }
        }
        let numbers: HashMap<(bool, &str), usize> =
            nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let edges = targets
            .iter()
            .map(|ts| ts.iter().filter_map(|t| numbers.get(t).copied()).collect())
            .collect();
        Graph { nodes, edges }
    }

    /// Depth-first search: a reference to an entry still being explored closes a loop, which
    /// is recorded from that entry on, rotated to start at its smallest id. Iterative, with
    /// `path` as the stack, so that a chain of any length (20,000 messages, each referencing
    /// the next) needs no deeper call stack than a single message.
    fn visit(
        &self,
        start: usize,
        state: &mut [State],
        path: &mut Vec<usize>,
        cycles: &mut BTreeSet<Vec<String>>,
    ) {
        // Beside each node on the path: how many of its references have been followed.
        let mut followed: Vec<usize> = Vec::new();
        state[start] = State::Open;
        path.push(start);
        followed.push(0);
        while let (Some(&node), Some(next)) = (path.last(), followed.last_mut()) {
            let Some(&target) = self.edges[node].get(*next) else {
                path.pop();
                followed.pop();
                state[node] = State::Done;
                continue;
            };
            *next += 1;
            match state[target] {
                State::Done => {}
                State::New => {
                    state[target] = State::Open;
                    path.push(target);
                    followed.push(0);
                }
                State::Open => {
                    let position = path.iter().position(|p| *p == target).unwrap_or(0);
                    let mut cycle: Vec<String> = path[position..]
                        .iter()
                        .map(|&i| match self.nodes[i] {
                            (true, name) => format!("-{name}"),
                            (false, name) => name.to_string(),
                        })
                        .collect();
                    let smallest = (0..cycle.len()).min_by_key(|&i| &cycle[i]).unwrap_or(0);
                    cycle.rotate_left(smallest);
                    cycles.insert(cycle);
                }
            }
        }
    }
}
