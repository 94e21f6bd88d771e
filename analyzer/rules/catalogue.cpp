// The catalogue: built-in packs and --policy packs, loaded through one path and validated together.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "faultline/rules/engine.hpp"
#include "faultline/rules/suggest.hpp"
#include "catalogue_codec.hpp"
#include "pack_files.hpp"

namespace faultline::rules {

namespace fs = std::filesystem;

const Rule* Catalogue::find(const std::string& id) const {
  const auto it = std::lower_bound(rules.begin(), rules.end(), id, [](const Rule& r, const std::string& k) { return r.id < k; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

std::vector<std::string> Catalogue::suggestions(const std::string& id) const {
  std::vector<std::string> ids;
  for (const auto& r : rules) ids.push_back(r.id);
  return closest(id, ids);
}

std::vector<std::string> Catalogue::packs() const {
  std::vector<std::string> out;
  for (const auto& r : rules)
    if (std::find(out.begin(), out.end(), r.pack) == out.end()) out.push_back(r.pack);
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

std::string pack_of(const fs::path& file) {
  const fs::path dir = fs::absolute(file).lexically_normal().parent_path();
  return dir.filename().empty() ? std::string("user") : dir.filename().string();
}

void add_user_path(const std::string& path, Catalogue& catalogue, Diagnostics& errors) {
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && detail::is_pack_file(it->path())) files.push_back(it->path());
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else {
    errors.push_back({Severity::error, {path, 0, 0, {}}, "policy path does not exist or is not a file or directory"});
    return;
  }
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) errors.push_back({Severity::error, {f.string(), 0, 0, {}}, "cannot read policy file"});
    else detail::add_pack_file(f.string(), text.str(), pack_of(f), false, catalogue, errors);
  }
}

void report_duplicates(const Catalogue& catalogue, Diagnostics& errors) {
  for (std::size_t i = 1; i < catalogue.rules.size(); ++i) {
    const Rule& a = catalogue.rules[i - 1];
    const Rule& b = catalogue.rules[i];
    if (a.id == b.id)
      errors.push_back({Severity::error, b.where, "duplicate rule id '" + b.id + "' (also defined in " + a.where.file + ")"});
  }
}

/// `supersedes:` may name only rules of the catalogue (any pack), checked once every pack is in.
void report_unknown_superseded(const Catalogue& catalogue, Diagnostics& errors) {
  for (const Rule& rule : catalogue.rules)
    for (const auto& id : rule.supersedes)
      if (!catalogue.find(id)) {
        const auto close = catalogue.suggestions(id);
        errors.push_back({Severity::error, rule.supersedes_where,
                          "supersedes: unknown rule '" + id + "'" +
                              (close.empty() ? std::string{} : " (did you mean '" + close.front() + "'?)")});
      }
}

/// The built-in packs, decoded from the form the build precompiled them into (the YAML is not in
/// the binary: only the pack compiler and the tests link builtin_pack_sources.cpp).
void add_builtin_packs(Catalogue& catalogue, Diagnostics& errors) {
  auto contents = detail::decode_packs(detail::precompiled_packs());
  if (!contents) {
    errors.push_back({Severity::error, {"policies", 0, 0, {}},
                      "the built-in policy packs compiled into this binary cannot be read; rebuild faultline"});
    return;
  }
  catalogue.rules = std::move(contents->rules);
  catalogue.declarations = std::move(contents->declarations);
}

}  // namespace

namespace detail {

void add_pack_file(const std::string& file, const std::string& text, const std::string& pack, bool builtin,
                   Catalogue& catalogue, Diagnostics& errors) {
  if (fs::path(file).filename().string().starts_with("_")) {
    parse_declarations_file(file, text, catalogue.declarations, errors);
    return;
  }
  if (auto rule = parse_rule_file(file, text, pack, errors)) {
    rule->builtin = builtin;
    catalogue.rules.push_back(std::move(*rule));
  }
}

bool is_pack_file(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

}  // namespace detail

Catalogue load_catalogue(const std::vector<std::string>& policy_paths, Diagnostics& errors) {
  Catalogue catalogue;
  add_builtin_packs(catalogue, errors);
  for (const auto& path : policy_paths) add_user_path(path, catalogue, errors);
  std::stable_sort(catalogue.rules.begin(), catalogue.rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
  report_duplicates(catalogue, errors);
  report_unknown_superseded(catalogue, errors);
  return catalogue;
}

}  // namespace faultline::rules
