#pragma once
// What expanders read beside the resource they expand (a Kafka's node pools, an operator's
// configuration), indexed once per run, so that expanding n resources costs one pass over the
// input instead of one pass per resource.
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "faultline/model/model.hpp"

namespace faultline::expand::detail {

class RelatedIndex {
 public:
  /// Nothing related: a resource expanded on its own.
  RelatedIndex() = default;
  /// One pass over the model's custom resources and ConfigMaps; the model must outlive the index.
  explicit RelatedIndex(const model::Model& model);

  /// The custom resource of this API group and kind named ns/name, or null.
  const model::RawObject* named(std::string_view group, std::string_view kind, const std::string& ns,
                                const std::string& name) const;
  /// The custom resources of this group and kind in `ns` whose label `key` is `value`, in input
  /// order. Only the labels of the kinds faultline expands are indexed.
  const std::vector<const model::RawObject*>& labelled(std::string_view group, std::string_view kind,
                                                       const std::string& ns, const std::string& key,
                                                       const std::string& value) const;
  /// The first custom resource of this group and kind in the input, in any namespace, or null.
  const model::RawObject* first(std::string_view group, std::string_view kind) const;
  /// The first ConfigMap called `name` in the input, in any namespace, or null.
  const model::ConfigMap* config_map(const std::string& name) const;

 private:
  using Named = std::tuple<std::string, std::string, std::string, std::string>;  // group, kind, ns, name
  using Labelled = std::tuple<std::string, std::string, std::string, std::string, std::string>;  // + value
  std::map<Named, const model::RawObject*> named_;
  std::map<Labelled, std::vector<const model::RawObject*>> labelled_;
  std::map<std::pair<std::string, std::string>, const model::RawObject*> first_;
  std::map<std::string, const model::ConfigMap*> config_maps_;
};

/// "kafka.strimzi.io/v1beta2" → "kafka.strimzi.io"; the group decides, not the version.
std::string_view group_of(std::string_view api_version);

}  // namespace faultline::expand::detail
