#pragma once
// The pipeline's first step: the input manifests into the model.
#include "faultline/pipeline.hpp"

namespace faultline::pipeline {

/// True when a diagnostic at or after index `from` is an error.
bool has_error(const Diagnostics& diags, std::size_t from);

/// Loads every input path (stdin when none) into `analysis.model` and fills the load counts.
void load_manifests(const AnalysisOptions& options, Analysis& analysis);

}  // namespace faultline::pipeline
