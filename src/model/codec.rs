//! The scenario link: a compact, versioned, checksummed code for the URL
//! fragment, holding only what differs from the default scenario.
//!
//! Text form: unpadded base64url (RFC 4648 §5) of the bytes below.
//!
//! Version 1, bytes in order:
//!
//! | field | encoding |
//! | --- | --- |
//! | version | one byte, `1` |
//! | flags | one byte: bit 0 English, bit 1 a name follows; other bits 0 |
//! | name | if flagged: varint byte length (≤ 400), UTF-8 |
//! | per indicator, in plan order (funds, investment, capacity, value added): | |
//! | &nbsp; growth cells | varint count, then per changed cell: varint gap (index − previous index − 1, indices row-major unit × year, ascending), zigzag varint basis points |
//! | &nbsp; bases | varint count, then per changed base: varint gap (as above, unit index), varint value in 万元 (0.0001 亿元) |
//! | checksum | CRC-32 (IEEE 802.3, reflected, as in zip and PNG) of all bytes before it, little-endian |
//!
//! Version 2 (written since reported years came in) is version 1 with the
//! version byte `2` and, after each indicator's bases, its extras:
//!
//! | field | encoding |
//! | --- | --- |
//! | extras | one byte: bit 0 a source note follows, bit 1 an unallocated part, bit 2 reported years; other bits 0 |
//! | source | if flagged: varint byte length, UTF-8, at most 60 characters on one line, trimmed |
//! | unallocated | if flagged: varint base in 万元, zigzag varint growth in basis points |
//! | reported years | if flagged: varint count (1 … the indicator's years), then per year from the first: a kind byte and its figures |
//!
//! Version 3 (written since links open on the indicator that was on
//! screen) is version 2 with the version byte `3` and two more flag bits:
//! bits 2–3 of the flags byte are the indicator on screen (0 funds, 1
//! investment, 2 capacity, 3 value added). Links of versions 1 and 2 open
//! on the first indicator.
//!
//! Version 4 (written since growth ranges came in) is version 3 with the
//! version byte `4` and, after the last indicator, the uncertainty block:
//!
//! | field | encoding |
//! | --- | --- |
//! | uncertainty | one byte: bit 0 on, bit 1 ρ and φ follow, bit 2 ranges follow; other bits 0 |
//! | ρ, φ | if flagged: one byte each, in hundredths (0 … 100); else 0.50 and 0.30 |
//! | ranges | if flagged: per indicator, in plan order, a change list (as the growth cells) of its ranges that differ from ±3 points, indexed row-major unit × year, with index `cells` for the unallocated part; each value `2h` for ±h basis points, or `2(low × 32768 + high) + 1` for a low and a high half-width in basis points (each at most 18000) |
//!
//! Links of earlier versions open with uncertainty off and the defaults.
//!
//! Kinds: `0` each unit's growth (the figures are that year's growth cells
//! above); `1` each unit's level, one varint in 万元 per unit; `2` the city's
//! growth, a zigzag varint in basis points; `3` the city's level, a varint in
//! 万元.
//!
//! Varints are LEB128 (7 bits a byte, low first); zigzag maps 0, −1, 1, −2 …
//! to 0, 1, 2, 3 …. Every later version keeps byte 0 as the version and
//! the last four bytes as the CRC-32 of the rest, so any link can be checked
//! before it is read. Version 1 addresses cells by the layout of plan file
//! format 1 (nine units; years 2023 to each target year).

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::report::{clean_source, Report, Unallocated, MAX_SOURCE_CHARS};
use super::scenario::{Base, IndicatorInputs, Scenario};
use super::uncertainty::{Coefficient, Range, Uncertainty};
use super::Lang;

/// The version this code writes.
pub const CURRENT_VERSION: u8 = 4;

/// The longest scenario name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// What a link holds: a scenario, the language it was viewed in and the
/// indicator on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkState {
    /// The scenario.
    pub scenario: Scenario,
    /// The interface language.
    pub lang: Lang,
    /// The indicator on screen; `None` where the source says nothing of it
    /// (a scenario file), so that opening it keeps the view. Links always
    /// say: those before version 3 open on the first indicator.
    pub indicator: Option<IndicatorKey>,
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LinkError {
    /// The code is empty.
    #[error("the link holds no scenario code")]
    Empty,
    /// A character that base64url does not use.
    #[error("character “{character}” at position {position} is not part of a scenario code")]
    BadCharacter {
        /// Zero-based position in the code.
        position: usize,
        /// The character.
        character: char,
    },
    /// Too few bytes to be any version's code: cut off.
    #[error("the code is too short ({bytes} bytes): the link was cut off")]
    TooShort {
        /// Bytes decoded.
        bytes: usize,
    },
    /// The checksum does not match: changed or cut off.
    #[error("the code's checksum does not match: the link was changed or cut off")]
    Checksum,
    /// Written by a newer version of the page.
    #[error("the code is format version {0}, newer than this page reads")]
    FutureVersion(u8),
    /// A version that never existed.
    #[error("format version {0} does not exist")]
    UnknownVersion(u8),
    /// The checksum matches but the content breaks the format.
    #[error("the code is not a valid scenario: {0}")]
    Malformed(String),
}

