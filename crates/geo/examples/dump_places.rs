//! `cargo run --release --example dump_places [GAZETTEER]`: every entry as TSV
//! (geonameid, kind, approximate, lat, lon, country, admin1, population, name),
//! for inspecting or measuring the gazetteer with other tools.
use sitrep_geo::{Gazetteer, PlaceId};
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gaz = match std::env::args().nth(1) {
        Some(p) => Gazetteer::load(p)?,
        None => Gazetteer::vendored()?,
    };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for i in 0..gaz.len() {
        let p = gaz.place(PlaceId(i as u32));
        writeln!(
            out,
            "{}\t{}\t{}\t{:.5}\t{:.5}\t{}\t{}\t{}\t{}",
            p.geonameid,
            p.kind.as_str(),
            u8::from(p.approximate),
            p.lat,
            p.lon,
            p.country,
            p.admin1,
            p.population,
            p.name
        )?;
    }
    Ok(())
}
