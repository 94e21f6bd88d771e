// Batches bound memory (a few megabytes of text at a time) while giving every thread enough
// work; results are merged by index, so the output does not depend on the thread count.
#include "faultline/load/document_batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include <fmt/format.h>

#include "faultline/load/document_parser.hpp"

namespace faultline::load {
namespace {

constexpr std::size_t kBatchBytes = 4u << 20;
constexpr std::size_t kBatchDocuments = 1024;

/// Out of memory or any other failure inside one document fails that document only.
ParsedDocument parse_guarded(const RawDocument& raw, const std::string& file, const Limits& limits,
                             const DocumentPreparer& prepare) {
  try {
    ParsedDocument parsed = parse_document(raw, file, limits);
    if (prepare)
      for (auto& object : parsed.objects) prepare(object.second);
    return parsed;
  } catch (const std::exception& e) {
    ParsedDocument failed;
    failed.stats.documents = failed.stats.failed = 1;
    failed.diags.push_back(Diagnostic{Severity::error, SourceLocation{file, raw.first_line, 0, raw.helm_template},
                                      fmt::format("internal error while reading this document: {}; document skipped", e.what())});
    return failed;
  }
}

}  // namespace

DocumentBatch::DocumentBatch(const DocumentSink& sink, const DocumentPreparer& prepare, Diagnostics& diags,
                             LoadStats& stats, const Limits& limits)
    : sink_(sink), prepare_(prepare), diags_(diags), stats_(stats), limits_(limits) {
  jobs_ = limits.jobs != 0 ? limits.jobs : std::max(1u, std::thread::hardware_concurrency());
}

DocumentBatch::~DocumentBatch() {
  if (running_ && running_->parsed.valid()) running_->parsed.wait();  // its threads read running_
}

void DocumentBatch::add(RawDocument&& raw, const std::string& file) {
  if (!raw.has_content && raw.bad_comments.empty()) return;
  if (files_.empty() || files_.back() != file) files_.push_back(file);
  queued_bytes_ += raw.text.size();
  queue_.push_back(Item{std::move(raw), nullptr});
  queue_.back().file = &files_.back();
  if (jobs_ == 1) {
    flush();
    return;
  }
  if (queued_bytes_ < kBatchBytes && queue_.size() < kBatchDocuments) return;
  // Parse this batch in the background and hand the one before over meanwhile, so splitting
  // and model insertion (on this thread) overlap with parsing (on the others).
  auto next = std::make_unique<Running>();
  next->items.swap(queue_);
  next->files.swap(files_);  // a deque's elements stay in place: the items' file pointers hold
  queued_bytes_ = 0;
  next->parsed = std::async(std::launch::async, [this, items = &next->items] { return parse(*items); });
  finish_running();
  running_ = std::move(next);
}

void DocumentBatch::flush() {
  finish_running();
  if (queue_.empty()) return;
  std::vector<ParsedDocument> parsed = parse(queue_);
  hand_over(parsed);
  queue_.clear();
  files_.clear();
  queued_bytes_ = 0;
}

void DocumentBatch::finish_running() {
  if (!running_) return;
  std::vector<ParsedDocument> parsed = running_->parsed.get();
  hand_over(parsed);
  running_.reset();
}

std::vector<ParsedDocument> DocumentBatch::parse(const std::vector<Item>& items) const {
  std::vector<ParsedDocument> parsed(items.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < items.size(); i = next++) parsed[i] = parse_guarded(items[i].raw, *items[i].file, limits_, prepare_);
  };
  const auto threads = static_cast<unsigned>(std::min<std::size_t>(jobs_, items.size()));
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }
  return parsed;
}

void DocumentBatch::hand_over(std::vector<ParsedDocument>& parsed) {
  for (ParsedDocument& doc : parsed) {
    std::size_t emitted = 0;
    for (auto& [diags_before, object] : doc.objects) {
      for (; emitted < diags_before; ++emitted) diags_.push_back(std::move(doc.diags[emitted]));
      sink_(std::move(object));
    }
    for (; emitted < doc.diags.size(); ++emitted) diags_.push_back(std::move(doc.diags[emitted]));
    stats_.add(doc.stats);
  }
}

}  // namespace faultline::load
