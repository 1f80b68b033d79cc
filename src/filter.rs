//! Cutting a written graph down: `ergraph filter DIR -o OUT` (and the same options on
//! `ergraph build`) read `nodes.csv` and `edges.csv` back, keep part of the graph, and
//! write every output again, consistently: no edge to a missing node, and
//! `mentions.csv`, `evidence.csv` and `sentences.csv` only for what was kept. Those big
//! tables are streamed row by row, never loaded whole, so filtering the output of a
//! large archive takes seconds and never reads the corpus again.
//!
//! The steps, in order: the date range (what was seen in it, with timelines cut to it),
//! edge kinds, minimum weight and documents, entity types, the ego
//! network, the top N nodes, then edges whose ends were dropped, then isolated nodes.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::export::atomic::OutputDir;
use crate::export::{self, ExportError};
use crate::model::{Day, Edge, EntityGraph, EntityType, Node, RelationKind, Timeline};

/// How `--top` ranks nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rank {
    /// Number of mentions.
    #[default]
    Mentions,
    /// Number of edges kept by the other options.
    Degree,
}

/// What to keep. The default keeps everything.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Keep the N best nodes by [`Filter::by`].
    pub top: Option<usize>,
    pub by: Rank,
    /// Keep edges with at least this many supporting sentences.
    pub min_weight: u64,
    /// Keep edges supported by at least this many documents.
    pub min_documents: u64,
    /// Keep only edges of these kinds.
    pub kinds: Option<Vec<RelationKind>>,
    /// Keep only nodes of these types.
    pub types: Option<Vec<EntityType>>,
    /// Keep the nodes within [`Filter::radius`] edges of the entity of this label or alias.
    pub ego: Option<String>,
    pub radius: usize,
    /// Keep what was seen on these days (inclusive); undated nodes and edges are dropped.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Drop nodes left without edges.
    pub drop_isolated: bool,
}

impl Filter {
    /// Whether this filter keeps everything.
    pub fn keeps_all(&self) -> bool {
        self.top.is_none()
            && self.min_weight == 0
            && self.min_documents == 0
            && self.kinds.is_none()
            && self.types.is_none()
            && self.ego.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && !self.drop_isolated
    }
}

/// Parses `meets,supports` (the `Kind` names of `edges.csv`).
pub fn parse_kinds(list: &str) -> Result<Vec<RelationKind>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            RelationKind::ALL
                .into_iter()
                .find(|k| k.as_str().eq_ignore_ascii_case(s))
                .ok_or_else(|| {
                    let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                    format!("unknown kind {s:?}; use some of {}", names.join(","))
                })
        })
        .collect()
}

/// Parses `person,organization` (the `entity_type` names of `nodes.csv`).
pub fn parse_types(list: &str) -> Result<Vec<EntityType>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            EntityType::parse(s).ok_or_else(|| {
                format!("unknown entity type {s:?}; use some of person,organization,location,other")
            })
        })
        .collect()
}

/// What can go wrong while filtering.
#[derive(Debug, thiserror::Error)]
pub enum FilterError {
    /// A table could not be read, or holds something unexpected.
    #[error("{}: {message}", path.display())]
    Table { path: PathBuf, message: String },
    /// `--ego` names no entity of the graph.
    #[error("no entity is called {name:?} (neither label nor alias){hint}")]
    EgoNotFound { name: String, hint: String },
    #[error(transparent)]
    Export(#[from] ExportError),
}

fn table(path: &Path, message: impl Into<String>) -> FilterError {
    FilterError::Table {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// What [`filter_dir`] kept.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub nodes: usize,
    pub total_nodes: usize,
    pub edges: usize,
    pub total_edges: usize,
    pub mentions: u64,
    pub evidence: u64,
    pub sentences: u64,
    /// Which graph files hold only part of the kept graph.
    pub cuts: export::Cuts,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "kept {} of {} entities and {} of {} edges ({} mentions, {} evidence rows, {} sentences)",
            self.nodes,
            self.total_nodes,
            self.edges,
            self.total_edges,
            self.mentions,
            self.evidence,
            self.sentences
        )
    }
}

// ---------------------------------------------------------------- reading

