/// service-no-backend: a Service with a selector that matches the pods of no workload in its
/// namespace. Its callers get connection errors (or NXDOMAIN for a headless Service). When a
/// workload of that namespace declares the container port its targetPort names, the pods may
/// label themselves at run time (operators and sidecars do): variant `named-port`, an info.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

std::string describe(const model::Labels& selector) {
  std::string text;
  for (const auto& [k, v] : selector) text += fmt::format("{}{}={}", text.empty() ? "" : ",", k, v);
  return text;
}

// The first workload per namespace and container port name, built only when a Service needs it.
using PortOwners = std::unordered_map<std::string, const model::Workload*>;

PortOwners port_owners(const model::Model& model) {
  PortOwners owners;
  for (const auto& w : model.workloads)
    for (const auto& c : w.pod.containers)
      for (const auto& port : c.port_names) owners.try_emplace(w.meta.ref.ns + '\0' + port, &w);
  return owners;
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  std::optional<PortOwners> owners;
  for (const auto& s : in.ctx.model.services) {
    if (!s.selector || s.selector->empty() || s.type == "ExternalName" || !in.in_scope(s.meta)) continue;
    if (!in.ctx.model.backends_of(s).empty()) continue;
    Hit hit{&s.meta, nullptr, {}, {}, {}, {}};
    hit.vars = {{"selector", describe(*s.selector)}};
    hit.evidence.push_back(fmt::format("selector {} matches the pod template labels of no workload in namespace {}",
                                       describe(*s.selector), s.meta.ref.ns));
    for (const auto& port : s.target_port_names) {
      if (!owners) owners = port_owners(in.ctx.model);
      const auto it = owners->find(s.meta.ref.ns + '\0' + port);
      if (it == owners->end()) continue;
      hit.variant = "named-port";
      hit.vars["port"] = port;
      hit.vars["workload"] = it->second->meta.ref.display();
      hit.evidence.push_back(fmt::format("targetPort {} is a container port of {}", port, it->second->meta.ref.display()));
      break;
    }
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template service_no_backend() {
  return {"service-no-backend", "A Service whose selector matches no workload's pods.", {}, {"Service"},
          {"selector", "port", "workload"}, evaluate};
}

}  // namespace faultline::rules::templates