fn malformed(what: impl Into<String>) -> LinkError {
    LinkError::Malformed(what.into())
}

/// CRC-32 (IEEE, reflected), computed bit by bit: no lookup table, so it
/// costs the page almost nothing.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Decodes unpadded base64url; also accepts `+` and `/`, which some mail
/// programs substitute, and ignores trailing `=`.
///
/// # Errors
///
/// [`LinkError::BadCharacter`] for anything else; [`LinkError::TooShort`]
/// for a length no encoder produces.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let trimmed = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (position, character) in trimmed.chars().enumerate() {
        let v = match character {
            'A'..='Z' => u32::from(character) - u32::from('A'),
            'a'..='z' => u32::from(character) - u32::from('a') + 26,
            '0'..='9' => u32::from(character) - u32::from('0') + 52,
            '-' | '+' => 62,
            '_' | '/' => 63,
            _ => return Err(LinkError::BadCharacter { position, character }),
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            // Masked to one byte.
            #[allow(clippy::cast_possible_truncation)]
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 {
        // A lone sixth bit-group: no encoder writes that.
        return Err(LinkError::TooShort { bytes: out.len() });
    }
    Ok(out)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        // Masked to seven bits.
        #[allow(clippy::cast_possible_truncation)]
        let byte = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Writes the changed items (`Some(value)`) of a list: their count, then
/// per item the gap to its index and its value.
fn put_changes(out: &mut Vec<u8>, items: impl Iterator<Item = Option<u64>>) {
    let changed: Vec<(usize, u64)> = items.enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
    put_varint(out, changed.len() as u64);
    let mut next = 0usize;
    for (i, v) in changed {
        put_varint(out, (i - next) as u64);
        put_varint(out, v);
        next = i + 1;
    }
}

fn zigzag(v: i32) -> u64 {
    u64::from(((v << 1) ^ (v >> 31)).cast_unsigned())
}

fn unzigzag(v: u64) -> Option<i32> {
    let v = u32::try_from(v).ok()?;
    Some(((v >> 1).cast_signed()) ^ -((v & 1).cast_signed()))
}

/// Writes an indicator's extras (version 2).
fn put_extras(out: &mut Vec<u8>, inputs: &IndicatorInputs) {
    let source = inputs.source();
    let reports = inputs.reports();
    let flags = u8::from(!source.is_empty())
        | (u8::from(inputs.unallocated.is_some()) << 1)
        | (u8::from(!reports.is_empty()) << 2);
    out.push(flags);
    if !source.is_empty() {
        put_varint(out, source.len() as u64);
        out.extend_from_slice(source.as_bytes());
    }
    if let Some(x) = inputs.unallocated {
        put_varint(out, x.base.wan());
        put_varint(out, zigzag(x.growth.bp()));
    }
    if !reports.is_empty() {
        put_varint(out, reports.len() as u64);
        for r in reports {
            match r {
                Report::UnitGrowth => out.push(0),
                Report::UnitLevels(levels) => {
                    out.push(1);
                    for l in levels {
                        put_varint(out, l.wan());
                    }
                }
                Report::CityGrowth(g) => {
                    out.push(2);
                    put_varint(out, zigzag(g.bp()));
                }
                Report::CityLevel(l) => {
                    out.push(3);
                    put_varint(out, l.wan());
                }
            }
        }
    }
}

/// A range as a link value (version 4).
fn range_value(r: Range) -> u64 {
    if r.is_symmetric() {
        u64::from(r.low_bp()) << 1
    } else {
        ((u64::from(r.low_bp()) << 15 | u64::from(r.high_bp())) << 1) | 1
    }
}

/// Writes the uncertainty block (version 4).
fn put_uncertainty(out: &mut Vec<u8>, scenario: &Scenario) {
    let u = scenario.uncertainty;
    let default = Uncertainty::DEFAULT;
    let coefficients = u.rho != default.rho || u.phi != default.phi;
    let changed = |inputs: &IndicatorInputs| {
        inputs.ranges.cells().iter().chain([&inputs.ranges.unallocated]).any(|r| *r != Range::DEFAULT)
    };
    let ranges = IndicatorKey::ALL.iter().any(|k| changed(scenario.inputs(*k)));
    out.push(u8::from(u.on) | u8::from(coefficients) << 1 | u8::from(ranges) << 2);
    if coefficients {
        out.extend([u.rho.hundredths(), u.phi.hundredths()]);
    }
    if ranges {
        for key in IndicatorKey::ALL {
            let table = &scenario.inputs(key).ranges;
            let all = table.cells().iter().chain([&table.unallocated]);
            put_changes(out, all.map(|r| (*r != Range::DEFAULT).then(|| range_value(*r))));
        }
    }
}

/// The two kinds of change a link lists.
#[derive(Clone, Copy)]
enum Item {
    Cell,
    Base,
    Range,
}

/// How messages name an item's parts.
struct Words {
    count: &'static str,
    too_many: &'static str,
    index: &'static str,
    value: &'static str,
}

impl Item {
    fn words(self) -> Words {
        match self {
            Item::Cell => Words {
                count: "a cell count",
                too_many: "more changed cells than cells",
                index: "a cell index",
                value: "a growth rate",
            },
            Item::Base => Words {
                count: "a base count",
                too_many: "more changed bases than units",
                index: "a unit index",
                value: "a base",
            },
            Item::Range => Words {
                count: "a range count",
                too_many: "more changed ranges than cells",
                index: "a range index",
                value: "a range",
            },
        }
    }
}

/// Reads bytes front to back; every read fails cleanly at the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self, what: &str) -> Result<u8, LinkError> {
        let b = *self.bytes.get(self.at).ok_or_else(|| malformed(format!("ends inside {what}")))?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self, what: &str) -> Result<u64, LinkError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte(what)?;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(malformed(format!("{what} is too long")))
    }

    fn index(&mut self, what: &str) -> Result<usize, LinkError> {
        usize::try_from(self.varint(what)?).map_err(|_| malformed(format!("{what} is too large")))
    }

    /// A list of changes: a count, then (index gap, value) pairs with
    /// indices ascending below `limit`.
    fn changes(&mut self, limit: usize, key: IndicatorKey, item: Item) -> Result<Vec<(usize, u64)>, LinkError> {
        let w = item.words();
        let n = self.index(w.count)?;
        if n > limit {
            return Err(malformed(format!("{key}: {}", w.too_many)));
        }
        let mut out = Vec::with_capacity(n);
        let mut next = 0usize;
        for _ in 0..n {
            let i = next.checked_add(self.index(w.index)?).filter(|i| *i < limit);
            let i = i.ok_or_else(|| malformed(format!("{key}: {} is out of range", w.index)))?;
            out.push((i, self.varint(w.value)?));
            next = i + 1;
        }
        Ok(out)
    }

    fn growth(&mut self, key: IndicatorKey, what: &str) -> Result<Growth, LinkError> {
        let bp = unzigzag(self.varint(what)?).ok_or_else(|| malformed(format!("{key}: {what} is too large")))?;
        Growth::from_bp(bp).map_err(|_| malformed(format!("{key}: {what} is out of range")))
    }

    fn base(&mut self, key: IndicatorKey, what: &str) -> Result<Base, LinkError> {
        Base::from_wan(self.varint(what)?).map_err(|_| malformed(format!("{key}: {what} is out of range")))
    }

    /// An indicator's extras (version 2): source, unallocated part, reported years.
    fn extras(&mut self, inputs: &mut IndicatorInputs, key: IndicatorKey) -> Result<(), LinkError> {
        let flags = self.byte("the extras")?;
        if flags & !0b111 != 0 {
            return Err(malformed(format!("{key}: unknown extras are set")));
        }
        if flags & 1 == 1 {
            let len = self.index("the source's length")?;
            if len == 0 || len > MAX_SOURCE_CHARS * 4 {
                return Err(malformed(format!("{key}: the source's length is out of range")));
            }
            let raw = self.take(len, "the source")?;
            let text = std::str::from_utf8(raw).map_err(|_| malformed(format!("{key}: the source is not UTF-8")))?;
            if clean_source(text) != text {
                return Err(malformed(format!("{key}: the source is not one short trimmed line")));
            }
            inputs.set_source(text);
        }
        if flags & 2 == 2 {
            let base = self.base(key, "the unallocated base")?;
            let growth = self.growth(key, "the unallocated growth")?;
            inputs.unallocated = Some(Unallocated { base, growth });
        }
        if flags & 4 == 4 {
            let n = self.index("the reported years' count")?;
            if n == 0 || n > inputs.growth.years() {
                return Err(malformed(format!("{key}: the reported years' count is out of range")));
            }
            inputs.set_reported_years(n);
            for col in 0..n {
                let report = match self.byte("a reported year's kind")? {
                    0 => Report::UnitGrowth,
                    1 => Report::UnitLevels(
                        (0..inputs.bases.len())
                            .map(|_| self.base(key, "a reported level"))
                            .collect::<Result<_, _>>()?,
                    ),
                    2 => Report::CityGrowth(self.growth(key, "a reported growth")?),
                    3 => Report::CityLevel(self.base(key, "a reported level")?),
                    _ => return Err(malformed(format!("{key}: a reported year's kind is unknown"))),
                };
                inputs.set_report(col, report);
            }
        }
        Ok(())
    }

    /// The uncertainty block (version 4).
    fn uncertainty(&mut self, scenario: &mut Scenario) -> Result<(), LinkError> {
        let flags = self.byte("the uncertainty block")?;
        if flags & !0b111 != 0 {
            return Err(malformed("unknown uncertainty flags are set"));
        }
        scenario.uncertainty.on = flags & 1 == 1;
        if flags & 2 == 2 {
            let mut coefficient = |what: &str| {
                let h = self.byte(what)?;
                Coefficient::from_hundredths(u64::from(h)).map_err(|_| malformed(format!("{what} is above 1")))
            };
            scenario.uncertainty.rho = coefficient("ρ")?;
            scenario.uncertainty.phi = coefficient("φ")?;
        }
        if flags & 4 == 4 {
            for key in IndicatorKey::ALL {
                let inputs = scenario.inputs_mut(key);
                let (cells, years) = (inputs.ranges.cells().len(), inputs.ranges.years());
                for (i, v) in self.changes(cells + 1, key, Item::Range)? {
                    let (low, high) = if v & 1 == 0 { (v >> 1, v >> 1) } else { (v >> 16, (v >> 1) & 0x7FFF) };
                    let bad = || malformed(format!("{key}: a range is out of range"));
                    let r =
                        Range::from_bp(i64::try_from(low).map_err(|_| bad())?, i64::try_from(high).map_err(|_| bad())?)
                            .map_err(|_| bad())?;
                    if i == cells {
                        inputs.ranges.unallocated = r;
                    } else {
                        inputs.ranges.set(i / years, i % years, r);
                    }
                }
            }
        }
        Ok(())
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&[u8], LinkError> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or_else(|| malformed(format!("ends inside {what}")))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
}

