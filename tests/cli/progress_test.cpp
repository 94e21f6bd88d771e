// The progress line for real: faultline under `script` (util-linux) gets a terminal for stderr;
// with FAULTLINE_PROGRESS_AFTER=0 the line shows at once and is erased before the report. In a
// pipe, or with CI set, nothing but the report and errors is written.
#include <string>

#include <doctest/doctest.h>

#include "../rules/temp_dir.hpp"
#include "shell.hpp"

using faultline::test::contains;
using faultline::test::run_shell;
using faultline::test::sh_quote;

namespace {

const std::string kUpload = FAULTLINE_SOURCE_DIR "/fixtures/golden/offline-review/input";
const std::string kCheck = sh_quote(FAULTLINE_BINARY) + " check --no-coverage " + sh_quote(kUpload);

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("progress: a terminal on stderr shows the line, erased before the report") {
    faultline::test::TempDir dir;
    const auto r = run_shell(dir.path(), "env -u CI TERM=xterm FAULTLINE_PROGRESS_AFTER=0 script -qec " +
                                             sh_quote(kCheck) + " /dev/null");
    INFO(r.out);
    CHECK(r.code == 1);  // script -e passes faultline's status on: findings
    const auto line = r.out.find("\r\x1b[Kfaultline: reading: ");
    REQUIRE(line != std::string::npos);
    CHECK(contains(r.out, "faultline: checking rules: 11 objects read from 6 files"));
    const auto report = r.out.find("StatefulSet/runai/prometheus-runai");
    REQUIRE(report != std::string::npos);
    CHECK(line < report);
    CHECK(r.out.rfind("\r\x1b[K", report) > r.out.rfind("faultline: checking rules", report));  // erased first
  }

  TEST_CASE("progress: never with CI set, never when stderr is not a terminal") {
    faultline::test::TempDir dir;
    const auto ci = run_shell(dir.path(), "CI=true TERM=xterm FAULTLINE_PROGRESS_AFTER=0 script -qec " + sh_quote(kCheck) +
                                              " /dev/null");
    CHECK(ci.code == 1);
    CHECK_FALSE(contains(ci.out, "faultline: reading"));
    CHECK_FALSE(contains(ci.out, "\x1b[K"));
    const auto piped = run_shell(dir.path(), "env -u CI FAULTLINE_PROGRESS_AFTER=0 " + kCheck + " 2>&1 | cat");
    CHECK_FALSE(contains(piped.out, "faultline: reading"));
    CHECK_FALSE(contains(piped.out, "\r"));
    CHECK(contains(piped.out, "StatefulSet/runai/prometheus-runai"));
    const auto to_file = run_shell(dir.path(), "env -u CI FAULTLINE_PROGRESS_AFTER=0 " + kCheck);
    CHECK(to_file.err.empty());  // run_shell sends stderr to a file
  }
}
