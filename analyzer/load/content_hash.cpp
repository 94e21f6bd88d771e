// Keys are combined with a commutative sum so key order does not count; sequences keep their
// order. Depth is bounded by the loader's nesting limit, which every document passed already.
#include "faultline/load/content_hash.hpp"

#include <functional>
#include <string_view>

#include "tree_access.hpp"

namespace faultline::load {
namespace {

std::uint64_t mix(std::uint64_t h) {  // splitmix64's finalizer
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

// libstdc++'s string hash reads eight bytes at a time (a byte-wise FNV-1a was 2% of a dump's
// CPU); its seed is fixed, and hashes are only compared within one run anyway.
std::uint64_t hash_text(std::string_view text) { return mix(std::hash<std::string_view>{}(text)); }

enum Tag : std::uint64_t { kNull = 1, kScalar, kSequence, kMap };

// Walks yaml-cpp's nodes themselves: its handles and iterators copy a shared_ptr per node and
// entry (atomic counts once the parser threads exist), which made this walk 2% of a dump's CPU.
std::uint64_t hash_node(const YAML::detail::node& node) {
  switch (node.type()) {
    case YAML::NodeType::Scalar:
      return mix(hash_text(node.scalar()) + kScalar);
    case YAML::NodeType::Sequence: {
      std::uint64_t h = kSequence;
      for (auto it = node.begin(); it != node.end(); ++it) h = mix(h * 31 + hash_node(**it));
      return h;
    }
    case YAML::NodeType::Map: {
      std::uint64_t sum = 0;
      for (auto it = node.begin(); it != node.end(); ++it)
        sum += mix(hash_node(*it->first) * 0x9e3779b97f4a7c15ULL + hash_node(*it->second));
      return mix(sum + kMap);
    }
    default:
      return kNull;
  }
}

}  // namespace

std::uint64_t content_hash(const YAML::Node& node) {
  const YAML::detail::node* n = node.IsDefined() ? Access::node_of(node) : nullptr;
  return n ? hash_node(*n) : kNull;
}

}  // namespace faultline::load
