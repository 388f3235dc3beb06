//! The map slide: Indonesia's 38 provinces coloured by projected coverage against target at a
//! chosen month, the scenario's regions added up to their province, the others in grey.
//! Provinces are concave (and islands), so each polygon is triangulated (earcut) once.

use std::sync::OnceLock;

use egui::{Color32, Pos2, Rect, RichText, Shape, Stroke, Ui, epaint::Mesh};

use crate::engine::Projection;
use crate::i18n::Lang;
use crate::model::{Month, Scenario};

use super::super::theme;

/// The boundaries, CC BY 4.0: credited on the slide, in Help and in the README.
const GEOJSON: &str = include_str!("../../../assets/indonesia-38-provinces.geojson");

/// The fill of a province without a region in the scenario: near the paper, so the bands
/// (all blue, or orange without a target) stand out of it.
const NO_REGION: Color32 = Color32::from_rgb(238, 238, 238);

/// One province: its triangles and outlines in longitude/latitude.
pub struct Province {
    pub name: String,
    /// Three points a triangle.
    pub triangles: Vec<[f32; 2]>,
    pub rings: Vec<Vec<[f32; 2]>>,
    /// Where its name goes: the middle of its largest polygon.
    pub label_at: [f32; 2],
}

/// The provinces, read and triangulated the first time a map is drawn.
pub fn provinces() -> &'static [Province] {
    static CELL: OnceLock<Vec<Province>> = OnceLock::new();
    CELL.get_or_init(|| read(GEOJSON).unwrap_or_default())
}

fn read(text: &str) -> Result<Vec<Province>, String> {
    let collection: geojson::FeatureCollection = text.parse().map_err(|e| format!("{e}"))?;
    let mut out = Vec::new();
    for feature in collection.features {
        let name = feature
            .property("PROVINSI")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned();
        let polygons = match feature.geometry.map(|g| g.value) {
            Some(geojson::GeometryValue::Polygon { coordinates }) => vec![coordinates],
            Some(geojson::GeometryValue::MultiPolygon { coordinates }) => coordinates,
            _ => continue,
        };
        let mut province = Province {
            name,
            triangles: Vec::new(),
            rings: Vec::new(),
            label_at: [0.0, 0.0],
        };
        let mut largest = 0.0_f64;
        for polygon in polygons {
            let mut flat: Vec<f64> = Vec::new();
            let mut holes = Vec::new();
            for (i, ring) in polygon.iter().enumerate() {
                if i > 0 {
                    holes.push(flat.len() / 2);
                }
                let points: Vec<[f32; 2]> = ring
                    .iter()
                    .filter_map(|p| match p.as_slice() {
                        [x, y, ..] => Some([*x, *y]),
                        _ => None,
                    })
                    .map(|[x, y]| {
                        flat.push(x);
                        flat.push(y);
                        #[allow(clippy::cast_possible_truncation)]
                        [x as f32, y as f32]
                    })
                    .collect();
                province.rings.push(points);
            }
            let Ok(indices) = earcutr::earcut(&flat, &holes, 2) else {
                continue;
            };
            let mut area = 0.0;
            let (mut cx, mut cy) = (0.0, 0.0);
            for t in indices.chunks_exact(3) {
                let p = |k: usize| (flat[2 * t[k]], flat[2 * t[k] + 1]);
                let (a, b, c) = (p(0), p(1), p(2));
                let twice = ((b.0 - a.0) * (c.1 - a.1) - (c.0 - a.0) * (b.1 - a.1)).abs();
                area += twice;
                cx += twice * (a.0 + b.0 + c.0) / 3.0;
                cy += twice * (a.1 + b.1 + c.1) / 3.0;
                for q in [a, b, c] {
                    #[allow(clippy::cast_possible_truncation)]
                    province.triangles.push([q.0 as f32, q.1 as f32]);
                }
            }
            if area > largest && area > 0.0 {
                largest = area;
                #[allow(clippy::cast_possible_truncation)]
                {
                    province.label_at = [(cx / area) as f32, (cy / area) as f32];
                }
            }
        }
        out.push(province);
    }
    Ok(out)
}

