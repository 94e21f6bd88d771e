// The capacity part of `simulate`: the verdict, what it rests on, and what is short.
#include "faultline/report/capacity_report.hpp"

#include <fmt/format.h>

#include "faultline/model/quantity.hpp"

namespace faultline::report {
namespace {

std::string amount(const std::string& resource, std::int64_t value) {
  return resource == "nodes" ? std::to_string(value) : model::format_quantity(resource, value);
}

std::string shortage_text(const capacity::Shortage& s, capacity::Fit verdict) {
  if (verdict == capacity::Fit::may_not_fit) return fmt::format("{} {} ({})", s.resource, amount(s.resource, s.needed), s.scope);
  return fmt::format("{}: needs {}, {} free on {}", s.resource, amount(s.resource, s.needed), amount(s.resource, s.available), s.scope);
}

std::string move_text(const capacity::Move& m, bool packed) {
  const std::string name = m.placement->workload->meta.ref.display();
  if (!m.known) return fmt::format("{}: {} pod{}, no requests (capacity unknown)", name, m.pods, m.pods == 1 ? "" : "s");
  return fmt::format("{}: {} pod{} of {}{}", name, m.pods, m.pods == 1 ? "" : "s",
                     capacity::describe(capacity::pod_requests(m.placement->workload->pod).amounts),
                     packed ? fmt::format(", {} placed", m.placed) : "");
}

}  // namespace

void write_capacity_text(const capacity::FitReport& fit, std::ostream& out) {
  out << fmt::format("Capacity: {} ({} pod{} to move): {}.\n", capacity::to_string(fit.verdict), fit.pods_to_move,
                     fit.pods_to_move == 1 ? "" : "s", fit.rests_on);
  out << fmt::format("  {}.\n", fit.usage);
  for (const auto& s : fit.shortages) out << fmt::format("  {:<18} {}\n", "SHORT", shortage_text(s, fit.verdict));
  for (const auto& m : fit.moves) out << fmt::format("  {:<18} {}\n", "MOVES", move_text(m, fit.packed));
  for (const auto& name : fit.not_recreated) out << fmt::format("  {:<18} {}: a bare Pod, nothing recreates it\n", "LOST", name);
}

void write_capacity_json(const capacity::FitReport& fit, JsonWriter& json) {
  json.key("capacity").begin_object();
  json.member("verdict", std::string(capacity::to_string(fit.verdict)))
      .member("restsOn", fit.rests_on)
      .member("usage", fit.usage)
      .member("podsToMove", fit.pods_to_move)
      .member("podsPlaced", fit.pods_placed)
      .member("placementTried", fit.packed);
  json.key("shortages").begin_array();
  for (const auto& s : fit.shortages) {
    json.begin_object().member("resource", s.resource).member("needed", amount(s.resource, s.needed));
    if (fit.verdict == capacity::Fit::does_not_fit) json.member("available", amount(s.resource, s.available));
    json.member("scope", s.scope).end_object();
  }
  json.end_array();
  json.key("moves").begin_array();
  for (const auto& m : fit.moves) {
    json.begin_object()
        .member("workload", m.placement->workload->meta.ref.display())
        .member("pods", m.pods)
        .member("placed", m.placed)
        .member("requestsKnown", m.known)
        .end_object();
  }
  json.end_array();
  json.key("notRecreated").strings(fit.not_recreated);
  json.end_object();
}

}  // namespace faultline::report
