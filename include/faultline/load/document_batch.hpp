#pragma once
/// Collects split documents, parses them on `jobs` threads and hands the results over in input order.
#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/limits.hpp"
#include "faultline/load/loader.hpp"
#include "faultline/load/splitter.hpp"

namespace faultline::load {

class DocumentBatch {
 public:
  DocumentBatch(const DocumentSink& sink, const DocumentPreparer& prepare, Diagnostics& diags, LoadStats& stats,
                const Limits& limits);
  /// Queues one document of `file`; parses the queue when it holds enough work.
  void add(RawDocument&& raw, const std::string& file);
  /// Parses what is queued and hands it over; called at the end of every file.
  void flush();

 private:
  struct Item {
    RawDocument raw;
    const std::string* file;
  };
  const DocumentSink& sink_;
  const DocumentPreparer& prepare_;
  Diagnostics& diags_;
  LoadStats& stats_;
  const Limits& limits_;
  unsigned jobs_;
  std::vector<Item> queue_;
  std::deque<std::string> files_;  ///< names the queued items point to (a deque keeps them in place)
  std::size_t queued_bytes_ = 0;
};

}  // namespace faultline::load