/// `2016-09-09:3|2016-09-10:1` -> a timeline; `None` if malformed.
pub fn parse_timeline(text: &str) -> Option<Timeline> {
    let mut timeline = Timeline::default();
    for part in text.split('|').filter(|p| !p.is_empty()) {
        let (day, count) = part.rsplit_once(':')?;
        timeline.add(Day::parse(day)?, count.parse().ok()?);
    }
    Some(timeline)
}

/// A streaming reader of one table, with its columns looked up by name.
struct Table {
    path: PathBuf,
    reader: ::csv::Reader<BufReader<File>>,
    header: ::csv::ByteRecord,
}

impl Table {
    fn open(path: &Path) -> Result<Table, FilterError> {
        let file = File::open(path).map_err(|err| table(path, format!("cannot read: {err}")))?;
        let mut reader = ::csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(BufReader::with_capacity(1 << 16, file));
        let header = reader
            .byte_headers()
            .map_err(|err| table(path, format!("bad header: {err}")))?
            .clone();
        Ok(Table {
            path: path.to_path_buf(),
            reader,
            header,
        })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name.as_bytes())
    }

    fn need(&self, name: &str) -> Result<usize, FilterError> {
        self.column(name).ok_or_else(|| {
            table(
                &self.path,
                format!("no {name:?} column; is this an ergraph output folder?"),
            )
        })
    }

    /// Reads the next row into `record`; `false` at the end.
    fn next(&mut self, record: &mut ::csv::ByteRecord) -> Result<bool, FilterError> {
        self.reader
            .read_byte_record(record)
            .map_err(|err| table(&self.path, err.to_string()))
    }
}

fn text(record: &::csv::ByteRecord, column: usize) -> &str {
    record
        .get(column)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// An edge read back from `edges.csv`: the one place that knows how [`Edge`] holds
/// its example sentence.
fn make_edge(
    kind: RelationKind,
    weight: u64,
    documents: u64,
    role: String,
    example: String,
    timeline: Timeline,
) -> Edge {
    Edge {
        kind,
        weight,
        documents,
        role,
        example: (!example.is_empty()).then_some(example),
        timeline,
    }
}

/// A text cell as it was before [`export::csv::spreadsheet_safe`] put a `'` before a
/// leading `=`, `+`, `-` or `@`, so labels and roles read back as the pipeline made
/// them. The one text it cannot tell apart is one that itself began with `'` and a
/// formula character (`'=x` comes back as `=x`).
pub fn unquote_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if export::csv::spreadsheet_safe(rest) == cell => rest,
        _ => cell,
    }
}

/// Reads `nodes.csv` and `edges.csv` of an output folder back into a graph (without
/// mentions: those stay in `mentions.csv`). `spreadsheet_safe`: the folder's text cells
/// were written with a `'` before formulas (the default of `ergraph build`), to undo.
pub fn read_graph(dir: &Path, spreadsheet_safe: bool) -> Result<EntityGraph, FilterError> {
    let mut graph = EntityGraph::default();
    let index = read_nodes(dir, spreadsheet_safe, &mut graph)?;
    read_edges(dir, spreadsheet_safe, &index, &mut graph)?;
    Ok(graph)
}

/// One row of a table being read back, for its cells and its one-line errors.
struct Row<'a> {
    path: &'a Path,
    record: &'a ::csv::ByteRecord,
    spreadsheet_safe: bool,
}

impl Row<'_> {
    fn text(&self, c: usize) -> &str {
        text(self.record, c)
    }

    /// A text cell, with the spreadsheet guard undone when the folder has it.
    fn cell(&self, c: usize) -> String {
        let s = self.text(c);
        if self.spreadsheet_safe {
            unquote_formula(s).to_string()
        } else {
            s.to_string()
        }
    }

    fn bad(&self, what: &str, value: &str) -> FilterError {
        let line = self.record.position().map_or(0, |p| p.line());
        table(self.path, format!("line {line}: bad {what} {value:?}"))
    }

    fn number(&self, c: usize, what: &str) -> Result<u64, FilterError> {
        self.text(c)
            .parse::<u64>()
            .map_err(|_| self.bad(what, self.text(c)))
    }

    fn timeline(&self, column: Option<usize>) -> Result<Timeline, FilterError> {
        match column {
            Some(c) => {
                parse_timeline(self.text(c)).ok_or_else(|| self.bad("timeline", self.text(c)))
            }
            None => Ok(Timeline::default()),
        }
    }
}

