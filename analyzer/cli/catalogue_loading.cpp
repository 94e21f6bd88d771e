#include "catalogue_loading.hpp"

#include "faultline/report/report.hpp"

namespace faultline::cli {

std::optional<rules::Catalogue> load_catalogue_or_report(const SettingsFlags& flags, Environment& env) {
  const auto settings = resolve_settings(flags, env);
  if (!settings) return std::nullopt;
  Diagnostics errors;
  auto catalogue = rules::load_catalogue(settings->policy_paths, errors);
  if (errors.empty()) return catalogue;
  for (const auto& d : errors) env.err << report::format_diagnostic(d) << '\n';
  return std::nullopt;
}

}  // namespace faultline::cli
