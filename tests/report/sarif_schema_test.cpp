// SARIF output checked against the SARIF 2.1.0 schema (sarif-schema-2.1.0.json, OASIS): the
// required properties, types, enums and minimums of every object the writer emits, plus what
// GitHub code scanning needs (rule descriptions and help, a location per result, no empty
// objects or strings, which strict validators reject). Real analyses of the golden fixtures.
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "faultline/report/report.hpp"
#include "sample_analysis.hpp"

using namespace faultline;

namespace {

/// Collects violations as "path: problem", so a failing check says where.
class SarifChecker {
 public:
  std::vector<std::string> problems;

  /// sarifLog: required version (enum "2.1.0") and runs (array of run); $schema a string.
  void check_log(const YAML::Node& log) {
    if (!require_map(log, "$")) return;
    string_in(log, "version", "$", {"2.1.0"}, true);
    string_member(log, "$schema", "$", false);
    const auto runs = sequence(log, "runs", "$", true);
    for (std::size_t i = 0; i < runs.size(); ++i) check_run(runs[i], at("$.runs", i));
    no_empty(log, "$");
  }

 private:
  static std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }
  void fail(const std::string& path, const std::string& what) { problems.push_back(path + ": " + what); }

  bool require_map(const YAML::Node& node, const std::string& path) {
    if (node && node.IsMap()) return true;
    fail(path, "must be an object");
    return false;
  }

  YAML::Node sequence(const YAML::Node& parent, const std::string& key, const std::string& path, bool required) {
    const auto node = parent[key];
    if (!node) {
      if (required) fail(path + "." + key, "is required");
      return YAML::Node(YAML::NodeType::Sequence);
    }
    if (!node.IsSequence()) {
      fail(path + "." + key, "must be an array");
      return YAML::Node(YAML::NodeType::Sequence);
    }
    return node;
  }

  // yaml-cpp tags a quoted scalar "!" and a plain one "?": JSON strings are quoted, numbers and
  // booleans are not, so the tag tells a string "1" from the number 1.
  std::string string_member(const YAML::Node& parent, const std::string& key, const std::string& path, bool required) {
    const auto node = parent[key];
    if (!node) {
      if (required) fail(path + "." + key, "is required");
      return {};
    }
    if (!node.IsScalar() || node.Tag() != "!") {
      fail(path + "." + key, "must be a string");
      return {};
    }
    return node.Scalar();
  }

  void string_in(const YAML::Node& parent, const std::string& key, const std::string& path,
                 const std::set<std::string>& allowed, bool required) {
    if (!parent[key]) {
      if (required) fail(path + "." + key, "is required");
      return;
    }
    const auto value = string_member(parent, key, path, true);
    if (!allowed.count(value)) fail(path + "." + key, "'" + value + "' is not an allowed value");
  }

  void integer_at_least(const YAML::Node& parent, const std::string& key, const std::string& path, long minimum,
                        bool required) {
    const auto node = parent[key];
    if (!node) {
      if (required) fail(path + "." + key, "is required");
      return;
    }
    const bool digits = node.IsScalar() && node.Tag() == "?" && !node.Scalar().empty() &&
                        std::all_of(node.Scalar().begin(), node.Scalar().end(), [](char c) { return std::isdigit(c) || c == '-'; });
    if (!digits) return fail(path + "." + key, "must be an integer");
    if (node.as<long>() < minimum) fail(path + "." + key, "must be >= " + std::to_string(minimum));
  }

  void boolean(const YAML::Node& parent, const std::string& key, const std::string& path, bool required) {
    const auto node = parent[key];
    if (!node) {
      if (required) fail(path + "." + key, "is required");
      return;
    }
    if (!node.IsScalar() || node.Tag() != "?" || (node.Scalar() != "true" && node.Scalar() != "false"))
      fail(path + "." + key, "must be a boolean");
  }

  /// message (text or id; faultline always writes text) and multiformatMessageString (text required).
  void message(const YAML::Node& parent, const std::string& key, const std::string& path, bool required) {
    const auto node = parent[key];
    if (!node) {
      if (required) fail(path + "." + key, "is required");
      return;
    }
    if (!require_map(node, path + "." + key)) return;
    string_member(node, "text", path + "." + key, true);
    string_member(node, "markdown", path + "." + key, false);
  }

