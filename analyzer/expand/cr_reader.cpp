#include "cr_reader.hpp"

#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "faultline/common/value_text.hpp"

namespace faultline::expand::detail {

const RelatedIndex CrReader::kNothingRelated;

YAML::Node CrReader::child(const YAML::Node& parent, const std::string& key) const {
  if (!parent || !parent.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  // A const lookup never inserts the key into the resource's body.
  const YAML::Node& p = parent;
  return p[key];
}

void CrReader::report(const YAML::Node& node, const std::string& message) const {
  Diagnostic d;
  d.severity = Severity::error;
  d.where = cr_.meta.where;
  // Marks are relative to the document, whose first key sits on the object's own line.
  const YAML::Mark root = cr_.body ? cr_.body.Mark() : YAML::Mark::null_mark();
  if (node && node.Mark().line >= 0 && root.line >= 0 && d.where.line > 0) {
    d.where.line += node.Mark().line - root.line;
    d.where.column = node.Mark().column + 1;
  }
  d.message = fmt::format("{}: {}", cr_.meta.ref.display(), message);
  diags_.push_back(std::move(d));
}

YAML::Node CrReader::map(const YAML::Node& parent, const std::string& key, const std::string& path) const {
  YAML::Node n = child(parent, key);
  if (!n || n.IsNull()) return YAML::Node(YAML::NodeType::Undefined);
  if (!n.IsMap()) {
    report(n, fmt::format("{} must be a mapping; it is ignored", path));
    return YAML::Node(YAML::NodeType::Undefined);
  }
  return n;
}

YAML::Node CrReader::seq(const YAML::Node& parent, const std::string& key, const std::string& path) const {
  YAML::Node n = child(parent, key);
  if (!n || n.IsNull()) return YAML::Node(YAML::NodeType::Undefined);
  if (!n.IsSequence()) {
    report(n, fmt::format("{} must be a list; it is ignored", path));
    return YAML::Node(YAML::NodeType::Undefined);
  }
  return n;
}

std::optional<int> CrReader::count(const YAML::Node& parent, const std::string& key, const std::string& path) const {
  YAML::Node n = child(parent, key);
  if (!n || n.IsNull()) return std::nullopt;
  if (!n.IsScalar()) {
    report(n, fmt::format("{}: expected a non-negative integer, got {}; the default is used", path,
                          n.IsSequence() ? "a list" : "a mapping"));
    return std::nullopt;
  }
  long value = 0;
  if (const auto problem = integer_problem(n.Scalar(), 0, INT_MAX, value)) {
    report(n, fmt::format("{}: {}; the default is used", path, *problem));
    return std::nullopt;
  }
  return static_cast<int>(value);
}

void CrReader::admit(const YAML::Node& manifest) const {
  long replicas = 1;
  const YAML::Node& m = manifest;
  const YAML::Node written = m["spec"]["replicas"];
  if (written && written.IsScalar() && integer_problem(written.Scalar(), 0, LONG_MAX, replicas)) replicas = 1;
  // A workload of 0 replicas still costs an object: counting it as one bounds shards × 0 too.
  pods_ += static_cast<std::uint64_t>(std::max(replicas, 1L));
  if (pods_ > limits_.max_pods) {
    throw ExpansionLimitExceeded(fmt::format("implies more than {} pods (--max-expanded {}; shards × replicas, a workload "
                                             "counting at least 1); none of its workloads is analyzed",
                                             limits_.max_pods, limits_.max_pods));
  }
}

std::optional<bool> CrReader::flag(const YAML::Node& parent, const std::string& key, const std::string& path) const {
  YAML::Node n = child(parent, key);
  if (!n || n.IsNull()) return std::nullopt;
  bool value = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value)) {
    report(n, fmt::format("{} must be true or false; the default is used", path));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> CrReader::text(const YAML::Node& parent, const std::string& key,
                                          const std::string& path) const {
  YAML::Node n = child(parent, key);
  if (!n || n.IsNull()) return std::nullopt;
  if (!n.IsScalar()) {
    report(n, fmt::format("{} must be a string; it is ignored", path));
    return std::nullopt;
  }
  return n.Scalar();
}

}  // namespace faultline::expand::detail
