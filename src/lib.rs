//! ergraph: entity graphs from news articles.
//!
//! The pipeline, one module per stage in the order data flows:
//! [`input`] (reading documents) -> [`clean`] (web boilerplate) -> [`text`]
//! (sentences and tokens) -> [`recognize`] (mentions, typed from the [`lexicon`])
//! -> [`resolve`] (mentions into entities, in and across documents) ->
//! [`relations`] (typed relations in a sentence) -> [`analyze`] (one document's
//! self-contained record, with bounded co-mentions) -> [`corpus`] (the corpus-wide
//! merge, streaming the big tables) -> [`export`] (CSV, GraphML, DOT).
//! [`pipeline`] runs the stages at once on every core. Below the stages,
//! [`normalize`] folds names into the keys that the lexicon, recognition and
//! resolution compare.
//!
//! ```
//! use ergraph::{build_graph, Document};
//! let doc = Document {
//!     id: "a".into(),
//!     source: "a.txt".into(),
//!     text: "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin.".into(),
//!     date: Default::default(),
//! };
//! let graph = build_graph(vec![doc]);
//! assert!(graph.nodes().any(|n| n.label == "Angela Merkel"));
//! ```
pub mod alloc;
pub mod analyze;
pub mod clean;
pub mod corpus;
pub mod dates;
pub mod error;
pub mod export;
pub mod filter;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod recognize;
pub mod relations;
pub mod resolve;
pub mod text;
pub mod timing;

pub use error::{Error, Result};
pub use model::*;
pub use pipeline::build_graph;