/// Reads `nodes.csv` into `graph`; returns the graph index of each node id.
fn read_nodes(
    dir: &Path,
    spreadsheet_safe: bool,
    graph: &mut EntityGraph,
) -> Result<HashMap<String, petgraph::graph::NodeIndex>, FilterError> {
    let path = dir.join(export::NODES_CSV);
    let mut nodes = Table::open(&path)?;
    let [id, label, ty, mentions, documents, aliases] = [
        "Id",
        "Label",
        "entity_type",
        "mentions",
        "documents",
        "aliases",
    ]
    .map(|c| nodes.need(c));
    let (id, label, ty, mentions, documents, aliases) =
        (id?, label?, ty?, mentions?, documents?, aliases?);
    let timeline = nodes.column("timeline");
    let mut index = HashMap::new();
    let mut record = ::csv::ByteRecord::new();
    while nodes.next(&mut record)? {
        let row = Row {
            path: &path,
            record: &record,
            spreadsheet_safe,
        };
        let node = Node {
            id: row.text(id).to_string(),
            label: row.cell(label),
            entity_type: EntityType::parse(row.text(ty))
                .ok_or_else(|| row.bad("entity_type", row.text(ty)))?,
            mentions: row.number(mentions, "mentions")?,
            documents: row.number(documents, "documents")?,
            aliases: row
                .cell(aliases)
                .split(export::csv::ALIAS_SEPARATOR)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            timeline: row.timeline(timeline)?,
        };
        if index.contains_key(&node.id) {
            return Err(row.bad("Id (given twice)", &node.id));
        }
        let id = node.id.clone();
        index.insert(id, graph.graph.add_node(node));
    }
    Ok(index)
}

/// Reads `edges.csv` into `graph`, whose nodes are all read.
fn read_edges(
    dir: &Path,
    spreadsheet_safe: bool,
    index: &HashMap<String, petgraph::graph::NodeIndex>,
    graph: &mut EntityGraph,
) -> Result<(), FilterError> {
    let path = dir.join(export::EDGES_CSV);
    let mut edges = Table::open(&path)?;
    let [source, target, kind, weight, documents, role, evidence] = [
        "Source",
        "Target",
        "Kind",
        "Weight",
        "documents",
        "role",
        "evidence",
    ]
    .map(|c| edges.need(c));
    let (source, target, kind, weight, documents, role, evidence) = (
        source?, target?, kind?, weight?, documents?, role?, evidence?,
    );
    let timeline = edges.column("timeline");
    let mut record = ::csv::ByteRecord::new();
    while edges.next(&mut record)? {
        let row = Row {
            path: &path,
            record: &record,
            spreadsheet_safe,
        };
        let end = |c: usize| {
            index
                .get(row.text(c))
                .copied()
                .ok_or_else(|| row.bad("node (not in nodes.csv)", row.text(c)))
        };
        let (s, t) = (end(source)?, end(target)?);
        let kind = RelationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == row.text(kind))
            .ok_or_else(|| row.bad("Kind", row.text(kind)))?;
        let edge = make_edge(
            kind,
            row.number(weight, "Weight")?,
            row.number(documents, "documents")?,
            row.cell(role),
            row.cell(evidence),
            row.timeline(timeline)?,
        );
        graph.graph.add_edge(s, t, edge);
    }
    Ok(())
}

// ---------------------------------------------------------------- filtering

/// The days of `timeline` within `[from, to]`.
fn restrict(timeline: &Timeline, from: Option<Day>, to: Option<Day>) -> Timeline {
    Timeline(
        timeline
            .0
            .iter()
            .filter(|(d, _)| from.map_or(true, |f| *d >= f) && to.map_or(true, |t| *d <= t))
            .copied()
            .collect(),
    )
}

/// Finds the entity `name` names: a label first, then an alias (ignoring case); among
/// several, the most mentioned.
fn find_ego(nodes: &[Option<Node>], name: &str) -> Option<usize> {
    let wanted = name.trim().to_lowercase();
    let best = |matches: &dyn Fn(&Node) -> bool| {
        nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.as_ref().filter(|n| matches(n)).map(|n| (i, n)))
            .max_by(|(_, a), (_, b)| a.mentions.cmp(&b.mentions).then_with(|| b.id.cmp(&a.id)))
            .map(|(i, _)| i)
    };
    best(&|n| n.label.to_lowercase() == wanted || n.id == wanted)
        .or_else(|| best(&|n| n.aliases.iter().any(|a| a.to_lowercase() == wanted)))
}

