// `faultline graph`: the system graph as Graphviz DOT or JSON.
#include "graph_command.hpp"

#include "faultline/report/graph_report.hpp"
#include "report_output.hpp"

namespace faultline::cli {
namespace {

constexpr const char* kFooter = R"(Examples:
  faultline graph --nodes nodes.yaml deploy/ | dot -Tsvg -o system.svg
  faultline graph --format json deploy/

DOT groups nodes by zone and colours workloads: red = SPOF (with its blast radius: how many
workloads depend on it), orange = best effort, yellow = survives a node but not a zone,
green = survives. Blue arrows are calls found in env, args, ConfigMaps, annotations and packs.)";

}  // namespace

void setup_graph(CLI::App& app, GraphOptions& o) {
  add_graph_input_options(app, o.input, {"dot", "json"});
  app.footer(kFooter);
}

ExitCode run_graph(const GraphOptions& o, Environment& env) {
  const auto analysis = analyze_for_graph(o.input, env);
  if (!analysis) return ExitCode::error;
  const bool written = write_result(o.input.output, env, [&](std::ostream& out) {
    if (o.input.format == "json") report::write_graph_json(*analysis->graph, out);
    else report::write_graph_dot(*analysis->graph, out);
  });
  return written && !analysis->input_error ? ExitCode::clean : ExitCode::error;
}

}  // namespace faultline::cli
