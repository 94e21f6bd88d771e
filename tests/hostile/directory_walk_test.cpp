// Issue 11, run as a user would: inside a directory, entries that cannot or must not be read
// (unreadable files and folders, FIFOs, devices) are skipped with a warning and the run goes on;
// named on the command line, an unreadable path is an input error (exit 2). Root reads any file,
// so as root the binary runs as nobody (setpriv, util-linux) for the permission checks to hold.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../rules/temp_dir.hpp"
#include "run_faultline.hpp"

namespace fs = std::filesystem;
using faultline::hostile::run_in;
using faultline::hostile::slurp;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

/// Runs faultline without root's power to read anything; a hang fails the test instead of the suite.
faultline::hostile::Run run_unprivileged(const fs::path& dir, const std::string& args) {
  const std::string drop = ::getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : "";
  return run_in(dir, args, "> stdout.txt", "timeout 120 " + drop);
}

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("unreadable files and folders, FIFOs and devices inside a directory are skipped with a warning") {
  faultline::test::TempDir tmp;
  // Readable by nobody whatever the umask; then three entries it must not be able to read.
  const auto readable = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                        fs::perms::others_exec;
  const auto app = tmp.write("in/app.yaml", slurp(FAULTLINE_SOURCE_DIR "/fixtures/golden/findings/input.yaml"));
  for (const auto& p : {tmp.path(), tmp.path() / "in", app}) fs::permissions(p, readable);
  const auto secret = tmp.write("in/secret.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hidden}\n");
  fs::permissions(secret, fs::perms::none);
  const auto locked = tmp.path() / "in/locked";
  tmp.write("in/locked/inner.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: inner}\n");
  fs::permissions(locked, fs::perms::none);
  // A FIFO nobody writes to: opening it for reading would block for ever.
  REQUIRE(::mkfifo((tmp.path() / "in/pipe.yaml").c_str(), 0666) == 0);
  fs::create_symlink("/dev/zero", tmp.path() / "in/zero.yaml");  // endless
  fs::create_symlink("/dev/null", tmp.path() / "in/null.yml");

  const auto r = run_unprivileged(tmp.path(), "check in");
  const std::string report = slurp(tmp.path() / "stdout.txt");  // warnings are in the report, errors on stderr
  CAPTURE(r.err);
  CAPTURE(report);
  CHECK(r.code == 1);  // the findings of app.yaml, not an input error
  CHECK(r.err.empty());
  CHECK(contains(report, "in/secret.yaml: warning: cannot read file: Permission denied; skipped"));
  CHECK(contains(report, "in/locked: warning: cannot read directory: Permission denied; skipped"));
  for (const std::string name : {"pipe.yaml", "zero.yaml", "null.yml"})
    CHECK(contains(report, "in/" + name + ": warning: not a regular file (a FIFO, socket or device) inside a directory; skipped"));
  CHECK(contains(report, "[single-replica]"));
  CHECK(contains(report, " 0 failed: "));

  SUBCASE("named on the command line, an unreadable file or folder is an input error") {
    for (const std::string path : {"in/secret.yaml", "in/locked"}) {
      CAPTURE(path);
      const auto named = run_unprivileged(tmp.path(), "check in/app.yaml " + path);
      CHECK(named.code == 2);
      CHECK(contains(named.err, path + ": error: cannot read "));
      CHECK(contains(named.err, "Permission denied"));
      CHECK(contains(slurp(tmp.path() / "stdout.txt"), "[single-replica]"));  // the readable file is still analyzed
    }
  }
  fs::permissions(locked, fs::perms::owner_all);  // so the scratch directory can be removed
}

TEST_CASE("a FIFO named on the command line is read, as process substitution needs") {
  faultline::test::TempDir tmp;
  REQUIRE(::mkfifo((tmp.path() / "rendered").c_str(), 0600) == 0);
  const auto r = run_in(tmp.path(), "check rendered", "> stdout.txt",
                        "(cat '" FAULTLINE_SOURCE_DIR "/fixtures/golden/clean/input.yaml' > rendered &) && timeout 120");
  CHECK(r.code == 0);
  CHECK(contains(slurp(tmp.path() / "stdout.txt"), "No findings."));
}

}  // TEST_SUITE
