//! `sitrep dict`: compile event-coding dictionaries and look phrases up in them.

use std::path::PathBuf;

use anyhow::{Context, Result};
use sitrep_dict::{Dictionaries, Kind, Placement, Role};
use sitrep_doc::Date;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Compile PETRARCH/TABARI dictionary files into sitrep's compact binary form.
    Compile(CompileArgs),
    /// Print the actor, agent and verb entries a phrase matches.
    Lookup(LookupArgs),
    /// Print entry counts of a dictionary set.
    Stats(Source),
}

#[derive(clap::Args)]
struct CompileArgs {
    /// Directory of dictionary files; kinds and formats are detected from file
    /// names (Phoenix.*.actors.txt, *.agents, CAMEO.*.txt, *.verbs...). Repeatable.
    #[arg(long)]
    dicts: Vec<PathBuf>,
    /// Explicit actor files (PETRARCH or TABARI).
    #[arg(long)]
    actors: Vec<PathBuf>,
    /// Explicit agent files (PETRARCH or TABARI).
    #[arg(long)]
    agents: Vec<PathBuf>,
    /// Explicit PETRARCH verb files (`--- VERB [code] ---` blocks).
    #[arg(long)]
    verbs: Vec<PathBuf>,
    /// Explicit TABARI `.verbs` files.
    #[arg(long)]
    tabari_verbs: Vec<PathBuf>,
    #[arg(long)]
    discards: Vec<PathBuf>,
    #[arg(long)]
    issues: Vec<PathBuf>,
    #[arg(long)]
    options: Vec<PathBuf>,
    /// Output file.
    #[arg(long)]
    out: PathBuf,
    /// Do not print each warning (the count is still printed).
    #[arg(long)]
    quiet: bool,
}

#[derive(clap::Args)]
struct Source {
    /// A compiled dictionary (default: the built-in Phoenix dictionaries).
    #[arg(long, conflicts_with = "dicts")]
    dict: Option<PathBuf>,
    /// A directory of text dictionaries to load instead.
    #[arg(long)]
    dicts: Option<PathBuf>,
}

impl Source {
    fn load(&self) -> Result<Dictionaries> {
        Ok(match (&self.dict, &self.dicts) {
            (Some(f), _) => Dictionaries::load_compiled(f)?,
            (None, Some(d)) => Dictionaries::load_dir(d)?,
            (None, None) => Dictionaries::vendored()?,
        })
    }
}

#[derive(clap::Args)]
struct LookupArgs {
    /// The phrase, e.g. "Sergey Lavrov" or Syrian opposition.
    #[arg(required = true)]
    phrase: Vec<String>,
    /// Resolve dated roles on this day (YYYY-MM-DD).
    #[arg(long)]
    date: Option<String>,
    #[command(flatten)]
    source: Source,
}

pub fn run(args: Args) -> Result<()> {
    match args.command {
        Command::Compile(a) => compile(a),
        Command::Lookup(a) => lookup(a),
        Command::Stats(s) => {
            println!("{}", s.load()?.set().stats());
            Ok(())
        }
    }
}

fn compile(a: CompileArgs) -> Result<()> {
    let mut files: Vec<(PathBuf, Option<Kind>)> = Vec::new();
    for dir in &a.dicts {
        // One directory without dictionary files among others is a warning
        // (the rest still compiles); nothing at all to compile stays an error.
        match sitrep_dict::scan_dir(dir) {
            Ok(found) => files.extend(found.into_iter().map(|(p, k)| (p, Some(k)))),
            Err(e @ sitrep_dict::Error::NoDictionaries(_)) => eprintln!("sitrep: warning: {e}"),
            Err(e) => return Err(e.into()),
        }
    }
    let explicit = [
        (&a.actors, Kind::Actors),
        (&a.agents, Kind::Agents),
        (&a.verbs, Kind::PetrarchVerbs),
        (&a.tabari_verbs, Kind::TabariVerbs),
        (&a.discards, Kind::Discards),
        (&a.issues, Kind::Issues),
        (&a.options, Kind::Options),
    ];
    for (paths, kind) in explicit {
        files.extend(paths.iter().map(|p| (p.clone(), Some(kind))));
    }
    anyhow::ensure!(
        !files.is_empty(),
        "nothing to compile: give --dicts DIR or explicit files"
    );
    for (path, kind) in &files {
        eprintln!(
            "reading {} ({kind})",
            path.display(),
            kind = kind.map_or("?".into(), |k| format!("{k:?}"))
        );
    }
    let dicts = Dictionaries::load_files(files.iter().map(|(p, k)| (p.as_path(), *k)))?;
    if !a.quiet {
        for w in dicts.warnings() {
            eprintln!("warning: {w}");
        }
    }
    let bytes = dicts.to_compiled();
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    eprintln!("{}", dicts.set().stats());
    eprintln!(
        "{} warnings; wrote {} ({} bytes)",
        dicts.warnings().len(),
        a.out.display(),
        bytes.len()
    );
    Ok(())
}

