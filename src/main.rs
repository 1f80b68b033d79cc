//! The `ergraph` command: turns flags into a checked configuration, runs the
//! library, and prints each problem once as `ergraph: ...`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use ergraph::dates::parse_dates;
use ergraph::export::atomic::OutputDir;
use ergraph::export::{render_layout, ExportError, ExportOptions, Layout, RenderFormat};
use ergraph::filter::{filter_dir, filter_into, Filter, Rank};
use ergraph::input::{DocumentReader, Input, DEFAULT_MAX_BYTES};
use ergraph::lexicon::{parse_stoplist, parse_user_gazetteer, Lexicon};
use ergraph::pipeline::{build_into, read_ahead, Summary};
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
    /// Cut down a written output folder (no corpus needed) and write every file again.
    Filter(FilterArgs),
}

#[derive(clap::Args)]
struct FilterArgs {
    /// An output folder written by `ergraph build`.
    #[arg(value_name = "DIR")]
    input: PathBuf,
    /// Where to write the filtered folder (may be DIR itself).
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    filter: FilterFlags,
    /// DIR was written with --csv-raw, and so is OUT.
    #[arg(long)]
    csv_raw: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

/// The cut, shared by `build` and `filter`.
#[derive(clap::Args)]
struct FilterFlags {
    /// Keep the N most mentioned (or, with --by degree, most connected) entities.
    #[arg(long, value_name = "N", help_heading = "Filters")]
    top: Option<usize>,
    /// What --top ranks by.
    #[arg(long, value_enum, default_value = "mentions", help_heading = "Filters")]
    by: RankBy,
    /// Keep edges with at least this many supporting sentences.
    #[arg(long, value_name = "N", default_value_t = 0, help_heading = "Filters")]
    min_weight: u64,
    /// Keep edges supported by at least this many documents.
    #[arg(long, value_name = "N", default_value_t = 0, help_heading = "Filters")]
    min_documents: u64,
    /// Keep only these edge kinds, comma-separated (co-mention,meets,supports,opposes,affiliated_with,linked_to,located_in).
    #[arg(long, value_name = "KINDS", value_parser = parse_kinds, help_heading = "Filters")]
    kinds: Option<Kinds>,
    /// Keep only these entity types, comma-separated (person,organization,location,other).
    #[arg(long, value_name = "TYPES", value_parser = parse_types, help_heading = "Filters")]
    types: Option<Types>,
    /// Keep the entity of this label or alias and its neighbours up to --radius edges away.
    #[arg(long, value_name = "NAME", help_heading = "Filters")]
    ego: Option<String>,
    /// How far --ego reaches, in edges.
    #[arg(long, value_name = "R", default_value_t = 1, help_heading = "Filters")]
    radius: usize,
    /// Keep what was seen on or after this day (YYYY-MM-DD); undated entities and edges are dropped.
    #[arg(long, value_name = "DAY", value_parser = parse_day, help_heading = "Filters")]
    from: Option<ergraph::Day>,
    /// Keep what was seen on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY", value_parser = parse_day, help_heading = "Filters")]
    to: Option<ergraph::Day>,
    /// Drop entities left without any edge.
    #[arg(long, help_heading = "Filters")]
    drop_isolated: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum RankBy {
    Mentions,
    Degree,
}

/// A comma list of kinds as one value (clap reads `Option<Vec<_>>` as repeated values).
#[derive(Clone)]
struct Kinds(Vec<ergraph::RelationKind>);

#[derive(Clone)]
struct Types(Vec<ergraph::EntityType>);

fn parse_kinds(s: &str) -> Result<Kinds, String> {
    ergraph::filter::parse_kinds(s).map(Kinds)
}

fn parse_types(s: &str) -> Result<Types, String> {
    ergraph::filter::parse_types(s).map(Types)
}

fn parse_day(s: &str) -> Result<ergraph::Day, String> {
    ergraph::Day::parse(s).ok_or_else(|| format!("{s:?} is not a day; write YYYY-MM-DD"))
}

impl FilterFlags {
    fn to_filter(&self) -> Filter {
        Filter {
            top: self.top,
            by: match self.by {
                RankBy::Mentions => Rank::Mentions,
                RankBy::Degree => Rank::Degree,
            },
            min_weight: self.min_weight,
            min_documents: self.min_documents,
            kinds: self.kinds.as_ref().map(|k| k.0.clone()),
            types: self.types.as_ref().map(|t| t.0.clone()),
            ego: self.ego.clone(),
            radius: self.radius,
            from: self.from,
            to: self.to,
            drop_isolated: self.drop_isolated,
        }
    }
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
    /// Publication days for documents: a CSV of doc,date (YYYY-MM-DD), e.g. for text files.
    #[arg(long, value_name = "FILE")]
    dates: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterFlags,
    /// Largest document accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Write CSV text cells as they are (for DuckDB, pandas); by default a cell that
    /// starts with = + - @ gets a leading ' so spreadsheets do not run it as a formula.
    #[arg(long)]
    csv_raw: bool,
    /// Print nothing but errors (no progress bar, no summary line).
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
static GLOBAL: ergraph::alloc::MiMalloc = ergraph::alloc::MiMalloc;

fn main() -> ExitCode {
    ergraph::alloc::without_huge_pages();
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build(args),
        Command::Filter(args) => filter(args),
    }
}

fn filter(args: FilterArgs) -> ExitCode {
    let started = Instant::now();
    let options = ExportOptions {
        csv_raw: args.csv_raw,
    };
    match filter_dir(&args.input, &args.out, &args.filter.to_filter(), &options) {
        Ok(summary) => {
            if !args.quiet {
                for (file, note) in &summary.cuts.0 {
                    report(&format!(
                        "{file} holds {note}; the CSV tables hold the whole graph"
                    ));
                }
                report(&format!(
                    "{summary} -> {} in {:.2}s",
                    args.out.display(),
                    started.elapsed().as_secs_f64()
                ));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e);
            ExitCode::from(2)
        }
    }
}

fn report(err: &dyn std::fmt::Display) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "ergraph: {err}");
}

