// yaml-cpp scans YAML several times slower than libfyaml, while building its tree is cheap: so
// the tree is built here from libfyaml's events, node by node, with the marks (line, column)
// yaml-cpp would give, so that every later stage sees exactly what YAML::Load returns. The
// manifest stream builds compact trees instead (tree_builder.cpp); this serves policy packs, the
// configuration and the manifests whose duplicate or merge keys need yaml-cpp's fix-ups.
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

using detail::anchor_mark;
using detail::is_null_text;
using detail::mark_of;
using detail::text_of;

class TreeBuilder {
 public:
  TreeBuilder(fy_parser* parser, std::string_view text)
      : parser_(parser), text_(text), memory_(new YAML::detail::memory_holder) {}

  /// Parses on its own. False when the events hold what is left to yaml-cpp, or on an error.
  bool run() {
    return detail::parse_events(parser_, [this](fy_event* e) { return handle(e); });
  }

  YAML::Node root() const { return root_ ? Access::wrap(*root_, memory_) : YAML::Node(YAML::NodeType::Null); }

 private:
  struct Open {
    YAML::detail::node* node;
    YAML::detail::node* key = nullptr;  ///< a mapping's key waiting for its value
  };

  bool handle(fy_event* e) {
    switch (e->type) {
      case FYET_SCALAR: {
        if (e->scalar.tag) return false;
        const std::string_view value = text_of(e->scalar.value);
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
        YAML::detail::node& n = create(e, mapping ? e->mapping_start.anchor : e->sequence_start.anchor);
        n.set_type(mapping ? YAML::NodeType::Map : YAML::NodeType::Sequence);
        n.set_tag("?");
        n.set_style(fy_event_get_node_style(e) == FYNS_FLOW ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block);
        open_.push_back(Open{&n, nullptr});
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

}  // namespace faultline::load
