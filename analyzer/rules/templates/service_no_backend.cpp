/// service-no-backend: a Service with a selector that matches the pods of no workload in its
/// namespace. Its callers get connection errors (or NXDOMAIN for a headless Service).
#include <fmt/format.h>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

std::string describe(const model::Labels& selector) {
  std::string text;
  for (const auto& [k, v] : selector) text += fmt::format("{}{}={}", text.empty() ? "" : ",", k, v);
  return text;
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& s : in.ctx.model.services) {
    if (!s.selector || s.selector->empty() || s.type == "ExternalName" || !in.in_scope(s.meta)) continue;
    if (!in.ctx.model.backends_of(s).empty()) continue;
    Hit hit{&s.meta, nullptr, {}, {}, {}, {}};
    hit.vars = {{"selector", describe(*s.selector)}};
    hit.evidence.push_back(fmt::format("selector {} matches the pod template labels of no workload in namespace {}",
                                       describe(*s.selector), s.meta.ref.ns));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template service_no_backend() {
  return {"service-no-backend", "A Service whose selector matches no workload's pods.", {}, {"Service"},
          {"selector"}, evaluate};
}

}  // namespace faultline::rules::templates