fn show_role(r: &Role) -> String {
    let d = |d: Option<Date>| d.map_or(String::new(), |d| d.to_string());
    if r.is_dated() {
        format!("{} {}..{}", r.code, d(r.from), d(r.to))
    } else {
        r.code.to_string()
    }
}

fn lookup(a: LookupArgs) -> Result<()> {
    let date = match &a.date {
        Some(s) => Some(
            s.parse::<Date>()
                .map_err(|e| anyhow::anyhow!("--date: {e}"))?,
        ),
        None => None,
    };
    let dicts = a.source.load()?;
    let phrase = a.phrase.join(" ");
    let l = dicts.lookup(&phrase, date);
    let on = date.map_or("no date".to_string(), |d| d.to_string());
    println!("{phrase:?} ({on})");
    let actors = &dicts.actors().actors;
    for &i in &l.actors {
        let Some(actor) = actors.get(i) else { continue };
        println!(
            "  actor #{i} {:?} -> {}",
            actor.display_name(),
            actor.code_on(date).unwrap_or("(no code)")
        );
        let names: Vec<String> = actor.names.iter().take(8).map(|n| n.join(" ")).collect();
        let more = actor.names.len().saturating_sub(names.len());
        println!(
            "    names: {}{}",
            names.join(" | "),
            if more > 0 {
                format!(" (+{more})")
            } else {
                String::new()
            }
        );
        let roles: Vec<String> = actor.roles.iter().map(show_role).collect();
        println!("    roles: {}", roles.join("; "));
    }
    for &i in &l.agents {
        let Some(agent) = dicts.agents().agents.get(i) else {
            continue;
        };
        let code = match agent.placement {
            Placement::Suffix => format!("~{}", agent.code),
            Placement::Prefix => format!("{}~", agent.code),
        };
        println!("  agent #{i} {:?} [{code}]", agent.names[0].join(" "));
    }
    for &(b, v) in &l.verbs {
        let Some(block) = dicts.verbs().blocks.get(b) else {
            continue;
        };
        let Some(verb) = block.verbs.get(v) else {
            continue;
        };
        let code = verb.code.as_deref().unwrap_or(&block.code);
        println!(
            "  verb {:?} in block {} [{code}], {} patterns",
            verb.words.join(" "),
            block.name,
            block.patterns.len()
        );
    }
    if l.actors.is_empty() && l.last_name.len() > 1 {
        let names: Vec<String> = l
            .last_name
            .iter()
            .take(10)
            .filter_map(|&i| actors.get(i))
            .map(|a| format!("{} ({})", a.display_name(), a.code_on(date).unwrap_or("-")))
            .collect();
        println!(
            "  last name of {} actors: {}",
            l.last_name.len(),
            names.join(", ")
        );
    }
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    for m in &l.matches {
        let what = match (
            m.actor.and_then(|i| actors.get(i)),
            m.agent.and_then(|i| dicts.agents().agents.get(i)),
        ) {
            (Some(a), Some(g)) => format!(
                "actor {:?} + agent {:?}",
                a.display_name(),
                g.names[0].join(" ")
            ),
            (Some(a), None) => format!("actor {:?}", a.display_name()),
            (None, Some(g)) => format!("agent {:?}", g.names[0].join(" ")),
            (None, None) => "?".to_string(),
        };
        println!(
            "  match {:?} -> {} ({what})",
            tokens
                .get(m.start..m.end)
                .map(|t| t.join(" "))
                .unwrap_or_default(),
            m.code.as_deref().unwrap_or("(no code)")
        );
    }
    if l.actors.is_empty() && l.agents.is_empty() && l.verbs.is_empty() && l.matches.is_empty() {
        println!("  no entries");
    }
    Ok(())
}
