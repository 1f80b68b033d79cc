//! The data every pipeline stage hands to the next: documents, spans, mentions,
//! entities, relations and the final graph that the exporters write.

use std::fmt;

/// A byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One input document: its id (unique in a run), where it came from, its text and,
/// when known, its publication day.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub id: String,
    /// The path (or `-`, or `file.jsonl:LINE`) to name in messages.
    pub source: String,
    pub text: String,
    /// The day the document was published (JSONL `"date"`, or `--dates`).
    pub date: Option<Day>,
}

/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01 so that
/// days compare and subtract as numbers; shown and parsed as ISO 8601 `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// Parses an ISO 8601 day or timestamp: `2016-09-09`, `2016-09-09T14:03:00Z`,
    /// `2016-09-09 14:03:00+02:00` (the day as written; the time is ignored).
    pub fn parse(text: &str) -> Option<Day> {
        let t = text.trim();
        let (day, rest) = (t.get(..10)?, &t[10..]);
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return None;
        }
        let b = day.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i32> {
            let s = day.get(r)?;
            if !s.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
            return None;
        }
        Some(Day(days_from_civil(y, m, d)))
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, i32, i32) {
        civil_from_days(self.0)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: i32) -> i32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date, counting in 400-year eras of 146,097 days
/// with years starting in March, so that the leap day ends the year.
fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i32) -> (i32, i32, i32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// Counts per day, sorted by day: when an entity was mentioned or an edge supported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline(pub Vec<(Day, u32)>);

impl Timeline {
    pub fn add(&mut self, day: Day, count: u32) {
        match self.0.binary_search_by(|(d, _)| d.cmp(&day)) {
            Ok(i) => self.0[i].1 += count,
            Err(i) => self.0.insert(i, (day, count)),
        }
    }
    pub fn first(&self) -> Option<Day> {
        self.0.first().map(|x| x.0)
    }
    pub fn last(&self) -> Option<Day> {
        self.0.last().map(|x| x.0)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What kind of thing an entity is. `Other` covers events, works and nationalities.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Person,
    Organization,
    Location,
    #[default]
    Other,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" => Some(EntityType::Person),
            "organization" | "organisation" | "org" => Some(EntityType::Organization),
            "location" | "loc" | "place" => Some(EntityType::Location),
            "other" | "misc" => Some(EntityType::Other),
            _ => None,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The relation an edge stands for (the `Kind` column).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelationKind {
    #[default]
    CoMention,
    Meets,
    Supports,
    Opposes,
    AffiliatedWith,
    LinkedTo,
    LocatedIn,
}

impl RelationKind {
    pub const ALL: [RelationKind; 7] = [
        RelationKind::CoMention,
        RelationKind::Meets,
        RelationKind::Supports,
        RelationKind::Opposes,
        RelationKind::AffiliatedWith,
        RelationKind::LinkedTo,
        RelationKind::LocatedIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::CoMention => "co-mention",
            RelationKind::Meets => "meets",
            RelationKind::Supports => "supports",
            RelationKind::Opposes => "opposes",
            RelationKind::AffiliatedWith => "affiliated_with",
            RelationKind::LinkedTo => "linked_to",
            RelationKind::LocatedIn => "located_in",
        }
    }

    /// Directed kinds keep their Source -> Target order; undirected ones are stored
    /// with Source < Target.
    pub fn is_directed(self) -> bool {
        matches!(
            self,
            RelationKind::Supports
                | RelationKind::Opposes
                | RelationKind::AffiliatedWith
                | RelationKind::LocatedIn
        )
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A node of the exported graph: one real-world entity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Node {
    /// Stable readable ASCII id (`john-kerry`).
    pub id: String,
    /// The fullest proper form (`John Kerry`).
    pub label: String,
    pub entity_type: EntityType,
    pub mentions: u64,
    pub documents: u64,
    /// Every distinct surface form, sorted.
    pub aliases: Vec<String>,
    /// Mentions per day of the dated documents (empty when none is dated):
    /// first and last seen are its ends.
    pub timeline: Timeline,
}

/// An edge of the exported graph, aggregated over all supporting sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edge {
    pub kind: RelationKind,
    /// Number of supporting sentences.
    pub weight: u64,
    /// Number of distinct supporting documents.
    pub documents: u64,
    /// The title for `affiliated_with` (`Secretary of State`), else empty.
    pub role: String,
    /// The first supporting sentence, kept for typed edges (for people reading
    /// `edges.csv`); every supporting sentence is in `evidence.csv`.
    pub example: Option<String>,
    /// Supporting sentences per day of the dated documents (empty when none is dated).
    pub timeline: Timeline,
}

impl Edge {
    /// The sentence shown in `edges.csv` (empty for co-mentions).
    pub fn example(&self) -> &str {
        self.example.as_deref().unwrap_or("")
    }
}

/// The finished graph: nodes sorted by id, edges sorted by (source, target, kind).
/// Exporters write it as it is. Mentions, evidence rows and sentences are not held
/// here: the corpus pass streams them into their tables.
#[derive(Clone, Debug, Default)]
pub struct EntityGraph {
    pub graph: petgraph::Graph<Node, Edge, petgraph::Directed>,
}

impl EntityGraph {
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// Edges with their endpoint nodes, in storage order (already sorted).
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> {
        use petgraph::visit::EdgeRef;
        self.graph
            .edge_references()
            .map(move |e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    /// Whether typed (directed) and undirected edges are both present.
    pub fn is_mixed(&self) -> bool {
        let mut directed = false;
        let mut undirected = false;
        for e in self.graph.edge_weights() {
            if e.kind.is_directed() {
                directed = true
            } else {
                undirected = true
            }
        }
        directed && undirected
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_iso_days_and_timestamps() {
        assert_eq!(Day::parse("1970-01-01"), Some(Day(0)));
        assert_eq!(Day::parse("2016-09-09").unwrap().to_string(), "2016-09-09");
        assert_eq!(
            Day::parse("2016-02-29T14:03:00Z").unwrap().to_string(),
            "2016-02-29"
        );
        assert_eq!(
            Day::parse(" 2000-03-01 08:00:00+02:00")
                .unwrap()
                .to_string(),
            "2000-03-01"
        );
        for bad in [
            "2015-02-29",
            "2016-13-01",
            "2016-1-01",
            "09/09/2016",
            "",
            "2016-09-09x",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_round_trip_over_centuries() {
        for z in (-719_000..2_900_000).step_by(997) {
            let d = Day(z);
            assert_eq!(Day::parse(&d.to_string()), Some(d));
        }
    }
}
