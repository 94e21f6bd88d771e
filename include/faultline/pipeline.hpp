#pragma once
/// The whole pipeline, load to rules, as one call: what every subcommand runs first.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "faultline/capacity/capacity.hpp"
#include "faultline/common/diagnostic.hpp"
#include "faultline/expand/expand.hpp"
#include "faultline/inventory/inventory.hpp"
#include "faultline/load/limits.hpp"
#include "faultline/model/model.hpp"
#include "faultline/placement/placement.hpp"
#include "faultline/rules/baseline.hpp"
#include "faultline/rules/engine.hpp"
#include "faultline/rules/finding.hpp"
#include "faultline/pipeline/progress.hpp"
#include "faultline/pipeline/settings.hpp"

namespace faultline::graph {
class SystemGraph;
}

namespace faultline {

/// Options common to check, simulate and graph.
struct AnalysisOptions {
  std::vector<std::string> paths;          ///< empty = stdin
  /// --context PATH: analyzed with `paths` (their PDBs, Services, dependencies count), but only the
  /// findings located in `paths` are reported. Empty: every finding is reported.
  std::vector<std::string> context_paths;
  std::vector<std::string> node_paths;     ///< --nodes
  std::string default_namespace = "default";
  std::vector<std::string> extra_topology_keys;
  rules::Selection selection;             ///< --pack, --enable, --disable, --severity
  std::vector<std::string> policy_paths;  ///< --policy FILE|DIR
  std::string baseline_path;              ///< --baseline FILE; "" = none
  std::vector<std::string> exclude;       ///< --exclude GLOB: paths skipped inside directories
  load::Limits limits;                    ///< --max-* input limits and --jobs
  expand::Limits expand_limits;           ///< --max-expanded
  /// Manifests held in memory (the fuzzer), read instead of `paths` and stdin; named "<input>".
  std::optional<std::string> text;
  /// Told how far the run is (the CLI's progress line); null for none. Not owned.
  ProgressListener* progress = nullptr;
};

/// Copies the settings (config file merged with flags) into `options`; paths stay as they are.
void apply_settings(const Settings& settings, AnalysisOptions& options);

/// Counts for the summary line and the JSON summary object.
struct Summary {
  std::size_t documents = 0, objects = 0, workloads = 0, skipped = 0, failed = 0;
  std::size_t errors = 0, warnings = 0, infos = 0, suppressed = 0;
  std::size_t skipped_files = 0;  ///< YAML files that are not manifests (Chart.yaml, values.yaml, ...), not read
  std::size_t not_reported = 0;   ///< findings located outside the named paths with --context
  std::size_t repeated = 0;       ///< objects read more than once (several files), analyzed once
};

/// Everything the pipeline produced; report writers read only this.
struct Analysis {
  model::Model model;
  inventory::Inventory inventory;
  placement::PlacementResult placement;
  /// Node capacity and the input's demand, built once after placement: the capacity rule, the
  /// coverage table's headroom and `simulate` all read this one.
  capacity::Capacity capacity;
  /// The system graph (dependencies, SPOFs); null when the analysis stopped before building it.
  std::shared_ptr<const graph::SystemGraph> graph;
  rules::Findings findings;
  Diagnostics diagnostics;
  Summary summary;
  /// Baseline entries that no finding matched any more (fixed since the baseline was written).
  std::vector<rules::BaselineEntry> stale_baseline;
  /// The rules as loaded and selected (enabled flags, severity overrides), for reports and `rules`.
  rules::Catalogue catalogue;
  /// Per enabled rule id, how many objects fell in its scope (0: the rule ran but saw nothing).
  std::map<std::string, std::size_t> examined;
  /// Per enabled rule id, the objects in its scope (the JUnit report's test cases), in the order
  /// the rule examined them; pointers into `model`.
  std::map<std::string, std::vector<const model::ObjectMeta*>> examined_objects;
  /// True when some input could not be read or parsed, or held no Kubernetes object, or a
  /// resource or rule could not be fully analyzed: the report is incomplete (exit 2).
  bool input_error = false;
  /// True when a policy pack, the selection or the baseline was invalid; nothing was analyzed (exit 2).
  bool policy_error = false;
};

/// Runs load → model → expand → inventory → placement → graph → rules. Packs are loaded and
/// validated first: when they have errors, the Analysis holds only those (policy_error).
std::unique_ptr<Analysis> analyze(const AnalysisOptions& options);

}  // namespace faultline
