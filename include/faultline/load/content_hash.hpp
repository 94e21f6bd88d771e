#pragma once
/// A fingerprint of what an object says, so two copies of one object can be compared without
/// keeping either tree.
#include <cstdint>

#include "faultline/load/tree.hpp"

namespace faultline::load {

/// Equal for trees with the same values, whatever their key order, style (JSON or YAML),
/// quoting or comments; different, but for a 64-bit collision, otherwise.
std::uint64_t content_hash(const Node& node);

}  // namespace faultline::load
