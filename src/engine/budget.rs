//! Public cost by payer, per month and per fiscal year (January to December).

use crate::model::{Month, Payer};

use super::projection::Series;

/// Cost by payer for consecutive months from `first`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Budget {
    pub first: Month,
    pub cost_by_payer: Vec<[f64; Payer::COUNT]>,
}

/// One fiscal year's cost: APBD is budgeted per calendar year.
#[derive(Clone, Debug, PartialEq)]
pub struct FiscalYear {
    pub year: i32,
    pub by_payer: [f64; Payer::COUNT],
}

impl FiscalYear {
    #[must_use]
    pub fn total(&self) -> f64 {
        self.by_payer.iter().sum()
    }
}

impl Budget {
    /// One region's (or the total's) cost.
    #[must_use]
    pub fn of_series(series: &Series) -> Self {
        Self {
            first: series.first,
            cost_by_payer: (0..series.len()).map(|k| series.cost_by_payer(k)).collect(),
        }
    }

    #[must_use]
    pub fn month(&self, k: usize) -> Month {
        self.first.plus(i32::try_from(k).unwrap_or(i32::MAX))
    }

    /// Sums by calendar year; a year the months only partly cover sums what they cover.
    #[must_use]
    pub fn fiscal_years(&self) -> Vec<FiscalYear> {
        let mut years: Vec<FiscalYear> = Vec::new();
        for (k, month_cost) in self.cost_by_payer.iter().enumerate() {
            let year = self.month(k).year();
            if years.last().is_none_or(|y| y.year != year) {
                years.push(FiscalYear {
                    year,
                    by_payer: [0.0; Payer::COUNT],
                });
            }
            if let Some(current) = years.last_mut() {
                for (sum, cost) in current.by_payer.iter_mut().zip(month_cost) {
                    *sum += cost;
                }
            }
        }
        years
    }
}
