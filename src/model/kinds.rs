//! The closed lists of the domain: participant segments, who pays, enrollment ramps.

use serde::{Deserialize, Serialize};

/// Participant segment, as BPJS Ketenagakerjaan reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Segment {
    /// Penerima Upah: wage earners, enrolled by employers.
    PU,
    /// Bukan Penerima Upah: informal workers.
    BPU,
    /// Construction-project workers.
    Jakon,
    /// Pekerja Migran Indonesia: migrant workers.
    PMI,
}

impl Segment {
    pub const ALL: [Self; 4] = [Self::PU, Self::BPU, Self::Jakon, Self::PMI];
    pub const COUNT: usize = Self::ALL.len();

    /// Position in [`Segment::ALL`], for per-segment arrays.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The code used in files and reports.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::PU => "PU",
            Self::BPU => "BPU",
            Self::Jakon => "Jakon",
            Self::PMI => "PMI",
        }
    }
}

/// Who pays a campaign's contributions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Payer {
    Apbn,
    ApbdProvince,
    ApbdRegency,
    Village,
    Csr,
    Employer,
    SelfPaid,
}

impl Payer {
    pub const ALL: [Self; 7] = [
        Self::Apbn,
        Self::ApbdProvince,
        Self::ApbdRegency,
        Self::Village,
        Self::Csr,
        Self::Employer,
        Self::SelfPaid,
    ];
    pub const COUNT: usize = Self::ALL.len();

    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// Public budgets and CSR hold members in a funded group that does not lapse while the
    /// funding lasts, and their contributions are the public cost; employers and workers
    /// paying themselves put members straight into the segment pool.
    #[must_use]
    pub fn is_funded(self) -> bool {
        !matches!(self, Self::Employer | Self::SelfPaid)
    }

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Apbn => "Apbn",
            Self::ApbdProvince => "ApbdProvince",
            Self::ApbdRegency => "ApbdRegency",
            Self::Village => "Village",
            Self::Csr => "Csr",
            Self::Employer => "Employer",
            Self::SelfPaid => "SelfPaid",
        }
    }
}

/// How a campaign's people are spread over its `ramp_months`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ramp {
    #[default]
    Immediate,
    Linear,
    SCurve,
}

impl Ramp {
    pub const ALL: [Self; 3] = [Self::Immediate, Self::Linear, Self::SCurve];
}
