// Replays fixtures/regressions/: every input that once crashed, hung, exhausted memory or
// misreported runs through the whole pipeline and every writer, with its expected diagnostics.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "../../fuzz/exercise.hpp"
#include "run_faultline.hpp"

namespace fs = std::filesystem;
using faultline::hostile::slurp;

namespace {

/// The TEXT of every leading `# expect: TEXT` line.
std::vector<std::string> expectations(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  const std::string prefix = "# expect: ";
  for (std::string line; std::getline(lines, line) && line.starts_with("#");) {
    if (line.starts_with(prefix)) out.push_back(line.substr(prefix.size()));
  }
  return out;
}

std::vector<fs::path> regression_inputs() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(FAULTLINE_SOURCE_DIR) / "fixtures/regressions")) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_SUITE("regressions") {

TEST_CASE("every regression input is analyzed and reported in every format, with its expected diagnostics") {
  const auto files = regression_inputs();
  CHECK(files.size() >= 7);
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    const std::string text = slurp(file);
    std::ostringstream out;
    const auto analysis = faultline::fuzz::exercise(text, out);
    CHECK_FALSE(out.str().empty());
    for (const auto& expected : expectations(text)) {
      const bool found = std::any_of(analysis->diagnostics.begin(), analysis->diagnostics.end(),
                                     [&](const auto& d) { return d.message.find(expected) != std::string::npos; });
      CHECK_MESSAGE(found, expected);
    }
  }
}

}  // TEST_SUITE
