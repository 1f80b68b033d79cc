//! The corpus pass: document analyses in, one graph out.
//!
//! [`Corpus::add`] takes each [`DocAnalysis`] in input order. It writes the
//! document's supporting sentences to `sentences.csv` at once, keeps the local
//! entities (what the corpus-wide merge needs), and spills the mentions and links
//! to a compact binary file: they can only be written once every entity has its
//! final id. [`Corpus::finish`] merges the entities across documents and reads
//! each spill back once, in order: the mentions into `mentions.csv` on a thread of
//! their own, begun while the entities merge; after the merge, the links into the
//! edges, whose rows of `evidence.csv` another thread writes. Memory holds the entities and the edges, not the text.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;

use rayon::iter::{IntoParallelRefIterator, ParallelIterator};
use rayon::slice::ParallelSliceMut;
use rustc_hash::FxHashMap as HashMap;

use crate::analyze::DocAnalysis;
use crate::export::csv::{
    clean, is_plain, Counted, TableWriter, EVIDENCE_HEADER, MENTIONS_HEADER, SENTENCES_HEADER,
};
use crate::export::html::{KnownEvidence, MAX_EVIDENCE};
use crate::export::{clip_example, ExportOptions};
use crate::lexicon::Lexicon;
use crate::model::{Day, Edge, EntityGraph, EntityType, Node, RelationKind, Timeline};
use crate::resolve::{resolve_corpus, without_other, GlobalEntity, Locals, Maps, DROPPED};
use crate::timing;

/// Where the spill goes: memory for small library runs, a file for the command.
pub enum SpillTarget {
    Memory,
    /// Files named after this path (`.mentions`, `.links`), created, read back and
    /// removed by the corpus pass.
    File(PathBuf),
}

/// A spill being read back in chunks: a field is read as a slice of the chunk, so
/// that reading one is a bounds check and a copy.
struct SpillReader {
    src: Box<dyn Read>,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
}

impl SpillReader {
    fn new(src: Box<dyn Read>) -> SpillReader {
        SpillReader {
            src,
            buf: vec![0; 1 << 20],
            pos: 0,
            end: 0,
        }
    }

    /// The next `n` bytes.
    #[inline]
    fn take(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.end - self.pos < n {
            self.fill(n)?;
        }
        let at = self.pos;
        self.pos += n;
        Ok(&self.buf[at..at + n])
    }

    /// Whether the spill is read to its end.
    fn at_end(&mut self) -> io::Result<bool> {
        if self.pos < self.end {
            return Ok(false);
        }
        match self.fill(1) {
            Ok(()) => Ok(false),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(true),
            Err(e) => Err(e),
        }
    }

    /// Reads until at least `n` bytes are held past `pos` (the held bytes move to the
    /// start of the buffer, which grows if it must).
    #[cold]
    fn fill(&mut self, n: usize) -> io::Result<()> {
        self.buf.copy_within(self.pos..self.end, 0);
        self.end -= self.pos;
        self.pos = 0;
        if self.buf.len() < n {
            self.buf.resize(n.next_power_of_two(), 0);
        }
        while self.end < n {
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                Ok(k) => self.end += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

enum Spill {
    Memory(Vec<u8>),
    File(BufWriter<File>, PathBuf),
}

impl Spill {
    fn new(target: &SpillTarget, extension: &str) -> io::Result<Spill> {
        Ok(match target {
            SpillTarget::Memory => Spill::Memory(Vec::new()),
            SpillTarget::File(base) => {
                let path = base.with_extension(extension);
                let file = std::fs::OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(&path)?;
                Spill::File(BufWriter::with_capacity(1 << 20, file), path)
            }
        })
    }

    /// Reads the spill back from its start with `each`, then removes its file.
    fn replay(self, each: impl FnOnce(&mut SpillReader) -> io::Result<()>) -> io::Result<()> {
        let buffered = SpillReader::new;
        match self {
            Spill::Memory(v) => each(&mut buffered(Box::new(io::Cursor::new(v)))),
            Spill::File(f, path) => {
                let result = (|| {
                    let mut file = f.into_inner().map_err(|e| e.into_error())?;
                    file.rewind()?;
                    each(&mut buffered(Box::new(file)))
                })();
                let _ = std::fs::remove_file(&path);
                result
            }
        }
    }
}

impl Write for Spill {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Spill::Memory(v) => v.write(buf),
            Spill::File(f, _) => f.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Spill::Memory(_) => Ok(()),
            Spill::File(f, _) => f.flush(),
        }
    }
}

const TAG_DOC: u8 = b'D';
const TAG_MENTION: u8 = b'M';
const TAG_LINK: u8 = b'L';
const NO_DAY: i32 = i32::MIN;
const NO_ROLE: u32 = u32::MAX;

/// Strings seen many times (rule ids, roles), numbered once.
#[derive(Default)]
struct Interner {
    ids: HashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
    /// Ids of static strings by (address, length): most rule ids are static, and an
    /// address hashes faster than the text.
    statics: HashMap<(usize, usize), u32>,
}

impl Interner {
    /// [`Self::id`], a static string found by its address (whether the text is
    /// borrowed for good is what the `Cow` tells).
    #[allow(clippy::ptr_arg)]
    fn id_of(&mut self, s: &std::borrow::Cow<'static, str>) -> u32 {
        let std::borrow::Cow::Borrowed(text) = s else {
            return self.id(s);
        };
        let at = (text.as_ptr() as usize, text.len());
        if let Some(&id) = self.statics.get(&at) {
            return id;
        }
        let id = self.id(text);
        self.statics.insert(at, id);
        id
    }

    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let name: Arc<str> = Arc::from(s);
        let id = self.names.len() as u32;
        self.ids.insert(name.clone(), id);
        self.names.push(name);
        id
    }
}

/// The corpus pass: see the module documentation.
pub struct Corpus<'a, W: Write> {
    lex: &'a Lexicon,
    locals: Locals,
    mention_spill: Spill,
    link_spill: Spill,
    sentences: TableWriter<Counted<W>>,
    /// What the page needs of `evidence.csv` and `sentences.csv`, gathered as they are
    /// written; and whether every document id is written as it is (else two ids could
    /// read alike there, and the page reads the files).
    known: KnownEvidence,
    docs: Vec<(Box<str>, u32)>,
    verbatim_ids: bool,
    rules: Interner,
    roles: Interner,
    options: ExportOptions,
    /// Local entities taken so far, and (local entity, day, mentions) of those named
    /// in dated documents: the nodes' timelines, known before the mentions are replayed.
    entities: usize,
    dated: Vec<(u32, Day, u32)>,
    /// A document's records for one spill, before they are written.
    record: Vec<u8>,
}

impl<'a, W: Write> Corpus<'a, W> {
    /// Starts a corpus; `sentences` receives `sentences.csv` as documents come.
    pub fn new(
        lex: &'a Lexicon,
        spill: SpillTarget,
        sentences: W,
        options: ExportOptions,
    ) -> io::Result<Self> {
        Ok(Corpus {
            lex,
            locals: Locals::default(),
            mention_spill: Spill::new(&spill, "mentions")?,
            link_spill: Spill::new(&spill, "links")?,
            sentences: TableWriter::new(Counted::new(sentences), &SENTENCES_HEADER, options)?,
            known: KnownEvidence::default(),
            docs: Vec::new(),
            verbatim_ids: true,
            options,
            rules: Interner::default(),
            roles: Interner::default(),
            entities: 0,
            dated: Vec::new(),
            record: Vec::new(),
        })
    }

    /// Documents added so far.
    pub fn documents(&self) -> usize {
        self.locals.documents()
    }