/// Lists are read like documents: bounded by --max-bytes while reading.
fn read_list(path: &std::path::Path, max_bytes: u64) -> Result<String, Error> {
    ergraph::input::read_list(path, max_bytes)
}

/// A problem that stops the build: said once, then exit code 2.
type Stop = Box<dyn std::fmt::Display>;

fn build(args: BuildArgs) -> ExitCode {
    match run_build(&args) {
        Ok(failed) if failed => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(Some(stop)) => {
            report(&stop);
            ExitCode::from(2)
        }
        // Nothing could be read: said already, nothing written.
        Err(None) => ExitCode::from(1),
    }
}

/// Runs the build; `Ok(true)` when some input or the render failed and the rest was
/// written, `Err(None)` when no document could be read (nothing is written then).
fn run_build(args: &BuildArgs) -> Result<bool, Option<Stop>> {
    let started = Instant::now();
    let mut failed = false;
    let custom = custom_lexicon(args)?;
    let dates = read_dates(args)?;
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    // A busy folder or one ergraph did not write is said as it is.
    let out = OutputDir::begin(&args.out)
        .map_err(|err| stop(ExportError::io(&args.out, "create folder", err)))?;
    let bar = progress_bar(&inputs, args.quiet);
    let on_progress = |s: Summary| {
        if let Some(bar) = &bar {
            bar.set_position(s.bytes);
            bar.set_message(format!("{} documents", s.documents));
        }
    };
    let mut on_error = |e: Error| {
        match &bar {
            Some(bar) => bar.suspend(|| report(&e)),
            None => report(&e),
        }
        failed = true;
    };
    let options = ExportOptions {
        csv_raw: args.csv_raw,
    };
    // The first documents are read while the lexicon is built.
    let (lex, docs) = read_ahead(dated_documents(inputs, args.max_bytes, dates), || {
        let builtin = || ergraph::timing::timed("lexicon", Lexicon::builtin);
        custom.as_ref().unwrap_or_else(builtin)
    });
    let built = build_into(docs, lex, out.path(), &mut on_error, &on_progress, options);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let (graph, summary, mut cuts) = built.map_err(stop)?;
    if summary.documents == 0 {
        // An empty graph would replace a good one over a typo: write nothing.
        report(&format!(
            "no document could be read; nothing written to {}",
            args.out.display()
        ));
        return Err(None);
    }
    let filter = args.filter.to_filter();
    if !filter.keeps_all() {
        cuts = cut_in_place(out.path(), &filter, options, args.quiet)?;
    }
    if !args.quiet {
        for (file, note) in &cuts.0 {
            report(&format!(
                "{file} holds {note}; the CSV tables hold the whole graph"
            ));
        }
    }
    if let Some(format) = args.render {
        if let Err(e) = render_into(out.path(), format, args.layout) {
            report(&e);
            failed = true;
        }
    }
    ergraph::timing::timed("sync and swap in", || out.commit())
        .map_err(|e| stop(ExportError::io(&args.out, "replace the folder", e)))?;
    if !args.quiet {
        say_built(&graph, summary.documents, &args.out, started);
    }
    // The process ends after this build: freeing the graph's many small allocations one
    // by one would only keep a core busy at the end (~55M instructions on allsides-dev).
    std::mem::forget(graph);
    Ok(failed)
}

fn stop(e: impl std::fmt::Display + 'static) -> Option<Stop> {
    Some(Box::new(e))
}

/// The built-in lexicon unless --gazetteer or --stoplist adds to it.
fn custom_lexicon(args: &BuildArgs) -> Result<Option<Lexicon>, Option<Stop>> {
    let mut user = Vec::new();
    for path in &args.gazetteer {
        let text = read_list(path, args.max_bytes).map_err(stop)?;
        user.append(&mut parse_user_gazetteer(&path.display().to_string(), &text).map_err(stop)?);
    }
    let mut stoplist = Vec::new();
    for path in &args.stoplist {
        stoplist.extend(parse_stoplist(
            &read_list(path, args.max_bytes).map_err(stop)?,
        ));
    }
    Ok((!user.is_empty() || !stoplist.is_empty()).then(|| Lexicon::new(&user, &stoplist)))
}

