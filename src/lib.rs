//! ergraph: entity graphs from news articles.
pub mod export;
pub mod model;
pub mod pipeline;
pub mod relations;

pub use model::*;
pub use pipeline::build_graph;
