// The text report for people: findings grouped by object (worst first), input diagnostics,
// the coverage table and a summary line. Plain text unless colour is asked for.
#include <algorithm>
#include <cctype>
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "faultline/report/causes.hpp"
#include "faultline/report/coverage.hpp"
#include "faultline/report/fix_plan.hpp"
#include "faultline/report/report.hpp"
#include "faultline/report/terminal_text.hpp"
#include "report_words.hpp"
#include "style.hpp"

namespace faultline::report {
namespace {

constexpr std::size_t kMaxRadiusNames = 20;  ///< blast-radius names on a finding

// Every string that comes from the input (names, paths, values, messages that quote them, rule
// texts of user packs) goes through safe(): a newline in a name must not forge a finding line.
std::string safe(std::string_view text) { return terminal_text(text); }

std::string file_line(const SourceLocation& where) {
  if (where.file.empty()) return "";
  const std::string file = safe(where.file);
  if (where.line <= 0) return file;
  if (where.column <= 0) return fmt::format("{}:{}", file, where.line);
  return fmt::format("{}:{}:{}", file, where.line, where.column);
}

std::string location_text(const SourceLocation& where) {
  std::string text = file_line(where);
  if (!where.helm_template.empty()) text += fmt::format(" (template {})", safe(where.helm_template));
  return text;
}

/// "  also read at b.yaml:3, c.yaml:9" for an object read from several places; nothing otherwise.
void write_also_at(const std::vector<SourceLocation>& also_at, std::ostream& out) {
  if (also_at.empty()) return;
  out << "  also read at ";
  for (std::size_t i = 0; i < also_at.size(); ++i) out << (i ? ", " : "") << location_text(also_at[i]);
  out << " (one object, analyzed once)\n";
}

/// Findings of one object, in the order the pipeline sorted them (worst first).
struct Group {
  const model::ObjectRef* object = nullptr;
  std::vector<const rules::Finding*> findings;
};

std::vector<Group> group_by_object(const std::vector<const rules::Finding*>& findings) {
  std::vector<Group> groups;
  std::map<model::ObjectRef, std::size_t> index;
  for (const auto* f : findings) {
    auto [it, added] = index.try_emplace(f->object, groups.size());
    if (added) groups.push_back({&f->object, {}});
    groups[it->second].findings.push_back(f);
  }
  return groups;
}

void write_finding(const rules::Finding& f, const SourceLocation& group_where, const Style& style, std::ostream& out) {
  std::string head = fmt::format("  {} [{}]", style.severity(f.severity, to_string(f.severity)), safe(f.rule));
  if (f.suppressed) head += style.dim(fmt::format(" (suppressed: {})", f.suppression.empty() ? "yes" : safe(f.suppression)));
  out << head << ' ' << safe(f.message) << '\n';
  if (!f.also_matched.empty()) {
    std::string rules;
    for (const auto& a : f.also_matched) rules += (rules.empty() ? "" : ", ") + safe(a.rule);
    out << "      " << style.dim("also matched: " + rules) << '\n';
  }
  if (f.where.file != group_where.file || f.where.line != group_where.line) {
    out << "      at " << safe(location_text(f.where)) << '\n';
  }
  for (const auto& line : f.evidence) out << "      - " << safe(line) << '\n';
  if (!f.remediation.empty()) out << "      " << style.bold("fix:") << ' ' << safe(f.remediation) << '\n';
  if (!f.blast_radius.empty()) {
    // A SPOF in a long dependency cycle takes the whole cycle down: name the first few only, so
    // the report grows with the findings, not with findings times cycle length.
    const std::size_t shown = std::min(f.blast_radius.size(), kMaxRadiusNames);
    out << "      blast radius (" << f.blast_radius.size() << "): ";
    for (std::size_t i = 0; i < shown; ++i) out << (i ? ", " : "") << safe(f.blast_radius[i]);
    if (shown < f.blast_radius.size())
      out << " and " << f.blast_radius.size() - shown << " more (--format json lists them all)";
    out << '\n';
  }
}

void write_findings(const std::vector<const rules::Finding*>& findings, const Style& style, std::ostream& out) {
  for (const auto& group : group_by_object(findings)) {
    const auto& first = *group.findings.front();
    out << style.bold(safe(group.object->display()));
    if (const auto where = location_text(first.where); !where.empty()) out << "  " << where;
    out << '\n';
    write_also_at(first.also_at, out);
    if (!first.expanded_from.empty()) out << "  expanded from " << safe(first.expanded_from) << '\n';
    for (const auto* f : group.findings) write_finding(*f, first.where, style, out);
    out << '\n';
  }
}

/// "workload: rule, rule" lines of the findings a cause explains, one line per workload.
void write_explained(const Cause& cause, std::ostream& out) {
  if (cause.id.starts_with("rule:")) {
    for (const auto* f : cause.findings) out << "        " << safe(f->object.display()) << '\n';
    return;
  }
  out << fmt::format("      explains {} on {}:\n", plural(cause.findings.size(), "finding"),
                     plural(cause.workloads.size(), "workload"));
  for (const auto& name : cause.workloads) {
    std::string rules;
    for (const auto* f : cause.findings)
      if (f->object.display() == name) rules += (rules.empty() ? "" : ", ") + f->rule;
    out << "        " << safe(name) << ": " << safe(rules) << '\n';
  }
}

// Each cause once, with its fix, before the findings it does not explain.
void write_causes(const Folding& folding, const Style& style, std::ostream& out) {
  for (const auto& cause : folding.causes) {
    if (cause.lead) {
      out << style.bold("Cause: " + safe(cause.lead->object.display()));
      if (const auto where = location_text(cause.lead->where); !where.empty()) out << "  " << where;
      out << '\n';
      write_also_at(cause.lead->also_at, out);
      write_finding(*cause.lead, cause.lead->where, style, out);
    } else {
      out << style.bold(cause.id.starts_with("rule:") ? "Same finding on several objects:" : "Cause:") << ' ' << safe(cause.title) << '\n';
      for (const auto& line : cause.evidence) out << "      - " << safe(line) << '\n';
      out << "      " << style.bold("fix:") << ' ' << safe(cause.fix) << '\n';
    }
    write_explained(cause, out);
    out << '\n';
  }
}

// SPOFs ranked by how much goes down with them, so the most damaging fix comes first.
void write_spofs_by_blast_radius(const std::vector<const rules::Finding*>& findings, const Style& style,
                                 std::ostream& out) {
  std::map<std::string, std::size_t> radius;
  for (const auto* f : findings) {
    if (f->blast_radius.empty()) continue;
    auto& size = radius[f->object.display()];
    size = std::max(size, f->blast_radius.size());
  }
  if (radius.empty()) return;
  std::vector<std::pair<std::string, std::size_t>> ranked(radius.begin(), radius.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  out << style.bold("Single points of failure by blast radius") << " (workloads that go down with them)\n";
  for (const auto& [name, size] : ranked) out << fmt::format("  {:>4}  {}\n", size, safe(name));
  out << '\n';
}

void write_stale_baseline(const std::vector<rules::BaselineEntry>& stale, std::ostream& out) {
  if (stale.empty()) return;
  out << "Baseline entries no longer found (" << stale.size() << "), fixed since the baseline was written:\n";
  for (const auto& entry : stale) {
    out << "  " << safe(entry.rule) << ' ' << safe(entry.object);
    if (!entry.subject.empty()) out << " (" << safe(entry.subject) << ')';
    out << '\n';
  }
  out << '\n';
}

/// Warnings and notes about the input; errors are not part of the report (the command prints them on stderr).
void write_diagnostics(const Diagnostics& diagnostics, const Style& style, std::ostream& out) {
  bool any = false;
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error) continue;
    out << format_diagnostic(d, style.enabled()) << '\n';
    any = true;
  }
  if (any) out << '\n';
}

std::string verdict_word(placement::Verdict verdict) {
  switch (verdict) {
    case placement::Verdict::survives: return "survives";
    case placement::Verdict::does_not_survive: return "fails";
    case placement::Verdict::best_effort: return "best effort";
    case placement::Verdict::unknown: return "unknown";
  }
  return "unknown";
}

std::string coverage_cell(const placement::WorkloadPlacement& w, const std::string& key) {
  const auto* level = w.level(key);
  if (level == nullptr) return "-";
  if (runs_nothing_on_purpose(w, key))
    return w.workload->kind == model::WorkloadKind::DaemonSet ? "no node opts in" : "scaled to 0";
  if (level->domains == 0) return verdict_word(level->verdict);
  return fmt::format("{}/{}/{} {}", level->domains, level->max_in_one_domain, level->survivors_after_worst_loss,
                     verdict_word(level->verdict));
}

void write_table(const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - row[c].size() + 2, ' ');
    }
    out << line << '\n';
  }
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string headroom_cell(const capacity::ResourceHeadroom& h) {
  const std::string text = fmt::format("{} {}", headroom_amount(h), headroom_verdict(h));
  return h.worst_domain.empty() ? text : fmt::format("{} ({})", text, safe(h.worst_domain));
}

