#include "run_analysis.hpp"

#include <optional>

#include "faultline/report/progress_line.hpp"

namespace faultline::cli {

std::shared_ptr<const Analysis> run_analysis(AnalysisOptions options, Environment& env) {
  std::optional<report::ProgressLine> line;
  if (env.progress) {
    line.emplace(env.err, [] { return std::chrono::steady_clock::now(); }, env.progress_after);
    options.progress = &*line;
  }
  auto analysis = env.analyze(options);
  if (line) line->finish();
  if (env.keep_analysis_until_exit) return {analysis.release(), [](const Analysis*) {}};
  return analysis;
}

}  // namespace faultline::cli
