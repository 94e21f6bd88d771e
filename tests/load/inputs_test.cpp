// Paths: directories in sorted order, extension filter, symlink loops, missing paths.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <random>
#include <string>
#include <vector>

#include "faultline/load/loader.hpp"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

/// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("faultline-load-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& name) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel) << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " << name << "\n";
  }
};

struct Result {
  std::vector<std::string> names;
  Diagnostics diags;
  load::LoadStats stats;
};

Result load_paths(const std::vector<std::string>& paths) {
  Result r;
  r.stats = load::load_inputs(
      paths, [&](load::Document&& d) { r.names.push_back(d.root["metadata"]["name"].as<std::string>()); }, r.diags);
  return r;
}

}  // namespace

TEST_CASE("inputs: directories recurse in sorted order and take only yaml, yml and json") {
  TempDir dir;
  dir.write("b.yaml", "b");
  dir.write("a/z.yml", "az");
  dir.write("a/c.json", "ac");
  dir.write("c.txt", "ignored");
  dir.write("A.YAML", "upper");
  const auto r = load_paths({dir.path.string()});
  CHECK(r.diags.empty());
  CHECK(r.names == std::vector<std::string>{"upper", "ac", "az", "b"});
  CHECK(r.stats.files == 4);
}

TEST_CASE("inputs: an explicitly named file loads whatever its extension") {
  TempDir dir;
  dir.write("manifest.txt", "t");
  const auto r = load_paths({(dir.path / "manifest.txt").string()});
  CHECK(r.names == std::vector<std::string>{"t"});
}

TEST_CASE("inputs: a missing path is an error diagnostic and the other paths still load") {
  TempDir dir;
  dir.write("a.yaml", "a");
  const auto r = load_paths({(dir.path / "nope.yaml").string(), (dir.path / "a.yaml").string()});
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].severity == Severity::error);
  CHECK(r.diags[0].message.find("does not exist") != std::string::npos);
  CHECK(r.names == std::vector<std::string>{"a"});
}

TEST_CASE("inputs: a symbolic link loop is reported, not followed forever") {
  TempDir dir;
  dir.write("sub/a.yaml", "a");
  fs::create_directory_symlink(dir.path, dir.path / "sub" / "loop");
  fs::create_symlink(dir.path / "self", dir.path / "self");
  const auto r = load_paths({dir.path.string()});
  CHECK(r.names == std::vector<std::string>{"a"});
  bool loop_reported = false;
  for (const auto& d : r.diags)
    if (d.message.find("loop") != std::string::npos) loop_reported = true;
  CHECK(loop_reported);
  CHECK(r.diags.size() == 2);  // the directory loop and the self-referencing link
}

// Unreadable files and folders: tests/hostile/directory_walk_test.cpp runs the binary without root.

TEST_CASE("inputs: - and an empty path list read standard input as <stdin>") {
  for (const std::vector<std::string>& paths : {std::vector<std::string>{"-"}, std::vector<std::string>{}}) {
    std::istringstream fake("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-stdin\n");
    std::streambuf* saved = std::cin.rdbuf(fake.rdbuf());
    Diagnostics diags;
    std::vector<load::Document> docs;
    load::load_inputs(paths, [&](load::Document&& d) { docs.push_back(std::move(d)); }, diags);
    std::cin.rdbuf(saved);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].where.file == "<stdin>");
    CHECK(docs[0].root["metadata"]["name"].as<std::string>() == "from-stdin");
  }
}
