#pragma once
// `faultline graph [PATH...] --format dot|json`: the system graph as a picture or as data.
#include "graph_common.hpp"

namespace faultline::cli {

/// Every option of `graph`, as parsed.
struct GraphOptions {
  GraphInputOptions input;
};

void setup_graph(CLI::App& app, GraphOptions& options);

/// Exit 0, or 2 on usage or input errors.
ExitCode run_graph(const GraphOptions& options, Environment& env);

}  // namespace faultline::cli
