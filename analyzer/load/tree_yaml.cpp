// Compact trees from and to yaml-cpp's, walking yaml-cpp's nodes themselves.
#include "faultline/load/tree_yaml.hpp"

#include <stdexcept>
#include <unordered_map>

#include "faultline/load/content_hash.hpp"
#include "tree_access.hpp"

namespace faultline::load {

namespace {

/// Walks yaml-cpp's nodes (not handles, which copy a shared_ptr each) in document order.
class FromYaml {
 public:
  explicit FromYaml(TreeWriter& out) : out_(out) {}

  void visit(const YAML::detail::node& n) {
    if (const auto seen = done_.find(&n); seen != done_.end()) {
      if (out_.is_open(seen->second)) throw std::runtime_error("a recursive alias (a node that contains itself)");
      out_.alias(seen->second);
      return;
    }
    const NodeMark at{n.mark().line, n.mark().column};
    switch (n.type()) {
      case YAML::NodeType::Scalar:
        done_[&n] = out_.scalar(n.scalar(), false, at, n.tag() != "!");
        return;
      case YAML::NodeType::Sequence:
        done_[&n] = out_.open(false, at);
        for (auto it = n.begin(); it != n.end(); ++it) visit(**it);
        out_.close();
        return;
      case YAML::NodeType::Map:
        done_[&n] = out_.open(true, at);
        for (auto it = n.begin(); it != n.end(); ++it) {
          visit(*it->first);
          visit(*it->second);
        }
        out_.close();
        return;
      default:
        done_[&n] = out_.scalar({}, true, at);
        return;
    }
  }

 private:
  TreeWriter& out_;
  std::unordered_map<const YAML::detail::node*, std::uint32_t> done_;
};

YAML::Node to_yaml(const Node& node, const YAML::detail::shared_memory_holder& memory,
                   std::unordered_map<std::uint32_t, YAML::detail::node*>& done) {
  if (const auto seen = done.find(node.index()); seen != done.end()) return Access::wrap(*seen->second, memory);
  YAML::detail::node& n = memory->create_node();
  YAML::Mark mark;
  mark.line = node.Mark().line;
  mark.column = node.Mark().column;
  n.set_mark(mark);
  done[node.index()] = &n;
  switch (node.Type()) {
    case NodeType::Scalar:
      n.set_scalar(std::string(node.Scalar()));
      n.set_tag(node.IsPlain() ? "?" : "!");
      break;
    case NodeType::Sequence:
      n.set_type(YAML::NodeType::Sequence);
      for (const auto& item : node) n.push_back(*Access::node_of(to_yaml(item, memory, done)), memory);
      break;
    case NodeType::Map:
      n.set_type(YAML::NodeType::Map);
      for (const auto& kv : node)
        n.insert(*Access::node_of(to_yaml(kv.first, memory, done)), *Access::node_of(to_yaml(kv.second, memory, done)), memory);
      break;
    default:
      n.set_null();
      break;
  }
  return Access::wrap(n, memory);
}

}  // namespace

std::shared_ptr<Tree> tree_from_yaml(const YAML::Node& node) {
  TreeWriter out;
  if (node.IsDefined() && Access::node_of(node)) FromYaml(out).visit(*Access::node_of(node));
  return out.finish();
}

YAML::Node to_yaml(const Node& node) {
  if (!node) return YAML::Node(YAML::NodeType::Undefined);
  YAML::detail::shared_memory_holder memory(new YAML::detail::memory_holder);
  std::unordered_map<std::uint32_t, YAML::detail::node*> done;
  return to_yaml(node, memory, done);
}

Document document_of(const YAML::Node& root, SourceLocation where) {
  std::shared_ptr<const Tree> tree = tree_from_yaml(root);
  const Node node = tree->root();
  return Document{node, std::move(where), content_hash(node), {}, std::move(tree)};
}

}  // namespace faultline::load
