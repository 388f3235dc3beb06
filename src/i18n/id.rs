//! Bahasa Indonesia.

use super::{
    CalibTexts, CatalogueTexts, ColumnTexts, GridTexts, ImportTexts, Lang, OutsideTexts,
    RecoveryTexts, SheetTexts, StatusTexts, SummaryTexts, Texts, UiTexts, UncertaintyTexts,
};
use crate::model::{Payer, Problem, Ramp};

const L: Lang = Lang::Id;

pub static TEXTS: Texts = Texts {
    lang_name: "Bahasa Indonesia",
    months: [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ],
    magnitudes: ["ribu", "juta", "miliar", "triliun"],
    error: "kesalahan",
    warning: "peringatan",
    errors: "kesalahan",
    warnings: "peringatan",
    scenario: "skenario",
    region: "wilayah",
    campaign: "kampanye",
    variant: "varian",
    problem,
    characters: "karakter",
    summary: SummaryTexts {
        coverage_now: "cakupan saat ini",
        not_projected: "tidak diproyeksikan: perbaiki kesalahan di atas",
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
        more_problems: |n| {
            format!("… dan {n} masalah lagi: `ucj-planner check FILE` mencantumkan semuanya.")
        },
    },
    status: StatusTexts {
        before_start: "sebelum data: tidak dinilai",
        below_again: |at, below| format!("{at}, turun lagi sejak {below}"),
        lost: |at, below| format!("tercapai {at}, turun lagi sejak {below}"),
        late: |at| format!("baru {at}"),
        all_of: |n, of| format!("SEMUA: {n} dari {of} wilayah"),
        left_out: |name, why| format!("{name} tidak dihitung: {why}"),
        not_projected_named: |name, why| format!("{name} tidak diproyeksikan: {why}"),
    },
    outside: OutsideTexts {
        title: "Berkas berubah di disk",
        changed: |name| {
            format!(
                "{name} diubah di disk sesudah jendela ini membaca atau menyimpannya: oleh rekan di folder bersama, jendela lain, atau program lain. Menyimpan sekarang akan menimpa perubahan itu."
            )
        },
        reload: "Muat ulang dari disk",
        reload_hint: "Buka berkas sebagaimana adanya di disk sekarang; perubahan di jendela ini dibuang",
        save_as: "Simpan milik saya sebagai…",
        overwrite: "Timpa dengan milik saya",
        overwrite_hint: "Ganti berkas di disk dengan skenario jendela ini; versi di disk disimpan sebagai NAMA.ron.bak",
        compare: "Bandingkan",
        later: "Batal",
        same: "Skenario di disk dan di jendela ini sama.",
        settings_differ: "Nama, catatan, akhir, atau asumsi skenario berbeda.",
        only_on_disk: |what, name| format!("{what} {name}: hanya di disk"),
        only_here: |what, name| format!("{what} {name}: hanya di jendela ini"),
        differs: |what, name| format!("{what} {name}: berubah"),
        more: |n| format!("… dan {n} lagi"),
        open_elsewhere: |user, host, since| {
            format!(
                "Berkas ini juga terbuka di jendela UCJ Planner lain ({user} di {host}, sejak {since}). Menyimpan di keduanya saling menimpa; jendela ini akan bertanya sebelum menimpa."
            )
        },
        region_word: "Wilayah",
        campaign_word: "Kampanye",
        variant_word: "Varian",
    },
    recovery: RecoveryTexts {
        title: "Ada pekerjaan yang belum disimpan",
        intro: "UCJ Planner tidak ditutup dengan normal terakhir kali (macet, listrik padam, atau jendela dimatikan). Pekerjaan ini belum disimpan. Tidak ada yang dihapus sampai Anda memilih.",
        restore: "Pulihkan",
        discard: "Buang",
        later: "Putuskan nanti",
        restored: "Pekerjaan yang belum disimpan dipulihkan: simpan agar tidak hilang",
        item: |name, when| format!("{name}, terakhir diubah {when}"),
        unknown_time: "pada waktu yang tidak diketahui",
    },
    calib: CalibTexts {
        title: "Kalibrasi ke angka yang dilaporkan",
        calibrate: "Kalibrasi…",
        calibrate_hint: "Cocokkan pendaftaran per bulan dan laju non-aktif wilayah ini agar proyeksi melewati angka aktual yang dilaporkan",
        calibrate_all: "Kalibrasi semua wilayah…",
        what_to_fit: "Yang dicocokkan",
        default_choice: "Yang dapat ditentukan oleh angka-angkanya (bawaan)",
        apply: "Terapkan",
        apply_hint: "Tulis nilai hasil kalibrasi ke wilayah, ditandai hasil kalibrasi (satu langkah urung)",
        close: "Tutup",
        cancel: "Batal",
        enrollment: "pendaftaran per bulan",
        lapse: "laju non-aktif",
        col_rate: "Laju",
        col_was: "Semula",
        col_fitted: "Hasil",
        col_reported: "Dilaporkan",
        col_before: "Proyeksi sebelum",
        col_after: "Proyeksi sesudah",
        col_error: "Selisih sesudah",
        col_result: "Hasil",
        total_word: "total",
        before_line: "sebelum kalibrasi",
        after_line: "sesudah kalibrasi",
        reported_points: "dilaporkan",
        baseline: "Kondisi dasar tanpa kampanye",
        baseline_hint: "Pendaftaran baru per bulan dan laju non-aktif per segmen. Asumsi = laju skenario; sendiri = diisi untuk wilayah ini; kalibrasi = ditetapkan oleh kalibrasi ke bulan-bulan laporan yang tertera.",
        source_assumed: "asumsi",
        source_own: "sendiri",
        use_scenario_rate: "pakai laju skenario",
        no_regions_with_actuals: "Tidak ada wilayah dengan angka aktual sesudah bulan datanya: tambahkan aktual (bulan dan peserta aktif) untuk kalibrasi.",
        applied: "Kalibrasi diterapkan (Ctrl+Z membatalkannya)",
        a_month: "per bulan",
        was: "semula",
        region_col: "Wilayah",
        nothing_to_calibrate: |as_of| {
            format!("tidak ada yang dicocokkan: tidak ada aktual yang dilaporkan sesudah {as_of}")
        },
        calibrate_all_title: "Kalibrasi semua wilayah",
        mark_fitted: "k",
        mark_assumed: "a",
        stale: "Skenario berubah sesudah kalibrasi ini dibuat: tutup dan kalibrasi lagi untuk menerapkannya.",
        split_col: "Per segmen",
        add_split: "+ Rincian",
        add_split_hint: "Isi rincian per segmen yang dilaporkan (angka PU/BPU dari BPJS); kalibrasi lalu mencocokkan tiap segmen dengan angkanya sendiri. Dimulai dari rincian proyeksi pada bulan itu.",
        remove_split: "Hapus rincian per segmen",
        progress: |done, of| format!("Kalibrasi: {done} dari {of} wilayah"),
        cancelled: |done, of| {
            format!("Dibatalkan sesudah {done} dari {of} wilayah; tidak ada yang diubah")
        },
        done: |changed, same, failed, nothing| {
            let mut parts = vec![format!("{changed} dikalibrasi dengan nilai baru")];
            if same > 0 {
                parts.push(format!("{same} sudah terkalibrasi"));
            }
            if failed > 0 {
                parts.push(format!("{failed} tidak dapat dicocokkan (lihat di bawah)"));
            }
            if nothing > 0 {
                parts.push(format!("{nothing} tanpa angka untuk dicocokkan"));
            }
            let apply = if changed > 0 {
                " Terapkan menulis nilai baru dalam satu langkah urung."
            } else {
                ""
            };
            format!("Wilayah: {}.{apply}", parts.join(", "))
        },
        source_fitted: |months| format!("kalibrasi ke {months}"),
        rate_name: |r| match r {
            crate::model::Rate::NewPerMonth(s) => format!("pendaftaran {}", s.code()),
            crate::model::Rate::Lapse(s) => format!("laju non-aktif {}", s.code()),
        },
        sentence: |fitted, held, worst, n| {
            let held = if held.is_empty() {
                String::new()
            } else {
                let held: Vec<String> = held
                    .iter()
                    .map(|(name, v)| format!("{name} ditahan pada {v}"))
                    .collect();
                format!(", {}", held.join(", "))
            };
            let of = match n {
                1 => "angka yang dilaporkan".to_owned(),
                2 => "kedua angka yang dilaporkan".to_owned(),
                n => format!("ke-{n} angka yang dilaporkan"),
            };
            format!(
                "Hasil kalibrasi: {}{held}. Proyeksi kini berselisih paling banyak {worst} dari {of}.",
                fitted.join(", ")
            )
        },
        confounded: |held, with, n, value| {
            format!(
                "{held} dan {with} tidak dapat dibedakan oleh {n} angka yang dilaporkan: hanya perubahan bersih per bulannya yang terlihat. Karena itu {held} ditahan pada {value} dan hanya {with} yang dicocokkan."
            )
        },
        no_effect: |rate| {
            format!(
                "{rate} tidak mengubah angka laporan mana pun (segmennya kosong): tidak dicocokkan."
            )
        },
        at_limit: |rate| {
            format!(
                "{rate} berhenti di batasnya: angka laporan meminta lebih dari yang dimungkinkan model (periksa kampanye dan angka bulan data)."
            )
        },
        not_good: |worst| {
            format!(
                "Kecocokan terbaik masih meleset {worst} dari angka laporan: angka-angkanya tidak cocok dengan model ini."
            )
        },
        error: |e| {
            match e {
            crate::engine::CalibrationError::NotProjected => "wilayah tidak diproyeksikan: perbaiki kesalahannya dulu".to_owned(),
            crate::engine::CalibrationError::NoReportedFigures => "tidak ada angka peserta aktif yang dilaporkan sesudah bulan data dan di dalam proyeksi".to_owned(),
            crate::engine::CalibrationError::NothingToFit => "tidak satu pun laju yang dipilih mengubah angka laporan".to_owned(),
            crate::engine::CalibrationError::NothingChosen => "centang paling sedikit satu laju untuk dicocokkan".to_owned(),
        }
        },
    },
    uncertainty: UncertaintyTexts {
        title: "Ketidakpastian",
        intro: "Tidak ada yang menerbitkan laju non-aktif, dan tidak ada kampanye yang mendaftarkan persis jumlah orang yang direncanakan. Beri setiap masukan yang tidak pasti sebuah rentang: setiap putaran menarik nilai dari rentang itu (segitiga, paling mungkin di tengah) lalu memproyeksikan ulang, dan pita menunjukkan di mana 50 % dan 90 % putaran berada.",
        enable: "Jalankan ketidakpastian (pita dan peluang)",
        enable_hint: "Menambahkan blok ketidakpastian ke berkas; bila dimatikan, rentangnya dihapus",
        runs: "Putaran",
        seed: "Benih",
        lapse_spread: "Laju non-aktif ± % dari lajunya",
        new_spread: "Pendaftaran tanpa kampanye ± %",
        growth_spread: "Pertumbuhan potensi TK ± % dari lajunya",
        spread_hint: "Setiap putaran mengalikan laju dengan faktor dari 1 - x/100 sampai 1 + x/100, paling mungkin 1: 50 mengubah laju non-aktif 4 % menjadi 2 % sampai 6 %",
        uptake: "Serapan kampanye, % dari orang yang direncanakan",
        uptake_hint: "Setiap putaran mendaftarkan rendah sampai tinggi persen dari orang setiap kampanye, paling mungkin nilai tengah; kampanye boleh punya rentang sendiri (tabel Kampanye)",
        low: "rendah",
        mode: "paling mungkin",
        high: "tinggi",
        no_spread: "Setiap rentang hanya satu nilai: putaran sama dengan proyeksi, jadi pita tidak digambar.",
        not_run: "simulasi ketidakpastian tidak dapat berjalan: perbaiki dulu kesalahan pada rentangnya",
        no_block: "catatan: berkas tidak punya blok ketidakpastian, jadi setiap sebaran 0 dan setiap persentil sama dengan proyeksi",
        chance: "Peluang",
        chance_of: |level, month, chance| {
            format!("Peluang mencapai {level} pada {month}: {chance}")
        },
        running: |pct| format!("Simulasi ketidakpastian: {pct} %"),
        from_runs: |runs| format!("dari {runs} putaran"),
        median: "median putaran",
        what_matters: |target| format!("Yang menggeser cakupan pada {target}"),
        what_matters_hint: "Cakupan pada bulan target bila satu masukan di ujung rendah dan di ujung tinggi rentangnya, yang lain pada nilai paling mungkin: batang terpanjang adalah asumsi yang paling layak diperdebatkan",
        at_low: "masukan rendah",
        at_high: "masukan tinggi",
        lapse_of: |s| format!("Laju non-aktif {s}"),
        new_of: |s| format!("Pendaftaran tanpa kampanye {s}"),
        growth: "Pertumbuhan potensi TK",
        uptake_of: |name| format!("Serapan: {name}"),
        seek_chance: |chance| format!("Orang untuk peluang {chance}"),
        col_uptake: "Serapan %",
        bands_line: |runs| {
            format!(
                "Pita: tempat 50 % dan 90 % dari {runs} putaran; garis tebal: mediannya; putus-putus tipis: rencana"
            )
        },
        bands_short: "50 % / 90 % putaran",
        moves_most: |input, low, high| format!("Paling menggeser: {input} ({low} sampai {high})"),
        range_hint: "tulis rendah / paling mungkin / tinggi, misalnya 60 / 90 / 100, atau satu angka",
        seek_chance_hint: "Pencarian target atas putaran ketidakpastian: jumlah orang paling sedikit yang harus direncanakan kampanye agar bagian putaran ini mencapai target (serapannya ditarik dari rentang skenario)",
    },
    catalogue: CatalogueTexts {
        menu: "Baru dari katalog…",
        title: "Skenario baru dari katalog nasional",
        intro: "38 provinsi dan 514 kabupaten dan kota di Indonesia dengan kode Kemendagri dan jumlah penduduk. Angkatan kerja tiap wilayah dimulai dari penduduk × bagian yang bekerja: sebuah perkiraan, ditandai demikian, untuk diganti dengan angka wilayah itu sendiri.",
        all: "Seluruh Indonesia (514 kabupaten dan kota)",
        filter_hint: "Cari provinsi, kabupaten atau kota",
        province_line: |name, code, n| format!("{name} ({code}): semua {n} kabupaten dan kota"),
        share: "Bagian penduduk yang bekerja",
        share_hint: "0,5076 = BPS Sakernas Agustus 2024: 144,64 juta bekerja dari sekitar 285 juta penduduk",
        share_bad: "Bagian yang bekerja adalah angka di atas 0 dan paling besar 1.",
        as_of: "Angka per",
        chosen: |n| format!("{n} wilayah dipilih"),
        create: "Buat",
        use_entry: "Dari katalog: isi kode, nama, provinsi dan perkiraan potensi TK",
    },
    import: ImportTexts {
        menu_import: "Impor data (CSV, XLSX)…",
        menu_export: "Ekspor buku kerja (XLSX)…",
        title: "Impor data",
        read_as: "dibaca sebagai",
        not_read_sheet: "tidak dibaca",
        ignored: "(tidak dibaca)",
        column_of: "Kolom",
        all_read: "Semua baris dapat dibaca.",
        nothing_new: "Tidak ada yang diimpor: baris yang dapat dibaca sudah ada di rencana apa adanya.",
        not_read: |n| format!("{n} baris tidak dapat dibaca dan dilewati:"),
        import: "Impor",
        import_hint: "Digabung menurut kode wilayah: wilayah, target, realisasi dan kampanye diperbarui atau ditambahkan; satu langkah urung",
        imported: |counts| format!("Diimpor: {counts}."),
        exported: "Buku kerja ditulis:",
    },
    columns: ColumnTexts {
        name: |c| {
            use crate::files::tables::Col;
            match c {
                Col::Code => "Kode".into(),
                Col::Name => "Nama".into(),
                Col::Province => "Provinsi".into(),
                Col::AsOf => "Data per".into(),
                Col::Workforce => "Potensi TK".into(),
                Col::Source => "Sumber potensi TK".into(),
                Col::Active(s) => format!("Aktif {}", s.code()),
                Col::New(s) => format!("Baru per bulan {}", s.code()),
                Col::Lapse(s) => format!("Laju non-aktif % per bulan {}", s.code()),
                Col::Fitted => "Dikalibrasi".into(),
                Col::Note => "Catatan".into(),
                Col::Month => "Bulan".into(),
                Col::TargetPct => "Target %".into(),
                Col::ActiveTotal => "Aktif".into(),
                Col::Campaign => "Kampanye".into(),
                Col::Region => "Kode wilayah".into(),
                Col::Segment => "Segmen".into(),
                Col::Payer => "Pembayar".into(),
                Col::Start => "Mulai".into(),
                Col::People => "Orang".into(),
                Col::Ramp => "Pola".into(),
                Col::RampMonths => "Bulan pola".into(),
                Col::FundedMonths => "Bulan didanai".into(),
                Col::Retention => "Bertahan %".into(),
                Col::Contribution => "Iuran Rp".into(),
                Col::OneOff => "Biaya sekali Rp".into(),
                Col::Enabled => "Aktifkan".into(),
                Col::Variant => "Varian".into(),
                Col::Growth => "Pertumbuhan potensi TK % per tahun".into(),
                Col::Setting => "Pengaturan".into(),
                Col::Value => "Nilai".into(),
                Col::UptakeLow => "Serapan rendah %".into(),
                Col::UptakeMode => "Serapan paling mungkin %".into(),
                Col::UptakeHigh => "Serapan tinggi %".into(),
                Col::Runs => "Putaran ketidakpastian".into(),
                Col::Seed => "Benih ketidakpastian".into(),
                Col::LapseSpread(s) => format!("Sebaran laju non-aktif % {}", s.code()),
                Col::NewSpread(s) => format!("Sebaran baru per bulan % {}", s.code()),
                Col::GrowthSpread => "Sebaran pertumbuhan %".into(),
            }
        },
        sheet: |k| {
            use crate::files::tables::Kind;
            match k {
                Kind::Regions => "Wilayah",
                Kind::Targets => "Target",
                Kind::Actuals => "Realisasi",
                Kind::Campaigns => "Kampanye",
                Kind::Variants => "Varian",
                Kind::Settings => "Skenario",
            }
        },
        setting_name: "Nama skenario",
        setting_end: "Akhir proyeksi",
        setting_notes: "Catatan skenario",
        projection: "Proyeksi",
        budget: "Anggaran",
        row_problem: |sheet, row, key, message| {
            if key.is_empty() {
                format!("{sheet}, baris {row}: {message}")
            } else {
                format!("{sheet}, baris {row} ({key}): {message}")
            }
        },
        counts: |c| {
            format!(
                "wilayah: {} ditambahkan, {} diperbarui; target: {}; realisasi: {}; kampanye: {} ditambahkan, {} diperbarui; varian: {}; pengaturan: {}",
                c.regions_added,
                c.regions_updated,
                c.targets,
                c.actuals,
                c.campaigns_added,
                c.campaigns_updated,
                c.variants,
                c.settings
            )
        },
        nothing_found: "Tidak ada lembar berisi wilayah, target, realisasi, kampanye atau varian: sebuah tabel perlu baris judul dengan setidaknya kolom kode (Kode, Code) dan satu kolom lain yang dikenal program ini.",
    },
    grid: GridTexts {
        place: |row, key, col| {
            if key.is_empty() {
                format!("baris baru {row}, {col}")
            } else {
                format!("baris {row} ({key}), {col}")
            }
        },
        copied: |rows, cols| {
            format!("{rows} × {cols} sel disalin: tempelkan ke lembar kerja atau tabel lain.")
        },
        pasted: |cells, new_rows| {
            if new_rows == 0 {
                format!("{cells} sel ditempel.")
            } else {
                format!("{cells} sel ditempel; {new_rows} baris baru ditambahkan.")
            }
        },
        filled: |cells| format!("{cells} sel diisi ke bawah."),
        cleared: |cells| format!("{cells} sel dikembalikan ke nilai bawaan (Ctrl+Z membatalkan)."),
        not_read: |n| format!("{n} sel tidak terbaca (nilainya tetap):"),
        and_more: |n| format!(" … dan {n} lagi."),
        no_default: "tidak punya nilai bawaan: ketik nilainya",
        not_number: |text| format!("\"{}\" bukan angka", super::shown(text)),
        not_one_of: |text, options| {
            format!("\"{}\" bukan salah satu dari {options}", super::shown(text))
        },
        not_month: |text| {
            format!(
                "\"{}\" bukan bulan (tulis 2025-07, Jul 2025 atau tanggal)",
                super::shown(text)
            )
        },
        no_region: |text| format!("tidak ada wilayah berkode \"{}\"", super::shown(text)),
        invalid_title: "Sel yang bukan nilai",
        invalid_intro: |n| {
            format!(
                "{n} sel berisi teks yang bukan nilai. Berkas akan menyimpan nilai sel-sel ini sebelum disunting:"
            )
        },
        save_anyway: "Simpan dengan nilai sebelumnya",
        keep_editing: "Kembali dan perbaiki",
        keys_help: "Tabel: panah berpindah sel, Enter / Shift+Enter ke bawah / atas, Tab / Shift+Tab ke kanan / kiri, Page Down / Page Up satu layar, Home / End sel pertama / terakhir baris, Ctrl+Home / Ctrl+End sel pertama / terakhir tabel, ketik untuk mengganti isi sel, F2 untuk menyunting, Esc membatalkan, Delete mengembalikan nilai bawaan, Shift+panah atau Shift+klik memilih, Ctrl+A semua, Ctrl+C / Ctrl+V menyalin dan menempel blok dari lembar kerja, Ctrl+D mengisi ke bawah; di sel daftar (wilayah, segmen, pembayar, pola) huruf memilih pilihan berikut yang salah satu katanya berawalan huruf itu, Spasi atau Alt+Down / Alt+Up pilihan berikut / sebelumnya",
        comments_title: "Komentar tidak disimpan",
        comments_text: |name| {
            format!(
                "{name} berisi komentar yang ditulis tangan (// …). UCJ Planner tidak menyimpan komentar saat menyimpan berkas; berkas yang sekarang tetap ada sebagai {name}.bak. Catatan tetap disimpan: tulis asal sebuah angka di kolom Catatan pada wilayah, target, realisasi atau kampanye."
            )
        },
        comments_save: "Simpan tanpa komentar",
    },
    ui: UiTexts {
        campaign_starts: "mulai",
        funding_ends: "dana berakhir",
        export_handout: "Ekspor bahan paparan sebagai PDF…",
        slide_size: |s| format!("Ukuran slide: {s}"),
        window_size: "ukuran jendela",
        exporting_slides: |w, h| format!("Mengekspor slide pada {w}×{h}…"),
        export_timed_out: |m| {
            format!("Slide tidak diekspor: ekspor belum selesai setelah {m} menit dan dihentikan")
        },
        page_word: "halaman",
        deck_title: "Slide presentasi",
        deck_hint: "Slide yang ditampilkan presentasi, dengan urutan ini; disimpan di berkas skenario.",
        deck_add_region: "Tambah slide satu wilayah",
        deck_kind: |k| match k {
            0 => "Judul",
            1 => "Asumsi",
            2 => "Ikhtisar",
            3 => "Peta provinsi",
            4 => "Satu slide per wilayah",
            5 => "Anggaran",
            _ => "Perbandingan rencana",
        },
        deck_region: |code| format!("Wilayah {code}"),
        deck_usual: "Kembali ke slide biasa",
        move_up: "Naik",
        move_up_hint: "Tampilkan slide ini lebih awal",
        move_down: "Turun",
        move_down_hint: "Tampilkan slide ini lebih akhir",
        map_title: |month| format!("Cakupan terhadap target per provinsi, {month}"),
        map_keys: "Atas / Bawah: bulan lain",
        map_band: |b| {
            match b {
                0 => "sangat rendah: di bawah 75 % target",
                1 => "rendah: 75–90 % target",
                2 => "sedang: 90–100 % target",
                3 => "tinggi: target tercapai",
                _ => "tanpa target pada bulan ini",
            }
            .to_owned()
        },
        map_band_word: |b| match b {
            0 => "sangat rendah",
            1 => "rendah",
            2 => "sedang",
            3 => "tinggi",
            _ => "tanpa target",
        },
        map_no_region: "tidak ada wilayah dalam skenario",
        map_credit: "Batas provinsi: Indonesia GeoJSON & TopoJSON Maps (38 Provinces), denyherianto, CC BY 4.0 (creativecommons.org/licenses/by/4.0)",
        compare_region_keys: "Atas / Bawah: wilayah lain",
        plan_line: "rencana",
        actual: "realisasi",
        actual_month: "Bulan realisasi",
        actuals: "Peserta aktif yang dilaporkan (realisasi)",
        add_actual: "+ Realisasi",
        add_campaign: "+ Kampanye",
        add_region: "+ Wilayah",
        add_target: "+ Target",
        all_regions: "SEMUA wilayah",
        already_met: "sudah tercapai",
        assumption_mark: "Asumsi: tidak ada angka resmi; tetapkan untuk wilayah Anda.",
        campaign_word: "kampanye",
        cancel: "Batal",
        notes_of_figures: "Catatan target dan realisasi",
        col_note: "Catatan",
        actual_word: "realisasi",
        target_word: "target",
        col_active: "Aktif",
        col_active_reported: "Aktif (dilaporkan)",
        col_as_of: "Per",
        col_code: "Kode",
        col_contribution: "Iuran Rp/bulan",
        col_coverage_now: "Cakupan kini",
        col_funded_months: "Bulan didanai",
        col_gap: "Selisih bersih",
        col_month: "Bulan",
        col_name: "Nama",
        col_needed: "Orang dibutuhkan",
        col_next_target: "Target berikut",
        col_on: "Aktif",
        col_one_off: "Biaya sekali Rp",
        col_payer: "Pembayar",
        col_people: "Orang",
        col_projected: "Proyeksi",
        col_province: "Provinsi",
        col_ramp: "Pola",
        col_ramp_months: "Bulan pola",
        col_reached: "Tercapai",
        col_region: "Wilayah",
        col_retention: "Bertahan %",
        col_segment: "Segmen",
        col_source: "Sumber",
        col_start: "Mulai",
        col_status: "Status",
        col_target_pct: "Target %",
        col_workforce: "Potensi TK",
        copy: "salinan",
        coverage_now: "Cakupan kini",
        coverage_now_hint: "Peserta aktif / potensi tenaga kerja pada bulan data",
        create_campaign: "Buat kampanye",
        create_campaign_hint: "Menambahkan kampanye ini dengan jumlah orang tersebut (batalkan dengan Ctrl+Z)",
        delete: "Hapus",
        delete_region_hint: "Menghapus wilayah beserta kampanyenya (batalkan dengan Ctrl+Z)",
        detail_title: "Wilayah",
        discard: "Buang perubahan",
        duplicate: "Duplikat",
        enabled_hint: "Dihitung dalam proyeksi bila aktif; bila mati tetap tersimpan di berkas",
        export_csv: "Ekspor proyeksi ke CSV…",
        export_typed: "Ekspor CSV ke jalur yang diketik…",
        filter: "Saring",
        filter_campaigns_hint: "nama kampanye",
        filter_regions_hint: "kode, nama atau provinsi",
        filter_problems_hint: "wilayah, kolom atau kata",
        problems_shown: |shown, all| format!("{shown} dari {all}"),
        funded_hint: "Berapa bulan setiap peserta didanai sejak terdaftar; \"sampai akhir\" = didanai sampai akhir skenario",
        gap_hint: "Target × potensi TK − proyeksi aktif pada bulan target (negatif = di atas target)",
        go_to_problem: "Buka",
        goal_seek_plan: "Orang dibutuhkan: kampanye baru yang dicari",
        growth: "Pertumbuhan potensi TK",
        language: "Bahasa",
        lapse: "Non-aktif",
        lapse_in_use: "Laju non-aktif per bulan yang dipakai",
        menu_edit: "Sunting",
        menu_file: "Berkas",
        menu_view: "Tampilan",
        new: "Baru",
        no_campaigns: "Belum ada kampanye: \"+ Kampanye\" menambahkannya.",
        no_problems: "Tidak ada masalah.",
        no_recent: "Belum ada berkas terakhir",
        no_regions: "Belum ada wilayah: \"+ Wilayah\" menambahkannya.",
        not_by_end: "tidak sampai akhir",
        not_projected: "tidak diproyeksikan",
        notes: "Catatan",
        ok: "OK",
        only_selected_region: "hanya wilayah terpilih",
        open: "Buka…",
        open_recent: "Buka berkas terakhir",
        open_typed: "Buka jalur yang diketik…",
        path: "Jalur",
        pct_per_month: " %/bulan",
        pct_per_year: " %/tahun",
        per_month: "per bulan",
        per_year: "per tahun anggaran",
        plot_cost: "Biaya publik per pembayar",
        plot_coverage: "Cakupan (% potensi TK)",
        plot_scope: "Tampilkan:",
        plot_segments: "Peserta aktif per segmen",
        plot_choices: ["Cakupan", "Segmen", "Biaya publik"],
        quit: "Keluar",
        redo: "Ulangi",
        save: "Simpan",
        save_as: "Simpan sebagai…",
        save_typed: "Simpan ke jalur yang diketik…",
        scenario_end: "Proyeksi berakhir",
        scenario_end_hint: "TTTT-BB, bulan terakhir setiap proyeksi",
        scenario_name: "Nama skenario",
        select_region_hint: "Pilih wilayah di tabel untuk melihat targetnya dan orang yang masih dibutuhkan.",
        selected_regions: "wilayah terpilih",
        show_problems: "Tampilkan semua masalah",
        sort_hint: "Urutkan (klik lagi untuk membalik, ketiga kali untuk menghapus)",
        status_met: "tercapai",
        status_on_track: "sesuai jalur",
        status_short: "kurang",
        tab_assumptions: "Asumsi",
        tab_campaigns: "Kampanye",
        tab_problems: "Masalah",
        tab_regions: "Wilayah",
        target: "target",
        target_month: "Bulan target",
        target_pct: "Target %",
        targets: "Target",
        to_the_end: "sampai akhir",
        today: "hari ini",
        typed_path_help: "Ketik jalur lengkap berkas (tanpa dialog berkas).",
        undo: "Batalkan",
        unreachable: "tidak tercapai",
        unreachable_hint: "Berapa pun orangnya, kampanye ini tidak mencapainya: terlambat dimulai, atau pesertanya sudah non-aktif sebelum bulan target.",
        unsaved_changes: "ada perubahan belum disimpan",
        unsaved_title: "Perubahan belum disimpan",
        untitled: "Tanpa judul",
        no_dialog: "Dialog berkas tidak dapat ditampilkan di desktop ini: ketik jalurnya.",
        saved: "Disimpan",
        exported: "Diekspor",
        cell_empty: "Ketik angka",
        dismiss: "Tutup",
        coverage_of: |active, workforce, month, source| {
            format!("{active} aktif dari {workforce} potensi TK ({month}; {source})")
        },
        lapse_explained: |pct| {
            let left = 100.0 * (1.0 - pct / 100.0).powi(12);
            format!("{} peserta masih aktif setelah 12 bulan", L.pct(left))
        },
        payer: |p| match p {
            Payer::Apbn => "APBN",
            Payer::ApbdProvince => "APBD provinsi",
            Payer::ApbdRegency => "APBD kab/kota",
            Payer::Village => "Dana Desa",
            Payer::Csr => "CSR",
            Payer::Employer => "Pemberi kerja",
            Payer::SelfPaid => "Mandiri",
        },
        problem_count: |errors, warnings| format!("{errors} kesalahan, {warnings} peringatan"),
        ramp: |r| match r {
            Ramp::Immediate => "Sekaligus",
            Ramp::Linear => "Merata",
            Ramp::SCurve => "Kurva S",
        },
        seek_campaign_name: |pct, month| format!("Mencapai {pct} pada {month}"),
        seek_explained: |funded, linear| {
            let how = if linear {
                "didaftarkan merata sejak bulan setelah data sampai bulan target"
            } else {
                "didaftarkan pada bulan setelah data"
            };
            let lapse = if funded {
                "peserta yang didanai tidak non-aktif selama didanai"
            } else {
                "peserta menjadi non-aktif sesuai laju wilayah: pendaftaran bruto yang dibutuhkan"
            };
            format!("Orang {how}; {lapse}.")
        },
        unsaved_question: |title| format!("Simpan dulu perubahan pada \"{title}\"?"),
        cell_not_number: |text, decimal| {
            format!("\"{text}\" bukan angka: tulis angka, dengan {decimal} untuk desimal")
        },
        cell_thousands_or_decimal: |text, decimal, thousands| {
            format!(
                "\"{text}\": dalam bahasa Indonesia \"{decimal}\" adalah tanda desimal, bukan ribuan; untuk ribuan ketik {thousands}"
            )
        },
        add_baseline: "+ Dasar: tanpa kampanye baru",
        add_variant: "+ Varian dari sakelar saat ini",
        add_variant_hint: "Rencana baru berisi kampanye yang aktif sekarang",
        at_end: "di akhir,",
        baseline_name: "Dasar: tanpa kampanye baru",
        baseline_word: "dasar",
        budget_title: "Biaya publik per tahun anggaran",
        by_word: "pada",
        campaigns_and_cost: "Kampanye dan biaya publik per tahun",
        col_campaigns_on: "Kampanye aktif",
        col_growth_override: "Pertumbuhan TK sendiri",
        col_lapse_override: "Laju non-aktif sendiri",
        compare_scope: "Bandingkan untuk",
        compare_title: "Perbandingan varian rencana",
        copied: "Disalin sebagai gambar.",
        copy_image: "Salin grafik atau slide sebagai gambar",
        coverage_word: "cakupan",
        cost_word: "biaya",
        export_slides: "Ekspor semua slide sebagai PNG…",
        export_spreadsheet: "Ekspor tabel untuk spreadsheet…",
        keep: "Pertahankan perubahan (belum disimpan ke berkas)",
        keep_changes_question: "Kampanye diubah selama presentasi. Pertahankan perubahan itu di skenario? Berkas baru berubah saat Anda menyimpannya. Enter mempertahankan, Esc kembali ke slide.",
        keep_changes_title: "Pertahankan perubahan?",
        page_of: |page, pages| format!("halaman {page} dari {pages}"),
        headline_met: |name, pct, month| {
            format!("{name} mencapai {pct} pada {month} dan bertahan.")
        },
        headline_lost: |name, pct, month, low, from, funding| match funding {
            Some(c) => format!(
                "{name} mencapai {pct} pada {month} hanya selama {c} didanai: cakupan turun ke {low} saat pendanaannya berakhir, mulai {from}."
            ),
            None => format!(
                "{name} mencapai {pct} pada {month}, lalu turun di bawahnya mulai {from}, hingga {low}."
            ),
        },
        headline_short: |name, pct, month, people| {
            format!(
                "{name} masih butuh {people} peserta aktif lagi untuk mencapai {pct} pada {month}."
            )
        },
        figures_as_of: |when| format!("Angka per {when}"),
        assumptions_title: "Asumsi proyeksi",
        lapse_per_month: "Laju non-aktif per bulan",
        present_save: "PNG…",
        present_copy: "Salin",
        what_if_badge: "SIMULASI · belum disimpan",
        before_changes: "sebelum simulasi",
        leave_presenter: "Keluar (Esc)",
        month_earlier: "‹ mulai sebulan lebih awal",
        month_later: "mulai sebulan lebih lambat ›",
        new_variant_name: "Rencana",
        no_additional: "tidak ada tambahan peserta",
        no_campaigns_on: "Tidak ada kampanye aktif.",
        no_variants: "Belum ada varian: \"+ Varian\" menyimpan kampanye yang aktif sekarang sebagai rencana.",
        off_word: "mati",
        on_word: "aktif",
        overview_title: "cakupan terhadap target",
        people_less: "−10 % orang",
        people_more: "+10 % orang",
        plan_shown: "Rencana ditampilkan:",
        present: "Presentasi",
        present_keys_short: "Kanan: berikut · Kiri: kembali · Esc: keluar",
        present_keys: "Kanan atau Spasi: berikut · Kiri: kembali · Home / End · 1–9: nyalakan/matikan kampanye · Atas / Bawah: pilih · + −: orang · [ ]: bulan mulai · B: layar gelap · Esc: keluar",
        quick_change: "Simulasi:",
        quick_toggle_hint: "Nyalakan atau matikan kampanye ini (atau tekan nomornya)",
        reached_in: "tercapai pada",
        save_png: "Simpan grafik atau slide sebagai PNG…",
        show_it: "Tampilkan",
        slides_exported: "Slide diekspor ke",
        typed_paths: "Ketik jalur",
        menu_help: "Bantuan",
        shortcuts_title: "Pintasan papan ketik",
        next_tab: "Tab berikutnya",
        focus_menu: "Bilah menu (Spasi membuka menu)",
        per_year_unit: "per tahun",
        figures_without_typo: |place, more| {
            let others = if more > 0 {
                format!(" dan {more} sel lain")
            } else {
                String::new()
            };
            format!(
                "{place}{others}: bukan nilai, tidak dipakai; angka-angka memakai nilai sebelumnya sampai diperbaiki"
            )
        },
        previous_tab: "Tab sebelumnya",
        version_line: "Versi UCJ Planner",
        new_campaign: "Kampanye baru",
        tab_variants: "Varian",
        variant_col: "Varian",
        variants_hint: "Varian adalah himpunan kampanye yang aktif, dengan asumsi sendiri bila perlu. Varian pertama adalah dasar pembanding. Memilih rencana di \"Rencana ditampilkan\" membuat seluruh jendela menampilkannya; menyalakan kampanye lalu mengubah rencana itu.",
        working_plan: "Rencana kerja (sakelar kampanye)",
        cost_per_additional: |at| format!("Rp per tambahan peserta aktif ({at})"),
        needs_more: |people, month, pct| {
            format!("Butuh {people} peserta aktif lagi pada {month} untuk mencapai {pct}")
        },
        on_track_for: |pct, month, projected| {
            format!("Sesuai jalur menuju {pct} pada {month}: proyeksi {projected}")
        },
    },
    sheet: SheetTexts {
        month: "Bulan",
        code: "Kode",
        region: "Wilayah",
        workforce: "Potensi TK",
        active: "Peserta aktif",
        coverage_pct: "Cakupan %",
        target_pct: "Target %",
        gap: "Selisih",
        cost_rp: "Biaya publik Rp",
        target_month: "Bulan target",
        projected_pct: "Proyeksi %",
        reached: "Tercapai",
        year: "Tahun anggaran",
        total: "Jumlah",
    },
};

