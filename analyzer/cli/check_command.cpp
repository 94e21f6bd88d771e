#include "check_command.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "faultline/report/report.hpp"
#include "graph_common.hpp"
#include "faultline/rules/baseline.hpp"
#include "faultline/rules/settings.hpp"

namespace faultline::cli {
namespace {

constexpr const char* kCheckFooter = R"(Examples:
  faultline check deploy/                          every *.yaml, *.yml, *.json under deploy/
  helm template my-release ./chart | faultline check -
  faultline check --nodes nodes.yaml app.yaml      with an inventory: kubectl get nodes -o yaml > nodes.yaml
  faultline check --topology-key rack --nodes nodes.yaml app.yaml
  faultline check --format json --output report.json app.yaml
  faultline check --fail-on warning app.yaml       fail on warnings too (CI)
  faultline check --disable pdb-missing --severity no-node-spread=error app.yaml

Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 usage error or unreadable,
unparsable or empty input (everything readable is still reported).
Rules: `faultline rules` lists them; `faultline explain RULE` shows one with its fix.
)";

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& format : report::formats()) names.push_back(format.name);
  return names;
}

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

/// The flags as settings, so they merge with the config file's the same way everywhere.
rules::Settings flag_settings(const CheckOptions& options) {
  rules::Settings flags;
  flags.selection.packs = options.packs;
  flags.selection.enable = options.enable;
  flags.selection.disable = options.disable;
  for (const auto& item : options.severities) {  // validated by rule_severity_validator
    const auto eq = item.find('=');
    flags.selection.severity[item.substr(0, eq)] = *parse_severity(item.substr(eq + 1));
  }
  flags.policy_paths = options.policies;
  flags.fail_on = options.fail_on;
  flags.baseline = options.baseline;
  flags.topology_keys = options.topology_keys;
  flags.node_paths = options.nodes;
  if (!options.default_namespace.empty()) flags.default_namespace = options.default_namespace;
  return flags;
}

/// The flags merged over --config FILE or the nearest .faultline.yaml; errors name file:line.
rules::Settings effective_settings(const CheckOptions& options, Diagnostics& errors) {
  std::optional<std::filesystem::path> file;
  if (!options.config.empty()) {
    file = options.config;
  } else {
    std::error_code ec;
    const auto cwd = std::filesystem::current_path(ec);
    if (!ec) file = rules::find_config_file(cwd);
  }
  const auto flags = flag_settings(options);
  if (!file) return flags;
  return rules::merge_settings(rules::load_config_file(*file, errors), flags);
}

AnalysisOptions analysis_options(const CheckOptions& options, const rules::Settings& settings) {
  AnalysisOptions out;
  apply_settings(settings, out);
  out.limits = options.limits;
  out.expand_limits.max_pods = options.max_expanded;
  for (const auto& path : options.paths) {
    if (path != "-") out.paths.push_back(path);
  }
  return out;
}

void print_errors(const Diagnostics& errors, std::ostream& err) {
  for (const auto& d : errors) err << report::format_diagnostic(d) << '\n';
}

bool reads_stdin(const CheckOptions& options) {
  if (options.paths.empty()) return true;
  for (const auto& path : options.paths) {
    if (path == "-") return true;
  }
  return false;
}

}  // namespace

