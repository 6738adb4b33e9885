//! The fallback resolver: a message formatted from the first locale of a fallback chain that
//! has it, with every fallback taken and every error met written down.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::article::MessageRef;
use crate::locale::Direction;
use crate::render::inline::{self, Targets};
use crate::render::intl;
use crate::render::{Bundle, Fallback, Inline, RenderError};

/// Formats messages through a fallback chain, recording fallbacks and errors.
pub(crate) struct Resolver<'a> {
    /// The chain's bundles, first choice first, each with its locale folder's name.
    pub chain: Vec<(&'a str, &'a Bundle)>,
    /// Variables for every message; they win over the resolver's own arguments.
    pub vars: &'a [(String, FluentValue<'static>)],
    pub fallbacks: Vec<Fallback>,
    pub errors: Vec<RenderError>,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(
        chain: Vec<(&'a str, &'a Bundle)>,
        vars: &'a [(String, FluentValue<'static>)],
    ) -> Self {
        Resolver {
            chain,
            vars,
            fallbacks: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Whether a locale of the chain defines the message `id`.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.chain.iter().any(|(_, bundle)| bundle.has_message(id))
    }

    /// Formats `message` from the first locale of the chain that has it (with a value, or the
    /// attribute it names); nothing, and an error, when none does.
    pub(crate) fn format(
        &mut self,
        message: &MessageRef,
        args: Option<FluentArgs<'static>>,
    ) -> String {
        self.format_from(message, args).0
    }

    /// Formats `message` as [`Resolver::format`] does and reads its markup: its text, HTML and
    /// tree, with the locale it came from when a fallback gave it.
    pub(crate) fn inline(
        &mut self,
        message: &MessageRef,
        args: Option<FluentArgs<'static>>,
        targets: &Targets<'_>,
    ) -> Inline {
        let (source, index) = self.format_from(message, args);
        let capacity = source.len() + 16;
        let parsed = crate::markup::parse_owned(source);
        let mut html = String::new();
        if targets.html {
            html.reserve(capacity);
            inline::html(&parsed.nodes, targets, &mut html);
        }
        let fallback = index
            .filter(|&i| i > 0)
            .and_then(|i| self.chain.get(i))
            .map(|(locale, bundle)| {
                let dir = bundle.locales.first().map_or(Direction::Ltr, Direction::of);
                ((*locale).to_string(), dir)
            });
        Inline {
            message: message.to_string(),
            text: parsed.text(),
            html,
            nodes: parsed.nodes,
            locale: fallback.as_ref().map(|f| f.0.clone()),
            dir: fallback.map(|f| f.1),
        }
    }

    /// The formatted text, and the position in the chain of the locale it came from.
    fn format_from(
        &mut self,
        message: &MessageRef,
        args: Option<FluentArgs<'static>>,
    ) -> (String, Option<usize>) {
        let mut args = args.unwrap_or_default();
        for (name, value) in self.vars {
            // A value is text, never markup: escaped as markup source, so that reading the
            // formatted message's markup gives it back as it was.
            let value = match value {
                FluentValue::String(text) => {
                    FluentValue::String(crate::markup::escape(text).into_owned().into())
                }
                value => value.clone(),
            };
            args.set(name.clone(), value);
        }
        for (index, (locale, bundle)) in self.chain.iter().enumerate() {
            let Some(found) = bundle.get_message(&message.id) else {
                continue;
            };
            let pattern = match &message.attribute {
                Some(attribute) => found.get_attribute(attribute).map(|a| a.value()),
                None => found.value(),
            };
            let Some(pattern) = pattern else {
                continue;
            };
            let formatted = intl::format(bundle, pattern, Some(&args));
            for error in formatted.errors {
                self.errors.push(RenderError {
                    message: message.to_string(),
                    locale: (*locale).to_string(),
                    error,
                });
            }
            if index > 0 {
                self.fallbacks.push(Fallback {
                    message: message.to_string(),
                    locale: (*locale).to_string(),
                });
            }
            return (formatted.text, Some(index));
        }
        self.errors.push(RenderError {
            message: message.to_string(),
            locale: self.chain.first().map_or("", |l| l.0).to_string(),
            error: "no locale of the fallback chain defines it".to_string(),
        });
        (String::new(), None)
    }
}
