//! Reading documents: `.txt` files, folders of them, JSONL files and standard input.
//!
//! Inputs are expanded lazily and read one document at a time, so a large corpus
//! streams through the pipeline. A bad input is an `Err` item naming it; the
//! iterator then goes on with the rest.

use std::collections::VecDeque;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::{Day, Document};

/// Documents larger than this are refused by default (one news article is a few KB).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Where documents come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, one document.
    Stdin,
    /// A `.txt` file, a folder or a `.jsonl` file.
    Path(PathBuf),
}

impl Input {
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

enum Source {
    Stdin,
    /// A text file and the id it gets.
    Text {
        path: PathBuf,
        id: String,
    },
    Jsonl(PathBuf),
}

/// Reads every document of `inputs`, in order, one at a time.
pub struct DocumentReader {
    pending: VecDeque<Input>,
    sources: VecDeque<std::result::Result<Source, Error>>,
    jsonl: Option<JsonlState>,
    max_bytes: u64,
    /// Bad dates: the document is read undated, the problem is kept for the caller.
    warnings: Vec<Error>,
}

struct JsonlState {
    path: PathBuf,
    lines: std::io::Lines<BufReader<fs::File>>,
    line: usize,
}

impl DocumentReader {
    pub fn new(inputs: Vec<Input>, max_bytes: u64) -> DocumentReader {
        DocumentReader {
            pending: inputs.into(),
            sources: VecDeque::new(),
            jsonl: None,
            max_bytes,
            warnings: Vec::new(),
        }
    }

    /// Takes the warnings (bad dates) found since the last call.
    pub fn take_warnings(&mut self) -> Vec<Error> {
        std::mem::take(&mut self.warnings)
    }

    fn expand(&mut self, input: Input) {
        match input {
            Input::Stdin => self.sources.push_back(Ok(Source::Stdin)),
            Input::Path(path) => match fs::metadata(&path) {
                Err(source) => self.sources.push_back(Err(Error::Io { path, source })),
                Ok(meta) if meta.is_dir() => {
                    let mut files = Vec::new();
                    if let Err(e) = walk_txt(&path, &mut files) {
                        self.sources.push_back(Err(e));
                        return;
                    }
                    if files.is_empty() {
                        self.sources.push_back(Err(Error::NoTextFiles {
                            path: path.display().to_string(),
                        }));
                        return;
                    }
                    files.sort();
                    for file in files {
                        let id = text_id(file.strip_prefix(&path).unwrap_or(&file));
                        self.sources.push_back(Ok(Source::Text { path: file, id }));
                    }
                }
                Ok(_) => {
                    let is_jsonl = path
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
                    if is_jsonl {
                        self.sources.push_back(Ok(Source::Jsonl(path)));
                    } else {
                        let name = path.file_name().map(Path::new).unwrap_or(&path);
                        let id = text_id(name);
                        self.sources.push_back(Ok(Source::Text { path, id }));
                    }
                }
            },
        }
    }

    fn next_jsonl(&mut self) -> Option<Result<Document>> {
        let state = self.jsonl.as_mut()?;
        loop {
            let line = match state.lines.next() {
                None => {
                    self.jsonl = None;
                    return None;
                }
                Some(line) => line,
            };
            state.line += 1;
            let shown = state.path.display().to_string();
            let line = match line {
                Ok(line) => line,
                Err(e) => {
                    let err = Error::BadLine {
                        path: shown,
                        line: state.line,
                        message: format!("{e}; the rest of the file is skipped"),
                    };
                    self.jsonl = None;
                    return Some(Err(err));
                }
            };
            let line = line.trim_start_matches('\u{feff}');
            if line.trim().is_empty() {
                continue;
            }
            let doc = parse_jsonl_line(line, &shown, state.line, self.max_bytes);
            return Some(doc.map(|(doc, bad_date)| {
                self.warnings.extend(bad_date);
                doc
            }));
        }
    }
}

impl Iterator for DocumentReader {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if self.jsonl.is_some() {
                if let Some(doc) = self.next_jsonl() {
                    return Some(doc);
                }
                continue;
            }
            if let Some(source) = self.sources.pop_front() {
                match source {
                    Err(e) => return Some(Err(e)),
                    Ok(Source::Stdin) => {
                        let mut bytes = Vec::new();
                        let read = std::io::stdin()
                            .lock()
                            .take(self.max_bytes + 1)
                            .read_to_end(&mut bytes);
                        if let Err(source) = read {
                            return Some(Err(Error::Io {
                                path: PathBuf::from("-"),
                                source,
                            }));
                        }
                        return Some(decode(bytes, "-", "stdin".into(), self.max_bytes));
                    }
                    Ok(Source::Text { path, id }) => {
                        return Some(read_text_file(&path, id, self.max_bytes));
                    }
                    Ok(Source::Jsonl(path)) => match fs::File::open(&path) {
                        Err(source) => return Some(Err(Error::Io { path, source })),
                        Ok(file) => {
                            self.jsonl = Some(JsonlState {
                                path,
                                lines: BufReader::new(file).lines(),
                                line: 0,
                            });
                        }
                    },
                }
                continue;
            }
            let input = self.pending.pop_front()?;
            self.expand(input);
        }
    }
}

