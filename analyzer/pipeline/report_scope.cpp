#include "report_scope.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace faultline::pipeline {
namespace fs = std::filesystem;

namespace {

fs::path normal(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? fs::absolute(path).lexically_normal() : canonical;
}

/// True when `file` is `root` or lies below it.
bool within(const fs::path& file, const fs::path& root) {
  const auto [r, f] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  return r == root.end() || (std::next(r) == root.end() && r->empty());  // "dir/" ends in an empty part
}

}  // namespace

std::size_t keep_findings_in(const std::vector<std::string>& paths, rules::Findings& findings) {
  std::vector<fs::path> roots;
  for (const auto& p : paths)
    if (p != "-") roots.push_back(normal(p));
  const bool stdin_named = std::find(paths.begin(), paths.end(), "-") != paths.end();
  std::map<std::string, bool> in_scope;  // per file: findings are many, files few
  const auto in_scope_file = [&](const std::string& file) {
    if (file.empty()) return false;
    if (file == "<stdin>") return stdin_named;
    auto [it, fresh] = in_scope.try_emplace(file, false);
    if (fresh) {
      const fs::path normalized = normal(file);
      it->second = std::any_of(roots.begin(), roots.end(), [&](const fs::path& r) { return within(normalized, r); });
    }
    return it->second;
  };
  // An object read from several files is reported when any of them was named.
  const auto reported = [&](const rules::Finding& f) {
    return in_scope_file(f.where.file) ||
           std::any_of(f.also_at.begin(), f.also_at.end(), [&](const SourceLocation& w) { return in_scope_file(w.file); });
  };
  const auto before = findings.size();
  std::erase_if(findings, [&](const rules::Finding& f) { return !reported(f); });
  return before - findings.size();
}

}  // namespace faultline::pipeline
