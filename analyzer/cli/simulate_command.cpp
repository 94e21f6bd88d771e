// `faultline simulate`: parse --fail, run the simulation on the graph, write text or JSON.
#include "simulate_command.hpp"

#include "faultline/capacity/capacity.hpp"
#include "faultline/report/capacity_report.hpp"
#include "faultline/report/simulation_report.hpp"
#include "report_output.hpp"

namespace faultline::cli {
namespace {

constexpr const char* kFooter = R"(Examples:
  faultline simulate --nodes nodes.yaml --fail zone=eu-1a deploy/
  faultline simulate --nodes nodes.yaml --fail node=sys-1 --fail node=sys-2 deploy/
  faultline simulate --nodes nodes.yaml --topology-key rack --fail rack=r7 deploy/
  faultline simulate --nodes nodes.yaml --fail any-zone deploy/    every zone in turn; reports the worst

KEY is node, zone, region, or any node label. Replicas are placed as badly as the scheduling
rules allow. Exit codes: 0 nothing goes down, 1 some workload goes down (every replica lost,
quorum lost, or through a dependency), 2 usage or input error.)";

/// Whether the pods the failure displaces fit on the surviving nodes (analyzer/capacity).
capacity::FitReport check_capacity(const Analysis& a, const graph::Simulation& sim) {
  std::vector<std::pair<const placement::WorkloadPlacement*, int>> lost;
  for (const auto& o : sim.outcomes)
    if (o.lost > 0) lost.emplace_back((*a.graph)[o.workload].placement, o.lost);
  return capacity::check_failure(a.capacity, sim.failed_nodes, lost);
}

}  // namespace

void setup_simulate(CLI::App& app, SimulateOptions& o) {
  add_graph_input_options(app, o.input, {"text", "json"});
  app.add_option("--fail", o.failures, "Fail every node of this domain: KEY=VALUE, or any-KEY to try each (repeatable)")
      ->type_name("KEY=VALUE|any-KEY")
      ->allow_extra_args(false)
      ->required();
  app.footer(kFooter);
}

ExitCode run_simulate(const SimulateOptions& o, Environment& env) {
  std::vector<graph::FailureSpec> failures;
  std::string error;
  for (const auto& text : o.failures) {
    auto spec = graph::parse_failure(text, error);
    if (!spec) {
      env.err << "faultline: error: " << error << '\n';
      return ExitCode::error;
    }
    failures.push_back(*spec);
  }
  const auto analysis = analyze_for_graph(o.input, env);
  if (!analysis) return ExitCode::error;
  const auto sim = graph::simulate(*analysis->graph, failures, error);
  if (!error.empty()) {
    env.err << "faultline: error: " << error << '\n';
    return ExitCode::error;
  }
  const auto fit = check_capacity(*analysis, sim);
  const bool written = write_result(o.input.output, env, [&](std::ostream& out) {
    if (o.input.format == "json") {
      report::write_simulation_json(*analysis->graph, sim, fit, out);
    } else {
      report::write_simulation_text(*analysis->graph, sim, out);
      report::write_capacity_text(fit, out);
    }
  });
  if (!written || analysis->input_error) return ExitCode::error;
  return sim.outages() > 0 ? ExitCode::findings : ExitCode::clean;
}

}  // namespace faultline::cli
