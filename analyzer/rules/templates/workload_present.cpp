/// workload-present: a workload whose name matches `names` exists in scope at all. For components
/// that must not run inside the analyzed system (an internal database that cannot be made highly
/// available). The scope names where to look; `names` what must be absent there.
#include "helm_key.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto names = in.params.get_list("names");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || !matches_any(names, w.meta.ref.name)) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.vars = {{"replicas", std::to_string(in.ctx.model.effective_replicas(w))}};
    hit.evidence.push_back("the workload is present in the input");
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template workload_present() {
  return {"workload-present",
          "A workload that should not run in the analyzed system is present.",
          {{"names", "string-list", "", "workload name globs that must not be present", true}},
          {"long-running"},
          {"replicas"},
          evaluate};
}

}  // namespace faultline::rules::templates