/// Applies `filter` to `graph`; nodes and edges keep their order.
pub fn apply(graph: &EntityGraph, filter: &Filter) -> Result<EntityGraph, FilterError> {
    let mut cut = Cut::of(graph);
    // A date range keeps what was seen in it and cuts timelines (so first/last seen and
    // GEXF spells) to it. Counts stay whole, like the rows of mentions.csv and
    // evidence.csv, which carry no dates; the `timeline` column has the range's counts.
    if filter.from.is_some() || filter.to.is_some() {
        cut.restrict_dates(filter.from, filter.to);
    }
    cut.edges_by_kind_and_weight(filter);
    if let Some(types) = &filter.types {
        cut.nodes_of_types(types);
    }
    cut.prune();
    if let Some(name) = &filter.ego {
        let Some(center) = find_ego(&cut.nodes, name) else {
            return Err(ego_not_found(graph, name));
        };
        cut.within(center, filter.radius);
        cut.prune();
    }
    if let Some(top) = filter.top {
        cut.top(top, filter.by);
        cut.prune();
    }
    if filter.drop_isolated {
        cut.drop_isolated();
    }
    Ok(cut.into_graph())
}

/// The --ego error, saying whether the name exists and another option dropped it.
fn ego_not_found(graph: &EntityGraph, name: &str) -> FilterError {
    let wanted = name.trim();
    let exists = graph.graph.node_weights().any(|n| {
        n.label.eq_ignore_ascii_case(wanted)
            || n.aliases.iter().any(|a| a.eq_ignore_ascii_case(wanted))
    });
    let hint = if exists {
        "; it exists but the other options dropped it"
    } else {
        "; look it up in nodes.csv (Label or aliases)"
    };
    FilterError::EgoNotFound {
        name: name.to_string(),
        hint: hint.to_string(),
    }
}

/// A graph being cut: a dropped node or edge is `None`, so indexes stay put.
struct Cut {
    nodes: Vec<Option<Node>>,
    edges: Vec<Option<(usize, usize, Edge)>>,
}

impl Cut {
    fn of(graph: &EntityGraph) -> Cut {
        use petgraph::visit::EdgeRef;
        Cut {
            nodes: graph.graph.node_weights().cloned().map(Some).collect(),
            edges: graph
                .graph
                .edge_references()
                .map(|e| Some((e.source().index(), e.target().index(), e.weight().clone())))
                .collect(),
        }
    }

    fn restrict_dates(&mut self, from: Option<Day>, to: Option<Day>) {
        for slot in &mut self.nodes {
            if let Some(node) = slot {
                node.timeline = restrict(&node.timeline, from, to);
                if node.timeline.is_empty() {
                    *slot = None;
                }
            }
        }
        for slot in &mut self.edges {
            if let Some((_, _, edge)) = slot {
                edge.timeline = restrict(&edge.timeline, from, to);
                if edge.timeline.is_empty() {
                    *slot = None;
                }
            }
        }
    }

    fn edges_by_kind_and_weight(&mut self, filter: &Filter) {
        for slot in &mut self.edges {
            let drop = slot.as_ref().is_some_and(|(_, _, e)| {
                filter.kinds.as_ref().is_some_and(|k| !k.contains(&e.kind))
                    || e.weight < filter.min_weight
                    || e.documents < filter.min_documents
            });
            if drop {
                *slot = None;
            }
        }
    }

    fn nodes_of_types(&mut self, types: &[EntityType]) {
        for slot in &mut self.nodes {
            if slot
                .as_ref()
                .is_some_and(|n| !types.contains(&n.entity_type))
            {
                *slot = None;
            }
        }
    }

    /// Drops the edges of dropped nodes.
    fn prune(&mut self) {
        let nodes = &self.nodes;
        for slot in self.edges.iter_mut() {
            if slot
                .as_ref()
                .is_some_and(|(s, t, _)| nodes[*s].is_none() || nodes[*t].is_none())
            {
                *slot = None;
            }
        }
    }

