#include "catalogue_loading.hpp"

#include "error_output.hpp"

namespace faultline::cli {

std::optional<rules::Catalogue> load_catalogue_or_report(const SettingsFlags& flags, Environment& env) {
  const auto settings = resolve_settings(flags, env);
  if (!settings) return std::nullopt;
  Diagnostics errors;
  auto catalogue = rules::load_catalogue(settings->policy_paths, errors);
  if (errors.empty()) return catalogue;
  print_errors(errors, env);
  return std::nullopt;
}

}  // namespace faultline::cli
