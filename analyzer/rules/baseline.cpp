// Baseline files: JSON written here by hand (a fixed, tiny shape) and read back with yaml-cpp.
#include "faultline/rules/baseline.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace faultline::rules {

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const unsigned char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\', out += static_cast<char>(ch);
    else if (ch < 0x20) out += fmt::format("\\u{:04x}", ch);
    else out += static_cast<char>(ch);
  }
  return out + "\"";
}

bool entry_less(const BaselineEntry& a, const BaselineEntry& b) {
  return std::tie(a.rule, a.object, a.subject, a.fingerprint) < std::tie(b.rule, b.object, b.subject, b.fingerprint);
}

}  // namespace

std::vector<BaselineEntry> baseline_entries(const Findings& findings, BaselineKeep keep) {
  std::vector<BaselineEntry> entries;
  std::set<std::string> seen;
  for (const auto& f : findings) {
    if (f.suppressed && f.suppression != "baseline") continue;
    if (keep == BaselineKeep::still_matched && f.suppression != "baseline") continue;
    if (seen.insert(f.fingerprint()).second) entries.push_back({f.fingerprint(), f.rule, f.object.display(), f.subject});
    // Absorbed findings are recorded too, so the baseline still holds if the specific rule is disabled.
    for (const auto& also : f.also_matched)
      if (seen.insert(also.fingerprint).second) entries.push_back({also.fingerprint, also.rule, f.object.display(), also.subject});
  }
  std::sort(entries.begin(), entries.end(), entry_less);
  return entries;
}

std::string baseline_json(const Findings& findings) { return baseline_json(baseline_entries(findings)); }

std::string baseline_json(const std::vector<BaselineEntry>& entries) {
  std::string out = "{\n  \"version\": 1,\n  \"findings\": [";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    out += fmt::format("{}\n    {{\"fingerprint\": {}, \"rule\": {}, \"object\": {}, \"subject\": {}}}", i ? "," : "",
                       json_string(e.fingerprint), json_string(e.rule), json_string(e.object), json_string(e.subject));
  }
  return out + (entries.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

bool write_baseline(const std::string& path, const Findings& findings, Diagnostics& errors) {
  return write_baseline(path, baseline_entries(findings), errors);
}

bool write_baseline(const std::string& path, const std::vector<BaselineEntry>& entries, Diagnostics& errors) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << baseline_json(entries);
  if (out.flush()) return true;
  errors.push_back({Severity::error, {path, 0, 0, {}}, "cannot write baseline file"});
  return false;
}

Baseline read_baseline(const std::string& path, Diagnostics& errors) {
  Baseline baseline;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.push_back({Severity::error, {path, 0, 0, {}}, "cannot read baseline file"});
    return baseline;
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    const YAML::Node root = YAML::Load(text.str());
    const YAML::Node list = root.IsMap() ? root["findings"] : YAML::Node();
    if (!list || !list.IsSequence()) throw YAML::Exception(root.Mark(), "expected {\"version\": 1, \"findings\": [...]}");
    for (const auto& item : list)
      baseline.entries.push_back({item["fingerprint"].as<std::string>(), item["rule"].as<std::string>(""),
                                  item["object"].as<std::string>(""), item["subject"].as<std::string>("")});
  } catch (const YAML::Exception& e) {
    errors.push_back({Severity::error, {path, e.mark.line + 1, e.mark.column + 1, {}}, "malformed baseline file: " + e.msg});
  }
  std::sort(baseline.entries.begin(), baseline.entries.end(), entry_less);
  return baseline;
}

std::vector<BaselineEntry> apply_baseline(const Baseline& baseline, Findings& findings) {
  std::set<std::string> accepted, matched;
  for (const auto& e : baseline.entries) accepted.insert(e.fingerprint);
  for (auto& f : findings) {
    // A baseline written before a generic finding was absorbed (or after) matches either fingerprint.
    std::vector<std::string> fingerprints = {f.fingerprint()};
    for (const auto& also : f.also_matched) fingerprints.push_back(also.fingerprint);
    bool any = false;
    for (const auto& fp : fingerprints)
      if (accepted.count(fp)) matched.insert(fp), any = true;
    if (any && !f.suppressed) f.suppressed = true, f.suppression = "baseline";
  }
  std::vector<BaselineEntry> stale;
  for (const auto& e : baseline.entries)
    if (!matched.count(e.fingerprint)) stale.push_back(e);
  return stale;
}

}  // namespace faultline::rules