    /// Takes one document's analysis (documents must come in input order).
    pub fn add(&mut self, doc: DocAnalysis) -> io::Result<()> {
        self.note_document(&doc.id);
        self.write_sentences(&doc)?;
        // Each spill takes a document's records in one write.
        let mut buf = std::mem::take(&mut self.record);
        encode_mentions(&doc, &mut buf);
        self.mention_spill.write_all(&buf)?;
        self.encode_links(&doc, &mut buf);
        self.link_spill.write_all(&buf)?;
        buf.clear();
        buf.shrink_to(1 << 16);
        self.record = buf;
        self.note_mentions(&doc);
        self.locals.push_document(doc.entities);
        Ok(())
    }

    /// Puts a document's header and its links in `out`, which it clears first.
    fn encode_links(&mut self, doc: &DocAnalysis, out: &mut Vec<u8>) {
        put_header(out, doc);
        for l in &doc.links {
            let rule = self.rules.id_of(&l.rule);
            let role = l.role.as_deref().map_or(NO_ROLE, |r| self.roles.id(r));
            out.extend_from_slice(&[TAG_LINK, kind_code(l.kind)]);
            for v in [
                l.source as u32,
                l.target as u32,
                l.sentence as u32,
                rule,
                role,
            ] {
                put_u32(out, v);
            }
            // The sentence's text rides along with typed links only: it becomes the
            // example of `edges.csv`, which co-mentions leave empty.
            let example = match l.kind {
                RelationKind::CoMention => None,
                _ => (doc.sentences)
                    .binary_search_by_key(&l.sentence, |s| s.index)
                    .ok(),
            };
            put_str(out, example.map_or("", |at| &doc.sentences[at].text));
        }
    }

    /// Counts the named mentions of each local entity of a dated document.
    fn note_mentions(&mut self, doc: &DocAnalysis) {
        let (base, n) = (self.entities, doc.entities.len());
        self.entities += n;
        let Some(day) = doc.date else { return };
        let mut counts = vec![0u32; n];
        for m in doc.mentions.iter().filter(|m| !m.nationality) {
            if let Some(c) = counts.get_mut(m.entity) {
                *c += 1;
            }
        }
        let named = counts.into_iter().enumerate().filter(|x| x.1 > 0);
        self.dated
            .extend(named.map(|(e, c)| ((base + e) as u32, day, c)));
    }

    /// Writes the document's rows of `sentences.csv`, its id's cell made once.
    fn write_sentences(&mut self, doc: &DocAnalysis) -> io::Result<()> {
        let mut line = std::mem::take(&mut self.record);
        line.clear();
        self.sentences.push_text_cell(&mut line, &doc.id);
        let cell = line.len();
        for s in &doc.sentences {
            let at = self.sentences.position()?;
            self.known.sentences.push((s.index as u32, at));
            line.truncate(cell);
            let mut n = [
                itoa::Buffer::new(),
                itoa::Buffer::new(),
                itoa::Buffer::new(),
            ];
            let [a, b, c] = &mut n;
            let (index, start, end) = (a.format(s.index), b.format(s.start), c.format(s.end));
            join(
                &mut line,
                &[b"", index.as_bytes(), start.as_bytes(), end.as_bytes(), b""],
            );
            self.sentences.push_text_cell(&mut line, &s.text);
            line.push(b'\n');
            self.sentences.write_line(&line[..])?;
        }
        self.record = line;
        Ok(())
    }

    /// Notes a document's id as `evidence.csv` writes it, and where its sentences start.
    fn note_document(&mut self, id: &str) {
        let cell = self.options.csv_cell(id);
        self.verbatim_ids &= cell == id && clean(&cell) == id;
        let first = self.known.sentences.len() as u32;
        self.docs.push((Box::from(id), first));
    }

    /// Merges the entities, writes `mentions.csv` and `evidence.csv`, and returns the
    /// graph, the finished `sentences.csv`, `mentions.csv` and `evidence.csv` writers,
    /// and what `then` made of the graph. `then` runs as soon as the graph is known,
    /// while `mentions.csv` and `evidence.csv` may still be being written
    /// (`sentences.csv` is complete), with the evidence the page needs when it is
    /// known (see [`KnownEvidence`]); without it (document ids that the table writes
    /// otherwise) `evidence.csv` is complete first, since the page then reads it.
    #[allow(clippy::type_complexity)]
    pub fn finish<M, E, R>(
        self,
        mentions: M,
        evidence: E,
        then: impl FnOnce(&EntityGraph, Option<&KnownEvidence>) -> R + Send,
    ) -> io::Result<(EntityGraph, W, M, E, R)>
    where
        M: Write + Send,
        E: Write + Send,
        R: Send,
    {
        // `mentions.csv` is begun while the entities merge: its thread puts the rows
        // together up to their entity (see [`MentionReplay`]), and ends them once the
        // merge is handed to it.
        let merged: std::sync::OnceLock<(Maps, Ids)> = std::sync::OnceLock::new();
        let (hand_over, wait) = sync_channel::<Merged<'_>>(1);
        let mut mention_replay = MentionReplay::new(
            TableWriter::new(mentions, &MENTIONS_HEADER, self.options)?,
            wait,
        );
        mention_replay.room = early_room();
        let mention_spill = self.mention_spill;
        std::thread::scope(|scope| {
            // Owned here, so that a panic drops it and the replay stops waiting.
            let hand_over = hand_over;
            let mentions = scope
                .spawn(|| timing::timed("replay mentions", || mention_replay.run(mention_spill)));
            let (entities, maps, ids, timelines) =
                merge_entities(self.locals, self.lex, self.dated);
            let (maps, ids) = merged.get_or_init(|| (maps, ids));
            // A replay that stopped on an error of its own reports it when joined.
            let _ = hand_over.send(Merged {
                maps,
                ids,
                named: entities.iter().map(|e| e.mentions > 0).collect(),
            });
            let sentences = self.sentences.finish()?;
            let mut known = self.known;
            known.end = sentences.written();
            known.docs = Arc::from(self.docs);
            let sentences = sentences.into_inner()?;
            let evidence = EvidenceWriter::new(
                ids,
                &self.rules.names,
                known.docs.clone(),
                TableWriter::new(evidence, &EVIDENCE_HEADER, self.options)?,
            );
            let links = LinkReplay::new(maps, ids, self.rules.names.len());
            let link_spill = self.link_spill;
            let (roles, verbatim) = (&self.roles.names, self.verbatim_ids);
            // `evidence.csv` is written on a thread of its own while the links are
            // replayed here, the graph built and `then` run.
            let (send, receive) = sync_channel(EVIDENCE_QUEUE);
            let writer = scope.spawn(|| timing::timed("evidence.csv", || evidence.run(receive)));
            let replayed = timing::timed("replay links", || links.run(link_spill, send));
            let (edges, rows) = match replayed {
                Ok(done) => done,
                // A writer that failed stopped the replay: its error comes first.
                Err(err) => return Err(joined(writer).err().unwrap_or(err)),
            };
            known.rows = rows;
            let start = std::time::Instant::now();
            let graph = assemble(entities, ids, timelines, edges, roles, &mut known.rows);
            timing::phase("assemble", start);
            let (made, evidence) = then_beside_evidence(&graph, &known, verbatim, writer, then)?;
            Ok((graph, sentences, joined(mentions)?, evidence, made))
        })
    }
}

/// The corpus's entities merged (those of type other dropped) with their ids, the
/// maps from the documents' entities to them, and their timelines.
fn merge_entities(
    locals: Locals,
    lex: &Lexicon,
    dated: Vec<(u32, Day, u32)>,
) -> (Vec<GlobalEntity>, Maps, Ids, Vec<Timeline>) {
    let (entities, maps) = timing::timed("resolve corpus", || resolve_corpus(locals, lex));
    let start = std::time::Instant::now();
    let (entities, maps) = without_other(entities, maps);
    let ids = Ids::new(assign_ids(&entities));
    timing::phase("ids", start);
    let timelines = node_timelines(&maps, &dated, entities.len());
    drop(dated);
    (entities, maps, ids, timelines)
}