impl LinkState {
    /// Encodes against `plan`'s default scenario.
    pub fn encode(&self, plan: &Plan) -> String {
        let default = Scenario::default_for(plan);
        let mut out = vec![CURRENT_VERSION];
        let name: String = self.scenario.name.chars().take(MAX_NAME_CHARS).collect();
        let shown = self.indicator.unwrap_or(IndicatorKey::Funds);
        // At most 3: fits the two flag bits.
        #[allow(clippy::cast_possible_truncation)]
        let view = (shown.index() as u8) << 2;
        let flags = u8::from(self.lang == Lang::En) | (u8::from(!name.is_empty()) << 1) | view;
        out.push(flags);
        if !name.is_empty() {
            put_varint(&mut out, name.len() as u64);
            out.extend_from_slice(name.as_bytes());
        }
        for key in IndicatorKey::ALL {
            let (now, then) = (self.scenario.growth(key).cells(), default.growth(key).cells());
            put_changes(&mut out, now.iter().zip(then).map(|(a, b)| (a != b).then(|| zigzag(a.bp()))));
            // Bases are held to four decimals, so equal values have equal bits.
            let (now, then) = (self.scenario.bases(key), default.bases(key));
            put_changes(
                &mut out,
                now.iter()
                    .zip(then)
                    .map(|(a, b)| (a.to_bits() != b.to_bits()).then(|| Base::new(*a).map_or(0, Base::wan))),
            );
            put_extras(&mut out, self.scenario.inputs(key));
        }
        put_uncertainty(&mut out, &self.scenario);
        let crc = crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        base64url_encode(&out)
    }

