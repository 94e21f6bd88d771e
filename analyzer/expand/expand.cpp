// The expand stage: dispatch each custom resource to its expander and add what it implies.
#include "faultline/expand/expand.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "expanders.hpp"
#include "faultline/model/builder.hpp"
#include "faultline/load/tree_yaml.hpp"

namespace faultline::expand {

namespace {

using WorkloadKey = std::tuple<std::string, std::string, std::string>;

WorkloadKey key_of(const model::ObjectRef& ref) { return {ref.kind, ref.ns, ref.name}; }

/// The input's workloads by (namespace, pod label, value), to recognise pods an operator already
/// created under other names (a cluster dump's CloudNativePG Pods, Strimzi's StrimziPodSets).
class CreatedPods {
 public:
  explicit CreatedPods(const model::Model& model) {
    for (const auto& w : model.workloads) {
      for (const auto& [k, v] : w.pod.labels) by_label_[{w.meta.ref.ns, k, v}].push_back(&w);
    }
  }
  /// Does an input workload in `ns` run pods that carry every label of `selector`?
  bool holds(const std::string& ns, const YAML::Node& selector) const {
    if (!selector || !selector.IsMap() || selector.size() == 0) return false;
    const auto first = *selector.begin();
    const auto it = by_label_.find({ns, first.first.as<std::string>(), first.second.as<std::string>()});
    if (it == by_label_.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(), [&](const model::Workload* w) {
      return std::all_of(selector.begin(), selector.end(), [&](const auto& kv) {
        const auto l = w->pod.labels.find(kv.first.template as<std::string>());
        return l != w->pod.labels.end() && l->second == kv.second.template as<std::string>();
      });
    });
  }

 private:
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<const model::Workload*>> by_label_;
};

/// Adds the objects one resource implies, skipping those the input (or an earlier resource) holds,
/// by name or, for pods an operator created under other names, by their labels.
void add_implied(const model::RawObject& cr, const std::vector<ImpliedObject>& implied, const model::BuildOptions& options,
                 std::set<WorkloadKey>& present, const CreatedPods& created, model::Model& model, Diagnostics& diags) {
  for (const auto& obj : implied) {
    const YAML::Node& root = obj.doc.root;
    const WorkloadKey key{root["kind"].as<std::string>(), root["metadata"]["namespace"].as<std::string>(),
                          root["metadata"]["name"].as<std::string>()};
    if (!present.insert(key).second) continue;
    const YAML::Node& spec = root["spec"];
    if (std::get<0>(key) != "Service" && std::get<0>(key) != "PodDisruptionBudget" && spec["template"] &&
        created.holds(std::get<1>(key), spec["selector"]["matchLabels"]))
      continue;
    const std::size_t before = model.workloads.size();
    const std::size_t services_before = model.services.size();
    model::add_document(load::document_of(obj.doc.root, obj.doc.where), options, model, diags);
    // The deque keeps earlier workloads in place; only the one just added is marked.
    if (model.workloads.size() > before) {
      model::Workload& added = model.workloads.back();
      added.meta.provenance.edit().expanded_from = obj.expanded_from;
      added.meta.where = cr.meta.where;
    }
    if (model.services.size() > services_before) model.services.back().meta.provenance.edit().expanded_from = obj.expanded_from;
  }
}

}  // namespace

void expand(model::Model& model, Diagnostics& diags, const Limits& limits) {
  // A workload the input already holds wins: a rendered or dumped prometheus-runai StatefulSet
  // is the truth, and the one a RunaiConfig implies would only repeat (or contradict) it.
  // Services and budgets an operator creates are likewise kept from the input when dumped.
  std::set<WorkloadKey> present;
  for (const auto& w : model.workloads) present.insert(key_of(w.meta.ref));
  for (const auto& s : model.services) present.insert(key_of(s.meta.ref));
  for (const auto& p : model.pdbs) present.insert(key_of(p.meta.ref));
  const CreatedPods created(model);

  // Prometheus resources before RunaiConfig, so that a Prometheus "runai" in the input decides
  // prometheus-runai rather than the runaiconfig's summary of it.
  std::vector<const model::RawObject*> order;
  for (const auto& raw : model.raw) {
    if (expands(raw.meta.ref.api_version, raw.meta.ref.kind)) order.push_back(&raw);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    return (a->meta.ref.kind == "RunaiConfig") < (b->meta.ref.kind == "RunaiConfig");
  });

  // Implied workloads are not documents of the input: the summary counts only what was read.
  model::BuildOptions options;
  options.count_in_stats = false;
  // Indexed once: what is added below are workloads, Services and budgets, never what it indexes.
  const detail::RelatedIndex related(model);
  for (const model::RawObject* cr : order) {
    try {
      add_implied(*cr, detail::implied_objects(*cr, related, diags, limits), options, present, created, model, diags);
    } catch (const std::exception& e) {
      // Out of memory or a bug inside one resource: say so and keep the rest of the analysis.
      diags.push_back({Severity::error, cr->meta.where,
                       fmt::format("{}: internal error while expanding it ({}); the workloads it implies are not "
                                   "analyzed", cr->meta.ref.display(), e.what())});
    }
  }
  report_not_analyzed(model, diags);
}

}  // namespace faultline::expand
