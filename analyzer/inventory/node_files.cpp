#include "faultline/inventory/node_files.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include <fmt/format.h>

#include "faultline/load/loader.hpp"
#include "faultline/model/builder.hpp"

namespace faultline::inventory {
namespace {

std::string place(const SourceLocation& where) {
  return where.line > 0 ? fmt::format("{}:{}", where.file, where.line) : where.file;
}

}  // namespace

bool load_node_files(const std::vector<std::string>& paths, const std::string& default_namespace,
                     const load::Limits& limits, model::Model& model, Diagnostics& diagnostics) {
  if (paths.empty()) return true;
  const model::BuildOptions build{default_namespace};
  const std::size_t first = diagnostics.size();
  // A Node read before (from the inputs, or an earlier --nodes file) and given again here: the
  // copy read last is the one the inventory uses, so the earlier one is dropped, with a warning.
  std::unordered_map<std::string, SourceLocation> earlier;
  for (const model::Node& node : model.nodes) earlier.emplace(node.meta.ref.name, node.meta.where);
  std::vector<std::string> replaced;
  const load::LoadStats stats = load::load_inputs(
      paths,
      [&](load::Document&& doc) {
        const load::Node kind = doc.root["kind"];
        if (kind && kind.IsScalar() && kind.Scalar() == "Node") {
          const std::string name = model::identity_of(doc, build).name;
          if (const auto it = earlier.find(name); it != earlier.end() && !name.empty()) {
            diagnostics.push_back({Severity::warning, doc.where,
                                   fmt::format("Node/{} is also given with --nodes here and was read before at {}; the "
                                               "copy read last (this one) is used",
                                               name, place(it->second))});
            replaced.push_back(name);
          }
          earlier.insert_or_assign(name, doc.where);
          model::add_document(doc, build, model, diagnostics);
          return;
        }
        diagnostics.push_back({Severity::warning, doc.where,
                               "--nodes file holds a " + (kind.IsScalar() ? std::string(kind.Scalar()) : std::string("?")) +
                                   ", not a Node; ignored (pass manifests as paths, not with --nodes)"});
      },
      diagnostics, limits);
  // Keep only the last copy of each replaced Node, so no stage sees two.
  if (!replaced.empty()) {
    std::sort(replaced.begin(), replaced.end());
    std::unordered_map<std::string, std::size_t> last;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) last[model.nodes[i].meta.ref.name] = i;
    std::deque<model::Node> kept;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
      const std::string& name = model.nodes[i].meta.ref.name;
      if (!std::binary_search(replaced.begin(), replaced.end(), name) || last[name] == i) kept.push_back(std::move(model.nodes[i]));
    }
    model.nodes.swap(kept);
  }
  bool failed = stats.failed > 0;
  for (std::size_t i = first; i < diagnostics.size(); ++i) failed = failed || diagnostics[i].severity == Severity::error;
  return !failed;
}

}  // namespace faultline::inventory
