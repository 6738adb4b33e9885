//! The fallback resolver: a message formatted from the first locale of a fallback chain that
//! has it, with every fallback taken and every error met written down.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::article::MessageRef;
use crate::render::intl;
use crate::render::{Bundle, Fallback, RenderError};

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
        let mut args = args.unwrap_or_default();
        for (name, value) in self.vars {
            args.set(name.clone(), value.clone());
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
            return formatted.text;
        }
        self.errors.push(RenderError {
            message: message.to_string(),
            locale: self.chain.first().map_or("", |l| l.0).to_string(),
            error: "no locale of the fallback chain defines it".to_string(),
        });
        String::new()
    }
}
