// Reading and writing the compact document tree.
#include "faultline/load/tree.hpp"

#include <charconv>
#include <limits>
#include <stdexcept>

namespace faultline::load {

Node Tree::root() const { return Node(this, root_); }

void Tree::set_entry(const Node& map, std::string_view key, std::string_view value) {
  if (!map.IsMap() || map.tree() != this) return;
  const auto add_scalar = [this](std::string_view text) {
    items_.push_back(Item{NodeType::Scalar, true, -1, -1, static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(text.size())});
    text_.append(text);
    return static_cast<std::uint32_t>(items_.size() - 1);
  };
  Item& m = items_[map.index()];
  for (std::uint32_t slot = 0; slot + 1 < m.size; slot += 2) {
    if (Node(this, kids_[m.begin + slot]).Scalar() == key && items_[kids_[m.begin + slot]].type == NodeType::Scalar) {
      const std::uint32_t v = add_scalar(value);
      kids_[items_[map.index()].begin + slot + 1] = v;
      return;
    }
  }
  // A mapping's children are contiguous: move them to the end, then append the new entry.
  const std::uint32_t k = add_scalar(key);
  const std::uint32_t v = add_scalar(value);
  Item& grown = items_[map.index()];
  const auto start = static_cast<std::uint32_t>(kids_.size());
  for (std::uint32_t slot = 0; slot < grown.size; ++slot) kids_.push_back(kids_[grown.begin + slot]);
  kids_.push_back(k);
  kids_.push_back(v);
  grown.begin = start;
  grown.size += 2;
}

std::string_view Node::Scalar() const {
  if (!IsScalar()) return {};
  const Tree::Item& i = item();
  return std::string_view(tree_->text_).substr(i.begin, i.size);
}

std::size_t Node::size() const {
  switch (Type()) {
    case NodeType::Sequence: return item().size;
    case NodeType::Map: return item().size / 2;
    default: return 0;
  }
}

Node Node::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  const Tree::Item& m = item();
  for (std::uint32_t slot = 0; slot + 1 < m.size; slot += 2) {
    const Node k = kid(slot);
    if (k.IsScalar() && k.Scalar() == key) return kid(slot + 1);
  }
  return {};
}

Node Node::operator[](std::size_t i) const { return IsSequence() && i < item().size ? kid(static_cast<std::uint32_t>(i)) : Node(); }

template <>
std::string Node::as<std::string>() const {
  if (!IsScalar()) throw std::runtime_error("not a scalar");
  return std::string(Scalar());
}

template <>
int Node::as<int>() const {
  const std::string_view text = Scalar();
  int value = 0;
  const auto [stop, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!IsScalar() || ec != std::errc{} || stop != text.data() + text.size()) throw std::runtime_error("not an integer");
  return value;
}

Node::Iterator Node::begin() const { return Iterator(*this, 0); }

Node::Iterator Node::end() const {
  const bool collection = IsMap() || IsSequence();
  return Iterator(*this, collection ? item().size : 0);
}

Node::Entry Node::Iterator::operator*() const {
  Entry e;
  if (parent_.IsMap()) {
    e.first = parent_.kid(slot_);
    e.second = parent_.kid(slot_ + 1);
  } else {
    static_cast<Node&>(e) = parent_.kid(slot_);
  }
  return e;
}

TreeWriter::TreeWriter(std::size_t text_bytes) : tree_(std::make_shared<Tree>()) { tree_->text_.reserve(text_bytes); }

namespace {

/// Offsets and counts are 32-bit: a document past that (only with --max-document-bytes raised
/// above 4 GiB) fails on its own instead of wrapping around.
void check_fits(std::size_t size) {
  if (size > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("the document is too large for one tree (4 GiB)");
}

}  // namespace

std::uint32_t TreeWriter::scalar(std::string_view value, bool null, NodeMark at, bool plain) {
  Tree& t = *tree_;
  check_fits(t.text_.size() + value.size());
  check_fits(t.items_.size() + 1);
  const auto index = static_cast<std::uint32_t>(t.items_.size());
  if (null) {
    t.items_.push_back(Tree::Item{NodeType::Null, true, at.line, at.column, 0, 0});
  } else {
    t.items_.push_back(Tree::Item{NodeType::Scalar, plain, at.line, at.column, static_cast<std::uint32_t>(t.text_.size()),
                                  static_cast<std::uint32_t>(value.size())});
    t.text_.append(value);
  }
  attach(index);
  return index;
}

std::uint32_t TreeWriter::open(bool mapping, NodeMark at) {
  check_fits(tree_->items_.size() + 1);
  const auto index = static_cast<std::uint32_t>(tree_->items_.size());
  tree_->items_.push_back(Tree::Item{mapping ? NodeType::Map : NodeType::Sequence, true, at.line, at.column, 0, 0});
  open_.push_back(index);
  starts_.push_back(pending_.size());
  return index;
}

std::optional<std::uint32_t> TreeWriter::close() {
  if (open_.empty()) return std::nullopt;
  Tree& t = *tree_;
  const std::uint32_t index = open_.back();
  const std::size_t start = starts_.back();
  open_.pop_back();
  starts_.pop_back();
  check_fits(t.kids_.size() + (pending_.size() - start));
  Tree::Item& item = t.items_[index];
  item.begin = static_cast<std::uint32_t>(t.kids_.size());
  item.size = static_cast<std::uint32_t>(pending_.size() - start);
  t.kids_.insert(t.kids_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(start), pending_.end());
  pending_.resize(start);
  attach(index);
  return index;
}

void TreeWriter::alias(std::uint32_t index) { attach(index); }

void TreeWriter::drop_last() {
  if (!open_.empty() && pending_.size() > starts_.back()) pending_.pop_back();
}

bool TreeWriter::is_open(std::uint32_t index) const {
  for (const std::uint32_t o : open_)
    if (o == index) return true;
  return false;
}

void TreeWriter::attach(std::uint32_t index) {
  if (!open_.empty()) {
    pending_.push_back(index);
  } else if (!has_root_ && !roots_ended_) {
    tree_->root_ = index;
    has_root_ = true;
  }
}

std::shared_ptr<Tree> TreeWriter::finish() {
  if (!has_root_) {  // an empty document reads as null
    tree_->root_ = static_cast<std::uint32_t>(tree_->items_.size());
    tree_->items_.push_back(Tree::Item{NodeType::Null, true, -1, -1, 0, 0});
  }
  tree_->kids_.shrink_to_fit();
  tree_->items_.shrink_to_fit();
  tree_->text_.shrink_to_fit();
  return std::move(tree_);
}

}  // namespace faultline::load
