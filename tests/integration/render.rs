//! Rendering: every locale in every format, fallbacks, escaping and direction.

use fluent_bundle::FluentValue;
use folio::{Direction, Format, Project, Publisher, RenderedBlock, SiteOptions, write_rendered};

use crate::util::{fixture, repo};

fn tag(text: &str) -> folio::Tag {
    folio::parse_tag(text).unwrap()
}

/// The project at `path`, published with the defaults.
fn open(path: impl AsRef<std::path::Path>) -> Publisher {
    Publisher::new(Project::open(path).unwrap(), SiteOptions::default())
}

/// The article `slug` rendered for `locale`, with `vars` for every message.
fn render(
    publisher: &Publisher,
    slug: &str,
    locale: &folio::Tag,
    vars: &[(String, FluentValue<'static>)],
) -> folio::Result<folio::Rendered> {
    let options = folio::RenderOptions {
        vars: vars.to_vec(),
        ..folio::RenderOptions::default()
    };
    publisher.render(slug, locale, &options)
}

/// The byline block's two lines.
fn byline(rendered: &folio::Rendered) -> (String, String) {
    rendered
        .blocks
        .iter()
        .find_map(|b| match b {
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => Some((plain(&byline.text), plain(&reading_time.text))),
            _ => None,
        })
        .unwrap()
}

/// `text` without the Unicode isolates a rendered article keeps around interpolated values.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}

fn to_string(rendered: &folio::Rendered, format: Format) -> String {
    let mut out = Vec::new();
    write_rendered(rendered, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_locale_renders_in_every_format_without_fallback_or_error() {
    let project = open(repo());
    for locale in project.project().catalog().locales() {
        let rendered = render(&project, "smp-removal", locale.tag.as_ref().unwrap(), &[]).unwrap();
        assert_eq!(rendered.locale, locale.name);
        assert!(
            rendered.fallbacks.is_empty(),
            "{}: {:?}",
            locale.name,
            rendered.fallbacks
        );
        assert!(
            rendered.errors.is_empty(),
            "{}: {:?}",
            locale.name,
            rendered.errors
        );
        for format in Format::ALL {
            let text = to_string(&rendered, format);
            assert!(
                !text.contains("{$") && !text.contains("{-"),
                "{}: leaked a placeable",
                locale.name
            );
            assert!(text.len() > 2000, "{} {format:?} is too short", locale.name);
        }
    }
}

#[test]
fn the_english_article_is_the_seed() {
    let project = open(repo());
    let rendered = render(&project, "smp-removal", &tag("en-US"), &[]).unwrap();
    let text = to_string(&rendered, Format::Text);
    // Passages of the seed, verbatim (typographic apostrophes included).
    for passage in [
        "Can Scalp Micropigmentation Be Removed?",
        "Yes, it fades after time and you’ll require top-ups, however, once it’s there, it’s there to stay.",
        "In essence, the method behind the madness is permanence",
        "A laser is not a cheap piece of kit and most clinics work hand-in-hand with specialists",
        "SMP treatments should only be at the dermal level, trapped by the epidermis",
        "The results are the dreaded migration and possible color changes, resulting in a blue hue.",
        "But let’s always remember, prevention is far better than cure.",
    ] {
        assert!(text.contains(passage), "missing: {passage}");
    }
    assert!(text.contains("[Microdots of pigment being implanted into the scalp in Manchester]"));
    assert!(text.contains("Published on March 14, 2024"));
    assert!(
        !text.contains(['\u{2068}', '\u{2069}']),
        "no isolation marks in left-to-right text"
    );
}

#[test]
fn plurals_follow_each_language() {
    let project = open(repo());
    let reading = |locale: &str, minutes: i32| {
        let vars = [("minutes".to_string(), FluentValue::from(minutes))];
        byline(&render(&project, "smp-removal", &tag(locale), &vars).unwrap()).1
    };
    assert_eq!(reading("en-US", 1), "Reading time: 1 minute");
    assert_eq!(reading("en-US", 4), "Reading time: 4 minutes");
    assert!(reading("pl", 1).contains("minuta"));
    assert!(reading("pl", 3).contains("minuty"));
    assert!(reading("pl", 5).contains("minut "));
    assert!(reading("pl", 22).contains("minuty"));
    assert!(reading("de", 1).contains("1 Minute"));
    assert!(reading("ar", 2).contains("دقيقتان"));
}

#[test]
fn arabic_is_right_to_left_and_needs_no_isolates_for_its_own_numbers_and_dates() {
    let project = open(repo());
    let rendered = render(&project, "smp-removal", &tag("ar"), &[]).unwrap();
    assert_eq!(rendered.dir, Direction::Rtl);
    let html = to_string(&rendered, Format::Html);
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    // HTML isolates every interpolated value with <bdi>; a date is a <time>.
    assert!(
        html.contains("نُشر في <bdi><time datetime=\"2024-03-14\">14 مارس 2024</time></bdi>"),
        "{html}"
    );
    // Text keeps isolates only across directions: an Arabic date and a number need none.
    let text = to_string(&rendered, Format::Text);
    assert!(text.contains("نُشر في 14 مارس 2024"), "{text}");
    assert!(!text.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn a_latin_name_in_hebrew_text_is_isolated_and_a_hebrew_one_in_english() {
    let project = open(fixture("render"));
    let vars = |name: &str| {
        vec![
            ("count".to_string(), FluentValue::from(2)),
            ("name".to_string(), FluentValue::from(name.to_string())),
        ]
    };
    let he = render(&project, "note", &tag("he"), &vars("Anna")).unwrap();
    let text = to_string(&he, Format::Text);
    assert!(text.contains("שלום, \u{2068}Anna\u{2069}!"), "{text}");
    // The count, a number, needs no isolate in Hebrew text.
    assert!(text.contains("מציג 2 הערות"), "{text}");
    let markdown = to_string(&he, Format::Markdown);
    assert!(
        markdown.contains("שלום, \u{2068}Anna\u{2069}!"),
        "{markdown}"
    );
    let html = to_string(&he, Format::Html);
    assert!(html.contains("שלום, <bdi>Anna</bdi>!"), "{html}");
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"));

    let en = render(&project, "note", &tag("en-US"), &vars("דוד")).unwrap();
    assert!(to_string(&en, Format::Text).contains("Hello, \u{2068}דוד\u{2069}!"));
    let en = render(&project, "note", &tag("en-US"), &vars("Anna")).unwrap();
    assert!(to_string(&en, Format::Text).contains("Hello, Anna!"));
}

#[test]
fn html_keeps_the_allowed_markup_of_translations_and_escapes_values() {
    let project = open(fixture("render"));
    let vars = [
        ("count".to_string(), FluentValue::from(2)),
        (
            "name".to_string(),
            FluentValue::from("<script>alert(1)</script>"),
        ),
    ];
    let rendered = render(&project, "note", &tag("en-US"), &vars).unwrap();
    let html = to_string(&rendered, Format::Html);
    // `<b>` is a text-level element a translation may use; a value is always text.
    assert!(
        html.contains("Text with <b>tags</b> &amp; \"quotes\""),
        "{html}"
    );
    assert!(
        html.contains("Hello, <bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>!"),
        "{html}"
    );
    assert!(!html.contains("<script>"));
}

#[test]
fn markdown_escapes_markdown_syntax_in_translations() {
    let project = open(fixture("render"));
    let vars = [
        ("count".to_string(), FluentValue::from(2)),
        ("name".to_string(), FluentValue::from("Anna")),
    ];
    let rendered = render(&project, "note", &tag("en-US"), &vars).unwrap();
    let markdown = to_string(&rendered, Format::Markdown);
    assert!(markdown.starts_with("# Notes\n"));
    assert!(
        markdown.contains(
            // `&` too: `&lt;` would be read as an entity.
            r#"Text with **tags** \& "quotes", \*stars\* and \[links\](https://example.com)."#
        ),
        "{markdown}"
    );
}

#[test]
fn json_carries_the_structure() {
    let project = open(repo());
    let rendered = render(&project, "smp-removal", &tag("pl"), &[]).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&to_string(&rendered, Format::Json)).unwrap();
    assert_eq!(json["locale"], "pl");
    assert_eq!(json["dir"], "ltr");
    assert_eq!(json["published"], "2024-03-14");
    assert_eq!(json["blocks"][0]["type"], "heading");
    assert_eq!(json["blocks"][0]["message"], "smp-removal-title");
    assert_eq!(json["hero"]["src"], "images/smp-removal/hero.svg");
    let last = json["blocks"].as_array().unwrap().last().unwrap();
    assert_eq!(last["type"], "languages");
    assert_eq!(last["label"], "Artykuł dostępny w 14 językach");
    assert_eq!(
        json["languages"].as_array().unwrap().len(),
        project.project().catalog().locales().len()
    );
    assert!(
        json["description"]
            .as_str()
            .unwrap()
            .starts_with("Jedną z kluczowych cech mikropigmentacji skóry głowy (SMP)")
    );
}

#[test]
fn dates_follow_the_locale() {
    let project = open(repo());
    let published =
        |locale: &str| byline(&render(&project, "smp-removal", &tag(locale), &[]).unwrap()).0;
    assert_eq!(published("en-US"), "Published on March 14, 2024");
    assert!(
        published("de").contains("14. März 2024"),
        "{}",
        published("de")
    );
    assert!(
        published("pl").contains("14 marca 2024"),
        "{}",
        published("pl")
    );
}

/// The paragraphs and headings of the article in `locale`, as plain text.
fn body_text(project: &Publisher, locale: &str) -> String {
    let rendered = render(project, "smp-removal", &tag(locale), &[]).unwrap();
    rendered
        .blocks
        .iter()
        .filter_map(|b| match b {
            RenderedBlock::Heading { content, .. } | RenderedBlock::Paragraph { content } => {
                Some(content.text.as_str())
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_locale_is_written_in_its_own_script() {
    use unicode_script::{Script, UnicodeScript};
    let project = open(repo());
    for locale in project.project().catalog().locales() {
        let expected: &[Script] = match locale.name.as_str() {
            "ar" => &[Script::Arabic],
            "he" => &[Script::Hebrew],
            "uk" => &[Script::Cyrillic],
            "ja" => &[Script::Hiragana, Script::Katakana, Script::Han],
            "zh-CN" => &[Script::Han],
            "ko" => &[Script::Hangul],
            _ => &[Script::Latin],
        };
        // Latin abbreviations such as SMP may stay; everything else is in the locale's script.
        let text = body_text(&project, &locale.name);
        // Runs of letters of one kind (ASCII or not): `SMP头皮纹发` is `SMP` and `头皮纹发`.
        let mut runs: Vec<String> = Vec::new();
        let mut last_ascii = None;
        for c in text.chars() {
            if !c.is_alphabetic() {
                last_ascii = None;
                continue;
            }
            if last_ascii != Some(c.is_ascii()) {
                runs.push(String::new());
            }
            last_ascii = Some(c.is_ascii());
            runs.last_mut().unwrap().push(c);
        }
        let letters: Vec<char> = runs
            .iter()
            .filter(|w| !(w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase())))
            .map(String::as_str)
            .flat_map(str::chars)
            // Combining marks (Arabic vowel signs) and shared signs belong to every script.
            .filter(|c| !matches!(c.script(), Script::Inherited | Script::Common))
            .collect();
        let foreign: String = letters
            .iter()
            .filter(|c| !expected.contains(&c.script()))
            .collect();
        #[allow(clippy::cast_precision_loss)]
        let share = foreign.chars().count() as f64 / letters.len() as f64;
        assert!(
            share < 0.01,
            "{}: {:.1}% of letters are not in {expected:?}: {foreign}",
            locale.name,
            share * 100.0
        );
    }
}

#[test]
fn each_locale_follows_its_own_typography() {
    let project = open(repo());
    for locale in project.project().catalog().locales() {
        let name = locale.name.as_str();
        let text = body_text(&project, name);
        let title = render(&project, "smp-removal", &tag(name), &[])
            .unwrap()
            .title;
        let quoted = |open: &str, close: &str| text.contains(&format!("{open}{title}{close}"));
        match name {
            "de" => assert!(quoted("„", "“"), "de quotes the title „…“"),
            "pl" => assert!(quoted("„", "”"), "pl quotes the title „…”"),
            "fr" => {
                assert!(
                    quoted("«\u{a0}", "\u{a0}»") || quoted("«\u{202f}", "\u{202f}»"),
                    "fr quotes the title « … » with no-break spaces"
                );
                for mark in [';', ':', '!', '?', '»'] {
                    assert!(
                        !text.contains(&format!(" {mark}")),
                        "fr: a plain space before `{mark}`"
                    );
                }
            }
            "ja" => {
                assert!(quoted("「", "」"), "ja quotes the title 「…」");
                assert!(
                    !text.contains("。 ") && !text.contains('?') && !text.contains(", "),
                    "ja: full-width punctuation, no spaces between sentences"
                );
            }
            "zh-CN" => assert!(
                !text.contains("。 ") && !text.contains('?') && !text.contains(", "),
                "zh-CN: full-width punctuation"
            ),
            "ar" => {
                assert!(text.contains('؟') && text.contains('،'), "ar uses ؟ and ،");
                assert!(
                    !text.contains('?') && !text.contains(", "),
                    "ar: no Latin ? or ,"
                );
            }
            _ => {}
        }
        if name != "en-US" {
            assert!(
                !text.contains('\''),
                "{name}: a straight apostrophe or quote in running text"
            );
        }
    }
}

/// Words of plain ASCII letters with a consonant: text a pseudo-locale did not transform.
fn untransformed_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && w.chars().any(|c| !"aeiouAEIOU".contains(c)))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_accented_pseudo_locale_transforms_every_message_and_only_messages() {
    let project = open(repo());
    let options = folio::RenderOptions {
        pseudo: Some(folio::Pseudo::Accented),
        ..folio::RenderOptions::default()
    };
    let english = render(&project, "smp-removal", &tag("en-US"), &[]).unwrap();
    let pseudo = project
        .render("smp-removal", &tag("en-US"), &options)
        .unwrap();
    assert_eq!(pseudo.locale, "en-XA");
    assert_eq!(pseudo.dir, Direction::Ltr);
    for format in [Format::Text, Format::Markdown] {
        let text = to_string(&pseudo, format);
        // Only the date, a variable's value, stays in plain English; and each language is
        // named in itself, not in the pseudo-locale.
        // Image URLs are not text either.
        let names: Vec<String> = pseudo
            .languages
            .iter()
            .map(|l| format!("{} {}", l.name, l.locale))
            .chain(pseudo.hero.iter().map(|h| h.src.clone()))
            .flat_map(|text: String| untransformed_words(&text))
            .collect();
        let left: Vec<String> = untransformed_words(&text)
            .into_iter()
            .filter(|w| w != "March" && !names.contains(w))
            .collect();
        assert!(left.is_empty(), "{format:?}: not transformed: {left:?}");
    }
    let (english, pseudo) = (
        to_string(&english, Format::Text),
        to_string(&pseudo, Format::Text),
    );
    let (pseudo, english) = (pseudo.chars().count(), english.chars().count());
    assert!(
        pseudo * 5 > english * 6,
        "about a third longer: {pseudo} vs {english}"
    );
}

#[test]
fn the_bidi_pseudo_locale_is_a_right_to_left_page() {
    let project = open(repo());
    let options = folio::RenderOptions {
        pseudo: Some(folio::Pseudo::Bidi),
        ..folio::RenderOptions::default()
    };
    let pseudo = project
        .render("smp-removal", &tag("en-US"), &options)
        .unwrap();
    assert_eq!(pseudo.dir, Direction::Rtl);
    let html = to_string(&pseudo, Format::Html);
    assert!(html.contains(r#"<html lang="ar-XB" dir="rtl">"#));
    assert!(pseudo.title.starts_with('\u{202E}') && pseudo.title.contains("ǝ"));
    // The shared bundles are untouched: the next plain render is plain English.
    let english = render(&project, "smp-removal", &tag("en-US"), &[]).unwrap();
    assert_eq!(english.title, "Can Scalp Micropigmentation Be Removed?");
}

#[test]
fn rendering_one_locale_reads_its_chain_and_only_two_files_of_each_other_locale() {
    // Two articles, three locales: rendering `a` in `de` needs `de` and the reference whole
    // (the fallback chain), and from `fr` only what the page lists: does `fr` have `a` (its
    // `a.ftl`), and what does it call itself (its `site.ftl`)? Never `fr/b.ftl`.
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    for slug in ["a", "b"] {
        write(
            &format!("content/{slug}.toml"),
            &format!(
                "slug = \"{slug}\"\ntitle = \"{slug}-title\"\n[[blocks]]\ntype = \"languages\"\n"
            ),
        );
    }
    for (locale, name) in [("en-US", "English"), ("de", "Deutsch"), ("fr", "Français")] {
        write(&format!("locales/{locale}/a.ftl"), "a-title = A\n");
        write(&format!("locales/{locale}/b.ftl"), "b-title = B\n");
        write(
            &format!("locales/{locale}/site.ftl"),
            &format!("site-language-name = {name}\nsite-available-languages = {{ $count }}\n"),
        );
    }
    let publisher = open(dir.path());
    let rendered = render(&publisher, "a", &tag("de"), &[]).unwrap();
    let names: Vec<&str> = rendered.languages.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Deutsch", "English", "Français"]);
    let read: Vec<String> = publisher
        .project()
        .catalog()
        .locales()
        .iter()
        .flat_map(|l| &l.files)
        .filter(|f| f.is_kept())
        .map(|f| f.path.clone())
        .collect();
    assert_eq!(
        read,
        [
            "locales/de/a.ftl",
            "locales/de/b.ftl",
            "locales/de/site.ftl",
            "locales/en-US/a.ftl",
            "locales/en-US/b.ftl",
            "locales/en-US/site.ftl",
            "locales/fr/a.ftl",
            "locales/fr/site.ftl",
        ]
    );

    // An error formatting a language's name is the page's error, not lost.
    write("locales/fr/site.ftl", "site-language-name = { $nobody }\n");
    let rendered = render(&open(dir.path()), "a", &tag("de"), &[]).unwrap();
    let errors: Vec<(&str, &str)> = rendered
        .errors
        .iter()
        .map(|e| (e.message.as_str(), e.locale.as_str()))
        .collect();
    assert_eq!(
        errors,
        [("site-language-name", "fr")],
        "{:?}",
        rendered.errors
    );
}

/// What the native reviews of the translations (issue 17) found and had fixed, kept fixed: no
/// locale's page says again what a review flagged, and each fix stays.
#[test]
fn what_the_native_reviews_fixed_stays_fixed() {
    let project = open(repo());
    let page = |locale: &str| {
        let rendered = render(&project, "smp-removal", &tag(locale), &[]).unwrap();
        // The text format has every message: the title, the image's text and each block.
        (
            plain(&rendered.title),
            plain(&to_string(&rendered, Format::Text)),
        )
    };
    let flagged: &[(&str, &str, &str)] = &[
        ("ar", "تصبغ فروة الرأس", "reads as scalp discolouration"),
        (
            "uk",
            "щонайбільше двох",
            "'at most two' sessions, a ceiling the source does not set",
        ),
        ("uk", "за ідеєю", "a calque of «по идее»"),
        ("uk", "вже якщо", "a calque of «уж если»"),
        ("uk", "додаткові рубці", "'additional' scars, for new ones"),
        (
            "ja",
            "多くのクリニック",
            "'many clinics' for 'most clinics'",
        ),
        ("ja", "何回も", "'many times', stronger than the source"),
        ("tr", "mikro pigment", "written in two words"),
        ("tr", ". Ama ", "two sentences in a row opening with 'ama'"),
        ("zh-CN", "可以放心了", "an added 'you can relax now'"),
        ("fr", "toutefois toujours", "a clash of adverbs"),
        (
            "de",
            "Ihre Behandlung nicht mehr",
            "the treatment, for its result",
        ),
        (
            "es",
            "no es un servicio estándar",
            "'servicio' twice in a row",
        ),
        ("uk", "голови) у тому", "a sentence without its predicate"),
        (
            "uk",
            "тож більшість",
            "«тож» five times in seven paragraphs",
        ),
        ("ar", "قرارًا عابرًا", "'a passing decision', for 'lightly'"),
        (
            "ar",
            "الطرف الآخر من الصورة،",
            "a clumsy 'other end of the picture'",
        ),
        ("ar", "فلنكن صريحين،", "two «فـ» in a row, no link"),
        (
            "he",
            "לסקאלה יש גם קצה",
            "a calque of 'the other end of the scale'",
        ),
        ("he", "לפני שאומרים", "an impersonal 'before one says'"),
        ("ja", "頭皮の深くに", "depth worded as the field does not"),
        ("zh-CN", "就是它是", "two 是 stacked"),
        ("zh-CN", "列进了", "colloquial for 列入了"),
        ("zh-CN", "正被植入", "a translated-sounding passive"),
        (
            "ko",
            "마음에 들지 않게",
            "'no longer like', for 'no longer want'",
        ),
    ];
    for (locale, phrase, why) in flagged {
        let (_, text) = page(locale);
        assert!(
            !text.contains(phrase),
            "{locale}: `{phrase}` is back ({why})"
        );
    }

    // Arabic: the treatment's name is the term, and the title is made from it.
    let (title, text) = page("ar");
    let term = "الصبغ المجهري لفروة الرأس";
    assert_eq!(title, format!("هل يمكن إزالة {term}؟"));
    assert!(
        text.matches(term).count() >= 3,
        "title, first paragraph, quoted title"
    );
    // Japanese: "most clinics".
    assert!(page("ja").1.contains("大半のクリニック"));
    // Polish: the abbreviation is introduced where it first appears.
    let (_, text) = page("pl");
    let first = text.find("SMP").expect("pl uses the abbreviation");
    assert!(
        text[..first].ends_with("mikropigmentacji skóry głowy ("),
        "pl: the first SMP explains itself: {}",
        &text[first.saturating_sub(60)..first + 4]
    );
    // Turkish: one word, in the image's text too.
    assert!(page("tr").1.contains("mikropigment noktaları"));
    // Ukrainian: one laser session, maybe two; no ceiling.
    assert!(
        page("uk")
            .1
            .contains("одного, а може, і двох сеансів лазера")
    );
    // Arabic: the languages line names its subject, as the Hebrew and Ukrainian ones do.
    assert!(page("ar").1.contains("المقال متوفر بـ14 لغة"));
}
