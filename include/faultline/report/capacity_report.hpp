#pragma once
/// The capacity verdict of a simulation, as text and as a JSON member.
#include <ostream>

#include "faultline/capacity/capacity.hpp"
#include "faultline/report/json_writer.hpp"

namespace faultline::report {

/// "Capacity: does not fit — ..." then the usage line, the shortages and the pods to move.
void write_capacity_text(const capacity::FitReport& fit, std::ostream& out);

/// The "capacity" member of the simulation JSON (the key included).
void write_capacity_json(const capacity::FitReport& fit, JsonWriter& json);

}  // namespace faultline::report
