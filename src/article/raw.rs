//! The TOML of a content file as serde reads it, each value with its place in the file
//! (`Spanned`), for the reader (`read.rs`) to check and turn into an [`Article`](super::Article).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawArticle {
    pub(super) slug: Spanned<String>,
    pub(super) reference: Option<Spanned<String>>,
    pub(super) title: Spanned<String>,
    pub(super) description: Option<Spanned<String>>,
    pub(super) published: Option<Spanned<toml::value::Datetime>>,
    pub(super) updated: Option<Spanned<toml::value::Datetime>>,
    pub(super) author: Option<String>,
    #[serde(default)]
    pub(super) tags: Vec<Spanned<String>>,
    pub(super) hero: Option<RawImage>,
    #[serde(default)]
    pub(super) links: BTreeMap<Spanned<String>, Spanned<RawLink>>,
    #[serde(default)]
    pub(super) slugs: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub(super) blocks: Vec<RawBlock>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawImage {
    pub(super) src: Spanned<String>,
    pub(super) alt: Spanned<String>,
    pub(super) caption: Option<Spanned<String>>,
}

/// A link: its URL, or a table with it.
pub(super) enum RawLink {
    Url(String),
    Full {
        href: Spanned<String>,
        hreflang: Option<Spanned<String>>,
    },
}

impl<'de> Deserialize<'de> for RawLink {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawLink;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a URL, or a table with `href` and `hreflang`")
            }

            fn visit_str<E: serde::de::Error>(self, url: &str) -> Result<RawLink, E> {
                Ok(RawLink::Url(url.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawLink, A::Error> {
                let (mut href, mut hreflang) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "href" => href = Some(map.next_value()?),
                        "hreflang" => hreflang = Some(map.next_value()?),
                        other => {
                            return Err(serde::de::Error::unknown_field(
                                other,
                                &["href", "hreflang"],
                            ));
                        }
                    }
                }
                let href = href.ok_or_else(|| serde::de::Error::missing_field("href"))?;
                Ok(RawLink::Full { href, hreflang })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Every field any block type takes; [`FIELDS`] says which type takes which.
#[derive(Deserialize)]
pub(super) struct RawBlock {
    #[serde(rename = "type")]
    pub(super) kind: Spanned<String>,
    pub(super) message: Option<Spanned<String>>,
    pub(super) level: Option<Spanned<u8>>,
    pub(super) src: Option<Spanned<String>>,
    pub(super) alt: Option<Spanned<String>>,
    pub(super) caption: Option<Spanned<String>>,
    pub(super) ordered: Option<bool>,
    pub(super) items: Option<Vec<Spanned<RawItem>>>,
    pub(super) attribution: Option<Spanned<String>>,
    pub(super) cite: Option<Spanned<String>>,
    pub(super) header: Option<Vec<Spanned<String>>>,
    pub(super) rows: Option<Vec<Spanned<Vec<Spanned<String>>>>>,
    pub(super) title: Option<Spanned<String>>,
    pub(super) notes: Option<Vec<RawNote>>,
    pub(super) language: Option<String>,
    pub(super) text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNote {
    pub(super) name: Spanned<String>,
    pub(super) message: Spanned<String>,
}

/// A list item: a message id, or a table with one and the nested list's items.
pub(super) enum RawItem {
    Message(String),
    Nested {
        message: Spanned<String>,
        items: Vec<Spanned<String>>,
    },
}

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawItem;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a message id, or a table with `message` and `items`")
            }

            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<RawItem, E> {
                Ok(RawItem::Message(id.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawItem, A::Error> {
                let (mut message, mut items) = (None, Vec::new());
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "message" => message = Some(map.next_value()?),
                        "items" => items = map.next_value()?,
                        other => {
                            return Err(serde::de::Error::unknown_field(
                                other,
                                &["message", "items"],
                            ));
                        }
                    }
                }
                let message = message.ok_or_else(|| serde::de::Error::missing_field("message"))?;
                Ok(RawItem::Nested { message, items })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
