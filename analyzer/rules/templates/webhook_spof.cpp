/// webhook-spof: an admission webhook with failurePolicy Fail (the v1 default) whose Service is
/// backed by no workload, or only by SPOF workloads. While that backend is down the API server
/// rejects every request the webhook matches.
#include <fmt/format.h>

#include "faultline/graph/system_graph.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : sep) + item;
  return text;
}

// "all namespaces", or the selector written out ("namespaces with env=prod, except kube-system").
std::string namespaces_of(const model::Webhook& hook) {
  if (!hook.namespace_selector || hook.namespace_selector->empty()) return "all namespaces";
  std::vector<std::string> terms;
  for (const auto& [k, v] : hook.namespace_selector->match_labels) terms.push_back(k + "=" + v);
  for (const auto& r : hook.namespace_selector->match_expressions) {
    const bool by_name = r.key == "kubernetes.io/metadata.name";
    if (by_name && r.op == "NotIn") terms.push_back("except " + join(r.values));
    else if (by_name && r.op == "In") terms.push_back("only " + join(r.values));
    else terms.push_back(fmt::format("{} {} [{}]", r.key, r.op, join(r.values)));
  }
  return "namespaces matching " + join(terms, "; ");
}

// Why the Service cannot answer: no backend, or every backend a SPOF; empty when it can.
std::string failure_reason(const graph::SystemGraph& g, graph::Vertex service, std::vector<std::string>& evidence) {
  std::vector<std::string> spofs;
  std::size_t backends = 0;
  for (const auto e : boost::make_iterator_range(boost::out_edges(service, g.graph()))) {
    if (g.graph()[e].kind != graph::EdgeKind::selects) continue;
    ++backends;
    const auto& w = g[boost::target(e, g.graph())];
    if (!w.spof.spof) return {};
    spofs.push_back(fmt::format("{} ({})", w.label, w.spof.reason));
  }
  if (backends == 0) {
    evidence.push_back(g[service].label + " selects no workload");
    return fmt::format("{}, which selects no pods", g[service].label);
  }
  for (const auto& s : spofs) evidence.push_back(g[service].label + " is backed by " + s);
  return fmt::format("{}, backed only by {}", g[service].label, join(spofs));
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto* g = in.ctx.graph;
  if (g == nullptr) return;
  for (const graph::Vertex v : g->webhooks()) {
    const auto& data = (*g)[v];
    if (!in.in_scope(*data.meta) || data.webhook->failure_policy != "Fail") continue;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g->graph()))) {
      if (g->graph()[e].kind != graph::EdgeKind::backed_by) continue;
      Hit hit{data.meta, nullptr, {}, {}, data.webhook->name, {}};
      const std::string reason = failure_reason(*g, boost::target(e, g->graph()), hit.evidence);
      if (reason.empty()) continue;
      const std::string blocked = data.webhook->rules.empty() ? "matching requests" : join(data.webhook->rules);
      hit.vars = {{"webhook", data.webhook->name}, {"service", reason}, {"blocked", blocked},
                  {"namespaces", namespaces_of(*data.webhook)}};
      hit.evidence.push_back(fmt::format("failurePolicy Fail: {} is rejected in {}", blocked, namespaces_of(*data.webhook)));
      hits.push_back(std::move(hit));
    }
  }
}

}  // namespace

Template webhook_spof() {
  return {"webhook-spof",
          "A failurePolicy Fail admission webhook whose Service has no backend or only SPOF backends.",
          {},
          {"ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"},
          {"webhook", "service", "blocked", "namespaces"},
          evaluate};
}

}  // namespace faultline::rules::templates
