// The expand stage: dispatch each custom resource to its expander and add what it implies.
#include "faultline/expand/expand.hpp"

#include <algorithm>
#include <exception>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "faultline/model/builder.hpp"

namespace faultline::expand {

namespace {

using WorkloadKey = std::tuple<std::string, std::string, std::string>;

WorkloadKey key_of(const model::ObjectRef& ref) { return {ref.kind, ref.ns, ref.name}; }

/// Adds the workloads one resource implies, skipping those the input (or an earlier resource) holds.
void add_implied(const model::RawObject& cr, const std::vector<ImpliedObject>& implied, const model::BuildOptions& options,
                 std::set<WorkloadKey>& present, model::Model& model, Diagnostics& diags) {
  for (const auto& obj : implied) {
    const YAML::Node& root = obj.doc.root;
    const WorkloadKey key{root["kind"].as<std::string>(), root["metadata"]["namespace"].as<std::string>(),
                          root["metadata"]["name"].as<std::string>()};
    if (!present.insert(key).second) continue;
    const std::size_t before = model.workloads.size();
    model::add_document(obj.doc, options, model, diags);
    // The deque keeps earlier workloads in place; only the one just added is marked.
    if (model.workloads.size() > before) {
      model::Workload& added = model.workloads.back();
      added.meta.expanded_from = obj.expanded_from;
      added.meta.where = cr.meta.where;
    }
  }
}

}  // namespace

void expand(model::Model& model, Diagnostics& diags, const Limits& limits) {
  // A workload the input already holds wins: a rendered or dumped prometheus-runai StatefulSet
  // is the truth, and the one a RunaiConfig implies would only repeat (or contradict) it.
  std::set<WorkloadKey> present;
  for (const auto& w : model.workloads) present.insert(key_of(w.meta.ref));

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
  for (const model::RawObject* cr : order) {
    try {
      add_implied(*cr, implied_objects(*cr, diags, limits), options, present, model, diags);
    } catch (const std::exception& e) {
      // Out of memory or a bug inside one resource: say so and keep the rest of the analysis.
      diags.push_back({Severity::error, cr->meta.where,
                       fmt::format("{}: internal error while expanding it ({}); the workloads it implies are not "
                                   "analyzed", cr->meta.ref.display(), e.what())});
    }
  }
}

}  // namespace faultline::expand
