#pragma once
// The model's object lists in one fixed order, for code that handles every list alike: the
// repeated-object bookkeeping (a list's position is its number) and prepared objects (the
// alternatives of PreparedObject::Object follow the same order).
#include <cstddef>

#include "faultline/model/model.hpp"

namespace faultline::model::detail {

constexpr std::size_t kLists = 12;

/// Calls `f` on every list of the model, always in this order.
template <typename M, typename F>
void for_each_list(M& m, F&& f) {
  f(m.workloads);
  f(m.hpas);
  f(m.pdbs);
  f(m.services);
  f(m.pvcs);
  f(m.pvs);
  f(m.storage_classes);
  f(m.nodes);
  f(m.webhooks);
  f(m.config_maps);
  f(m.events);
  f(m.raw);
}

}  // namespace faultline::model::detail