// What the survivors have left once the displaced pods are on them, per key's worst loss.
void write_headroom(const capacity::Headroom& headroom, const Style& style, std::ostream& out) {
  out << '\n' << style.bold("Headroom") << " after losing one domain (room left on the surviving nodes once the pods "
      << "that must move are on them; per resource, the worst domain)\n";
  out << "  " << headroom.usage_note << ".\n";
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"LOSS"};
  for (const auto& r : headroom.resources) header.push_back(safe(upper(r)));
  rows.push_back(header);
  std::vector<std::string> now = {"none"};
  for (const auto& r : headroom.before_loss) now.push_back(headroom_cell(r));
  rows.push_back(now);
  for (const auto& loss : headroom.losses) {
    std::vector<std::string> row = {fmt::format("one {}", safe(short_key_name(loss.key)))};
    for (const auto& r : loss.resources) row.push_back(headroom_cell(r));
    rows.push_back(row);
  }
  write_table(rows, out);
  std::vector<std::string> uncounted;
  if (headroom.unknown_requests > 0) uncounted.push_back(plural(headroom.unknown_requests, "workload") + " without requests");
  if (headroom.nodes_without_allocatable > 0)
    uncounted.push_back(plural(headroom.nodes_without_allocatable, "node") + " without allocatable");
  if (headroom.unusable_nodes > 0) uncounted.push_back(plural(headroom.unusable_nodes, "node") + " NotReady or cordoned");
  if (!uncounted.empty()) out << fmt::format("Not counted: {}.\n", fmt::join(uncounted, "; "));
}

