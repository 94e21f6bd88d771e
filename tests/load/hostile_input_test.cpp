// Hostile and odd input: each limit is named in its diagnostic with file:line, what exceeds it is
// skipped, the other documents still load, and memory stays bounded (big inputs are generated
// here, streamed, never committed).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "faultline/load/loader.hpp"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

struct Loaded {
  std::vector<std::string> names;
  Diagnostics diags;
  load::LoadStats stats;
};

void record(Loaded& out, load::Document&& d) {
  const load::Node name = d.root["metadata"]["name"];
  out.names.push_back(name && name.IsScalar() ? std::string(name.Scalar()) : std::string("?"));
}

Loaded load_str(const std::string& text, const load::Limits& limits = {}) {
  Loaded out;
  out.stats = load::load_text(text, "in.yaml", [&](load::Document&& d) { record(out, std::move(d)); }, out.diags, limits);
  return out;
}

Loaded load_in(std::istream& in, const load::Limits& limits = {}) {
  Loaded out;
  out.stats = load::load_stream(in, "<stdin>", [&](load::Document&& d) { record(out, std::move(d)); }, out.diags, limits);
  return out;
}

/// The diagnostic whose message holds `text`, or null.
const Diagnostic* find(const Loaded& r, const std::string& text) {
  for (const auto& d : r.diags)
    if (d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

std::string config_map(const std::string& name) { return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n"; }

/// An endless stream of one byte, like /dev/zero, produced as it is read.
class RepeatBuf : public std::streambuf {
 public:
  explicit RepeatBuf(char c) : block_(1 << 16, c) {}

 protected:
  int_type underflow() override {
    setg(block_.data(), block_.data(), block_.data() + block_.size());
    return traits_type::to_int_type(block_[0]);
  }

 private:
  std::string block_;
};

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("faultline-hostile-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("hostile: an alias bomb is refused by --max-aliases even with {{ in the file; the next document loads") {
  std::string bomb = "# {{ a template marker in a comment }}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n";
  bomb += "  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    bomb += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  const auto r = load_str(bomb + "---\n" + config_map("after"));
  const Diagnostic* d = find(r, "--max-aliases");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::error);
  CHECK(d->where.file == "in.yaml");
  CHECK(d->where.line >= 7);
  CHECK(r.names == std::vector<std::string>{"after"});
  CHECK(r.stats.failed == 1);
}

TEST_CASE("hostile: 100,000 levels of [ or of nested mappings stop at --max-depth") {
  SUBCASE("flow sequences") {
    const auto r = load_str(config_map("before") + "---\nkind: ConfigMap\ndata: " + std::string(100000, '[') + "\n---\n" +
                            config_map("after"));
    const Diagnostic* d = find(r, "nesting deeper than 200 levels (--max-depth)");
    REQUIRE(d != nullptr);
    CHECK(d->where.line == 7);
    CHECK(r.names == std::vector<std::string>{"before", "after"});
  }
  SUBCASE("flow mappings, with a lower limit") {
    std::string nested;
    for (int i = 0; i < 100000; ++i) nested += "{a: ";
    load::Limits limits;
    limits.max_depth = 10;
    const auto r = load_str("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + nested + "\n", limits);
    CHECK(find(r, "nesting deeper than 10 levels (--max-depth)") != nullptr);
    CHECK(r.stats.failed == 1);
  }
}

TEST_CASE("hostile: 100,000 levels of block sequences on one line, or deeply indented mappings, stop at --max-depth") {
  std::string compact;  // "- - - ... x": each "- " opens a sequence inside the previous one
  for (int i = 0; i < 100000; ++i) compact += "- ";
  const auto r = load_str(config_map("before") + "---\n" + compact + "x\n---\n" + config_map("after"));
  const Diagnostic* d = find(r, "nesting deeper than 200 levels (--max-depth)");
  REQUIRE(d != nullptr);
  CHECK(d->where.line == 6);
  CHECK(r.names == std::vector<std::string>{"before", "after"});

  std::string indented = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n";
  for (int i = 1; i <= 1000; ++i) indented += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  const auto m = load_str(indented + "---\n" + config_map("after"));
  CHECK(find(m, "nesting deeper than 200 levels (--max-depth)") != nullptr);
  CHECK(m.names == std::vector<std::string>{"after"});
  CHECK(m.stats.failed == 1);
}

TEST_CASE("hostile: a very long line within the limits loads") {
  std::string line = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"wide\"}, \"data\": {";
  for (int i = 0; i < 200000; ++i) line += (i ? ", \"k" : "\"k") + std::to_string(i) + "\": \"" + std::string(20, 'v') + "\"";
  line += "}}";
  REQUIRE(line.size() > 6'000'000);
  const auto r = load_str(line + "\n---\n" + config_map("after"));
  CHECK(r.diags.empty());
  CHECK(r.names == std::vector<std::string>{"wide", "after"});
}

TEST_CASE("hostile: YAML tags on values do not stop a document from loading") {
  const auto r = load_str(
      "apiVersion: !!str v1\nkind: ConfigMap\nmetadata: !!map {name: tagged}\ndata:\n  a: !!str 3\n  b: !custom {x: 1}\n"
      "  c: !<tag:example.com,2000:thing> seq\n  d: !!binary aGVsbG8=\n");
  CHECK(r.diags.empty());
  CHECK(r.names == std::vector<std::string>{"tagged"});
}

TEST_CASE("hostile: a recursive alias fails its document at the alias, in a mapping, a sequence or a key") {
  // Each once made a tree that contained itself, and reading it overflowed the stack.
  for (const std::string body : {"data: &a\n  k: *a\n", "data: &a [*a]\n", "data: &a {*a : 1}\n", "data: &a {x: [{y: *a}]}\n"}) {
    CAPTURE(body);
    const auto r = load_str(config_map("loop") + body + "---\n" + config_map("next"));
    const Diagnostic* d = find(r, "(a recursive alias); document skipped");
    REQUIRE(d);
    CHECK(d->where.line >= 5);
    CHECK(r.names == std::vector<std::string>{"next"});
    CHECK(r.stats.failed == 1);
  }
  // An alias to a finished node, even one that reuses the name of an open anchor, is fine.
  const auto fine = load_str(config_map("fine") + "data: &a\n  first: &a x\n  second: *a\n");
  CHECK(fine.names == std::vector<std::string>{"fine"});
  CHECK(fine.diags.empty());
}

TEST_CASE("hostile: an anchor is not visible in the next document; the alias fails only its own document") {
  const auto r = load_str(config_map("first") + "  labels: &shared {app: a}\n---\napiVersion: v1\nkind: ConfigMap\n"
                          "metadata:\n  name: second\n  labels: *shared\n---\n" + config_map("third"));
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].severity == Severity::error);
  CHECK(r.diags[0].where.line == 11);
  CHECK(r.names == std::vector<std::string>{"first", "third"});
  CHECK(r.stats.failed == 1);
}

TEST_CASE("hostile: a document over --max-document-bytes is skipped with its line; its neighbours load") {
  load::Limits limits;
  limits.max_document_bytes = 1 << 20;
  // A 200 MB scalar, streamed: the loader never keeps more than the limit of it.
  std::stringstream big;
  big << config_map("before") << "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ";
  const std::string block(1 << 20, 'x');
  for (int i = 0; i < 200; ++i) big << block;
  big << "\n---\n" << config_map("after");
  const auto r = load_in(big, limits);
  const Diagnostic* d = find(r, "too large");
  REQUIRE(d != nullptr);
  CHECK(d->message.find("--max-document-bytes") != std::string::npos);
  CHECK(d->where.line == 5);
  CHECK(r.names == std::vector<std::string>{"before", "after"});
}

TEST_CASE("hostile: an endless stream (/dev/zero) stops at --max-file-bytes with a message") {
  RepeatBuf zeros('\0');
  std::istream in(&zeros);
  load::Limits limits;
  limits.max_file_bytes = 8 << 20;
  limits.max_document_bytes = 1 << 20;
  const auto r = load_in(in, limits);
  CHECK(find(r, "--max-file-bytes") != nullptr);
  CHECK(r.stats.bytes == limits.max_file_bytes);
  CHECK(r.names.empty());
}

TEST_CASE("hostile: files over --max-file-bytes or past --max-total-bytes are skipped; the others load") {
  TempDir dir;
  std::ofstream(dir.path / "a.yaml") << config_map("a");
  std::ofstream(dir.path / "b.yaml") << config_map("b") << "# " << std::string(4000, 'x') << "\n";
  std::ofstream(dir.path / "c.yaml") << config_map("c");
  load::Limits limits;
  limits.max_file_bytes = 1000;
  Loaded r;
  r.stats = load::load_inputs({dir.path.string()}, [&](load::Document&& d) { record(r, std::move(d)); }, r.diags, limits);
  CHECK(r.names == std::vector<std::string>{"a", "c"});
  const Diagnostic* d = find(r, "--max-file-bytes");
  REQUIRE(d != nullptr);
  CHECK(d->where.file.ends_with("b.yaml"));

  load::Limits total;
  total.max_total_bytes = 100;
  Loaded t;
  t.stats = load::load_inputs({dir.path.string()}, [&](load::Document&& doc) { record(t, std::move(doc)); }, t.diags, total);
  CHECK(t.names == std::vector<std::string>{"a"});
  CHECK(find(t, "--max-total-bytes") != nullptr);
}

TEST_CASE("hostile: a bad byte fails only its document, with its line; in a comment it is a warning") {
  const auto r = load_str(config_map("first") + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xE9\n---\n" +
                          "# caf\xE9 in a comment\n" + config_map("third") + "---\n" + config_map(std::string("nul\0x", 5)));
  const Diagnostic* bad = find(r, "not valid UTF-8");
  REQUIRE(bad != nullptr);
  CHECK(bad->severity == Severity::error);
  CHECK(bad->where.line == 9);
  const Diagnostic* comment = find(r, "in a comment");
  REQUIRE(comment != nullptr);
  CHECK(comment->severity == Severity::warning);
  CHECK(comment->where.line == 11);
  const Diagnostic* nul = find(r, "NUL");
  REQUIRE(nul != nullptr);
  CHECK(nul->where.line == 20);
  CHECK(r.names == std::vector<std::string>{"first", "third"});
  CHECK(r.stats.failed == 2);
  CHECK(r.stats.documents == 4);
}

TEST_CASE("hostile: duplicate keys name both lines and the last value wins") {
  const auto r = load_str("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  replicas: 1\n");
  const Diagnostic* d = find(r, "duplicate key 'replicas' (first at line 6)");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::warning);
  CHECK(d->where.line == 7);
  Loaded kept;
  std::vector<load::Document> docs;
  load::load_text("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  replicas: 1\n", "in.yaml",
                  [&](load::Document&& doc) { docs.push_back(std::move(doc)); }, kept.diags);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].root["spec"]["replicas"].as<int>() == 1);
}

