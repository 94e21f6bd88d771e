// Simulation results as text.
#include <fmt/format.h>

#include "faultline/report/simulation_report.hpp"
#include "faultline/report/terminal_text.hpp"

namespace faultline::report {

using namespace faultline::graph;

namespace {

std::string tag(Impact impact) {
  switch (impact) {
    case Impact::down: return "DOWN";
    case Impact::below_quorum: return "NO QUORUM";
    case Impact::via_dependency: return "DOWN (dependency)";
    case Impact::below_budget: return "BELOW PDB";
    case Impact::degraded: return "DEGRADED";
  }
  return "?";
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return terminal_text(text);
}

}  // namespace

void write_simulation_text(const SystemGraph& g, const Simulation& sim, std::ostream& out) {
  if (sim.tried > 1) out << fmt::format("Worst of {} domains tried: ", sim.tried);
  out << fmt::format("failing {} ({} node{}: {})\n", joined(sim.failed), sim.failed_nodes.size(),
                     sim.failed_nodes.size() == 1 ? "" : "s", joined(sim.failed_nodes));
  for (const auto& o : sim.outcomes) {
    const std::string detail = o.path ? "through " + g.describe(*o.path) : o.detail;
    out << fmt::format("  {:<18} {}: {}\n", tag(o.impact), terminal_text(g[o.workload].label),
                       terminal_text(detail));
  }
  for (const auto& hook : sim.webhooks_down) {
    out << fmt::format("  {:<18} {}: its Service has no running backend, so the API server rejects what it "
                       "intercepts (failurePolicy Fail)\n",
                       "WEBHOOK DOWN", terminal_text(hook));
  }
  for (const auto& hook : sim.webhooks_failing_open) {
    out << fmt::format("  {:<18} {}: its Service has no running backend, so what it intercepts is admitted "
                       "unchecked (failurePolicy Ignore)\n",
                       "WEBHOOK FAILS OPEN", terminal_text(hook));
  }
  std::size_t degraded = sim.outcomes.size() - sim.outages();
  if (sim.outages() == 0) {
    out << fmt::format("Nothing goes down; {} workload{} degraded.\n", degraded, degraded == 1 ? "" : "s");
  } else {
    out << fmt::format("{} workload{} down, {} degraded.\n", sim.outages(), sim.outages() == 1 ? "" : "s", degraded);
  }
}

}  // namespace faultline::report
