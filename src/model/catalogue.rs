//! Indonesia's 38 provinces and 514 regencies and cities, with their Kemendagri codes and
//! population, built into the program: a national or provincial scenario starts from here
//! instead of hundreds of regions typed by hand.
//!
//! Source: `wilayah_penduduk.csv`, converted from `db/wilayah_penduduk.sql` of the public
//! repository cahyadsn/wilayah (MIT License, copyright Cahya DSN; `assets/LICENSE-wilayah.txt`).
//! Population is not workforce: a region's workforce is estimated as population × a working
//! share (0.5076 by default: BPS Sakernas, August 2024, 144.64 million working of about 285
//! million people), labelled as an estimate and editable.

use std::sync::OnceLock;

use super::{Month, MonthField, Region, Scenario};

const DATA: &str = include_str!("../../assets/wilayah_penduduk.csv");

/// The national share of people working (BPS Sakernas Aug 2024: 144.64 of 284.97 million).
pub const WORKING_SHARE: f64 = 0.5076;

/// Where the catalogue comes from, as the About box and the README credit it.
pub const CREDIT: &str = "Regions and population: cahyadsn/wilayah (MIT License, © Cahya DSN), Kemendagri codes (Kepmendagri 300.2.2-2138/2025), Dukcapil population";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Country,
    Province,
    Regency,
    City,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub province_code: String,
    pub population: u64,
    /// The name in lower case, letters and digits only: what typing is matched against.
    pub search: String,
}

/// Every entry, in the file's order (each province followed by its regencies and cities).
#[must_use]
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        DATA.lines()
            .skip(1)
            .filter_map(|line| {
                let f: Vec<&str> = line.split(',').collect();
                let level = match *f.get(2)? {
                    "country" => Level::Country,
                    "province" => Level::Province,
                    "regency" => Level::Regency,
                    "city" => Level::City,
                    _ => return None,
                };
                // The source writes some names with two spaces ("Kabupaten  Kerinci").
                let name = f.get(1)?.split_whitespace().collect::<Vec<_>>().join(" ");
                Some(Entry {
                    code: (*f.first()?).to_owned(),
                    search: normal(&name),
                    name,
                    level,
                    province_code: (*f.get(3)?).to_owned(),
                    population: f.get(6)?.parse().ok()?,
                })
            })
            .collect()
    })
}

/// The 38 provinces.
pub fn provinces() -> impl Iterator<Item = &'static Entry> {
    entries().iter().filter(|e| e.level == Level::Province)
}

/// The regencies and cities of a province.
pub fn districts_of(province_code: &str) -> impl Iterator<Item = &'static Entry> {
    entries().iter().filter(move |e| {
        matches!(e.level, Level::Regency | Level::City) && e.province_code == province_code
    })
}

fn normal(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A province by its code or its name (`16`, `Sumatera Selatan`, `sumatera-selatan`,
/// `Provinsi Jambi`).
#[must_use]
pub fn province(code_or_name: &str) -> Option<&'static Entry> {
    let wanted = normal(code_or_name);
    let wanted = wanted.strip_prefix("provinsi").unwrap_or(&wanted);
    provinces().find(|p| p.code == code_or_name.trim() || p.search == wanted)
}

/// An entry by its code.
#[must_use]
pub fn by_code(code: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.code == code.trim())
}

/// Regencies, cities and provinces whose code starts with, or whose name contains, `text`:
/// what a planner typing a new region's code or name is offered. At most `max`.
#[must_use]
pub fn suggestions(text: &str, max: usize) -> Vec<&'static Entry> {
    let wanted = normal(text);
    if wanted.is_empty() {
        return Vec::new();
    }
    let code = text.trim();
    entries()
        .iter()
        .filter(|e| e.level != Level::Country)
        .filter(|e| e.code.starts_with(code) || e.search.contains(&wanted))
        .take(max)
        .collect()
}

