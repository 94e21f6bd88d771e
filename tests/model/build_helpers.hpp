#pragma once
// Shared by the model and load tests: build a model from text or paths and look for diagnostics.
#include <string>
#include <vector>

#include "faultline/model/builder.hpp"

namespace faultline::testing {

/// A model together with the diagnostics its loading produced.
struct Built {
  model::Model model;
  Diagnostics diags;
};

inline Built build_text(const std::string& yaml, const std::string& ns = "default") {
  Built b;
  model::BuildOptions options;
  options.default_namespace = ns;
  model::load_model_text(yaml, "m.yaml", options, b.model, b.diags);
  return b;
}

inline Built build_paths(const std::vector<std::string>& paths) {
  Built b;
  model::load_model(paths, {}, b.model, b.diags);
  return b;
}

/// Is there a diagnostic containing `text` (on `line`, unless line is negative)?
inline bool has_diag(const Built& b, const std::string& text, int line = -1) {
  for (const auto& d : b.diags)
    if (d.message.find(text) != std::string::npos && (line < 0 || d.where.line == line)) return true;
  return false;
}

}  // namespace faultline::testing