/// Letters only, lower case: "DKI Jakarta" and "Dki  jakarta" alike.
fn normal(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How a province stands at the month: coverage against its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Band {
    /// Below three quarters of the target.
    VeryLow,
    /// Three quarters to 90 % of it.
    Low,
    /// 90 % of the target up to it.
    Medium,
    /// At or above the target.
    High,
    /// Regions in the scenario, no target in force at the month.
    NoTarget,
}

impl Band {
    pub const ALL: [Self; 5] = [
        Self::High,
        Self::Medium,
        Self::Low,
        Self::VeryLow,
        Self::NoTarget,
    ];

    #[must_use]
    pub fn of(coverage: f64, target: Option<f64>) -> Self {
        let Some(target) = target.filter(|t| *t > 0.0) else {
            return Self::NoTarget;
        };
        let ratio = coverage / target;
        if ratio >= 1.0 {
            Self::High
        } else if ratio >= 0.9 {
            Self::Medium
        } else if ratio >= 0.75 {
            Self::Low
        } else {
            Self::VeryLow
        }
    }

    /// A sequential scale a room tells apart, darkest for the best; words carry it too.
    #[must_use]
    pub fn colour(self) -> Color32 {
        match self {
            Self::High => Color32::from_rgb(8, 48, 107),
            Self::Medium => Color32::from_rgb(33, 113, 181),
            Self::Low => Color32::from_rgb(107, 174, 214),
            Self::VeryLow => Color32::from_rgb(198, 219, 239),
            Self::NoTarget => Color32::from_rgb(253, 208, 162),
        }
    }
}

/// One province of the scenario at the month: its regions added up.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvinceFigure {
    pub name: String,
    pub active: f64,
    pub workforce: f64,
    /// The workforce-weighted target in force at the month, when every region has one.
    pub target: Option<f64>,
}

impl ProvinceFigure {
    #[must_use]
    pub fn coverage(&self) -> f64 {
        100.0 * self.active / self.workforce
    }

    #[must_use]
    pub fn band(&self) -> Band {
        Band::of(self.coverage(), self.target)
    }
}

/// The scenario's projected regions added up to their provinces at `month`. A province-level
/// region (a code without a dot) stands for its province alone; regencies and cities are
/// added up when the province itself is not in the scenario.
#[must_use]
pub fn by_province(
    scenario: &Scenario,
    projection: &Projection,
    month: Month,
) -> Vec<ProvinceFigure> {
    let province_of = |code: &str, written: &str| -> String {
        let prefix = code.split('.').next().unwrap_or(code);
        crate::model::catalogue::province(prefix)
            .map(|p| p.name.clone())
            .filter(|_| !prefix.is_empty())
            .unwrap_or_else(|| written.to_owned())
    };
    let whole: Vec<String> = scenario
        .regions
        .iter()
        .filter(|r| !r.code.contains('.'))
        .map(|r| normal(&province_of(&r.code, &r.province)))
        .collect();
    let mut out: Vec<(ProvinceFigure, f64, bool)> = Vec::new();
    for (i, region) in scenario.regions.iter().enumerate() {
        let Some(p) = projection.region(i) else {
            continue;
        };
        let Some(k) = p.series.index_of(month) else {
            continue;
        };
        let name = province_of(&region.code, &region.province);
        let key = normal(&name);
        if region.code.contains('.') && whole.contains(&key) {
            continue;
        }
        let (active, workforce) = (p.series.active[k], p.series.workforce[k]);
        // The target in force, or after the last one, the last one: a map against target
        // keeps its target past its month rather than going blank.
        let target = p
            .target_at(month)
            .or_else(|| p.targets.last().map(|&(_, pct)| pct));
        match out.iter_mut().find(|(f, _, _)| normal(&f.name) == key) {
            Some((f, weighted, all)) => {
                f.active += active;
                f.workforce += workforce;
                *weighted += target.unwrap_or(0.0) * workforce;
                *all &= target.is_some();
            }
            None => out.push((
                ProvinceFigure {
                    name,
                    active,
                    workforce,
                    target: None,
                },
                target.unwrap_or(0.0) * workforce,
                target.is_some(),
            )),
        }
    }
    out.into_iter()
        .map(|(mut f, weighted, all)| {
            f.target = all.then(|| weighted / f.workforce);
            f
        })
        .collect()
}

/// The month the map shows unless the presenter picks another: the latest target month
/// within the projection, else its end.
#[must_use]
pub fn default_month(scenario: &Scenario, projection: &Projection) -> Option<Month> {
    let end = projection.total.as_ref().map(crate::engine::Series::last)?;
    scenario
        .regions
        .iter()
        .flat_map(|r| r.targets.iter().filter_map(|t| t.month.month()))
        .filter(|m| *m <= end)
        .max()
        .or(Some(end))
}

