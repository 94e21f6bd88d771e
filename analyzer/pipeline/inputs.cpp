#include "inputs.hpp"

#include "faultline/load/loader.hpp"
#include "faultline/model/builder.hpp"
#include "faultline/model/repeated_objects.hpp"

namespace faultline::pipeline {

bool has_error(const Diagnostics& diags, std::size_t from) {
  for (std::size_t i = from; i < diags.size(); ++i)
    if (diags[i].severity == Severity::error) return true;
  return false;
}

void load_manifests(const AnalysisOptions& options, Analysis& analysis) {
  const model::BuildOptions build{options.default_namespace};
  std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"-"} : options.paths;
  // Named paths first, so a file also reached through a context directory keeps the name the user gave.
  paths.insert(paths.end(), options.context_paths.begin(), options.context_paths.end());
  load::InputFilter filter(options.exclude);
  for (const auto& p : options.policy_paths) filter.skip_path(p, "a policy pack (--policy, policies:), not manifests");
  for (const auto& p : options.node_paths) filter.skip_path(p, "the node inventory (--nodes, nodes:), read as such");
  if (!options.baseline_path.empty()) filter.skip_path(options.baseline_path, "the baseline file (--baseline)");
  const std::size_t first = analysis.diagnostics.size();
  model::RepeatedObjects objects(analysis.model, build, analysis.diagnostics);
  std::size_t read = 0, files = 0;
  std::string last_file;
  const load::DocumentSink add = [&](load::Document&& doc) {
    objects.add(doc);
    if (options.progress == nullptr) return;
    if (files == 0 || last_file != doc.where.file) {
      ++files;
      last_file = doc.where.file;
    }
    options.progress->object_read(++read, files);
  };
  // Objects are built on the parser threads; the tree goes with the thread's other garbage.
  const load::DocumentPreparer prepare = [&build](load::Document& doc) {
    doc.prepared = model::prepare_object(doc, build);
    doc.root = {};
    doc.tree.reset();
  };
  const load::LoadStats stats =
      options.text ? load::load_text(*options.text, "<input>", add, analysis.diagnostics, options.limits, prepare)
                   : load::load_inputs(paths, add, analysis.diagnostics, options.limits, filter, prepare);
  analysis.summary.repeated = objects.finish();
  auto& counts = analysis.model.stats;
  counts.documents = stats.documents;
  counts.objects = stats.objects;
  counts.failed = stats.failed;
  analysis.summary.skipped_files = stats.skipped_files;
  if (stats.failed > 0 || has_error(analysis.diagnostics, first)) analysis.input_error = true;
  if (stats.objects == 0) {
    analysis.input_error = true;
    analysis.diagnostics.push_back({Severity::error,
                                    {},
                                    "no Kubernetes object found in the input; an empty rendering usually means "
                                    "the command that produced it (such as helm template) failed"});
  }
}

}  // namespace faultline::pipeline
