//! The whole job: documents in, an output folder's files out.
//!
//! Three stages run at once: a reader thread reads documents and cuts them into
//! batches; the calling thread analyses each batch on every core (rayon); a
//! corpus thread folds the analyses, in input order, into the [`Corpus`] (which
//! streams `sentences.csv` and spills the rest). When the input ends, the corpus
//! pass merges entities, streams `mentions.csv` and `evidence.csv` on threads of
//! their own, and the graph files are written in parallel while those are.

use std::collections::HashMap;
use std::io::{self, BufWriter};
use std::path::Path;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analyze::{analyze, DocAnalysis};
use crate::corpus::{Corpus, SpillTarget};
use crate::error::Error;
use crate::export::{self, ExportError};
use crate::lexicon::Lexicon;
use crate::model::{Document, EntityGraph};
use crate::timing;

/// Documents are analysed in parallel batches of about this many bytes.
pub const BATCH_BYTES: usize = 2 * 1024 * 1024;

/// What a build read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents analysed.
    pub documents: usize,
    /// Bytes of their text.
    pub bytes: u64,
}

/// What the reader thread hands on.
enum Read {
    Batch(Vec<Document>),
    Failed(Error),
}

/// Builds the graph of `docs` into the folder `dir` (which must exist): every file
/// of an output folder. Problems with single documents go to `on_error`, and the
/// rest is read; `progress` hears (documents, bytes) after each batch.
pub fn build_into<I>(
    docs: I,
    lex: &Lexicon,
    dir: &Path,
    on_error: &mut dyn FnMut(Error),
    progress: &(dyn Fn(Summary) + Sync),
    options: export::ExportOptions,
) -> Result<(EntityGraph, Summary, export::Cuts), ExportError>
where
    I: Iterator<Item = crate::error::Result<Document>> + Send,
{
    let create = |name: &str| {
        let path = dir.join(name);
        export::atomic::EarlyFile::create(&path)
            .map(|f| BufWriter::with_capacity(1 << 20, f))
            .map_err(|err| ExportError::io(&path, "create", err))
    };
    let sentences = create(export::SENTENCES_CSV)?;
    let spill = SpillTarget::File(dir.join(".spill"));
    let corpus = Corpus::new(lex, spill, sentences, options)
        .map_err(|err| ExportError::io(dir, "write the spill file in", err))?;
    let (corpus, summary) =
        timing::timed("stream", || stream(docs, lex, corpus, on_error, progress))
            .map_err(|err| ExportError::io(&dir.join(export::SENTENCES_CSV), "write", err))?;
    let (mentions, evidence) = (create(export::MENTIONS_CSV)?, create(export::EVIDENCE_CSV)?);
    // The graph files are written while `mentions.csv` still is.
    let graph_files = |graph: &EntityGraph, known: Option<&export::html::KnownEvidence>| {
        timing::timed("graph files", || {
            export::write_graph_with(dir, graph, options, known)
        })
    };
    let (graph, sentences, mentions, evidence, cuts) = timing::timed("corpus finish", || {
        corpus.finish(mentions, evidence, graph_files)
    })
    .map_err(|err| ExportError::io(&dir.join(export::MENTIONS_CSV), "write", err))?;
    for (name, w) in [
        (export::SENTENCES_CSV, sentences),
        (export::MENTIONS_CSV, mentions),
        (export::EVIDENCE_CSV, evidence),
    ] {
        w.into_inner()
            .map_err(|e| e.into_error())
            .map_err(|err| ExportError::io(&dir.join(name), "write", err))?;
    }
    Ok((graph, summary, cuts?))
}

/// Reads, analyses and folds every document into `corpus`, the three stages
/// running at once; returns the corpus and what was read.
fn stream<'a, I, W>(
    docs: I,
    lex: &Lexicon,
    mut corpus: Corpus<'a, W>,
    on_error: &mut dyn FnMut(Error),
    progress: &(dyn Fn(Summary) + Sync),
) -> io::Result<(Corpus<'a, W>, Summary)>
where
    I: Iterator<Item = crate::error::Result<Document>> + Send,
    W: io::Write + Send,
{
    let (read_tx, read_rx) = sync_channel::<Read>(2);
    let (fold_tx, fold_rx) = sync_channel::<Vec<DocAnalysis>>(2);
    std::thread::scope(|scope| {
        scope.spawn(move || read_batches(docs, |msg| read_tx.send(msg).is_ok()));
        let folder = scope.spawn(move || -> io::Result<Corpus<'a, W>> {
            let mut busy = Duration::ZERO;
            for batch in fold_rx {
                let start = Instant::now();
                for analysis in batch {
                    corpus.add(analysis)?;
                }
                busy += start.elapsed();
            }
            timing::report("corpus thread busy", busy);
            Ok(corpus)
        });
        let mut summary = Summary::default();
        let (mut waited, mut analysing) = (Duration::ZERO, Duration::ZERO);
        let mut asked = Instant::now();
        for msg in read_rx {
            waited += asked.elapsed();
            match msg {
                Read::Failed(err) => on_error(err),
                Read::Batch(batch) => {
                    summary.documents += batch.len();
                    summary.bytes += batch.iter().map(|d| d.text.len() as u64).sum::<u64>();
                    let start = Instant::now();
                    let analysed = analyze_batch(&batch, lex);
                    analysing += start.elapsed();
                    drop(batch);
                    if fold_tx.send(analysed).is_err() {
                        break; // the corpus thread failed: its error is returned below
                    }
                    progress(summary);
                }
            }
            asked = Instant::now();
        }
        timing::report("waiting for the reader", waited);
        timing::report("analysis (batches)", analysing);
        drop(fold_tx);
        let start = Instant::now();
        let corpus = folder
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        timing::phase("waiting for the corpus", start);
        Ok((corpus, summary))
    })
}

