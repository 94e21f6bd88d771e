// The built faultline binary, run as a user would: exit codes, streams, files and colour.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A scratch directory removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("faultline-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

/// Runs `faultline ARGS` in the source tree with stdin from `input` (default: empty) and NO_COLOR unset.
Result run(const TempDir& tmp, const std::string& args, const std::string& input = "/dev/null",
           const std::string& env = "") {
  const auto out = tmp.path / "stdout", err = tmp.path / "stderr";
  const std::string command = "cd '" FAULTLINE_SOURCE_DIR "' && env -u NO_COLOR " + env + " '" FAULTLINE_BINARY "' " +
                              args + " <'" + input + "' >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());
  Result result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const std::string kClean = "fixtures/golden/clean/input.yaml";
const std::string kFindings = "fixtures/golden/findings/input.yaml";

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("clean input exits 0") {
    TempDir tmp;
    const auto r = run(tmp, "check " + kClean);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "No findings."));
  }

  TEST_CASE("findings at the default --fail-on exit 1; the default command is check") {
    TempDir tmp;
    const auto r = run(tmp, kFindings);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "[single-replica]"));
    CHECK(contains(r.out, kFindings + ":"));  // the path as given
  }

  TEST_CASE("faultline plan and check --plan-only print only the fix plan") {
    TempDir tmp;
    const auto plan = run(tmp, "plan " + kFindings);
    CHECK(contains(plan.out, "# Deployment/shop/api (single-replica): merge into its manifest\nspec:\n  replicas: 2\n"));
    CHECK_FALSE(contains(plan.out, "[single-replica]"));
    CHECK(run(tmp, "check --plan-only " + kFindings).out == plan.out);
    const auto release = run(tmp, "plan --helm-release cp fixtures/examples/runai-control-plane.yaml");
    CHECK(contains(release.out, "helm upgrade cp runai-backend/control-plane -n runai-backend --reuse-values --set "));
  }

  TEST_CASE("--fail-on never and warning") {
    TempDir tmp;
    CHECK(run(tmp, "check --fail-on never " + kFindings).code == 0);
    CHECK(run(tmp, "check --fail-on warning " + kFindings).code == 1);
    CHECK(run(tmp, "check --fail-on warning " + kClean).code == 0);
  }

  TEST_CASE("a missing file exits 2 and names it") {
    TempDir tmp;
    const auto r = run(tmp, "check no/such/file.yaml");
    CHECK(r.code == 2);
    CHECK(contains(r.out + r.err, "no/such/file.yaml"));
  }

  TEST_CASE("an unparsable document exits 2 while the good one is still analyzed") {
    TempDir tmp;
    const auto r = run(tmp, "check fixtures/golden/broken/input.yaml");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "fixtures/golden/broken/input.yaml:25:1: error: cannot parse YAML"));
    CHECK_FALSE(contains(r.out, "cannot parse YAML"));  // errors never go into the report on stdout
    CHECK(contains(r.out, "[single-replica]"));
  }

  TEST_CASE("input errors reach the terminal with --output and with --format json") {
    TempDir tmp;
    const auto report = (tmp.path / "report.json").string();
    const auto r = run(tmp, "check --format json --output " + report + " fixtures/golden/broken/input.yaml");
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "input.yaml:25:1: error: cannot parse YAML"));
    const auto json = run(tmp, "check --format json fixtures/golden/broken/input.yaml");
    CHECK(contains(json.err, "input.yaml:25:1: error"));
    CHECK(json.out.front() == '{');  // the report on stdout stays one JSON document
  }

  TEST_CASE("empty input exits 2") {
    TempDir tmp;
    const auto empty = tmp.path / "empty.yaml";
    std::ofstream(empty) << "# nothing rendered\n";
    CHECK(run(tmp, "check " + empty.string()).code == 2);
    CHECK(run(tmp, "check -").code == 2);  // stdin is /dev/null
  }

  TEST_CASE("a bad flag exits 2 with a message") {
    TempDir tmp;
    const auto r = run(tmp, "check --no-such-flag " + kClean);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--no-such-flag"));
  }

  TEST_CASE("--help and check --help explain the tool") {
    TempDir tmp;
    const auto main_help = run(tmp, "--help");
    CHECK(main_help.code == 0);
    CHECK(contains(main_help.out, "single points of failure"));
    CHECK(contains(main_help.out, "explain"));
    const auto check_help = run(tmp, "check --help");
    CHECK(check_help.code == 0);
    CHECK(contains(check_help.out, "--fail-on"));
    CHECK(contains(check_help.out, "helm template my-release ./chart | faultline check -"));
    CHECK(run(tmp, "--version").out.rfind("faultline ", 0) == 0);
  }

  TEST_CASE("stdin '-' is analyzed like a file") {
    TempDir tmp;
    const auto r = run(tmp, "check -", FAULTLINE_SOURCE_DIR "/" + kFindings);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "<stdin>:"));
    CHECK(contains(r.out, "[single-replica]"));
  }

  TEST_CASE("--output writes the report to a file, without colour") {
    TempDir tmp;
    const auto file = tmp.path / "report.json";
    const auto r = run(tmp, "check --format json --output " + file.string() + " " + kFindings);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    const auto json = slurp(file);
    CHECK(json.rfind("{\n  \"version\": 1,", 0) == 0);
    CHECK(contains(json, "\"rule\": \"single-replica\""));
    CHECK_FALSE(contains(json, "\x1b["));
  }

  TEST_CASE("--output replaces the file only with a complete report and leaves no temporary file") {
    TempDir tmp;
    const auto file = tmp.path / "report.txt";
    std::ofstream(file) << "the previous report\n";
    const auto r = run(tmp, "check --output " + file.string() + " " + kFindings);
    CHECK(r.code == 1);
    CHECK(contains(slurp(file), "[single-replica]"));
    for (const auto& entry : fs::directory_iterator(tmp.path))  // the temporary was renamed over it
      CHECK_MESSAGE(!contains(entry.path().filename().string(), ".tmp"), entry.path());

    const auto missing = run(tmp, "check --output " + (tmp.path / "no-such-dir" / "r.txt").string() + " " + kFindings);
    CHECK(missing.code == 2);
    CHECK(contains(missing.err, "faultline: error: cannot write "));
    CHECK_FALSE(fs::exists(tmp.path / "no-such-dir"));
  }

  TEST_CASE("--output to a symbolic link writes its target, and to a device writes in place") {
    TempDir tmp;
    const auto target = tmp.path / "target.txt";
    std::ofstream(target) << "old\n";
    fs::create_symlink(target, tmp.path / "link.txt");
    CHECK(run(tmp, "check --output " + (tmp.path / "link.txt").string() + " " + kFindings).code == 1);
    CHECK(fs::is_symlink(tmp.path / "link.txt"));
    CHECK(contains(slurp(target), "[single-replica]"));
    const auto device = run(tmp, "check --output /dev/stdout " + kFindings);
    CHECK(device.code == 1);
    CHECK(contains(device.out, "[single-replica]"));
  }

  TEST_CASE("no escape codes when stdout is not a terminal or NO_COLOR is set") {
    TempDir tmp;
    CHECK_FALSE(contains(run(tmp, kFindings).out, "\x1b["));
    CHECK_FALSE(contains(run(tmp, kFindings, "/dev/null", "NO_COLOR=1").out, "\x1b["));
  }

  TEST_CASE("rules lists the catalogue and explain shows one rule or suggests") {
    TempDir tmp;
    const auto rules = run(tmp, "rules");
    CHECK(rules.code == 0);
    CHECK(contains(rules.out, "single-replica"));
    const auto explain = run(tmp, "explain single-replica");
    CHECK(explain.code == 0);
    CHECK(contains(explain.out, "Fix: "));
    const auto typo = run(tmp, "explain singel-replica");
    CHECK(typo.code == 2);
    CHECK(contains(typo.err, "did you mean single-replica"));
  }

  TEST_CASE("--jobs does not change the report: byte-identical for 1 and 3 parser threads") {
    TempDir tmp;
    const auto one = run(tmp, "check --format json --fail-on never --jobs 1 fixtures/corpus");
    const auto three = run(tmp, "check --format json --fail-on never --jobs 3 fixtures/corpus");
    CHECK(one.code == three.code);
    CHECK(one.out.size() > 1000);
    CHECK(one.out == three.out);
  }

  TEST_CASE("an input limit is named with its flag and file:line; the other documents are analyzed (exit 2)") {
    TempDir tmp;
    const auto file = tmp.path / "deep.yaml";
    std::ofstream(file) << slurp(fs::path(FAULTLINE_SOURCE_DIR) / kFindings) << "\n---\nkind: ConfigMap\ndata: "
                        << std::string(1000, '[') << "\n";
    const auto r = run(tmp, "check --max-depth 50 " + file.string());
    CHECK(r.code == 2);
    CHECK(contains(r.out + r.err, "nesting deeper than 50 levels (--max-depth)"));
    CHECK(contains(r.out, "[single-replica]"));
    CHECK(run(tmp, "check --max-depth 0 " + kClean).code == 2);  // a limit must be positive
  }
}
