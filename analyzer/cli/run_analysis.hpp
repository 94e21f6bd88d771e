#pragma once
// The pipeline as every subcommand runs it: with the progress line when the environment wants one.
#include <memory>

#include "command.hpp"

namespace faultline::cli {

/// env.analyze(options), drawing report::ProgressLine on env.err when env.progress is set; the
/// line is erased before this returns, so errors and the report start on a clean line. With
/// env.keep_analysis_until_exit the analysis is never freed (see Environment).
std::shared_ptr<const Analysis> run_analysis(AnalysisOptions options, Environment& env);

}  // namespace faultline::cli
