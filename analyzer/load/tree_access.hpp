#pragma once
// yaml-cpp's public API cannot set a node's mark nor build nodes in one shared memory (its own
// builder is not installed), and its handles and iterators copy a shared_ptr per node and entry,
// which turns atomic once the parser threads exist. `as_if` is a friend of YAML::Node, so this
// specialization reaches the node a handle wraps and its memory.
#include <yaml-cpp/yaml.h>

namespace faultline::load {
struct TreeAccess;
}  // namespace faultline::load

template <>
struct YAML::as_if<faultline::load::TreeAccess, void> {
  static Node wrap(detail::node& root, const detail::shared_memory_holder& memory) { return Node(root, memory); }
  static detail::node* node_of(const Node& n) { return n.m_pNode; }
  static const detail::shared_memory_holder& memory_of(const Node& n) { return n.m_pMemory; }
};

namespace faultline::load {
using Access = YAML::as_if<TreeAccess, void>;
}  // namespace faultline::load
