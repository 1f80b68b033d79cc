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
    #[error(
        "{path}: {size} bytes is larger than the {limit}-byte limit for one document; split it"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
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

pub type Result<T, E = Error> = std::result::Result<T, E>;
