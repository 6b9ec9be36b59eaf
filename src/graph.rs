//! The pipeline graph: entities from all documents merged by alias, over petgraph, with newtype ids.
