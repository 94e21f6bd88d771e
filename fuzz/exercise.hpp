#pragma once
// One input through every stage and every writer: what the fuzzer runs and the regression
// corpus replays. Header-only so the fuzz target and the test suite share it without a library.
#include <ostream>
#include <sstream>
#include <string>

#include "faultline/report/graph_report.hpp"
#include "faultline/graph/simulate.hpp"
#include "faultline/report/simulation_report.hpp"
#include "faultline/pipeline.hpp"
#include "faultline/report/report.hpp"

namespace faultline::fuzz {

/// Analyzes `text` as one manifest file and writes every report format (coverage and suppressed
/// findings on), the DOT graph and an any-node simulation into `out`; returns the analysis.
inline std::unique_ptr<Analysis> exercise(const std::string& text, std::ostream& out) {
  AnalysisOptions options;
  options.text = text;
  auto analysis = analyze(options);
  report::ReportOptions report_options;
  report_options.coverage = true;
  report_options.show_suppressed = true;
  for (const auto& format : report::formats()) format.write(*analysis, report_options, out);
  if (analysis->graph) {
    report::write_graph_dot(*analysis->graph, out);
    std::string error;
    const auto sim = graph::simulate(*analysis->graph, {graph::FailureSpec{"node", "", true}}, error);
    report::write_simulation_text(*analysis->graph, sim, out);
  }
  return analysis;
}

}  // namespace faultline::fuzz