  /// propertyBag: an object; `tags`, when present, an array of distinct strings.
  void property_bag(const YAML::Node& owner, const std::string& path) {
    const auto bag = owner["properties"];
    if (!bag || !require_map(bag, path + ".properties")) return;
    const auto tags = sequence(bag, "tags", path + ".properties", false);
    std::set<std::string> unique;
    for (std::size_t i = 0; i < tags.size(); ++i) {
      if (!tags[i].IsScalar() || tags[i].Tag() != "!") fail(at(path + ".properties.tags", i), "must be a string");
      else unique.insert(tags[i].Scalar());
    }
    if (unique.size() != tags.size()) fail(path + ".properties.tags", "must be distinct");
  }

  /// run: tool required (tool: driver required; toolComponent: name required).
  void check_run(const YAML::Node& run, const std::string& path) {
    if (!require_map(run, path)) return;
    const auto tool = run["tool"];
    if (!tool) return fail(path + ".tool", "is required");
    if (!require_map(tool, path + ".tool")) return;
    const auto driver = tool["driver"];
    const std::string dpath = path + ".tool.driver";
    if (!driver) return fail(dpath, "is required");
    if (!require_map(driver, dpath)) return;
    string_member(driver, "name", dpath, true);
    string_member(driver, "version", dpath, true);  // GitHub shows it; the schema makes it optional
    string_member(driver, "semanticVersion", dpath, false);
    const auto uri = string_member(driver, "informationUri", dpath, true);
    if (!uri.starts_with("https://")) fail(dpath + ".informationUri", "must be an absolute URI");
    const auto rules = sequence(driver, "rules", dpath, true);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < rules.size(); ++i) ids.push_back(check_rule(rules[i], at(dpath + ".rules", i)));
    if (std::set<std::string>(ids.begin(), ids.end()).size() != ids.size()) fail(dpath + ".rules", "ids must be unique");
    const auto invocations = sequence(run, "invocations", path, false);
    for (std::size_t i = 0; i < invocations.size(); ++i) check_invocation(invocations[i], at(path + ".invocations", i));
    const auto results = sequence(run, "results", path, true);  // "must be present if the log represents a scan"
    for (std::size_t i = 0; i < results.size(); ++i) check_result(results[i], at(path + ".results", i), ids);
  }

  /// invocation: executionSuccessful required; notification: message required, level enum.
  void check_invocation(const YAML::Node& invocation, const std::string& path) {
    if (!require_map(invocation, path)) return;
    boolean(invocation, "executionSuccessful", path, true);
    const auto notes = sequence(invocation, "toolExecutionNotifications", path, false);
    for (std::size_t k = 0; k < notes.size(); ++k) {
      const auto npath = at(path + ".toolExecutionNotifications", k);
      if (!require_map(notes[k], npath)) continue;
      message(notes[k], "message", npath, true);
      string_in(notes[k], "level", npath, {"none", "note", "warning", "error"}, false);
      check_locations(notes[k], "locations", npath, false);
    }
  }

  /// reportingDescriptor: id required; descriptions and help multiformatMessageStrings (GitHub
  /// wants all three, descriptions of at most 1024 characters); reportingConfiguration: level enum,
  /// enabled boolean.
  std::string check_rule(const YAML::Node& rule, const std::string& path) {
    if (!require_map(rule, path)) return {};
    const auto id = string_member(rule, "id", path, true);
    for (const char* key : {"shortDescription", "fullDescription", "help"}) {
      message(rule, key, path, true);
      if (std::string(key) != "help" && rule[key] && rule[key]["text"] && rule[key]["text"].Scalar().size() > 1024)
        fail(path + "." + key, "over 1024 characters");
    }
    if (const auto config = rule["defaultConfiguration"]; config && require_map(config, path + ".defaultConfiguration")) {
      string_in(config, "level", path + ".defaultConfiguration", {"none", "note", "warning", "error"}, true);
      boolean(config, "enabled", path + ".defaultConfiguration", false);
    } else if (!config) {
      fail(path + ".defaultConfiguration", "is required (the rule's default level)");
    }
    property_bag(rule, path);
    return id;
  }

  /// location: id integer >= -1; physicalLocation needs artifactLocation (or address); artifactLocation's
  /// uri and uriBaseId strings; region.startLine an integer >= 1.
  void check_locations(const YAML::Node& owner, const std::string& key, const std::string& path, bool unique_ids) {
    const auto locations = sequence(owner, key, path, false);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < locations.size(); ++i) {
      const auto lpath = at(path + "." + key, i);
      if (!require_map(locations[i], lpath)) continue;
      integer_at_least(locations[i], "id", lpath, -1, false);
      if (unique_ids && locations[i]["id"] && !seen.insert(locations[i]["id"].Scalar()).second) fail(lpath, "duplicate id");
      message(locations[i], "message", lpath, false);
      const auto physical = locations[i]["physicalLocation"];
      if (!physical) {
        fail(lpath + ".physicalLocation", "is required by GitHub");
        continue;
      }
      if (!require_map(physical, lpath + ".physicalLocation")) continue;
      const auto artifact = physical["artifactLocation"];
      if (!artifact) {
        fail(lpath + ".physicalLocation.artifactLocation", "is required");
        continue;
      }
      if (!require_map(artifact, lpath + ".physicalLocation.artifactLocation")) continue;
      const auto uri = string_member(artifact, "uri", lpath + ".physicalLocation.artifactLocation", true);
      // uri-reference: no spaces, controls or characters RFC 3986 excludes.
      if (uri.find_first_of(" <>\"{}|\\^`") != std::string::npos ||
          std::any_of(uri.begin(), uri.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        fail(lpath + ".physicalLocation.artifactLocation.uri", "not a URI reference: " + uri);
      string_member(artifact, "uriBaseId", lpath + ".physicalLocation.artifactLocation", false);
      if (const auto region = physical["region"]; region && require_map(region, lpath + ".physicalLocation.region"))
        integer_at_least(region, "startLine", lpath + ".physicalLocation.region", 1, true);
    }
  }

  /// result: message required; level and kind enums; ruleIndex >= -1 and pointing at ruleId;
  /// partialFingerprints an object of strings; suppression: kind required (enum), state enum.
  void check_result(const YAML::Node& result, const std::string& path, const std::vector<std::string>& rule_ids) {
    if (!require_map(result, path)) return;
    message(result, "message", path, true);
    string_in(result, "level", path, {"none", "note", "warning", "error"}, false);
    string_in(result, "kind", path, {"notApplicable", "pass", "fail", "review", "open", "informational"}, false);
    const auto rule_id = string_member(result, "ruleId", path, false);
    integer_at_least(result, "ruleIndex", path, -1, false);
    if (result["ruleIndex"] && result["ruleIndex"].Tag() == "?") {
      const auto index = result["ruleIndex"].as<long>();
      if (index < 0 || static_cast<std::size_t>(index) >= rule_ids.size() || rule_ids[index] != rule_id)
        fail(path + ".ruleIndex", "does not point at rule " + rule_id);
    }
    if (!result["locations"] || result["locations"].size() == 0) fail(path + ".locations", "GitHub needs one location");
    check_locations(result, "locations", path, false);
    check_locations(result, "relatedLocations", path, true);
    if (const auto prints = result["partialFingerprints"]; prints && require_map(prints, path + ".partialFingerprints")) {
      for (const auto& p : prints)
        if (!p.second.IsScalar() || p.second.Tag() != "!") fail(path + ".partialFingerprints", "values must be strings");
    } else if (!prints) {
      fail(path + ".partialFingerprints", "is required (alerts must follow the finding)");
    }
    const auto suppressions = sequence(result, "suppressions", path, false);
    for (std::size_t i = 0; i < suppressions.size(); ++i) {
      const auto spath = at(path + ".suppressions", i);
      if (!require_map(suppressions[i], spath)) continue;
      string_in(suppressions[i], "kind", spath, {"inSource", "external"}, true);
      string_in(suppressions[i], "state", spath, {"accepted", "underReview", "rejected"}, false);
      string_member(suppressions[i], "justification", spath, false);
    }
    property_bag(result, path);
  }

  /// Strict validators reject {} and "" where the schema wants content.
  void no_empty(const YAML::Node& node, const std::string& path) {
    if (node.IsMap()) {
      if (node.size() == 0) fail(path, "empty object");
      for (const auto& entry : node) no_empty(entry.second, path + "." + entry.first.Scalar());
    } else if (node.IsSequence()) {
      for (std::size_t i = 0; i < node.size(); ++i) no_empty(node[i], at(path, i));
    } else if (node.IsScalar() && node.Scalar().empty() && node.Tag() == "!") {
      fail(path, "empty string");
    }
  }
};

