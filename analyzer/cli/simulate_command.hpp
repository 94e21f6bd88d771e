#pragma once
// `faultline simulate --fail KEY=VALUE|any-KEY [PATH...]`: what a failure takes down, with the cascade.
#include <string>
#include <vector>

#include "graph_common.hpp"

namespace faultline::cli {

/// Every option of `simulate`, as parsed.
struct SimulateOptions {
  GraphInputOptions input;
  std::vector<std::string> failures;  ///< "zone=eu-1a", "node=sys-1", "any-zone"
};

void setup_simulate(CLI::App& app, SimulateOptions& options);

/// Exit 0 when nothing goes down, 1 when some workload goes down, 2 on usage or input errors.
ExitCode run_simulate(const SimulateOptions& options, Environment& env);

}  // namespace faultline::cli
