#include "explain_command.hpp"

#include <yaml-cpp/yaml.h>

#include "catalogue_loading.hpp"

namespace faultline::cli {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += prefix + text.substr(start, end - start) + '\n';
    start = end + 1;
  }
  return out;
}

void write_scope(const rules::Scope& scope, std::ostream& out) {
  std::vector<std::string> parts;
  if (!scope.kinds.empty()) parts.push_back("kinds " + join(scope.kinds));
  if (!scope.namespaces.empty()) parts.push_back("namespaces " + join(scope.namespaces));
  if (!scope.names.empty()) parts.push_back("names " + join(scope.names));
  if (scope.labels) parts.push_back("a label selector");
  out << "Applies to: " << (parts.empty() ? std::string("the template's default kinds") : join(parts)) << '\n';
}

void write_params(const YAML::Node& params, std::ostream& out) {
  if (!params || !params.IsMap() || params.size() == 0) return;
  out << "Parameters:";
  for (const auto& item : params) {
    YAML::Emitter emitter;
    emitter << YAML::Flow << item.second;
    out << ' ' << item.first.as<std::string>() << '=' << emitter.c_str();
  }
  out << '\n';
}

void write_examples(const char* title, const std::vector<rules::Example>& examples, std::ostream& out) {
  for (const auto& example : examples) {
    out << '\n' << title << ": " << example.description << '\n' << indent(example.yaml, "    ");
  }
}

void write_rule(const rules::Rule& rule, std::ostream& out) {
  out << rule.id << " (pack " << rule.pack << ", " << to_string(rule.severity) << ", template " << rule.template_id
      << ")\n";
  out << rule.summary << "\n\n";
  if (!rule.explanation.empty()) out << rule.explanation << (rule.explanation.back() == '\n' ? "" : "\n") << '\n';
  write_scope(rule.scope, out);
  write_params(rule.params, out);
  write_examples("Fails", rule.failing_examples, out);
  write_examples("Passes", rule.passing_examples, out);
  out << "\nFix: " << rule.remediation << '\n';
  out << "\nTo silence it: --disable " << rule.id << ", or annotate the object with faultline.io/ignore: \"" << rule.id
      << "\".\n";
}

}  // namespace

void setup_explain(CLI::App& app, ExplainOptions& options) {
  app.add_option("rule", options.rule, "Rule id, as 'faultline rules' lists it")->required()->type_name("RULE");
  app.add_option("--policy", options.policies, "Also look in the packs in FILE or DIR (repeatable)")
      ->type_name("FILE|DIR");
  app.footer("Example:\n  faultline explain single-replica\n");
}

ExitCode run_explain(const ExplainOptions& options, Environment& env) {
  const auto catalogue = load_catalogue_or_report(options.policies, env);
  if (!catalogue) return ExitCode::error;
  if (const auto* rule = catalogue->find(options.rule)) {
    write_rule(*rule, env.out);
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