std::vector<std::string> problems_of(const std::string& sarif) {
  SarifChecker checker;
  checker.check_log(YAML::Load(sarif));
  return checker.problems;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

std::string sarif_of(const Analysis& analysis, report::ReportOptions options = {}) {
  std::ostringstream out;
  report::write_sarif(analysis, options, out);
  return out.str();
}

std::unique_ptr<Analysis> analysis_of(const std::vector<std::string>& paths, const std::vector<std::string>& nodes = {}) {
  AnalysisOptions options;
  options.paths = paths;
  options.node_paths = nodes;
  return analyze(options);
}

std::unique_ptr<Analysis> analysis_of_text(const std::string& text) {
  AnalysisOptions options;
  options.text = text;
  return analyze(options);
}

const std::string kRoot = FAULTLINE_SOURCE_DIR;

}  // namespace

TEST_CASE("SARIF of real analyses meets the 2.1.0 schema and GitHub's requirements") {
  const std::string golden = kRoot + "/fixtures/golden/";
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases = {
      {{golden + "findings/input.yaml"}, {}},
      {{golden + "coverage/input.yaml"}, {golden + "coverage/nodes.yaml"}},
      {{golden + "broken/input.yaml"}, {}},
      {{golden + "clean/input.yaml"}, {}},
      {{golden + "operators/input-cnpg.yaml", golden + "operators/input-strimzi.yaml"}, {kRoot + "/fixtures/operators/nodes-3-zones.yaml"}},
  };
  for (const auto& [inputs, nodes] : cases) {
    const auto& first_input = inputs.front();  // clang 14 cannot capture a structured binding in CAPTURE
    CAPTURE(first_input);
    report::ReportOptions options;
    options.show_suppressed = true;  // suppressions are checked too
    const auto problems = problems_of(sarif_of(*analysis_of(inputs, nodes), options));
    INFO(joined(problems));
    CHECK(problems.empty());
  }
}

