#pragma once
/// One libfyaml pass over a manifest document: the scan (syntax, limits, duplicate and merge
/// keys) and, in the same pass, the document's compact tree (tree.hpp).
#include <memory>
#include <string_view>

#include "faultline/load/event_scan.hpp"
#include "faultline/load/limits.hpp"
#include "faultline/load/tree.hpp"

namespace faultline::load {

/// What of a manifest's tree is left out. `managed_fields`: every `managedFields` entry of a
/// `metadata` mapping, the API server's field bookkeeping, a third of a `kubectl get -o yaml`
/// dump's bytes, which no stage reads (and which differs between copies of one object that are
/// otherwise the same). `crd`: a CustomResourceDefinition, of which only crd_outline's part is
/// read: besides managedFields, every `description` text and whatever lies deeper than that part
/// (the schemas of CRDs are most of many installs' bytes).
enum class Pruning { none, managed_fields, crd };

/// The scan of a document and, when it found no syntax error and exceeded no limit, its tree
/// (null when the text uses what the compact tree leaves to yaml-cpp: explicit tags). The tree is
/// never kept past an exceeded limit.
struct ScannedDocument {
  ScanReport scan;
  std::shared_ptr<Tree> tree;
};
ScannedDocument scan_and_build(std::string_view text, const Limits& limits, Pruning pruning = Pruning::managed_fields);

/// The whole tree of `text` (one document, nothing pruned), or null when libfyaml reports an
/// error or the text has explicit tags. An empty document gives a null node.
std::shared_ptr<Tree> build_compact_tree(std::string_view text);

}  // namespace faultline::load