void write_coverage(const Analysis& analysis, const Style& style, std::ostream& out) {
  const auto keys = coverage_keys(analysis);
  out << style.bold("Coverage") << " (worst case the hard scheduling rules allow; per key: "
      << "domains/most replicas in one domain/replicas left after losing it)\n";
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"WORKLOAD", "REPLICAS", "ELIGIBLE NODES"};
  for (const auto& key : keys) header.push_back(safe(short_key_name(key)));
  rows.push_back(header);
  for (const auto& w : analysis.placement.workloads) {
    if (w.workload == nullptr) continue;
    std::vector<std::string> row = {safe(w.workload->meta.ref.display()), std::to_string(w.replicas),
                                    w.eligible_nodes ? std::to_string(*w.eligible_nodes) : "-"};
    for (const auto& key : keys) row.push_back(coverage_cell(w, key));
    rows.push_back(row);
  }
  write_table(rows, out);
  std::vector<std::string> parts;
  for (const auto& s : coverage_summary(analysis)) {
    parts.push_back(s.has_domains ? fmt::format("one {}: {} of {}", safe(short_key_name(s.key)), s.surviving, s.workloads)
                                  : fmt::format("one {}: no eligible node has the label {}", safe(short_key_name(s.key)),
                                                safe(s.key)));
  }
  out << "Workloads that survive the loss of any ";
  for (std::size_t i = 0; i < parts.size(); ++i) out << (i ? "; " : "") << parts[i];
  out << "\n";
  if (const auto headroom = coverage_headroom(analysis)) write_headroom(*headroom, style, out);
  out << "\n";
}

void write_summary(const Summary& s, const Style& style, std::ostream& out) {
  out << plural(s.documents, "document") << ", " << plural(s.objects, "object") << ", "
      << plural(s.workloads, "workload") << ", " << s.skipped << " skipped, " << s.failed << " failed: "
      << style.severity(Severity::error, plural(s.errors, "error")) << ", "
      << style.severity(Severity::warning, plural(s.warnings, "warning")) << ", "
      << style.severity(Severity::info, plural(s.infos, "info")) << ", " << s.suppressed << " suppressed";
  if (s.not_reported > 0) out << "; " << plural(s.not_reported, "finding") << " outside the named paths not reported (--context)";
  if (s.skipped_files > 0) out << "; " << plural(s.skipped_files, "file") << " skipped as not manifests (Chart.yaml, values, templates, CI)";
  if (s.repeated > 0) out << "; " << plural(s.repeated, "object") << " read more than once, analyzed once";
  out << '\n';
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, bool color) {
  const Style style(color);
  const std::string where = file_line(d.where);
  return fmt::format("{}: {}: {}", where.empty() ? std::string("faultline") : where,
                     style.severity(d.severity, to_string(d.severity)), safe(d.message));
}

void write_text(const Analysis& analysis, const ReportOptions& options, std::ostream& out) {
  const Style style(options.color);
  const auto findings = listed_findings(analysis, options);
  const FixPlan plan = build_fix_plan(analysis, findings, options.helm_release);
  if (options.plan_only) {
    if (plan.empty()) out << "# Nothing to change: no listed finding has a planned fix.\n";
    write_plan_text(plan, out);
    return;
  }
  const Folding folding = fold_by_cause(analysis, findings);
  if (!folding.causes.empty())
    out << style.bold(fmt::format("{} to act on: {} and {} not explained by one",
                                  plural(folding.top_level_items(findings.size()), "item"),
                                  plural(folding.causes.size(), "cause"),
                                  plural(folding.top_level_items(findings.size()) - folding.causes.size(), "finding")))
        << "\n\n";
  write_causes(folding, style, out);
  std::vector<const rules::Finding*> rest;
  for (const auto* f : findings)
    if (!folding.cause_of.count(f)) rest.push_back(f);
  write_findings(rest, style, out);
  if (!plan.empty()) {
    out << style.bold("Fix plan") << " (the changes that remove these findings, merged per tool)\n";
    write_plan_text(plan, out);
  }
  if (!options.quiet) write_spofs_by_blast_radius(findings, style, out);
  if (options.quiet) return;
  write_diagnostics(analysis.diagnostics, style, out);
  write_stale_baseline(analysis.stale_baseline, out);
  if (options.coverage) write_coverage(analysis, style, out);
  if (findings.empty()) out << style.green("No findings.") << '\n';
  write_summary(analysis.summary, style, out);
}

}  // namespace faultline::report
