//! Exporters: the finished [`EntityGraph`] as CSV tables, GraphML and Graphviz DOT.
//!
//! Every writer walks the graph in its stored order (nodes sorted by id, edges sorted),
//! so the same graph always gives the same bytes. The big drill-down tables
//! (`mentions.csv`, `evidence.csv`, `sentences.csv`) are streamed by the corpus pass
//! with [`csv::TableWriter`]; [`write_graph`] writes the rest. Both write into an
//! [`atomic::OutputDir`]'s staging folder, which replaces the output folder as a whole.

pub mod atomic;
#[cfg(test)]
mod before;
pub mod csv;
pub mod cut;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;

use crate::model::EntityGraph;

pub use self::dot::{quote as dot_quote, render, render_layout, to_dot, Layout, RenderFormat};

/// `nodes.csv`: Gephi node table.
pub const NODES_CSV: &str = "nodes.csv";
/// `edges.csv`: Gephi edge table.
pub const EDGES_CSV: &str = "edges.csv";
/// `mentions.csv`: every recognised mention.
pub const MENTIONS_CSV: &str = "mentions.csv";
/// `evidence.csv`: every (edge, supporting sentence).
pub const EVIDENCE_CSV: &str = "evidence.csv";
/// `sentences.csv`: each supporting sentence once.
pub const SENTENCES_CSV: &str = "sentences.csv";
/// `graph.graphml`: for Gephi, yEd, Cytoscape, NetworkX and igraph.
pub const GRAPHML: &str = "graph.graphml";
/// `graph.dot`: for Graphviz.
pub const DOT: &str = "graph.dot";
/// `graph.gexf`: for Gephi (colours, sizes, timeline), NetworkX and graphology.
pub const GEXF: &str = "graph.gexf";
/// `graph.json`: graphology's format, for sigma.js and Gephi Lite.
pub const JSON: &str = "graph.json";
/// `graph.html`: the page that opens from disk and explores the graph.
pub const HTML: &str = "graph.html";

/// The files of an output folder.
/// An example sentence shown beside an edge (`edges.csv`'s `evidence`, the graph files,
/// the page) holds at most this many characters; `sentences.csv` has the whole sentence.
/// A scraped line with no full stop can be one "sentence" of megabytes, and each typed
/// edge from it would copy it into every file.
pub const EXAMPLE_CHARS: usize = 1000;

/// `text` cut at [`EXAMPLE_CHARS`] characters (at a space when one is near), with "…".
pub fn clip_example(text: &str) -> std::borrow::Cow<'_, str> {
    // No more bytes than the limit are no more characters.
    if text.len() <= EXAMPLE_CHARS {
        return text.into();
    }
    let Some((cut, _)) = text.char_indices().nth(EXAMPLE_CHARS) else {
        return text.into();
    };
    let head = &text[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > cut * 4 / 5 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end()).into()
}

pub const FILES: [&str; 10] = [
    NODES_CSV,
    EDGES_CSV,
    MENTIONS_CSV,
    EVIDENCE_CSV,
    SENTENCES_CSV,
    GRAPHML,
    DOT,
    GEXF,
    JSON,
    HTML,
];

/// Choices about how the files are written (flags of `ergraph build`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Write CSV text cells as they are, without [`csv::spreadsheet_safe`]: for DuckDB
    /// and pandas, which never run formulas (`--csv-raw`).
    pub csv_raw: bool,
}

impl ExportOptions {
    /// A CSV text cell as it is to be written.
    pub fn csv_cell<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.csv_raw {
            std::borrow::Cow::Borrowed(text)
        } else {
            csv::spreadsheet_safe(text)
        }
    }
}

/// The text columns of each CSV file that a spreadsheet could run as a formula: free
/// text, names and document ids. Ids of nodes are slugs (ASCII letters, digits and
/// inner `-`) and the other columns are numbers or fixed words, so they are safe as
/// they are.
pub const SPREADSHEET_TEXT_COLUMNS: [(&str, &[&str]); 5] = [
    (NODES_CSV, &["Label", "aliases"]),
    (EDGES_CSV, &["role", "evidence"]),
    (MENTIONS_CSV, &["doc", "text"]),
    (EVIDENCE_CSV, &["doc"]),
    (SENTENCES_CSV, &["doc", "text"]),
];

