// A simulation as JSON: the same facts as the text, in the outcome order the simulation gives.
#include "faultline/report/capacity_report.hpp"
#include "faultline/report/json_writer.hpp"
#include "faultline/report/simulation_report.hpp"

namespace faultline::report {

void write_simulation_json(const graph::SystemGraph& g, const graph::Simulation& sim, const capacity::FitReport& fit,
                           std::ostream& out) {
  JsonWriter json(out);
  json.begin_object();
  json.key("failed").strings(sim.failed);
  json.key("failedNodes").strings(sim.failed_nodes);
  json.member("tried", sim.tried).member("outages", sim.outages());
  json.key("outcomes").begin_array();
  for (const auto& o : sim.outcomes) {
    std::vector<std::string> path;
    if (o.path) {
      for (const auto v : o.path->vertices) path.push_back(g[v].label);
    }
    json.begin_object()
        .member("workload", g[o.workload].label)
        .member("impact", std::string(graph::to_string(o.impact)))
        .member("outage", graph::is_outage(o.impact))
        .member("replicas", o.replicas)
        .member("lost", o.lost)
        .member("detail", o.detail);
    json.key("path").strings(path);
    json.end_object();
  }
  json.end_array();
  json.key("webhooksDown").strings(sim.webhooks_down);
  json.key("webhooksFailingOpen").strings(sim.webhooks_failing_open);
  write_capacity_json(fit, json);
  json.end_object();
  out << '\n';
}

}  // namespace faultline::report
