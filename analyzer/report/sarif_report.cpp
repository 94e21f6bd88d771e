// SARIF 2.1.0 as GitHub code scanning reads it. Strict validators reject empty objects and a
// region with startLine 0, so optional parts are written only when they are known. Every string
// from the input or a user's rule pack goes through terminal_text: a viewer shows it, never obeys it.
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "faultline/report/causes.hpp"
#include "faultline/report/escape.hpp"
#include "faultline/report/json_writer.hpp"
#include "faultline/report/report.hpp"
#include "faultline/report/terminal_text.hpp"
#include "report_words.hpp"

// driver.informationUri must be an absolute URI; a build may define the project's own.
#ifndef FAULTLINE_HOMEPAGE
#define FAULTLINE_HOMEPAGE "https://github.com/faultline/faultline"
#endif

namespace faultline::report {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
/// GitHub resolves %SRCROOT% to the repository root; no originalUriBaseIds entry is written, so
/// the output does not depend on where the checkout lies (golden files, reproducible CI).
constexpr const char* kRootId = "%SRCROOT%";
/// The baseline fingerprint's key in partialFingerprints; the version changes if its meaning does.
constexpr const char* kFingerprintKey = "faultline/v1";
/// GitHub truncates rule descriptions beyond this many characters.
constexpr std::size_t kMaxDescription = 1000;

std::string safe(std::string_view text) { return terminal_text(text); }

/// A rule's text as one paragraph per blank-line-separated block: rule files wrap their prose,
/// viewers wrap it again. Control characters are escaped as everywhere.
std::string reflowed(std::string_view text) {
  std::string out;
  std::size_t blank_lines = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = safe(text.substr(start, end - start));
    start = end + 1;
    if (line.find_first_not_of(' ') == std::string::npos) {
      ++blank_lines;
      continue;
    }
    if (!out.empty()) out += blank_lines > 0 ? "\n\n" : " ";
    out += line.substr(line.find_first_not_of(' '));
    blank_lines = 0;
  }
  return out;
}

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

/// RFC 3986 percent-encoding of a path: unreserved characters and '/' stay, every other byte is %XX.
std::string uri_path(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    out += unreserved ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

/// A file's artifactLocation: relative to the root (with uriBaseId) when it lies below it, else
/// an absolute file: URI.
struct Artifact {
  std::string uri;
  bool below_root = false;
};

Artifact artifact_of(const std::string& file, const fs::path& root) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec).lexically_normal();
  if (ec) return {uri_path(file), false};
  const fs::path relative = absolute.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != "..") return {uri_path(relative.generic_string()), true};
  return {"file://" + uri_path(absolute.generic_string()), false};
}

/// At most kMaxDescription bytes, cut before a space and never inside a UTF-8 sequence.
std::string limited(const std::string& text) {
  if (text.size() <= kMaxDescription) return text;
  std::size_t cut = text.rfind(' ', kMaxDescription - 3);
  if (cut == std::string::npos || cut == 0) cut = kMaxDescription - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) --cut;
  return text.substr(0, cut) + "...";
}

/// The first of the texts that is not empty (the schema wants a text; strict viewers a non-empty one).
std::string first_filled(std::initializer_list<const std::string*> texts) {
  for (const auto* t : texts)
    if (!t->empty()) return *t;
  return "";
}

void text_member(JsonWriter& json, std::string_view key, const std::string& text) {
  json.key(key).begin_object().member("text", text).end_object();
}

void write_rule(JsonWriter& json, const rules::Rule& rule) {
  json.begin_object();
  json.member("id", rule.id);
  const std::string summary = reflowed(first_filled({&rule.summary, &rule.id}));
  const std::string explanation = reflowed(first_filled({&rule.explanation, &rule.summary, &rule.id}));
  text_member(json, "shortDescription", limited(summary));
  text_member(json, "fullDescription", limited(explanation));
  // GitHub shows `help` beside each alert: the fix first, then why.
  const std::string fix = reflowed(first_filled({&rule.remediation, &rule.summary, &rule.id}));
  const std::string examples = fmt::format("`faultline explain {}` shows a failing and a passing example.", rule.id);
  json.key("help").begin_object();
  json.member("text", fmt::format("Fix: {}\n\n{}\n\n{}", fix, explanation, examples));
  json.member("markdown", fmt::format("**Fix:** {}\n\n{}\n\n{}", markdown_text(fix), markdown_text(explanation), examples));
  json.end_object();
  json.key("defaultConfiguration").begin_object();
  json.member("level", sarif_level(rule.severity_override.value_or(rule.severity)));
  json.member("enabled", rule.enabled);
  json.end_object();
  json.key("properties").begin_object();
  json.key("tags").strings({"availability", safe(rule.pack)});
  json.end_object();
  json.end_object();
}