/// Runs `then` on the graph and joins the `evidence.csv` writer: with verbatim ids
/// `then` runs while the writer does, else (the page reads `evidence.csv`, which must
/// be whole) after it.
fn then_beside_evidence<E, R>(
    graph: &EntityGraph,
    known: &KnownEvidence,
    verbatim: bool,
    writer: std::thread::ScopedJoinHandle<'_, io::Result<E>>,
    then: impl FnOnce(&EntityGraph, Option<&KnownEvidence>) -> R,
) -> io::Result<(R, E)> {
    if verbatim {
        let made = then(graph, Some(known));
        Ok((made, joined(writer)?))
    } else {
        let evidence = joined(writer)?;
        Ok((then(graph, None), evidence))
    }
}

/// What a scoped thread returned (its panic goes on).
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, io::Result<T>>) -> io::Result<T> {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Each corpus entity's timeline: the days of its named mentions (see
/// [`Corpus::note_mentions`]).
fn node_timelines(maps: &Maps, dated: &[(u32, Day, u32)], n: usize) -> Vec<Timeline> {
    let mut timelines = vec![Timeline::default(); n];
    let targets = maps.targets();
    for &(e, day, c) in dated {
        match targets.get(e as usize) {
            Some(&g) if g != DROPPED => timelines[g].add(day, c),
            _ => {}
        }
    }
    timelines
}

/// The corpus entities' ids (unique), and their order.
struct Ids {
    ids: Vec<Arc<str>>,
    /// The entities sorted by id, and each entity's place there.
    by_id: Vec<u32>,
    rank: Vec<u32>,
    /// Whether every id is written as it is in a table (slugs are).
    plain: bool,
}

impl Ids {
    fn new(ids: Vec<Arc<str>>) -> Ids {
        let mut by_id: Vec<u32> = (0..ids.len() as u32).collect();
        by_id.par_sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
        let mut rank = vec![0u32; ids.len()];
        for (at, &g) in by_id.iter().enumerate() {
            rank[g as usize] = at as u32;
        }
        let plain = ids.par_iter().all(|id| is_plain(id));
        Ids {
            ids,
            by_id,
            rank,
            plain,
        }
    }
}

/// Ids: the slug of the label; a clash gets the type, then a number. The most
/// mentioned entity of a slug keeps the plain slug.
fn assign_ids(entities: &[GlobalEntity]) -> Vec<Arc<str>> {
    let slugs: Vec<String> = entities.par_iter().map(|e| slug(&e.label)).collect();
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.par_sort_by(|&a, &b| {
        let (x, y) = (&entities[a], &entities[b]);
        (
            &slugs[a],
            std::cmp::Reverse(x.mentions),
            x.entity_type,
            &x.label,
        )
            .cmp(&(
                &slugs[b],
                std::cmp::Reverse(y.mentions),
                y.entity_type,
                &y.label,
            ))
    });
    let mut ids: Vec<Arc<str>> = vec![Arc::from(""); entities.len()];
    let mut taken: rustc_hash::FxHashSet<String> = Default::default();
    for &g in &order {
        let base = &slugs[g];
        let mut id = base.clone();
        if taken.contains(&id) {
            id = format!("{base}-{}", entities[g].entity_type);
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{}-{n}", entities[g].entity_type);
                n += 1;
            }
        }
        ids[g] = Arc::from(id.as_str());
        taken.insert(id);
    }
    ids
}

/// A readable ASCII id: "Staffan de Mistura" -> "staffan-de-mistura".
pub fn slug(label: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII is its own compatibility decomposition.
    match label.is_ascii() {
        true => slug_of(label.chars()),
        false => slug_of(label.nfkd()),
    }
}

/// [`slug`] of a label's decomposed characters.
fn slug_of(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in chars {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '.'
            || c == '\''
            || c == '\u{2019}'
            || unicode_normalization::char::is_combining_mark(c)
        {
            // U.S. -> us, O'Brien -> obrien
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

/// One edge being aggregated from its supporting sentences.
#[derive(Default)]
struct EdgeAcc {
    source: u32,
    target: u32,
    kind: RelationKind,
    weight: u32,
    documents: u32,
    /// (document + 1, sentence) of the last counted sentence: one row per sentence.
    last: (u32, u32),
    example: Option<Box<str>>,
    timeline: Timeline,
}

/// The edges being aggregated, found by (source, target, kind).
#[derive(Default)]
struct Edges {
    index: HashMap<(u32, u32, RelationKind), u32>,
    accs: Vec<EdgeAcc>,
    /// (edge, role) -> count: roles are rare, so they live apart.
    roles: HashMap<(u32, u32), u32>,
}

impl Edges {
    fn entry(&mut self, s: usize, t: usize, kind: RelationKind) -> u32 {
        let accs = &mut self.accs;
        *self
            .index
            .entry((s as u32, t as u32, kind))
            .or_insert_with(|| {
                accs.push(EdgeAcc {
                    source: s as u32,
                    target: t as u32,
                    kind,
                    ..Default::default()
                });
                accs.len() as u32 - 1
            })
    }
}

/// Where a spilled record sits: its document's number, id and day.
struct Record<'a> {
    tag: u8,
    doc: usize,
    doc_id: &'a str,
    date: Option<Day>,
}

/// Reads a spill's records in order; `each` reads the body of every record after
/// its document's header.
fn records(
    r: &mut SpillReader,
    mut each: impl FnMut(&Record, &mut SpillReader) -> io::Result<()>,
) -> io::Result<()> {
    let mut doc: Option<usize> = None;
    let mut doc_id = String::new();
    let mut date = None;
    loop {
        if r.at_end()? {
            return Ok(());
        }
        let tag = get_u8(r)?;
        if tag == TAG_DOC {
            doc = Some(doc.map_or(0, |d| d + 1));
            doc_id.clear();
            doc_id.push_str(get_str(r)?);
            let day = get_i32(r)?;
            date = (day != NO_DAY).then_some(Day(day));
            continue;
        }
        let record = Record {
            tag,
            doc: doc.ok_or_else(corrupt)?,
            doc_id: &doc_id,
            date,
        };
        each(&record, r)?;
    }
}

/// What the mention replay needs of the merge: where each local entity went, the
/// ids, and whether each corpus entity is named at least once (not only by
/// nationality words).
struct Merged<'a> {
    maps: &'a Maps,
    ids: &'a Ids,
    named: Vec<bool>,
}

/// A mention as spilled: type code, span, local entity and sentence.
struct Spilled {
    code: u8,
    start: usize,
    end: usize,
    local: usize,
    sentence: usize,
}

/// Rows of `mentions.csv` read while the entities merge, one after another in
/// `bytes`: each is its mention's type code, then its local entity, sentence, start,
/// length and the length of its text cell as varints (see [`put_varint`]), then the
/// text cell.
#[derive(Default)]
struct Early {
    bytes: Vec<u8>,
    rows: usize,
    /// The cells of the rows' documents, once each: (document, end in `doc_cells`,
    /// end of its rows in `bytes`).
    doc_cells: Vec<u8>,
    docs: Vec<(u32, u32, u32)>,
    /// Whether no more rows fit in the room given.
    full: bool,
}

/// The most memory that rows read before the merge may take (about 18 bytes a
/// row); a row that does not fit waits for the merge.
const EARLY_BYTES: usize = 12 << 20;

/// The room for rows read before the merge: [`EARLY_BYTES`] when a core is left
/// beside rayon's threads, else none. Rows read early take a core from the merge's
/// parallel steps, which then end later; on two cores and two threads the tail of
/// allsides-dev was 17 ms shorter without them (7 runs of 7), and with one thread
/// they use the core the merge leaves idle.
fn early_room() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match cores > rayon::current_num_threads() {
        true => EARLY_BYTES,
        false => 0,
    }
}

/// Early rows between looks at whether the merge is done.
const EARLY_LOOK: usize = 64;

