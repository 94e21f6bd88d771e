/// storage-pinning: replicas whose volumes pin them to one node or zone (a local or zonal
/// PersistentVolume, a StorageClass restricted to one zone, or Immediate binding of a
/// StatefulSet's claims on a multi-zone cluster). A pinned replica cannot move after its node or
/// zone fails.
#include <fmt/format.h>

#include "faultline/placement/describe.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min_replicas");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    if (!p || p->pins.empty() || p->replicas < min) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    std::vector<std::string> where;
    for (const auto& pin : p->pins) {
      const std::string domain = pin.domain.empty() ? "one " + placement::domain_noun(pin.key)
                                                    : placement::domain_noun(pin.key) + " " + pin.domain;
      if (std::find(where.begin(), where.end(), domain) == where.end()) where.push_back(domain);
      hit.evidence.push_back(fmt::format("{}: {}", pin.volume, pin.reason));
    }
    hit.vars = {{"pins", std::to_string(p->pins.size())}, {"where", placement::list_names(where)},
                {"replicas", std::to_string(p->replicas)}};
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template storage_pinning() {
  return {"storage-pinning",
          "Volumes pin a workload's replicas to one node or zone.",
          {{"min_replicas", "int", "1", "workloads with fewer effective replicas are not examined", false}},
          {"long-running"},
          {"pins", "where", "replicas"},
          evaluate};
}

}  // namespace faultline::rules::templates
