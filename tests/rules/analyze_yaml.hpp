#pragma once
// Runs the whole pipeline on manifests given as text, for rule and pipeline tests.
#include <algorithm>
#include <memory>
#include <string>

#include "faultline/pipeline.hpp"
#include "temp_dir.hpp"

namespace faultline::test {

/// A Deployment api in namespace shop that leaves replicas at the default of 1.
inline const std::string kOneReplicaApi =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\n"
    "spec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n"
    "    spec: {containers: [{name: api, image: api:1}]}\n";

/// analyze() on `yaml` written to a scratch file (name: input.yaml), with `options` otherwise.
inline std::unique_ptr<Analysis> analyze_yaml(const std::string& yaml, AnalysisOptions options = {}) {
  TempDir tmp;
  options.paths = {tmp.write("input.yaml", yaml).string()};
  return analyze(options);
}

/// Unsuppressed and suppressed findings of one rule.
inline rules::Findings findings_of(const Analysis& a, const std::string& rule) {
  rules::Findings out;
  std::copy_if(a.findings.begin(), a.findings.end(), std::back_inserter(out),
               [&](const rules::Finding& f) { return f.rule == rule; });
  return out;
}

}  // namespace faultline::test
