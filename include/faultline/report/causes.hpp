#pragma once
/// Root causes: one missing condition (too few eligible nodes, one zone) that explains the
/// placement findings of many workloads, so a report names it once and lists what it explains.
#include <map>
#include <string>
#include <vector>

#include "faultline/pipeline.hpp"

namespace faultline::report {

/// One cause and the findings it explains.
struct Cause {
  std::string id;  ///< stable: "finding:<lead fingerprint>", "eligible-nodes:<node,...>" or "rule:<rule id>"
  std::string title;  ///< the missing condition, one line (the lead's message when there is a lead)
  std::string fix;    ///< what removes it (the lead's remediation when there is a lead)
  std::vector<std::string> evidence;
  const rules::Finding* lead = nullptr;         ///< the namespace or cluster finding that names it, if any
  std::vector<const rules::Finding*> findings;  ///< explained findings, in report order (lead excluded)
  std::vector<std::string> workloads;           ///< objects of those findings, in report order, unique
};

/// Causes of a list of findings; each finding belongs to at most one cause.
struct Folding {
  std::vector<Cause> causes;  ///< worst lead or finding first
  std::map<const rules::Finding*, std::size_t> cause_of;  ///< explained finding or lead → its cause
  /// Causes plus findings under none: the items a person reads in the text report.
  std::size_t top_level_items(std::size_t listed) const;
};

/// Folds `listed` (report order) by cause. A lead is a namespace finding whose `cause_nodes` are
/// exactly a workload's eligible nodes, or a cluster finding about the key a finding is about;
/// without a lead, two or more workloads whose placement findings come from the same too-small set
/// of eligible nodes share a cause named after those nodes. Last, one rule firing on three or more
/// objects outside those causes is one item ("rule:<id>"): one recommendation, many objects.
Folding fold_by_cause(const Analysis& analysis, const std::vector<const rules::Finding*>& listed);

}  // namespace faultline::report
