#include "faultline/report/coverage.hpp"

#include <algorithm>

#include "faultline/model/quantity.hpp"

namespace faultline::report {

std::string_view verdict_id(placement::Verdict verdict) {
  switch (verdict) {
    case placement::Verdict::survives: return "survives";
    case placement::Verdict::does_not_survive: return "does-not-survive";
    case placement::Verdict::best_effort: return "best-effort";
    case placement::Verdict::unknown: return "unknown";
  }
  return "unknown";
}

std::vector<std::string> coverage_keys(const Analysis& analysis) {
  std::vector<std::string> keys;
  const auto& extra = analysis.inventory.extra_keys;
  for (const auto& key : analysis.inventory.topology_keys) {
    const bool asked = std::find(extra.begin(), extra.end(), key) != extra.end();
    const bool has_domains = std::any_of(analysis.placement.workloads.begin(), analysis.placement.workloads.end(),
                                         [&](const placement::WorkloadPlacement& w) {
                                           const auto* level = w.level(key);
                                           return level != nullptr && level->domains > 0;
                                         });
    if (asked || has_domains) keys.push_back(key);
  }
  if (keys.empty()) keys.emplace_back(inventory::kHostname);
  return keys;
}

bool runs_nothing_on_purpose(const placement::WorkloadPlacement& w, const std::string& key) {
  const auto* level = w.level(key);
  return w.replicas == 0 && (level == nullptr || level->verdict == placement::Verdict::unknown);
}

std::vector<KeySurvival> coverage_summary(const Analysis& analysis) {
  std::vector<KeySurvival> out;
  for (const auto& key : coverage_keys(analysis)) {
    KeySurvival survival{key, 0, 0, false};
    for (const auto& w : analysis.placement.workloads) {
      if (runs_nothing_on_purpose(w, key)) continue;
      ++survival.workloads;
      const auto* level = w.level(key);
      if (level == nullptr) continue;
      if (level->domains > 0) survival.has_domains = true;
      if (level->verdict == placement::Verdict::survives) ++survival.surviving;
    }
    out.push_back(survival);
  }
  return out;
}

std::optional<capacity::Headroom> coverage_headroom(const Analysis& analysis) {
  if (!analysis.inventory.present()) return std::nullopt;
  return capacity::headroom(analysis.capacity, analysis.inventory, coverage_keys(analysis));
}

std::string_view headroom_verdict(const capacity::ResourceHeadroom& headroom) { return headroom.short_of() ? "short" : "spare"; }

std::string headroom_amount(const capacity::ResourceHeadroom& headroom) {
  return model::format_quantity(headroom.resource, headroom.amount < 0 ? -headroom.amount : headroom.amount);
}

std::string short_key_name(const std::string& key) {
  if (key == inventory::kHostname) return "node";
  if (key == inventory::kZone) return "zone";
  if (key == inventory::kRegion) return "region";
  return key;
}

}  // namespace faultline::report
