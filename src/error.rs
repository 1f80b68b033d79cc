//! The library's error type: every message names the file it is about and says what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 at byte {offset}; re-encode it as UTF-8")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: empty file (no text to read)")]
    Empty { path: String },
    #[error("{path}: looks binary (NUL byte at byte {offset}); pass text files only")]
    Binary { path: String, offset: usize },
    /// `size` is `None` when the input is a stream (standard input, a FIFO, a device)
    /// and reading stopped at the limit.
    #[error(
        "{path}: {} is larger than the {limit}-byte limit for one document; split it or raise --max-bytes",
        size_text(*size, *limit)
    )]
    TooLarge {
        path: String,
        size: Option<u64>,
        limit: u64,
    },
    #[error("{path}: UTF-16 text; convert it with iconv -f {encoding} -t UTF-8")]
    Utf16 {
        path: String,
        encoding: &'static str,
    },
    #[error("{path}: not a regular file; skipped")]
    NotRegular { path: String },
    #[error("{path}: no .txt files in this folder")]
    NoTextFiles { path: String },
    #[error("{path}: line {line}: {message}")]
    BadLine {
        path: String,
        line: usize,
        message: String,
    },
    #[error("document id {id:?} is given twice: by {first} and by {second}; rename one")]
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },
}

/// `1234 bytes`, or `more than 1000 bytes` when the whole size is unknown.
fn size_text(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("{size} bytes"),
        None => format!("more than {limit} bytes"),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
