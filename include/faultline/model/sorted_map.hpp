#pragma once
/// Flat sorted maps for what a manifest holds in thousands of small maps (labels, annotations,
/// resource amounts), and the one way to build one from input.
#include <algorithm>
#include <cstddef>
#include <utility>

#include <boost/container/flat_map.hpp>

namespace faultline::model {

/// A flat map from `entries` in any order, in one sort: inserting them one at a time would cost
/// linear time each, quadratic for a hostile map of a million keys. Of a key given more than
/// once the last one counts, as yaml-cpp's lookup and the API server have it.
template <class FlatMap>
FlatMap sorted_map(typename FlatMap::sequence_type entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i + 1 < entries.size() && entries[i + 1].first == entries[i].first) continue;
    if (kept != i) entries[kept] = std::move(entries[i]);
    ++kept;
  }
  entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(kept), entries.end());
  FlatMap out;
  out.adopt_sequence(boost::container::ordered_unique_range, std::move(entries));
  return out;
}

}  // namespace faultline::model