TEST_CASE("SARIF lists every rule of the catalogue and points results at file, line and Helm template") {
  const auto analysis = analysis_of({kRoot + "/fixtures/golden/findings/input.yaml"});
  REQUIRE_FALSE(analysis->findings.empty());
  report::ReportOptions options;
  options.sarif_root = kRoot;
  const YAML::Node log = YAML::Load(sarif_of(*analysis, options));
  const auto run = log["runs"][0];
  const auto driver = run["tool"]["driver"];
  CHECK(driver["name"].as<std::string>() == "faultline");
  CHECK(driver["version"].as<std::string>() == FAULTLINE_VERSION);
  REQUIRE(driver["rules"].size() == analysis->catalogue.rules.size());
  for (std::size_t i = 0; i < analysis->catalogue.rules.size(); ++i) {
    const auto& rule = analysis->catalogue.rules[i];
    CAPTURE(rule.id);
    CHECK(driver["rules"][i]["id"].as<std::string>() == rule.id);
    CHECK(driver["rules"][i]["help"]["text"].as<std::string>().starts_with("Fix: " + rule.remediation.substr(0, 20)));
    CHECK(driver["rules"][i]["defaultConfiguration"]["enabled"].as<bool>() == rule.enabled);
  }
  std::size_t with_template = 0;
  for (std::size_t i = 0; i < analysis->findings.size(); ++i) {
    const auto& finding = analysis->findings[i];
    const auto result = run["results"][i];
    CAPTURE(finding.rule);
    CHECK(result["ruleId"].as<std::string>() == finding.rule);
    CHECK(driver["rules"][result["ruleIndex"].as<std::size_t>()]["id"].as<std::string>() == finding.rule);
    CHECK(result["level"].as<std::string>() == (finding.severity == Severity::info ? "note" : std::string(to_string(finding.severity))));
    const auto physical = result["locations"][0]["physicalLocation"];
    CHECK(physical["artifactLocation"]["uri"].as<std::string>() == "fixtures/golden/findings/input.yaml");
    CHECK(physical["artifactLocation"]["uriBaseId"].as<std::string>() == "%SRCROOT%");
    REQUIRE(finding.where.line > 0);
    CHECK(physical["region"]["startLine"].as<int>() == finding.where.line);
    CHECK(result["partialFingerprints"]["faultline/v1"].as<std::string>() == finding.fingerprint());
    CHECK(result["properties"]["object"].as<std::string>() == finding.object.display());
    if (!finding.where.helm_template.empty()) {
      ++with_template;
      CHECK(result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].as<std::string>() ==
            finding.where.helm_template);
    } else {
      CHECK_FALSE(result["relatedLocations"]);
    }
  }
  CHECK(with_template > 0);  // the fixture is `helm template` output
  CHECK_FALSE(run["originalUriBaseIds"]);  // the output does not depend on where the checkout lies
}