fn problem(p: &Problem) -> String {
    match p {
        Problem::NotAMonth { text } => {
            let text = L.quoted(text);
            format!("\"{text}\" bukan bulan: tulis TTTT-BB, misalnya 2025-07")
        }
        Problem::Negative { value } => {
            format!("tidak boleh negatif (nilainya {})", L.short_number(*value))
        }
        Problem::NotFinite => "harus berupa angka".to_owned(),
        Problem::PercentOutOfRange { value } => {
            format!(
                "harus persen dari 0 sampai 100 (nilainya {})",
                L.short_number(*value)
            )
        }
        Problem::ZeroWorkforce => "potensi tenaga kerja harus lebih dari 0".to_owned(),
        Problem::UnknownRegion { code } => {
            let code = L.quoted(code);
            format!("tidak ada wilayah berkode \"{code}\"")
        }
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
        Problem::UnknownCampaign { name } => {
            let name = L.quoted(name);
            format!("tidak ada kampanye bernama \"{name}\"")
        }
        Problem::DuplicateVariant { first_index } => {
            format!("namanya sama dengan varian {}", first_index + 1)
        }
        Problem::EmptyName => "perlu nama".to_owned(),
        Problem::SameCampaignName { first_index } => format!(
            "namanya sama dengan kampanye {}: varian menyalakan keduanya bersama",
            first_index + 1
        ),
        Problem::NewerFormat { found, supported } => format!(
            "format {found} lebih baru dari yang dapat dibaca program ini (sampai {supported})"
        ),
        Problem::TooLarge { value, max } => format!(
            "nilainya {}, melebihi {} yang dapat ditampung kolom ini",
            L.short_number(*value),
            L.short_number(*max)
        ),
        Problem::TooLong { chars, max } => format!(
            "panjangnya {} karakter; nama paling panjang {} karakter",
            L.people(*chars as f64),
            L.people(*max as f64)
        ),
        Problem::TargetBeforeAsOf { as_of } => format!(
            "target bertanggal sebelum data wilayah ({}): proyeksi tidak dapat menilainya",
            L.month(*as_of)
        ),
        Problem::SplitMismatch { sum, total } => format!(
            "rincian per segmen berjumlah {}, bukan {} yang dilaporkan",
            L.people(*sum),
            L.people(*total)
        ),
        Problem::NoRuns => "perlu paling sedikit 1 putaran".to_owned(),
        Problem::RangeOrder { low, mode, high } => format!(
            "rendah {}, paling mungkin {}, tinggi {}: ketiganya harus berurutan begitu",
            L.short_number(*low),
            L.short_number(*mode),
            L.short_number(*high)
        ),
        Problem::ProjectedAbove100 { month, pct } => format!(
            "proyeksi cakupan melewati 100 % pada {} ({}): peserta aktif melebihi potensi tenaga kerja; apakah angka potensi TK terlalu rendah?",
            L.month(*month),
            L.pct(*pct)
        ),
        Problem::ProjectionOff {
            month,
            projected,
            reported,
        } => format!(
            "proyeksi {} dibanding {} yang dilaporkan untuk {} ({}): kalibrasi?",
            L.people(*projected),
            L.people(*reported),
            L.month(*month),
            L.signed_pct(crate::engine::relative(*projected, *reported), 1)
        ),
    }
}
