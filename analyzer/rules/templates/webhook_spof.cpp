/// webhook-spof: an admission webhook with failurePolicy Fail (the v1 default) whose Service is
/// backed by no workload, only by SPOF workloads, or by one named pod. While that backend is down
/// the API server rejects every request the webhook matches. One hit per configuration and backend Service,
/// listing its webhooks and what they intercept (rules, namespaceSelector, objectSelector).
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "faultline/graph/system_graph.hpp"
#include "faultline/placement/describe.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : sep) + item;
  return text;
}

// A selector in words: "env=prod; except kube-system"; empty for none or {} (which matches everything).
std::string selector_text(const std::optional<model::LabelSelector>& selector) {
  if (!selector || selector->empty()) return "";
  std::vector<std::string> terms;
  for (const auto& [k, v] : selector->match_labels) terms.push_back(k + "=" + v);
  for (const auto& r : selector->match_expressions) {
    const bool by_name = r.key == "kubernetes.io/metadata.name";
    if (by_name && r.op == "NotIn") terms.push_back("except " + join(r.values));
    else if (by_name && r.op == "In") terms.push_back("only " + join(r.values));
    else if (r.op == "Exists" || r.op == "DoesNotExist") terms.push_back(fmt::format("{} {}", r.key, r.op));
    else terms.push_back(fmt::format("{} {} [{}]", r.key, r.op, join(r.values)));
  }
  return join(terms, "; ");
}

std::string namespaces_of(const model::Webhook& hook) {
  const std::string selected = selector_text(hook.namespace_selector);
  return selected.empty() ? "all namespaces" : "namespaces matching " + selected;
}

/// Resources without a namespace: a namespaceSelector never skips them (a Namespace is matched on its own labels).
bool cluster_scoped(const std::string& resource) {
  static const std::vector<std::string> kinds = {
      "apiservices", "certificatesigningrequests", "clusterrolebindings", "clusterroles", "csidrivers", "csinodes",
      "customresourcedefinitions", "ingressclasses", "mutatingwebhookconfigurations", "namespaces", "nodes",
      "persistentvolumes", "priorityclasses", "runtimeclasses", "storageclasses", "validatingwebhookconfigurations",
      "volumeattachments"};
  const std::string base = resource.substr(0, resource.find('/'));  // "nodes/status" is a subresource of nodes
  return std::find(kinds.begin(), kinds.end(), base) != kinds.end();
}

/// What one webhook intercepts, in words: "CREATE pods in all namespaces; UPDATE nodes (cluster-scoped)".
std::string scope_of(const model::Webhook& hook) {
  std::vector<std::string> namespaced, cluster;
  for (const auto& rule : hook.rules) {
    // "CREATE,UPDATE pods,nodes": operations, a space, resources (service_builder's form).
    const auto space = rule.find(' ');
    const std::string ops = rule.substr(0, space);
    std::stringstream resources(space == std::string::npos ? std::string{} : rule.substr(space + 1));
    std::vector<std::string> in_ns, out_ns;
    for (std::string r; std::getline(resources, r, ',');) {
      r.erase(0, r.find_first_not_of(' '));
      if (cluster_scoped(r)) out_ns.push_back(r);
      else in_ns.push_back(r);
    }
    if (!in_ns.empty() || out_ns.empty()) namespaced.push_back(ops + " " + (in_ns.empty() ? "*" : join(in_ns)));
    if (!out_ns.empty()) cluster.push_back(ops + " " + join(out_ns) + " (cluster-scoped)");
  }
  std::vector<std::string> parts;
  if (hook.rules.empty()) parts.push_back("matching requests in " + namespaces_of(hook));
  else if (!namespaced.empty()) parts.push_back(join(namespaced, "; ") + " in " + namespaces_of(hook));
  if (!cluster.empty()) parts.push_back(join(cluster, "; "));
  std::string text = join(parts, "; ");
  if (const std::string objects = selector_text(hook.object_selector); !objects.empty())
    text += " for objects labelled " + objects;
  return text;
}

// Why the Service cannot answer: no backend, or every backend a SPOF; empty when it can.
std::string failure_reason(const graph::SystemGraph& g, graph::Vertex service, std::vector<std::string>& evidence) {
  if (const auto& svc = g[service]; svc.spof.spof) {  // it selects one named pod
    evidence.push_back(svc.label + " " + svc.spof.reason);
    return fmt::format("{}, which {}", svc.label, svc.spof.reason);
  }
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
  // One finding per configuration and backend Service, listing its fail-closed webhooks.
  struct Backend {
    const model::ObjectMeta* meta;
    graph::Vertex service;
    std::vector<const model::Webhook*> hooks;
  };
  std::vector<Backend> backends;
  for (const graph::Vertex v : g->webhooks()) {
    const auto& data = (*g)[v];
    if (!in.in_scope(*data.meta) || data.webhook->failure_policy != "Fail") continue;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g->graph()))) {
      if (g->graph()[e].kind != graph::EdgeKind::backed_by) continue;
      const graph::Vertex service = boost::target(e, g->graph());
      auto it = std::find_if(backends.begin(), backends.end(),
                             [&](const Backend& b) { return b.meta == data.meta && b.service == service; });
      if (it == backends.end()) it = backends.insert(backends.end(), Backend{data.meta, service, {}});
      it->hooks.push_back(data.webhook);
    }
  }
  for (const auto& b : backends) {
    Hit hit{b.meta, nullptr, {}, {}, (*g)[b.service].label, {}};
    hit.line = b.hooks.front()->line;
    const std::string reason = failure_reason(*g, b.service, hit.evidence);
    if (reason.empty()) continue;
    std::vector<std::string> names, blocked, scopes;
    for (const auto* hook : b.hooks) {
      names.push_back(hook->name);
      for (const auto& r : hook->rules)
        if (std::find(blocked.begin(), blocked.end(), r) == blocked.end()) blocked.push_back(r);
      const std::string scope = scope_of(*hook);
      if (std::find(scopes.begin(), scopes.end(), scope) == scopes.end()) scopes.push_back(scope);
      hit.evidence.push_back(fmt::format("webhook {}: {}", hook->name, scope));
    }
    const std::string listed = placement::list_names(names);
    hit.vars = {{"webhook", b.hooks.front()->name},
                {"webhooks", names.size() == 1 ? "webhook " + listed + " has" : fmt::format("{} webhooks ({}) have", names.size(), listed)},
                {"service", reason},
                {"blocked", blocked.empty() ? "matching requests" : join(blocked)},
                {"namespaces", namespaces_of(*b.hooks.front())},
                {"scope", scopes.size() == 1 ? scopes.front() : "what each webhook below intercepts"}};
    if (scopes.size() == 1) hit.evidence.erase(hit.evidence.end() - static_cast<long>(names.size()), hit.evidence.end());
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template webhook_spof() {
  return {"webhook-spof",
          "A failurePolicy Fail admission webhook whose Service has no backend or only SPOF backends.",
          {},
          {"ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"},
          {"webhook", "webhooks", "service", "blocked", "namespaces", "scope"},
          evaluate};
}

}  // namespace faultline::rules::templates
