// yaml-cpp scans YAML several times slower than libfyaml, while building its tree is cheap: so
// the tree is built here from libfyaml's events, node by node, with the marks (line, column)
// yaml-cpp would give, so that every later stage sees exactly what YAML::Load returns.
#include "faultline/load/event_tree.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <libfyaml.h>

#include "fy_parser.hpp"
#include "tree_access.hpp"

namespace faultline::load {
namespace {

using detail::text_of;

/// The plain scalars yaml-cpp reads as null.
bool is_null_text(std::string_view v) { return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL"; }

/// Where yaml-cpp puts a node: libfyaml marks a quoted scalar after its quote and a block scalar
/// (| or >) at its content, yaml-cpp at the quote and at the indicator.
YAML::Mark mark_of(fy_event* e, std::string_view text) {
  YAML::Mark m;
  const fy_mark* fm = fy_event_start_mark(e);
  if (!fm) return m;
  std::size_t pos = fm->input_pos;
  m.line = fm->line;
  m.column = fm->column;
  if (e->type == FYET_SCALAR) {
    switch (fy_token_scalar_style(e->scalar.value)) {
      case FYSS_SINGLE_QUOTED:
      case FYSS_DOUBLE_QUOTED:
        if (pos > 0 && m.column > 0) {
          --pos;
          --m.column;
        }
        break;
      case FYSS_LITERAL:
      case FYSS_FOLDED: {
        const std::size_t indicator = text.find_last_of("|>", pos > 0 ? pos - 1 : 0);
        if (indicator == std::string_view::npos || indicator >= pos) break;
        const std::string_view between = text.substr(indicator, pos - indicator);
        m.line -= static_cast<int>(std::count(between.begin(), between.end(), '\n'));
        const std::size_t line_start = text.rfind('\n', indicator);
        m.column = static_cast<int>(indicator - (line_start == std::string_view::npos ? 0 : line_start + 1));
        pos = indicator;
        break;
      }
      default:
        break;
    }
  }
  m.pos = static_cast<int>(pos);
  return m;
}

/// yaml-cpp marks an anchored node at its `&`; libfyaml's anchor token starts after it.
YAML::Mark anchor_mark(fy_token* anchor) {
  YAML::Mark m;
  if (const fy_mark* fm = fy_token_start_mark(anchor)) {
    m.pos = static_cast<int>(fm->input_pos) - (fm->column > 0 ? 1 : 0);
    m.line = fm->line;
    m.column = fm->column > 0 ? fm->column - 1 : 0;
  }
  return m;
}

/// A CRD's schema below this many enclosing collections is never read: the outline the model
/// keeps (model/crd_outline.cpp) ends at spec.versions[].schema.openAPIV3Schema.properties.spec
/// and two levels of properties below it, whose own keys start at depth 13.
constexpr std::size_t kCrdDepth = 14;

class TreeBuilder final : public detail::EventObserver {
 public:
  TreeBuilder(fy_parser* parser, std::string_view text, Pruning pruning = Pruning::none)
      : parser_(parser), text_(text), memory_(new YAML::detail::memory_holder), pruning_(pruning) {}

  /// Parses on its own. False when the events hold what is left to yaml-cpp, or on an error.
  bool run() {
    for (;;) {
      fy_event* e = fy_parser_parse(parser_);
      if (!e) return !fy_parser_get_stream_error(parser_);
      const bool ok = handle(e);
      const bool end = e->type == FYET_STREAM_END;
      fy_parser_event_free(parser_, e);
      if (!ok) return false;
      if (end) return !fy_parser_get_stream_error(parser_);
    }
  }

  /// Told by a scan: the same as run() does per event, remembering a refusal.
  bool event(fy_event* e) override {
    refused_ = refused_ || !handle(e);
    return !refused_;
  }
  bool refused() const { return refused_; }

  YAML::Node root() const { return root_ ? Access::wrap(*root_, memory_) : YAML::Node(YAML::NodeType::Null); }

 private:
  struct Open {
    YAML::detail::node* node;
    YAML::detail::node* key = nullptr;  ///< a mapping's key waiting for its value
    bool metadata = false;              ///< the value of a `metadata` key
  };

  /// Inside the value of a dropped key: swallows its events, counting the collections it opens.
  void skip(fy_event* e) {
    if (e->type == FYET_MAPPING_START || e->type == FYET_SEQUENCE_START) ++skip_depth_;
    else if (e->type == FYET_MAPPING_END || e->type == FYET_SEQUENCE_END) --skip_depth_;
    else if (e->type != FYET_SCALAR && e->type != FYET_ALIAS) return;
    skipping_ = skip_depth_ > 0;
  }

  /// A mapping key whose entry is left out, with its value.
  bool dropped_key(std::string_view key) const {
    if (open_.empty() || open_.back().key || open_.back().node->type() != YAML::NodeType::Map) return false;
    return key == "managedFields" && open_.back().metadata;
  }

  /// A CRD schema's `description: text`; not a property called description (its value is a mapping).
  bool dropped_description() const {
    if (pruning_ != Pruning::crd || open_.empty() || !open_.back().key) return false;
    const YAML::detail::node& key = *open_.back().key;
    return key.type() == YAML::NodeType::Scalar && key.scalar() == "description";
  }

  bool is_metadata_value() const {
    if (open_.empty() || !open_.back().key) return false;
    const YAML::detail::node& key = *open_.back().key;
    return key.type() == YAML::NodeType::Scalar && key.scalar() == "metadata";
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
        if (pruning_ != Pruning::none && dropped_key(value)) {
          skipping_ = true;  // the key, then its value
          skip_depth_ = 0;
          return true;
        }
        if (dropped_description()) {
          open_.back().key = nullptr;
          return true;
        }
        YAML::detail::node& n = create(e, e->scalar.anchor);
        const bool plain = fy_token_scalar_style(e->scalar.value) == FYSS_PLAIN;
        if (plain && is_null_text(value)) {
          n.set_null();
        } else {
          n.set_scalar(std::string(value));
          n.set_tag(plain ? "?" : "!");
        }
        attach(n);
        return true;
      }
      case FYET_ALIAS: {
        const auto it = anchors_.find(std::string(text_of(e->alias.anchor)));
        if (it == anchors_.end()) return false;
        attach(*it->second);
        return true;
      }
      case FYET_MAPPING_START:
      case FYET_SEQUENCE_START: {
        const bool mapping = e->type == FYET_MAPPING_START;
        if (mapping ? e->mapping_start.tag : e->sequence_start.tag) return false;
        if (pruning_ == Pruning::crd && open_.size() >= kCrdDepth) {
          if (!open_.empty()) open_.back().key = nullptr;  // the key goes with its value
          skipping_ = true;
          skip_depth_ = 1;
          return true;
        }
        YAML::detail::node& n = create(e, mapping ? e->mapping_start.anchor : e->sequence_start.anchor);
        n.set_type(mapping ? YAML::NodeType::Map : YAML::NodeType::Sequence);
        n.set_tag("?");
        n.set_style(fy_event_get_node_style(e) == FYNS_FLOW ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block);
        open_.push_back(Open{&n, nullptr, mapping && is_metadata_value()});
        return true;
      }
      case FYET_MAPPING_END:
      case FYET_SEQUENCE_END: {
        if (open_.empty()) return false;
        YAML::detail::node& n = *open_.back().node;
        open_.pop_back();
        attach(n);
        return true;
      }
      case FYET_DOCUMENT_START:
        ++documents_;
        return true;
      default:
        return true;
    }
  }

