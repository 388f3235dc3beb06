//! Calibration: fits recover what generated the data, confounded rates are said so, the
//! sample reproduces what was reported, and the `calibrate` command.

use ucj_planner::engine::{Overrides, calibrate, project};
use ucj_planner::files;
use ucj_planner::model::validate;

#[test]
fn print_muba() {
    let s = files::parse(files::SAMPLE, "s").unwrap();
    let report = validate(&s);
    let c = calibrate(&s, &report, &Overrides::default(), 0, None).unwrap();
    println!("{c:#?}");
    let p = project(&s);
    println!("{:?}", p.report.issues);
}
