#pragma once
// `faultline check`: analyze manifests and report findings and coverage.
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "faultline/load/limits.hpp"

namespace faultline::cli {

/// Every option of `check`, as parsed.
struct CheckOptions {
  std::vector<std::string> paths;  ///< empty or "-": standard input
  std::string format = "text";
  std::string output;   ///< "" = standard output
  std::string fail_on;  ///< "" = from the config file, else "error"
  std::string default_namespace;
  bool quiet = false;
  std::vector<std::string> nodes;
  std::vector<std::string> topology_keys;
  std::optional<bool> coverage;  ///< unset: on when an inventory is present
  std::vector<std::string> policies;
  std::vector<std::string> packs;
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::vector<std::string> severities;  ///< RULE=level
  std::string config;
  std::string baseline;
  std::string write_baseline;
  bool show_suppressed = false;
  load::Limits limits;  ///< --max-* and --jobs
  std::size_t max_expanded = expand::Limits{}.max_pods;  ///< --max-expanded
  bool plan_only = false;    ///< --plan-only
  std::string helm_release;  ///< --helm-release
  std::string sarif_root;    ///< --sarif-root: SARIF paths relative to it ("" = current directory)
};

/// Adds check's options and help to `app`, storing them in `options`.
void setup_check(CLI::App& app, CheckOptions& options);

/// Adds the --max-* input limits and --jobs to `app` (check, simulate and graph read the same way).
void add_input_limits(CLI::App& app, load::Limits& limits);

/// Runs the analysis, writes the report, and returns the exit code.
ExitCode run_check(const CheckOptions& options, Environment& env);

/// `faultline plan`: check with --plan-only (same options, same exit code).
ExitCode run_plan(const CheckOptions& options, Environment& env);

/// The exit code for a finished analysis: error on input problems, findings at or above `fail_on`.
ExitCode exit_code_for(const Analysis& analysis, const std::string& fail_on);

}  // namespace faultline::cli
