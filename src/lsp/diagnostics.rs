//! Which locales to check again, checking them, and publishing the findings.
//!
//! An edit makes its locale's findings stale (an edit of the reference: every locale's); the
//! project's files changing on disk make every finding stale. Stale locales are checked when
//! the server has nothing else to do, the open documents read in place of their files, and
//! every file with findings gets them (as "workspace diagnostics": files not open too). A
//! file whose findings are gone is sent an empty list.

use std::collections::{BTreeSet, HashMap, HashSet};

use crossbeam_channel::Sender;
use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams};

use crate::catalog::Retention;
use crate::check::{CheckOptions, check, check_locale};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lsp::position::{Encoding, Lines};
use crate::lsp::workspace::Workspace;
use crate::project::Project;

/// The checks to run.
#[derive(Default)]
pub(crate) struct Checks {
    /// Check the whole project.
    all: bool,
    /// Check these locales again, with the open documents' text.
    locales: BTreeSet<String>,
    /// The paths given findings so far, by the locale whose check found them.
    published: HashMap<String, HashSet<String>>,
    /// The findings last sent for each file not open, so that a file whose findings did not
    /// change is not sent them again (an edit re-checks its whole locale).
    sent: HashMap<String, Vec<Diagnostic>>,
}

impl Checks {
    /// Every finding is stale.
    pub(crate) fn everything(&mut self) {
        self.all = true;
    }

    /// `locale` was edited: its findings are stale, and every locale's when it is the
    /// reference (the others are compared with it; those with open documents are checked
    /// as it is typed, the rest when it is saved).
    pub(crate) fn edited(&mut self, workspace: &Workspace, locale: &str) {
        self.locales.insert(locale.to_string());
        if locale == workspace.reference() {
            for doc in workspace.documents.values() {
                if let Some(file) = &doc.file {
                    self.locales.insert(file.locale.clone());
                }
            }
        }
    }

    /// Runs the checks due and publishes their findings.
    pub(crate) fn run(
        &mut self,
        workspace: &mut Workspace,
        encoding: Encoding,
        sender: &Sender<Message>,
    ) {
        if std::mem::take(&mut self.all) {
            self.check_all(workspace, encoding, sender);
        }
        for locale in std::mem::take(&mut self.locales) {
            let open = workspace.open_files();
            // A locale folder not on disk yet, or a broken reference: nothing to show.
            let found = check_locale(&workspace.project, &locale, &open).unwrap_or_default();
            self.publish(workspace, &locale, found, encoding, sender);
        }
    }

    /// Checks the whole project as `folio check` does, holding no parse longer than its
    /// locale's check; the locales with open documents are then checked with their text.
    fn check_all(
        &mut self,
        workspace: &mut Workspace,
        encoding: Encoding,
        sender: &Sender<Message>,
    ) {
        let reference = workspace.reference();
        let project =
            Project::open(&workspace.root).map(|p| p.with_retention(Retention::Transient));
        let Ok(report) = project.and_then(|p| check(&p, &CheckOptions::default())) else {
            return;
        };
        let mut by_locale: HashMap<String, Vec<Diagnostic>> = HashMap::new();
        for finding in report.diagnostics {
            let locale = finding.locale.clone().unwrap_or_else(|| reference.clone());
            by_locale.entry(locale).or_default().push(finding);
        }
        let stale: Vec<String> = self.published.keys().cloned().collect();
        for locale in stale {
            by_locale.entry(locale).or_default();
        }
        for (locale, found) in by_locale {
            self.publish(workspace, &locale, found, encoding, sender);
        }
        for doc in workspace.documents.values() {
            if let Some(file) = &doc.file {
                self.locales.insert(file.locale.clone());
            }
        }
    }

    /// Sends `found`, the findings of `locale`'s check, file by file, and an empty list to
    /// each file that had findings from it and has none now.
    fn publish(
        &mut self,
        workspace: &mut Workspace,
        locale: &str,
        found: Vec<Diagnostic>,
        encoding: Encoding,
        sender: &Sender<Message>,
    ) {
        let mut by_path: HashMap<String, Vec<Diagnostic>> = HashMap::new();
        for finding in found {
            by_path
                .entry(finding.path.clone())
                .or_default()
                .push(finding);
        }
        let before = self.published.remove(locale).unwrap_or_default();
        // An open document hears its findings after each check, none included.
        let open = workspace
            .documents
            .values()
            .filter_map(|d| d.file.as_ref())
            .filter(|f| f.locale == locale)
            .map(|f| f.path.clone());
        for path in before.into_iter().chain(open) {
            by_path.entry(path).or_default();
        }
        let mut now = HashSet::new();
        for (path, findings) in by_path {
            if !findings.is_empty() {
                now.insert(path.clone());
            }
            let Some(uri) = workspace.uri_of(&path) else {
                continue;
            };
            let open = workspace.documents.contains_key(&uri);
            if !open {
                if self.sent.get(&path) == Some(&findings) {
                    continue;
                }
                if findings.is_empty() {
                    self.sent.remove(&path);
                } else {
                    self.sent.insert(path.clone(), findings.clone());
                }
            }
            let text = workspace.text_of(&path).unwrap_or_default();
            let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let lines = Lines::new(&text, encoding);
            let diagnostics = findings.iter().map(|d| to_lsp(d, &lines, bom)).collect();
            let version = match workspace.documents.get_mut(&uri) {
                Some(doc) => {
                    doc.findings = findings;
                    Some(doc.version)
                }
                None => None,
            };
            let params = PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            };
            let notification = Notification::new(PublishDiagnostics::METHOD.into(), params);
            let _ = sender.send(notification.into());
        }
        self.published.insert(locale.to_string(), now);
    }
}

/// A finding as LSP has it: its range (the start of the file when it has no span), its
/// check's id as the code, its help on a second line.
pub(crate) fn to_lsp(finding: &Diagnostic, lines: &Lines<'_>, bom: usize) -> lsp_types::Diagnostic {
    let range = finding
        .span
        .as_ref()
        .map(|s| lines.range(&(s.start + bom..s.end + bom)))
        .unwrap_or_default();
    let message = if finding.help.is_empty() {
        finding.message.clone()
    } else {
        format!("{}\n{}", finding.message, finding.help)
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(match finding.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.check.name().to_string())),
        source: Some("folio".into()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}
