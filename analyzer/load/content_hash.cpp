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

}  // namespace

std::uint64_t content_hash(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return mix(hash_text(node.Scalar()) + kScalar);
    case YAML::NodeType::Sequence: {
      std::uint64_t h = kSequence;
      for (const auto& item : node) h = mix(h * 31 + content_hash(item));
      return h;
    }
    case YAML::NodeType::Map: {
      std::uint64_t sum = 0;
      for (const auto& kv : node) sum += mix(content_hash(kv.first) * 0x9e3779b97f4a7c15ULL + content_hash(kv.second));
      return mix(sum + kMap);
    }
    default:
      return kNull;
  }
}

}  // namespace faultline::load
