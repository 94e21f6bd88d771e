#pragma once
// Runs the whole pipeline on manifests given as text, for rule and pipeline tests.
#include <algorithm>
#include <memory>
#include <string>

#include "faultline/pipeline.hpp"
#include "temp_dir.hpp"

namespace faultline::test {

/// analyze() on `yaml` written to a scratch file (name: input.yaml), with `options` otherwise.
inline std::unique_ptr<Analysis> analyze_yaml(const std::string& yaml, AnalysisOptions options = {}) {
  TempDir tmp;
  options.paths = {tmp.write("input.yaml", yaml).string()};
  return analyze(options);
}

/// Unsuppressed and suppressed findings of one rule.
inline std::vector<rules::Finding> findings_of(const Analysis& a, const std::string& rule) {
  std::vector<rules::Finding> out;
  std::copy_if(a.findings.begin(), a.findings.end(), std::back_inserter(out),
               [&](const rules::Finding& f) { return f.rule == rule; });
  return out;
}

}  // namespace faultline::test
