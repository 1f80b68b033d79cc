//! Exporters: the finished [`EntityGraph`] as CSV tables, GraphML and Graphviz DOT.
//!
//! Every writer walks the graph in its stored order (nodes sorted by id, edges sorted),
//! so the same graph always gives the same bytes. [`write_all`] writes the six files of
//! an output folder, each through a temporary file, so a failed run never leaves a
//! half-written file over a good one.

pub mod atomic;
pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;

use std::fs;
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
/// `evidence.csv`: every sentence supporting every edge.
pub const EVIDENCE_CSV: &str = "evidence.csv";
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

/// The files [`write_all`] writes, in the order it writes them.
pub const FILES: [&str; 9] = [
    NODES_CSV,
    EDGES_CSV,
    MENTIONS_CSV,
    EVIDENCE_CSV,
    GRAPHML,
    DOT,
    GEXF,
    JSON,
    HTML,
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
    pub(crate) fn io(path: &Path, action: &'static str, err: io::Error) -> ExportError {
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

/// Writes the six output files of `graph` into `dir` (created if needed) and returns
/// their paths in [`FILES`] order.
///
/// All six are staged as synced temporary files first and renamed into place only when
/// every one of them was written, so an error while writing leaves the folder as it was.
pub fn write_all(dir: &Path, graph: &EntityGraph) -> Result<Vec<PathBuf>, ExportError> {
    fs::create_dir_all(dir).map_err(|err| ExportError::io(dir, "create folder", err))?;
    let stage = |name: &str, fill: &dyn Fn(&mut dyn io::Write) -> io::Result<()>| {
        let path = dir.join(name);
        atomic::stage(&path, fill).map_err(|err| ExportError::io(&path, "write", err))
    };
    let staged = [
        stage(NODES_CSV, &|w| csv::write_nodes(w, graph))?,
        stage(EDGES_CSV, &|w| csv::write_edges(w, graph))?,
        stage(MENTIONS_CSV, &|w| csv::write_mentions(w, graph))?,
        stage(EVIDENCE_CSV, &|w| csv::write_evidence(w, graph))?,
        stage(GRAPHML, &|w| graphml::write_graphml(w, graph))?,
        stage(DOT, &|w| dot::write_dot(w, graph))?,
        stage(GEXF, &|w| gexf::write_gexf(w, graph))?,
        stage(JSON, &|w| json::write_json(w, graph))?,
    ];
    let mut written = Vec::with_capacity(staged.len());
    for file in staged {
        let target = file.target().to_path_buf();
        written.push(
            file.commit()
                .map_err(|err| ExportError::io(&target, "replace", err))?,
        );
    }
    // The page quotes evidence.csv, so it is written once that is in place.
    let page = dir.join(HTML);
    written.push(
        atomic::write_atomic(&page, |w| html::write_html(w, graph, dir))
            .map_err(|err| ExportError::io(&page, "write", err))?,
    );
    Ok(written)
}

#[cfg(test)]
mod tests {
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
        fs::write(&file, "not a folder").unwrap();
        let err = write_all(&file, &EntityGraph::default()).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("{}: cannot create folder: ", file.display())),
            "{msg}"
        );
    }

    #[test]
    fn write_all_writes_six_files_and_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("nested/graphs");
        let written = write_all(&out, &EntityGraph::default()).unwrap();
        let expected: Vec<PathBuf> = FILES.iter().map(|f| out.join(f)).collect();
        assert_eq!(written, expected);
        let mut names: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut files = FILES.map(String::from).to_vec();
        files.sort();
        assert_eq!(names, files);
    }
}
