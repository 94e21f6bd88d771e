#pragma once
// The libfyaml parser both event passes of the load stage use (event_scan, event_tree).
#include <memory>
#include <string_view>

#include <libfyaml.h>

#include "faultline/load/event_scan.hpp"

namespace faultline::load::detail {

/// Destroys a parser, with the errors its diagnostic object collected (see fy_parser.cpp).
struct ParserDeleter {
  void operator()(fy_parser* p) const;
};
using ParserPtr = std::unique_ptr<fy_parser, ParserDeleter>;

/// A quiet parser that collects its errors and accepts duplicate keys (the scan reports them).
ParserPtr make_parser();

/// The parser of this thread, reset to read `text`; nullptr when it cannot be started. Creating
/// a parser costs more than reading a small document, so each thread keeps one.
fy_parser* thread_parser(std::string_view text);

/// Drops this thread's parser after it stopped early (an error or a limit): it is not reused.
void drop_thread_parser();

/// Told each event of a scan while it stays within the limits (the tree builder), so that one
/// parse serves both; returning false stops the telling.
class EventObserver {
 public:
  virtual bool event(fy_event* e) = 0;

 protected:
  ~EventObserver() = default;
};

/// scan_document on a parser already set to the text, telling `observer` (may be null) each event.
ScanReport scan_events(fy_parser* parser, const Limits& limits, EventObserver* observer);

/// The text of a token (a scalar's value after escapes and folding), empty for none.
std::string_view text_of(fy_token* token);

}  // namespace faultline::load::detail
