//! Geoparses a text file and prints the places and times found.
//!
//! `cargo run --release -p sitrep --example geoparse_file -- FILE [YYYY-MM-DD]`
use sitrep::doc::{Article, Date};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_geo::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: geoparse_file FILE [DATE]")?;
    let date = args.next().and_then(|d| d.parse::<Date>().ok());
    let raw = std::fs::read_to_string(&path)?;
    // Like `sitrep`'s text reader: the first line is the title.
    let (title, text) = raw.split_once('\n').unwrap_or(("", raw.as_str()));
    let (title, text) = (Some(title.to_string()), text.to_string());
    let pipeline = Pipeline::new(&PipelineOptions::default())?;
    let gaz = Gazetteer::vendored()?;
    let mut doc = pipeline.analyze(Article {
        text,
        title,
        published: date,
        ..Article::default()
    });
    doc.persons = sitrep::attrib::persons::find(&doc);
    sitrep_geo::geoparse(&mut doc, &gaz);
    for p in &doc.places {
        match &p.place {
            Some(r) => println!(
                "{:>6} {:<20} → {} {} ({:.2}, {:.2}) {}/{} {:?} conf {:.2}\n        {}",
                p.span.start,
                p.text,
                r.geonameid,
                r.name,
                r.lat,
                r.lon,
                r.country,
                r.admin1,
                r.precision,
                p.confidence,
                p.explain
            ),
            None => println!("{:>6} {:<20} → unresolved", p.span.start, p.text),
        }
    }
    Ok(())
}