/// `mentions.csv`, from the mention spill. The replay starts while the entities
/// merge: until the merge is handed over (or the room, [`early_room`], is
/// taken), each row is put together up to its entity's id and kept; then the kept
/// rows are ended and written, and the others written as they come.
struct MentionReplay<'a, M: Write> {
    out: TableWriter<M>,
    wait: Receiver<Merged<'a>>,
    merged: Option<Merged<'a>>,
    early: Early,
    /// The room for rows put together early ([`EARLY_BYTES`]).
    room: usize,
    cells: Cells,
}

impl<'a, M: Write> MentionReplay<'a, M> {
    fn new(out: TableWriter<M>, wait: Receiver<Merged<'a>>) -> Self {
        MentionReplay {
            out,
            wait,
            merged: None,
            early: Early::default(),
            room: EARLY_BYTES,
            cells: Cells::default(),
        }
    }

    /// Writes every mention of `spill`; returns the finished writer.
    fn run(mut self, spill: Spill) -> io::Result<M> {
        spill.replay(|r| records(r, |rec, r| self.record(rec, r)))?;
        if self.merged.is_none() {
            self.wait_for_merge()?;
        }
        self.out.finish()
    }

    fn record(&mut self, rec: &Record, r: &mut SpillReader) -> io::Result<()> {
        if rec.tag != TAG_MENTION {
            return Err(corrupt());
        }
        // The fixed fields of encode_mentions at once: type, start, end, entity, sentence.
        let f = r.take(25)?;
        let m = Spilled {
            code: f[0],
            start: u64::from_le_bytes(array(&f[1..])) as usize,
            end: u64::from_le_bytes(array(&f[9..])) as usize,
            local: u32::from_le_bytes(array(&f[17..])) as usize,
            sentence: u32::from_le_bytes(array(&f[21..])) as usize,
        };
        let text = get_str(r)?;
        if self.merged.is_none() {
            if self.keep_early(rec, &m, text)? {
                return Ok(());
            }
            if self.merged.is_none() {
                self.wait_for_merge()?;
            }
        }
        let Some((id, ty)) = target(self.merged.as_ref(), rec.doc, m.local, m.code)? else {
            return Ok(());
        };
        let cells = &mut self.cells;
        cells.start(&self.out, rec.doc, rec.doc_id);
        row_start(&self.out, &mut cells.line, &cells.doc_cell, &m, text);
        row_end(&mut cells.line, id, ty, m.sentence, cells.plain);
        self.out.write_line(&cells.line)
    }
}

/// The id and `entity_type` cell of a mention of local entity `local` of document
/// `doc`, typed `code`; `None` if it is no row.
fn target<'m>(
    merged: Option<&'m Merged<'_>>,
    doc: usize,
    local: usize,
    code: u8,
) -> io::Result<Option<(&'m str, &'static str)>> {
    let merged = merged.ok_or_else(stopped_merge)?;
    let g = merged.maps.get(doc, local).ok_or_else(corrupt)?;
    let nationality = code == NATIONALITY;
    // A nationality word is listed, as a mention of its country, only when the
    // country is named too (else it may be no node); it counts as no mention.
    if g == DROPPED || (nationality && !merged.named[g]) {
        return Ok(None);
    }
    let ty = match nationality {
        true => NATIONALITY_TYPE,
        false => type_from(code).as_str(),
    };
    Ok(Some((&merged.ids.ids[g], ty)))
}

impl<'a, M: Write> MentionReplay<'a, M> {
    /// Keeps the mention's row put together up to its entity, unless the merge is
    /// done by now or the room is taken (then false).
    fn keep_early(&mut self, rec: &Record, m: &Spilled, text: &str) -> io::Result<bool> {
        if self.early.rows % EARLY_LOOK == 0 {
            match self.wait.try_recv() {
                Ok(merged) => {
                    self.take_merge(merged)?;
                    return Ok(false);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => return Err(stopped_merge()),
            }
        }
        let early = &mut self.early;
        if early.full {
            return Ok(false);
        }
        if early.bytes.capacity() == 0 {
            early.bytes.reserve_exact(self.room.max(1));
        }
        let cells = &mut self.cells;
        cells.start(&self.out, rec.doc, rec.doc_id);
        self.out.push_text_cell(&mut cells.line, text);
        let mut head = [0u8; 50];
        let mut n = 0;
        let len = m.end.checked_sub(m.start);
        for v in [
            m.local,
            m.sentence,
            m.start,
            len.unwrap_or(0),
            cells.line.len(),
        ] {
            n += put_varint(&mut head[n..], v as u64);
        }
        let end = early.bytes.len() + 1 + n + cells.line.len();
        let room = early.bytes.capacity();
        if len.is_none() || end > room || early.doc_cells.len() > self.room / 16 {
            early.full = true;
            return Ok(false);
        }
        if early.docs.last().map(|d| d.0) != Some(rec.doc as u32) {
            early.doc_cells.extend_from_slice(&cells.doc_cell);
            let cell = early.doc_cells.len() as u32;
            early.docs.push((rec.doc as u32, cell, 0));
        }
        early.bytes.push(m.code);
        early.bytes.extend_from_slice(&head[..n]);
        early.bytes.extend_from_slice(&cells.line);
        early.rows += 1;
        if let Some(doc) = early.docs.last_mut() {
            doc.2 = end as u32;
        }
        Ok(true)
    }

    /// Waits for the merge, then writes the rows kept.
    fn wait_for_merge(&mut self) -> io::Result<()> {
        let merged = self.wait.recv().map_err(|_| stopped_merge())?;
        self.take_merge(merged)
    }

    /// Takes the merge, and ends and writes the rows kept before it.
    fn take_merge(&mut self, merged: Merged<'a>) -> io::Result<()> {
        self.cells.plain = merged.ids.plain && type_names().all(is_plain);
        self.merged = Some(merged);
        let early = std::mem::take(&mut self.early);
        timing::count("mentions put early", early.rows);
        let mut line = std::mem::take(&mut self.cells.line);
        let (mut cell, mut from) = (0, 0);
        for &(doc, cell_end, rows_end) in &early.docs {
            let doc_cell = early.doc_cells.get(cell..cell_end as usize);
            let rows = early.bytes.get(from..rows_end as usize);
            let (Some(doc_cell), Some(rows)) = (doc_cell, rows) else {
                return Err(corrupt());
            };
            (cell, from) = (cell_end as usize, rows_end as usize);
            self.end_early_rows(doc as usize, doc_cell, rows, &mut line)?;
        }
        self.cells.line = line;
        Ok(())
    }

    /// Ends and writes the early `rows` of document `doc`, whose cell is `doc_cell`.
    fn end_early_rows(
        &mut self,
        doc: usize,
        doc_cell: &[u8],
        mut rows: &[u8],
        line: &mut Vec<u8>,
    ) -> io::Result<()> {
        while let Some((&code, rest)) = rows.split_first() {
            rows = rest;
            let mut fields = [0usize; 5];
            for f in &mut fields {
                *f = take_varint(&mut rows).ok_or_else(corrupt)? as usize;
            }
            let [local, sentence, start, len, cell] = fields;
            let Some((text_cell, rest)) = rows.split_at_checked(cell) else {
                return Err(corrupt());
            };
            rows = rest;
            let Some((id, ty)) = target(self.merged.as_ref(), doc, local, code)? else {
                continue;
            };
            let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
            let (start, end) = (a.format(start).as_bytes(), b.format(start + len).as_bytes());
            line.clear();
            join(line, &[doc_cell, start, end, text_cell]);
            row_end(line, id, ty, sentence, self.cells.plain);
            self.out.write_line(line)?;
        }
        Ok(())
    }
}

/// Puts `v` in `out` seven bits a byte, the low ones first, the high bit of each
/// byte but the last set; returns the bytes put (at most ten).
fn put_varint(out: &mut [u8], mut v: u64) -> usize {
    let mut n = 0;
    while v >= 0x80 {
        out[n] = (v as u8) | 0x80;
        v >>= 7;
        n += 1;
    }
    out[n] = v as u8;
    n + 1
}

/// The varint at the start of `bytes` (see [`put_varint`]), which it passes over.
fn take_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..70).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        v |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// A `mentions.csv` row up to its entity, in `line` (cleared first): the
/// document's cell `doc_cell`, the span and the mention's text.
fn row_start<M: Write>(
    out: &TableWriter<M>,
    line: &mut Vec<u8>,
    doc_cell: &[u8],
    m: &Spilled,
    text: &str,
) {
    line.clear();
    line.extend_from_slice(doc_cell);
    line.push(b',');
    row_span(out, line, m, text);
}

