//! Reading documents: `.txt` files, folders of them, JSONL files and standard input.
//!
//! Inputs are expanded lazily and read one document at a time, so a large corpus
//! streams through the pipeline. A bad input is an `Err` item naming it; the
//! iterator then goes on with the rest.
//!
//! Every read is bounded while it happens: a document is read with
//! `take(max_bytes + 1)`, and a JSONL line that grows past the limit is skipped by
//! discarding bytes up to its newline, so neither `/dev/zero`, a FIFO, standard input
//! nor a JSONL file without newlines can make ergraph hold more than the limit.
//!
//! Folders: every file whose name ends in `.txt` (any case) below the folder, sorted by
//! path. Symbolic links are followed, and each folder and file (by device and inode) is
//! read once, so links to `.` or link loops end. FIFOs, sockets and devices inside a
//! folder are reported (`PATH: not a regular file; skipped`) and never opened for
//! reading; a subfolder that cannot be read is reported and the rest is read.

use std::collections::{HashSet, VecDeque};
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::value::RawValue;

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
    /// A text file and the id it gets; `walked` when found in a folder (then only a
    /// regular file is read).
    Text {
        path: PathBuf,
        id: String,
        walked: bool,
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
    /// The file's path as shown in messages and document sources, made once.
    shown: String,
    reader: BufReader<fs::File>,
    line: usize,
    buf: Vec<u8>,
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
                    let mut found = Vec::new();
                    let mut visited = HashSet::new();
                    visited.insert(key(&path, &meta));
                    walk_txt(&path, &mut visited, &mut found);
                    if found.is_empty() {
                        self.sources.push_back(Err(Error::NoTextFiles {
                            path: path.display().to_string(),
                        }));
                        return;
                    }
                    found.sort_by(|a, b| a.0.cmp(&b.0));
                    for (file, problem) in found {
                        match problem {
                            Some(err) => self.sources.push_back(Err(err)),
                            None => {
                                let id = text_id(file.strip_prefix(&path).unwrap_or(&file));
                                self.sources.push_back(Ok(Source::Text {
                                    path: file,
                                    id,
                                    walked: true,
                                }));
                            }
                        }
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
                        self.sources.push_back(Ok(Source::Text {
                            path,
                            id,
                            walked: false,
                        }));
                    }
                }
            },
        }
    }

    fn next_jsonl(&mut self) -> Option<Result<Document>> {
        let state = self.jsonl.as_mut()?;
        loop {
            let shown = &state.shown;
            let read = read_line_bounded(&mut state.reader, &mut state.buf, self.max_bytes);
            let line = match read {
                Ok(LineRead::Eof) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(line) => line,
                Err(e) => {
                    let err = Error::BadLine {
                        path: shown.clone(),
                        line: state.line + 1,
                        message: format!("{e}; the rest of the file is skipped"),
                    };
                    self.jsonl = None;
                    return Some(Err(err));
                }
            };
            state.line += 1;
            let n = state.line;
            let bad = |message: String| Error::BadLine {
                path: shown.clone(),
                line: n,
                message,
            };
            if let LineRead::TooLong(len) = line {
                return Some(Err(bad(format!(
                    "{len} bytes is larger than the {}-byte limit for one document; line skipped",
                    self.max_bytes
                ))));
            }
            let mut bytes = state.buf.as_slice();
            if n == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    return Some(Err(bad(format!(
                        "not UTF-8 at byte {} of the line; line skipped",
                        e.valid_up_to()
                    ))))
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            let doc = parse_jsonl_line(text, shown, n);
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
                    Ok(Source::Stdin) => return Some(read_stdin(self.max_bytes)),
                    Ok(Source::Text { path, id, walked }) => {
                        return Some(read_text_file(&path, id, walked, self.max_bytes));
                    }
                    Ok(Source::Jsonl(path)) => match fs::File::open(&path) {
                        Err(source) => return Some(Err(Error::Io { path, source })),
                        Ok(file) => {
                            self.jsonl = Some(JsonlState {
                                shown: path.display().to_string(),
                                reader: BufReader::new(file),
                                line: 0,
                                buf: Vec::new(),
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

/// What [`read_line_bounded`] found.
#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    /// No more bytes.
    Eof,
    /// A line, now in the buffer without its `\n` or `\r\n`.
    Line,
    /// A line of this many bytes (without its end), longer than the limit: discarded.
    TooLong(u64),
}

/// Reads one line into `buf`, holding at most `max + 2` bytes of it (the limit, and a
/// `\r` that may end it): past that the rest of the line is consumed and counted but
/// not kept.
fn read_line_bounded<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<LineRead> {
    buf.clear();
    let mut len: u64 = 0;
    let mut last = None;
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, used, done) = match memchr::memchr(b'\n', available) {
            Some(at) => (&available[..at], at + 1, true),
            None => (available, available.len(), false),
        };
        len = len.saturating_add(chunk.len() as u64);
        last = chunk.last().copied().or(last);
        if !too_long {
            if len > max.saturating_add(1) {
                too_long = true;
                buf.clear();
                buf.shrink_to(64 * 1024);
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        reader.consume(used);
        if done {
            break;
        }
    }
    if !any {
        return Ok(LineRead::Eof);
    }
    if last == Some(b'\r') {
        len -= 1;
        if !too_long {
            buf.pop();
        }
    }
    if len > max {
        buf.clear();
        return Ok(LineRead::TooLong(len));
    }
    Ok(LineRead::Line)
}

/// `dir/sub/a.txt` given as `dir` -> `sub/a`: forward slashes on every platform; the
/// `.txt` ending is dropped in any case (`a.TXT` -> `a`).
fn text_id(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    let cut = joined.len().saturating_sub(4);
    match (joined.get(..cut), joined.get(cut..)) {
        (Some(stem), Some(ext))
            if ext.eq_ignore_ascii_case(".txt") && !stem.is_empty() && !stem.ends_with('/') =>
        {
            stem.to_string()
        }
        _ => joined,
    }
}

fn has_txt_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// What identifies a file or folder however it is reached.
#[cfg(unix)]
type Key = (u64, u64);
#[cfg(not(unix))]
type Key = PathBuf;

#[cfg(unix)]
fn key(_path: &Path, meta: &fs::Metadata) -> Key {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn key(path: &Path, _meta: &fs::Metadata) -> Key {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Collects the `.txt` files below `dir` (following links, each file and folder once)
/// and the problems met on the way, each with the path it sorts under.
fn walk_txt(dir: &Path, visited: &mut HashSet<Key>, out: &mut Vec<(PathBuf, Option<Error>)>) {
    let io = |path: &Path, source| {
        (
            path.to_path_buf(),
            Some(Error::Io {
                path: path.to_path_buf(),
                source,
            }),
        )
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => return out.push(io(dir, source)),
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => names.push(entry.file_name()),
            Err(source) => {
                out.push(io(dir, source));
                break;
            }
        }
    }
    names.sort();
    for name in names {
        let path = dir.join(&name);
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            // A dangling link or a file gone meanwhile: worth a word only if it was a document.
            Err(source) => {
                if has_txt_extension(&path) {
                    out.push(io(&path, source));
                }
                continue;
            }
        };
        if meta.is_dir() {
            if visited.insert(key(&path, &meta)) {
                walk_txt(&path, visited, out);
            }
        } else if has_txt_extension(&path) {
            if !meta.is_file() {
                let shown = path.display().to_string();
                out.push((path, Some(Error::NotRegular { path: shown })));
            } else if visited.insert(key(&path, &meta)) {
                out.push((path, None));
            }
        }
    }
}

/// Opens `path`; a file found in a folder is opened without waiting (a FIFO put there
/// since the walk would otherwise block) and must be a regular file.
fn open(path: &Path, walked: bool) -> Result<(fs::File, fs::Metadata)> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    if walked {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if walked && !meta.is_file() {
        return Err(Error::NotRegular {
            path: path.display().to_string(),
        });
    }
    Ok((file, meta))
}

fn read_text_file(path: &Path, id: String, walked: bool, max_bytes: u64) -> Result<Document> {
    let shown = path.display().to_string();
    let (file, meta) = open(path, walked)?;
    let known = meta.is_file().then_some(meta.len());
    if let Some(size) = known.filter(|&size| size > max_bytes) {
        return Err(Error::TooLarge {
            path: shown,
            size: Some(size),
            limit: max_bytes,
        });
    }
    let bytes = read_bounded(file, max_bytes).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(bytes, &shown, id, max_bytes, known)
}

fn read_stdin(max_bytes: u64) -> Result<Document> {
    let stdin = std::io::stdin();
    let known = stdin_size(&stdin);
    if let Some(size) = known.filter(|&size| size > max_bytes) {
        return Err(Error::TooLarge {
            path: "-".into(),
            size: Some(size),
            limit: max_bytes,
        });
    }
    let bytes = read_bounded(stdin.lock(), max_bytes).map_err(|source| Error::Io {
        path: PathBuf::from("-"),
        source,
    })?;
    decode(bytes, "-", "stdin".into(), max_bytes, known)
}

/// The size of standard input when it is a regular file (`< file`), else `None`.
fn stdin_size(stdin: &std::io::Stdin) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = stdin.as_fd().try_clone_to_owned().ok()?;
        let meta = fs::File::from(fd).metadata().ok()?;
        meta.is_file().then_some(meta.len())
    }
    #[cfg(not(unix))]
    {
        let _ = stdin;
        None
    }
}

/// Reads a user-supplied list (gazetteer, stoplist) of at most `max_bytes`, with the same
/// checks as a document (size while reading, UTF-16, binary, UTF-8); a leading
/// byte-order mark is dropped. An empty list is fine.
pub fn read_list(path: &Path, max_bytes: u64) -> Result<String> {
    let shown = path.display().to_string();
    let (file, meta) = open(path, false)?;
    let known = meta.is_file().then_some(meta.len());
    let bytes = read_bounded(file, max_bytes).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(String::new());
    }
    decode(bytes, &shown, String::new(), max_bytes, known).map(|doc| doc.text)
}

/// Reads at most `max_bytes + 1` bytes: one more than allowed tells "too large" apart.
fn read_bounded<R: Read>(reader: R, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Checks size, UTF-16, binary content, encoding and emptiness, in that order. A
/// leading UTF-8 byte-order mark is not part of the text (Python's `utf-8-sig`).
/// `known` is the size of the whole input where it is known.
fn decode(
    mut bytes: Vec<u8>,
    shown: &str,
    id: String,
    max_bytes: u64,
    known: Option<u64>,
) -> Result<Document> {
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            path: shown.to_string(),
            size: known.filter(|&size| size > max_bytes),
            limit: max_bytes,
        });
    }
    if let Some(encoding) = utf16(&bytes) {
        return Err(Error::Utf16 {
            path: shown.to_string(),
            encoding,
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

/// The `iconv -f` name when `bytes` look like UTF-16: a byte-order mark, or (in the
/// first 4 KB) NULs in at least half of the byte pairs, all on one side.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Some("UTF-16");
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 2 >= pairs && even == 0 {
        Some("UTF-16LE")
    } else if even * 2 >= pairs && odd == 0 {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// The message for a line of valid JSON that is no object (an array, a string, a number).
const NOT_AN_OBJECT: &str = "not a JSON object; write {\"id\": ..., \"text\": ...}";

/// Parses one JSONL line. The `id` may be a string or a number; a number keeps the text
/// it was written with (`100`, `-0`, `1e3`), not a float's rendering of it.
/// With the document, a warning when its `"date"` is not a day (it is then read undated).
///
/// The text is read once, straight into its string ([`OnePass`]); a line that this
/// stricter reading refuses (a lone surrogate in the text, a number out of range) is
/// read again field by field ([`Line`]), which names what is wrong with it.
fn parse_jsonl_line(line: &str, shown: &str, n: usize) -> Result<(Document, Option<Error>)> {
    let bad = |message: String| Error::BadLine {
        path: shown.to_string(),
        line: n,
        message,
    };
    let Flat { id, text, date } = fields(line).map_err(bad)?;
    // serde also fills a struct from an array; a JSONL document is an object.
    if !line.trim_start().starts_with('{') {
        return Err(bad(NOT_AN_OBJECT.into()));
    }
    let Some(id) = document_id(id) else {
        return Err(bad("no \"id\" string field".into()));
    };
    let Some(text) = text else {
        return Err(bad("no \"text\" string field".into()));
    };
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(bad("text holds a NUL character; pass text only".into()));
    }
    if text.trim().is_empty() {
        return Err(bad(format!("document {id:?} has empty text")));
    }
    let (date, bad_date) = match date {
        None | Some("null") => (None, None),
        Some(raw) => match string(date).as_deref().and_then(Day::parse) {
            Some(day) => (Some(day), None),
            None => (None, Some(bad(format!(
                "document {id:?}: date {raw} is not an ISO 8601 day or timestamp; the document is kept undated"
            )))),
        },
    };
    let doc = Document {
        id,
        source: format!("{shown}:{n}"),
        text,
        date,
    };
    Ok((doc, bad_date))
}

/// The fields of a JSONL line: read by [`flat_object`] when it can, else by serde in
/// one pass, else field by field for the message that says what is wrong.
fn fields(line: &str) -> std::result::Result<Flat<'_>, String> {
    if let Some(flat) = flat_object(line) {
        return Ok(flat);
    }
    if let Ok(v) = serde_json::from_str::<OnePass>(line) {
        return Ok(Flat {
            id: v.id.map(RawValue::get),
            text: v.text.and_then(|t| t.0),
            date: v.date.map(RawValue::get),
        });
    }
    if !line.trim_start().starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(line).is_ok()
    {
        return Err(NOT_AN_OBJECT.into());
    }
    let v: Line = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let raw = v.text.map(RawValue::get);
    Ok(Flat {
        id: v.id.map(RawValue::get),
        text: string(raw),
        date: v.date.map(RawValue::get),
    })
}

/// A document's id from its raw JSON value: a non-empty string, or a number as written.
fn document_id(raw: Option<&str>) -> Option<String> {
    match raw {
        Some(r) if r.starts_with('"') => string(raw).filter(|s| !s.is_empty()),
        Some(r) if r.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => Some(r.to_string()),
        _ => None,
    }
}

/// A JSONL line's fields as written.
#[derive(serde::Deserialize)]
struct Line<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    #[serde(borrow)]
    date: Option<&'a RawValue>,
}

/// [`Line`], with the text read into its string in the same pass.
#[derive(serde::Deserialize)]
struct OnePass<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    text: Option<MaybeString>,
    #[serde(borrow)]
    date: Option<&'a RawValue>,
}

/// A field's value as a string, if it is a JSON string: any other value is read
/// whole and gives `None`.
struct MaybeString(Option<String>);

impl<'de> serde::Deserialize<'de> for MaybeString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(MaybeStringVisitor)
    }
}

