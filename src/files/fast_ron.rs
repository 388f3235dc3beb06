//! A quick reader for the RON this program writes: named structs, lists, maps, `Some`/`None`
//! (and a value without `Some`, as the file format allows), enums, tuples, strings, numbers
//! and booleans, with spaces and line breaks between them.
//!
//! It refuses anything else (comments, raw strings, escapes beyond the plain ones, hex or `_`
//! in numbers, `inf`...) and every error alike: the caller then reads the text with `ron`
//! itself, which accepts all of RON and says where a problem is. So this reader only has to
//! agree with `ron` on what it accepts, never to explain what it does not; it exists because
//! `ron` spends most of a large file's reading on spaces and names, a character at a time.

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

/// Why the quick reader stopped; never shown (the caller reads the text again with `ron`).
#[derive(Debug)]
pub struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not read by the quick reader")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Self
    }
}

type Result<T> = std::result::Result<T, Refused>;

/// Reads `text` as a `T`, or refuses.
///
/// # Errors
/// Whenever the text is not in the plain form this reader knows, or does not make a `T`.
pub fn from_str<'de, T: serde::Deserialize<'de>>(text: &'de str) -> Result<T> {
    let mut reader = Reader {
        text: text.as_bytes(),
        source: text,
        at: 0,
        depth: 0,
    };
    let value = T::deserialize(&mut reader)?;
    reader.space();
    if reader.at == reader.text.len() {
        Ok(value)
    } else {
        Err(Refused)
    }
}

/// Nesting deeper than this is refused (and left to `ron`, which has its own limit).
const MAX_DEPTH: usize = 64;

struct Reader<'de> {
    text: &'de [u8],
    source: &'de str,
    at: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after spaces, not taken.
    fn peek(&mut self) -> Option<u8> {
        self.space();
        self.text.get(self.at).copied()
    }

    fn take(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(Refused)
        }
    }

    /// Takes `byte` when it comes next.
    fn take_if(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        if next {
            self.at += 1;
        }
        next
    }

    /// An identifier: an ASCII letter or `_`, then letters, digits and `_`.
    fn identifier(&mut self) -> Result<&'de str> {
        self.space();
        let start = self.at;
        match self.text.get(self.at) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => self.at += 1,
            _ => return Err(Refused),
        }
        while let Some(b) = self.text.get(self.at) {
            if b.is_ascii_alphanumeric() || *b == b'_' {
                self.at += 1;
            } else {
                break;
            }
        }
        // A raw identifier (`r#name`) is left to `ron`.
        if self.text.get(self.at) == Some(&b'#') {
            return Err(Refused);
        }
        self.source.get(start..self.at).ok_or(Refused)
    }

    /// The identifier that comes next, not taken.
    fn peek_identifier(&mut self) -> Option<&'de str> {
        let at = self.at;
        let word = self.identifier().ok();
        self.at = at;
        word
    }

    /// A number's text as this program writes it: an optional `-`, digits, optionally a
    /// point between digits, optionally an exponent.
    fn number(&mut self) -> Result<&'de str> {
        self.space();
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while let Some(b'0'..=b'9') = reader.text.get(reader.at) {
                reader.at += 1;
            }
            if reader.at == from {
                Err(Refused)
            } else {
                Ok(())
            }
        };
        if self.text.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        digits(self)?;
        if self.text.get(self.at) == Some(&b'.') {
            self.at += 1;
            digits(self)?;
        }
        if let Some(b'e' | b'E') = self.text.get(self.at) {
            self.at += 1;
            if let Some(b'-' | b'+') = self.text.get(self.at) {
                self.at += 1;
            }
            digits(self)?;
        }
        // `1_000`, `0x10`, `1f64` and such are left to `ron`.
        if let Some(b) = self.text.get(self.at)
            && (b.is_ascii_alphanumeric() || *b == b'_')
        {
            return Err(Refused);
        }
        match self.source.get(start..self.at) {
            Some(text) if !text.is_empty() => Ok(text),
            _ => Err(Refused),
        }
    }

    /// A string without escapes is borrowed; `\"`, `\\`, `\n`, `\r`, `\t` and `\0` are the
    /// escapes read, anything else is refused.
    fn string(&mut self) -> Result<std::borrow::Cow<'de, str>> {
        self.take(b'"')?;
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            match self.text.get(self.at) {
                None => return Err(Refused),
                Some(b'"') => {
                    let tail = self.source.get(run..self.at).ok_or(Refused)?;
                    self.at += 1;
                    return Ok(match owned {
                        Some(mut text) => {
                            text.push_str(tail);
                            std::borrow::Cow::Owned(text)
                        }
                        None => std::borrow::Cow::Borrowed(tail),
                    });
                }
                Some(b'\\') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(self.source.get(run..self.at).ok_or(Refused)?);
                    let escaped = match self.text.get(self.at + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'0') => '\0',
                        _ => return Err(Refused),
                    };
                    text.push(escaped);
                    self.at += 2;
                    run = self.at;
                }
                Some(_) => self.at += 1,
            }
        }
    }

    fn deeper(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(Refused)
        } else {
            Ok(())
        }
    }

    /// Skips one value of any kind, for a field nothing reads.
    fn skip_value(&mut self) -> Result<()> {
        self.deeper()?;
        match self.peek() {
            Some(b'"') => {
                self.string()?;
            }
            Some(b'[') => self.skip_list(b'[', b']')?,
            Some(b'{') => self.skip_list(b'{', b'}')?,
            Some(b'(') => self.skip_list(b'(', b')')?,
            Some(b'0'..=b'9' | b'-' | b'+' | b'.') => {
                self.number()?;
            }
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                self.identifier()?;
                if self.peek() == Some(b'(') {
                    self.skip_list(b'(', b')')?;
                }
            }
            _ => return Err(Refused),
        }
        self.depth -= 1;
        Ok(())
    }

    fn skip_list(&mut self, open: u8, close: u8) -> Result<()> {
        self.take(open)?;
        loop {
            if self.take_if(close) {
                return Ok(());
            }
            self.skip_value()?;
            if self.take_if(b':') {
                self.skip_value()?;
            }
            if !self.take_if(b',') {
                return self.take(close);
            }
        }
    }
}