  YAML::detail::node& create(fy_event* e, fy_token* anchor) {
    YAML::detail::node& n = memory_->create_node();
    n.set_mark(anchor ? anchor_mark(anchor) : mark_of(e, text_));
    if (anchor) anchors_[std::string(text_of(anchor))] = &n;
    return n;
  }

  /// Puts a finished node into the open collection (as a key, a value or an item), or makes it
  /// the root; nodes of later documents in the text are dropped, as YAML::Load reads only the first.
  void attach(YAML::detail::node& n) {
    if (open_.empty()) {
      if (documents_ <= 1 && !root_) root_ = &n;
      return;
    }
    Open& parent = open_.back();
    if (parent.node->type() == YAML::NodeType::Sequence) {
      parent.node->push_back(n, memory_);
    } else if (!parent.key) {
      parent.key = &n;
    } else {
      parent.node->insert(*parent.key, n, memory_);
      parent.key = nullptr;
    }
  }

  fy_parser* parser_;
  std::string_view text_;
  YAML::detail::shared_memory_holder memory_;
  std::vector<Open> open_;
  std::unordered_map<std::string, YAML::detail::node*> anchors_;
  YAML::detail::node* root_ = nullptr;
  int documents_ = 0;
  bool refused_ = false;
  Pruning pruning_;
  bool skipping_ = false;
  int skip_depth_ = 0;
};

}  // namespace

std::optional<YAML::Node> build_tree(std::string_view text) {
  fy_parser* parser = detail::thread_parser(text);
  if (!parser) return std::nullopt;
  TreeBuilder builder(parser, text);
  if (!builder.run()) {
    detail::drop_thread_parser();
    return std::nullopt;
  }
  return builder.root();
}

ScannedDocument scan_and_build(std::string_view text, const Limits& limits, Pruning pruning) {
  ScannedDocument out;
  fy_parser* parser = detail::thread_parser(text);
  if (!parser) {
    out.scan.syntax_error = ScanProblem{0, 0, "the YAML parser could not be started"};
    return out;
  }
  TreeBuilder builder(parser, text, pruning);
  out.scan = detail::scan_events(parser, limits, &builder);
  if (out.scan.syntax_error || out.scan.limit_exceeded) detail::drop_thread_parser();
  else if (!builder.refused()) out.tree = builder.root();
  return out;
}

YAML::Node find_value(const YAML::Node& map, std::string_view key) {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  YAML::detail::node* n = Access::node_of(map);
  for (auto it = n->begin(); it != n->end(); ++it) {
    const YAML::detail::node* k = it->first;
    if (k->type() == YAML::NodeType::Scalar && k->scalar() == key) return Access::wrap(*it->second, Access::memory_of(map));
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

}  // namespace faultline::load
