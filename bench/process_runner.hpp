#pragma once
/// Runs a command as a child process and measures it the way a user would see it.
#include <string>
#include <vector>

namespace faultline::bench {

/// Wall time and the child's own peak resident memory (from wait4), and how it ended.
struct RunResult {
  double seconds = 0;
  double peak_mib = 0;
  int exit_code = -1;   ///< -1 when killed by a signal
  bool timed_out = false;
};

/// Runs `argv` with stdout and stderr sent to /dev/null; kills it after `timeout_seconds`.
RunResult run_process(const std::vector<std::string>& argv, double timeout_seconds);

}  // namespace faultline::bench
