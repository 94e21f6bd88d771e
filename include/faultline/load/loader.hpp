#pragma once
/// Reads files, directories and stdin; splits YAML streams; hands over one object at a time.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/document.hpp"
#include "faultline/load/input_filter.hpp"
#include "faultline/load/limits.hpp"

namespace faultline::load {

/// Counts kept by the loader for the summary: documents = objects + failed.
struct LoadStats {
  std::size_t documents = 0;  ///< non-empty YAML documents read; each List item counts as one
  std::size_t objects = 0;    ///< objects handed to the sink
  std::size_t failed = 0;     ///< documents (or files) that could not be read or parsed, or were not objects
  std::size_t files = 0;      ///< files read (stdin counts as one)
  std::size_t skipped_files = 0;  ///< YAML files that are not manifests (InputFilter), not read
  std::uint64_t bytes = 0;    ///< input bytes read, for --max-total-bytes

  void add(const LoadStats& other);
};

using DocumentSink = std::function<void(Document&&)>;
/// Runs on the parser threads on every object before the sink gets it, so that work per object
/// (building the typed model) runs in parallel too; it may only touch the document. May be empty.
using DocumentPreparer = std::function<void(Document&)>;

/// Loads every path ("-" = stdin; directories recursively, *.yaml|*.yml|*.json, sorted), each file
/// once. Files `filter` skips are counted (a named one also gets a note). Every problem becomes a
/// diagnostic with file:line[:column]; nothing stops the run. Objects reach `sink` in input order
/// whatever `limits.jobs` is.
LoadStats load_inputs(const std::vector<std::string>& paths, const DocumentSink& sink, Diagnostics& diags,
                      const Limits& limits = {}, const InputFilter& filter = {}, const DocumentPreparer& prepare = {});

/// Loads one stream (read in chunks, never whole) as if read from `file`.
LoadStats load_stream(std::istream& in, const std::string& file, const DocumentSink& sink, Diagnostics& diags,
                      const Limits& limits = {}, const DocumentPreparer& prepare = {});

/// Loads one in-memory stream as if read from `file` (used by tests).
LoadStats load_text(const std::string& text, const std::string& file, const DocumentSink& sink, Diagnostics& diags,
                    const Limits& limits = {}, const DocumentPreparer& prepare = {});

}  // namespace faultline::load
