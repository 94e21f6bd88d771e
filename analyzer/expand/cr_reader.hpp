#pragma once
// Typed reads from a custom resource's body; a value of the wrong type becomes a diagnostic.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <yaml-cpp/yaml.h>

#include "faultline/common/diagnostic.hpp"
#include "faultline/expand/expand.hpp"
#include "faultline/model/model.hpp"
#include "faultline/model/objects.hpp"
#include "related_index.hpp"

namespace faultline::expand::detail {

/// Thrown by CrReader::admit() when a resource implies more pods than the limit allows.
struct ExpansionLimitExceeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One custom resource being expanded, and where its problems are reported.
class CrReader {
 public:
  CrReader(const model::RawObject& cr, Diagnostics& diags, const Limits& limits = {},
           const RelatedIndex* related = nullptr)
      : cr_(cr), diags_(diags), limits_(limits), related_(related ? related : &kNothingRelated) {}

  const model::RawObject& cr() const { return cr_; }
  /// The rest of the input, for expanders that read related objects (an operator's configuration,
  /// a Kafka's node pools); empty when the resource is expanded on its own.
  const RelatedIndex& related() const { return *related_; }
  Diagnostics& diagnostics() const { return diags_; }
  const YAML::Node& body() const { return cr_.body; }

  /// `parent[key]` when it is a mapping; absent gives an undefined node, another type a diagnostic too.
  YAML::Node map(const YAML::Node& parent, const std::string& key, const std::string& path) const;
  /// `parent[key]` when it is a sequence (same contract as map()).
  YAML::Node seq(const YAML::Node& parent, const std::string& key, const std::string& path) const;
  /// A non-negative integer at `parent[key]`; nullopt when absent or invalid (invalid is reported).
  std::optional<int> count(const YAML::Node& parent, const std::string& key, const std::string& path) const;
  /// A boolean at `parent[key]`; nullopt when absent or invalid (invalid is reported).
  std::optional<bool> flag(const YAML::Node& parent, const std::string& key, const std::string& path) const;
  /// A scalar string at `parent[key]`; nullopt when absent or not a scalar (reported).
  std::optional<std::string> text(const YAML::Node& parent, const std::string& key, const std::string& path) const;

  /// Reports `message` about the field at `node` (or the resource itself when `node` has no position).
  void report(const YAML::Node& node, const std::string& message) const;

  /// Counts the pods of one implied workload manifest (spec.replicas, at least 1) against
  /// Limits::max_pods; throws ExpansionLimitExceeded past it, so a loop over shards stops there.
  void admit(const YAML::Node& manifest) const;

 private:
  YAML::Node child(const YAML::Node& parent, const std::string& key) const;
  const model::RawObject& cr_;
  Diagnostics& diags_;
  Limits limits_;
  mutable std::uint64_t pods_ = 0;  ///< admitted so far; the reader is passed by const reference
  const RelatedIndex* related_;
  static const RelatedIndex kNothingRelated;
};

}  // namespace faultline::expand::detail
