//! The pipeline as a list of stages: what each configuration runs, the two
//! wiring bugs the stage plan fixed, and documents that read back.

use sitrep::doc::{Article, Date, Doc};
use sitrep::ingest::{read_paths, Event, ReadOptions};
use sitrep::{Depth, Layers, Pipeline, PipelineOptions};
use std::path::PathBuf;
use std::sync::OnceLock;

fn examples() -> Vec<Article> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"));
    let paths = [root.join("aleppo-2016-12-12.txt"), root.join("news")];
    read_paths(&paths, &ReadOptions::default())
        .filter_map(|e| match e {
            Event::Article(a) => Some(a),
            _ => None,
        })
        .collect()
}

fn full() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::full(&PipelineOptions {
            fallback_date: Date::new(2016, 12, 12),
            ..PipelineOptions::default()
        })
        .expect("vendored models, dictionaries and gazetteer load")
    })
}

fn article(text: &str) -> Article {
    Article {
        id: "t".into(),
        text: text.into(),
        published: Date::new(2020, 3, 4),
        ..Article::default()
    }
}

#[test]
fn the_full_pipeline_runs_every_stage_in_canonical_order() {
    assert_eq!(
        full().stage_names().join(" → "),
        "segmenter → tagger → parser → entity recognizer → person finder → coder → geoparser → time resolver → attribution → link"
    );
    assert!(full()
        .layers()
        .contains(Layers::ENTITIES | Layers::PLACES | Layers::TIMES | Layers::LINKS));
}

/// `sitrep segment --depth parse` ran attribution and the link too, because the
/// old facade gated them on "a parser is loaded".
#[test]
fn a_parse_pipeline_runs_syntax_only() {
    let p = Pipeline::new(&PipelineOptions {
        depth: Depth::Parse,
        ..PipelineOptions::default()
    })
    .expect("vendored models load");
    assert_eq!(p.stage_names(), ["segmenter", "tagger", "parser"]);
    let doc = p.analyze(article(
        "\"We will not leave,\" the mayor said. Three people were killed in the blast.",
    ));
    assert!(doc.tokens.iter().all(|t| t.deprel.is_set()), "parsed");
    assert!(doc.quotes.is_empty() && doc.casualties.is_empty());
    let tag_only = Pipeline::new(&PipelineOptions {
        depth: Depth::Tag,
        ..PipelineOptions::default()
    })
    .expect("vendored tagger loads");
    assert_eq!(tag_only.stage_names(), ["segmenter", "tagger"]);
}

/// `sitrep code --no-places` gave no event a time: the old facade resolved
/// times only when a gazetteer was loaded.
#[test]
fn without_a_gazetteer_events_still_get_their_clause_time() {
    let p = Pipeline::new(&PipelineOptions::default())
        .expect("vendored models load")
        .with_coder(Pipeline::load_coder(None, Default::default()).expect("dictionaries load"))
        .expect("a segmented pipeline");
    assert!(!p.stage_names().contains(&"geoparser"));
    let doc = p.analyze(article(
        "Russian forces attacked Ukrainian positions near Kharkiv on Monday.",
    ));
    assert!(!doc.times.is_empty(), "the time resolver ran");
    let e = doc.events.first().expect("an attack event");
    let time = e.time.as_ref().expect("the event has its clause time");
    assert_eq!(
        time.date,
        Date::new(2020, 3, 2),
        "the Monday before publication"
    );
    assert_eq!(e.date, Date::new(2020, 3, 2));
    assert!(e.location.is_none() && doc.places.is_empty());
}

fn write(doc: &Doc) -> Vec<u8> {
    let mut out = Vec::new();
    sitrep_output::write_jsonl(doc, &mut out).expect("writing to memory");
    out
}

/// documents.jsonl reads back into the same `Doc`: write, read, write is
/// byte-identical, on every bundled example with every layer filled.
#[test]
fn documents_round_trip() {
    let articles = examples();
    assert!(articles.len() >= 8, "the bundled examples");
    let mut layers = 0;
    for a in articles {
        let doc = full().analyze(a);
        let first = write(&doc);
        let line = std::str::from_utf8(&first).expect("JSON is UTF-8");
        let back = sitrep_output::read_document(line.trim_end())
            .unwrap_or_else(|e| panic!("{}: {e}", doc.id));
        assert_eq!(back, doc, "{}: the Doc read back", doc.id);
        assert_eq!(write(&back), first, "{}: written again", doc.id);
        layers += usize::from(!doc.events.is_empty())
            + usize::from(!doc.places.is_empty())
            + usize::from(!doc.quotes.is_empty())
            + usize::from(!doc.casualties.is_empty())
            + usize::from(!doc.times.is_empty());
    }
    assert!(layers >= 20, "most layers are filled somewhere: {layers}");
}

/// Same input, same event ids: in another run, and when the article is coded
/// alone (as on another shard) rather than after others.
#[test]
fn event_ids_are_stable_across_runs_and_shards() {
    let articles = examples();
    let batch: Vec<Doc> = articles
        .iter()
        .cloned()
        .map(|a| full().analyze(a))
        .collect();
    let last = articles.last().cloned().expect("examples");
    let alone = full().analyze(last);
    let in_batch = batch.last().expect("examples");
    assert!(!alone.events.is_empty());
    let ids = |d: &Doc| d.events.iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids(&alone), ids(in_batch));
    let all: Vec<_> = batch.iter().flat_map(ids).collect();
    let unique: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "ids are unique");
    assert!(all.iter().all(|id| id.is_assigned()));
}
