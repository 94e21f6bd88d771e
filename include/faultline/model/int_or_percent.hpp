#pragma once
/// IntOrString values such as maxUnavailable, minAvailable, maxSurge.
#include <optional>
#include <string>
#include <string_view>

namespace faultline::model {

/// An integer or a percentage ("25%"), resolved against a total the way controllers do.
struct IntOrPercent {
  int value = 0;
  bool percent = false;

  /// Rounds percentages up (PDB minAvailable, maxSurge) or down (maxUnavailable) of `total`.
  int resolve(int total, bool round_up) const;
  std::string to_string() const;
};

/// Largest integer or percentage accepted, so resolving against a total never overflows.
inline constexpr long kMaxIntOrPercent = 1'000'000'000;

/// Parses 3, "3", "25%"; nullopt for anything else (then the caller reports a diagnostic).
std::optional<IntOrPercent> parse_int_or_percent(std::string_view text);

}  // namespace faultline::model