/// Analyses a batch on every core, longest documents first, so that no core is
/// left alone with a long one at the end of the batch; the analyses come back in
/// input order.
fn analyze_batch(batch: &[Document], lex: &Lexicon) -> Vec<DocAnalysis> {
    let mut order: Vec<usize> = (0..batch.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(batch[i].text.len()));
    let mut done: Vec<(usize, DocAnalysis)> = order
        .par_iter()
        .map(|&i| (i, analyze(&batch[i], lex)))
        .collect();
    done.sort_unstable_by_key(|x| x.0);
    done.into_iter().map(|x| x.1).collect()
}

/// The most text [`read_ahead`] holds.
pub const READ_AHEAD_BYTES: usize = 16 * 1024 * 1024;

/// Runs `meanwhile` (building the lexicon) while another thread reads the first
/// documents, until `meanwhile` is done or [`READ_AHEAD_BYTES`] of text are read; returns
/// its value and every document, those read ahead first.
pub fn read_ahead<I, T>(
    docs: I,
    meanwhile: impl FnOnce() -> T,
) -> (T, impl Iterator<Item = I::Item>)
where
    I: Iterator<Item = crate::error::Result<Document>> + Send,
{
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let head = scope.spawn(|| read_head(docs, &done));
        let value = meanwhile();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let (head, rest) = head.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        (value, head.into_iter().chain(rest))
    })
}

/// The first documents of `docs`, read until `done` or [`READ_AHEAD_BYTES`], and the rest.
fn read_head<I>(mut docs: I, done: &std::sync::atomic::AtomicBool) -> (Vec<I::Item>, I)
where
    I: Iterator<Item = crate::error::Result<Document>>,
{
    let (mut head, mut bytes) = (Vec::new(), 0);
    while bytes < READ_AHEAD_BYTES && !done.load(std::sync::atomic::Ordering::Relaxed) {
        let Some(item) = docs.next() else { break };
        bytes += item.as_ref().map_or(0, |d| d.text.len());
        head.push(item);
    }
    (head, docs)
}

/// Cuts the documents into batches of about [`BATCH_BYTES`]; a document id seen
/// before is an error naming both sources.
fn read_batches<I>(docs: I, mut send: impl FnMut(Read) -> bool)
where
    I: Iterator<Item = crate::error::Result<Document>>,
{
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut batch = Vec::new();
    let mut bytes = 0;
    for item in docs {
        let doc = match item {
            Ok(doc) => doc,
            Err(err) => {
                if !send(Read::Failed(err)) {
                    return;
                }
                continue;
            }
        };
        if let Some(first) = seen.get(&doc.id) {
            let err = Error::DuplicateId {
                id: doc.id.clone(),
                first: first.clone(),
                second: doc.source.clone(),
            };
            if !send(Read::Failed(err)) {
                return;
            }
            continue;
        }
        seen.insert(doc.id.clone(), doc.source.clone());
        bytes += doc.text.len();
        batch.push(doc);
        if bytes >= BATCH_BYTES {
            if !send(Read::Batch(std::mem::take(&mut batch))) {
                return;
            }
            bytes = 0;
        }
    }
    if !batch.is_empty() {
        send(Read::Batch(batch));
    }
}

/// Builds the entity graph of `docs` in memory with the built-in lexicon (the
/// streamed tables are not kept: use [`build_into`] for them).
pub fn build_graph(docs: Vec<Document>) -> EntityGraph {
    build_graph_with(docs, Lexicon::builtin())
}

/// [`build_graph`] with a lexicon of one's own.
pub fn build_graph_with(docs: Vec<Document>, lex: &Lexicon) -> EntityGraph {
    let result = (|| -> io::Result<EntityGraph> {
        let options = export::ExportOptions::default();
        let mut corpus = Corpus::new(lex, SpillTarget::Memory, io::sink(), options)?;
        let analysed: Vec<DocAnalysis> = docs.par_iter().map(|d| analyze(d, lex)).collect();
        drop(docs);
        for a in analysed {
            corpus.add(a)?;
        }
        Ok(corpus.finish(io::sink(), io::sink(), |_, _| ())?.0)
    })();
    // Only memory and io::sink() are written to, and neither fails.
    result.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(n: usize) -> Vec<crate::error::Result<Document>> {
        (0..n)
            .map(|i| match i {
                2 => Err(Error::Empty {
                    path: format!("f{i}"),
                }),
                _ => Ok(Document {
                    id: format!("d{i}"),
                    source: format!("f{i}"),
                    text: "x".repeat(i + 1),
                    date: None,
                }),
            })
            .collect()
    }

    fn names(items: impl Iterator<Item = crate::error::Result<Document>>) -> Vec<String> {
        items
            .map(|d| d.map_or_else(|e| e.to_string(), |d| d.id))
            .collect()
    }

    #[test]
    fn documents_read_ahead_come_first_and_in_order() {
        let slow = || {
            std::thread::sleep(Duration::from_millis(50));
            7
        };
        let (value, items) = read_ahead(docs(6).into_iter(), slow);
        assert_eq!(value, 7);
        assert_eq!(names(items), names(docs(6).into_iter()));
    }

    #[test]
    fn reading_ahead_stops_when_the_lexicon_is_ready() {
        let done = std::sync::atomic::AtomicBool::new(true);
        let (head, rest) = read_head(docs(6).into_iter(), &done);
        assert!(head.is_empty());
        assert_eq!(rest.count(), 6);
        done.store(false, std::sync::atomic::Ordering::Relaxed);
        let (head, rest) = read_head(docs(6).into_iter(), &done);
        assert_eq!((head.len(), rest.count()), (6, 0));
    }
}
