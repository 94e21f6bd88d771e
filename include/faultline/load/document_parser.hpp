#pragma once
/// Parses one split document and hands over the Kubernetes objects it holds.
#include <string>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/loader.hpp"
#include "faultline/load/splitter.hpp"

namespace faultline::load {

/// Parses `raw` (from `file`), unpacks `kind: List` and typed lists, infers missing kinds, and
/// passes each object to `sink`. Parse errors and non-objects become diagnostics; `stats`
/// counts each object or list item once as a document.
void parse_document(const RawDocument& raw, const std::string& file, const DocumentSink& sink, Diagnostics& diags,
                    LoadStats& stats);

/// Kind of the items of a typed list ("NodeList" → "Node"); empty for a plain `List`.
std::string item_kind_of_list(const std::string& list_kind);

}  // namespace faultline::load
