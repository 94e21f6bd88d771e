#include "faultline/inventory/node_files.hpp"

#include "faultline/load/loader.hpp"
#include "faultline/model/builder.hpp"

namespace faultline::inventory {

bool load_node_files(const std::vector<std::string>& paths, const std::string& default_namespace,
                     const load::Limits& limits, model::Model& model, Diagnostics& diagnostics) {
  if (paths.empty()) return true;
  const model::BuildOptions build{default_namespace};
  const std::size_t first = diagnostics.size();
  const load::LoadStats stats = load::load_inputs(
      paths,
      [&](load::Document&& doc) {
        const YAML::Node kind = doc.root["kind"];
        if (kind && kind.IsScalar() && kind.Scalar() == "Node") {
          model::add_document(doc, build, model, diagnostics);
          return;
        }
        diagnostics.push_back({Severity::warning, doc.where,
                               "--nodes file holds a " + (kind ? kind.as<std::string>("?") : std::string("?")) +
                                   ", not a Node; ignored (pass manifests as paths, not with --nodes)"});
      },
      diagnostics, limits);
  bool failed = stats.failed > 0;
  for (std::size_t i = first; i < diagnostics.size(); ++i) failed = failed || diagnostics[i].severity == Severity::error;
  return !failed;
}

}  // namespace faultline::inventory