TEST_CASE("hostile: merge keys are resolved as YAML 1.1 defines them") {
  std::vector<load::Document> docs;
  Diagnostics diags;
  load::load_text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\nx-base: &base {a: from-base, b: from-base}\n"
                  "x-other: &other {b: from-other, c: from-other}\ndata:\n  <<: [*base, *other]\n  a: own\n",
                  "in.yaml", [&](load::Document&& doc) { docs.push_back(std::move(doc)); }, diags);
  REQUIRE(docs.size() == 1);
  const load::Node data = docs[0].root["data"];
  CHECK(data["a"].as<std::string>() == "own");         // the mapping's own key wins
  CHECK(data["b"].as<std::string>() == "from-base");   // an earlier merged mapping wins over a later one
  CHECK(data["c"].as<std::string>() == "from-other");
  CHECK_FALSE(data["<<"]);
}

TEST_CASE("hostile: encodings and layouts that are still valid YAML load") {
  SUBCASE("BOM, CRLF, tabs after values, no final newline") {
    const auto r = load_str("\xEF\xBB\xBF" "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\t\r\n---\r\n" +
                            std::string("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: last}"));
    CHECK(r.diags.empty());
    CHECK(r.names == std::vector<std::string>{"crlf", "last"});
  }
  SUBCASE("--- and ... alone, comments only") {
    const auto r = load_str("---\n...\n---\n# only a comment\n...\n");
    CHECK(r.diags.empty());
    CHECK(r.stats.documents == 0);
  }
  SUBCASE("UTF-16 is refused with a clear message") {
    const std::string utf16("\xFF\xFE" "a\0p\0i\0", 8);
    const auto r = load_str(utf16);
    const Diagnostic* d = find(r, "UTF-16");
    REQUIRE(d != nullptr);
    CHECK(d->message.find("iconv") != std::string::npos);
    CHECK(r.stats.failed == 1);
  }
}

