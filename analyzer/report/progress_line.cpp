// A carriage return and "erase to end of line" redraw the line in place; the clock is read only
// every few hundred objects, so a large input pays almost nothing for the line.
#include "faultline/report/progress_line.hpp"

#include <utility>

#include <fmt/format.h>

namespace faultline::report {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr std::size_t kObjectsPerClockRead = 256;
constexpr std::string_view kErase = "\r\x1b[K";

}  // namespace

bool progress_wanted(bool stderr_is_terminal, const char* ci_env, const char* term_env) {
  if (!stderr_is_terminal) return false;
  if (ci_env != nullptr && *ci_env != '\0') return false;
  return term_env == nullptr || std::string_view(term_env) != "dumb";
}

ProgressLine::ProgressLine(std::ostream& out, Clock clock, std::chrono::milliseconds after)
    : out_(out), clock_(std::move(clock)), start_(clock_()), last_draw_(start_), after_(after) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::stage(std::string_view name) {
  stage_ = name;
  draw(true);
}

void ProgressLine::object_read(std::size_t objects, std::size_t files) {
  objects_ = objects;
  files_ = files;
  if (objects % kObjectsPerClockRead == 0) draw(false);
}

void ProgressLine::draw(bool stage_changed) {
  const auto now = clock_();
  if (now - start_ < after_) return;
  if (drawn_ && !stage_changed && now - last_draw_ < kRedrawEvery) return;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - start_).count();
  out_ << kErase
       << fmt::format("faultline: {}: {} object{} read from {} file{} ({}s)", stage_, objects_, objects_ == 1 ? "" : "s",
                      files_, files_ == 1 ? "" : "s", seconds)
       << std::flush;
  drawn_ = true;
  last_draw_ = now;
}

void ProgressLine::finish() {
  if (!drawn_) return;
  out_ << kErase << std::flush;
  drawn_ = false;
}

}  // namespace faultline::report