    /// Keeps the nodes at most `radius` edges from `center` (breadth first).
    fn within(&mut self, center: usize, radius: usize) {
        let mut adjacent: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for (s, t, _) in self.edges.iter().flatten() {
            adjacent[*s].push(*t);
            adjacent[*t].push(*s);
        }
        let mut distance = vec![usize::MAX; self.nodes.len()];
        distance[center] = 0;
        let mut queue = VecDeque::from([center]);
        while let Some(n) = queue.pop_front() {
            if distance[n] >= radius {
                continue;
            }
            for &m in &adjacent[n] {
                if distance[m] == usize::MAX {
                    distance[m] = distance[n] + 1;
                    queue.push_back(m);
                }
            }
        }
        for (i, slot) in self.nodes.iter_mut().enumerate() {
            if distance[i] == usize::MAX {
                *slot = None;
            }
        }
    }

    /// The number of kept edges at each node.
    fn degrees(&self) -> Vec<u64> {
        let mut degree = vec![0u64; self.nodes.len()];
        for (s, t, _) in self.edges.iter().flatten() {
            degree[*s] += 1;
            degree[*t] += 1;
        }
        degree
    }

    /// Keeps the `top` nodes by mentions or degree (ties by id).
    fn top(&mut self, top: usize, by: Rank) {
        let degree = self.degrees();
        let nodes = &self.nodes;
        let mut alive: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].is_some()).collect();
        let score = |i: usize| match by {
            Rank::Mentions => nodes[i].as_ref().map_or(0, |n| n.mentions),
            Rank::Degree => degree[i],
        };
        let id = |i: usize| nodes[i].as_ref().map_or("", |n| n.id.as_str());
        alive.sort_by(|&a, &b| score(b).cmp(&score(a)).then_with(|| id(a).cmp(id(b))));
        for &i in alive.iter().skip(top) {
            self.nodes[i] = None;
        }
    }

    fn drop_isolated(&mut self) {
        let degree = self.degrees();
        for (slot, d) in self.nodes.iter_mut().zip(degree) {
            if d == 0 {
                *slot = None;
            }
        }
    }

    fn into_graph(self) -> EntityGraph {
        let mut out = EntityGraph::default();
        let mut index = vec![None; self.nodes.len()];
        for (i, node) in self.nodes.into_iter().enumerate() {
            if let Some(node) = node {
                index[i] = Some(out.graph.add_node(node));
            }
        }
        for (s, t, edge) in self.edges.into_iter().flatten() {
            if let (Some(s), Some(t)) = (index[s], index[t]) {
                out.graph.add_edge(s, t, edge);
            }
        }
        out
    }
}

// ---------------------------------------------------------------- writing

/// Reads the output folder `input`, keeps what `filter` keeps, and writes a complete
/// output folder at `output` (which may be `input` itself: it is replaced only once
/// every file is written).
/// `options` are those the input folder was written with, and the output is.
pub fn filter_dir(
    input: &Path,
    output: &Path,
    filter: &Filter,
    options: &export::ExportOptions,
) -> Result<Summary, FilterError> {
    let io_error =
        |err: io::Error| FilterError::Export(ExportError::io(output, "create folder", err));
    let out = OutputDir::begin(output).map_err(io_error)?;
    let summary = filter_into(input, out.path(), filter, *options)?;
    out.commit()
        .map_err(|err| FilterError::Export(ExportError::io(output, "replace", err)))?;
    Ok(summary)
}

/// Like [`filter_dir`], into an existing (staging) folder `stage`, without committing.
pub fn filter_into(
    input: &Path,
    stage: &Path,
    filter: &Filter,
    options: export::ExportOptions,
) -> Result<Summary, FilterError> {
    let full = read_graph(input, !options.csv_raw)?;
    let graph = apply(&full, filter)?;
    let stage = stage.to_path_buf();
    let mut summary = Summary {
        nodes: graph.graph.node_count(),
        total_nodes: full.graph.node_count(),
        edges: graph.graph.edge_count(),
        total_edges: full.graph.edge_count(),
        ..Summary::default()
    };

    let kept_nodes: HashSet<&str> = graph.nodes().map(|n| n.id.as_str()).collect();
    let kept_edges: HashSet<String> = graph
        .edges()
        .map(|(s, t, e)| format!("{}\t{}\t{}", s.id, t.id, e.kind.as_str()))
        .collect();

    // mentions.csv: rows of kept nodes.
    summary.mentions = copy_rows(
        &input.join(export::MENTIONS_CSV),
        &stage.join(export::MENTIONS_CSV),
        &["entity"],
        |key| kept_nodes.contains(key),
        |_| {},
    )?;
    // evidence.csv: rows of kept edges, noting the sentences they cite.
    let mut cited: HashSet<String> = HashSet::new();
    let has_sentences = input.join(export::SENTENCES_CSV).is_file();
    summary.evidence = copy_rows(
        &input.join(export::EVIDENCE_CSV),
        &stage.join(export::EVIDENCE_CSV),
        &["Source", "Target", "Kind"],
        |key| kept_edges.contains(key),
        |cite| {
            if has_sentences {
                cited.insert(cite.to_string());
            }
        },
    )?;
    if has_sentences {
        summary.sentences = copy_rows(
            &input.join(export::SENTENCES_CSV),
            &stage.join(export::SENTENCES_CSV),
            &["doc", "sentence"],
            |key| cited.contains(key),
            |_| {},
        )?;
    }

    summary.cuts = export::write_graph(&stage, &graph, options)?;
    Ok(summary)
}

