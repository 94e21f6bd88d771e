#pragma once
/// The coverage table: per workload and topology key, what survives the loss of one domain.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/capacity/headroom.hpp"
#include "faultline/pipeline.hpp"
#include "faultline/placement/placement.hpp"

namespace faultline::report {

/// "survives", "does-not-survive", "best-effort", "unknown": the JSON spelling of a verdict.
std::string_view verdict_id(placement::Verdict verdict);


/// Topology keys shown in the coverage table: those some workload has domains for, plus every
/// --topology-key the user asked for; the hostname key alone when no key has domains.
std::vector<std::string> coverage_keys(const Analysis& analysis);

/// A workload scaled to 0, or a DaemonSet no node opts in to: it runs nothing, so it neither
/// survives nor fails a loss, and the coverage counts leave it out.
bool runs_nothing_on_purpose(const placement::WorkloadPlacement& w, const std::string& key);

/// How many workloads survive the loss of any one domain of one key.
struct KeySurvival {
  std::string key;
  std::size_t surviving = 0;
  std::size_t workloads = 0;  ///< those that run something (see runs_nothing_on_purpose)
  bool has_domains = false;  ///< false: no eligible node carries the key's label
};

/// One line of the coverage summary per key of coverage_keys().
std::vector<KeySurvival> coverage_summary(const Analysis& analysis);

/// Headroom per domain loss for the keys of coverage_keys(); nullopt when no node states allocatable.
std::optional<capacity::Headroom> coverage_headroom(const Analysis& analysis);

/// "spare" or "short", and the amount without its sign ("1500m", "2Gi").
std::string_view headroom_verdict(const capacity::ResourceHeadroom& headroom);
std::string headroom_amount(const capacity::ResourceHeadroom& headroom);

/// A short name for a topology key in tables: "node", "zone", "region", or the key itself.
std::string short_key_name(const std::string& key);

}  // namespace faultline::report
