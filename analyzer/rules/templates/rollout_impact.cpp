#include "rollout_impact.hpp"

#include <boost/range/iterator_range.hpp>
#include <fmt/format.h>

#include "faultline/graph/system_graph.hpp"

namespace faultline::rules::templates {

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& i : items) text += (text.empty() ? "" : ", ") + i;
  return text;
}

}  // namespace

std::string rollout_impact(const Context& ctx, const model::Workload& w, std::vector<std::string>& evidence) {
  const graph::SystemGraph* g = ctx.graph;
  if (!g) return "its dependents are unknown";
  const auto v = g->find(w);
  if (!v) return "its dependents are unknown";
  const std::vector<std::string> callers = g->blast_radius(*v);
  // Webhooks it serves: Service → workload (selects), webhook → Service (backed_by).
  std::vector<std::string> hooks;
  const auto& graph = g->graph();
  for (const auto se : boost::make_iterator_range(boost::in_edges(*v, graph))) {
    if (graph[se].kind != graph::EdgeKind::selects) continue;
    const graph::Vertex svc = boost::source(se, graph);
    for (const auto he : boost::make_iterator_range(boost::in_edges(svc, graph))) {
      if (graph[he].kind == graph::EdgeKind::backed_by) hooks.push_back((*g)[boost::source(he, graph)].label);
    }
  }
  std::vector<std::string> parts;
  if (!callers.empty()) {
    parts.push_back(fmt::format("called by {}", join(callers)));
    evidence.push_back(fmt::format("blast radius: {}", join(callers)));
  }
  if (!hooks.empty()) {
    parts.push_back(fmt::format("serves {}", join(hooks)));
    evidence.push_back(fmt::format("serves admission {}", join(hooks)));
  }
  if (parts.empty()) return "nothing in the input calls it";
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
  return text;
}

}  // namespace faultline::rules::templates
