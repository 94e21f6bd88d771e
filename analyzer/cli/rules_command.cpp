#include "rules_command.hpp"

#include "catalogue_loading.hpp"
#include "faultline/report/rules_report.hpp"

namespace faultline::cli {
void setup_rules(CLI::App& app, RulesOptions& options) {
  app.add_option("--format", options.format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  add_settings_flags(app, options.settings, FlagSet::catalogue);
  app.footer("Examples:\n  faultline rules\n  faultline rules --policy my-pack/\n  faultline explain single-replica\n");
}

ExitCode run_rules(const RulesOptions& options, Environment& env) {
  const auto catalogue = load_catalogue_or_report(options.settings, env);
  if (!catalogue) return ExitCode::error;
  if (options.format == "json") {
    report::write_rules_json(*catalogue, env.out);
  } else {
    report::write_rules_text(*catalogue, env.out);
  }
  return ExitCode::clean;
}

}  // namespace faultline::cli
