// Shared plumbing of `simulate` and `graph`.
#include "graph_common.hpp"

#include "error_output.hpp"
#include "run_analysis.hpp"

namespace faultline::cli {

void add_graph_input_options(CLI::App& app, GraphInputOptions& o, const std::vector<std::string>& formats) {
  o.format = formats.front();
  std::string names;
  for (const auto& f : formats) names += (names.empty() ? "" : ", ") + f;
  app.add_option("paths", o.paths, "Files or directories to analyze (recursively); '-' or none reads standard input")
      ->type_name("PATH...|-");
  app.add_option("--format", o.format, "Output format: " + names + " (default: " + formats.front() + ")")
      ->check(CLI::IsMember(formats))
      ->type_name("FORMAT")
      ->group("Output");
  app.add_option("--output,-o", o.output, "Write to FILE instead of standard output")->type_name("FILE")->group("Output");
  add_settings_flags(app, o.settings, FlagSet::analysis);
}

std::shared_ptr<const Analysis> analyze_for_graph(const GraphInputOptions& o, Environment& env) {
  if (o.paths.empty() && env.stdin_is_terminal) {
    env.err << "faultline: error: no input: name files or directories, or pipe manifests in\n";
    return nullptr;
  }
  const auto settings = resolve_settings(o.settings, env);
  if (!settings) return nullptr;
  auto analysis = run_analysis(analysis_options(*settings, o.settings, o.paths), env);
  print_errors(analysis->diagnostics, env);
  if (analysis->policy_error || !analysis->graph) return nullptr;
  return analysis;
}

}  // namespace faultline::cli
