// The manifest stream's trees, built from libfyaml's events during the scan: the same nodes,
// scalars, anchors and lines as yaml-cpp's tree of the text (event_tree.cpp), less what the
// pruning leaves out, in a compact tree (tree.hpp).
#include "faultline/load/tree_builder.hpp"

#include <optional>
#include <string>
#include <unordered_map>

#include <libfyaml.h>

#include "fy_parser.hpp"

namespace faultline::load {
namespace {

using detail::text_of;

/// A CRD's schema below this many enclosing collections is never read: the outline the model
/// keeps (model/crd_outline.cpp) ends at spec.versions[].schema.openAPIV3Schema.properties.spec
/// and two levels of properties below it, whose own keys start at depth 13.
constexpr std::size_t kCrdDepth = 14;

NodeMark mark_of(fy_event* e, fy_token* anchor, std::string_view text) {
  const YAML::Mark m = anchor ? detail::anchor_mark(anchor) : detail::mark_of(e, text);
  return NodeMark{m.line, m.column};
}

class CompactBuilder final : public detail::EventObserver {
 public:
  CompactBuilder(std::string_view text, Pruning pruning) : writer_(text.size()), text_(text), pruning_(pruning) {}

  /// Parses on its own. False when the events hold what is left to yaml-cpp, or on an error.
  bool run(fy_parser* parser) {
    return detail::parse_events(parser, [this](fy_event* e) { return handle(e); });
  }

  /// Told by a scan: the same as run() does per event, remembering a refusal.
  bool event(fy_event* e) override {
    refused_ = refused_ || !handle(e);
    return !refused_;
  }
  bool refused() const { return refused_; }

  std::shared_ptr<Tree> finish() { return writer_.finish(); }

 private:
  /// An open collection, and for a mapping what its pending key (if any) says.
  struct Open {
    bool mapping = false;
    bool metadata = false;  ///< the value of a `metadata` key
    bool key_pending = false;
    bool key_is_metadata = false;
    bool key_is_description = false;
  };
  bool at_key() const { return !open_.empty() && open_.back().mapping && !open_.back().key_pending; }
  bool at_value() const { return !open_.empty() && open_.back().mapping && open_.back().key_pending; }

  /// Node `index` took its place in the innermost collection: in a mapping, keys and values
  /// alternate, and a key's text says what its value is.
  void placed(std::uint32_t index) {
    if (open_.empty() || !open_.back().mapping) return;
    Open& parent = open_.back();
    parent.key_pending = !parent.key_pending;
    const std::string_view key = parent.key_pending ? writer_.scalar_text(index) : std::string_view();
    parent.key_is_metadata = key == "metadata";
    parent.key_is_description = key == "description";
  }

  /// The pending key goes with its dropped value.
  void drop_key() {
    writer_.drop_last();
    open_.back().key_pending = false;
  }

  /// Inside a dropped value: swallows its events, counting the collections it opens.
  void skip(fy_event* e) {
    if (e->type == FYET_MAPPING_START || e->type == FYET_SEQUENCE_START) ++skip_depth_;
    else if (e->type == FYET_MAPPING_END || e->type == FYET_SEQUENCE_END) --skip_depth_;
    else if (e->type != FYET_SCALAR && e->type != FYET_ALIAS) return;
    skipping_ = skip_depth_ > 0;
  }

  void remember(fy_token* anchor, std::uint32_t index) {
    if (anchor) anchors_[std::string(text_of(anchor))] = index;
  }

  bool handle(fy_event* e) {
    if (skipping_) {
      skip(e);
      return true;
    }
    switch (e->type) {
      case FYET_SCALAR: {
        if (e->scalar.tag) return false;
        const std::string_view value = text_of(e->scalar.value);
        if (pruning_ != Pruning::none && at_key() && open_.back().metadata && value == "managedFields") {
          skipping_ = true;  // the key, then its value
          skip_depth_ = 0;
          return true;
        }
        if (pruning_ == Pruning::crd && at_value() && open_.back().key_is_description) {
          drop_key();
          return true;
        }
        const bool plain = fy_token_scalar_style(e->scalar.value) == FYSS_PLAIN;
        const bool null = plain && detail::is_null_text(value);
        const std::uint32_t index = writer_.scalar(value, null, mark_of(e, e->scalar.anchor, text_), plain);
        remember(e->scalar.anchor, index);
        placed(index);
        return true;
      }
      case FYET_ALIAS: {
        const auto it = anchors_.find(std::string(text_of(e->alias.anchor)));
        if (it == anchors_.end() || writer_.is_open(it->second)) return false;
        writer_.alias(it->second);
        placed(it->second);
        return true;
      }
      case FYET_MAPPING_START:
      case FYET_SEQUENCE_START: {
        const bool mapping = e->type == FYET_MAPPING_START;
        if (mapping ? e->mapping_start.tag : e->sequence_start.tag) return false;
        if (pruning_ == Pruning::crd && writer_.depth() >= kCrdDepth) {
          if (at_value()) drop_key();
          skipping_ = true;
          skip_depth_ = 1;
          return true;
        }
        fy_token* anchor = mapping ? e->mapping_start.anchor : e->sequence_start.anchor;
        const bool metadata = mapping && at_value() && open_.back().key_is_metadata;
        remember(anchor, writer_.open(mapping, mark_of(e, anchor, text_)));
        open_.push_back(Open{mapping, metadata});
        return true;
      }
      case FYET_MAPPING_END:
      case FYET_SEQUENCE_END: {
        const std::optional<std::uint32_t> closed = writer_.close();
        if (!closed || open_.empty()) return false;
        open_.pop_back();
        placed(*closed);
        return true;
      }
      case FYET_DOCUMENT_START:
        if (++documents_ > 1) writer_.end_roots();  // as YAML::Load, only the first document counts
        return true;
      default:
        return true;
    }
  }

  TreeWriter writer_;
  std::string_view text_;
  Pruning pruning_;
  std::vector<Open> open_;
  std::unordered_map<std::string, std::uint32_t> anchors_;  ///< anchor → the node it names
  int documents_ = 0;
  bool refused_ = false;
  bool skipping_ = false;
  int skip_depth_ = 0;
};

}  // namespace

ScannedDocument scan_and_build(std::string_view text, const Limits& limits, Pruning pruning) {
  ScannedDocument out;
  fy_parser* parser = detail::thread_parser(text);
  if (!parser) {
    out.scan.syntax_error = ScanProblem{0, 0, "the YAML parser could not be started"};
    return out;
  }
  CompactBuilder builder(text, pruning);
  out.scan = detail::scan_events(parser, limits, &builder);
  if (out.scan.syntax_error || out.scan.limit_exceeded) detail::drop_thread_parser();
  else if (!builder.refused()) out.tree = builder.finish();
  return out;
}

std::shared_ptr<Tree> build_compact_tree(std::string_view text) {
  fy_parser* parser = detail::thread_parser(text);
  if (!parser) return nullptr;
  CompactBuilder builder(text, Pruning::none);
  if (!builder.run(parser)) {
    detail::drop_thread_parser();
    return nullptr;
  }
  return builder.finish();
}

}  // namespace faultline::load
