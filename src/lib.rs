//! ergraph: entity graphs from news articles.
pub mod model;
pub mod relations;

pub use model::*;