TEST_CASE("SARIF: also-matched rules and the cause go into properties") {
  bool also = false, cause = false;
  for (const char* fixture : {"runai-control-plane-replicas/fail-default.yaml", "runai-prometheus-replicas/fail-runaiconfig-default.yaml"}) {
    const auto analysis = analysis_of({kRoot + "/fixtures/rules/" + fixture});
    const YAML::Node log = YAML::Load(sarif_of(*analysis));
    CHECK(problems_of(sarif_of(*analysis)).empty());
    for (std::size_t i = 0; i < analysis->findings.size(); ++i) {
      const auto properties = log["runs"][0]["results"][i]["properties"];
      if (!analysis->findings[i].also_matched.empty()) {
        also = true;
        CHECK(properties["alsoMatched"][0].as<std::string>() == analysis->findings[i].also_matched[0].rule);
      } else {
        CHECK_FALSE(properties["alsoMatched"]);  // no empty arrays either
      }
      if (properties["cause"]) {
        cause = true;
        CHECK_FALSE(properties["causeTitle"].as<std::string>().empty());
      }
    }
  }
  CHECK(also);
  CHECK(cause);
}

TEST_CASE("SARIF: files outside --sarif-root are absolute file URIs; odd characters are percent-encoded") {
  auto a = test::sample_analysis();
  a->findings[0].where.file = "/elsewhere/my deploy/web#1.yaml";
  a->findings[1].where.file = "/work/repo/deploy/db.yaml";
  report::ReportOptions options;
  options.sarif_root = "/work/repo";
  options.show_suppressed = true;
  const auto text = sarif_of(*a, options);
  INFO(text);
  CHECK(problems_of(text).empty());
  const YAML::Node results = YAML::Load(text)["runs"][0]["results"];
  const auto outside = results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(outside["uri"].as<std::string>() == "file:///elsewhere/my%20deploy/web%231.yaml");
  CHECK_FALSE(outside["uriBaseId"]);
  const auto inside = results[1]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(inside["uri"].as<std::string>() == "deploy/db.yaml");
  CHECK(inside["uriBaseId"].as<std::string>() == "%SRCROOT%");
  const auto suppression = results[2]["suppressions"][0];
  CHECK(suppression["kind"].as<std::string>() == "inSource");  // an annotation in the manifest
  CHECK(suppression["justification"].as<std::string>() == "annotation: accepted");
}

