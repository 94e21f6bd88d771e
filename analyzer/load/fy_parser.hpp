#pragma once
// The libfyaml parser both event passes of the load stage use (event_scan, event_tree).
#include <memory>
#include <string_view>

#include <libfyaml.h>
#include <yaml-cpp/yaml.h>

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

/// Hands each event of the parser's text to `handle` (which returns false to refuse it) until
/// the stream ends. False on a refusal or a syntax error.
template <typename Handle>
bool parse_events(fy_parser* parser, Handle&& handle) {
  for (;;) {
    fy_event* e = fy_parser_parse(parser);
    if (!e) return !fy_parser_get_stream_error(parser);
    const bool ok = handle(e);
    const bool end = e->type == FYET_STREAM_END;
    fy_parser_event_free(parser, e);
    if (!ok) return false;
    if (end) return !fy_parser_get_stream_error(parser);
  }
}

/// The text of a token (a scalar's value after escapes and folding), empty for none.
std::string_view text_of(fy_token* token);

/// The plain scalars yaml-cpp reads as null.
inline bool is_null_text(std::string_view v) { return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL"; }

/// Where yaml-cpp puts the node of event `e` of `text`: libfyaml marks a quoted scalar after its
/// quote and a block scalar (| or >) at its content, yaml-cpp at the quote and at the indicator.
YAML::Mark mark_of(fy_event* e, std::string_view text);
/// Where yaml-cpp puts an anchored node: at its `&`, where libfyaml's anchor token starts after it.
YAML::Mark anchor_mark(fy_token* anchor);

}  // namespace faultline::load::detail
