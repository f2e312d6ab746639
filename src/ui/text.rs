//! The words for this visitor: their language, the provider's name, and
//! "they" wording when answering for someone else. Shared through a Yew context.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::{catalog, Catalog, Locale};
use crate::options::Options;

#[derive(Clone, Debug)]
pub struct Text {
    pub catalog: &'static Catalog,
    pub options: Rc<Options>,
    /// Answering for someone else: prefer each key's `.other` wording.
    pub other: bool,
}

impl PartialEq for Text {
    fn eq(&self, o: &Self) -> bool {
        self.catalog.locale() == o.catalog.locale()
            && Rc::ptr_eq(&self.options, &o.options)
            && self.other == o.other
    }
}

impl Text {
    pub fn new(locale: Locale, options: Rc<Options>, other: bool) -> Self {
        Text {
            catalog: catalog(locale),
            options,
            other,
        }
    }

    pub fn locale(&self) -> Locale {
        self.catalog.locale()
    }

    /// The provider's name, or a neutral stand-in in this language.
    pub fn org(&self) -> &str {
        self.options
            .org_name
            .as_deref()
            .unwrap_or_else(|| self.catalog.get("org.default"))
    }

    /// The text for `key`, in "they" wording when that applies and exists.
    pub fn get(&self, key: &str) -> String {
        self.fill(key, &[])
    }

    /// The text for `key` with `{name}` placeholders filled (and `{org}` always).
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut all = vec![("org", self.org())];
        all.extend_from_slice(values);
        let other = self.other.then(|| [key, ".other"].concat());
        let key = match &other {
            Some(other) if self.catalog.lookup(other).is_some() => other,
            _ => key,
        };
        self.catalog.fill(key, &all)
    }
}

/// The visitor's words, from the nearest provider.
#[hook]
pub fn use_text() -> Text {
    use_context::<Text>().expect("components render inside the widget's text provider")
}