    /// Decodes a code made by any released version, against `plan`.
    ///
    /// # Errors
    ///
    /// A [`LinkError`] that says what is wrong; a damaged code never decodes
    /// into some other scenario.
    pub fn decode(code: &str, plan: &Plan) -> Result<Self, LinkError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(LinkError::Empty);
        }
        let bytes = base64url_decode(code)?;
        if bytes.len() < 5 {
            return Err(LinkError::TooShort { bytes: bytes.len() });
        }
        let (body, tail) = bytes.split_at(bytes.len() - 4);
        let mut crc = [0u8; 4];
        crc.copy_from_slice(tail);
        if crc32(body) != u32::from_le_bytes(crc) {
            return Err(LinkError::Checksum);
        }
        match body[0] {
            v @ 1..=CURRENT_VERSION => Self::decode_body(&body[1..], plan, v),
            v if v > CURRENT_VERSION => Err(LinkError::FutureVersion(v)),
            v => Err(LinkError::UnknownVersion(v)),
        }
    }

    fn decode_body(body: &[u8], plan: &Plan, version: u8) -> Result<Self, LinkError> {
        let mut r = Reader { bytes: body, at: 0 };
        let mut scenario = Scenario::default_for(plan);
        let flags = r.byte("the flags")?;
        let known = if version >= 3 { 0b1111 } else { 0b11 };
        if flags & !known != 0 {
            return Err(malformed("unknown flags are set"));
        }
        let lang = if flags & 1 == 1 { Lang::En } else { Lang::Zh };
        let indicator = Some(IndicatorKey::ALL[usize::from((flags >> 2) & 0b11)]);
        if flags & 2 == 2 {
            let len = r.index("the name's length")?;
            if len == 0 || len > MAX_NAME_CHARS * 4 {
                return Err(malformed("the name's length is out of range"));
            }
            let raw = r.take(len, "the name")?;
            let name = std::str::from_utf8(raw).map_err(|_| malformed("the name is not UTF-8"))?;
            if name.chars().count() > MAX_NAME_CHARS {
                return Err(malformed("the name is too long"));
            }
            name.clone_into(&mut scenario.name);
        }
        for key in IndicatorKey::ALL {
            let years = scenario.growth(key).years();
            let cells = r.changes(scenario.growth(key).cells().len(), key, Item::Cell)?;
            for (i, raw) in cells {
                let bp = unzigzag(raw).ok_or_else(|| malformed("a growth rate is too large"))?;
                let g = Growth::from_bp(bp).map_err(|_| malformed(format!("{key}: a growth rate is out of range")))?;
                scenario.growth_mut(key).set(i / years, i % years, g);
            }
            for (u, wan) in r.changes(scenario.bases(key).len(), key, Item::Base)? {
                let base = Base::from_wan(wan).map_err(|_| malformed(format!("{key}: a base is out of range")))?;
                scenario.set_base(key, u, base);
            }
            if version >= 2 {
                r.extras(scenario.inputs_mut(key), key)?;
            }
        }
        if version >= 4 {
            r.uncertainty(&mut scenario)?;
        }
        if r.at != body.len() {
            return Err(malformed("there are bytes after the scenario"));
        }
        Ok(LinkState { scenario, lang, indicator })
    }
}

