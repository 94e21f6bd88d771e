#include "related_index.hpp"

#include "faultline/expand/expand.hpp"

namespace faultline::expand::detail {

std::string_view group_of(std::string_view api_version) {
  const auto slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

RelatedIndex::RelatedIndex(const model::Model& model) {
  for (const auto& raw : model.raw) {
    if (!raw.body || raw.body.IsNull()) continue;  // built-in kinds, kept by name only
    const auto& ref = raw.meta.ref;
    const std::string group(group_of(ref.api_version));
    named_.emplace(Named{group, ref.kind, ref.ns, ref.name}, &raw);
    first_.emplace(std::make_pair(group, ref.kind), &raw);
    if (!expands(ref.api_version, ref.kind)) continue;
    for (const auto& [key, value] : raw.meta.labels) labelled_[Labelled{group, ref.kind, ref.ns, key, value}].push_back(&raw);
  }
  for (const auto& cm : model.config_maps) config_maps_.emplace(cm.meta.ref.name, &cm);
}

const model::RawObject* RelatedIndex::named(std::string_view group, std::string_view kind, const std::string& ns,
                                            const std::string& name) const {
  const auto it = named_.find(Named{std::string(group), std::string(kind), ns, name});
  return it == named_.end() ? nullptr : it->second;
}

const std::vector<const model::RawObject*>& RelatedIndex::labelled(std::string_view group, std::string_view kind,
                                                                   const std::string& ns, const std::string& key,
                                                                   const std::string& value) const {
  static const std::vector<const model::RawObject*> kNone;
  const auto it = labelled_.find(Labelled{std::string(group), std::string(kind), ns, key, value});
  return it == labelled_.end() ? kNone : it->second;
}

const model::RawObject* RelatedIndex::first(std::string_view group, std::string_view kind) const {
  const auto it = first_.find({std::string(group), std::string(kind)});
  return it == first_.end() ? nullptr : it->second;
}

const model::ConfigMap* RelatedIndex::config_map(const std::string& name) const {
  const auto it = config_maps_.find(name);
  return it == config_maps_.end() ? nullptr : it->second;
}

}  // namespace faultline::expand::detail