/// The --dates list, its warnings said (a bad line leaves its document undated).
fn read_dates(args: &BuildArgs) -> Result<ergraph::dates::Dates, Option<Stop>> {
    let Some(path) = &args.dates else {
        return Ok(Default::default());
    };
    let text = read_list(path, args.max_bytes).map_err(stop)?;
    let dates = parse_dates(&path.display().to_string(), &text);
    for w in &dates.warnings {
        report(&format!("warning: {w}"));
    }
    Ok(dates)
}

/// The documents of the inputs, read lazily, with --dates winning over a JSONL date;
/// the reader's warnings are said as they come.
fn dated_documents(
    inputs: Vec<Input>,
    max_bytes: u64,
    dates: ergraph::dates::Dates,
) -> impl Iterator<Item = Result<ergraph::Document, Error>> {
    let mut reader = DocumentReader::new(inputs, max_bytes);
    std::iter::from_fn(move || {
        let item = reader.next()?;
        for w in reader.take_warnings() {
            report(&format!("warning: {w}"));
        }
        Some(item.map(|mut doc| {
            if let Some(day) = dates.get(&doc.id) {
                doc.date = Some(day);
            }
            doc
        }))
    })
}

/// Cuts the whole graph just written in `stage`: it moves to a folder inside the
/// staging one, is read back from there and cut into the staging folder, then removed.
fn cut_in_place(
    stage: &std::path::Path,
    filter: &Filter,
    options: ExportOptions,
    quiet: bool,
) -> Result<ergraph::export::Cuts, Option<Stop>> {
    let full = stage.join(".full");
    let moved = (|| -> std::io::Result<()> {
        std::fs::create_dir(&full)?;
        for entry in std::fs::read_dir(stage)? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                std::fs::rename(entry.path(), full.join(entry.file_name()))?;
            }
        }
        Ok(())
    })();
    moved.map_err(|e| stop(ExportError::io(&full, "move the whole graph into", e)))?;
    // Its text cells were written with `options`, as the cut ones are.
    let kept = filter_into(&full, stage, filter, options).map_err(stop)?;
    if !quiet {
        report(&kept);
    }
    std::fs::remove_dir_all(&full).map_err(|e| stop(ExportError::io(&full, "remove", e)))?;
    Ok(kept.cuts)
}

/// Renders graph.dot into the staging folder, so the picture is part of the committed
/// set (graph.dot is already cut to what Graphviz draws in seconds).
fn render_into(stage: &std::path::Path, format: Format, engine: Engine) -> Result<(), ExportError> {
    let (fmt, name) = match format {
        Format::Svg => (RenderFormat::Svg, "graph.svg"),
        Format::Png => (RenderFormat::Png, "graph.png"),
    };
    let layout = match engine {
        Engine::Sfdp => Layout::Sfdp,
        Engine::Dot => Layout::Dot,
        Engine::Neato => Layout::Neato,
    };
    render_layout(&stage.join("graph.dot"), fmt, layout, &stage.join(name))
}

/// The closing summary line on standard error.
fn say_built(
    graph: &ergraph::EntityGraph,
    documents: usize,
    out: &std::path::Path,
    started: Instant,
) {
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
        out.display(),
        started.elapsed().as_secs_f64()
    );
}

/// A progress bar on standard error when it is a terminal: bytes read of the
/// inputs' total size (when known), documents, MB/s and time left. It shows only
/// for runs longer than about a second.
fn progress_bar(inputs: &[Input], quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let total: Option<u64> = inputs
        .iter()
        .map(|i| match i {
            Input::Path(p) => input_bytes(p),
            Input::Stdin => None,
        })
        .sum();
    let bar = match total {
        Some(total) => indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::stderr_with_hz(4),
        )
        .with_style(
            indicatif::ProgressStyle::with_template(
                "{msg}, {bytes}/{total_bytes} ({bytes_per_sec}), {eta} left [{bar:30}]",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        ),
        None => indicatif::ProgressBar::with_draw_target(
            None,
            indicatif::ProgressDrawTarget::stderr_with_hz(4),
        )
        .with_style(
            indicatif::ProgressStyle::with_template("{msg}, {bytes} ({bytes_per_sec})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        ),
    };
    // Quick runs finish before the first draw: nothing shows.
    bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    let shown = bar.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        if !shown.is_finished() {
            shown.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        }
    });
    Some(bar)
}

/// The bytes below an input path (files and folders), for the progress bar.
fn input_bytes(path: &std::path::Path) -> Option<u64> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return Some(meta.len());
    }
    let mut total = 0;
    let mut stack = vec![path.to_path_buf()];
    let mut seen = 0usize;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).ok()?.flatten() {
            seen += 1;
            if seen > 1_000_000 {
                return None;
            }
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push(entry.path());
            } else if ft.is_file() {
                total += entry.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
    }
    Some(total)
}