/// A region of the scenario from a catalogue entry: its workforce estimated from population
/// and the working share, and labelled so; no active participants yet.
#[must_use]
pub fn region_of(entry: &Entry, share: f64, as_of: Month) -> Region {
    let province = provinces()
        .find(|p| p.code == entry.province_code)
        .map_or_else(String::new, |p| p.name.clone());
    #[allow(clippy::cast_precision_loss)]
    let population = entry.population as f64;
    Region {
        code: entry.code.clone(),
        name: entry.name.clone(),
        province,
        as_of: MonthField::Valid(as_of),
        workforce: (population * share).round(),
        workforce_source: format!("estimate: population {} x {share}", entry.population),
        active: std::collections::BTreeMap::new(),
        new_per_month: std::collections::BTreeMap::new(),
        lapse_pct_per_month: std::collections::BTreeMap::new(),
        targets: Vec::new(),
        actuals: Vec::new(),
        fitted: Vec::new(),
        note: format!(
            "ESTIMATE: workforce = population {} (Dukcapil) x {share}, the share of people working; replace it with the region's own figure. Active participants: to be entered from BPJS Ketenagakerjaan.",
            entry.population
        ),
    }
}

/// What to take from the catalogue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Every regency and city of Indonesia.
    pub all: bool,
    /// Provinces (codes): their regencies and cities.
    pub provinces: Vec<String>,
    /// Single regencies or cities (codes).
    pub districts: Vec<String>,
}

impl Selection {
    /// The entries chosen, each once, in the catalogue's order.
    #[must_use]
    pub fn entries(&self) -> Vec<&'static Entry> {
        entries()
            .iter()
            .filter(|e| matches!(e.level, Level::Regency | Level::City))
            .filter(|e| {
                self.all
                    || self.provinces.contains(&e.province_code)
                    || self.districts.contains(&e.code)
            })
            .collect()
    }

    /// A scenario of the chosen regions, as of `as_of`, workforce from `share`.
    #[must_use]
    pub fn scenario(&self, mut base: Scenario, share: f64, as_of: Month) -> Scenario {
        base.regions = self
            .entries()
            .into_iter()
            .map(|e| region_of(e, share, as_of))
            .collect();
        if base.name.is_empty() {
            base.name = if self.all {
                "Indonesia".to_owned()
            } else {
                let names: Vec<&str> = self
                    .provinces
                    .iter()
                    .filter_map(|code| province(code))
                    .map(|p| p.name.as_str())
                    .collect();
                names.join(", ")
            };
        }
        base.notes = format!(
            "Regions from the national catalogue. {CREDIT}. Workforce = population x {share} (an estimate: replace it with BPS or Kemendagri figures)."
        );
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_every_province_and_district() {
        assert_eq!(provinces().count(), 38);
        let districts = entries()
            .iter()
            .filter(|e| matches!(e.level, Level::Regency | Level::City))
            .count();
        assert_eq!(districts, 514);
        assert_eq!(province("Sumatera Selatan").unwrap().code, "16");
        assert_eq!(province("provinsi jambi").unwrap().code, "15");
        assert_eq!(province("17").unwrap().name, "Bengkulu");
        assert_eq!(districts_of("15").count(), 11);
        let muba = by_code("16.06").unwrap();
        assert_eq!(muba.name, "Kabupaten Musi Banyuasin");
        let r = region_of(muba, WORKING_SHARE, Month::new(2025, 7).unwrap());
        assert_eq!(r.province, "Sumatera Selatan");
        #[allow(clippy::cast_precision_loss)]
        let expected = (muba.population as f64 * WORKING_SHARE).round();
        assert_eq!(r.workforce, expected);
        assert!(r.workforce_source.starts_with("estimate"));
        assert_eq!(suggestions("musi ba", 5)[0].code, "16.06");
        assert_eq!(suggestions("16.0", 3).len(), 3);
    }
}
