//! Bahasa Indonesia.

use super::{Lang, SummaryTexts, Texts};
use crate::model::Problem;

const L: Lang = Lang::Id;

pub static TEXTS: Texts = Texts {
    lang_name: "Bahasa Indonesia",
    months: [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ],
    magnitudes: ["ribu", "juta", "miliar", "triliun"],
    error: "galat",
    warning: "peringatan",
    errors: "galat",
    warnings: "peringatan",
    scenario: "skenario",
    region: "wilayah",
    campaign: "kampanye",
    problem,
    summary: SummaryTexts {
        coverage_now: "cakupan saat ini",
        not_projected: "tidak diproyeksikan: perbaiki galat di atas",
        targets: "target",
        no_targets: "tidak ada target",
        target: "target",
        projected: "proyeksi",
        gap: "selisih bersih",
        reached: "tercapai",
        not_by_end: "tidak sampai akhir",
        needed: "pendaftaran dibutuhkan",
        already_met: "sudah tercapai",
        unreachable: "tidak tercapai dengan kampanye itu",
        needed_note: "pendaftaran dibutuhkan: pekerja BPU mandiri didaftarkan merata sejak bulan setelah data awal sampai bulan target, menjadi non-aktif sesuai laju BPU wilayah (bruto, bukan bersih)",
        cost_per_year: "biaya publik per tahun anggaran",
        no_cost: "tanpa biaya publik",
        total: "jumlah",
        all_regions: "SEMUA wilayah",
    },
};

fn problem(p: &Problem) -> String {
    match p {
        Problem::NotAMonth { text } => {
            format!("\"{text}\" bukan bulan: tulis TTTT-BB, misalnya 2025-07")
        }
        Problem::Negative { value } => {
            format!("tidak boleh negatif (nilainya {})", L.plain(*value))
        }
        Problem::NotFinite => "harus berupa angka".to_owned(),
        Problem::PercentOutOfRange { value } => {
            format!(
                "harus persen dari 0 sampai 100 (nilainya {})",
                L.plain(*value)
            )
        }
        Problem::ZeroWorkforce => "potensi tenaga kerja harus lebih dari 0".to_owned(),
        Problem::UnknownRegion { code } => format!("tidak ada wilayah berkode \"{code}\""),
        Problem::DuplicateCode { first_index } => {
            format!("kodenya sama dengan wilayah {}", first_index + 1)
        }
        Problem::EndBeforeAsOf { end, as_of } => format!(
            "skenario berakhir ({}) sebelum data wilayah ini ({})",
            L.month(*end),
            L.month(*as_of)
        ),
        Problem::TooManyMonths { months } => {
            format!("{months} bulan sampai akhir; paling banyak 600 bulan")
        }
        Problem::CoverageAbove100 { pct } => format!(
            "cakupan {}: peserta aktif melebihi potensi tenaga kerja",
            L.pct(*pct)
        ),
        Problem::TargetAfterEnd { month, end } => format!(
            "target ({}) sesudah akhir skenario ({}): tidak dapat diperiksa",
            L.month(*month),
            L.month(*end)
        ),
        Problem::EnrollmentBeforeAsOf { as_of } => format!(
            "pendaftaran pada atau sebelum data wilayah ({}) dianggap sudah termasuk di dalamnya dan diabaikan",
            L.month(*as_of)
        ),
        Problem::StartsAfterEnd { end } => format!(
            "dimulai sesudah akhir skenario ({}): tidak berpengaruh",
            L.month(*end)
        ),
        Problem::ZeroMonths => "paling sedikit 1 bulan".to_owned(),
        Problem::EmptyCode => "setiap wilayah perlu kode".to_owned(),
        Problem::NewerFormat { found, supported } => format!(
            "format {found} lebih baru dari yang dapat dibaca program ini (sampai {supported})"
        ),
    }
}