/// Appends the span and the text cell of a `mentions.csv` row to `line`.
fn row_span<M: Write>(out: &TableWriter<M>, line: &mut Vec<u8>, m: &Spilled, text: &str) {
    let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
    let (start, end) = (a.format(m.start).as_bytes(), b.format(m.end).as_bytes());
    join(line, &[start, end, b""]);
    out.push_text_cell(line, text);
}

/// Ends a row begun by [`row_start`]: the entity's id, its type and the sentence
/// (`plain`: the id and the type are written as they are).
fn row_end(line: &mut Vec<u8>, id: &str, ty: &str, sentence: usize, plain: bool) {
    let mut c = itoa::Buffer::new();
    for cell in [id, ty] {
        line.push(b',');
        match plain {
            true => line.extend_from_slice(cell.as_bytes()),
            false => crate::export::csv::push_cell(line, cell),
        }
    }
    line.push(b',');
    line.extend_from_slice(c.format(sentence).as_bytes());
    line.push(b'\n');
}

/// The mention replay's error when the merge never came (the corpus pass stopped
/// on an error of its own, which is the one reported).
fn stopped_merge() -> io::Error {
    io::Error::other("the merge of entities stopped")
}

/// The edges, from the link spill; the rows of `evidence.csv` go to an
/// [`EvidenceWriter`] in batches.
struct LinkReplay<'a> {
    maps: &'a Maps,
    ids: &'a Ids,
    rules: usize,
    edges: Edges,
    /// (edge, document, sentence) of each edge's first [`MAX_EVIDENCE`] rows.
    first_rows: Vec<(u32, u32, u32)>,
    rows: Vec<EvidenceRow>,
}

/// One row of `evidence.csv`: (source, target) corpus entities, document, sentence
/// and rule.
#[derive(Clone, Copy)]
struct EvidenceRow {
    ends: (u32, u32),
    kind: RelationKind,
    doc: u32,
    sentence: u32,
    rule: u32,
}

/// Rows of `evidence.csv` handed on at once, and batches waiting at most.
const EVIDENCE_BATCH: usize = 8192;
const EVIDENCE_QUEUE: usize = 4;

/// Writes `evidence.csv` from the rows the link replay hands on.
struct EvidenceWriter<'a, E: Write> {
    ids: &'a Ids,
    rules: &'a [Arc<str>],
    /// Each document's id (see [`KnownEvidence::docs`]).
    docs: Arc<[(Box<str>, u32)]>,
    out: TableWriter<E>,
    cells: Cells,
}

impl<'a, E: Write> EvidenceWriter<'a, E> {
    /// A writer of rows into `out`, its cells made for the relation kinds and `rules`.
    fn new(
        ids: &'a Ids,
        rules: &'a [Arc<str>],
        docs: Arc<[(Box<str>, u32)]>,
        out: TableWriter<E>,
    ) -> Self {
        let kinds = RelationKind::ALL.iter().map(|k| k.as_str());
        EvidenceWriter {
            ids,
            rules,
            docs,
            out,
            cells: Cells::new(ids, kinds.chain(rules.iter().map(|r| &r[..]))),
        }
    }
}

/// What a table's rows are put together from by hand, when every id and every word
/// of a fixed column is written as it is (`plain`): each document's id cell, made once.
#[derive(Default)]
struct Cells {
    plain: bool,
    /// The document of `doc_cell`, its id's cell.
    doc: Option<usize>,
    doc_cell: Vec<u8>,
    line: Vec<u8>,
}

impl Cells {
    fn new<'w>(ids: &Ids, words: impl IntoIterator<Item = &'w str>) -> Cells {
        Cells {
            plain: ids.plain && words.into_iter().all(is_plain),
            ..Default::default()
        }
    }

    /// Clears the line, and makes the cell of document `doc` (id `doc_id`) if it is
    /// another's.
    fn start<W: Write>(&mut self, out: &TableWriter<W>, doc: usize, doc_id: &str) {
        if self.doc != Some(doc) {
            self.doc = Some(doc);
            self.doc_cell.clear();
            out.push_text_cell(&mut self.doc_cell, doc_id);
        }
        self.line.clear();
    }
}

/// Appends `fields` to `line`, separated by commas.
fn join(line: &mut Vec<u8>, fields: &[&[u8]]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(b',');
        }
        line.extend_from_slice(field);
    }
}

impl<'a> LinkReplay<'a> {
    fn new(maps: &'a Maps, ids: &'a Ids, rules: usize) -> Self {
        LinkReplay {
            maps,
            ids,
            rules,
            edges: Edges::default(),
            first_rows: Vec::new(),
            rows: Vec::with_capacity(EVIDENCE_BATCH),
        }
    }

    /// Aggregates every link of `spill` into the edges, sending the rows of
    /// `evidence.csv` on; returns the edges and the first rows of each.
    #[allow(clippy::type_complexity)]
    fn run(
        mut self,
        spill: Spill,
        send: SyncSender<Vec<EvidenceRow>>,
    ) -> io::Result<(Edges, Vec<(u32, u32, u32)>)> {
        spill.replay(|r| records(r, |rec, r| self.record(rec, r, &send)))?;
        let rows = std::mem::take(&mut self.rows);
        send.send(rows).map_err(|_| stopped())?;
        Ok((self.edges, self.first_rows))
    }

    fn record(
        &mut self,
        rec: &Record,
        r: &mut SpillReader,
        send: &SyncSender<Vec<EvidenceRow>>,
    ) -> io::Result<()> {
        if rec.tag != TAG_LINK {
            return Err(corrupt());
        }
        // The fixed fields of encode_links at once: kind, source, target, sentence,
        // rule, role.
        let f = r.take(21)?;
        let kind = kind_from(f[0]);
        let u = |at: usize| u32::from_le_bytes(array(&f[at..]));
        let (a, b) = (u(1) as usize, u(5) as usize);
        let (sentence, rule, role) = (u(9), u(13), u(17));
        let text = get_str(r)?;
        let d = rec.doc;
        let (Some(s), Some(t)) = (self.maps.get(d, a), self.maps.get(d, b)) else {
            return Err(corrupt());
        };
        if s == t || s == DROPPED || t == DROPPED {
            return Ok(());
        }
        if rule as usize >= self.rules {
            return Err(corrupt());
        }
        let (s, t) = if !kind.is_directed() && self.ids.rank[s] > self.ids.rank[t] {
            (t, s)
        } else {
            (s, t)
        };
        let e = self.edges.entry(s, t, kind);
        if role != NO_ROLE {
            *self.edges.roles.entry((e, role)).or_default() += 1;
        }
        let acc = &mut self.edges.accs[e as usize];
        let here = (d as u32 + 1, sentence);
        if acc.last == here {
            return Ok(());
        }
        if acc.last.0 != here.0 {
            acc.documents += 1;
        }
        acc.last = here;
        acc.weight += 1;
        if let Some(day) = rec.date {
            acc.timeline.add(day, 1);
        }
        if acc.example.is_none() && !text.is_empty() {
            acc.example = Some(Box::from(clip_example(text)));
        }
        if acc.weight as usize <= MAX_EVIDENCE {
            self.first_rows.push((e, d as u32, sentence));
        }
        self.rows.push(EvidenceRow {
            ends: (s as u32, t as u32),
            kind,
            doc: d as u32,
            sentence,
            rule,
        });
        if self.rows.len() == EVIDENCE_BATCH {
            let full = std::mem::replace(&mut self.rows, Vec::with_capacity(EVIDENCE_BATCH));
            send.send(full).map_err(|_| stopped())?;
        }
        Ok(())
    }
}

