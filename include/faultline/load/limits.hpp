#pragma once
/// Bounds on what one run reads, so hostile input cannot exhaust time or memory.
#include <cstddef>
#include <cstdint>

namespace faultline::load {

/// Each limit is named in the diagnostic of what exceeds it (with its flag); what exceeds a limit
/// is skipped and everything else is still analyzed.
struct Limits {
  std::uint64_t max_file_bytes = 4ull << 30;       ///< --max-file-bytes: bytes read from one file or stdin
  std::uint64_t max_total_bytes = 16ull << 30;     ///< --max-total-bytes: bytes read from all inputs together
  std::size_t max_document_bytes = 64u << 20;      ///< --max-document-bytes: one YAML document's text
  int max_depth = 200;                             ///< --max-depth: nesting of mappings and sequences
  std::uint64_t max_aliases = 100'000;             ///< --max-aliases: nodes reached through aliases, per document
  unsigned jobs = 0;                               ///< --jobs: parser threads; 0 = one per core
};

}  // namespace faultline::load
