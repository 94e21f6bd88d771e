#include "explain_command.hpp"

#include "faultline/report/rules_report.hpp"

#include "catalogue_loading.hpp"

namespace faultline::cli {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

void setup_explain(CLI::App& app, ExplainOptions& options) {
  app.add_option("rule", options.rule, "Rule id, as 'faultline rules' lists it")->required()->type_name("RULE");
  add_settings_flags(app, options.settings, FlagSet::catalogue);
  app.footer("Example:\n  faultline explain single-replica\n");
}

ExitCode run_explain(const ExplainOptions& options, Environment& env) {
  const auto catalogue = load_catalogue_or_report(options.settings, env);
  if (!catalogue) return ExitCode::error;
  if (const auto* rule = catalogue->find(options.rule)) {
    env.out << report::explain_text(*rule);
    return ExitCode::clean;
  }
  env.err << "faultline: error: unknown rule '" << options.rule << "'";
  if (const auto suggestions = catalogue->suggestions(options.rule); !suggestions.empty()) {
    env.err << "; did you mean " << join(suggestions) << '?';
  }
  env.err << "\nRun 'faultline rules' to list every rule.\n";
  return ExitCode::error;
}

}  // namespace faultline::cli