impl<E: Write> EvidenceWriter<'_, E> {
    /// Writes the rows of every batch received, in order; returns the finished writer.
    fn run(mut self, receive: Receiver<Vec<EvidenceRow>>) -> io::Result<E> {
        for batch in receive {
            for row in batch {
                self.row(row)?;
            }
        }
        self.out.finish()
    }

    /// An `evidence.csv` row. When every id and kind is written as it is (slugs
    /// are), the row is put together directly, with the document's cell made once.
    fn row(&mut self, row: EvidenceRow) -> io::Result<()> {
        let (ids, cells) = (&self.ids.ids, &mut self.cells);
        let (s, t) = (row.ends.0 as usize, row.ends.1 as usize);
        let rule = self.rules.get(row.rule as usize).ok_or_else(corrupt)?;
        let (doc, doc_id) = (row.doc as usize, self.docs.get(row.doc as usize));
        let doc_id = doc_id.map_or("", |x| &x.0);
        if !cells.plain {
            let at = row.sentence as usize;
            return (self.out).evidence(&ids[s], &ids[t], row.kind, doc_id, at, rule);
        }
        cells.start(&self.out, doc, doc_id);
        let (line, mut at) = (&mut cells.line, itoa::Buffer::new());
        let (source, target) = (ids[s].as_bytes(), ids[t].as_bytes());
        let kind = row.kind.as_str().as_bytes();
        let at = at.format(row.sentence).as_bytes();
        join(
            line,
            &[source, target, kind, &cells.doc_cell, at, rule.as_bytes()],
        );
        line.push(b'\n');
        self.out.write_line(line)
    }
}

/// The graph: nodes sorted by id, edges by (source id, target id, kind). The edges
/// of `evidence_rows` become the graph's, and the rows are sorted by them (each
/// edge's in the order they came). Which entities are nodes is found first; then
/// the nodes are made while the edges are put in order.
fn assemble(
    entities: Vec<GlobalEntity>,
    ids: &Ids,
    timelines: Vec<Timeline>,
    edges: Edges,
    roles: &[Arc<str>],
    evidence_rows: &mut [(u32, u32, u32)],
) -> EntityGraph {
    let Edges {
        index,
        accs,
        roles: role_counts,
    } = edges;
    drop(index);
    let by_id = node_entities(&entities, ids, &accs);
    let ((mut graph, index), (sorted, order, best)) = rayon::join(
        || graph_nodes(entities, ids, timelines, &by_id),
        || {
            let (order, best) = edge_order(&accs, &ids.rank, role_counts, roles, evidence_rows);
            (in_order(accs, &order), order, best)
        },
    );
    graph.reserve_edges(sorted.len());
    for (acc, e) in sorted.into_iter().zip(order) {
        let role = best
            .get(&e)
            .map(|&(r, _)| roles[r as usize].to_string())
            .unwrap_or_default();
        let edge = Edge {
            kind: acc.kind,
            weight: acc.weight as u64,
            documents: acc.documents as u64,
            role,
            example: acc.example.map(String::from),
            timeline: acc.timeline,
        };
        graph.add_edge(index[acc.source as usize], index[acc.target as usize], edge);
    }
    EntityGraph { graph }
}

type Graph = petgraph::Graph<Node, Edge>;

/// The corpus entities that are nodes, sorted by id. A country reached only through
/// nationality words is a node only if an edge needs it.
fn node_entities(entities: &[GlobalEntity], ids: &Ids, accs: &[EdgeAcc]) -> Vec<usize> {
    let mut needed = vec![false; entities.len()];
    for acc in accs {
        needed[acc.source as usize] = true;
        needed[acc.target as usize] = true;
    }
    (ids.by_id.iter().map(|&g| g as usize))
        .filter(|&g| entities[g].mentions > 0 || needed[g])
        .collect()
}

/// The graph's nodes, the corpus entities `by_id` in that order, and the node of
/// each corpus entity.
fn graph_nodes(
    mut entities: Vec<GlobalEntity>,
    ids: &Ids,
    mut timelines: Vec<Timeline>,
    by_id: &[usize],
) -> (Graph, Vec<petgraph::graph::NodeIndex>) {
    let mut graph = Graph::with_capacity(by_id.len(), 0);
    let mut index = vec![petgraph::graph::NodeIndex::end(); entities.len()];
    for &g in by_id {
        let e = &mut entities[g];
        index[g] = graph.add_node(Node {
            id: ids.ids[g].to_string(),
            label: std::mem::take(&mut e.label),
            entity_type: e.entity_type,
            mentions: e.mentions,
            documents: e.documents,
            aliases: std::mem::take(&mut e.forms).into_keys().collect(),
            timeline: std::mem::take(&mut timelines[g]),
        });
    }
    (graph, index)
}

/// The edges in stored `order`.
fn in_order(mut accs: Vec<EdgeAcc>, order: &[u32]) -> Vec<EdgeAcc> {
    (order.iter())
        .map(|&e| std::mem::take(&mut accs[e as usize]))
        .collect()
}

/// The edges in stored order, with the most frequent role of each (ties go to the
/// alphabetically first); `evidence_rows` are renumbered to stored edges and sorted.
#[allow(clippy::type_complexity)]
fn edge_order(
    accs: &[EdgeAcc],
    rank: &[u32],
    role_counts: HashMap<(u32, u32), u32>,
    roles: &[Arc<str>],
    evidence_rows: &mut [(u32, u32, u32)],
) -> (Vec<u32>, HashMap<u32, (u32, u32)>) {
    let mut best: HashMap<u32, (u32, u32)> = HashMap::default();
    for ((e, r), c) in role_counts {
        let slot = best.entry(e).or_insert((r, c));
        let better = c > slot.1 || (c == slot.1 && roles[r as usize] < roles[slot.0 as usize]);
        if better {
            *slot = (r, c);
        }
    }
    // Ids are unique, so their ranks order as they do; (source, target, kind) is one
    // edge's alone, so the unstable sort orders as any sort.
    let mut keyed: Vec<(u64, RelationKind, u32)> = (accs.iter().enumerate())
        .map(|(e, a)| {
            let (s, t) = (
                rank[a.source as usize] as u64,
                rank[a.target as usize] as u64,
            );
            ((s << 32) | t, a.kind, e as u32)
        })
        .collect();
    keyed.par_sort_unstable();
    let order: Vec<u32> = keyed.into_iter().map(|x| x.2).collect();
    let mut stored = vec![0u32; accs.len()];
    for (at, &e) in order.iter().enumerate() {
        stored[e as usize] = at as u32;
    }
    evidence_rows
        .iter_mut()
        .for_each(|r| r.0 = stored[r.0 as usize]);
    sort_by_edge(evidence_rows, accs.len());
    (order, best)
}

/// Sorts `rows` by their first field, an edge below `edges`, keeping the order of each
/// edge's rows (a counting sort: linear).
fn sort_by_edge(rows: &mut [(u32, u32, u32)], edges: usize) {
    let mut start = vec![0usize; edges + 1];
    for r in rows.iter() {
        start[r.0 as usize + 1] += 1;
    }
    for e in 0..edges {
        start[e + 1] += start[e];
    }
    let mut sorted = vec![(0, 0, 0); rows.len()];
    for &r in rows.iter() {
        sorted[start[r.0 as usize]] = r;
        start[r.0 as usize] += 1;
    }
    rows.copy_from_slice(&sorted);
}

/// The link replay's error when the writer of `evidence.csv` stopped (on an error
/// of its own, which is the one reported).
fn stopped() -> io::Error {
    io::Error::other("the writer of evidence.csv stopped")
}

