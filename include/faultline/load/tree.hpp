#pragma once
/// The tree of one manifest document: compact, built straight from the parser's events.
///
/// A dump holds about a million YAML nodes; yaml-cpp spends several allocations, shared pointers
/// and a set insertion on each, which made its trees a third of loading's CPU. Here a document's
/// nodes are one array of 20-byte items, its children one array of indexes and its scalars one
/// string, and `Node` is a plain handle into them. The API follows yaml-cpp's names (IsMap,
/// Scalar, Mark, iteration with first/second) so that readers read like yaml-cpp code; scalars are
/// string_views into the tree.
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::load {

enum class NodeType : std::uint8_t { Undefined, Null, Scalar, Sequence, Map };

/// Where a node starts, 0-based; -1 for a node not read from text (and for undefined nodes).
struct NodeMark {
  int line = -1;
  int column = -1;
};

class Node;

/// The nodes of one document. Built by TreeWriter (or converted from yaml-cpp, tree_yaml.hpp),
/// then read through Node handles, which stay valid while the tree lives.
class Tree {
 public:
  /// A node: a scalar's bytes in `text_`, or a collection's children in `kids_` (a mapping's as
  /// key, value, key, value).
  struct Item {
    NodeType type = NodeType::Null;
    bool plain = true;  ///< a scalar written without quotes or block indicator (`<<` is a merge key only then)
    int line = -1;
    int column = -1;
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
  };

  Node root() const;
  /// Sets `map[key]` to the plain scalar `value`, replacing the value of an existing key.
  void set_entry(const Node& map, std::string_view key, std::string_view value);

 private:
  friend class Node;
  friend class TreeWriter;
  std::vector<Item> items_;
  std::vector<std::uint32_t> kids_;
  std::string text_;
  std::uint32_t root_ = 0;
};

/// A handle to a node of a Tree, or an undefined node (a missing field).
class Node {
 public:
  Node() = default;
  Node(const Tree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  explicit operator bool() const { return IsDefined(); }
  bool IsDefined() const { return tree_ != nullptr; }
  NodeType Type() const { return tree_ ? item().type : NodeType::Undefined; }
  bool IsNull() const { return Type() == NodeType::Null; }
  bool IsScalar() const { return Type() == NodeType::Scalar; }
  bool IsSequence() const { return Type() == NodeType::Sequence; }
  bool IsMap() const { return Type() == NodeType::Map; }
  /// A scalar's text; empty for every other node.
  std::string_view Scalar() const;
  /// Whether a scalar was written plain (no quotes, no | or >).
  bool IsPlain() const { return tree_ && item().plain; }
  NodeMark Mark() const { return tree_ ? NodeMark{item().line, item().column} : NodeMark{}; }
  /// Items of a sequence, entries of a mapping; 0 otherwise.
  std::size_t size() const;
  /// The value of the first scalar key `key` of a mapping; undefined when there is none.
  Node operator[](std::string_view key) const;
  /// Item `i` of a sequence; undefined when there is none.
  Node operator[](std::size_t i) const;
  /// A scalar as a string or an int (tests and simple lookups); throws std::runtime_error otherwise.
  template <typename T>
  T as() const;

  /// One step of iteration: a sequence's item (the entry itself is that node) or a mapping's
  /// entry (`first`, `second`), as yaml-cpp's iterators give.
  struct Entry;
  class Iterator;
  Iterator begin() const;
  Iterator end() const;

  const Tree* tree() const { return tree_; }
  std::uint32_t index() const { return index_; }

 private:
  const Tree::Item& item() const { return tree_->items_[index_]; }
  Node kid(std::uint32_t slot) const { return Node(tree_, tree_->kids_[item().begin + slot]); }

  const Tree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

struct Node::Entry : Node {
  Node first;
  Node second;
};

class Node::Iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = Entry;
  using difference_type = std::ptrdiff_t;
  using pointer = const Entry*;
  using reference = const Entry&;

  Iterator() = default;
  Iterator(const Node& parent, std::uint32_t slot) : parent_(parent), slot_(slot) {}
  Entry operator*() const;
  Iterator& operator++() {
    slot_ += parent_.IsMap() ? 2 : 1;
    return *this;
  }
  Iterator operator++(int) {
    Iterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const Iterator& other) const { return slot_ == other.slot_ && parent_.index_ == other.parent_.index_; }

 private:
  Node parent_;
  std::uint32_t slot_ = 0;
};

template <>
std::string Node::as<std::string>() const;
template <>
int Node::as<int>() const;

/// Builds a Tree in document order: scalars and aliases as they come, collections between
/// open() and close(). The parser's events map one to one onto these calls.
class TreeWriter {
 public:
  /// `text_bytes`: the document's size, which bounds its scalars' total (reserved at once).
  explicit TreeWriter(std::size_t text_bytes = 0);
  /// A scalar (`null` true for a plain null); returns its index, for an anchor.
  std::uint32_t scalar(std::string_view value, bool null, NodeMark at, bool plain = true);
  /// Opens a sequence or mapping; returns its index, for an anchor.
  std::uint32_t open(bool mapping, NodeMark at);
  /// Closes the innermost open collection and returns its index; nullopt when none is open.
  std::optional<std::uint32_t> close();
  /// Adds an existing node (an alias) where the next node goes.
  void alias(std::uint32_t index);
  /// Removes the node added last to the innermost open collection (a key whose value is dropped).
  void drop_last();
  /// Later top-level nodes (of a further document in the text) do not become the root.
  void end_roots() { roots_ended_ = true; }
  /// Whether the collection `index` is still open (an alias to it would make a cycle).
  bool is_open(std::uint32_t index) const;
  std::size_t depth() const { return open_.size(); }
  /// The text of node `index` when it is a scalar; empty otherwise.
  std::string_view scalar_text(std::uint32_t index) const { return Node(tree_.get(), index).Scalar(); }
  /// The tree; the first top-level node is its root (later ones, of further documents, are dropped).
  std::shared_ptr<Tree> finish();

 private:
  void attach(std::uint32_t index);

  std::shared_ptr<Tree> tree_;
  std::vector<std::uint32_t> open_;     ///< indexes of the open collections
  std::vector<std::uint32_t> pending_;  ///< the open collections' children, innermost last
  std::vector<std::size_t> starts_;     ///< where each open collection's children start in pending_
  bool has_root_ = false;
  bool roots_ended_ = false;
};

}  // namespace faultline::load
