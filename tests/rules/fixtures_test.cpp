// Every fixtures/rules/<rule-id>/ folder: fail*.yaml must make the rule fire, pass*.yaml must not.
// A folder may hold nodes.yaml (or nodes-<file stem>.yaml for one case) as --nodes, and an `args`
// file of extra options. FAULTLINE_RULE=<id> runs one folder; folders starting with '_' are skipped.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "analyze_yaml.hpp"

namespace fs = std::filesystem;
using namespace faultline;

namespace {

fs::path fixtures_root() { return fs::path(FAULTLINE_SOURCE_DIR) / "fixtures" / "rules"; }

/// Applies the options of an `args` file (whitespace-separated, as on the command line).
void apply_args(const fs::path& folder, AnalysisOptions& options) {
  std::ifstream in(folder / "args");
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  for (std::size_t i = 0; i + 1 < words.size(); i += 2) {
    const std::string& flag = words[i];
    const std::string& value = words[i + 1];
    if (flag == "--pack") options.selection.packs.push_back(value);
    else if (flag == "--enable") options.selection.enable.push_back(value);
    else if (flag == "--disable") options.selection.disable.push_back(value);
    else if (flag == "--topology-key") options.extra_topology_keys.push_back(value);
    else if (flag == "--namespace") options.default_namespace = value;
    else if (flag == "--policy") options.policy_paths.push_back((folder / value).string());
    else if (flag == "--severity") {
      const auto eq = value.find('=');
      options.selection.severity[value.substr(0, eq)] = parse_severity(value.substr(eq + 1)).value_or(Severity::info);
    } else FAIL("unknown option in " << (folder / "args").string() << ": " << flag);
  }
}

std::vector<fs::path> cases(const fs::path& folder) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".yaml" && (name.starts_with("pass") || name.starts_with("fail"))) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Names of every object in the model that starts with `prefix`.
std::set<std::string> names_with_prefix(const model::Model& m, const std::string& prefix) {
  std::set<std::string> out;
  auto add = [&](const model::ObjectMeta& meta) {
    if (meta.ref.name.starts_with(prefix)) out.insert(meta.ref.name);
  };
  for (const auto& o : m.workloads) add(o.meta);
  for (const auto& o : m.pdbs) add(o.meta);
  for (const auto& o : m.services) add(o.meta);
  for (const auto& o : m.pvcs) add(o.meta);
  for (const auto& o : m.webhooks) add(o.meta);
  for (const auto& o : m.raw) add(o.meta);
  return out;
}

void run_case(const std::string& rule, const fs::path& folder, const fs::path& file) {
  AnalysisOptions options;
  options.paths = {file.string()};
  options.selection.enable = {rule};
  const fs::path own_nodes = folder / ("nodes-" + file.stem().string() + ".yaml");
  if (fs::exists(own_nodes)) options.node_paths = {own_nodes.string()};
  else if (fs::exists(folder / "nodes.yaml")) options.node_paths = {(folder / "nodes.yaml").string()};
  apply_args(folder, options);
  const auto a = analyze(options);
  std::string diags;
  for (const auto& d : a->diagnostics) diags += d.where.file + ":" + std::to_string(d.where.line) + ": " + d.message + "\n";
  INFO(diags);
  REQUIRE_FALSE(a->policy_error);
  CHECK_FALSE(a->input_error);
  const rules::Rule* r = a->catalogue.find(rule);
  REQUIRE_MESSAGE(r, "fixture folder names no rule: " << rule);
  REQUIRE(r->enabled);
  CHECK_MESSAGE(a->examined[rule] > 0, "the rule examined no object of " << file.filename().string());

  std::set<std::string> fired;
  // A finding folded into a more specific rule's (`supersedes:`) still counts as the rule firing.
  for (const auto& f : a->findings) {
    const bool matched = f.rule == rule || std::any_of(f.also_matched.begin(), f.also_matched.end(),
                                                       [&](const rules::AlsoMatched& m) { return m.rule == rule; });
    if (matched && !f.suppressed) fired.insert(f.object.name);
  }
  if (file.filename().string().starts_with("fail")) {
    CHECK_MESSAGE(!fired.empty(), rule << " did not fire on " << file.string());
    for (const auto& name : names_with_prefix(a->model, "fires-"))
      CHECK_MESSAGE(fired.count(name), rule << " did not fire on object " << name);
  } else {
    for (const auto& name : fired) CHECK_MESSAGE(false, rule << " fired on " << name << " in " << file.string());
  }
  for (const auto& name : names_with_prefix(a->model, "dont-fire-"))
    CHECK_MESSAGE(!fired.count(name), rule << " fired on object " << name);
}

}  // namespace

TEST_CASE("every rule fixture: fail files fire, pass files do not") {
  const char* only = std::getenv("FAULTLINE_RULE");
  std::size_t folders = 0;
  for (const auto& entry : fs::directory_iterator(fixtures_root())) {
    const std::string rule = entry.path().filename().string();
    if (!entry.is_directory() || rule.starts_with("_") || (only && rule != only)) continue;
    ++folders;
    for (const auto& file : cases(entry.path())) {
      CAPTURE(file.string());
      run_case(rule, entry.path(), file);
    }
  }
  CHECK(folders > 0);
}
