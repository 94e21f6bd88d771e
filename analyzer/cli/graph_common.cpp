// Shared plumbing of `simulate` and `graph`.
#include "graph_common.hpp"

#include <fstream>
#include <sstream>

#include "faultline/report/report.hpp"

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

std::unique_ptr<Analysis> analyze_for_graph(const GraphInputOptions& o, Environment& env) {
  if (o.paths.empty() && env.stdin_is_terminal) {
    env.err << "faultline: error: no input: name files or directories, or pipe manifests in\n";
    return nullptr;
  }
  const auto settings = resolve_settings(o.settings, env);
  if (!settings) return nullptr;
  auto analysis = env.analyze(analysis_options(*settings, o.settings, o.paths));
  for (const auto& d : analysis->diagnostics) {
    if (d.severity != Severity::error) continue;
    env.err << report::format_diagnostic(d) << '\n';
  }
  if (analysis->policy_error || !analysis->graph) return nullptr;
  return analysis;
}

bool write_result(const std::string& output, Environment& env, const std::function<void(std::ostream&)>& body) {
  if (output.empty()) {
    body(env.out);
    env.out.flush();
    return true;
  }
  std::ostringstream buffer;
  body(buffer);
  std::ofstream file(output, std::ios::binary | std::ios::trunc);
  file << buffer.str();
  file.close();
  if (!file) env.err << "faultline: error: cannot write " << output << '\n';
  return static_cast<bool>(file);
}

}  // namespace faultline::cli