/// What can go wrong while exporting. Messages name the path and say what failed; the
/// underlying error is part of the message (not a `source`), so an error chain prints
/// it once.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Creating, writing or renaming a file or folder failed.
    #[error("{}: cannot {action}: {}", path.display(), describe(err))]
    Io {
        path: PathBuf,
        action: &'static str,
        err: io::Error,
    },
    /// The output folder is busy or not ergraph's to replace ([`atomic::Refusal`]).
    #[error("{}: {message}", path.display())]
    Refused { path: PathBuf, message: String },
    /// `render` needs the Graphviz `dot` program.
    #[error(
        "Graphviz `dot` not found on PATH; install it (apt-get install graphviz) or drop --render"
    )]
    DotNotFound,
    /// `dot` ran but failed; `stderr` is what it said.
    #[error("{}: Graphviz `dot` failed ({status}): {stderr}", path.display())]
    DotFailed {
        path: PathBuf,
        status: ExitStatus,
        stderr: String,
    },
}

impl ExportError {
    pub fn io(path: &Path, action: &'static str, err: io::Error) -> ExportError {
        if let Some(refusal) = atomic::Refusal::of(&err) {
            return ExportError::Refused {
                path: path.to_path_buf(),
                message: refusal.to_string(),
            };
        }
        ExportError::Io {
            path: path.to_path_buf(),
            action,
            err,
        }
    }
}

/// `Permission denied (os error 13)` -> `permission denied`: reads as the end of a sentence.
fn describe(err: &io::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => &text[..at],
        _ => text.as_str(),
    };
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// Which graph files hold only part of a big graph, and what part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cuts(pub Vec<(&'static str, cut::CutNote)>);

/// Writes the graph's own files (`nodes.csv`, `edges.csv`, `graph.graphml`,
/// `graph.dot`, `graph.gexf`, `graph.json`) into `dir`, which must exist, in parallel,
/// then `graph.html`, which reads the evidence tables already in `dir`. The tables hold the whole
/// graph; the GraphML and DOT files hold at most [`cut::GRAPH_FILE`] and
/// [`cut::DRAWING`] of it, and the returned [`Cuts`] say what was left out.
pub fn write_graph(
    dir: &Path,
    graph: &EntityGraph,
    options: ExportOptions,
) -> Result<Cuts, ExportError> {
    write_graph_with(dir, graph, options, None)
}

/// [`write_graph`], with the evidence of the build when it is known (see
/// [`html::KnownEvidence`]): the page then reads only the sentences it quotes.
pub fn write_graph_with(
    dir: &Path,
    graph: &EntityGraph,
    options: ExportOptions,
    known: Option<&html::KnownEvidence>,
) -> Result<Cuts, ExportError> {
    type Fill<'a> = &'a (dyn Fn(&mut (dyn io::Write + Send)) -> io::Result<()> + Sync);
    // The page quotes evidence.csv and sentences.csv, already in `dir`; it makes its own
    // cut of the whole graph and says so. The files that take the whole graph start at
    // once, beside the cuts that the others wait for.
    let whole: [(&str, Fill); 3] = [
        (HTML, &|w| html::write_html_with(w, graph, dir, known)),
        (EDGES_CSV, &|w| csv::write_edges(w, graph, options)),
        (NODES_CSV, &|w| csv::write_nodes(w, graph, options)),
    ];
    let cut_files = || {
        let start = std::time::Instant::now();
        let (for_file, for_drawing) = rayon::join(
            || cut::cut(graph, cut::GRAPH_FILE),
            || cut::cut(graph, cut::DRAWING),
        );
        crate::timing::phase("cuts", start);
        let file_graph = for_file.as_ref().map_or(graph, |c| &c.0);
        let drawn = for_drawing.as_ref().map_or(graph, |c| &c.0);
        let jobs: [(&str, Fill); 4] = [
            (GEXF, &|w| gexf::write_gexf(w, file_graph)),
            (JSON, &|w| json::write_json(w, file_graph)),
            (GRAPHML, &|w| graphml::write_graphml(w, file_graph)),
            (DOT, &|w| {
                if let Some((_, note)) = &for_drawing {
                    writeln!(
                        w,
                        "// graph.dot holds {note}; the CSV tables hold the whole graph"
                    )?;
                }
                dot::write_dot(w, drawn)
            }),
        ];
        write_files(dir, &jobs)?;
        Ok::<_, ExportError>((for_file.map(|c| c.1), for_drawing.map(|c| c.1)))
    };
    let (done, cut) = rayon::join(|| write_files(dir, &whole), cut_files);
    done?;
    let (for_file, for_drawing) = cut?;
    let mut cuts = Vec::new();
    if let Some(note) = for_file {
        cuts.push((GRAPHML, note));
        cuts.push((GEXF, note));
        cuts.push((JSON, note));
    }
    if let Some(note) = for_drawing {
        cuts.push((DOT, note));
    }
    Ok(Cuts(cuts))
}

