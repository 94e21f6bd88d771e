// Golden files of the graph commands: DOT, JSON and a simulation of fixtures/graph/shop, byte for byte.
// FAULTLINE_UPDATE_GOLDEN=1 rewrites them instead (review the diff before committing).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "../../analyzer/cli/command.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kShop = "fixtures/graph/shop";

struct Run {
  int code = 0;
  std::string out, err;
};

Run faultline_cli(std::vector<std::string> args) {
  std::ostringstream out, err;
  faultline::cli::Environment env{out, err, false, false, true, &faultline::analyze};
  Run r;
  r.code = faultline::cli::run(args, env);
  r.out = out.str();
  r.err = err.str();
  return r;
}

void compare_or_update(const fs::path& expected, const std::string& actual) {
  const char* update = std::getenv("FAULTLINE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(expected, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(expected, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  INFO("golden file: " << expected.string() << " (FAULTLINE_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(fs::exists(expected));
  CHECK(text.str() == actual);
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("faultline graph: DOT and JSON of the shop fixture") {
    fs::current_path(FAULTLINE_SOURCE_DIR);
    const std::vector<std::string> base = {"graph", (kShop / "input.yaml").string(), "--nodes", (kShop / "nodes.yaml").string()};
    const auto dot = faultline_cli(base);
    INFO(dot.err);
    CHECK(dot.code == 0);
    compare_or_update(kShop / "expected.dot", dot.out);
    auto args = base;
    args.insert(args.end(), {"--format", "json"});
    const auto json = faultline_cli(args);
    CHECK(json.code == 0);
    compare_or_update(kShop / "expected.json", json.out);
  }

  TEST_CASE("faultline simulate: losing zone eu-1a in the shop fixture, text and JSON") {
    fs::current_path(FAULTLINE_SOURCE_DIR);
    std::vector<std::string> args = {"simulate", "--fail", "zone=eu-1a", (kShop / "input.yaml").string(), "--nodes",
                                     (kShop / "nodes.yaml").string()};
    const auto text = faultline_cli(args);
    INFO(text.err);
    CHECK(text.code == 1);
    compare_or_update(kShop / "expected-simulate.txt", text.out);
    args.insert(args.end(), {"--format", "json"});
    compare_or_update(kShop / "expected-simulate.json", faultline_cli(args).out);
  }
  TEST_CASE("faultline simulate: the capacity verdict of each fixtures/capacity case, text and JSON") {
    fs::current_path(FAULTLINE_SOURCE_DIR);
    for (const char* name : {"fits", "does-not-fit", "may-not-fit", "gpu-shortage", "unknown-requests"}) {
      CAPTURE(name);
      const fs::path input = fs::path("fixtures/capacity") / (std::string(name) + ".yaml");
      std::vector<std::string> args = {"simulate", "--fail", "zone=eu-1a", input.string()};
      const auto text = faultline_cli(args);
      INFO(text.err);
      CHECK(text.err.empty());
      compare_or_update(fs::path("fixtures/capacity") / (std::string(name) + ".simulate.txt"), text.out);
      args.insert(args.end(), {"--format", "json"});
      compare_or_update(fs::path("fixtures/capacity") / (std::string(name) + ".simulate.json"), faultline_cli(args).out);
    }
  }
}
