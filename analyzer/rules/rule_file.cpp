// One rule file, validated field by field; every error is reported, none stops the others.
#include <algorithm>
#include <filesystem>
#include <set>

#include "faultline/rules/kinds.hpp"
#include "faultline/rules/suggest.hpp"
#include "faultline/rules/template.hpp"
#include "pack_files.hpp"
#include "yaml_util.hpp"

namespace faultline::rules::detail {

namespace {

const std::vector<std::string> kRuleFields = {"examples", "explanation", "id",       "message",  "params",  "remediation",
                                              "plan",     "scope",       "severity", "summary", "supersedes", "template", "variants"};
const std::vector<std::string> kScopeFields = {"kinds", "labels", "names", "namespaces"};
const std::vector<std::string> kVariantFields = {"message", "plan", "remediation", "severity"};
const std::vector<std::string> kPlanFields = {"helm", "label-nodes", "runaiconfig", "yaml"};
const std::vector<std::string> kExampleFields = {"description", "yaml"};
const std::vector<std::string> kBuiltinVars = {"kind", "name", "namespace", "object"};

/// Collects errors for one file, each prefixed with the rule id.
struct Checker {
  const std::string& file;
  Diagnostics& errors;
  std::size_t before = errors.size();

  void fail(const YAML::Node& at, const std::string& message) const { error_at(errors, file, at, message); }
  bool failed() const { return errors.size() > before; }

  void check_fields(const YAML::Node& map, const std::vector<std::string>& known, const std::string& what) const {
    for (const auto& entry : map) {
      const std::string key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end())
        fail(entry.first, "unknown field '" + key + "' in " + what + did_you_mean(key, known));
    }
  }

  std::string text(const YAML::Node& map, const std::string& key, bool required) const {
    const YAML::Node node = map[key];
    if (!node) {
      if (required) fail(map, "missing field '" + key + "'");
      return {};
    }
    return read_string(node, file, "'" + key + "'", errors).value_or("");
  }

  std::optional<Severity> severity(const YAML::Node& node) const {
    auto level = node.IsScalar() ? parse_severity(node.Scalar()) : std::nullopt;
    if (!level) fail(node, "unknown severity '" + (node.IsScalar() ? node.Scalar() : std::string{}) +
                               "' (expected info, warning or error)");
    return level;
  }

