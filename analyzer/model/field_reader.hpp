#pragma once
/// Typed access to YAML fields that reports wrong types and out-of-range values as diagnostics.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/load/tree.hpp"

#include "faultline/common/diagnostic.hpp"
#include "faultline/model/int_or_percent.hpp"
#include "faultline/model/labels.hpp"
#include "faultline/model/object.hpp"

namespace faultline::model {

/// "path.key", or "key" when path is empty.
std::string join_path(const std::string& path, std::string_view key);

/// Reads fields of one object. A missing or null field is absent; a field of the wrong type
/// is reported (object, field path, file:line) and then treated as absent.
class FieldReader {
 public:
  FieldReader(const ObjectMeta& meta, const load::Node& root, Diagnostics& diags);

  /// `parent[key]` when parent is a mapping and the value is not null; otherwise an undefined node.
  static load::Node child(const load::Node& parent, const char* key);

  void error(const load::Node& at, std::string_view path, std::string_view message, Severity severity = Severity::error);

  load::Node map(const load::Node& parent, const char* key, const std::string& path);
  load::Node seq(const load::Node& parent, const char* key, const std::string& path);
  /// Calls `f(item, "path.key[i]")` for each item of the list at parent[key].
  template <typename F>
  void for_each(const load::Node& parent, const char* key, const std::string& path, F&& f) {
    const std::string list_path = join_path(path, key);
    std::size_t i = 0;
    for (const auto& item : seq(parent, key, path)) f(item, list_path + "[" + std::to_string(i++) + "]");
  }
  std::optional<std::string> str(const load::Node& parent, const char* key, const std::string& path);
  std::string str_or(const load::Node& parent, const char* key, const std::string& path, std::string fallback = {});
  std::optional<long> integer(const load::Node& parent, const char* key, const std::string& path, long min, long max);
  std::optional<bool> boolean(const load::Node& parent, const char* key, const std::string& path);
  StringMap string_map(const load::Node& parent, const char* key, const std::string& path);
  std::vector<std::string> string_list(const load::Node& parent, const char* key, const std::string& path);
  /// Non-negative integer or percentage; `max_percent` bounds percentages (100 for budgets).
  std::optional<IntOrPercent> int_or_percent(const load::Node& parent, const char* key, const std::string& path,
                                             int max_percent);

  const ObjectMeta& meta() const { return meta_; }
  int line_of(const load::Node& node) const;

 private:
  load::Node typed_child(const load::Node& parent, const char* key, const std::string& path, load::NodeType type,
                         std::string_view expected);

  const ObjectMeta& meta_;
  int line_base_ = 0;
  Diagnostics& diags_;
};

/// Parses an optional sign and decimal digits only (no floats, hex or YAML 1.1 forms).
std::optional<long> parse_integer(std::string_view text);

}  // namespace faultline::model