/// `dir/sub/a.txt` given as `dir` -> `sub/a`: forward slashes on every platform.
fn text_id(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    match joined.strip_suffix(".txt") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => joined,
    }
}

fn walk_txt(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        let is_dir = fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false);
        if is_dir {
            walk_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

fn read_text_file(path: &Path, id: String, max_bytes: u64) -> Result<Document> {
    let shown = path.display().to_string();
    let meta = fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > max_bytes {
        return Err(Error::TooLarge {
            path: shown,
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let bytes = fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(bytes, &shown, id, max_bytes)
}

/// Checks size, binary content, encoding and emptiness, in that order.
fn decode(mut bytes: Vec<u8>, shown: &str, id: String, max_bytes: u64) -> Result<Document> {
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            path: shown.to_string(),
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: shown.to_string(),
            offset,
        });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: shown.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: shown.to_string(),
        });
    }
    Ok(Document {
        id,
        source: shown.to_string(),
        text,
        date: None,
    })
}

/// The document, and a warning if its `"date"` is not a day (it is then read undated).
fn parse_jsonl_line(
    line: &str,
    shown: &str,
    n: usize,
    max_bytes: u64,
) -> Result<(Document, Option<Error>)> {
    let bad = |message: String| Error::BadLine {
        path: shown.to_string(),
        line: n,
        message,
    };
    if line.len() as u64 > max_bytes {
        return Err(bad(format!(
            "{} bytes is larger than the {max_bytes}-byte limit for one document",
            line.len()
        )));
    }
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| bad(format!("not valid JSON: {e}")))?;
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(bad("no \"id\" string field".into())),
    };
    let text = match value.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => return Err(bad("no \"text\" string field".into())),
    };
    if text.contains('\0') {
        return Err(bad("text holds a NUL character; pass text only".into()));
    }
    if text.trim().is_empty() {
        return Err(bad(format!("document {id:?} has empty text")));
    }
    let (date, bad_date) = match value.get("date") {
        None | Some(serde_json::Value::Null) => (None, None),
        Some(serde_json::Value::String(s)) if Day::parse(s).is_some() => (Day::parse(s), None),
        Some(other) => (None, Some(bad(format!("document {id:?}: date {other} is not an ISO 8601 day or timestamp; the document is kept undated")))),
    };
    let doc = Document {
        id,
        source: format!("{shown}:{n}"),
        text,
        date,
    };
    Ok((doc, bad_date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(inputs: Vec<Input>) -> Vec<Result<Document>> {
        DocumentReader::new(inputs, DEFAULT_MAX_BYTES).collect()
    }

    #[test]
    fn folder_ids_are_relative_paths_without_txt() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "Bee.").unwrap();
        fs::write(dir.path().join("sub/a.txt"), "Ay.").unwrap();
        fs::write(dir.path().join("skip.md"), "no").unwrap();
        let docs = read_all(vec![Input::Path(dir.path().to_path_buf())]);
        let ids: Vec<String> = docs.into_iter().map(|d| d.unwrap().id).collect();
        assert_eq!(ids, vec!["b", "sub/a"]);
    }

    #[test]
    fn bad_files_are_errors_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), b"ok \xff\xfe text").unwrap();
        fs::write(dir.path().join("b.txt"), b"").unwrap();
        fs::write(dir.path().join("c.txt"), b"\x00\x01bin").unwrap();
        fs::write(dir.path().join("d.txt"), "Fine text.").unwrap();
        let docs = read_all(vec![Input::Path(dir.path().to_path_buf())]);
        assert!(matches!(docs[0], Err(Error::NotUtf8 { offset: 3, .. })));
        assert!(matches!(docs[1], Err(Error::Empty { .. })));
        assert!(matches!(docs[2], Err(Error::Binary { offset: 0, .. })));
        assert_eq!(docs[3].as_ref().unwrap().text, "Fine text.");
        let msg = docs[0].as_ref().unwrap_err().to_string();
        assert!(msg.contains("a.txt") && msg.contains("not UTF-8"), "{msg}");
    }

    #[test]
    fn jsonl_lines_become_documents_and_bad_lines_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        fs::write(
            &path,
            "{\"id\":\"x\",\"text\":\"Hello.\",\"extra\":1}\n\nnot json\n{\"id\":\"y\",\"text\":\"Two.\"}\n",
        )
        .unwrap();
        let docs = read_all(vec![Input::Path(path)]);
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].as_ref().unwrap().id, "x");
        let msg = docs[1].as_ref().unwrap_err().to_string();
        assert!(msg.contains("d.jsonl: line 3: not valid JSON"), "{msg}");
        assert_eq!(docs[2].as_ref().unwrap().text, "Two.");
    }

    #[test]
    fn folder_without_txt_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let docs = read_all(vec![Input::Path(dir.path().to_path_buf())]);
        assert!(matches!(docs[0], Err(Error::NoTextFiles { .. })));
    }

    #[test]
    fn too_large_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        fs::write(&path, "x".repeat(100)).unwrap();
        let docs: Vec<_> = DocumentReader::new(vec![Input::Path(path)], 10).collect();
        assert!(matches!(docs[0], Err(Error::TooLarge { size: 100, .. })));
    }
}