/// Draws the map of `figures` in `rect`: provinces of the scenario in their band's colour,
/// the others grey, outlines, and the scenario's provinces named with their coverage.
pub fn draw(ui: &Ui, rect: Rect, lang: Lang, figures: &[ProvinceFigure]) {
    let all = provinces();
    let figure = |p: &Province| figures.iter().find(|f| normal(&f.name) == normal(&p.name));
    // The map frames the scenario's provinces with their neighbours around them (at least
    // six degrees each way): three provinces of Sumatra fill the slide instead of a corner of
    // the archipelago. Without any, the whole country.
    let bounds = |which: &dyn Fn(&Province) -> bool| {
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in all.iter().filter(|p| which(p)) {
            for q in &p.triangles {
                for d in 0..2 {
                    lo[d] = lo[d].min(q[d]);
                    hi[d] = hi[d].max(q[d]);
                }
            }
        }
        (lo[0] < hi[0] && lo[1] < hi[1]).then_some((lo, hi))
    };
    let Some((mut lo, mut hi)) = bounds(&|p| figure(p).is_some()).or_else(|| bounds(&|_| true))
    else {
        return;
    };
    for d in 0..2 {
        let middle = f32::midpoint(lo[d], hi[d]);
        let half = ((hi[d] - lo[d]).max(6.0) * 1.3) / 2.0;
        (lo[d], hi[d]) = (middle - half, middle + half);
    }
    // Longitude and latitude at one scale (near the equator a degree is a degree).
    let scale = (rect.width() / (hi[0] - lo[0])).min(rect.height() / (hi[1] - lo[1]));
    let offset = egui::vec2(
        (rect.width() - (hi[0] - lo[0]) * scale) / 2.0,
        (rect.height() - (hi[1] - lo[1]) * scale) / 2.0,
    );
    let at = |q: [f32; 2]| {
        Pos2::new(
            rect.left() + offset.x + (q[0] - lo[0]) * scale,
            rect.top() + offset.y + (hi[1] - q[1]) * scale,
        )
    };
    let painter = ui.painter_at(rect);
    let mut mesh = Mesh::default();
    for p in all {
        let colour = figure(p).map_or(NO_REGION, |f| f.band().colour());
        for q in &p.triangles {
            let index = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
            mesh.colored_vertex(at(*q), colour);
            mesh.indices.push(index);
        }
    }
    painter.add(Shape::mesh(mesh));
    let outline = Stroke::new(0.8, Color32::from_gray(120));
    for p in all {
        for ring in &p.rings {
            let points: Vec<Pos2> = ring.iter().map(|q| at(*q)).collect();
            painter.add(Shape::closed_line(points, outline));
        }
    }
    // Names with their coverage, never on top of each other: each tries spots around its
    // province, further out each round, and a thin line leads back when it had to move.
    let font = body_font(ui);
    let size = font.size;
    let mut placed: Vec<Rect> = Vec::new();
    let mut named: Vec<(&Province, &ProvinceFigure)> =
        all.iter().filter_map(|p| Some((p, figure(p)?))).collect();
    named.sort_by(|a, b| a.0.label_at[1].total_cmp(&b.0.label_at[1]).reverse());
    for (p, f) in named {
        let text = format!("{} {}", short_province(&f.name), lang.pct(f.coverage()));
        let galley = painter.layout_no_wrap(text, font.clone(), theme::INK);
        let centre = at(p.label_at);
        let spot = (0..8)
            .flat_map(|ring| {
                let d = size * 1.3 * ring as f32;
                [
                    egui::vec2(0.0, -d),
                    egui::vec2(0.0, d),
                    egui::vec2(-d * 2.0, 0.0),
                    egui::vec2(d * 2.0, 0.0),
                ]
            })
            .map(|shift| Rect::from_center_size(centre + shift, galley.size()).expand(3.0))
            .find(|r| rect.contains_rect(*r) && !placed.iter().any(|q| q.intersects(*r)));
        let Some(plate) = spot else { continue };
        if !plate.contains(centre) {
            painter.line_segment([centre, plate.center()], Stroke::new(1.0, theme::INK));
            painter.circle_filled(centre, 3.0, theme::INK);
        }
        // A light plate under the name: dark type on any fill.
        painter.rect_filled(plate, 3.0, theme::PAPER);
        painter.rect_stroke(
            plate,
            3.0,
            Stroke::new(1.0, theme::INK),
            egui::StrokeKind::Inside,
        );
        painter.galley(plate.min + egui::vec2(3.0, 3.0), galley, theme::INK);
        placed.push(plate);
    }
}

/// A province's name shortened the usual way for a map label.
fn short_province(name: &str) -> String {
    name.replace("Sumatera", "Sum.")
        .replace("Kalimantan", "Kal.")
        .replace("Sulawesi", "Sul.")
        .replace("Kepulauan", "Kep.")
        .replace("Nusa Tenggara", "NT")
}

/// The font of body text in `ui`'s style (on a slide, scaled to the screen).
pub fn body_font(ui: &Ui) -> egui::FontId {
    egui::TextStyle::Body.resolve(ui.style())
}

