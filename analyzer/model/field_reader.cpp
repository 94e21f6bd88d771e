// Typed field access with diagnostics; the only place that turns YAML scalars into numbers.
#include "field_reader.hpp"

#include <charconv>

#include <fmt/format.h>

#include "faultline/common/value_text.hpp"

namespace faultline::model {
namespace {

/// Fields whose values may be secrets (env vars, ConfigMap and Secret data): a diagnostic about
/// them names the field and the type it found, never the value.
bool holds_values(const ObjectMeta& meta, std::string_view path) {
  if (meta.ref.kind == "ConfigMap" || meta.ref.kind == "Secret") return true;
  for (std::string_view part : {"env", "envFrom", "valueFrom", "data", "stringData", "binaryData"}) {
    for (std::size_t at = path.find(part); at != std::string_view::npos; at = path.find(part, at + 1)) {
      const std::size_t end = at + part.size();
      const bool starts = at == 0 || path[at - 1] == '.';
      const bool ends = end == path.size() || path[end] == '.' || path[end] == '[';
      if (starts && ends) return true;
    }
  }
  return false;
}

std::string describe(const load::Node& node, bool show_value = true) {
  if (node.IsScalar()) return show_value ? quoted_excerpt(node.Scalar()) : std::string("a string (value not shown)");
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "null";
}

}  // namespace

std::optional<long> parse_integer(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string join_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

FieldReader::FieldReader(const ObjectMeta& meta, const load::Node& root, Diagnostics& diags) : meta_(meta), diags_(diags) {
  const int rel = root.Mark().line;
  line_base_ = meta.where.line > 0 && rel >= 0 ? meta.where.line - rel : 0;
}

load::Node FieldReader::child(const load::Node& parent, const char* key) {
  const load::Node value = parent[key];
  return value && !value.IsNull() ? value : load::Node();
}

int FieldReader::line_of(const load::Node& node) const {
  const int rel = node ? node.Mark().line : -1;
  if (rel < 0 || meta_.where.line <= 0) return meta_.where.line;
  return line_base_ + rel;
}

void FieldReader::error(const load::Node& at, std::string_view path, std::string_view message, Severity severity) {
  SourceLocation where = meta_.where;
  where.line = line_of(at);
  where.column = 0;
  diags_.push_back(Diagnostic{severity, where, fmt::format("{}: {}: {}", meta_.ref.display(), path, message)});
}

load::Node FieldReader::typed_child(const load::Node& parent, const char* key, const std::string& path,
                                    load::NodeType type, std::string_view expected) {
  load::Node v = child(parent, key);
  if (v && v.Type() != type) {
    const std::string field = join_path(path, key);
    error(v, field, fmt::format("expected {}, got {}", expected, describe(v, !holds_values(meta_, field))));
    return load::Node();
  }
  return v;
}

load::Node FieldReader::map(const load::Node& parent, const char* key, const std::string& path) {
  return typed_child(parent, key, path, load::NodeType::Map, "a mapping");
}

load::Node FieldReader::seq(const load::Node& parent, const char* key, const std::string& path) {
  return typed_child(parent, key, path, load::NodeType::Sequence, "a list");
}

std::optional<std::string> FieldReader::str(const load::Node& parent, const char* key, const std::string& path) {
  const load::Node v = child(parent, key);
  if (!v) return std::nullopt;
  if (!v.IsScalar()) {
    error(v, join_path(path, key), fmt::format("expected a string, got {}", describe(v, false)));
    return std::nullopt;
  }
  return std::string(v.Scalar());
}

std::string FieldReader::str_or(const load::Node& parent, const char* key, const std::string& path, std::string fallback) {
  auto v = str(parent, key, path);
  return v ? std::move(*v) : std::move(fallback);
}

std::optional<long> FieldReader::integer(const load::Node& parent, const char* key, const std::string& path, long min,
                                         long max) {
  const load::Node v = child(parent, key);
  if (!v) return std::nullopt;
  const std::string field = join_path(path, key);
  if (!v.IsScalar()) {
    error(v, field, fmt::format("expected an integer, got {}", describe(v)));
    return std::nullopt;
  }
  long value = 0;
  if (const auto problem = integer_problem(v.Scalar(), min, max, value)) {
    error(v, field, holds_values(meta_, field) ? "invalid value (expected an integer)" : *problem);
    return std::nullopt;
  }
  return value;
}

std::optional<bool> FieldReader::boolean(const load::Node& parent, const char* key, const std::string& path) {
  const load::Node v = child(parent, key);
  if (!v) return std::nullopt;
  if (v.IsScalar()) {
    if (v.Scalar() == "true" || v.Scalar() == "True" || v.Scalar() == "TRUE") return true;
    if (v.Scalar() == "false" || v.Scalar() == "False" || v.Scalar() == "FALSE") return false;
  }
  const std::string field = join_path(path, key);
  error(v, field, fmt::format("expected true or false, got {}", describe(v, !holds_values(meta_, field))));
  return std::nullopt;
}

StringMap FieldReader::string_map(const load::Node& parent, const char* key, const std::string& path) {
  const load::Node m = map(parent, key, path);
  if (!m) return {};
  StringMap::sequence_type entries;
  entries.reserve(m.size());
  for (const auto& kv : m) {
    if (!kv.first.IsScalar()) continue;
    if (kv.second.IsNull()) {
      entries.emplace_back(kv.first.Scalar(), "");
    } else if (kv.second.IsScalar()) {
      entries.emplace_back(kv.first.Scalar(), kv.second.Scalar());
    } else {
      error(kv.second, join_path(join_path(path, key), kv.first.Scalar()),
            fmt::format("expected a string, got {}", describe(kv.second, false)));
    }
  }
  return sorted_map<StringMap>(std::move(entries));
}

std::vector<std::string> FieldReader::string_list(const load::Node& parent, const char* key, const std::string& path) {
  std::vector<std::string> out;
  const load::Node s = seq(parent, key, path);
  if (!s) return out;
  for (const auto& item : s) {
    if (item.IsScalar()) {
      out.emplace_back(item.Scalar());
    } else {
      error(item, join_path(path, key), fmt::format("expected a list of strings, got {} as an item", describe(item, false)));
    }
  }
  return out;
}

std::optional<IntOrPercent> FieldReader::int_or_percent(const load::Node& parent, const char* key, const std::string& path,
                                                        int max_percent) {
  const load::Node v = child(parent, key);
  if (!v) return std::nullopt;
  const auto value = v.IsScalar() ? parse_int_or_percent(v.Scalar()) : std::nullopt;
  if (!value) {
    // A number that is only too large or negative says so; anything else is an invalid value.
    std::string_view number = v.IsScalar() ? std::string_view(v.Scalar()) : std::string_view();
    if (number.ends_with('%')) number.remove_suffix(1);
    long n = 0;
    const auto range = v.IsScalar() ? integer_problem(number, 0, kMaxIntOrPercent, n) : std::nullopt;
    error(v, join_path(path, key),
          range && !range->starts_with("invalid")
              ? *range
              : fmt::format("invalid value {} (expected a non-negative integer or a percentage such as \"25%\")",
                            describe(v)));
    return std::nullopt;
  }
  if (value->percent && value->value > max_percent) {
    error(v, join_path(path, key), fmt::format("{} is too large (maximum {}%)", value->to_string(), max_percent));
    return std::nullopt;
  }
  return value;
}

}  // namespace faultline::model