TEST_CASE("hostile: 1,000,000 tiny documents are all counted, in bounded memory") {
  std::stringstream many;
  for (int i = 0; i < 1000000; ++i) many << (i % 1000 == 0 ? "---\n" + config_map("cm-" + std::to_string(i)) : "---\n[a]\n");
  const auto r = load_in(many);
  CHECK(r.stats.documents == 1000000);
  CHECK(r.names.size() == 1000);
  CHECK(r.stats.failed == 999000);  // not Kubernetes objects: each is named, none is lost
  CHECK(r.diags.size() == 999000);
  CHECK(r.diags.back().where.line == 999000 * 2 + 1000 * 5);  // the last line: no line is lost or miscounted
}

TEST_CASE("hostile: stdin empty or closed is no input, not a crash") {
  std::istringstream empty;
  const auto r = load_in(empty);
  CHECK(r.diags.empty());
  CHECK(r.stats.documents == 0);
  std::istringstream closed;
  closed.setstate(std::ios::badbit);
  const auto c = load_in(closed);
  CHECK(c.stats.documents == 0);
}

TEST_CASE("hostile: FIFOs and unreadable entries inside a directory are skipped with a note") {
  TempDir dir;
  std::ofstream(dir.path / "a.yaml") << config_map("a");
  REQUIRE(::mkfifo((dir.path / "pipe.yaml").c_str(), 0600) == 0);
  Loaded r;
  r.stats = load::load_inputs({dir.path.string()}, [&](load::Document&& d) { record(r, std::move(d)); }, r.diags);
  CHECK(r.names == std::vector<std::string>{"a"});
  const Diagnostic* d = find(r, "not a regular file");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::warning);
  CHECK(d->where.file.ends_with("pipe.yaml"));
}

