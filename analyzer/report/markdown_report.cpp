// Markdown for a pull-request comment, or the review a support engineer sends back as is: the
// verdict first, the counts, the single points of failure with what goes down with them and the
// fix, the coverage summary, then the details folded away. Every list is capped, so a large
// input still gives a short comment; the rest is counted. Input strings pass markdown_text.
#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "faultline/graph/system_graph.hpp"
#include "faultline/report/causes.hpp"
#include "faultline/report/coverage.hpp"
#include "faultline/report/escape.hpp"
#include "faultline/report/fix_plan.hpp"
#include "faultline/report/report.hpp"
#include "report_words.hpp"

namespace faultline::report {
namespace {

constexpr std::size_t kMaxSpofs = 10;        ///< rows of the SPOF table
constexpr std::size_t kMaxItems = 25;        ///< causes and findings in "What to fix"
constexpr std::size_t kMaxNames = 5;         ///< names in one cell or line
constexpr std::size_t kMaxDiagnostics = 20;  ///< input problems listed

std::string md(std::string_view text) { return markdown_text(text); }

/// "a, b, c and 4 more".
std::string names(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < kMaxNames; ++i) out += (i ? ", " : "") + md(items[i]);
  if (items.size() > kMaxNames) out += fmt::format(" and {} more", items.size() - kMaxNames);
  return out;
}

std::string more_line(std::size_t rest, std::string_view what) {
  return fmt::format("\n…and {} more {} (`faultline check` lists every one).\n", rest, what);
}

std::string verdict(const Analysis& analysis, const ReportOptions& options,
                    const std::vector<const rules::Finding*>& listed) {
  const Summary& s = analysis.summary;
  if (analysis.policy_error)
    return "**faultline: not analyzed**: the rule packs, the rule selection or the baseline have errors (see Input problems).";
  const bool fails = std::any_of(listed.begin(), listed.end(), [&](const auto* f) { return fails_check(*f, options.fail_on); });
  const std::string word = fails ? "fails" : analysis.input_error ? "incomplete" : "passes";
  std::string line = fmt::format("**faultline: {}**: {}, {}, {} in {}", word, plural(s.errors, "error"),
                                 plural(s.warnings, "warning"), plural(s.infos, "info"), plural(s.workloads, "workload"));
  if (options.fail_on == "never") line += " (--fail-on never)";
  else if (fails) line += fmt::format(" (fails on {} and worse)", options.fail_on);
  if (analysis.input_error) line += "; some input could not be analyzed (see Input problems)";
  return line + ".";
}

void write_counts(const Summary& s, std::ostream& out) {
  out << "| severity | findings |\n|---|---:|\n";
  out << "| error | " << s.errors << " |\n| warning | " << s.warnings << " |\n| info | " << s.infos << " |\n";
  if (s.suppressed > 0) out << "| suppressed | " << s.suppressed << " |\n";
  out << '\n';
}

/// A SPOF the listed findings name: why the graph calls it one, how much goes down with it, its fix.
struct Spof {
  std::string object;
  std::string reason;
  std::size_t radius = 0;
  std::vector<std::string> dependents;
  std::string fix;
};

std::vector<Spof> spofs_of(const Analysis& analysis, const std::vector<const rules::Finding*>& listed,
                           const Folding& folding) {
  if (!analysis.graph) return {};
  std::map<std::string, std::string> reasons;  // SPOF label → reason
  for (const auto v : analysis.graph->workloads()) {
    const auto& data = (*analysis.graph)[v];
    if (data.spof.spof) reasons.emplace(data.label, data.spof.reason);
  }
  std::map<std::string, Spof> by_object;
  for (const auto* f : listed) {  // report order: the worst finding's fix comes first
    const auto reason = reasons.find(f->object.display());
    if (reason == reasons.end()) continue;
    auto [it, added] = by_object.try_emplace(reason->first, Spof{reason->first, reason->second, 0, {}, {}});
    Spof& spof = it->second;
    if (f->blast_radius.size() > spof.radius) {
      spof.radius = f->blast_radius.size();
      spof.dependents = f->blast_radius;
    }
    if (spof.fix.empty()) {
      const auto cause = folding.cause_of.find(f);
      spof.fix = cause != folding.cause_of.end() ? folding.causes[cause->second].fix : f->remediation;
    }
  }
  std::vector<Spof> out;
  for (auto& [name, spof] : by_object) out.push_back(std::move(spof));
  std::stable_sort(out.begin(), out.end(), [](const Spof& a, const Spof& b) { return a.radius > b.radius; });
  return out;
}

void write_spofs(const std::vector<Spof>& spofs, std::ostream& out) {
  if (spofs.empty()) return;
  out << "### Single points of failure (" << spofs.size() << ")\n\n";
  out << "| workload | why | blast radius | fix |\n|---|---|---|---|\n";
  for (std::size_t i = 0; i < spofs.size() && i < kMaxSpofs; ++i) {
    const Spof& s = spofs[i];
    const std::string radius = s.radius == 0 ? "nothing depends on it" : fmt::format("{}: {}", s.radius, names(s.dependents));
    out << "| " << md(s.object) << " | " << md(s.reason) << " | " << radius << " | " << md(s.fix) << " |\n";
  }
  if (spofs.size() > kMaxSpofs) out << more_line(spofs.size() - kMaxSpofs, "single points of failure");
  out << '\n';
}

void write_coverage(const Analysis& analysis, std::ostream& out) {
  if (!analysis.inventory.present()) return;
  out << "### Coverage\n\nWorkloads that survive the loss of any one domain, in the worst case the hard scheduling "
         "rules allow:\n\n";
  for (const auto& s : coverage_summary(analysis)) {
    if (s.has_domains) out << "- one " << md(short_key_name(s.key)) << ": " << s.surviving << " of " << s.workloads << '\n';
    else out << "- one " << md(short_key_name(s.key)) << ": no eligible node has the label " << md(s.key) << '\n';
  }
  out << '\n';
}

std::string finding_line(const rules::Finding& f) {
  std::string line = fmt::format("- **{}** {} on {}", to_string(f.severity), markdown_code(f.rule), md(f.object.display()));
  if (const auto where = location_words(f.where); !where.empty()) line += " at " + md(where);
  if (!f.also_at.empty()) {
    std::vector<std::string> places;
    for (const auto& w : f.also_at) places.push_back(location_words(w));
    line += " (also read at " + names(places) + "; analyzed once)";
  }
  if (f.suppressed) line += " (suppressed: " + md(f.suppression) + ")";
  line += "  \n  " + md(f.message);
  if (!f.remediation.empty()) line += "  \n  Fix: " + md(f.remediation);
  return line + "\n";
}

std::string cause_line(const Cause& c) {
  Severity worst = c.lead ? c.lead->severity : Severity::info;
  for (const auto* f : c.findings) worst = std::max(worst, f->severity);
  std::string line = fmt::format("- **{}** ", to_string(worst));
  if (c.lead) line += fmt::format("{} on {}: ", markdown_code(c.lead->rule), md(c.lead->object.display()));
  line += md(c.title) + "  \n  Fix: " + md(c.fix);
  line += fmt::format("  \n  Explains {} on {}: {}", plural(c.findings.size(), "finding"),
                      plural(c.workloads.size(), c.id.starts_with("rule:") ? "object" : "workload"), names(c.workloads));
  return line + "\n";
}

/// The items a person acts on: each cause once, then the findings no cause explains; capped.
void write_items(const Folding& folding, const std::vector<const rules::Finding*>& listed, std::ostream& out) {
  if (listed.empty()) {
    out << "No findings.\n\n";
    return;
  }
  std::vector<std::string> items;
  for (const auto& c : folding.causes) items.push_back(cause_line(c));
  for (const auto* f : listed)
    if (!folding.cause_of.count(f)) items.push_back(finding_line(*f));
  out << "<details><summary>What to fix: ";
  if (folding.causes.empty()) out << plural(items.size(), "finding");
  else out << plural(items.size(), "item") << " (" << plural(folding.causes.size(), "cause") << ", "
           << plural(items.size() - folding.causes.size(), "other finding") << ")";
  out << "</summary>\n\n";
  for (std::size_t i = 0; i < items.size() && i < kMaxItems; ++i) out << items[i];
  if (items.size() > kMaxItems) out << more_line(items.size() - kMaxItems, "items");
  out << "\n</details>\n\n";
}

/// A fence longer than any run of backticks in `text`, so the text cannot close it.
std::string fence_for(const std::string& text) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

void write_plan(const FixPlan& plan, std::ostream& out) {
  if (plan.empty()) return;
  std::ostringstream text;
  write_plan_text(plan, text, kMaxNames);  // terminal-safe already; inside a fence Markdown reads nothing
  std::string body = text.str();
  while (body.ends_with("\n\n")) body.pop_back();
  const std::string fence = fence_for(body);
  out << "<details><summary>Fix plan: the changes that remove these findings, merged per tool</summary>\n\n"
      << fence << "\n" << body << fence << "\n\n</details>\n\n";
}

void write_diagnostics(const Analysis& analysis, std::ostream& out) {
  if (analysis.diagnostics.empty()) return;
  std::size_t errors = 0;
  for (const auto& d : analysis.diagnostics) errors += d.severity == Severity::error ? 1 : 0;
  const std::size_t notes = analysis.diagnostics.size() - errors;
  out << "<details><summary>Input problems: " << (errors > 0 ? plural(errors, "error") : "")
      << (errors > 0 && notes > 0 ? ", " : "") << (notes > 0 ? plural(notes, "note") : "") << "</summary>\n\n";
  // Worst first, so the capped list keeps the errors; input order within a severity.
  std::vector<const Diagnostic*> ordered;
  for (const auto& d : analysis.diagnostics) ordered.push_back(&d);
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) { return a->severity > b->severity; });
  for (std::size_t i = 0; i < ordered.size() && i < kMaxDiagnostics; ++i)
    out << "- " << md(format_diagnostic(*ordered[i])) << '\n';
  if (analysis.diagnostics.size() > kMaxDiagnostics)
    out << more_line(analysis.diagnostics.size() - kMaxDiagnostics, "input problems");
  out << "\n</details>\n\n";
}

}  // namespace

