// libfyaml's event parser is several times faster than building a yaml-cpp tree, so this pass
// runs on every document first: it refuses alias bombs and deep nesting before any tree exists,
// and is the only parse of documents whose kind the analysis never reads.
#include "faultline/load/event_scan.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <libfyaml.h>

#include "fy_parser.hpp"

namespace faultline::load {
namespace {

using detail::text_of;

fy_token* anchor_of(fy_event* e) {
  switch (e->type) {
    case FYET_SCALAR: return e->scalar.anchor;
    case FYET_MAPPING_START: return e->mapping_start.anchor;
    case FYET_SEQUENCE_START: return e->sequence_start.anchor;
    default: return nullptr;
  }
}

/// What anchors_ holds for an anchor whose collection is still open: an alias to it would
/// make the collection contain itself.
constexpr std::uint64_t kOpen = ~std::uint64_t{0};

/// One open mapping or sequence.
struct Frame {
  bool mapping = false;
  bool expect_key = true;
  std::string anchor;
  std::uint64_t nodes_before = 0;
  std::vector<std::pair<std::string, int>> keys;  ///< scalar keys with their lines, checked at the end
};

class Scanner {
 public:
  Scanner(fy_parser* parser, const Limits& limits, detail::EventObserver* observer)
      : parser_(parser), limits_(limits), observer_(observer) {}

  ScanReport run() {
    while (!report_.limit_exceeded) {
      fy_event* e = fy_parser_parse(parser_);
      if (!e) break;
      const bool end = e->type == FYET_STREAM_END;
      handle(e);
      if (observer_ && !report_.limit_exceeded && !observer_->event(e)) observer_ = nullptr;
      fy_parser_event_free(parser_, e);
      if (end) break;
    }
    if (!report_.limit_exceeded && fy_parser_get_stream_error(parser_)) report_.syntax_error = first_error();
    return std::move(report_);
  }

 private:
  void handle(fy_event* e) {
    const fy_mark* mark = fy_event_start_mark(e);
    const int line = mark ? mark->line : 0;
    if (stack_.empty() && report_.root == RootKind::none) note_root(e, line);
    switch (e->type) {
      case FYET_SCALAR: {
        const std::string_view value = text_of(e->scalar.value);
        if (!stack_.empty() && stack_.back().mapping && stack_.back().expect_key) {
          if (value == "<<") report_.has_merge_key = true;
          stack_.back().keys.emplace_back(std::string(value), line);
        }
        node(e, 1);
        break;
      }
      case FYET_ALIAS: {
        report_.has_alias = true;
        const auto it = anchors_.find(std::string(text_of(e->alias.anchor)));
        if (it != anchors_.end() && it->second == kOpen) {
          limit(line, mark, fmt::format("alias *{} refers to a node that contains it (a recursive alias); document skipped",
                                        text_of(e->alias.anchor).substr(0, 80)));
          return;
        }
        const std::uint64_t size = it == anchors_.end() ? 1 : it->second;
        expanded_ += size;
        if (expanded_ > limits_.max_aliases) {
          limit(line, mark, fmt::format("aliases expand to more than {} nodes (--max-aliases); document skipped",
                                        limits_.max_aliases));
          return;
        }
        node(e, size);
        break;
      }
      case FYET_MAPPING_START:
      case FYET_SEQUENCE_START: {
        if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
          limit(line, mark, fmt::format("nesting deeper than {} levels (--max-depth); document skipped", limits_.max_depth));
          return;
        }
        const fy_token* anchor = anchor_of(e);
        node(nullptr, 1);
        Frame f;
        f.mapping = e->type == FYET_MAPPING_START;
        f.anchor = anchor ? std::string(text_of(const_cast<fy_token*>(anchor))) : std::string{};
        if (!f.anchor.empty()) anchors_[f.anchor] = kOpen;
        f.nodes_before = nodes_ - 1;
        stack_.push_back(std::move(f));
        break;
      }
      case FYET_MAPPING_END:
      case FYET_SEQUENCE_END: {
        if (stack_.empty()) break;
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        if (f.mapping) check_duplicates(f.keys);
        if (!f.anchor.empty()) anchors_[f.anchor] = nodes_ - f.nodes_before;
        break;
      }
      default:
        break;
    }
  }

  void note_root(fy_event* e, int line) {
    report_.root_line = line;
    switch (e->type) {
      case FYET_MAPPING_START: report_.root = RootKind::mapping; break;
      case FYET_SEQUENCE_START: report_.root = RootKind::sequence; break;
      case FYET_ALIAS: report_.root = RootKind::scalar; break;
      case FYET_SCALAR: {
        // The YAML null forms yaml-cpp also reads as null: an empty document, not a failure.
        const std::string_view v = text_of(e->scalar.value);
        const bool plain = fy_token_scalar_style(e->scalar.value) == FYSS_PLAIN;
        report_.root = plain && detail::is_null_text(v) ? RootKind::null : RootKind::scalar;
        break;
      }
      default: break;
    }
  }

  /// Counts a node (`size` nodes for an alias) and, in a mapping, flips between key and value.
  void node(fy_event* e, std::uint64_t size) {
    nodes_ += size;
    if (e && e->type == FYET_SCALAR && e->scalar.anchor) anchors_[std::string(text_of(e->scalar.anchor))] = 1;
    if (!stack_.empty() && stack_.back().mapping) stack_.back().expect_key = !stack_.back().expect_key;
  }

  void check_duplicates(std::vector<std::pair<std::string, int>>& keys) {
    if (keys.size() < 2) return;
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 1; i < keys.size(); ++i)
      if (keys[i].first == keys[i - 1].first) report_.duplicates.push_back({keys[i].first, keys[i - 1].second, keys[i].second});
  }

  void limit(int line, const fy_mark* mark, std::string message) {
    report_.limit_exceeded = ScanProblem{line, mark ? mark->column : 0, std::move(message)};
  }

  ScanProblem first_error() {
    void* iter = nullptr;
    fy_diag* diag = fy_parser_get_diag(parser_);
    ScanProblem p{0, 0, "invalid YAML"};
    if (!diag) return p;
    if (fy_diag_error* err = fy_diag_errors_iterate(diag, &iter)) {
      p.line = err->line < 0 ? 0 : err->line;
      p.column = err->column < 0 ? 0 : err->column;
      if (err->msg) p.message = err->msg;
    }
    fy_diag_unref(diag);
    return p;
  }

  fy_parser* parser_;
  const Limits& limits_;
  detail::EventObserver* observer_;
  ScanReport report_;
  std::vector<Frame> stack_;
  std::unordered_map<std::string, std::uint64_t> anchors_;
  std::uint64_t nodes_ = 0;
  std::uint64_t expanded_ = 0;
};

}  // namespace

namespace detail {

ScanReport scan_events(fy_parser* parser, const Limits& limits, EventObserver* observer) {
  return Scanner(parser, limits, observer).run();
}

}  // namespace detail

ScanReport scan_document(std::string_view text, const Limits& limits) {
  fy_parser* parser = detail::thread_parser(text);
  if (!parser) {
    ScanReport r;
    r.syntax_error = ScanProblem{0, 0, "the YAML parser could not be started"};
    return r;
  }
  ScanReport report = detail::scan_events(parser, limits, nullptr);
  if (report.syntax_error || report.limit_exceeded) detail::drop_thread_parser();
  return report;
}

}  // namespace faultline::load