struct MaybeStringVisitor;

impl<'de> serde::de::Visitor<'de> for MaybeStringVisitor {
    type Value = MaybeString;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, v: &str) -> std::result::Result<MaybeString, E> {
        Ok(MaybeString(Some(v.to_string())))
    }

    fn visit_string<E>(self, v: String) -> std::result::Result<MaybeString, E> {
        Ok(MaybeString(Some(v)))
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<MaybeString, E> {
        Ok(MaybeString(None))
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<MaybeString, E> {
        Ok(MaybeString(None))
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<MaybeString, E> {
        Ok(MaybeString(None))
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<MaybeString, E> {
        Ok(MaybeString(None))
    }

    fn visit_unit<E>(self) -> std::result::Result<MaybeString, E> {
        Ok(MaybeString(None))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        seq: A,
    ) -> std::result::Result<MaybeString, A::Error> {
        serde::de::IgnoredAny
            .visit_seq(seq)
            .map(|_| MaybeString(None))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        map: A,
    ) -> std::result::Result<MaybeString, A::Error> {
        serde::de::IgnoredAny
            .visit_map(map)
            .map(|_| MaybeString(None))
    }
}

/// A raw field's string, if it is a JSON string that reads as one.
fn string(raw: Option<&str>) -> Option<String> {
    raw.and_then(|raw| serde_json::from_str::<String>(raw).ok())
}

/// The fields of a JSONL line read by [`flat_object`]: `id` and `date` as written
/// (JSON text, `null` left out), the text read into its string.
#[derive(Debug, PartialEq, Eq)]
struct Flat<'a> {
    id: Option<&'a str>,
    text: Option<String>,
    date: Option<&'a str>,
}

/// The common line read in one pass without serde: an object whose values are
/// strings, numbers, `true`, `false` or `null`, keys without escapes, `id`, `text` and
/// `date` at most once each, the text a string or `null`, strings without a lone
/// surrogate, no raw control character. Anything else (nested values, odd keys, a
/// repeated field, any mistake)
/// gives `None`, and serde reads the line as before; so a line read here is one serde
/// reads alike, with the same fields.
fn flat_object(line: &str) -> Option<Flat<'_>> {
    let b = line.as_bytes();
    let mut flat = Flat {
        id: None,
        text: None,
        date: None,
    };
    // A raw control character is refused inside a JSON string: one look at the whole
    // line, and serde reads a line that holds one (a tab between fields included).
    if has_control(b) {
        return None;
    }
    let mut at = skip_ws(b, 0);
    if b.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_ws(b, at + 1);
    if b.get(at) == Some(&b'}') {
        return (skip_ws(b, at + 1) == b.len()).then_some(flat);
    }
    let mut seen = [false; 3];
    loop {
        let (field, value_at) = flat_key(b, at, &mut seen)?;
        at = flat_value(line, value_at, field, &mut flat)?;
        at = skip_ws(b, at);
        match b.get(at)? {
            b',' => at = skip_ws(b, at + 1),
            b'}' => return (skip_ws(b, at + 1) == b.len()).then_some(flat),
            _ => return None,
        }
    }
}

/// The key at `at` of a [`flat_object`] and its colon: which of `id`, `text`, `date` it
/// is (0, 1, 2; marked in `seen`, `None` when seen before), and where its value starts.
fn flat_key(b: &[u8], at: usize, seen: &mut [bool; 3]) -> Option<(Option<usize>, usize)> {
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let key_end = at + 1 + memchr::memchr2(b'"', b'\\', &b[at + 1..])?;
    let key = &b[at + 1..key_end];
    if b[key_end] != b'"' {
        return None;
    }
    let field = match key {
        b"id" => Some(0),
        b"text" => Some(1),
        b"date" => Some(2),
        _ => None,
    };
    if let Some(f) = field {
        if std::mem::replace(&mut seen[f], true) {
            return None;
        }
    }
    let at = skip_ws(b, key_end + 1);
    if b.get(at) != Some(&b':') {
        return None;
    }
    Some((field, skip_ws(b, at + 1)))
}

/// The value at `at` of a [`flat_object`]'s `field`, kept in `flat` when it is one of its
/// fields (the text read into its string); where it ends.
fn flat_value<'a>(
    line: &'a str,
    mut at: usize,
    field: Option<usize>,
    flat: &mut Flat<'a>,
) -> Option<usize> {
    let b = line.as_bytes();
    let start = at;
    match *b.get(at)? {
        b'"' if field == Some(1) => {
            let mut text = String::with_capacity(b.len() - at);
            at = scan_string(line, at, Some(&mut text))?;
            flat.text = Some(text);
        }
        b'"' => at = scan_string(line, at, None)?,
        b'n' if b[at..].starts_with(b"null") => at += 4,
        b't' if b[at..].starts_with(b"true") && field != Some(1) => at += 4,
        b'f' if b[at..].starts_with(b"false") && field != Some(1) => at += 5,
        b'-' | b'0'..=b'9' if field != Some(1) => at = scan_number(b, at)?,
        _ => return None,
    }
    let value = &line[start..at];
    if value != "null" {
        match field {
            Some(0) => flat.id = Some(value),
            Some(2) => flat.date = Some(value),
            _ => {}
        }
    }
    Some(at)
}

