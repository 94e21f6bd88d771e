// The JSON report. Field names and their order are a contract (README "JSON output"):
// add fields, never rename or remove them, and bump "version" if a meaning changes.
#include <ostream>

#include "faultline/report/coverage.hpp"
#include "faultline/report/json_writer.hpp"
#include "faultline/report/report.hpp"

namespace faultline::report {
namespace {

void write_object(JsonWriter& json, const model::ObjectRef& ref) {
  json.begin_object();
  json.member("apiVersion", ref.api_version);
  json.member("kind", ref.kind);
  json.key("namespace").string_or_null(ref.ns);
  json.member("name", ref.name);
  json.end_object();
}

void write_finding(JsonWriter& json, const rules::Finding& f) {
  json.begin_object();
  json.member("rule", f.rule);
  json.member("severity", to_string(f.severity));
  json.key("object");
  write_object(json, f.object);
  json.key("location").begin_object();
  json.member("file", f.where.file);
  json.member("line", f.where.line);
  json.key("template").string_or_null(f.where.helm_template);
  json.end_object();
  json.member("message", f.message);
  json.member("remediation", f.remediation);
  json.key("evidence").strings(f.evidence);
  json.member("pack", f.pack);
  json.key("expandedFrom").string_or_null(f.expanded_from);
  json.key("blastRadius").strings(f.blast_radius);
  json.member("suppressed", f.suppressed);
  json.key("suppression").string_or_null(f.suppression);
  json.member("fingerprint", f.fingerprint());
  json.end_object();
}

void write_level(JsonWriter& json, const placement::LevelPlacement& level) {
  json.begin_object();
  json.member("domains", level.domains);
  json.member("maxInOneDomain", level.max_in_one_domain);
  json.member("survivorsAfterWorstLoss", level.survivors_after_worst_loss);
  json.member("verdict", verdict_id(level.verdict));
  json.key("worstDomains").strings(level.worst_domains);
  json.key("reason").string_or_null(level.reason);
  json.end_object();
}

void write_coverage_entry(JsonWriter& json, const placement::WorkloadPlacement& w) {
  json.begin_object();
  json.key("object");
  write_object(json, w.workload->meta.ref);
  json.member("replicas", w.replicas);
  json.key("eligibleNodes");
  if (w.eligible_nodes) {
    json.value(*w.eligible_nodes);
  } else {
    json.null();
  }
  json.key("levels").begin_object();
  for (const auto& level : w.levels) {
    json.key(level.key);
    write_level(json, level);
  }
  json.end_object();
  json.member("pending", w.pending);
  json.key("bestEffort").strings(w.best_effort);
  json.key("guarantees").strings(w.guarantees);
  json.end_object();
}

void write_diagnostic(JsonWriter& json, const Diagnostic& d) {
  json.begin_object();
  json.member("severity", to_string(d.severity));
  json.member("file", d.where.file);
  json.member("line", d.where.line);
  json.member("column", d.where.column);
  json.member("message", d.message);
  json.end_object();
}

void write_stale_entry(JsonWriter& json, const rules::BaselineEntry& entry) {
  json.begin_object();
  json.member("fingerprint", entry.fingerprint);
  json.member("rule", entry.rule);
  json.member("object", entry.object);
  json.key("subject").string_or_null(entry.subject);
  json.end_object();
}

void write_summary(JsonWriter& json, const Summary& s) {
  json.begin_object();
  json.member("documents", s.documents);
  json.member("objects", s.objects);
  json.member("workloads", s.workloads);
  json.member("skipped", s.skipped);
  json.member("failed", s.failed);
  json.member("errors", s.errors);
  json.member("warnings", s.warnings);
  json.member("infos", s.infos);
  json.member("suppressed", s.suppressed);
  json.end_object();
}

}  // namespace

void write_json(const Analysis& analysis, const ReportOptions& options, std::ostream& out) {
  JsonWriter json(out);
  json.begin_object();
  json.member("version", 1);
  json.key("findings").begin_array();
  for (const auto* finding : listed_findings(analysis, options)) write_finding(json, *finding);
  json.end_array();
  json.key("coverage").begin_array();
  if (options.coverage) {
    for (const auto& w : analysis.placement.workloads) {
      if (w.workload != nullptr) write_coverage_entry(json, w);
    }
  }
  json.end_array();
  json.key("diagnostics").begin_array();
  for (const auto& d : analysis.diagnostics) write_diagnostic(json, d);
  json.end_array();
  json.key("staleBaseline").begin_array();
  for (const auto& entry : analysis.stale_baseline) write_stale_entry(json, entry);
  json.end_array();
  json.key("summary");
  write_summary(json, analysis.summary);
  json.end_object();
}

}  // namespace faultline::report
