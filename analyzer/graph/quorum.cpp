// Which workloads need a majority: the annotation, or a pack's quorum declaration.
#include <fnmatch.h>

#include <fmt/format.h>

#include "faultline/graph/quorum.hpp"

namespace faultline::graph {
namespace {

std::string annotation_reason(const model::Labels& annotations) {
  const auto it = annotations.find(kQuorumAnnotation);
  if (it == annotations.end() || it->second != "majority") return {};
  // Expanders say why the operator's pods need a majority (faultline.io/quorum-reason).
  if (const auto why = annotations.find("faultline.io/quorum-reason"); why != annotations.end()) return why->second;
  return fmt::format("annotation {}: majority", kQuorumAnnotation);
}

bool matches(const DeclaredQuorum& q, const model::Workload& w) {
  if (q.name_pattern.empty() && q.image_pattern.empty()) return false;
  if (!q.name_pattern.empty() && fnmatch(q.name_pattern.c_str(), w.meta.ref.name.c_str(), 0) != 0) return false;
  if (q.image_pattern.empty()) return true;
  for (const auto& c : w.pod.containers) {
    if (fnmatch(q.image_pattern.c_str(), c.image.c_str(), 0) == 0) return true;
  }
  return false;
}

}  // namespace

std::string quorum_reason(const model::Workload& w, const Declarations& declarations) {
  if (auto reason = annotation_reason(w.meta.annotations); !reason.empty()) return reason;
  if (auto reason = annotation_reason(w.pod.detail->annotations); !reason.empty()) return reason;
  for (const auto& q : declarations.quorum) {
    if (matches(q, w)) return fmt::format("{} (declared in {}:{})", q.reason, q.where.file, q.where.line);
  }
  return {};
}

}  // namespace faultline::graph