/// The first byte at or after `at` that is not JSON whitespace.
fn skip_ws(b: &[u8], mut at: usize) -> usize {
    while matches!(b.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// Whether `b` holds a control character, which a JSON string may not hold raw (one
/// pass that the compiler can widen: the smallest byte).
fn has_control(b: &[u8]) -> bool {
    b.iter().fold(u8::MAX, |m, &c| m.min(c)) < 0x20
}

/// The end of the JSON string opening at `open` (a `"`), its value pushed to `out`.
/// `None` for a string JSON refuses and for a lone surrogate; `s` holds no control
/// character (checked by [`flat_object`]).
fn scan_string(s: &str, open: usize, mut out: Option<&mut String>) -> Option<usize> {
    let b = s.as_bytes();
    let mut at = open + 1;
    loop {
        // Escapes come in runs (a blank line is `\n\n`): the next byte is looked at first.
        let stop = match b.get(at) {
            Some(b'"' | b'\\') => at,
            _ => at + memchr::memchr2(b'"', b'\\', &b[at..])?,
        };
        if let Some(out) = out.as_deref_mut() {
            // `"` and `\` are ASCII: `at` and `stop` are character boundaries.
            out.push_str(&s[at..stop]);
        }
        if b[stop] == b'"' {
            return Some(stop + 1);
        }
        at = stop + 2;
        let c = match *b.get(stop + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = hex4(b.get(at..at + 4)?)?;
                at += 4;
                match high {
                    0xD800..=0xDBFF => {
                        if b.get(at..at + 2)? != b"\\u" {
                            return None;
                        }
                        let low = hex4(b.get(at + 2..at + 6)?)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        at += 6;
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => char::from_u32(high)?,
                }
            }
            _ => return None,
        };
        if let Some(out) = out.as_deref_mut() {
            out.push(c);
        }
    }
}

/// Four hexadecimal digits.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |n, &d| {
        let v = (d as char).to_digit(16)?;
        Some(n * 16 + v)
    })
}