void write_markdown(const Analysis& analysis, const ReportOptions& options, std::ostream& out) {
  const auto listed = listed_findings(analysis, options);
  const Folding folding = fold_by_cause(analysis, listed);
  out << verdict(analysis, options, listed) << "\n\n";
  if (!analysis.policy_error) {
    write_counts(analysis.summary, out);
    write_spofs(spofs_of(analysis, listed, folding), out);
    write_coverage(analysis, out);
    write_items(folding, listed, out);
    write_plan(build_fix_plan(analysis, listed, options.helm_release), out);
  }
  write_diagnostics(analysis, out);
  if (const std::size_t stale = analysis.stale_baseline.size(); stale > 0)
    out << "Baseline: " << stale << (stale == 1 ? " entry matches" : " entries match")
        << " no finding any more (fixed since the baseline was written).\n\n";
  const Summary& s = analysis.summary;
  out << "<sub>faultline " << FAULTLINE_VERSION << ": " << plural(s.documents, "document") << ", "
      << plural(s.objects, "object") << ", " << s.skipped << " skipped, " << s.failed << " failed"
      << (s.repeated > 0 ? fmt::format(", {} read more than once and analyzed once", plural(s.repeated, "object")) : "")
      << ".</sub>\n";
}

}  // namespace faultline::report
