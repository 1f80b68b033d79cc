//! The `ergraph` command: turns flags into a checked configuration, runs the
//! library, and prints each problem once as `ergraph: ...`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use ergraph::export::atomic::OutputDir;
use ergraph::export::{
    render_layout, write_files, ExportError, ExportOptions, Layout, RenderFormat,
};
use ergraph::input::{DocumentReader, Input, DEFAULT_MAX_BYTES};
use ergraph::lexicon::{parse_stoplist, parse_user_gazetteer, Lexicon};
use ergraph::pipeline::GraphBuilder;
use ergraph::Error;

#[derive(Parser)]
#[command(
    name = "ergraph",
    version,
    about = "Entity graphs from news articles: people, organizations and places, merged and exported as Graphviz DOT, CSV and GraphML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents and write the entity graph files into a folder.
    Build(BuildArgs),
}

#[derive(clap::Args)]
struct BuildArgs {
    /// A .txt file, a folder (every .txt below it), a .jsonl file ({"id","text"} per line), or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// Output folder.
    #[arg(short, long, value_name = "DIR", default_value = "graphs")]
    out: PathBuf,
    /// Also render graph.dot to graph.svg or graph.png with Graphviz.
    #[arg(long, value_enum, value_name = "FORMAT")]
    render: Option<Format>,
    /// Graphviz layout engine for --render.
    #[arg(long, value_enum, value_name = "ENGINE", default_value = "sfdp")]
    layout: Engine,
    /// Extra entities: a CSV of name,entity_type,aliases (aliases |-separated); they win over the built-in lists.
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Names never to report, one per line.
    #[arg(long, value_name = "FILE")]
    stoplist: Vec<PathBuf>,
    /// Largest document accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Write CSV text cells as they are (for DuckDB, pandas); by default a cell that
    /// starts with = + - @ gets a leading ' so spreadsheets do not run it as a formula.
    #[arg(long)]
    csv_raw: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Svg,
    Png,
}

#[derive(Clone, Copy, ValueEnum)]
enum Engine {
    Sfdp,
    Dot,
    Neato,
}

/// The pipeline makes many small strings; mimalloc serves them faster than the system
/// allocator (measured in `benches/throughput.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Documents are analysed in parallel batches of about this many bytes.
const BATCH_BYTES: usize = 8 * 1024 * 1024;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build(args),
    }
}

fn report(err: &dyn std::fmt::Display) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "ergraph: {err}");
}

fn read_list(path: &PathBuf) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })
}

fn build(args: BuildArgs) -> ExitCode {
    let started = Instant::now();
    let mut failed = false;

    let mut user = Vec::new();
    for path in &args.gazetteer {
        match read_list(path).and_then(|t| parse_user_gazetteer(&path.display().to_string(), &t)) {
            Ok(mut entries) => user.append(&mut entries),
            Err(e) => {
                report(&e);
                return ExitCode::from(2);
            }
        }
    }
    let mut stop = Vec::new();
    for path in &args.stoplist {
        match read_list(path) {
            Ok(t) => stop.extend(parse_stoplist(&t)),
            Err(e) => {
                report(&e);
                return ExitCode::from(2);
            }
        }
    }
    let custom;
    let lex: &Lexicon = if user.is_empty() && stop.is_empty() {
        Lexicon::builtin()
    } else {
        custom = Lexicon::new(&user, &stop);
        &custom
    };

    // Locked for the whole run, so a second build into the same folder stops at once;
    // every file goes into its staging folder, swapped in whole at the end.
    let out = match OutputDir::begin(&args.out) {
        Ok(out) => out,
        Err(e) => {
            report(&ExportError::io(&args.out, "create folder", e));
            return ExitCode::from(2);
        }
    };

    let inputs = args.inputs.iter().map(|a| Input::parse(a)).collect();
    let mut builder = GraphBuilder::new(lex);
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    for item in DocumentReader::new(inputs, args.max_bytes) {
        match item {
            Err(e) => {
                report(&e);
                failed = true;
            }
            Ok(doc) => {
                if let Some(first) = seen.get(&doc.id) {
                    report(&Error::DuplicateId {
                        id: doc.id.clone(),
                        first: first.clone(),
                        second: doc.source.clone(),
                    });
                    failed = true;
                    continue;
                }
                seen.insert(doc.id.clone(), doc.source.clone());
                batch_bytes += doc.text.len();
                batch.push(doc);
                if batch_bytes >= BATCH_BYTES {
                    builder.add_batch(&batch);
                    batch.clear();
                    batch_bytes = 0;
                }
            }
        }
    }
    builder.add_batch(&batch);
    drop(batch);
    let documents = builder.documents();
    if documents == 0 {
        // An empty graph would replace a good one over a typo: write nothing.
        report(&format!(
            "no document could be read; nothing written to {}",
            args.out.display()
        ));
        return ExitCode::from(1);
    }
    let graph = builder.finish();

    let options = ExportOptions {
        csv_raw: args.csv_raw,
    };
    if let Err(e) = write_files(&out, &graph, &options) {
        report(&e);
        return ExitCode::from(2);
    }
    if let Some(format) = args.render {
        let (fmt, name) = match format {
            Format::Svg => (RenderFormat::Svg, "graph.svg"),
            Format::Png => (RenderFormat::Png, "graph.png"),
        };
        let layout = match args.layout {
            Engine::Sfdp => Layout::Sfdp,
            Engine::Dot => Layout::Dot,
            Engine::Neato => Layout::Neato,
        };
        if let Err(e) = render_layout(
            &out.path().join("graph.dot"),
            fmt,
            layout,
            &out.path().join(name),
        ) {
            report(&e);
            failed = true;
        }
    }
    if let Err(e) = out.commit() {
        report(&ExportError::io(&args.out, "replace", e));
        return ExitCode::from(2);
    }
    if !args.quiet {
        let typed = graph
            .graph
            .edge_weights()
            .filter(|e| e.kind != ergraph::RelationKind::CoMention)
            .count();
        let _ = writeln!(
            std::io::stderr(),
            "ergraph: {documents} documents, {} entities, {} edges ({typed} typed) -> {} in {:.2}s",
            graph.graph.node_count(),
            graph.graph.edge_count(),
            args.out.display(),
            started.elapsed().as_secs_f64()
        );
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
