#pragma once
// `faultline check`: analyze manifests and report findings and coverage.
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "settings_flags.hpp"

namespace faultline::cli {

/// Every option of `check`, as parsed.
struct CheckOptions {
  std::vector<std::string> paths;  ///< empty or "-": standard input
  std::string format = "text";
  std::string output;   ///< "" = standard output
  bool quiet = false;
  std::string color = "auto";  ///< --color auto|always|never
  std::optional<bool> coverage;  ///< unset: on when an inventory is present
  std::string write_baseline;
  bool prune_baseline = false;
  bool show_suppressed = false;
  std::vector<std::string> context;  ///< --context: analyzed, not reported on
  SettingsFlags settings;  ///< flags that are settings: merged over .faultline.yaml
  bool plan_only = false;    ///< --plan-only
  std::string helm_release;  ///< --helm-release
  std::string sarif_root;    ///< --sarif-root: SARIF paths relative to it ("" = current directory)
};

/// Adds check's options and help to `app`, storing them in `options`.
void setup_check(CLI::App& app, CheckOptions& options);

/// Runs the analysis, writes the report, and returns the exit code.
ExitCode run_check(const CheckOptions& options, Environment& env);

/// `faultline plan`: check with --plan-only (same options, same exit code).
ExitCode run_plan(const CheckOptions& options, Environment& env);

/// The exit code for a finished analysis: error on input problems, findings at or above `fail_on`.
ExitCode exit_code_for(const Analysis& analysis, const std::string& fail_on);

}  // namespace faultline::cli