/// Streams `from` to `to`, keeping the header and the rows whose `key` columns (joined
/// by tabs) pass `keep`; `seen` gets the `doc\tsentence` of each kept row when the
/// table has those columns. A missing `from` writes nothing. Returns the rows kept.
fn copy_rows(
    from: &Path,
    to: &Path,
    key: &[&str],
    keep: impl Fn(&str) -> bool,
    mut seen: impl FnMut(&str),
) -> Result<u64, FilterError> {
    if !from.is_file() {
        return Ok(0);
    }
    let mut table = Table::open(from)?;
    let columns = key
        .iter()
        .map(|c| table.need(c))
        .collect::<Result<Vec<_>, _>>()?;
    let cite = match (table.column("doc"), table.column("sentence")) {
        (Some(d), Some(s)) => Some((d, s)),
        _ => None,
    };
    let io_error = |err: io::Error| FilterError::Export(ExportError::io(to, "write", err));
    let file = File::create(to).map_err(io_error)?;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(BufWriter::with_capacity(1 << 16, file));
    let csv_error =
        |err: ::csv::Error| FilterError::Export(ExportError::io(to, "write", err.into()));
    writer.write_byte_record(&table.header).map_err(csv_error)?;
    let mut record = ::csv::ByteRecord::new();
    let mut joined = String::new();
    let mut kept = 0;
    while table.next(&mut record)? {
        joined.clear();
        for (i, &c) in columns.iter().enumerate() {
            if i > 0 {
                joined.push('\t');
            }
            joined.push_str(text(&record, c));
        }
        if !keep(&joined) {
            continue;
        }
        if let Some((d, s)) = cite {
            joined.clear();
            joined.push_str(text(&record, d));
            joined.push('\t');
            joined.push_str(text(&record, s));
            seen(&joined);
        }
        writer.write_byte_record(&record).map_err(csv_error)?;
        kept += 1;
    }
    writer
        .into_inner()
        .map_err(|err| io_error(err.into_error()))?
        .flush()
        .map_err(io_error)?;
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_quotes_come_off() {
        for raw in [
            "=SUM(A1)", "-Kerry", "@x", "\t=1", "plain", "'quoted", "-12", "+3.5", "",
        ] {
            let safe = export::csv::spreadsheet_safe(raw);
            assert_eq!(unquote_formula(&safe), raw, "{raw:?}");
        }
        // The ambiguous case, said in the doc comment.
        assert_eq!(unquote_formula("'=x"), "=x");
    }

    #[test]
    fn timelines_parse_back() {
        let t = parse_timeline("2016-09-09:3|2016-09-10:1").unwrap();
        assert_eq!(t.0.len(), 2);
        assert_eq!(t.0.iter().map(|x| x.1).sum::<u32>(), 4);
        assert_eq!(parse_timeline("").unwrap(), Timeline::default());
        assert_eq!(parse_timeline("2016-09-09"), None);
        assert_eq!(parse_timeline("2016-13-09:1"), None);
    }

    #[test]
    fn kinds_and_types_parse_with_helpful_errors() {
        assert_eq!(
            parse_kinds("meets, opposes").unwrap(),
            [RelationKind::Meets, RelationKind::Opposes]
        );
        let err = parse_kinds("meets,likes").unwrap_err();
        assert!(
            err.contains("\"likes\"") && err.contains("co-mention"),
            "{err}"
        );
        assert_eq!(
            parse_types("person,org").unwrap(),
            [EntityType::Person, EntityType::Organization]
        );
        assert!(parse_types("people").is_err());
    }
}
