#include "inputs.hpp"

#include "faultline/load/loader.hpp"
#include "faultline/model/builder.hpp"

namespace faultline::pipeline {

bool has_error(const Diagnostics& diags, std::size_t from) {
  for (std::size_t i = from; i < diags.size(); ++i)
    if (diags[i].severity == Severity::error) return true;
  return false;
}

void load_manifests(const AnalysisOptions& options, Analysis& analysis) {
  const model::BuildOptions build{options.default_namespace};
  const std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"-"} : options.paths;
  const std::size_t first = analysis.diagnostics.size();
  const load::DocumentSink add = [&](load::Document&& doc) {
    model::add_document(doc, build, analysis.model, analysis.diagnostics);
  };
  const load::LoadStats stats = options.text
                                    ? load::load_text(*options.text, "<input>", add, analysis.diagnostics, options.limits)
                                    : load::load_inputs(paths, add, analysis.diagnostics, options.limits);
  auto& counts = analysis.model.stats;
  counts.documents = stats.documents;
  counts.objects = stats.objects;
  counts.failed = stats.failed;
  if (stats.failed > 0 || has_error(analysis.diagnostics, first)) analysis.input_error = true;
  if (stats.objects == 0) {
    analysis.input_error = true;
    analysis.diagnostics.push_back({Severity::error,
                                    {},
                                    "no Kubernetes object found in the input; an empty rendering usually means "
                                    "the command that produced it (such as helm template) failed"});
  }
}

void load_nodes(const AnalysisOptions& options, Analysis& analysis) {
  if (options.node_paths.empty()) return;
  const model::BuildOptions build{options.default_namespace};
  const load::LoadStats stats = load::load_inputs(
      options.node_paths,
      [&](load::Document&& doc) {
        const YAML::Node kind = doc.root["kind"];
        if (kind && kind.IsScalar() && kind.Scalar() == "Node") {
          model::add_document(doc, build, analysis.model, analysis.diagnostics);
          return;
        }
        analysis.diagnostics.push_back({Severity::warning, doc.where,
                                        "--nodes file holds a " + (kind ? kind.as<std::string>("?") : std::string("?")) +
                                            ", not a Node; ignored (pass manifests as paths, not with --nodes)"});
      },
      analysis.diagnostics, options.limits);
  if (stats.failed > 0) analysis.input_error = true;
}

}  // namespace faultline::pipeline
