// The CI formats through `faultline check`: --sarif-root, --fail-on (flag or config file) as the
// JUnit report and the Markdown verdict see it, and --output.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "../../analyzer/cli/command.hpp"

namespace fs = std::filesystem;
using namespace faultline;

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

Run check(std::vector<std::string> args) {
  std::ostringstream out, err;
  cli::Environment env{out, err, false, false, true, &faultline::analyze};
  args.insert(args.begin(), "check");
  const int code = cli::run(args, env);
  return {code, out.str(), err.str()};
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

/// A scratch directory removed at the end of the test.
struct Scratch {
  fs::path path = fs::temp_directory_path() / ("faultline-formats-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(path); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

const char* kInput = "fixtures/golden/findings/input.yaml";  // 2 errors and 2 warnings

}  // namespace

TEST_SUITE("ci formats") {
  TEST_CASE("check --sarif-root makes artifact URIs relative to it; the default is the current directory") {
    fs::current_path(FAULTLINE_SOURCE_DIR);
    const auto uri = [](const Run& run) {
      return YAML::Load(run.out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
          .as<std::string>();
    };
    const auto by_default = check({"--format", "sarif", kInput});
    CHECK(by_default.code == 1);
    CHECK(uri(by_default) == "fixtures/golden/findings/input.yaml");
    CHECK(uri(check({"--format", "sarif", "--sarif-root", "fixtures/golden", kInput})) == "findings/input.yaml");
    CHECK(uri(check({"--format", "sarif", "--sarif-root", "fixtures/golden/", kInput})) == "findings/input.yaml");
    const auto outside = check({"--format", "sarif", "--sarif-root", "fixtures/golden/clean", kInput});
    CHECK(uri(outside) == "file://" + (fs::path(FAULTLINE_SOURCE_DIR) / kInput).lexically_normal().generic_string());
  }

  TEST_CASE("check --fail-on, from the flag or the config file, decides JUnit failures and the Markdown verdict") {
    fs::current_path(FAULTLINE_SOURCE_DIR);
    CHECK(count(check({"--format", "junit", kInput}).out, "<failure ") == 2);
    CHECK(count(check({"--format", "junit", "--fail-on", "warning", kInput}).out, "<failure ") == 4);
    const auto never = check({"--format", "markdown", "--fail-on", "never", kInput});
    CHECK(never.code == 0);
    CHECK(never.out.starts_with("**faultline: passes**"));

    Scratch scratch;
    const auto config = scratch.path / "faultline.yaml";
    std::ofstream(config) << "fail-on: warning\n";
    const auto from_config = check({"--format", "junit", "--config", config.string(), kInput});
    CHECK(count(from_config.out, "<failure ") == 4);
    CHECK(count(from_config.out, "type=\"warning\"") == 2);
  }

  TEST_CASE("check --format markdown --output writes the review to a file") {
    fs::current_path(FAULTLINE_SOURCE_DIR);
    Scratch scratch;
    const auto file = scratch.path / "review.md";
    const auto run = check({"--format", "markdown", "--output", file.string(), kInput});
    CHECK(run.code == 1);
    CHECK(run.out.empty());
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(text.str().starts_with("**faultline: fails**: 2 errors, 2 warnings"));
  }
}