/// One item of a key: a mark `mark` wide painted by `paint`, then `label`, as one widget, so
/// that a wrapping row never puts the words on another row than their mark.
pub fn key_item(
    ui: &mut Ui,
    mark: f32,
    paint: &dyn Fn(&egui::Painter, Rect),
    label: &str,
    font: egui::FontId,
    colour: Color32,
) {
    let galley = ui.painter().layout_no_wrap(label.to_owned(), font, colour);
    let gap = mark * 0.3;
    let size = egui::vec2(mark + gap + galley.size().x, galley.size().y.max(mark));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let mark_rect = Rect::from_center_size(
        egui::pos2(rect.left() + mark / 2.0, rect.center().y),
        egui::vec2(mark, mark * 0.7),
    );
    paint(ui.painter(), mark_rect);
    ui.painter().galley(
        egui::pos2(
            rect.left() + mark + gap,
            rect.center().y - galley.size().y / 2.0,
        ),
        galley,
        colour,
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label.to_owned()));
}

/// The key: each band in colour and in words, grey for no region, and the credit.
pub fn key(ui: &mut Ui, lang: Lang) {
    let t = &lang.texts().ui;
    let size = ui.text_style_height(&egui::TextStyle::Body);
    ui.horizontal_wrapped(|ui| {
        let items = Band::ALL
            .iter()
            .map(|&b| (b.colour(), (t.map_band)(b as usize)))
            .chain(std::iter::once((NO_REGION, t.map_no_region.to_owned())));
        let font = body_font(ui);
        let ink = ui.visuals().text_color();
        for (colour, label) in items {
            let paint = |p: &egui::Painter, r: Rect| {
                p.rect_filled(r, 2.0, colour);
                p.rect_stroke(
                    r,
                    2.0,
                    Stroke::new(0.8, Color32::from_gray(120)),
                    egui::StrokeKind::Inside,
                );
            };
            key_item(ui, size, &paint, &label, font.clone(), ink);
            ui.add_space(size * 0.4);
        }
    });
    ui.label(RichText::new(t.map_credit));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_38_provinces_are_read_and_triangulated() {
        let all = provinces();
        assert_eq!(all.len(), 38);
        for p in all {
            assert!(!p.triangles.is_empty(), "{}", p.name);
            assert_eq!(p.triangles.len() % 3, 0);
            assert!(
                (95.0..141.5).contains(&p.label_at[0]) && (-11.5..6.5).contains(&p.label_at[1]),
                "{} at {:?}",
                p.name,
                p.label_at
            );
        }
        // The Papua provinces share codes; they are told apart by name.
        assert!(all.iter().any(|p| p.name == "Papua Pegunungan"));
    }

    #[test]
    fn bands_follow_coverage_against_target() {
        assert_eq!(Band::of(52.15, Some(52.15)), Band::High);
        assert_eq!(Band::of(47.0, Some(52.15)), Band::Medium);
        assert_eq!(Band::of(40.0, Some(52.15)), Band::Low);
        assert_eq!(Band::of(30.0, Some(52.15)), Band::VeryLow);
        assert_eq!(Band::of(30.0, None), Band::NoTarget);
    }

    #[test]
    fn regions_add_up_to_their_province_and_a_province_region_stands_alone() {
        let scenario = crate::files::parse(crate::files::SAMPLE, "sample").unwrap();
        let projection = crate::engine::project(&scenario);
        let month = Month::new(2025, 12).unwrap();
        let figures = by_province(&scenario, &projection, month);
        let names: Vec<&str> = figures.iter().map(|f| f.name.as_str()).collect();
        // Musi Banyuasin in Sumatera Selatan; Tanjung Jabung Barat and Bungo both in Jambi;
        // Provinsi Bengkulu as itself.
        assert_eq!(names.len(), 3, "{names:?}");
        let jambi = figures.iter().find(|f| normal(&f.name) == "jambi").unwrap();
        let (a, b) = (projection.region(1).unwrap(), projection.region(2).unwrap());
        let k = |p: &crate::engine::RegionProjection| p.series.index_of(month).unwrap();
        let active = a.series.active[k(a)] + b.series.active[k(b)];
        assert!((jambi.active - active).abs() < 1e-6);
        // Targets 55 % and 52.15 %, weighted by workforce.
        let t = jambi.target.unwrap();
        assert!(t > 52.15 && t < 55.0, "{t}");
        // Every province of the sample is found on the map.
        for f in &figures {
            assert!(
                provinces()
                    .iter()
                    .any(|p| normal(&p.name) == normal(&f.name)),
                "{}",
                f.name
            );
        }
    }
}
