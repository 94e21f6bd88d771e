#pragma once
/// Parses one split document into the Kubernetes objects it holds, without shared state, so
/// documents can be parsed on several threads and merged in input order.
#include <string>
#include <utility>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/limits.hpp"
#include "faultline/load/loader.hpp"
#include "faultline/load/splitter.hpp"

namespace faultline::load {

/// What one document produced: its objects, its diagnostics and its counts. Each object notes
/// how many of `diags` came before it, so merging keeps the order of a sequential run.
struct ParsedDocument {
  std::vector<std::pair<std::size_t, Document>> objects;
  Diagnostics diags;
  LoadStats stats;
};

/// Parses `raw` (from `file`) within `limits`, unpacks `kind: List` and typed lists, infers missing
/// kinds. Parse errors, exceeded limits and non-objects become diagnostics; `stats` counts each
/// object or list item once as a document.
ParsedDocument parse_document(const RawDocument& raw, const std::string& file, const Limits& limits);

/// Kind of the items of a typed list ("NodeList" → "Node"); empty for a plain `List`.
std::string item_kind_of_list(const std::string& list_kind);

/// True for kinds whose body the analysis never reads (CRDs, Secrets, RBAC, ...): only their
/// apiVersion, kind and metadata are built, after an event-only syntax check of the whole text.
bool is_metadata_only_kind(const std::string& api_version, const std::string& kind);

}  // namespace faultline::load
