#include "faultline/load/input_filter.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

namespace faultline::load {
namespace fs = std::filesystem;

namespace {

// glob: matched against the name; what: why it is not a manifest (cppcheck misses reads through std::span).
struct NamedSkip {
  // cppcheck-suppress unusedStructMember
  const char* glob;
  // cppcheck-suppress unusedStructMember
  const char* what;
};

constexpr std::array kSkippedNames = {
    NamedSkip{"Chart.yaml", "a Helm chart's metadata"},
    NamedSkip{"Chart.lock", "a Helm chart's lock file"},
    NamedSkip{"values*.yaml", "Helm chart values"},
    NamedSkip{"values*.yml", "Helm chart values"},
    NamedSkip{"values*.json", "Helm chart values"},
    NamedSkip{"kustomization.yaml", "a kustomize configuration (run kustomize build first)"},
    NamedSkip{"kustomization.yml", "a kustomize configuration (run kustomize build first)"},
    NamedSkip{".pre-commit-config.yaml", "a pre-commit configuration"},
    NamedSkip{".pre-commit-hooks.yaml", "a pre-commit hook definition"},
    NamedSkip{".faultline.yaml", "faultline's own settings"},
    NamedSkip{".gitlab-ci.yml", "a GitLab CI pipeline"},
    NamedSkip{".travis.yml", "a CI configuration"},
    NamedSkip{".golangci.yml", "a linter configuration"},
    NamedSkip{".yamllint*", "a linter configuration"},
    NamedSkip{"mkdocs.yml", "a documentation site configuration"},
};

/// Directories that never hold manifests, by name.
constexpr std::array kSkippedDirectories = {
    NamedSkip{".git", "version control data"},
    NamedSkip{".github", "GitHub workflows and settings"},
    NamedSkip{"node_modules", "JavaScript packages"},
};

bool matches(const char* glob, const std::string& text) { return fnmatch(glob, text.c_str(), 0) == 0; }

std::string as_given(const fs::path& path) {
  std::string text = path.generic_string();
  while (text.rfind("./", 0) == 0) text.erase(0, 2);
  return text;
}

}  // namespace

InputFilter::InputFilter(std::vector<std::string> exclude) : exclude_(std::move(exclude)) {}

std::optional<std::string> InputFilter::excluded_by(const fs::path& path) const {
  const std::string name = path.filename().string();
  const std::string full = as_given(path);
  for (const auto& glob : exclude_) {
    const bool has_slash = glob.find('/') != std::string::npos;
    if (matches(glob.c_str(), has_slash ? full : name)) return "excluded by --exclude " + glob;
  }
  return std::nullopt;
}

bool InputFilter::inside_chart_templates(const fs::path& path) const {
  for (fs::path dir = path.parent_path(); !dir.empty() && dir.has_relative_path(); dir = dir.parent_path()) {
    if (dir.filename() != "templates") continue;
    auto [it, fresh] = chart_template_dirs_.try_emplace(dir, false);
    if (fresh) {
      std::error_code ec;
      it->second = fs::is_regular_file(dir.parent_path() / "Chart.yaml", ec);
    }
    if (it->second) return true;
  }
  return false;
}

void InputFilter::skip_path(const fs::path& path, std::string reason) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(path, ec);
  if (!ec) own_paths_.emplace(canonical, std::move(reason));  // a missing one is reported by its own reader
}

std::optional<std::string> InputFilter::skip_reason(const fs::path& path, bool directory) const {
  if (auto excluded = excluded_by(path)) return excluded;
  if (!own_paths_.empty()) {
    std::error_code ec;
    if (const auto it = own_paths_.find(fs::canonical(path, ec)); !ec && it != own_paths_.end()) return it->second;
  }
  const std::string name = path.filename().string();
  const auto skips = directory ? std::span<const NamedSkip>(kSkippedDirectories) : std::span<const NamedSkip>(kSkippedNames);
  for (const auto& skip : skips) {
    if (matches(skip.glob, name)) return std::string(skip.what) + ", not a Kubernetes manifest";
  }
  if (directory) return std::nullopt;
  for (const auto& part : path.parent_path()) {  // a file named inside .github/ and the like
    for (const auto& skip : kSkippedDirectories)
      if (matches(skip.glob, part.string())) return std::string("inside ") + skip.glob + "/: " + skip.what;
  }
  if (inside_chart_templates(path))
    return "an unrendered Helm chart template (run helm template and check its output)";
  return std::nullopt;
}

}  // namespace faultline::load