// 20,000 files keep the suite quick (creating and removing them is most of its time); the
// README's Robustness section records a 100,000-file run of the binary.
TEST_CASE("hostile: a directory of 20,000 files loads every one, each file read through one reused buffer") {
  TempDir dir;
  constexpr int kFiles = 20000;
  for (int i = 0; i < kFiles; ++i) {
    const auto sub = dir.path / ("d" + std::to_string(i % 100));
    if (i < 100) fs::create_directory(sub);
    std::ofstream(sub / ("cm-" + std::to_string(i) + ".yaml")) << "{kind: ConfigMap, apiVersion: v1, metadata: {name: c}}\n";
  }
  Loaded r;
  std::size_t objects = 0;
  r.stats = load::load_inputs({dir.path.string()}, [&](load::Document&&) { ++objects; }, r.diags);
  CHECK(r.diags.empty());
  CHECK(r.stats.files == kFiles);
  CHECK(objects == kFiles);
}

TEST_CASE("hostile: kinds read by identity only still report their syntax errors; their metadata is kept") {
  const auto r = load_str("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: crd\nspec:\n"
                          "  versions: [unclosed\n---\napiVersion: v1\nkind: Secret\ndata:\n  k: dg==\nmetadata:\n  name: s\n"
                          "type: Opaque\n");
  const Diagnostic* d = find(r, "cannot parse YAML");
  REQUIRE(d != nullptr);
  CHECK(d->where.line >= 6);
  CHECK(r.names == std::vector<std::string>{"s"});
}

/// Every object name, then every diagnostic with its line: what must not depend on --jobs.
std::string names_and_diagnostics(const Loaded& r) {
  std::string out;
  for (const auto& n : r.names) out += n + "\n";
  for (const auto& d : r.diags) out += std::to_string(d.where.line) + ":" + d.message + "\n";
  return out;
}

TEST_CASE("hostile: the same objects and diagnostics in the same order for any --jobs") {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += "---\n" + config_map("cm-" + std::to_string(i)) + (i % 7 == 0 ? "  bad: [\n" : "") + (i % 11 == 0 ? "x: 1\nx: 2\n" : "");
  std::vector<std::string> outputs;
  for (const unsigned jobs : {1u, 2u, 7u}) {
    load::Limits limits;
    limits.jobs = jobs;
    const auto r = load_str(text, limits);
    outputs.push_back(names_and_diagnostics(r));
  }
  CHECK(outputs[0] == outputs[1]);
  CHECK(outputs[0] == outputs[2]);
  CHECK(outputs[0].find("duplicate key") != std::string::npos);
}

TEST_CASE("hostile: a file cut at --max-file-bytes reports the cut after its documents, for any --jobs") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "---\n" + config_map("cm-" + std::to_string(i)) + (i % 5 == 0 ? "  bad: [\n" : "");
  std::vector<std::string> outputs;
  for (const unsigned jobs : {1u, 2u, 7u}) {
    load::Limits limits;
    limits.jobs = jobs;
    limits.max_file_bytes = text.size() * 4 / 5;
    const auto r = load_str(text, limits);
    REQUIRE(!r.diags.empty());
    CHECK(r.diags.back().message.find("input is too large") != std::string::npos);  // after every document's own
    CHECK(r.names.size() > 1500);
    outputs.push_back(names_and_diagnostics(r));
  }
  CHECK(outputs[0] == outputs[1]);
  CHECK(outputs[0] == outputs[2]);
}
