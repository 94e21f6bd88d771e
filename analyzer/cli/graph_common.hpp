#pragma once
// What `simulate` and `graph` share: the common analysis options, input problems on stderr,
// and writing the result to stdout or --output.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "settings_flags.hpp"

namespace faultline::cli {

/// The options of `simulate` and `graph`: inputs, the settings shared with check, format and output.
struct GraphInputOptions {
  std::vector<std::string> paths;
  std::string format;
  std::string output;
  SettingsFlags settings;  ///< merged over .faultline.yaml (nodes:, policies:, ...)
};

/// Adds the options above to `app`; `formats` are the accepted --format values, the first the default.
void add_graph_input_options(CLI::App& app, GraphInputOptions& o, const std::vector<std::string>& formats);

/// Runs the pipeline. Prints error diagnostics to stderr; returns null when nothing can be shown
/// (a bad pack, or no input at all on a terminal).
std::shared_ptr<const Analysis> analyze_for_graph(const GraphInputOptions& o, Environment& env);


}  // namespace faultline::cli
