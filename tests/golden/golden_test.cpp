// Golden files: every case folder under fixtures/golden/ is analyzed as the command line would,
// in every format, and the bytes are compared with expected.txt, expected.json, expected.sarif,
// expected.junit.xml and expected.md.
// FAULTLINE_UPDATE_GOLDEN=1 rewrites the expected files instead (review the diff before committing).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../../analyzer/cli/command.hpp"

namespace fs = std::filesystem;
using namespace faultline;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// `check`, the case's input files (relative to the source tree), its `args` file, and `extra`.
std::vector<std::string> case_arguments(const fs::path& dir, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"check"};
  std::vector<std::string> inputs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("input", 0) == 0) {
      inputs.push_back(fs::relative(entry.path(), FAULTLINE_SOURCE_DIR).generic_string());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  args.insert(args.end(), inputs.begin(), inputs.end());
  std::istringstream words(slurp(dir / "args"));
  for (std::string word; words >> word;) args.push_back(word);
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::string render(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  cli::Environment env{out, err, false, false, true, &faultline::analyze};
  cli::run(args, env);
  return out.str();
}

void compare_or_update(const fs::path& expected_file, const std::string& actual) {
  const char* update = std::getenv("FAULTLINE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(expected_file, std::ios::binary) << actual;
    return;
  }
  INFO("golden file: " << expected_file.string() << " (FAULTLINE_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(fs::exists(expected_file));
  CHECK(slurp(expected_file) == actual);
}

std::vector<fs::path> golden_cases() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(fs::path(FAULTLINE_SOURCE_DIR) / "fixtures/golden")) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("every report format matches the golden files byte for byte") {
    fs::current_path(FAULTLINE_SOURCE_DIR);  // paths in reports are as given: relative to the tree
    const auto cases = golden_cases();
    REQUIRE(cases.size() >= 4);
    for (const auto& dir : cases) {
      SUBCASE(dir.filename().string().c_str()) {
        compare_or_update(dir / "expected.txt", render(case_arguments(dir, {})));
        compare_or_update(dir / "expected.json", render(case_arguments(dir, {"--format", "json"})));
        compare_or_update(dir / "expected.sarif", render(case_arguments(dir, {"--format", "sarif"})));
        compare_or_update(dir / "expected.junit.xml", render(case_arguments(dir, {"--format", "junit"})));
        compare_or_update(dir / "expected.md", render(case_arguments(dir, {"--format", "markdown"})));
      }
    }
  }

  TEST_CASE("the same input gives the same bytes") {
    fs::current_path(FAULTLINE_SOURCE_DIR);
    const auto args = case_arguments(fs::path(FAULTLINE_SOURCE_DIR) / "fixtures/golden/findings", {"--format", "json"});
    CHECK(render(args) == render(args));
  }
}