/// A scenario code found in a URL fragment: `#s=CODE`, other `&`-separated
/// parameters ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment(pub String);

impl FromStr for Fragment {
    type Err = LinkError;

    /// Finds the code in `#s=…`, `s=…` or a whole address.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let frag = s.split_once('#').map_or(s, |(_, f)| f);
        frag.split('&').find_map(|p| p.strip_prefix("s=")).map(|c| Fragment(c.to_owned())).ok_or(LinkError::Empty)
    }
}

impl fmt::Display for Fragment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#s={}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        // The CRC-32 check value of "123456789" is 0xCBF43926.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255).collect();
        for n in 0..40 {
            let enc = base64url_encode(&data[..n]);
            assert!(!enc.contains('='));
            assert_eq!(base64url_decode(&enc).unwrap(), &data[..n], "{n}");
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_decode("+/8").unwrap(), b"\xfb\xff");
        assert_eq!(base64url_decode("a"), Err(LinkError::TooShort { bytes: 0 }));
    }

    #[test]
    fn zigzag_round_trips() {
        for v in [0, -1, 1, -3000, 15000, i32::MIN, i32::MAX] {
            assert_eq!(unzigzag(zigzag(v)), Some(v));
        }
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(1), 2);
    }

    #[test]
    fn fragments() {
        assert_eq!("#s=abc".parse(), Ok(Fragment("abc".into())));
        assert_eq!("https://x/y/#lang=zh&s=abc".parse(), Ok(Fragment("abc".into())));
        assert_eq!("#t=1".parse::<Fragment>(), Err(LinkError::Empty));
        assert_eq!(Fragment("abc".into()).to_string(), "#s=abc");
    }
}