/// The end of the JSON number at `at`, by the grammar (no leading zeros, digits after
/// a point and in an exponent).
fn scan_number(b: &[u8], mut at: usize) -> Option<usize> {
    let digits = |at: usize| {
        b[at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    if b.get(at) == Some(&b'-') {
        at += 1;
    }
    match b.get(at)? {
        b'0' => at += 1,
        b'1'..=b'9' => at += digits(at),
        _ => return None,
    }
    if b.get(at) == Some(&b'.') {
        let n = digits(at + 1);
        if n == 0 {
            return None;
        }
        at += 1 + n;
    }
    if matches!(b.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(b.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let n = digits(at);
        if n == 0 {
            return None;
        }
        at += n;
    }
    Some(at)
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
        assert!(matches!(
            docs[0],
            Err(Error::TooLarge {
                size: Some(100),
                ..
            })
        ));
    }

    fn ids(docs: &[Result<Document>]) -> Vec<String> {
        docs.iter()
            .map(|d| match d {
                Ok(d) => d.id.clone(),
                Err(e) => format!("ERR {e}"),
            })
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn symlink_to_the_folder_itself_reads_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "Alpha.").unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/b.txt"), "Beta.").unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
        let docs = read_all(vec![Input::Path(dir.path().to_path_buf())]);
        assert_eq!(ids(&docs), ["a", "sub/b"]);
    }

    #[cfg(unix)]
    #[test]
    fn two_symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let (x, y) = (dir.path().join("x"), dir.path().join("y"));
        fs::create_dir(&x).unwrap();
        fs::create_dir(&y).unwrap();
        std::os::unix::fs::symlink(&y, x.join("to_y")).unwrap();
        std::os::unix::fs::symlink(&x, y.join("to_x")).unwrap();
        fs::write(x.join("a.txt"), "In x.").unwrap();
        fs::write(y.join("b.txt"), "In y.").unwrap();
        // A file or folder reached twice is read once, under its first path in sorted
        // order: here y's files come through x/to_y.
        std::os::unix::fs::symlink(x.join("a.txt"), y.join("c.txt")).unwrap();
        let docs = read_all(vec![Input::Path(dir.path().to_path_buf())]);
        assert_eq!(ids(&docs), ["x/a", "x/to_y/b"]);
    }

    #[cfg(unix)]
    #[test]
    fn fifo_in_a_folder_is_skipped_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        fs::write(dir.path().join("z.txt"), "Zed.").unwrap();
        let docs = read_all(vec![Input::Path(dir.path().to_path_buf())]);
        assert_eq!(
            ids(&docs),
            [
                format!("ERR {}: not a regular file; skipped", fifo.display()),
                "z".to_string()
            ]
        );
    }

    #[test]
    fn extension_is_case_insensitive_and_dangling_txt_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("UP.TXT"), "Upper.").unwrap();
        fs::write(dir.path().join("mixed.Txt"), "Mixed.").unwrap();
        fs::write(dir.path().join("notes.jsonl"), "{}").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("nowhere", dir.path().join("gone.txt")).unwrap();
        let docs = read_all(vec![Input::Path(dir.path().to_path_buf())]);
        let got = ids(&docs);
        #[cfg(unix)]
        assert!(
            got[1].starts_with("ERR ") && got[1].contains("gone.txt"),
            "{got:?}"
        );
        assert!(
            got.contains(&"UP".to_string()) && got.contains(&"mixed".to_string()),
            "{got:?}"
        );
        assert_eq!(got.len(), if cfg!(unix) { 3 } else { 2 }, "{got:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn dev_zero_is_read_only_up_to_the_limit() {
        let docs: Vec<_> =
            DocumentReader::new(vec![Input::Path("/dev/zero".into())], 1000).collect();
        let msg = docs[0].as_ref().unwrap_err().to_string();
        assert_eq!(
            msg,
            "/dev/zero: more than 1000 bytes is larger than the 1000-byte limit for one document; split it or raise --max-bytes"
        );
    }

    #[test]
    fn the_largest_limit_does_not_wrap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "Some text.").unwrap();
        let docs: Vec<_> = DocumentReader::new(vec![Input::Path(path)], u64::MAX).collect();
        assert_eq!(docs[0].as_ref().unwrap().text, "Some text.");
        let mut buf = Vec::new();
        let mut r = &b"line\n"[..];
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, u64::MAX).unwrap(),
            LineRead::Line
        );
        assert_eq!(buf, b"line");
    }

    #[test]
    fn bounded_lines_hold_no_more_than_the_limit() {
        let text = format!(
            "short\r\n{}\nafter\n{}\r\nlast",
            "x".repeat(100_000),
            "y".repeat(10)
        );
        let mut r = BufReader::with_capacity(64, text.as_bytes());
        let mut buf = Vec::new();
        let mut got = Vec::new();
        loop {
            let read = read_line_bounded(&mut r, &mut buf, 10).unwrap();
            assert!(buf.capacity() < 64 * 1024 + 64, "held {}", buf.capacity());
            if read == LineRead::Eof {
                break;
            }
            got.push((read, String::from_utf8(buf.clone()).unwrap()));
        }
        assert_eq!(
            got,
            [
                (LineRead::Line, "short".to_string()),
                (LineRead::TooLong(100_000), String::new()),
                (LineRead::Line, "after".to_string()),
                (LineRead::Line, "y".repeat(10)),
                (LineRead::Line, "last".to_string()),
            ]
        );
    }

    #[test]
    fn jsonl_long_line_and_bad_utf8_skip_only_that_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        let mut bytes = Vec::new();
        bytes.extend_from_slice(b"{\"id\":\"a\",\"text\":\"First.\"}\n");
        bytes.extend_from_slice(
            format!("{{\"id\":\"big\",\"text\":\"{}\"}}\n", "w".repeat(5000)).as_bytes(),
        );
        bytes.extend_from_slice(b"{\"id\":\"bad\",\"text\":\"caf\xe9\"}\n");
        bytes.extend_from_slice(b"{\"id\":\"c\",\"text\":\"Last.\"}\n");
        fs::write(&path, bytes).unwrap();
        let docs: Vec<_> = DocumentReader::new(vec![Input::Path(path.clone())], 1000).collect();
        let shown = path.display();
        assert_eq!(
            ids(&docs),
            [
                "a".to_string(),
                format!("ERR {shown}: line 2: 5022 bytes is larger than the 1000-byte limit for one document; line skipped"),
                format!("ERR {shown}: line 3: not UTF-8 at byte 23 of the line; line skipped"),
                "c".to_string(),
            ]
        );
    }

    #[test]
    fn numeric_jsonl_ids_keep_their_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        fs::write(
            &path,
            "{\"id\":100,\"text\":\"A.\"}\n{\"id\":-0,\"text\":\"B.\"}\n{\"id\": 1e3 ,\"text\":\"C.\"}\n{\"id\":12345678901234567890123,\"text\":\"D.\"}\n{\"id\":null,\"text\":\"E.\"}\n[\"x\",\"y\",\"z\"]\n",
        )
        .unwrap();
        let got = ids(&read_all(vec![Input::Path(path)]));
        assert_eq!(got[..4], ["100", "-0", "1e3", "12345678901234567890123"]);
        assert!(
            got[4].ends_with("line 5: no \"id\" string field"),
            "{got:?}"
        );
        assert!(
            got[5].ends_with("line 6: not a JSON object; write {\"id\": ..., \"text\": ...}"),
            "{got:?}"
        );
    }

    /// What [`parse_jsonl_line`] makes of a line: the document's id and text, or the message.
    fn parsed(line: &str) -> String {
        match parse_jsonl_line(line, "d.jsonl", 1) {
            Ok((d, _)) => format!("{} {:?}", d.id, d.text),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn the_text_read_in_one_pass_is_the_text_read_field_by_field() {
        let lines = [
            r#"{"id":"a","text":"Plain."}"#,
            r#"{"id":"a","text":"Esc\"aped \u00e9 \ud83d\ude00 \n\\."}"#,
            r#"{"text":"First.","id":"b","date":"2016-10-18","more":[1,{"x":null}]}"#,
            r#"{"id":"c","text":5}"#,
            r#"{"id":"c","text":-0.5e3}"#,
            r#"{"id":"c","text":true}"#,
            r#"{"id":"c","text":null}"#,
            r#"{"id":"c","text":["x",{"y":"z"}]}"#,
            r#"{"id":"c","text":{"y":["z"]}}"#,
            r#"{"id":"c"}"#,
            r#"["c","Text.",null]"#,
            r#"["c","Text."]"#,
            r#"{"id":"c","text":"A.","text":"B."}"#,
            r#"{"id":"c","text":"A.\ud800"}"#,
            r#"{"id":"c","text":1e999}"#,
            r#"{"id":"c","text":"A."} x"#,
            r#"{"id":"c","text":"A.\x"}"#,
        ];
        for line in lines {
            let fields: std::result::Result<Line, _> = serde_json::from_str(line);
            if let Ok(one) = serde_json::from_str::<OnePass>(line) {
                let fields = fields.as_ref().expect("read field by field too");
                assert_eq!(
                    one.text.and_then(|t| t.0),
                    string(fields.text.map(RawValue::get)),
                    "{line}"
                );
            }
        }
        assert_eq!(
            parsed(lines[1]),
            "a \"Esc\\\"aped \u{e9} \u{1f600} \\n\\\\.\""
        );
        assert_eq!(parsed(lines[2]), "b \"First.\"");
        for (i, line) in lines.iter().enumerate().skip(3) {
            let want = match i {
                // Arrays are valid JSON but no object, whatever their length.
                10 | 11 => "not a JSON object",
                12 => "not valid JSON: duplicate field `text`",
                15 => "not valid JSON: trailing characters",
                16 => "not valid JSON: invalid escape",
                // A lone surrogate and a number out of range, read field by field.
                _ => "no \"text\" string field",
            };
            assert!(parsed(line).contains(want), "{line}: {}", parsed(line));
        }
    }

    #[test]
    fn byte_order_mark_is_not_text_and_utf16_is_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), b"\xEF\xBB\xBFJohn Kerry.").unwrap();
        fs::write(dir.path().join("b.txt"), b"\xFF\xFEJ\0o\0h\0n\0").unwrap();
        fs::write(dir.path().join("c.txt"), b"J\0o\0h\0n\0 \0K\0").unwrap();
        fs::write(dir.path().join("d.txt"), b"\0J\0o\0h\0n").unwrap();
        let docs = read_all(vec![Input::Path(dir.path().to_path_buf())]);
        assert_eq!(docs[0].as_ref().unwrap().text, "John Kerry.");
        let msgs = ids(&docs[1..]);
        let b = dir.path().join("b.txt");
        assert_eq!(
            msgs[0],
            format!(
                "ERR {}: UTF-16 text; convert it with iconv -f UTF-16 -t UTF-8",
                b.display()
            )
        );
        assert!(
            msgs[1].ends_with("c.txt: UTF-16 text; convert it with iconv -f UTF-16LE -t UTF-8"),
            "{msgs:?}"
        );
        assert!(
            msgs[2].ends_with("d.txt: UTF-16 text; convert it with iconv -f UTF-16BE -t UTF-8"),
            "{msgs:?}"
        );
        // One NUL in ASCII text is still "binary".
        assert!(utf16(b"abc\0defgh").is_none());
    }

    #[test]
    fn lists_are_read_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stop.txt");
        fs::write(&path, "\u{feff}Foo\nBar\n").unwrap();
        assert_eq!(read_list(&path, 100).unwrap(), "Foo\nBar\n");
        assert!(matches!(
            read_list(&path, 5),
            Err(Error::TooLarge { size: Some(11), .. })
        ));
        fs::write(&path, "").unwrap();
        assert_eq!(read_list(&path, 5).unwrap(), "");
        #[cfg(target_os = "linux")]
        assert!(matches!(
            read_list(Path::new("/dev/zero"), 1000),
            Err(Error::TooLarge { size: None, .. })
        ));
    }

    /// The fields serde's one-pass reading gives a line, as [`Flat`].
    fn serde_fields(line: &str) -> Option<Flat<'_>> {
        let v = serde_json::from_str::<OnePass>(line).ok()?;
        Some(Flat {
            id: v.id.map(RawValue::get),
            text: v.text.and_then(|t| t.0),
            date: v.date.map(RawValue::get),
        })
    }

    #[test]
    fn flat_lines_are_read_as_serde_reads_them() {
        for line in [
            r#"{"id":"a","text":"Hello \"you\"\n\tthere\\ \/ \b\f\r é \u00e9\u2019 \ud83d\ude00","date":"2020-01-02"}"#,
            r#"  { "id" : 12 , "text" : "x" , "date" : null , "extra" : [1, 2] }  "#,
            r#"{"id": -0.5e+3, "x": true, "y": false, "z": null, "text": null}"#,
            r#"{"text": "only", "n": 0, "m": 10.25E-2}"#,
            r#"{}"#,
            r#"{"id": "a", "id": "b", "text": "x"}"#,
            r#"{"id": "a", "text": 5}"#,
            r#"{"id": "a", "text": true}"#,
            r#"{"id": "a", "text": "lone \ud83d here"}"#,
            r#"{"id": "a", "text": "lone \ude00 here"}"#,
            r#"{"id": "a", "text": "pair \ud83d\u0041"}"#,
            r#"{"id": "a", "text": "bad \x escape"}"#,
            r#"{"id": "a", "text": "short \u12"}"#,
            r#"{"id": "a", "te\u0078t": "escaped key"}"#,
            r#"{"id": 01, "text": "x"}"#,
            r#"{"id": 1., "text": "x"}"#,
            r#"{"id": 1e, "text": "x"}"#,
            r#"{"id": -, "text": "x"}"#,
            r#"{"id": "a", "text": "x",}"#,
            r#"{"id": "a", "text": "x"} x"#,
            r#"{"id": "a" "text": "x"}"#,
            r#"{"id": nul, "text": "x"}"#,
            r#"{"id": nullx, "text": "x"}"#,
            r#"{"id": "a", "text": "unclosed}"#,
            "{\"id\": \"a\", \"text\": \"raw\ttab\"}",
            "{\"id\": \"a\", \"text\": \"x\"}\r",
            r#"["a", "b"]"#,
            r#""text""#,
            r#"{"id": "a", "text": {"nested": 1}}"#,
        ] {
            let fast = flat_object(line);
            if let Some(fast) = &fast {
                assert_eq!(Some(fast), serde_fields(line).as_ref(), "{line}");
            }
        }
        // The common lines take the fast way.
        for line in [
            r#"{"id":"a","text":"Hello \"you\"\n é \u00e9 \ud83d\ude00","date":"2020-01-02"}"#,
            r#"{"id": -0.5e+3, "x": true, "y": false, "z": null, "text": null}"#,
            r#"{}"#,
        ] {
            assert!(flat_object(line).is_some(), "{line}");
        }
        for line in [
            r#"{"id": "a", "id": "b", "text": "x"}"#,
            r#"{"id": "a", "text": "lone \ud83d here"}"#,
            r#"{"id": "a", "te\u0078t": "escaped key"}"#,
            r#"{"id": 01, "text": "x"}"#,
            "{\"id\": \"a\", \"text\": \"raw\ttab\"}",
        ] {
            assert!(flat_object(line).is_none(), "{line}");
        }
    }

    proptest::proptest! {
        /// Lines made of JSON's pieces, mostly broken: whatever the fast way reads, serde
        /// reads alike.
        #[test]
        fn flat_lines_agree_with_serde(line in r#"[{} ":,\\/0-9.eE+\-a-fnrtuilsxd\u{e9}\t]{0,40}"#) {
            if let Some(fast) = flat_object(&line) {
                proptest::prop_assert_eq!(Some(fast), serde_fields(&line));
            }
        }

        /// Well-formed lines with any text: read the fast way, as serde reads them.
        #[test]
        fn flat_texts_agree_with_serde(text in "(?s).{0,30}", id in 0u32..1000) {
            let line = serde_json::json!({"id": id, "text": text, "date": null}).to_string();
            let fast = flat_object(&line);
            proptest::prop_assert!(fast.is_some(), "{}", line);
            proptest::prop_assert_eq!(fast, serde_fields(&line));
        }
    }
}
