#include "rules_command.hpp"

#include <algorithm>

#include "catalogue_loading.hpp"
#include "faultline/report/json_writer.hpp"

namespace faultline::cli {
namespace {

void write_rules_text(const rules::Catalogue& catalogue, std::ostream& out) {
  std::size_t id_width = 2, pack_width = 4;
  for (const auto& rule : catalogue.rules) {
    id_width = std::max(id_width, rule.id.size());
    pack_width = std::max(pack_width, rule.pack.size());
  }
  const auto row = [&](std::string_view id, std::string_view pack, std::string_view severity, std::string_view text) {
    out << id << std::string(id_width - id.size() + 2, ' ') << pack << std::string(pack_width - pack.size() + 2, ' ')
        << severity << std::string(10 - severity.size(), ' ') << text << '\n';
  };
  row("ID", "PACK", "SEVERITY", "CHECKS");
  for (const auto& pack : catalogue.packs()) {
    for (const auto& rule : catalogue.rules) {
      if (rule.pack == pack) row(rule.id, rule.pack, to_string(rule.severity), rule.summary);
    }
  }
  out << "\n'faultline explain RULE' shows a rule in full, with examples and its fix.\n";
}

void write_rules_json(const rules::Catalogue& catalogue, std::ostream& out) {
  report::JsonWriter json(out);
  json.begin_array();
  for (const auto& pack : catalogue.packs()) {
    for (const auto& rule : catalogue.rules) {
      if (rule.pack != pack) continue;
      json.begin_object();
      json.member("id", rule.id);
      json.member("pack", rule.pack);
      json.member("severity", to_string(rule.severity));
      json.member("template", rule.template_id);
      json.member("summary", rule.summary);
      json.member("remediation", rule.remediation);
      json.end_object();
    }
  }
  json.end_array();
}

}  // namespace

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
    write_rules_json(*catalogue, env.out);
  } else {
    write_rules_text(*catalogue, env.out);
  }
  return ExitCode::clean;
}

}  // namespace faultline::cli
