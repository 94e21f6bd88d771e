// The JSON report. Field names and their order are a contract (README "JSON output"):
// add fields, never rename or remove them, and bump "version" if a meaning changes.
#include <ostream>

#include "faultline/report/causes.hpp"
#include "faultline/report/coverage.hpp"
#include "faultline/report/fix_plan.hpp"
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

/// The members of a finding's location object: file, line, template.
void write_place(JsonWriter& json, const SourceLocation& where) {
  json.member("file", where.file);
  json.member("line", where.line);
  json.key("template").string_or_null(where.helm_template);
}

void write_finding(JsonWriter& json, const rules::Finding& f, const std::string& cause) {
  json.begin_object();
  json.member("rule", f.rule);
  json.member("severity", to_string(f.severity));
  json.key("object");
  write_object(json, f.object);
  json.key("location").begin_object();
  write_place(json, f.where);
  if (!f.also_at.empty()) {  // only for an object read from several places, so other outputs stay as they were
    json.key("alsoAt").begin_array();
    for (const auto& w : f.also_at) {
      json.begin_object();
      write_place(json, w);
      json.end_object();
    }
    json.end_array();
  }
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
  std::vector<std::string> also;
  for (const auto& a : f.also_matched) also.push_back(a.rule);
  json.key("alsoMatched").strings(also);
  json.key("cause").string_or_null(cause);
  json.end_object();
}

void write_cause(JsonWriter& json, const Cause& cause) {
  json.begin_object();
  json.member("id", cause.id);
  json.member("title", cause.title);
  json.member("fix", cause.fix);
  json.key("evidence").strings(cause.evidence);
  json.key("lead").string_or_null(cause.lead ? cause.lead->fingerprint() : std::string{});
  std::vector<std::string> explained;
  for (const auto* f : cause.findings) explained.push_back(f->fingerprint());
  json.key("findings").strings(explained);
  json.key("workloads").strings(cause.workloads);
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

void write_resource_headroom(JsonWriter& json, const capacity::ResourceHeadroom& h) {
  json.begin_object();
  json.member("resource", h.resource);
  json.member("verdict", headroom_verdict(h));
  json.member("amount", headroom_amount(h));
  if (!h.worst_domain.empty()) json.member("worstDomain", h.worst_domain);
  json.end_object();
}

void write_headroom(JsonWriter& json, const capacity::Headroom& headroom) {
  json.begin_object();
  json.member("usage", capacity::to_string(headroom.usage));
  json.member("usageNote", headroom.usage_note);
  json.key("resources").strings(headroom.resources);
  json.key("beforeLoss").begin_array();
  for (const auto& r : headroom.before_loss) write_resource_headroom(json, r);
  json.end_array();
  json.key("losses").begin_array();
  for (const auto& loss : headroom.losses) {
    json.begin_object();
    json.member("key", loss.key);
    json.member("domains", loss.domains);
    json.key("resources").begin_array();
    for (const auto& r : loss.resources) write_resource_headroom(json, r);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.member("nodesWithoutAllocatable", headroom.nodes_without_allocatable);
  json.member("unusableNodes", headroom.unusable_nodes);
  json.member("unknownRequests", headroom.unknown_requests);
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
  json.member("skippedFiles", s.skipped_files);
  json.member("notReported", s.not_reported);
  json.end_object();
}

void write_plan(JsonWriter& json, const FixPlan& plan) {
  json.begin_object();
  json.key("helm").begin_array();
  for (const auto& h : plan.helm) {
    json.begin_object();
    json.key("chart").string_or_null(h.chart);
    json.member("release", h.release);
    json.member("releaseAssumed", h.release_assumed);
    json.key("namespace").string_or_null(h.ns);
    json.key("sets").strings(h.sets);
    json.member("command", h.command());
    json.end_object();
  }
  json.end_array();
  json.key("runaiconfig").string_or_null(plan.runaiconfig_command());
  json.key("labelNodes").begin_array();
  for (const auto& l : plan.labels) {
    json.begin_object();
    json.member("label", l.label);
    json.member("wanted", l.wanted);
    json.key("nodes").strings(l.nodes);
    json.member("command", l.command());
    json.end_object();
  }
  json.end_array();
  json.key("snippets").begin_array();
  for (const auto& s : plan.snippets) {
    json.begin_object();
    json.member("object", s.object);
    json.key("rules").strings(s.rules);
    json.member("yaml", s.yaml);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

}  // namespace

void write_json(const Analysis& analysis, const ReportOptions& options, std::ostream& out) {
  JsonWriter json(out);
  json.begin_object();
  json.member("version", 1);
  const auto listed = listed_findings(analysis, options);
  const Folding folding = fold_by_cause(analysis, listed);
  json.key("findings").begin_array();
  for (const auto* finding : listed) {
    const auto cause = folding.cause_of.find(finding);
    write_finding(json, *finding, cause == folding.cause_of.end() ? std::string{} : folding.causes[cause->second].id);
  }
  json.end_array();
  json.key("coverage").begin_array();
  if (options.coverage) {
    for (const auto& w : analysis.placement.workloads) {
      if (w.workload != nullptr) write_coverage_entry(json, w);
    }
  }
  json.end_array();
  json.key("headroom");
  if (const auto headroom = options.coverage ? coverage_headroom(analysis) : std::nullopt) write_headroom(json, *headroom);
  else json.null();
  json.key("diagnostics").begin_array();
  for (const auto& d : analysis.diagnostics) write_diagnostic(json, d);
  json.end_array();
  json.key("staleBaseline").begin_array();
  for (const auto& entry : analysis.stale_baseline) write_stale_entry(json, entry);
  json.end_array();
  json.key("summary");
  write_summary(json, analysis.summary);
  json.key("causes").begin_array();
  for (const auto& cause : folding.causes) write_cause(json, cause);
  json.end_array();
  json.key("plan");
  write_plan(json, build_fix_plan(analysis, listed, options.helm_release));
  json.end_object();
}

}  // namespace faultline::report
