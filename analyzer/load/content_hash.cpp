// Keys are combined with a commutative sum so key order does not count; sequences keep their
// order. Depth is bounded by the loader's nesting limit, which every document passed already.
#include "faultline/load/content_hash.hpp"

#include <functional>
#include <string_view>


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

std::uint64_t hash_node(const Node& node) {
  switch (node.Type()) {
    case NodeType::Scalar:
      return mix(hash_text(node.Scalar()) + kScalar);
    case NodeType::Sequence: {
      std::uint64_t h = kSequence;
      for (const auto& item : node) h = mix(h * 31 + hash_node(item));
      return h;
    }
    case NodeType::Map: {
      std::uint64_t sum = 0;
      for (const auto& kv : node) sum += mix(hash_node(kv.first) * 0x9e3779b97f4a7c15ULL + hash_node(kv.second));
      return mix(sum + kMap);
    }
    default:
      return kNull;
  }
}

}  // namespace

std::uint64_t content_hash(const Node& node) { return hash_node(node); }

}  // namespace faultline::load
