// Sets of inventory nodes by index: the shared answer of one scheduling signature.
#include <algorithm>

#include "faultline/placement/placement.hpp"

namespace faultline::placement {

void NodeSet::add(std::size_t i) {
  if (i / 64 >= bits_.size()) bits_.resize(i / 64 + 1, 0);
  bits_[i / 64] |= std::uint64_t{1} << (i % 64);
  members_.push_back(static_cast<std::uint32_t>(i));
}

std::vector<const model::Node*> NodeSet::nodes(const inventory::Inventory& inv) const {
  std::vector<const model::Node*> out;
  out.reserve(members_.size());
  for (const std::uint32_t i : members_) out.push_back(inv.nodes[i]);
  return out;
}

std::vector<std::string> NodeSet::names(const inventory::Inventory& inv) const {
  std::vector<std::string> out;
  out.reserve(members_.size());
  for (const std::uint32_t i : members_) out.push_back(inv.nodes[i]->meta.ref.name);
  return out;
}

NodeSet NodeSet::of(const inventory::Inventory& inv, const std::vector<std::string>& names) {
  NodeSet out(inv.nodes.size());
  for (std::size_t i = 0; i < inv.nodes.size(); ++i)
    if (std::find(names.begin(), names.end(), inv.nodes[i]->meta.ref.name) != names.end()) out.add(i);
  return out;
}

}  // namespace faultline::placement
