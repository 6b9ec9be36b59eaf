//! One integration-test binary for the CLI and library-level properties; each module is one area.

mod props;
mod robust;
