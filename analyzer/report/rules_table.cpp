// The rule catalogue as `faultline rules` lists it, pack by pack in the catalogue's pack order.
#include <algorithm>

#include "faultline/report/json_writer.hpp"
#include "faultline/report/rules_report.hpp"

namespace faultline::report {
namespace {

/// Calls `visit` for every rule, grouped by pack.
template <typename Visit>
void for_each_by_pack(const rules::Catalogue& catalogue, Visit visit) {
  for (const auto& pack : catalogue.packs())
    for (const auto& rule : catalogue.rules)
      if (rule.pack == pack) visit(rule);
}

}  // namespace

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
  for_each_by_pack(catalogue, [&](const rules::Rule& rule) { row(rule.id, rule.pack, to_string(rule.severity), rule.summary); });
  out << "\n'faultline explain RULE' shows a rule in full, with examples and its fix.\n";
}

void write_rules_json(const rules::Catalogue& catalogue, std::ostream& out) {
  JsonWriter json(out);
  json.begin_array();
  for_each_by_pack(catalogue, [&](const rules::Rule& rule) {
    json.begin_object()
        .member("id", rule.id)
        .member("pack", rule.pack)
        .member("severity", to_string(rule.severity))
        .member("template", rule.template_id)
        .member("summary", rule.summary)
        .member("remediation", rule.remediation);
    json.end_object();
  });
  json.end_array();
}

}  // namespace faultline::report
