#pragma once
// What every subcommand shares: exit codes, the process environment, and the table entry shape.
#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "faultline/pipeline.hpp"

namespace faultline::cli {

/// The only exit codes faultline uses (README "Exit codes").
enum class ExitCode : int {
  clean = 0,     ///< no finding at or above --fail-on
  findings = 1,  ///< some finding at or above --fail-on
  error = 2,     ///< usage error, unreadable or unparsable input, or no Kubernetes object at all
};

/// The outside world a command talks to; main() fills it, tests fake it.
struct Environment {
  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal = false;
  bool stdin_is_terminal = false;
  bool no_color = false;  ///< NO_COLOR is set to a non-empty value
  /// The pipeline; tests substitute a hand-built Analysis.
  std::function<std::unique_ptr<Analysis>(const AnalysisOptions&)> analyze;
  bool stderr_is_terminal = false;  ///< progress lines and coloured errors only then
  /// Show a progress line on `err` during long runs (report::progress_wanted: a terminal, not CI).
  bool progress = false;
  /// How long a run goes before the progress line appears (FAULTLINE_PROGRESS_AFTER, seconds).
  std::chrono::milliseconds progress_after{1000};
  /// The process ends once the command returns, so the analysis is not freed: on a cluster dump
  /// that is millions of objects (3% of a run's time) handed back to an allocator about to exit.
  /// main() sets it, except in builds whose leak checker would rightly report it.
  bool keep_analysis_until_exit = false;
};

/// What a subcommand's setup returns: the action to run once the command line is parsed.
using Runner = std::function<ExitCode()>;

/// One row of the subcommand table: its name, a one-line description for --help, and a setup
/// that adds its options to `app` and returns the runner bound to them.
struct Subcommand {
  const char* name;
  const char* description;
  std::function<Runner(CLI::App& app, Environment& env)> setup;
};

/// Every subcommand, in --help order (app.cpp).
const std::vector<Subcommand>& subcommands();

/// Parses `args` (without the program name) and runs the chosen subcommand; `check` when none is named.
int run(const std::vector<std::string>& args, Environment& env);

}  // namespace faultline::cli

namespace faultline::cli {

/// Builds a table row's setup from a command's options struct and its setup/run pair.
template <typename Options, void (*Setup)(CLI::App&, Options&), ExitCode (*Run)(const Options&, Environment&)>
Runner bind_command(CLI::App& app, Environment& env) {
  auto options = std::make_shared<Options>();
  Setup(app, *options);
  return [options, &env] { return Run(*options, env); };
}

}  // namespace faultline::cli
