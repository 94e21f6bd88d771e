#pragma once
/// Which files are manifests: an ordinary repository holds YAML that is not (Helm's Chart.yaml
/// and values files, unrendered chart templates, CI workflows, tool configs); those are skipped
/// and counted, never reported as unparsable manifests.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace faultline::load {

/// The built-in skips plus the user's --exclude / `exclude:` globs.
class InputFilter {
 public:
  InputFilter() = default;
  /// A glob without '/' matches a file or directory name; with '/', the path as given (leading
  /// "./" dropped), where '*' also matches '/'.
  explicit InputFilter(std::vector<std::string> exclude);

  /// Never reads `path` (a file or directory) as manifests: faultline's own inputs of other kinds
  /// (policy packs, node inventories, the baseline) that may sit inside an analyzed tree.
  void skip_path(const std::filesystem::path& path, std::string reason);

  /// Why `path` (a file, or a directory when `directory`) is not read, or nullopt to read it.
  std::optional<std::string> skip_reason(const std::filesystem::path& path, bool directory) const;

 private:
  std::optional<std::string> excluded_by(const std::filesystem::path& path) const;
  /// A `templates/` directory of a Helm chart (its parent holds Chart.yaml); cached per directory.
  bool inside_chart_templates(const std::filesystem::path& path) const;

  std::vector<std::string> exclude_;
  std::map<std::filesystem::path, std::string> own_paths_;  ///< canonical path → why
  mutable std::map<std::filesystem::path, bool> chart_template_dirs_;
};

}  // namespace faultline::load
