// analyze(): packs first (a bad pack stops the run), then load → model → expand → inventory →
// placement → rules, then baseline and the summary.
#include "faultline/expand/expand.hpp"
#include "faultline/graph/system_graph.hpp"
#include "faultline/health/observed_health.hpp"
#include "faultline/inventory/node_files.hpp"
#include "blast_radius.hpp"
#include "faultline/pipeline.hpp"
#include "inputs.hpp"
#include "report_scope.hpp"

namespace faultline {

void apply_settings(const Settings& settings, AnalysisOptions& options) {
  options.exclude = settings.exclude;
  options.selection = settings.selection;
  options.policy_paths = settings.policy_paths;
  options.baseline_path = settings.baseline;
  if (!settings.node_paths.empty()) options.node_paths = settings.node_paths;
  if (!settings.topology_keys.empty()) options.extra_topology_keys = settings.topology_keys;
  if (settings.default_namespace) options.default_namespace = *settings.default_namespace;
}

namespace {

void summarize(Analysis& a) {
  Summary& s = a.summary;
  const auto& stats = a.model.stats;
  s.documents = stats.documents;
  s.objects = stats.objects;
  s.skipped = stats.skipped;
  s.failed = stats.failed;
  for (const auto& w : a.model.workloads) s.workloads += w.is_availability_target() ? 1 : 0;
  for (const auto& f : a.findings) {
    if (f.suppressed) ++s.suppressed;
    else if (f.severity == Severity::error) ++s.errors;
    else if (f.severity == Severity::warning) ++s.warnings;
    else ++s.infos;
  }
}

/// Loads packs and the baseline; false when either had an error (then nothing else runs).
bool load_policy(const AnalysisOptions& options, Analysis& a, rules::Baseline& baseline) {
  const std::size_t before = a.diagnostics.size();
  a.catalogue = rules::load_catalogue(options.policy_paths, a.diagnostics);
  if (!options.baseline_path.empty()) baseline = rules::read_baseline(options.baseline_path, a.diagnostics);
  a.policy_error = a.diagnostics.size() > before;
  return !a.policy_error;
}

void tell_stage(const AnalysisOptions& options, std::string_view stage) {
  if (options.progress != nullptr) options.progress->stage(stage);
}

}  // namespace

std::unique_ptr<Analysis> analyze(const AnalysisOptions& options) {
  auto a = std::make_unique<Analysis>();
  rules::Baseline baseline;
  if (!load_policy(options, *a, baseline)) return a;

  tell_stage(options, "reading");
  pipeline::load_manifests(options, *a);
  if (!inventory::load_node_files(options.node_paths, options.default_namespace, options.limits, a->model,
                                  a->diagnostics))
    a->input_error = true;
  const std::size_t expanded_from = a->diagnostics.size();
  tell_stage(options, "expanding operators");
  expand::expand(a->model, a->diagnostics, options.expand_limits);
  if (pipeline::has_error(a->diagnostics, expanded_from)) a->input_error = true;
  a->model.build_indexes();
  a->inventory = inventory::build_inventory(a->model, options.extra_topology_keys);
  tell_stage(options, "placing replicas");
  a->placement = placement::place(a->model, a->inventory);
  a->capacity = capacity::build_capacity(a->inventory, a->placement);
  health::note_missing_status(a->placement, a->diagnostics);

  const std::size_t before = a->diagnostics.size();
  rules::apply_selection(a->catalogue, options.selection, rules::runai_present(a->model), a->diagnostics);
  if (a->diagnostics.size() > before) {
    a->policy_error = true;
    return a;
  }
  tell_stage(options, "building the graph");
  a->graph = graph::make_graph(a->model, a->inventory, a->placement, a->catalogue.declarations);
  a->diagnostics.insert(a->diagnostics.end(), a->graph->diagnostics().begin(), a->graph->diagnostics().end());
  const rules::Context context{a->model, a->inventory, a->placement, a->graph.get(), &a->capacity};
  const std::size_t evaluated_from = a->diagnostics.size();
  tell_stage(options, "checking rules");
  a->findings = rules::evaluate(a->catalogue, context, &a->examined, &a->diagnostics, &a->examined_objects);
  if (pipeline::has_error(a->diagnostics, evaluated_from)) a->input_error = true;  // a rule failed
  pipeline::attach_blast_radius(*a->graph, a->findings);
  a->stale_baseline = rules::apply_baseline(baseline, a->findings);
  if (!options.context_paths.empty()) a->summary.not_reported = pipeline::keep_findings_in(options.paths, a->findings);
  rules::sort_findings(a->findings);
  summarize(*a);
  return a;
}

}  // namespace faultline
