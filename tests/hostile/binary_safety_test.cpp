// Issue 11, run as a user would: write errors are exit 2, output is byte-identical across runs
// and directory order, and a run opens no socket and writes only --output and --write-baseline.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../rules/temp_dir.hpp"
#include "run_faultline.hpp"

namespace fs = std::filesystem;
using faultline::hostile::run_in;
using faultline::hostile::slurp;

namespace {

const std::string kSource = FAULTLINE_SOURCE_DIR;
const std::string kInput = "'" + kSource + "/fixtures/golden/findings/input.yaml'";
const std::string kNodes = "--nodes '" + kSource + "/fixtures/inventories/runai-system-1-nodes-3-zones.yaml'";

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::set<std::string> files_under(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) out.insert(fs::relative(e.path(), dir).string());
  return out;
}

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("a report that cannot be written to stdout is exit 2 with a message, for every subcommand") {
  faultline::test::TempDir tmp;
  const std::vector<std::string> commands = {"check " + kInput, "check --format json " + kInput, "rules",
                                             "explain single-replica", "graph " + kInput, "graph --format json " + kInput,
                                             "simulate --fail any-node " + kNodes + " " + kInput};
  for (const auto& args : commands) {
    CAPTURE(args);
    const auto r = run_in(tmp.path(), args, "> /dev/full");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "faultline: error: cannot write to standard output"));
  }
}

TEST_CASE("stdin empty or closed is an input error with a message, not a crash") {
  faultline::test::TempDir tmp;
  const auto empty = run_in(tmp.path(), "check -", "> stdout.txt");  // stdin is /dev/null
  CHECK(empty.code == 2);
  CHECK(contains(empty.err, "faultline: error: no Kubernetes object found in the input"));
  const auto closed = run_in(tmp.path(), "check -", "> stdout.txt <&-");
  CHECK(closed.code == 2);
  CHECK(contains(closed.err, "faultline: error: no Kubernetes object found in the input"));
}

TEST_CASE("a closed stdout is a write error (exit 2), not a report lost with exit 0") {
  faultline::test::TempDir tmp;
  const auto r = run_in(tmp.path(), "check '" + kSource + "/fixtures/golden/clean/input.yaml'", ">&-");
  CHECK(r.code == 2);
  CHECK(contains(r.err, "faultline: error: cannot write to standard output"));
}

TEST_CASE("--output that cannot be written is exit 2 naming the file") {
  faultline::test::TempDir tmp;
  const std::vector<std::string> commands = {"check --output /dev/full " + kInput, "graph --output /dev/full " + kInput,
                                             "check --output no-such-dir/report.txt " + kInput};
  for (const auto& args : commands) {
    CAPTURE(args);
    const auto r = run_in(tmp.path(), args, "> /dev/null");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "faultline: error: cannot write "));
  }
}

TEST_CASE("output is byte-identical across runs and whatever order a directory lists its files in") {
  faultline::test::TempDir a, b;
  const std::vector<std::string> names = {"zz-last.yaml", "a-first.yaml", "m/nested.yaml", "b.yml", "c.json"};
  const std::string examples = kSource + "/fixtures/examples/";
  const std::vector<std::string> contents = {slurp(examples + "runai-control-plane.yaml"),
                                             slurp(examples + "runai-cluster.yaml"),
                                             slurp(kSource + "/fixtures/golden/findings/input.yaml"),
                                             slurp(examples + "runai-cluster-ha.yaml"), "{\"kind\": \"List\", \"items\": []}"};
  // The same files, created in opposite orders, so directory listings differ.
  for (std::size_t i = 0; i < names.size(); ++i) a.write("in/" + names[i], contents[i]);
  for (std::size_t i = names.size(); i-- > 0;) b.write("in/" + names[i], contents[i]);
  for (const std::string format : {"text", "json"}) {
    CAPTURE(format);
    const std::string args = "check --coverage " + kNodes + " --format " + format + " in";
    run_in(a.path(), args, "> out1");
    run_in(a.path(), args, "> out2");
    run_in(b.path(), args, "> out3");
    const std::string first = slurp(a.path() / "out1");
    CHECK(first.size() > 1000);
    CHECK(first == slurp(a.path() / "out2"));
    CHECK(first == slurp(b.path() / "out3"));
  }
}

// strace (a Debian package, in the Makefile's list) records every system call that opens a
// socket or creates, opens for writing, renames or removes a file, in the binary and anything it
// runs. This works for root in CI and needs no LD_PRELOAD; a network namespace (unshare -n) would
// only show that a connection fails, not that none was tried. LeakSanitizer cannot run under
// ptrace, so the sanitizer build skips only its leak check here.
TEST_CASE("a run opens no socket and writes no file except --output and --write-baseline") {
  faultline::test::TempDir tmp;
  tmp.write("manifests/app.yaml", slurp(kSource + "/fixtures/golden/findings/input.yaml"));
  const auto before = files_under(tmp.path());
  const std::string trace = (tmp.path() / ".trace").string();
  const auto r = run_in(tmp.path(),
                        "check --format json --output report.json --write-baseline baseline.json " + kNodes + " manifests",
                        "> stdout.txt",
                        "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o '" + trace +
                            "' -e trace=%network,open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,"
                            "truncate,link,linkat,symlink,symlinkat");
  REQUIRE_MESSAGE(r.code == 0, r.err);  // --write-baseline records the findings and exits 0
  const std::string log = slurp(trace);
  REQUIRE(contains(log, "openat("));  // the trace did record the run
  CHECK_FALSE(std::regex_search(log, std::regex(R"(\b(socket|connect|sendto|bind)\()")));
  std::set<std::string> written;
  const std::regex open_for_write(R"re(open(?:at)?\((?:AT_FDCWD, |\d+, )?"([^"]*)", [^)]*(O_WRONLY|O_RDWR|O_CREAT))re");
  const std::regex other(R"re(\b(?:creat|rename|renameat2?|unlink|unlinkat|mkdir|mkdirat|truncate|link|linkat|symlink|symlinkat)\((?:AT_FDCWD, |\d+, )?"([^"]*)")re");
  // --output is written to a temporary beside it ("report.json.faultline-<pid>.tmp"), then renamed.
  const std::regex temporary(R"(\.faultline-\d+\.tmp$)");
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, open_for_write) || std::regex_search(line, m, other))
      written.insert(std::regex_replace(m[1].str(), temporary, ""));
  }
  CHECK(written == std::set<std::string>{"report.json", "baseline.json"});
  fs::remove(trace);
  auto after = files_under(tmp.path());
  for (const char* expected : {"report.json", "baseline.json", "stdout.txt"}) CHECK(after.erase(expected) == 1);
  CHECK(after == before);
  CHECK(slurp(tmp.path() / "stdout.txt").empty());
}

}  // TEST_SUITE
