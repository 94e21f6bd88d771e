#pragma once
/// What the pipeline tells a listener while it works, for a progress display on long runs.
#include <cstddef>
#include <string_view>

namespace faultline {

/// AnalysisOptions::progress: told when a stage starts and as objects are read; the pipeline
/// never asks it anything back, so a listener cannot change a result.
class ProgressListener {
 public:
  virtual ~ProgressListener() = default;
  /// A stage starts: "reading", "expanding", "placing", "graph", "rules".
  virtual void stage(std::string_view name) = 0;
  /// One more object was read; `objects` and `files` count everything read so far.
  virtual void object_read(std::size_t objects, std::size_t files) = 0;
};

}  // namespace faultline
