#pragma once
/// Seeded generator of realistic benchmark inputs: `kubectl get -o yaml` cluster dumps and
/// `helm template` renders, written straight to a stream so a 1 GB input never sits in memory.
#include <cstdint>
#include <ostream>

namespace faultline::bench {

/// Shape of one generated input; `workloads` sets the scale, everything else follows from it.
struct GeneratorSpec {
  int workloads = 1000;         ///< Deployments + StatefulSets + DaemonSets
  std::uint64_t seed = 1;       ///< same seed, same bytes
  bool helm_render = false;     ///< `# Source:` comments and no status/Pods (a render, not a dump)
};

/// What was written, for objects/s and the growth table.
struct GeneratedInput {
  std::uint64_t bytes = 0;
  std::uint64_t documents = 0;
  int nodes = 0;
};

/// Writes the input described by `spec` to `out`.
GeneratedInput generate_manifests(const GeneratorSpec& spec, std::ostream& out);

}  // namespace faultline::bench
