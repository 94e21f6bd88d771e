#pragma once
/// The progress line on stderr: one line, redrawn in place, only on a terminal and only once a
/// run has taken longer than a moment; erased before anything else is printed.
#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "faultline/pipeline/progress.hpp"

namespace faultline::report {

/// Whether a progress line belongs on stderr: it is a terminal, TERM is not "dumb", and CI is
/// unset or empty (CI runners that give jobs a terminal still keep every byte in their logs).
bool progress_wanted(bool stderr_is_terminal, const char* ci_env, const char* term_env);

class ProgressLine final : public ProgressListener {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  /// Draws on `out` once `after` has passed since construction, then at most every 100 ms.
  ProgressLine(std::ostream& out, Clock clock, std::chrono::milliseconds after = std::chrono::seconds(1));
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() override;

  void stage(std::string_view name) override;
  void object_read(std::size_t objects, std::size_t files) override;
  /// Erases the line if one was drawn. Idempotent.
  void finish();

 private:
  void draw(bool stage_changed);

  std::ostream& out_;
  Clock clock_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::chrono::milliseconds after_;
  std::string stage_ = "reading";
  std::size_t objects_ = 0;
  std::size_t files_ = 0;
  bool drawn_ = false;
};

}  // namespace faultline::report
