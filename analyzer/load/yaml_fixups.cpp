// Both walks only run on documents where the event pass saw a duplicate or a `<<` key, and
// their node budget bounds them even when aliases share subtrees.
#include "faultline/load/yaml_fixups.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace faultline::load {
namespace {

bool is_merge_key(const YAML::Node& key) { return key.IsScalar() && key.Scalar() == "<<" && key.Tag() != "!"; }

template <typename Visit>
void walk(YAML::Node node, std::uint64_t& budget, const Visit& visit) {
  if (budget == 0) return;
  --budget;
  if (node.IsMap()) {
    visit(node, budget);
    for (auto kv : node) walk(kv.second, budget, visit);
  } else if (node.IsSequence()) {
    for (auto item : node) walk(item, budget, visit);
  }
}

void dedupe_map(YAML::Node map) {
  std::vector<std::string> keys;
  for (const auto& kv : map)
    if (kv.first.IsScalar()) keys.push_back(kv.first.Scalar());
  std::sort(keys.begin(), keys.end());
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (keys[i] != keys[i - 1] || (i >= 2 && keys[i] == keys[i - 2])) continue;
    const std::string& key = keys[i];
    YAML::Node last;
    for (const auto& kv : map)
      if (kv.first.IsScalar() && kv.first.Scalar() == key) last = kv.second;
    while (std::as_const(map)[key]) map.remove(key);
    map[key] = last;
  }
}

void merge_map(YAML::Node map, std::uint64_t& budget) {
  YAML::Node sources;
  bool found = false;
  for (const auto& kv : map)
    if (is_merge_key(kv.first)) {
      sources = kv.second;
      found = true;
    }
  if (!found) return;
  std::vector<YAML::Node> from;
  if (sources.IsMap()) from.push_back(sources);
  else if (sources.IsSequence())
    for (auto s : sources)
      if (s.IsMap()) from.push_back(s);
  while (std::as_const(map)["<<"]) map.remove("<<");
  for (YAML::Node source : from) {
    merge_map(source, budget);  // a merged mapping can merge others
    for (const auto& kv : source) {
      if (budget == 0) return;
      --budget;
      if (kv.first.IsScalar() && !std::as_const(map)[kv.first.Scalar()]) map[kv.first.Scalar()] = kv.second;
    }
  }
}

}  // namespace

void keep_last_duplicate(YAML::Node node, std::uint64_t budget) {
  walk(node, budget, [](YAML::Node map, std::uint64_t&) { dedupe_map(map); });
}

void resolve_merge_keys(YAML::Node node, std::uint64_t budget) { walk(node, budget, merge_map); }

}  // namespace faultline::load
