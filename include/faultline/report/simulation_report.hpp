#pragma once
/// A simulation's result (`faultline simulate`), with whether the displaced pods fit: text and JSON.
#include <ostream>

#include "faultline/capacity/capacity.hpp"
#include "faultline/graph/simulate.hpp"

namespace faultline::report {

/// One line per affected workload, worst first, then the webhooks that stop answering
/// (fail-closed ones block admission, fail-open ones admit unchecked) and a verdict line.
void write_simulation_text(const graph::SystemGraph& graph, const graph::Simulation& sim, std::ostream& out);

/// The same as one JSON object (camelCase keys): failed domains and nodes, outcomes with their
/// dependency paths, webhooks down and failing open, and the capacity verdict.
void write_simulation_json(const graph::SystemGraph& graph, const graph::Simulation& sim, const capacity::FitReport& fit,
                           std::ostream& out);

}  // namespace faultline::report
