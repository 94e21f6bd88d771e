// Shared plumbing of `simulate` and `graph`.
#include "graph_common.hpp"

#include <fstream>
#include <sstream>

namespace faultline::cli {

CLI::Option* add_max_expanded_option(CLI::App& app, std::size_t& max_pods) {
  return app
      .add_option("--max-expanded", max_pods,
                  "Most pods one custom resource may imply, e.g. Prometheus shards × replicas (default: " +
                      std::to_string(max_pods) + ")")
      ->check(CLI::PositiveNumber)
      ->type_name("N");
}

void add_graph_input_options(CLI::App& app, GraphInputOptions& o, const std::vector<std::string>& formats) {
  o.format = formats.front();
  std::string names;
  for (const auto& f : formats) names += (names.empty() ? "" : "|") + f;
  app.add_option("paths", o.paths, "Files or directories to analyze (recursively); '-' or none reads standard input")
      ->type_name("PATH...|-");
  app.add_option("--format", o.format, "Output format (default: " + formats.front() + ")")
      ->check(CLI::IsMember(formats))
      ->type_name(names);
  app.add_option("--output,-o", o.output, "Write to FILE instead of standard output")->type_name("FILE");
  app.add_option("--nodes", o.nodes, "Node inventory: kubectl get nodes -o yaml|json output (repeatable)")
      ->type_name("FILE|DIR")
      ->allow_extra_args(false);
  app.add_option("--topology-key", o.topology_keys, "Also treat this node label as a failure domain (repeatable)")
      ->type_name("KEY")
      ->allow_extra_args(false);
  app.add_option("--namespace,-n", o.default_namespace, "Namespace of objects that name none (default: default)")
      ->type_name("NS");
  app.add_option("--policy", o.policies, "Add the packs in FILE or DIR (their dependency and quorum declarations)")
      ->type_name("FILE|DIR")
      ->allow_extra_args(false);
  add_max_expanded_option(app, o.max_expanded);
}

std::unique_ptr<Analysis> analyze_for_graph(const GraphInputOptions& o, Environment& env) {
  const bool stdin_only = o.paths.empty() || (o.paths.size() == 1 && o.paths.front() == "-");
  if (stdin_only && env.stdin_is_terminal) {
    env.err << "faultline: error: no input: name files or directories, or pipe manifests in\n";
    return nullptr;
  }
  AnalysisOptions options;
  for (const auto& path : o.paths) {
    if (path != "-") options.paths.push_back(path);
  }
  options.node_paths = o.nodes;
  options.extra_topology_keys = o.topology_keys;
  if (!o.default_namespace.empty()) options.default_namespace = o.default_namespace;
  options.policy_paths = o.policies;
  options.expand_limits.max_pods = o.max_expanded;
  auto analysis = env.analyze(options);
  for (const auto& d : analysis->diagnostics) {
    if (d.severity != Severity::error) continue;
    env.err << d.where.file << ':' << d.where.line << ": error: " << d.message << '\n';
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
