#pragma once
/// Builds the yaml-cpp tree of one document from libfyaml's events: the same nodes, scalars,
/// tags, styles, anchors and line marks as YAML::Load, in a fraction of its time.
#include <optional>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "faultline/load/event_scan.hpp"
#include "faultline/load/limits.hpp"

namespace faultline::load {

/// The tree of `text` (one document), or nullopt when libfyaml reports an error or the text uses
/// what this builder leaves to yaml-cpp (explicit tags), so the caller falls back to YAML::Load
/// and its messages. An empty document gives a null node.
std::optional<YAML::Node> build_tree(std::string_view text);

/// What one libfyaml pass over a document gives: the scan (see scan_document) and, when it found
/// no syntax error and exceeded no limit, the tree build_tree would give (nullopt where it gives
/// nullopt), less every `managedFields` entry of a `metadata` mapping: the API server's field
/// bookkeeping, a third of a `kubectl get -o yaml` dump's bytes, which no stage reads (and which
/// differs between copies of one object that are otherwise the same). The tree is built while
/// scanning, so a document is parsed once, and a tree is never kept past an exceeded limit.
struct ScannedDocument {
  ScanReport scan;
  std::optional<YAML::Node> tree;
};
/// What of a manifest's tree is left out besides managedFields. `crd`: a CustomResourceDefinition,
/// of which only crd_outline's part is read: every `description` text and whatever lies deeper
/// than that part (the schemas of CRDs are most of many installs' bytes).
enum class Pruning { none, managed_fields, crd };
ScannedDocument scan_and_build(std::string_view text, const Limits& limits, Pruning pruning = Pruning::managed_fields);

/// The value of the first scalar key `key` of `map`, or an undefined node (also when `map` is not
/// a mapping). Same answer as a scan with yaml-cpp's iterators, without copying a handle per entry.
YAML::Node find_value(const YAML::Node& map, std::string_view key);

}  // namespace faultline::load
