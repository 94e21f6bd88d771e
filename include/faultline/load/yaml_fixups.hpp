#pragma once
/// Corrections of a yaml-cpp tree so that it holds what Kubernetes' decoders see.
#include <cstdint>

#include <yaml-cpp/yaml.h>

namespace faultline::load {

/// Keeps only the last value of every key given twice in a mapping (yaml-cpp keeps both and
/// answers lookups with the first). Visits at most `budget` nodes.
void keep_last_duplicate(YAML::Node node, std::uint64_t budget);

/// Resolves YAML 1.1 merge keys (`<<: *base`, `<<: [*a, *b]`): keys of the mapping win, then
/// earlier merged mappings over later ones. Visits at most `budget` nodes.
void resolve_merge_keys(YAML::Node node, std::uint64_t budget);

}  // namespace faultline::load
