//! Calibration results in words, the same in the window and the `calibrate` command.

use super::Lang;
use crate::engine::{Calibration, DEVIATION_PCT};
use crate::model::Rate;

impl Lang {
    /// "BPU enrollment per month 499 a month (was 150)".
    #[must_use]
    pub fn fitted_rate(self, rate: Rate, before: f64, after: f64) -> String {
        let t = &self.texts().calib;
        format!(
            "{} {} ({} {})",
            (t.rate_name)(rate),
            self.rate_value(rate, after),
            t.was,
            self.number_of(rate, before)
        )
    }

    /// A rate's value without its unit: `150`, `4,00 %`.
    #[must_use]
    pub fn number_of(self, rate: Rate, value: f64) -> String {
        match rate {
            Rate::NewPerMonth(_) => self.people(value),
            Rate::Lapse(_) => self.pct(value),
        }
    }

    /// The one sentence that says what was fitted, what was held, and how close the
    /// projection now passes.
    #[must_use]
    pub fn calibration_sentence(self, c: &Calibration) -> String {
        let t = &self.texts().calib;
        let fitted: Vec<String> = c
            .fitted
            .iter()
            .map(|f| self.fitted_rate(f.rate, f.before, f.after))
            .collect();
        let mut held: Vec<(Rate, f64)> = c.held.clone();
        for x in shown_confounded(c) {
            if !held.iter().any(|(r, _)| *r == x.held) {
                held.push((x.held, x.value));
            }
        }
        let held: Vec<(String, String)> = held
            .iter()
            .map(|&(r, v)| ((t.rate_name)(r), self.number_of(r, v)))
            .collect();
        // "within 0.1 %" rather than a promise of "0.0 %": rounded up, at least a tenth.
        let worst = (c.worst_error_pct() * 10.0).ceil().max(1.0) / 10.0;
        let worst = format!("{} %", self.number(worst, 1));
        (t.sentence)(&fitted, &held, &worst, c.points.len())
    }

    /// Plain-word notes: rates the figures cannot tell apart, rates with no effect, rates at
    /// their limit, and a fit that still misses.
    #[must_use]
    pub fn calibration_notes(self, c: &Calibration) -> Vec<String> {
        let t = &self.texts().calib;
        let mut notes: Vec<String> = shown_confounded(c)
            .map(|x| {
                (t.confounded)(
                    &(t.rate_name)(x.held),
                    &(t.rate_name)(x.with),
                    c.points.len(),
                    &self.number_of(x.held, x.value),
                )
            })
            .collect();
        notes.extend(
            c.no_effect
                .iter()
                .map(|&r| (t.no_effect)(&(t.rate_name)(r))),
        );
        notes.extend(
            c.fitted
                .iter()
                .filter(|f| f.at_limit)
                .map(|f| (t.at_limit)(&(t.rate_name)(f.rate))),
        );
        if c.worst_error_pct() > DEVIATION_PCT {
            notes.push((t.not_good)(&format!(
                "{} %",
                self.number(c.worst_error_pct(), 1)
            )));
        }
        notes.into_iter().map(|n| capitalised(&n)).collect()
    }
}

/// The rates the figures could not separate that are worth a word: all of them when the
/// planner chose what to fit; by default only those of a fitted rate's own segment (the
/// question a planner asks: "was it enrollment or lapse?").
fn shown_confounded(c: &Calibration) -> impl Iterator<Item = &crate::engine::Confounded> {
    c.confounded
        .iter()
        .filter(|x| c.chosen_by_planner || x.held.segment() == x.with.segment())
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
