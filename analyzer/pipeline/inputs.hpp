#pragma once
// The pipeline's first steps: inputs and --nodes files into the model.
#include "faultline/pipeline.hpp"

namespace faultline::pipeline {

/// True when a diagnostic at or after index `from` is an error.
bool has_error(const Diagnostics& diags, std::size_t from);

/// Loads every input path (stdin when none) into `analysis.model` and fills the load counts.
void load_manifests(const AnalysisOptions& options, Analysis& analysis);

/// Loads --nodes files through the same loader; only Node objects are kept, others are reported.
void load_nodes(const AnalysisOptions& options, Analysis& analysis);

}  // namespace faultline::pipeline
