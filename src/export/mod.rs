//! Exporters: `Display` wrappers that render a graph as JSON (GRAPH_JSON.md) or Graphviz DOT; they do no I/O.