/// A physical location; the region only when the line is known (startLine is at least 1).
void write_physical(JsonWriter& json, const Artifact& artifact, int line) {
  json.key("physicalLocation").begin_object();
  json.key("artifactLocation").begin_object().member("uri", artifact.uri);
  if (artifact.below_root) json.member("uriBaseId", kRootId);
  json.end_object();
  if (line > 0) json.key("region").begin_object().member("startLine", line).end_object();
  json.end_object();
}

/// A `# Source:` path names a file inside the chart, relative to no root faultline knows.
Artifact template_artifact(const std::string& helm_template) { return {uri_path(helm_template), false}; }

bool real_file(const std::string& file) { return !file.empty() && file != "<stdin>"; }

/// Where a finding is: its file and line; read from standard input, the Helm template that
/// rendered it (no line: the rendered line is not the template's).
std::optional<std::pair<Artifact, int>> primary_location(const SourceLocation& where, const fs::path& root) {
  if (real_file(where.file)) return std::pair{artifact_of(where.file, root), where.line};
  if (!where.helm_template.empty()) return std::pair{template_artifact(where.helm_template), 0};
  return std::nullopt;
}

/// The finding's place; related: the Helm template that rendered it, and the other places the
/// same object was read (an object in several files is analyzed once).
void write_locations(JsonWriter& json, const SourceLocation& where, const std::vector<SourceLocation>& also_at,
                     const fs::path& root) {
  const auto primary = primary_location(where, root);
  if (!primary) return;
  json.key("locations").begin_array().begin_object();
  write_physical(json, primary->first, primary->second);
  json.end_object().end_array();
  const bool rendered = real_file(where.file) && !where.helm_template.empty();
  std::vector<std::pair<Artifact, int>> copies;
  for (const auto& other : also_at)
    if (const auto place = primary_location(other, root)) copies.push_back(*place);
  if (!rendered && copies.empty()) return;
  json.key("relatedLocations").begin_array();
  int id = 0;
  if (rendered) {
    json.begin_object().member("id", ++id);
    write_physical(json, template_artifact(where.helm_template), 0);
    text_member(json, "message", "rendered from the Helm template " + safe(where.helm_template));
    json.end_object();
  }
  for (const auto& [artifact, line] : copies) {
    json.begin_object().member("id", ++id);
    write_physical(json, artifact, line);
    text_member(json, "message", "the same object, also read here (analyzed once)");
    json.end_object();
  }
  json.end_array();
}

std::string result_text(const rules::Finding& f) {
  std::string text = safe(f.message);
  for (const auto& line : f.evidence) text += "\n- " + safe(line);
  if (!f.remediation.empty()) text += "\nFix: " + safe(f.remediation);
  if (!f.blast_radius.empty())
    text += fmt::format("\nBlast radius: {} that depend on it.", plural(f.blast_radius.size(), "workload"));
  return text;
}

void safe_strings(JsonWriter& json, std::string_view key, const std::vector<std::string>& items) {
  if (items.empty()) return;
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(safe(item));
  json.key(key).strings(out);
}