fn corrupt() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "corrupt spill file")
}

/// The spilled type code of a nationality word (see
/// [`crate::analyze::LocalMention::nationality`]).
const NATIONALITY: u8 = 4;

/// The `entity_type` of a nationality word's row in `mentions.csv`.
pub const NATIONALITY_TYPE: &str = "nationality";

/// Every `entity_type` of `mentions.csv`.
fn type_names() -> impl Iterator<Item = &'static str> {
    (0..=NATIONALITY).map(|c| match c {
        NATIONALITY => NATIONALITY_TYPE,
        _ => type_from(c).as_str(),
    })
}

fn type_code(t: EntityType) -> u8 {
    match t {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Location => 2,
        EntityType::Other => 3,
    }
}

fn type_from(c: u8) -> EntityType {
    match c {
        0 => EntityType::Person,
        1 => EntityType::Organization,
        2 => EntityType::Location,
        _ => EntityType::Other,
    }
}

fn kind_code(k: RelationKind) -> u8 {
    RelationKind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8
}

fn kind_from(c: u8) -> RelationKind {
    RelationKind::ALL
        .get(c as usize)
        .copied()
        .unwrap_or(RelationKind::CoMention)
}

/// Puts a document's header in `out`, which it clears first.
fn put_header(out: &mut Vec<u8>, doc: &DocAnalysis) {
    out.clear();
    out.push(TAG_DOC);
    put_str(out, &doc.id);
    put_i32(out, doc.date.map_or(NO_DAY, |d| d.0));
}

/// Puts a document's header and its mentions in `out`, which it clears first.
fn encode_mentions(doc: &DocAnalysis, out: &mut Vec<u8>) {
    put_header(out, doc);
    for m in &doc.mentions {
        let code = match m.nationality {
            true => NATIONALITY,
            false => type_code(m.entity_type),
        };
        out.extend_from_slice(&[TAG_MENTION, code]);
        put_u64(out, m.start as u64);
        put_u64(out, m.end as u64);
        put_u32(out, m.entity as u32);
        put_u32(out, m.sentence as u32);
        put_str(out, &m.text);
    }
}