TEST_CASE("SARIF: standard input points at the Helm template; no region and no empty object when the line is unknown") {
  auto a = test::sample_analysis();
  a->findings[0].where = {"<stdin>", 12, 0, "shop/templates/web.yaml"};
  a->findings[1].where = {"<stdin>", 0, 0, ""};  // nothing to point at
  a->findings[1].object = {"apps/v1", "StatefulSet", "shop", "db"};
  const auto text = sarif_of(*a);
  const YAML::Node results = YAML::Load(text)["runs"][0]["results"];
  const auto physical = results[0]["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"]["uri"].as<std::string>() == "shop/templates/web.yaml");
  CHECK_FALSE(physical["region"]);  // the rendered line is not the template's
  CHECK_FALSE(results[0]["relatedLocations"]);
  CHECK_FALSE(results[1]["locations"]);
  CHECK(text.find("\"startLine\": 0") == std::string::npos);
  CHECK(text.find("{}") == std::string::npos);
  const auto problems = joined(problems_of(text));
  CHECK(problems == "$.runs[0].results[1].locations: GitHub needs one location\n");  // the only gap, and said so
}

TEST_CASE("SARIF: control characters from the input never reach a viewer raw") {
  const auto a = analysis_of_text(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \"web\\e[31m\\u202e\"\n  namespace: shop\n"
      "spec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n"
      "  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: i}]}}\n");
  REQUIRE_FALSE(a->findings.empty());
  const auto text = sarif_of(*a);
  CHECK(problems_of(text).empty());
  const YAML::Node log = YAML::Load(text);
  for (const auto& result : log["runs"][0]["results"]) {
    const auto message = result["message"]["text"].as<std::string>();
    const auto object = result["properties"]["object"].as<std::string>();
    CHECK(object.find('\x1b') == std::string::npos);
    CHECK(object.find("\\x1b") != std::string::npos);
    CHECK(object.find("\xe2\x80\xae") == std::string::npos);  // U+202E, right-to-left override
    CHECK(message.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("SARIF: input errors are tool execution notifications and executionSuccessful is false") {
  const auto a = test::sample_analysis();  // one parse error, input_error set
  const YAML::Node invocation = YAML::Load(sarif_of(*a))["runs"][0]["invocations"][0];
  CHECK(invocation["executionSuccessful"].as<bool>() == false);
  const auto note = invocation["toolExecutionNotifications"][0];
  CHECK(note["level"].as<std::string>() == "error");
  CHECK(note["message"]["text"].as<std::string>() == "could not parse: bad indentation");
  CHECK(note["locations"][0]["physicalLocation"]["region"]["startLine"].as<int>() == 7);
}

TEST_CASE("the SARIF checker itself rejects what the schema forbids") {
  const auto problems = joined(problems_of(R"({"version": "2.0.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{}]}},
      "results": [{"level": "fatal", "message": {}, "ruleIndex": "0", "suppressions": [{"state": "maybe"}],
      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a b"}, "region": {"startLine": 0}}}]}]}]})"));
  INFO(problems);
  CHECK(problems.find("$.version: '2.0.0' is not an allowed value") != std::string::npos);
  CHECK(problems.find("driver.version: is required") != std::string::npos);
  CHECK(problems.find("driver.informationUri: is required") != std::string::npos);
  CHECK(problems.find("rules[0].id: is required") != std::string::npos);
  CHECK(problems.find("rules[0].shortDescription: is required") != std::string::npos);
  CHECK(problems.find("results[0].level: 'fatal' is not an allowed value") != std::string::npos);
  CHECK(problems.find("results[0].message.text: is required") != std::string::npos);
  CHECK(problems.find("results[0].ruleIndex: must be an integer") != std::string::npos);
  CHECK(problems.find("suppressions[0].kind: is required") != std::string::npos);
  CHECK(problems.find("suppressions[0].state: 'maybe' is not an allowed value") != std::string::npos);
  CHECK(problems.find("not a URI reference: a b") != std::string::npos);
  CHECK(problems.find("startLine: must be >= 1") != std::string::npos);
  CHECK(problems.find("partialFingerprints: is required") != std::string::npos);
  CHECK(problems.find("empty object") != std::string::npos);
}
