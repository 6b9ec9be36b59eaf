//! The single integration-test binary; each module is one area of tests.

mod perf;