#[inline]
fn put_u32(w: &mut Vec<u8>, v: u32) {
    w.extend_from_slice(&v.to_le_bytes())
}
#[inline]
fn put_i32(w: &mut Vec<u8>, v: i32) {
    w.extend_from_slice(&v.to_le_bytes())
}
#[inline]
fn put_u64(w: &mut Vec<u8>, v: u64) {
    w.extend_from_slice(&v.to_le_bytes())
}
#[inline]
fn put_str(w: &mut Vec<u8>, s: &str) {
    put_u64(w, s.len() as u64);
    w.extend_from_slice(s.as_bytes())
}
fn get_u8(r: &mut SpillReader) -> io::Result<u8> {
    Ok(r.take(1)?[0])
}
fn get_i32(r: &mut SpillReader) -> io::Result<i32> {
    Ok(i32::from_le_bytes(array(r.take(4)?)))
}
fn get_u64(r: &mut SpillReader) -> io::Result<u64> {
    Ok(u64::from_le_bytes(array(r.take(8)?)))
}
/// The first `N` bytes of `b` (which holds at least that many).
#[inline]
fn array<const N: usize>(b: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(&b[..N]);
    out
}
/// A string put by [`put_str`], borrowed from the reader's chunk.
fn get_str(r: &mut SpillReader) -> io::Result<&str> {
    let len = get_u64(r)? as usize;
    if len == 0 {
        return Ok(""); // a co-mention's example
    }
    std::str::from_utf8(r.take(len)?).map_err(|_| corrupt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slug("Staffan de Mistura"), "staffan-de-mistura");
        assert_eq!(slug("U.S. State Department"), "us-state-department");
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("al-Qaeda"), "al-qaeda");
        assert_eq!(slug("???"), "entity");
    }

    #[test]
    fn ascii_labels_slug_as_their_decomposition_does() {
        use unicode_normalization::UnicodeNormalization;
        let ascii: String = (0u8..128).map(char::from).collect();
        for label in [ascii.as_str(), "O'Brien & Co.", "A-1 .. B_2", "\t x \u{7f}"] {
            assert_eq!(slug(label), slug_of(label.nfkd()), "{label:?}");
        }
        assert_eq!(slug("Erdoğan"), "erdogan");
    }

    /// Hands out at most three bytes a read, so that fields straddle reads.
    struct Trickle(io::Cursor<Vec<u8>>);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(3);
            self.0.read(&mut buf[..n])
        }
    }

    #[test]
    fn the_spill_reader_reads_fields_across_chunks_and_finds_the_end() {
        let long = "é".repeat(40);
        let mut bytes = Vec::new();
        for (i, text) in ["", "Kerry", &long, "x"].iter().enumerate() {
            bytes.push(i as u8);
            put_u32(&mut bytes, 1000 + i as u32);
            put_i32(&mut bytes, -(i as i32));
            put_str(&mut bytes, text);
        }
        for chunk in [1, 4, 7, 1 << 20] {
            let src = Box::new(Trickle(io::Cursor::new(bytes.clone())));
            let mut r = SpillReader::new(src);
            r.buf = vec![0; chunk];
            for (i, text) in ["", "Kerry", &long, "x"].iter().enumerate() {
                assert!(!r.at_end().unwrap());
                assert_eq!(get_u8(&mut r).unwrap(), i as u8);
                assert_eq!(
                    u32::from_le_bytes(array(r.take(4).unwrap())),
                    1000 + i as u32
                );
                assert_eq!(get_i32(&mut r).unwrap(), -(i as i32));
                assert_eq!(get_str(&mut r).unwrap(), *text, "chunk {chunk}");
            }
            assert!(r.at_end().unwrap());
            assert!(r.take(1).is_err());
        }
        // A string cut short, or not UTF-8, is a corrupt spill.
        let mut r = SpillReader::new(Box::new(io::Cursor::new(bytes[..bytes.len() - 1].to_vec())));
        let err = (0..4).try_for_each(|_| {
            r.take(9)?;
            get_str(&mut r).map(drop)
        });
        assert!(err.is_err());
        let mut bad = Vec::new();
        put_u64(&mut bad, 1);
        bad.push(0xff);
        let mut r = SpillReader::new(Box::new(io::Cursor::new(bad)));
        assert_eq!(
            get_str(&mut r).unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
    }

    #[test]
    fn varints_read_back_as_put_and_a_cut_one_is_none() {
        let mut values = vec![0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21];
        values.extend([u32::MAX as u64, 1 << 35, u64::MAX - 1, u64::MAX]);
        let mut bytes = Vec::new();
        for &v in &values {
            let mut head = [0u8; 10];
            let n = put_varint(&mut head, v);
            let bits = 64 - v.leading_zeros() as usize;
            assert_eq!(n, 1 + bits.saturating_sub(1) / 7);
            bytes.extend_from_slice(&head[..n]);
        }
        let mut rest = &bytes[..];
        let got: Vec<u64> = values
            .iter()
            .map(|_| take_varint(&mut rest).unwrap())
            .collect();
        assert_eq!((got, rest.len()), (values, 0));
        assert_eq!(take_varint(&mut &[0x80, 0x80][..]), None);
        assert_eq!(take_varint(&mut &[][..]), None);
    }

    #[test]
    fn static_and_owned_strings_of_one_text_get_one_id() {
        use std::borrow::Cow;
        let mut rules = Interner::default();
        let a = rules.id_of(&Cow::Borrowed("appos-title"));
        let owned = rules.id_of(&Cow::Owned("appos-title".to_string()));
        let other = rules.id_of(&Cow::Borrowed("co-mention"));
        let again = rules.id_of(&Cow::Borrowed("appos-title"));
        assert_eq!((a, owned, again), (0, 0, 0));
        assert_eq!(other, 1);
        assert_eq!(rules.id("co-mention"), 1);
        assert_eq!(rules.names.len(), 2);
    }

    /// A document's id and its mentions' (type code, local entity, text).
    type SpillDoc<'a> = (&'a str, &'a [(u8, u32, &'a str)]);

    /// A mention spill by hand.
    fn mention_spill(docs: &[SpillDoc]) -> Vec<u8> {
        let mut out = Vec::new();
        for (id, mentions) in docs {
            out.push(TAG_DOC);
            put_str(&mut out, id);
            put_i32(&mut out, NO_DAY);
            for (i, &(code, local, text)) in mentions.iter().enumerate() {
                out.extend_from_slice(&[TAG_MENTION, code]);
                put_u64(&mut out, 10 * i as u64);
                put_u64(&mut out, 10 * i as u64 + text.len() as u64);
                put_u32(&mut out, local);
                put_u32(&mut out, i as u32 + 1);
                put_str(&mut out, text);
            }
        }
        out
    }

    #[test]
    fn mention_rows_are_the_same_whenever_the_merge_comes() {
        let docs: &[SpillDoc] = &[
            (
                "d1",
                &[(0, 0, "Kerry"), (4, 1, "French"), (1, 2, "Acme, Inc.")],
            ),
            (
                "say \"x\"",
                &[(2, 0, "Paris"), (4, 1, "Turkish"), (0, 0, "John")],
            ),
            ("d3", &[]),
            ("d4", &[(1, 0, "=SUM(A1)"), (0, 1, "Li")]),
        ];
        let spill = mention_spill(docs);
        // Local entities: d1 -> 0, 1, dropped; say "x" -> 2, 0; d4 -> 1, 3.
        let starts = vec![0, 3, 5, 5];
        let targets = vec![0, 1, DROPPED, 2, 0, 1, 3];
        for names in [
            ["john-kerry", "france", "paris", "li"],
            ["a,b", "fr\"x", "p", "li"],
        ] {
            let maps = Maps::from_parts(starts.clone(), targets.clone());
            let ids = Ids::new(names.iter().map(|&n| Arc::from(n)).collect());
            // France is named by nationality words only.
            let named = vec![true, false, true, true];
            let options = ExportOptions::default();
            // What the table writer makes of each row.
            let mut want = TableWriter::new(Vec::new(), &MENTIONS_HEADER, options).unwrap();
            for (d, (id, mentions)) in docs.iter().enumerate() {
                for (i, &(code, local, text)) in mentions.iter().enumerate() {
                    let g = maps.get(d, local as usize).unwrap();
                    if g == DROPPED || (code == NATIONALITY && !named[g]) {
                        continue;
                    }
                    let ty = match code {
                        NATIONALITY => NATIONALITY_TYPE,
                        c => type_from(c).as_str(),
                    };
                    let span = (10 * i, 10 * i + text.len());
                    let (g, s) = (&ids.ids[g], i + 1);
                    want.mention(id, span.0, span.1, text, g, ty, s).unwrap();
                }
            }
            let want = want.finish().unwrap();
            for room in [0, 1, 40, 100, 300, 1 << 20] {
                for early in [false, true] {
                    let (hand_over, wait) = sync_channel(1);
                    let out = TableWriter::new(Vec::new(), &MENTIONS_HEADER, options).unwrap();
                    let mut replay = MentionReplay::new(out, wait);
                    replay.room = room;
                    let merged = Merged {
                        maps: &maps,
                        ids: &ids,
                        named: named.clone(),
                    };
                    let got = std::thread::scope(|scope| {
                        if !early {
                            hand_over.send(merged).unwrap();
                        } else {
                            scope.spawn(move || {
                                std::thread::sleep(std::time::Duration::from_millis(20));
                                hand_over.send(merged).unwrap();
                            });
                        }
                        let spill = Spill::Memory(spill.clone());
                        replay.run(spill).unwrap()
                    });
                    let (got, want) = (String::from_utf8(got), String::from_utf8(want.clone()));
                    assert_eq!(got, want, "room {room}, early {early}, ids {names:?}");
                }
            }
        }
    }

    #[test]
    fn a_mention_replay_without_a_merge_fails() {
        let (hand_over, wait) = sync_channel::<Merged>(1);
        drop(hand_over);
        let out = TableWriter::new(Vec::new(), &MENTIONS_HEADER, ExportOptions::default());
        let replay = MentionReplay::new(out.unwrap(), wait);
        let spill = Spill::Memory(mention_spill(&[("d1", &[(0, 0, "Kerry")])]));
        assert!(replay.run(spill).is_err());
    }

    #[test]
    fn the_graph_has_its_nodes_by_id_and_its_edges_by_ends_and_kind() {
        let entity = |label: &str, mentions: u64| GlobalEntity {
            label: label.to_string(),
            entity_type: EntityType::Person,
            forms: [(label.to_string(), 1), (format!("{label}!"), 2)].into(),
            mentions,
            documents: mentions,
        };
        // "d" is named by nationality words only and no edge needs it: no node.
        let entities = vec![
            entity("c", 2),
            entity("a", 0),
            entity("b", 1),
            entity("d", 0),
        ];
        let ids = Ids::new(["c", "a", "b", "d"].map(Arc::from).to_vec());
        let mut timelines = vec![Timeline::default(); 4];
        timelines[2].add(Day(5), 3);
        let roles: Vec<Arc<str>> = vec![Arc::from("chief"), Arc::from("aide")];
        let mut edges = Edges::default();
        for (s, t, kind) in [
            (0, 2, RelationKind::Supports),
            (2, 1, RelationKind::CoMention),
            (0, 2, RelationKind::CoMention),
            (2, 0, RelationKind::Supports),
        ] {
            let e = edges.entry(s, t, kind);
            edges.accs[e as usize].weight += 1 + e;
        }
        edges.accs[1].example = Some(Box::from("B met A."));
        // Edge 0: "aide" and "chief" tie, the first alphabetically wins; edge 3: "chief".
        for (key, n) in [((0, 0), 2), ((0, 1), 2), ((3, 0), 1)] {
            edges.roles.insert(key, n);
        }
        let mut rows = vec![(3, 7, 1), (1, 9, 0), (0, 8, 2), (1, 9, 1)];
        let graph = assemble(entities, &ids, timelines, edges, &roles, &mut rows);
        let nodes: Vec<(&str, u64, usize)> = (graph.nodes())
            .map(|n| (&n.id[..], n.mentions, n.aliases.len()))
            .collect();
        assert_eq!(nodes, [("a", 0, 2), ("b", 1, 2), ("c", 2, 2)]);
        assert_eq!(graph.nodes().nth(1).unwrap().timeline.0, [(Day(5), 3)]);
        let edges: Vec<_> = (graph.edges())
            .map(|(s, t, e)| (&s.id[..], &t.id[..], e.kind, e.weight, &e.role[..]))
            .collect();
        let want = [
            ("b", "a", RelationKind::CoMention, 2, ""),
            ("b", "c", RelationKind::Supports, 4, "chief"),
            ("c", "b", RelationKind::CoMention, 3, ""),
            ("c", "b", RelationKind::Supports, 1, "aide"),
        ];
        assert_eq!(edges, want);
        assert_eq!(graph.edges().next().unwrap().2.example(), "B met A.");
        // Rows follow their edges' stored places, each edge's in the order they came.
        assert_eq!(rows, [(0, 9, 0), (0, 9, 1), (1, 7, 1), (3, 8, 2)]);
    }

    #[test]
    fn rows_sort_by_edge_keeping_each_edges_order() {
        let mut rows = [(2, 0, 1), (0, 5, 2), (2, 1, 0), (1, 3, 3), (0, 4, 1)];
        sort_by_edge(&mut rows, 4);
        let want = [(0, 5, 2), (0, 4, 1), (1, 3, 3), (2, 0, 1), (2, 1, 0)];
        assert_eq!(rows, want);
    }
}