void write_result(JsonWriter& json, const rules::Finding& f, const std::map<std::string, std::size_t>& rule_index,
                  const Cause* cause, const fs::path& root) {
  json.begin_object();
  json.member("ruleId", f.rule);
  if (const auto it = rule_index.find(f.rule); it != rule_index.end()) json.member("ruleIndex", it->second);
  json.member("level", sarif_level(f.severity));
  text_member(json, "message", result_text(f));
  write_locations(json, f.where, f.also_at, root);
  // The baseline fingerprint leaves lines and files out, so an alert follows the object when
  // lines move. GitHub keys alerts by primaryLocationLineHash when present: the same value.
  json.key("partialFingerprints").begin_object();
  json.member("primaryLocationLineHash", f.fingerprint());
  json.member(kFingerprintKey, f.fingerprint());
  json.end_object();
  if (f.suppressed) {
    json.key("suppressions").begin_array().begin_object();
    json.member("kind", f.suppression.starts_with("annotation") ? "inSource" : "external");
    json.member("state", "accepted");
    if (!f.suppression.empty()) json.member("justification", safe(f.suppression));
    json.end_object().end_array();
  }
  json.key("properties").begin_object();
  json.member("object", safe(f.object.display()));
  json.member("pack", safe(f.pack));
  if (!f.expanded_from.empty()) json.member("expandedFrom", safe(f.expanded_from));
  if (!f.subject.empty()) json.member("subject", safe(f.subject));
  safe_strings(json, "evidence", f.evidence);
  safe_strings(json, "blastRadius", f.blast_radius);
  std::vector<std::string> also;
  for (const auto& a : f.also_matched) also.push_back(a.rule);
  safe_strings(json, "alsoMatched", also);
  if (cause) {
    json.member("cause", safe(cause->id));
    json.member("causeTitle", safe(cause->title));
  }
  json.end_object();
  json.end_object();
}

void write_invocation(JsonWriter& json, const Analysis& analysis, const fs::path& root) {
  json.key("invocations").begin_array().begin_object();
  json.member("executionSuccessful", !analysis.input_error && !analysis.policy_error);
  if (!analysis.diagnostics.empty()) {
    json.key("toolExecutionNotifications").begin_array();
    for (const auto& d : analysis.diagnostics) {
      json.begin_object();
      json.member("level", sarif_level(d.severity));
      text_member(json, "message", safe(d.message));
      if (real_file(d.where.file)) {
        json.key("locations").begin_array().begin_object();
        write_physical(json, artifact_of(d.where.file, root), d.where.line);
        json.end_object().end_array();
      }
      json.end_object();
    }
    json.end_array();
  }
  json.end_object().end_array();
}

fs::path sarif_root(const ReportOptions& options) {
  std::error_code ec;
  const fs::path root = options.sarif_root.empty() ? fs::current_path(ec) : fs::path(options.sarif_root);
  const fs::path absolute = fs::absolute(root, ec);
  fs::path normal = (ec ? root : absolute).lexically_normal();
  if (!normal.has_filename() && normal.has_parent_path() && normal != normal.root_path()) normal = normal.parent_path();  // "dir/" is "dir"
  return normal;
}

}  // namespace

void write_sarif(const Analysis& analysis, const ReportOptions& options, std::ostream& out) {
  const fs::path root = sarif_root(options);
  std::map<std::string, std::size_t> rule_index;
  for (const auto& rule : analysis.catalogue.rules) rule_index.emplace(rule.id, rule_index.size());
  const auto listed = listed_findings(analysis, options);
  const Folding folding = fold_by_cause(analysis, listed);

  JsonWriter json(out);
  json.begin_object();
  json.member("$schema", kSchema);
  json.member("version", "2.1.0");
  json.key("runs").begin_array().begin_object();
  json.key("tool").begin_object().key("driver").begin_object();
  json.member("name", "faultline");
  json.member("version", FAULTLINE_VERSION);
  json.member("semanticVersion", FAULTLINE_VERSION);
  json.member("informationUri", FAULTLINE_HOMEPAGE);
  json.key("rules").begin_array();
  for (const auto& rule : analysis.catalogue.rules) write_rule(json, rule);
  json.end_array();
  json.end_object().end_object();
  write_invocation(json, analysis, root);
  json.key("results").begin_array();
  for (const auto* finding : listed) {
    const auto cause = folding.cause_of.find(finding);
    write_result(json, *finding, rule_index, cause == folding.cause_of.end() ? nullptr : &folding.causes[cause->second],
                 root);
  }
  json.end_array();
  json.end_object().end_array();
  json.end_object();
}

}  // namespace faultline::report
