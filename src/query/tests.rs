//! Unit tests of the queries on small hand-built graphs.