impl<'de> Reader<'de> {
    /// A list or a tuple between `open` and `close`.
    fn items<V: Visitor<'de>>(&mut self, open: u8, close: u8, visitor: V) -> Result<V::Value> {
        self.take(open)?;
        self.deeper()?;
        let value = visitor.visit_seq(Items {
            reader: &mut *self,
            close,
        })?;
        self.depth -= 1;
        self.take(close)?;
        Ok(value)
    }

    /// A map's entries or a struct's fields (`fields`) between `open` and `close`.
    fn entries<V: Visitor<'de>>(
        &mut self,
        (open, close): (u8, u8),
        fields: bool,
        visitor: V,
    ) -> Result<V::Value> {
        self.take(open)?;
        self.deeper()?;
        let value = visitor.visit_map(Entries {
            reader: &mut *self,
            close,
            fields,
        })?;
        self.depth -= 1;
        self.take(close)?;
        Ok(value)
    }
}

macro_rules! number {
    ($method:ident, $visit:ident, $t:ty) => {
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let text = self.number()?;
            visitor.$visit(text.parse::<$t>().map_err(|_| Refused)?)
        }
    };
}

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'"') => self.deserialize_str(visitor),
            Some(b'[') => self.deserialize_seq(visitor),
            Some(b'{') => self.deserialize_map(visitor),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.') => {
                let text = self.number()?;
                if let Ok(n) = text.parse::<u64>() {
                    visitor.visit_u64(n)
                } else if let Ok(n) = text.parse::<i64>() {
                    visitor.visit_i64(n)
                } else {
                    visitor.visit_f64(text.parse().map_err(|_| Refused)?)
                }
            }
            _ => match self.peek_identifier() {
                Some("true" | "false") => self.deserialize_bool(visitor),
                Some("None" | "Some") => self.deserialize_option(visitor),
                _ => Err(Refused),
            },
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Refused),
        }
    }

    number!(deserialize_i8, visit_i8, i8);
    number!(deserialize_i16, visit_i16, i16);
    number!(deserialize_i32, visit_i32, i32);
    number!(deserialize_i64, visit_i64, i64);
    number!(deserialize_u8, visit_u8, u8);
    number!(deserialize_u16, visit_u16, u16);
    number!(deserialize_u32, visit_u32, u32);
    number!(deserialize_u64, visit_u64, u64);
    number!(deserialize_f32, visit_f32, f32);
    number!(deserialize_f64, visit_f64, f64);

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            std::borrow::Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            std::borrow::Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek_identifier() {
            Some("None") => {
                self.identifier()?;
                visitor.visit_none()
            }
            Some("Some") => {
                self.identifier()?;
                self.take(b'(')?;
                self.deeper()?;
                let value = visitor.visit_some(&mut *self)?;
                self.depth -= 1;
                self.take(b')')?;
                Ok(value)
            }
            // The file format allows a value without `Some(...)` around it.
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.take(b'(')?;
        self.take(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if self.peek_identifier() == Some(name) {
            self.identifier()?;
            return visitor.visit_unit();
        }
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.items(b'[', b']', visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.items(b'(', b')', visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.entries((b'{', b'}'), false, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // The struct's name may be left out; when written, it must be this one.
        if self.peek() != Some(b'(') && self.identifier()? != name {
            return Err(Refused);
        }
        self.entries((b'(', b')'), true, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_value()?;
        visitor.visit_unit()
    }
}

/// The items of a list or a tuple, each followed by a comma (the last one's optional).
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    close: u8,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.reader.peek() == Some(self.close) {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        if self.reader.peek() != Some(self.close) {
            self.reader.take(b',')?;
        }
        Ok(Some(value))
    }
}

/// The entries of a map (`key: value`) or a struct's fields (`name: value`).
struct Entries<'r, 'de> {
    reader: &'r mut Reader<'de>,
    close: u8,
    /// Keys are field names.
    fields: bool,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.reader.peek() == Some(self.close) {
            return Ok(None);
        }
        let key = if self.fields {
            let name = self.reader.identifier()?;
            seed.deserialize(name.into_deserializer())?
        } else {
            seed.deserialize(&mut *self.reader)?
        };
        self.reader.take(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.reader)?;
        if self.reader.peek() != Some(self.close) {
            self.reader.take(b',')?;
        }
        Ok(value)
    }
}

impl<'de> EnumAccess<'de> for &mut Reader<'de> {
    type Error = Refused;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let variant = seed.deserialize(name.into_deserializer())?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for &mut Reader<'de> {
    type Error = Refused;

    fn unit_variant(self) -> Result<()> {
        // `Name()` or `Name(...)` for a unit variant is left to `ron`.
        if self.peek() == Some(b'(') {
            Err(Refused)
        } else {
            Ok(())
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.take(b'(')?;
        self.deeper()?;
        let value = seed.deserialize(&mut *self)?;
        self.depth -= 1;
        self.take(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value> {
        Err(Refused)
    }
}

#[cfg(test)]
mod tests {
    use super::from_str;
    use crate::files::{SAMPLE, to_ron};
    use crate::model::{Scenario, SlideChoice, synthetic_scenario, synthetic_uncertainty};

    fn ron(text: &str) -> Result<Scenario, ron::error::SpannedError> {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
    }

    #[test]
    fn reads_what_ron_reads_from_the_files_this_program_writes() {
        let mut synthetic = synthetic_scenario(30, 120, 48);
        synthetic.assumptions.uncertainty = Some(synthetic_uncertainty());
        synthetic.slides = vec![
            SlideChoice::Title,
            SlideChoice::Region("11.01".to_owned()),
            SlideChoice::Map,
        ];
        synthetic.regions[0].name = "Kota \"Contoh\"\tSatu\\Dua\nTiga".to_owned();
        let written = to_ron(&synthetic).unwrap();
        for text in [SAMPLE, written.as_str()] {
            let quick: Scenario = from_str(text).expect("the quick reader reads it");
            assert_eq!(quick, ron(text).unwrap());
        }
    }

    #[test]
    fn refuses_what_it_does_not_know_and_ron_decides() {
        let plain = SAMPLE;
        for (what, text) in [
            ("a comment", format!("// notes\n{plain}")),
            (
                "an attribute",
                format!("#![enable(implicit_some)]\n{plain}"),
            ),
            ("a plus sign", plain.replacen("format: 5", "format: +5", 1)),
            (
                "an underscore",
                plain.replacen("format: 5", "format: 0_5", 1),
            ),
            ("a raw string", plain.replacen("name: \"", "name: r\"", 1)),
            (
                "a unicode escape",
                plain.replacen("name: \"", "name: \"\\u{41}", 1),
            ),
            ("trailing text", format!("{plain} x")),
            (
                "another struct",
                plain.replacen("Scenario(", "Skenario(", 1),
            ),
        ] {
            assert!(from_str::<Scenario>(&text).is_err(), "{what}");
            // `ron` still reads what is RON, and reports what is not.
            let _ = ron(&text);
        }
    }

    /// Every one-byte change of the sample the quick reader accepts, `ron` accepts too and
    /// reads the same: it never lets through what `ron` would refuse.
    #[test]
    fn never_accepts_what_ron_refuses() {
        let bytes = SAMPLE.as_bytes();
        let replacements = [
            b' ', b',', b'(', b')', b'[', b']', b'{', b'}', b':', b'"', b'1', b'-', b'.', b'e',
            b'x', b'\\',
        ];
        let mut accepted = 0;
        for (i, at) in (0..bytes.len()).step_by(3).enumerate() {
            let mut changed = bytes.to_vec();
            let replacement = replacements[i % replacements.len()];
            if i % 5 == 0 {
                changed.remove(at);
            } else {
                changed[at] = replacement;
            }
            let Ok(text) = String::from_utf8(changed) else {
                continue;
            };
            if let Ok(quick) = from_str::<Scenario>(&text) {
                accepted += 1;
                let slow = ron(&text).unwrap_or_else(|e| panic!("ron refuses at {at}: {e}"));
                assert_eq!(quick, slow, "change at {at}");
            }
        }
        assert!(accepted > 100, "{accepted}");
        // Numbers written otherwise than this program writes them.
        for (from, to) in [
            ("workforce: 213582,", "workforce: 213582.0,"),
            ("workforce: 213582,", "workforce: 2.13582e5,"),
            ("workforce: 213582,", "workforce: 2.13582E+5,"),
            ("workforce: 213582,", "workforce: 213582.000000000001,"),
            ("workforce: 213582,", "workforce: -0.0,"),
            ("format: 5", "format: 5.0"),
            ("format: 5", "format: -5"),
        ] {
            assert!(SAMPLE.contains(from), "{from}");
            let text = SAMPLE.replacen(from, to, 1);
            if let Ok(quick) = from_str::<Scenario>(&text) {
                assert_eq!(quick, ron(&text).expect(to), "{to}");
            }
        }
    }
}
