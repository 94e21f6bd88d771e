#include "check_command.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "faultline/report/report.hpp"
#include "error_output.hpp"
#include "report_output.hpp"
#include "run_analysis.hpp"
#include "settings_flags.hpp"
#include "faultline/rules/baseline.hpp"

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

Config file: .faultline.yaml, the nearest from the working directory up to the repository root
(or --config FILE), holds the same settings; flags win. Keys: packs, enable, disable, severity,
policies, fail-on, baseline, topology-keys, nodes, namespace, exclude, ignore.

Annotations on an object (or its pod template):
  faultline.io/ignore: "rule-id,..."  with  faultline.io/ignore-reason: "why"   suppress findings
  faultline.io/depends-on: "ns/svc,..."                                         declare a dependency
  faultline.io/quorum: "majority"                                               its pods need a majority

Rules: `faultline rules` lists them; `faultline explain RULE` shows one with its fix.
)";

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& format : report::formats()) names.push_back(format.name);
  return names;
}

std::string format_help() {
  std::string text = "Report format (default: text):";
  for (const auto& format : report::formats()) text += "\n  " + format.name + ": " + format.description;
  return text;
}

/// --color: always and never are the user's word; auto colours a terminal unless NO_COLOR is set.
bool use_color(const std::string& mode, bool terminal, const Environment& env) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return terminal && !env.no_color;
}

/// --write-baseline and --prune-baseline: maintenance, not a gate, so exit 0 once the file is written
/// (2 when the input was incomplete: the file then misses what could not be analyzed).
ExitCode record_baseline(const CheckOptions& options, const Settings& settings, const Analysis& analysis, Environment& env) {
  if (analysis.policy_error) return ExitCode::error;
  const bool prune = options.prune_baseline;
  const std::string& path = prune ? settings.baseline : options.write_baseline;
  const auto entries =
      rules::baseline_entries(analysis.findings, prune ? rules::BaselineKeep::still_matched : rules::BaselineKeep::all);
  Diagnostics errors;
  if (!rules::write_baseline(path, entries, errors)) {
    print_errors(errors, env);
    return ExitCode::error;
  }
  if (prune)
    env.err << fmt::format("faultline: pruned {} stale {} from {}; {} kept\n", analysis.stale_baseline.size(),
                           analysis.stale_baseline.size() == 1 ? "entry" : "entries", path, entries.size());
  else
    env.err << fmt::format("faultline: wrote {} {} to {}\n", entries.size(), entries.size() == 1 ? "entry" : "entries", path);
  return analysis.input_error ? ExitCode::error : ExitCode::clean;
}

}  // namespace

void setup_check(CLI::App& app, CheckOptions& o) {
  app.add_option("paths", o.paths, "Files or directories to analyze (recursively); '-' or none reads standard input")
      ->type_name("PATH...|-");
  const char* output = "Output";
  app.add_option("--format", o.format, format_help())
      ->check(CLI::IsMember(format_names()))
      ->type_name("FORMAT")
      ->group(output);
  app.add_option("--output,-o", o.output, "Write the report to FILE instead of standard output")
      ->type_name("FILE")
      ->group(output);
  app.add_flag("--quiet,-q", o.quiet, "Print only the findings: no coverage, no notes, no summary")
      ->group(output);
  app.add_option("--color", o.color, "Colour: auto (default: a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN")
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

  add_gate_flags(app, o.settings);
  add_settings_flags(app, o.settings, FlagSet::analysis);
  app.add_option("--context", o.context,
                 "Also analyze PATH (its PDBs, Services, dependencies), but report only the findings located in the "
                 "named paths: what a pre-commit hook passes (repeatable)")
      ->type_name("PATH")
      ->allow_extra_args(false)
      ->group("Input");
  app.add_option("--write-baseline", o.write_baseline, "Record the current findings in FILE and exit 0")
      ->type_name("FILE")
      ->group("Rules");
  app.add_flag("--prune-baseline", o.prune_baseline,
               "Drop the --baseline file's stale entries (fixed findings) without recording new ones; exit 0")
      ->excludes("--write-baseline")
      ->group("Rules");
  app.footer(kCheckFooter);
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
  if (options.paths.empty() && env.stdin_is_terminal) {
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
  const auto settings = resolve_settings(options.settings, env);
  if (!settings) return ExitCode::error;
  if (options.prune_baseline && settings->baseline.empty()) {
    env.err << "faultline: error: --prune-baseline needs the baseline to prune: --baseline FILE or baseline: in "
            << kConfigFileName << '\n';
    return ExitCode::error;
  }
  auto analysis_input = analysis_options(*settings, options.settings, options.paths);
  analysis_input.context_paths = options.context;
  const auto analysis = run_analysis(analysis_input, env);
  // Errors go to the terminal whatever the report's format and destination; the report keeps its own copy
  // only where it is data (JSON, SARIF), never mixed into text on stdout.
  print_errors(analysis->diagnostics, env, use_color(options.color, env.stderr_is_terminal, env));

  report::ReportOptions report_options;
  report_options.coverage = options.coverage.value_or(analysis->inventory.present());
  report_options.show_suppressed = options.show_suppressed;
  report_options.quiet = options.quiet;
  report_options.plan_only = options.plan_only;
  report_options.helm_release = options.helm_release;
  report_options.fail_on = settings->fail_on.empty() ? "error" : settings->fail_on;
  report_options.sarif_root = options.sarif_root;
  // A file gets colour only when asked for: auto means a terminal, and a file is not one.
  report_options.color = options.output.empty() ? use_color(options.color, env.stdout_is_terminal, env)
                                                : options.color == "always";
  if (!write_result(options.output, env, [&](std::ostream& out) { format->write(*analysis, report_options, out); }))
    return ExitCode::error;
  if (options.prune_baseline || !options.write_baseline.empty()) return record_baseline(options, *settings, *analysis, env);
  return exit_code_for(*analysis, settings->fail_on);
}

}  // namespace faultline::cli
