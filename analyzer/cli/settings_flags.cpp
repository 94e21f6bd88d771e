#include "settings_flags.hpp"

#include "error_output.hpp"

namespace faultline::cli {
namespace {

/// Accepts RULE=info|warning|error.
CLI::Validator rule_severity_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const auto eq = value.find('=');
        if (eq == std::string::npos || eq == 0 || !parse_severity(value.substr(eq + 1))) {
          return "expected RULE=info|warning|error, got '" + value + "'";
        }
        return {};
      },
      "");
}

void add_cluster_flags(CLI::App& app, SettingsFlags& f) {
  const char* group = "Cluster";
  app.add_option("--nodes", f.nodes, "Node inventory: kubectl get nodes -o yaml|json output (repeatable)")
      ->type_name("FILE|DIR")
      ->allow_extra_args(false)
      ->group(group);
  app.add_option("--topology-key", f.topology_keys, "Also report failure domains of this node label, e.g. a rack (repeatable)")
      ->type_name("KEY")
      ->allow_extra_args(false)
      ->group(group);
  app.add_option("--namespace,-n", f.default_namespace, "Namespace of objects that name none (default: default)")
      ->type_name("NS")
      ->group(group);
  app.add_option("--max-expanded", f.max_expanded,
                 "Most pods one custom resource may imply, e.g. Prometheus shards × replicas (default: " +
                     std::to_string(f.max_expanded) + ")")
      ->check(CLI::PositiveNumber)
      ->type_name("N")
      ->group(group);
}

void add_rule_flags(CLI::App& app, SettingsFlags& f) {
  const char* group = "Rules";
  app.add_option("--pack", f.packs, "Packs to run (default: core, plus runai when Run:ai objects are present)")
      ->delimiter(',')
      ->type_name("PACK,...")
      ->allow_extra_args(false)
      ->group(group);
  app.add_option("--enable", f.enable, "Run this rule even if its pack is not selected")
      ->delimiter(',')
      ->type_name("RULE")
      ->allow_extra_args(false)
      ->group(group);
  app.add_option("--disable", f.disable, "Do not run this rule")
      ->delimiter(',')
      ->type_name("RULE")
      ->allow_extra_args(false)
      ->group(group);
  app.add_option("--severity", f.severities, "Override a rule's severity")
      ->check(rule_severity_validator())
      ->type_name("RULE=LEVEL")
      ->allow_extra_args(false)
      ->group(group);
}

void add_input_flags(CLI::App& app, SettingsFlags& f) {
  const char* group = "Input";
  app.add_option("--exclude", f.exclude,
                 "Skip files matching GLOB inside directories, besides the built-in skips (Chart.yaml, values*.yaml, ...)")
      ->type_name("GLOB")
      ->allow_extra_args(false)
      ->group(group);
  auto& l = f.limits;
  app.add_option("--max-file-bytes", l.max_file_bytes, "Skip a file (or stop reading stdin) beyond N bytes (default: 4 GiB)")
      ->check(CLI::PositiveNumber)->type_name("N")->group(group);
  app.add_option("--max-total-bytes", l.max_total_bytes, "Stop reading inputs beyond N bytes in total (default: 16 GiB)")
      ->check(CLI::PositiveNumber)->type_name("N")->group(group);
  app.add_option("--max-document-bytes", l.max_document_bytes, "Skip a YAML document larger than N bytes (default: 64 MiB)")
      ->check(CLI::PositiveNumber)->type_name("N")->group(group);
  app.add_option("--max-depth", l.max_depth, "Skip a document nested deeper than N (default: " + std::to_string(l.max_depth) + ")")
      ->check(CLI::Range(1, 100000))->type_name("N")->group(group);
  app.add_option("--max-aliases", l.max_aliases,
                 "Skip a document whose aliases expand to more than N nodes (default: " + std::to_string(l.max_aliases) + ")")
      ->type_name("N")->group(group);
  app.add_option("--jobs,-j", l.jobs, "Parser threads (default: one per core); the output is the same for any value")
      ->type_name("N")->group(group);
}

}  // namespace

void add_settings_flags(CLI::App& app, SettingsFlags& f, FlagSet set) {
  if (set == FlagSet::analysis) add_cluster_flags(app, f);
  app.add_option("--config", f.config, "Settings file (default: nearest .faultline.yaml up to the repository root)")
      ->type_name("FILE")
      ->group("Rules");
  app.add_option("--policy", f.policies, "Add the rule packs in FILE or DIR (repeatable)")
      ->type_name("FILE|DIR")
      ->allow_extra_args(false)
      ->group("Rules");
  if (set == FlagSet::catalogue) return;
  add_rule_flags(app, f);
  add_input_flags(app, f);
}

void add_gate_flags(CLI::App& app, SettingsFlags& f) {
  app.add_option("--fail-on", f.fail_on, "Exit 1 when a finding is at or above LEVEL: error (default), warning, info, never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->type_name("LEVEL")
      ->group("Output");
  app.add_option("--baseline", f.baseline, "Report only findings not recorded in FILE")->type_name("FILE")->group("Rules");
}

std::optional<Settings> resolve_settings(const SettingsFlags& f, Environment& env) {
  Settings flags;
  flags.selection.packs = f.packs;
  flags.selection.enable = f.enable;
  flags.selection.disable = f.disable;
  for (const auto& item : f.severities) {  // validated by rule_severity_validator
    const auto eq = item.find('=');
    flags.selection.severity[item.substr(0, eq)] = *parse_severity(item.substr(eq + 1));
  }
  flags.policy_paths = f.policies;
  flags.fail_on = f.fail_on;
  flags.baseline = f.baseline;
  flags.topology_keys = f.topology_keys;
  flags.node_paths = f.nodes;
  flags.exclude = f.exclude;
  if (!f.default_namespace.empty()) flags.default_namespace = f.default_namespace;
  Diagnostics errors;
  auto settings = faultline::resolve_settings(flags, f.config, errors);
  if (errors.empty()) return settings;
  print_errors(errors, env);
  return std::nullopt;
}

AnalysisOptions analysis_options(const Settings& settings, const SettingsFlags& flags,
                                 const std::vector<std::string>& paths) {
  AnalysisOptions out;
  apply_settings(settings, out);
  out.limits = flags.limits;
  out.expand_limits.max_pods = flags.max_expanded;
  out.paths = paths;  // "-" stays: the loader reads standard input there
  return out;
}

}  // namespace faultline::cli