void setup_check(CLI::App& app, CheckOptions& o) {
  app.add_option("paths", o.paths, "Files or directories to analyze (recursively); '-' or none reads standard input")
      ->type_name("PATH...|-");
  const char* output = "Output";
  app.add_option("--format", o.format, "Report format (default: text)")
      ->check(CLI::IsMember(format_names()))
      ->type_name("FORMAT")
      ->group(output);
  app.add_option("--output,-o", o.output, "Write the report to FILE instead of standard output")
      ->type_name("FILE")
      ->group(output);
  app.add_option("--fail-on", o.fail_on, "Exit 1 when a finding is at or above this severity (default: error)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->type_name("LEVEL")
      ->group(output);
  app.add_flag("--quiet,-q", o.quiet, "Print only findings and input errors: no coverage, no summary")
      ->group(output);
  app.add_flag_function(
      "--coverage,!--no-coverage", [&o](std::int64_t count) { o.coverage = count > 0; },
      "Show the coverage table (default: on when a node inventory is given)")
      ->group(output);
  app.add_flag("--show-suppressed", o.show_suppressed, "Also list suppressed findings (always counted)")
      ->group(output);
  app.add_flag("--plan-only", o.plan_only, "Print only the fix plan (what `faultline plan` prints)")->group(output);
  app.add_option("--helm-release", o.helm_release, "Helm release the fix plan's helm upgrade names (default: from the chart)")
      ->type_name("NAME")
      ->group(output);
  app.add_option("--sarif-root", o.sarif_root, "SARIF file paths are relative to DIR (default: the current directory)")
      ->type_name("DIR")
      ->group(output);

  const char* cluster = "Cluster";
  add_max_expanded_option(app, o.max_expanded)->group(cluster);
  app.add_option("--namespace,-n", o.default_namespace, "Namespace of objects that name none (default: default)")
      ->type_name("NS")
      ->group(cluster);
  app.add_option("--nodes", o.nodes, "Node inventory: kubectl get nodes -o yaml|json output (repeatable)")
      ->type_name("FILE|DIR")
      ->allow_extra_args(false)
      ->group(cluster);
  app.add_option("--topology-key", o.topology_keys, "Also report failure domains of this node label, e.g. a rack (repeatable)")
      ->type_name("KEY")
      ->allow_extra_args(false)
      ->group(cluster);

  const char* rules = "Rules";
  app.add_option("--config", o.config, "Settings file (default: nearest .faultline.yaml up to the repository root)")
      ->type_name("FILE")
      ->group(rules);
  app.add_option("--policy", o.policies, "Add the rule packs in FILE or DIR (repeatable)")
      ->type_name("FILE|DIR")
      ->allow_extra_args(false)
      ->group(rules);
  app.add_option("--pack", o.packs, "Packs to run (default: core, plus runai when Run:ai objects are present)")
      ->delimiter(',')
      ->type_name("PACK,...")
      ->allow_extra_args(false)
      ->group(rules);
  app.add_option("--enable", o.enable, "Run this rule even if its pack is not selected")
      ->delimiter(',')
      ->type_name("RULE")
      ->allow_extra_args(false)
      ->group(rules);
  app.add_option("--disable", o.disable, "Do not run this rule")
      ->delimiter(',')
      ->type_name("RULE")
      ->allow_extra_args(false)
      ->group(rules);
  app.add_option("--severity", o.severities, "Override a rule's severity")
      ->check(rule_severity_validator())
      ->type_name("RULE=LEVEL")
      ->allow_extra_args(false)
      ->group(rules);
  app.add_option("--baseline", o.baseline, "Report only findings not recorded in FILE")->type_name("FILE")
      ->group(rules);
  app.add_option("--write-baseline", o.write_baseline, "Record the current findings in FILE")->type_name("FILE")
      ->group(rules);

  add_input_limits(app, o.limits);
  app.footer(kCheckFooter);
}

void add_input_limits(CLI::App& app, load::Limits& limits) {
  const char* group = "Input limits";
  app.add_option("--max-file-bytes", limits.max_file_bytes, "Skip a file (or stop reading stdin) beyond this many bytes")
      ->capture_default_str()->check(CLI::PositiveNumber)->group(group);
  app.add_option("--max-total-bytes", limits.max_total_bytes, "Stop reading inputs beyond this many bytes in total")
      ->capture_default_str()->check(CLI::PositiveNumber)->group(group);
  app.add_option("--max-document-bytes", limits.max_document_bytes, "Skip a YAML document larger than this")
      ->capture_default_str()->check(CLI::PositiveNumber)->group(group);
  app.add_option("--max-depth", limits.max_depth, "Skip a document nested deeper than this")
      ->capture_default_str()->check(CLI::Range(1, 100000))->group(group);
  app.add_option("--max-aliases", limits.max_aliases, "Skip a document whose aliases expand to more nodes than this")
      ->capture_default_str()->group(group);
  app.add_option("--jobs,-j", limits.jobs, "Parser threads (default 0: one per core); the output is the same for any value")
      ->capture_default_str()->group(group);
}

ExitCode run_plan(const CheckOptions& options, Environment& env) {
  CheckOptions plan_only = options;
  plan_only.plan_only = true;
  return run_check(plan_only, env);
}

ExitCode exit_code_for(const Analysis& analysis, const std::string& fail_on) {
  if (analysis.input_error || analysis.policy_error) return ExitCode::error;
  const auto threshold = parse_severity(fail_on.empty() ? "error" : fail_on);
  if (!threshold) return ExitCode::clean;  // "never"
  for (const auto& finding : analysis.findings) {
    if (!finding.suppressed && finding.severity >= *threshold) return ExitCode::findings;
  }
  return ExitCode::clean;
}

ExitCode run_check(const CheckOptions& options, Environment& env) {
  if (reads_stdin(options) && options.paths.empty() && env.stdin_is_terminal) {
    env.err << "faultline: error: no input: name files or directories, or pipe manifests in, e.g.\n"
               "  helm template my-release ./chart | faultline check -\n"
               "Run 'faultline check --help' for more.\n";
    return ExitCode::error;
  }
  const auto* format = report::find_format(options.format);
  if (format == nullptr) {
    env.err << "faultline: error: unknown format '" << options.format << "'\n";
    return ExitCode::error;
  }
  Diagnostics config_errors;
  const auto settings = effective_settings(options, config_errors);
  if (!config_errors.empty()) {
    print_errors(config_errors, env.err);
    return ExitCode::error;
  }
  const auto analysis = env.analyze(analysis_options(options, settings));

  report::ReportOptions report_options;
  report_options.coverage = options.coverage.value_or(analysis->inventory.present());
  report_options.show_suppressed = options.show_suppressed;
  report_options.quiet = options.quiet;
  report_options.plan_only = options.plan_only;
  report_options.helm_release = options.helm_release;
  report_options.fail_on = settings.fail_on.empty() ? "error" : settings.fail_on;
  report_options.sarif_root = options.sarif_root;
  if (options.output.empty()) {
    report_options.color = env.stdout_is_terminal && !env.no_color;
    format->write(*analysis, report_options, env.out);
    env.out.flush();
  } else {
    std::ostringstream buffer;
    format->write(*analysis, report_options, buffer);
    std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
    file << buffer.str();
    file.close();
    if (!file) {
      env.err << "faultline: error: cannot write " << options.output << '\n';
      return ExitCode::error;
    }
  }
  if (!options.write_baseline.empty() && !analysis->policy_error) {
    Diagnostics errors;
    if (!rules::write_baseline(options.write_baseline, analysis->findings, errors)) {
      print_errors(errors, env.err);
      return ExitCode::error;
    }
  }
  return exit_code_for(*analysis, settings.fail_on);
}

}  // namespace faultline::cli
