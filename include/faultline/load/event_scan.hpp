#pragma once
/// An event-only pass over one document (libfyaml): syntax, nesting depth, alias expansion,
/// duplicate and merge keys, without building a tree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/load/limits.hpp"

namespace faultline::load {

/// A problem at a 0-based line and column of the scanned text.
struct ScanProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

/// A key given twice in one mapping (0-based lines of both).
struct DuplicateKey {
  std::string key;
  int first_line = 0;
  int line = 0;
};

/// What the document's top node is, so non-objects fail without building a tree.
enum class RootKind { none, null, scalar, sequence, mapping };

struct ScanReport {
  RootKind root = RootKind::none;
  int root_line = 0;                          ///< 0-based line of the top node
  std::optional<ScanProblem> syntax_error;    ///< the text is not YAML
  std::optional<ScanProblem> limit_exceeded;  ///< deeper than max_depth or more alias expansion than max_aliases
  std::vector<DuplicateKey> duplicates;
  bool has_merge_key = false;                 ///< a `<<` key: merges to resolve
  bool has_alias = false;
};

/// Scans `text` (one document) on the calling thread; stops at the first error or exceeded limit.
ScanReport scan_document(std::string_view text, const Limits& limits);

}  // namespace faultline::load