/// Writes each (file name, filler) into `dir`, in parallel.
#[allow(clippy::type_complexity)]
fn write_files(
    dir: &Path,
    jobs: &[(
        &str,
        &(dyn Fn(&mut (dyn io::Write + Send)) -> io::Result<()> + Sync),
    )],
) -> Result<(), ExportError> {
    use rayon::prelude::*;
    jobs.par_iter().try_for_each(|(name, fill)| {
        let path = dir.join(name);
        let start = std::time::Instant::now();
        let done = write_file(&path, *fill);
        crate::timing::phase(name, start);
        done.map_err(|err| ExportError::io(&path, "write", err))
    })
}

fn write_file(
    path: &Path,
    fill: &(dyn Fn(&mut (dyn io::Write + Send)) -> io::Result<()> + Sync),
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 20, atomic::EarlyFile::create(path)?);
    fill(&mut out)?;
    io::Write::flush(&mut out)
}

/// Writes a graph into `dir` through a staging folder that replaces it as a whole
/// (the streamed tables are written empty): for graphs built in memory.
pub fn write_all(dir: &Path, graph: &EntityGraph) -> Result<Vec<PathBuf>, ExportError> {
    let out =
        atomic::OutputDir::begin(dir).map_err(|err| ExportError::io(dir, "create folder", err))?;
    let staging = out.path().to_path_buf();
    for (name, header) in [
        (MENTIONS_CSV, &csv::MENTIONS_HEADER[..]),
        (EVIDENCE_CSV, &csv::EVIDENCE_HEADER[..]),
        (SENTENCES_CSV, &csv::SENTENCES_HEADER[..]),
    ] {
        let path = staging.join(name);
        write_file(&path, &|w| {
            csv::TableWriter::new(w, header, ExportOptions::default())?
                .finish()
                .map(drop)
        })
        .map_err(|err| ExportError::io(&path, "write", err))?;
    }
    write_graph(&staging, graph, ExportOptions::default())?;
    out.commit()
        .map_err(|err| ExportError::io(dir, "replace", err))?;
    Ok(FILES.iter().map(|f| dir.join(f)).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_examples_are_clipped_and_short_ones_kept() {
        use super::{clip_example, EXAMPLE_CHARS};
        assert_eq!(clip_example("Kerry met Lavrov."), "Kerry met Lavrov.");
        let long = "Kerry met Lavrov in Geneva ".repeat(200);
        let clipped = clip_example(&long);
        assert!(clipped.ends_with('…'));
        assert!(clipped.chars().count() <= EXAMPLE_CHARS + 1);
        assert!(clipped.chars().count() > EXAMPLE_CHARS * 4 / 5);
        let wide = "é".repeat(3 * EXAMPLE_CHARS);
        assert_eq!(clip_example(&wide).chars().count(), EXAMPLE_CHARS + 1);
        // Up to the limit in characters, whatever their bytes, a text is kept whole.
        for text in ["a".repeat(EXAMPLE_CHARS), "é".repeat(EXAMPLE_CHARS)] {
            assert_eq!(clip_example(&text), text);
        }
        assert!(clip_example(&"é".repeat(EXAMPLE_CHARS + 1)).ends_with('…'));
    }

    use super::*;

    #[test]
    fn io_messages_name_the_path_and_read_as_a_sentence() {
        let err = ExportError::io(
            Path::new("graphs/nodes.csv"),
            "write",
            io::Error::from_raw_os_error(13),
        );
        assert_eq!(
            err.to_string(),
            "graphs/nodes.csv: cannot write: permission denied"
        );
    }

    #[test]
    fn describe_keeps_acronyms() {
        assert_eq!(describe(&io::Error::other("UTF-8 broken")), "UTF-8 broken");
        assert_eq!(describe(&io::Error::other("Disk full")), "disk full");
    }

    #[test]
    fn write_all_reports_a_folder_that_is_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("graphs");
        std::fs::write(&file, "not a folder").unwrap();
        let err = write_all(&file, &EntityGraph::default()).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("{}: exists and is not a folder", file.display())),
            "{msg}"
        );
    }

    #[test]
    fn write_all_writes_every_file_and_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("nested/graphs");
        let written = write_all(&out, &EntityGraph::default()).unwrap();
        let expected: Vec<PathBuf> = FILES.iter().map(|f| out.join(f)).collect();
        assert_eq!(written, expected);
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut files = FILES.map(String::from).to_vec();
        files.push(atomic::MARKER.to_string());
        files.sort();
        assert_eq!(names, files);
    }

    /// A graph with every kind of text the writers escape, dated and undated nodes and
    /// edges, every kind and type, and counts past the cached sizes.
    pub(super) fn awkward_graph() -> EntityGraph {
        use crate::model::{Day, Edge, EntityType, Node, RelationKind, Timeline};
        let texts = [
            "Kerry",
            "São Paulo \u{202e} 😀",
            "a<b>&\"c\"'d' ]]> \0\u{1}\u{7f}\u{85}\u{fffe}\u{ffff}\t\n\r\u{8}\u{c}",
            "</script><!-- \\ \u{2028}\u{2029} \u{2027}\u{202a}",
            "",
            " ",
            "Ministry of Foreign Affairs, \"quoted\"",
        ];
        let mut g = EntityGraph::default();
        let mut ids = Vec::new();
        for (i, t) in texts.iter().cycle().take(40).enumerate() {
            let mut timeline = Timeline::default();
            for d in 0..(i % 5) * 7 {
                timeline.add(Day(16_000 + (d * d) as i32), d as u32 + 1);
            }
            ids.push(g.graph.add_node(Node {
                id: format!("n{i:02}{}", if i % 3 == 0 { *t } else { "" }),
                label: t.to_string(),
                entity_type: [
                    EntityType::Person,
                    EntityType::Organization,
                    EntityType::Location,
                    EntityType::Other,
                ][i % 4],
                mentions: [0, 1, 7, 1023, 1024, 99_999][i % 6],
                documents: i as u64,
                aliases: (0..i % 4).map(|k| format!("{t}{k}")).collect(),
                timeline,
            }));
        }
        for (i, pair) in ids.windows(3).enumerate() {
            let t = texts[i % texts.len()];
            let mut timeline = Timeline::default();
            for d in 0..i % 4 {
                timeline.add(Day(17_000 + 3 * d as i32), 2);
            }
            g.graph.add_edge(
                pair[0],
                pair[2 - i % 2],
                Edge {
                    kind: RelationKind::ALL[i % RelationKind::ALL.len()],
                    weight: i as u64 + 1,
                    documents: i as u64 % 3,
                    role: texts[(i + 2) % texts.len()].to_string(),
                    example: (i % 5 != 0).then(|| t.to_string()),
                    timeline,
                },
            );
        }
        g
    }

    #[test]
    fn graph_files_are_written_as_before() {
        type Writer = fn(&mut Vec<u8>, &EntityGraph) -> io::Result<()>;
        let pairs: [(Writer, Writer); 3] = [
            (
                |w, g| graphml::write_graphml(w, g),
                |w, g| before::graphml::write_graphml(w, g),
            ),
            (
                |w, g| gexf::write_gexf(w, g),
                |w, g| before::gexf::write_gexf(w, g),
            ),
            (
                |w, g| json::write_json(w, g),
                |w, g| before::json::write_json(w, g),
            ),
        ];
        let graphs = [EntityGraph::default(), awkward_graph()];
        let tables = tempfile::tempdir().unwrap();
        for graph in &graphs {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            html::write_html(&mut a, graph, tables.path()).unwrap();
            before::html::write_html_with(&mut b, graph, tables.path(), None).unwrap();
            assert!(a == b, "graph.html differs");
            for (new, old) in pairs {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                new(&mut a, graph).unwrap();
                old(&mut b, graph).unwrap();
                assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
            }
        }
    }

    #[test]
    fn json_strings_are_escaped_as_before() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let s = format!("a{c}b{c}");
            assert_eq!(json::string(&s), before::json::string(&s), "{c:?}");
        }
        // Every ASCII character and some lead-byte neighbours at every place of the
        // blocks of eight bytes that are passed over at once.
        let chars = (0..0x80u32).filter_map(char::from_u32);
        for c in chars.chain(['\u{2028}', '\u{2029}', '\u{2027}', '\u{20ac}', 'é']) {
            for k in 0..17 {
                let s = format!("{}{c}{}{c}", "x".repeat(k), "y".repeat(9));
                assert_eq!(json::string(&s), before::json::string(&s), "{s:?}");
            }
        }
        let ends = ["\u{2028}", "\u{e2}", "x\u{2029}", "\u{2027}", "<&>"];
        for s in ends {
            assert_eq!(json::string(s), before::json::string(s), "{s:?}");
        }
    }
}