  void remediation(const YAML::Node& at, const std::string& value) const {
    if (!value.empty() && value.find_last_not_of(" \n") != std::string::npos &&
        value[value.find_last_not_of(" \n")] != '.')
      fail(at, "remediation must be a sentence ending with a period");
  }
};

bool param_type_ok(const YAML::Node& value, const std::string& type) {
  if (type == "string-list") return value.IsSequence() && std::all_of(value.begin(), value.end(), [](const YAML::Node& n) {
                                 return n.IsScalar();
                               });
  if (!value.IsScalar()) return false;
  if (type == "int") {
    int out = 0;
    return YAML::convert<int>::decode(value, out);
  }
  if (type == "bool") {
    bool out = false;
    return YAML::convert<bool>::decode(value, out);
  }
  return true;  // string
}

void check_params(const Checker& c, const YAML::Node& params, const YAML::Node& rule_root, const Template& tmpl) {
  std::vector<std::string> names;
  for (const auto& spec : tmpl.params) names.push_back(spec.name);
  if (params && !params.IsMap() && !params.IsNull()) {
    c.fail(params, "params must be a mapping");
    return;
  }
  if (params && params.IsMap()) {
    for (const auto& entry : params) {
      const std::string key = entry.first.Scalar();
      const auto spec = std::find_if(tmpl.params.begin(), tmpl.params.end(), [&](const ParamSpec& p) { return p.name == key; });
      if (spec == tmpl.params.end())
        c.fail(entry.first, "unknown param '" + key + "' for template '" + tmpl.id + "'" + did_you_mean(key, names));
      else if (!param_type_ok(entry.second, spec->type))
        c.fail(entry.second, "param '" + key + "' must be of type " + spec->type);
    }
  }
  for (const auto& spec : tmpl.params)
    if (spec.required && !(params && params.IsMap() && params[spec.name]))
      c.fail(params ? params : rule_root, "missing required param '" + spec.name + "' of template '" + tmpl.id + "'");
}

model::LabelSelector parse_selector(const Checker& c, const YAML::Node& node) {
  model::LabelSelector sel;
  if (!node.IsMap()) {
    c.fail(node, "scope labels must be a label selector (matchLabels, matchExpressions)");
    return sel;
  }
  c.check_fields(node, {"matchExpressions", "matchLabels"}, "scope labels");
  if (const auto ml = node["matchLabels"]; ml && ml.IsMap())
    for (const auto& e : ml) sel.match_labels[e.first.Scalar()] = e.second.Scalar();
  if (const auto me = node["matchExpressions"]; me && me.IsSequence())
    for (const auto& e : me) {
      model::LabelRequirement req{e["key"].as<std::string>(""), e["operator"].as<std::string>(""), {}};
      static const std::vector<std::string> ops = {"DoesNotExist", "Exists", "In", "NotIn"};
      if (std::find(ops.begin(), ops.end(), req.op) == ops.end())
        c.fail(e, "unknown label selector operator '" + req.op + "'" + did_you_mean(req.op, ops));
      if (e["values"] && e["values"].IsSequence())
        for (const auto& v : e["values"]) req.values.push_back(v.Scalar());
      sel.match_expressions.push_back(req);
    }
  return sel;
}

Scope parse_scope(const Checker& c, const YAML::Node& node, const Template* tmpl) {
  Scope scope;
  if (!node) return scope;
  if (!node.IsMap() || node.size() == 0) {
    c.fail(node, "empty scope: name kinds, namespaces, names or labels, or leave the scope out");
    return scope;
  }
  c.check_fields(node, kScopeFields, "scope");
  auto list = [&](const char* key, std::vector<std::string>& out) {
    if (!node[key]) return;
    out = read_string_list(node[key], c.file, std::string("scope ") + key, c.errors).value_or(std::vector<std::string>{});
    if (out.empty()) c.fail(node[key], std::string("empty scope: '") + key + "' lists nothing");
  };
  list("kinds", scope.kinds);
  list("namespaces", scope.namespaces);
  list("names", scope.names);
  if (node["labels"]) scope.labels = parse_selector(c, node["labels"]);
  if (tmpl && !tmpl->default_kinds.empty() && !scope.kinds.empty()) {
    const auto supported = expand_kinds(tmpl->default_kinds);
    for (const auto& kind : expand_kinds(scope.kinds))
      if (!std::binary_search(supported.begin(), supported.end(), kind))
        c.fail(node["kinds"], "kind '" + kind + "' is not one template '" + tmpl->id + "' examines");
  }
  return scope;
}

std::vector<Example> parse_examples(const Checker& c, const YAML::Node& list) {
  std::vector<Example> out;
  if (!list) return out;
  if (!list.IsSequence()) {
    c.fail(list, "examples must be a list of {description, yaml}");
    return out;
  }
  for (const auto& item : list) {
    if (!item.IsMap()) {
      c.fail(item, "an example must be a mapping with description and yaml");
      continue;
    }
    c.check_fields(item, kExampleFields, "example");
    out.push_back({c.text(item, "description", false), c.text(item, "yaml", true)});
  }
  return out;
}

void check_placeholders(const Checker& c, const YAML::Node& at, const std::string& text, const Template& tmpl) {
  for (const auto& name : placeholders(text)) {
    const bool known = std::count(kBuiltinVars.begin(), kBuiltinVars.end(), name) ||
                       std::count(tmpl.vars.begin(), tmpl.vars.end(), name);
    if (known) continue;
    std::vector<std::string> all = kBuiltinVars;
    all.insert(all.end(), tmpl.vars.begin(), tmpl.vars.end());
    c.fail(at, "unknown placeholder '{" + name + "}' for template '" + tmpl.id + "'" + did_you_mean(name, all));
  }
}

/// `plan:` {helm: [key=value], runaiconfig: {spec.path: value}, label-nodes: {label, count}, yaml: snippet}.
PlanItems parse_plan(const Checker& c, const YAML::Node& node, const Template* tmpl) {
  PlanItems plan;
  if (node.IsNull()) return plan;
  if (!node.IsMap()) {
    c.fail(node, "plan must be a mapping with helm, runaiconfig, label-nodes or yaml");
    return plan;
  }
  c.check_fields(node, kPlanFields, "plan");
  std::vector<std::string> texts;
  if (node["helm"]) {
    plan.helm_sets = read_string_list(node["helm"], c.file, "plan helm", c.errors).value_or(std::vector<std::string>{});
    for (const auto& set : plan.helm_sets)
      if (set.find('=') == std::string::npos) c.fail(node["helm"], "plan helm entries are key=value, got '" + set + "'");
    texts.insert(texts.end(), plan.helm_sets.begin(), plan.helm_sets.end());
  }
  if (const auto rc = node["runaiconfig"]) {
    if (!rc.IsMap()) c.fail(rc, "plan runaiconfig must map spec.field.path to a value");
    else
      for (const auto& entry : rc) {
        if (!entry.first.Scalar().starts_with("spec.")) c.fail(entry.first, "plan runaiconfig paths start with spec.");
        plan.runaiconfig.emplace_back(entry.first.Scalar(), entry.second.Scalar());
        texts.push_back(entry.second.Scalar());
      }
  }
  if (const auto label = node["label-nodes"]) {
    if (!label.IsMap() || !label["label"] || !label["count"]) c.fail(label, "plan label-nodes needs label and count");
    else {
      plan.node_label = label["label"].Scalar();
      plan.node_count = label["count"].Scalar();
      texts.push_back(plan.node_count);
    }
  }
  if (node["yaml"]) plan.yaml = c.text(node, "yaml", false), texts.push_back(plan.yaml);
  if (tmpl)
    for (const auto& text : texts) check_placeholders(c, node, text, *tmpl);
  return plan;
}

void parse_variants(const Checker& c, const YAML::Node& node, const Template* tmpl, Rule& rule) {
  if (!node) return;
  if (!node.IsMap()) {
    c.fail(node, "variants must be a mapping of name to {severity, message, remediation}");
    return;
  }
  for (const auto& entry : node) {
    const YAML::Node v = entry.second;
    if (!v.IsMap()) {
      c.fail(v, "variant '" + entry.first.Scalar() + "' must be a mapping");
      continue;
    }
    c.check_fields(v, kVariantFields, "variant");
    Variant variant;
    if (v["severity"]) variant.severity = c.severity(v["severity"]);
    variant.message = c.text(v, "message", false);
    variant.remediation = c.text(v, "remediation", false);
    c.remediation(v["remediation"] ? v["remediation"] : v, variant.remediation);
    if (v["plan"]) variant.plan = parse_plan(c, v["plan"], tmpl);
    if (tmpl) {
      check_placeholders(c, v, variant.message, *tmpl);
      check_placeholders(c, v, variant.remediation, *tmpl);
    }
    rule.variants[entry.first.Scalar()] = variant;
  }
}

std::vector<std::string> template_ids() {
  std::vector<std::string> ids;
  for (const auto& t : all_templates()) ids.push_back(t.id);
  return ids;
}

void parse_body(const Checker& c, const YAML::Node& root, Rule& rule) {
  c.check_fields(root, kRuleFields, "rule");
  rule.id = c.text(root, "id", true);
  const std::string stem = std::filesystem::path(c.file).stem().string();
  if (root["id"] && rule.id != stem) c.fail(root["id"], "rule id '" + rule.id + "' differs from its file name '" + stem + "'");
  rule.template_id = c.text(root, "template", true);
  const Template* tmpl = rule.template_id.empty() ? nullptr : find_template(rule.template_id);
  if (!tmpl && root["template"])
    c.fail(root["template"], "unknown template '" + rule.template_id + "'" + did_you_mean(rule.template_id, template_ids()));
  if (root["params"] && root["params"].IsMap())
    for (const auto& entry : root["params"]) rule.params[entry.first.Scalar()] = to_param_value(entry.second);
  if (tmpl) check_params(c, root["params"], root, *tmpl);
  rule.scope = parse_scope(c, root["scope"], tmpl);
  if (!root["severity"]) c.fail(root, "missing field 'severity'");
  else if (auto level = c.severity(root["severity"])) rule.severity = *level;
  rule.summary = c.text(root, "summary", true);
  if (rule.summary.find('\n') != std::string::npos) c.fail(root["summary"], "summary must be one line");
  rule.message = c.text(root, "message", true);
  rule.remediation = c.text(root, "remediation", true);
  c.remediation(root["remediation"] ? root["remediation"] : root, rule.remediation);
  rule.explanation = c.text(root, "explanation", false);
  if (tmpl) {
    check_placeholders(c, root["message"] ? root["message"] : root, rule.message, *tmpl);
    check_placeholders(c, root["remediation"] ? root["remediation"] : root, rule.remediation, *tmpl);
  }
  if (const auto ex = root["examples"]) {
    if (!ex.IsMap()) c.fail(ex, "examples must be a mapping with failing and passing lists");
    else {
      c.check_fields(ex, {"failing", "passing"}, "examples");
      rule.failing_examples = parse_examples(c, ex["failing"]);
      rule.passing_examples = parse_examples(c, ex["passing"]);
    }
  }
  if (root["plan"]) rule.plan = parse_plan(c, root["plan"], tmpl);
  parse_variants(c, root["variants"], tmpl, rule);
  if (const auto list = root["supersedes"]) {
    rule.supersedes = read_string_list(list, c.file, "'supersedes'", c.errors).value_or(std::vector<std::string>{});
    rule.supersedes_where = where(c.file, list);
    if (std::count(rule.supersedes.begin(), rule.supersedes.end(), rule.id))
      c.fail(list, "rule '" + rule.id + "' cannot supersede itself");
  }
}

}  // namespace

std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    const std::string name = text.substr(open + 1, close - open - 1);
    const bool ident = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-';
    });
    if (ident) out.push_back(name);
  }
  return out;
}

std::optional<Rule> parse_rule_file(const std::string& file, const std::string& text, const std::string& pack,
                                    Diagnostics& errors) {
  const Checker c{file, errors};
  const auto root = parse_yaml(text, file, errors);
  if (!root) return std::nullopt;
  if (!root->IsMap()) {
    c.fail(*root, "a rule file must be a mapping (id, template, params, scope, severity, message, remediation, ...)");
    return std::nullopt;
  }
  Rule rule;
  rule.pack = pack;
  rule.where = where(file, *root);
  rule.where.line = 1;
  parse_body(c, *root, rule);
  if (c.failed()) return std::nullopt;
  return rule;
}

}  // namespace faultline::rules::detail
