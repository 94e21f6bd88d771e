// The progress line with a fake clock and a string for the terminal: when it appears, how often
// it is redrawn, and that it is erased at the end; and when a terminal wants it at all.
#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <string>

#include "faultline/report/progress_line.hpp"

using namespace std::chrono_literals;
using faultline::report::progress_wanted;
using faultline::report::ProgressLine;

namespace {

struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  ProgressLine::Clock clock() {
    return [this] { return now; };
  }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("progress line: nothing within the first second, then one line redrawn in place") {
  FakeClock clock;
  std::ostringstream term;
  ProgressLine line(term, clock.clock(), 1000ms);
  for (std::size_t i = 1; i <= 1024; ++i) line.object_read(i, 1);
  clock.now += 900ms;
  line.stage("expanding operators");
  CHECK(term.str().empty());  // a short run shows nothing at all
  line.finish();
  CHECK(term.str().empty());

  clock.now += 200ms;
  line.stage("placing replicas");
  CHECK(term.str() == "\r\x1b[Kfaultline: placing replicas: 1024 objects read from 1 file (1s)");
  line.finish();
  CHECK(term.str().ends_with("(1s)\r\x1b[K"));  // erased: what follows starts on a clean line
  line.finish();
  CHECK(count(term.str(), "\r\x1b[K") == 2);
}

TEST_CASE("progress line: reading redraws at most every 100 ms, stage changes at once") {
  FakeClock clock;
  std::ostringstream term;
  ProgressLine line(term, clock.clock(), 0ms);
  line.object_read(256, 1);
  line.object_read(512, 2);  // same instant: not redrawn
  CHECK(count(term.str(), "faultline: reading") == 1);
  clock.now += 150ms;
  line.object_read(600, 2);  // the clock is read every 256 objects only
  CHECK(count(term.str(), "faultline: reading") == 1);
  line.object_read(768, 3);
  CHECK(count(term.str(), "faultline: reading") == 2);
  CHECK(term.str().ends_with("768 objects read from 3 files (0s)"));
  line.stage("checking rules");
  CHECK(term.str().ends_with("faultline: checking rules: 768 objects read from 3 files (0s)"));
}

TEST_CASE("progress line: only on a terminal, never in CI, never on a dumb terminal") {
  CHECK(progress_wanted(true, nullptr, "xterm-256color"));
  CHECK(progress_wanted(true, "", nullptr));
  CHECK_FALSE(progress_wanted(false, nullptr, "xterm"));
  CHECK_FALSE(progress_wanted(true, "true", "xterm"));
  CHECK_FALSE(progress_wanted(true, "1", "xterm"));
  CHECK_FALSE(progress_wanted(true, nullptr, "dumb"));
}
