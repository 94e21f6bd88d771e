#pragma once
/// Collects split documents, parses them on `jobs` threads and hands the results over in input order.
#include <cstddef>
#include <deque>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/document_parser.hpp"
#include "faultline/load/limits.hpp"
#include "faultline/load/loader.hpp"
#include "faultline/load/splitter.hpp"

namespace faultline::load {

class DocumentBatch {
 public:
  DocumentBatch(const DocumentSink& sink, const DocumentPreparer& prepare, Diagnostics& diags, LoadStats& stats,
                const Limits& limits);
  DocumentBatch(const DocumentBatch&) = delete;
  DocumentBatch& operator=(const DocumentBatch&) = delete;
  ~DocumentBatch();
  /// Queues one document of `file`. When the queue holds enough work it is parsed in the
  /// background while the caller splits the next batch, and the batch before it is handed over.
  void add(RawDocument&& raw, const std::string& file);
  /// Parses what is queued and hands everything over; called at the end of every file.
  void flush();

 private:
  struct Item {
    RawDocument raw;
    const std::string* file;
  };
  /// A batch parsing on its own threads; its items and file names stay here until handed over.
  struct Running {
    std::vector<Item> items;
    std::deque<std::string> files;
    std::future<std::vector<ParsedDocument>> parsed;
  };
  std::vector<ParsedDocument> parse(const std::vector<Item>& items) const;
  void hand_over(std::vector<ParsedDocument>& parsed);
  void finish_running();
  const DocumentSink& sink_;
  const DocumentPreparer& prepare_;
  Diagnostics& diags_;
  LoadStats& stats_;
  const Limits& limits_;
  unsigned jobs_;
  std::vector<Item> queue_;
  std::deque<std::string> files_;  ///< names the queued items point to (a deque keeps them in place)
  std::size_t queued_bytes_ = 0;
  std::unique_ptr<Running> running_;
};

}  // namespace faultline::load
