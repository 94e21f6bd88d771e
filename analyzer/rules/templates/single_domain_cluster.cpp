/// single-domain-cluster: every node of the inventory is in one domain of `key` (or none carries
/// the label; variant `unlabelled`). Reported once, on the Cluster (located at the first node), instead of once per
/// workload: no placement can survive the loss of that domain.
#include <fmt/format.h>

#include "faultline/placement/describe.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto& inv = in.ctx.inventory;
  if (!inv.present() || !in.in_scope(inv.nodes.front()->meta)) return;
  const std::string key = in.params.get_string("key");
  const auto domains = inv.domains(key);
  if (domains.size() > 1) return;
  Hit hit{&inv.nodes.front()->meta, nullptr, {}, {}, key, {}};
  hit.scope = cluster_scope();
  const std::string noun = placement::domain_noun(key);
  const std::string domain = domains.empty() ? "" : domains.begin()->first;
  hit.vars = {{"key", key}, {"noun", noun}, {"domain", domain}, {"nodes", std::to_string(inv.nodes.size())}};
  if (domains.empty()) {
    hit.variant = "unlabelled";
    hit.evidence.push_back(fmt::format("none of the {} nodes carries the label {}", inv.nodes.size(), key));
  } else {
    std::vector<std::string> names;
    for (const auto* n : domains.begin()->second) names.push_back(n->meta.ref.name);
    hit.evidence.push_back(fmt::format("{} {}: {}", noun, domain, placement::list_names(names)));
    if (names.size() < inv.nodes.size())
      hit.evidence.push_back(fmt::format("{} node(s) carry no {} label", inv.nodes.size() - names.size(), key));
  }
  hits.push_back(std::move(hit));
}

}  // namespace

Template single_domain_cluster() {
  return {"single-domain-cluster",
          "Every node of the inventory is in one domain of a topology key.",
          {{"key", "string", inventory::kZone, "topology key whose domains are counted", false}},
          {"Node"},
          {"key", "noun", "domain", "nodes"},
          evaluate};
}

}  // namespace faultline::rules::templates
