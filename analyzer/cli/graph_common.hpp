#pragma once
// What `simulate` and `graph` share: the common analysis options, input problems on stderr,
// and writing the result to stdout or --output.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "command.hpp"

namespace faultline::cli {

/// The options of check that decide the graph: inputs, inventory, namespace, packs, output.
struct GraphInputOptions {
  std::vector<std::string> paths;
  std::vector<std::string> nodes;
  std::vector<std::string> topology_keys;
  std::string default_namespace;
  std::vector<std::string> policies;
  std::string format;
  std::string output;
  std::size_t max_expanded = expand::Limits{}.max_pods;
};

/// --max-expanded N: the pods one custom resource may imply (every subcommand that analyzes).
CLI::Option* add_max_expanded_option(CLI::App& app, std::size_t& max_pods);

/// Adds the options above to `app`; `formats` are the accepted --format values, the first the default.
void add_graph_input_options(CLI::App& app, GraphInputOptions& o, const std::vector<std::string>& formats);

/// Runs the pipeline. Prints error diagnostics to stderr; returns null when nothing can be shown
/// (a bad pack, or no input at all on a terminal).
std::unique_ptr<Analysis> analyze_for_graph(const GraphInputOptions& o, Environment& env);

/// Writes `body` to --output or stdout; false (with a message) when the file cannot be written.
bool write_result(const std::string& output, Environment& env, const std::function<void(std::ostream&)>& body);

}  // namespace faultline::cli
