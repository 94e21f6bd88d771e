#pragma once
/// A finding: one availability problem of one object, with its evidence and its fix.
#include <string>
#include <vector>

#include "faultline/common/location.hpp"
#include "faultline/common/severity.hpp"
#include "faultline/model/object.hpp"

namespace faultline::rules {

/// One finding, as every report format prints it.
struct Finding {
  std::string rule;
  std::string pack;
  Severity severity = Severity::warning;
  model::ObjectRef object;
  SourceLocation where;
  std::string expanded_from;  ///< custom resource the object was derived from, if any
  std::string message;
  std::string remediation;
  std::vector<std::string> evidence;
  /// What the finding is about beyond the object (a node, a volume, a PDB): part of the fingerprint.
  std::string subject;
  /// Workloads that depend on this object, transitively (filled by the graph stage for SPOFs).
  std::vector<std::string> blast_radius;
  bool suppressed = false;
  std::string suppression;  ///< "annotation: <reason>" or "baseline"

  /// Stable identity for baselines: rule + object identity + subject (no line numbers).
  std::string fingerprint() const;
};

/// Sorts findings deterministically: severity (worst first), namespace, kind, name, rule, subject.
void sort_findings(std::vector<Finding>& findings);

}  // namespace faultline::rules
