// Building the fix plan from the findings' plan items: merged per chart, one runaiconfig patch,
// candidate nodes for role labels chosen from the inventory, snippets grouped per object.
#include "faultline/report/fix_plan.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

#include <fmt/format.h>

#include "faultline/report/terminal_text.hpp"

namespace faultline::report {

namespace {

// Run:ai's documented control-plane install: `helm repo add runai-backend ...`, release
// runai-backend in namespace runai-backend (reference/runai-ha.md §1.4).
constexpr const char* kRunaiChart = "control-plane";
constexpr const char* kRunaiRelease = "runai-backend";

/// The chart a finding's object was rendered from: the first part of its `# Source:` path;
/// Run:ai's control-plane chart for its namespace when the input has no Source comments.
std::string chart_of(const rules::Finding& f) {
  const std::string& source = f.where.helm_template;
  if (!source.empty()) return source.substr(0, source.find('/'));
  if (f.object.ns == "runai-backend") return kRunaiChart;
  return "";
}

std::string key_of(const std::string& set) { return set.substr(0, set.find('=')); }

void add_helm(std::vector<HelmUpgrade>& helm, const rules::Finding& f, const std::string& release) {
  const std::string chart = chart_of(f);
  auto it = std::find_if(helm.begin(), helm.end(), [&](const HelmUpgrade& h) { return h.chart == chart; });
  if (it == helm.end()) {
    HelmUpgrade h;
    h.chart = chart;
    const bool runai = chart == kRunaiChart;
    const std::string name = chart.empty() ? "<chart>" : chart;
    h.reference = runai ? fmt::format("{}/{}", kRunaiRelease, kRunaiChart) : "<repo>/" + name;
    h.release = !release.empty() ? release : runai ? kRunaiRelease : chart.empty() ? "<release>" : chart;
    h.release_assumed = release.empty();
    h.ns = f.object.ns;
    it = helm.insert(helm.end(), h);
  }
  for (const auto& set : f.plan->helm_sets) {
    const bool known = std::any_of(it->sets.begin(), it->sets.end(), [&](const std::string& s) { return key_of(s) == key_of(set); });
    if (!known) it->sets.push_back(set);
  }
}

/// Usable nodes without the label's key, nodes in zones that have no labelled node first.
std::vector<std::string> candidates(const inventory::Inventory& inv, const std::string& label, std::size_t wanted) {
  const std::string key = label.substr(0, label.find('='));
  std::set<std::string> covered;
  for (const auto* n : inv.nodes)
    if (n->meta.labels.count(key) && inventory::Inventory::usable(*n))
      covered.insert(inv.domain_of(*n, inventory::kZone).value_or(""));
  std::vector<std::pair<bool, const model::Node*>> ranked;
  for (const auto* n : inv.nodes)
    if (!n->meta.labels.count(key) && inventory::Inventory::usable(*n))
      ranked.emplace_back(covered.count(inv.domain_of(*n, inventory::kZone).value_or("")) > 0, n);
  // One candidate per uncovered zone first, then the rest, by name (inventory order).
  std::vector<std::string> out;
  std::set<std::string> zones_taken;
  for (const auto& [covered_zone, n] : ranked)
    if (!covered_zone && out.size() < wanted && zones_taken.insert(inv.domain_of(*n, inventory::kZone).value_or("")).second)
      out.push_back(n->meta.ref.name);
  for (const auto& [covered_zone, n] : ranked)
    if (out.size() < wanted && std::find(out.begin(), out.end(), n->meta.ref.name) == out.end()) out.push_back(n->meta.ref.name);
  return out;
}

bool json_literal(const std::string& v) {
  if (v == "true" || v == "false" || v == "null") return true;
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

/// A merge patch from dotted paths: {"spec":{"prometheus":{"spec":{"replicas":2}}}}.
std::string merge_patch(const std::vector<std::pair<std::string, std::string>>& fields) {
  struct Tree {
    std::map<std::string, Tree> children;
    std::string value;
  } root;
  for (const auto& [path, value] : fields) {
    Tree* at = &root;
    for (std::size_t start = 0; start <= path.size();) {
      const std::size_t dot = std::min(path.find('.', start), path.size());
      at = &at->children[path.substr(start, dot - start)];
      start = dot + 1;
    }
    at->value = json_literal(value) ? value : fmt::format("\"{}\"", value);
  }
  const auto render = [](const auto& self, const Tree& t) -> std::string {
    if (t.children.empty()) return t.value;
    std::string out = "{";
    for (const auto& [k, child] : t.children) out += (out.size() > 1 ? "," : "") + fmt::format("\"{}\":", k) + self(self, child);
    return out + "}";
  };
  return render(render, root);
}

}  // namespace

std::string HelmUpgrade::command() const {
  std::string out = fmt::format("helm upgrade {} {}", release, reference);
  if (!ns.empty()) out += " -n " + ns;
  out += " --reuse-values";
  for (const auto& set : sets) out += " --set " + set;
  return out;
}

std::string NodeLabelling::command() const {
  std::string out = "kubectl label nodes";
  for (const auto& n : nodes) out += " " + n;
  if (nodes.empty()) out += " <node>";
  return out + " " + label;
}

std::string FixPlan::runaiconfig_command() const {
  if (runaiconfig.empty()) return "";
  return "kubectl patch runaiconfig runai -n runai --type merge -p '" + merge_patch(runaiconfig) + "'";
}

FixPlan build_fix_plan(const Analysis& analysis, const std::vector<const rules::Finding*>& listed,
                       const std::string& helm_release) {
  FixPlan plan;
  for (const auto* f : listed) {
    if (f->suppressed || f->plan->empty()) continue;
    if (!f->plan->helm_sets.empty()) add_helm(plan.helm, *f, helm_release);
    for (const auto& field : f->plan->runaiconfig)
      if (std::none_of(plan.runaiconfig.begin(), plan.runaiconfig.end(), [&](const auto& p) { return p.first == field.first; }))
        plan.runaiconfig.push_back(field);
    if (!f->plan->node_label.empty()) {
      const int wanted = std::max(1, std::atoi(f->plan->node_count.c_str()));
      auto it = std::find_if(plan.labels.begin(), plan.labels.end(), [&](const auto& l) { return l.label == f->plan->node_label; });
      if (it == plan.labels.end()) it = plan.labels.insert(plan.labels.end(), NodeLabelling{f->plan->node_label, 0, {}});
      it->wanted = std::max(it->wanted, wanted);
    }
    // A workload an operator derives from a custom resource is changed through that resource, not its manifest.
    if (!f->plan->yaml.empty() && f->expanded_from.empty()) {
      const std::string object = f->object.display();
      auto it = std::find_if(plan.snippets.begin(), plan.snippets.end(),
                             [&](const Snippet& s) { return s.object == object && s.yaml == f->plan->yaml; });
      if (it == plan.snippets.end()) it = plan.snippets.insert(plan.snippets.end(), Snippet{object, {}, f->plan->yaml});
      it->rules.push_back(f->rule);
    }
  }
  for (auto& l : plan.labels) l.nodes = candidates(analysis.inventory, l.label, static_cast<std::size_t>(l.wanted));
  return plan;
}

namespace {

/// A multi-line text from the input, each line made terminal-safe: a newline inside a value
/// cannot start a line of the plan of its own.
std::string safe_lines(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    out += terminal_text(std::string_view(text).substr(start, end - start));
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace

void write_plan_text(const FixPlan& plan, std::ostream& out, std::size_t max_objects) {
  for (const auto& h : plan.helm) {
    out << fmt::format("# chart {}{}\n", h.chart.empty() ? "(unknown: no # Source comment)" : terminal_text(h.chart),
                       h.release_assumed ? fmt::format(", release {} assumed: pass --helm-release NAME if yours differs", terminal_text(h.release)) : "");
    out << safe_lines(h.command()) << "\n\n";
  }
  if (const auto patch = plan.runaiconfig_command(); !patch.empty()) out << "# runaiconfig fields\n" << safe_lines(patch) << "\n\n";
  for (const auto& l : plan.labels) {
    out << fmt::format("# {} more node{} labelled {}", l.wanted, l.wanted == 1 ? "" : "s", terminal_text(l.label));
    if (static_cast<int>(l.nodes.size()) < l.wanted) out << fmt::format(" ({} candidate{} in the inventory)", l.nodes.size(), l.nodes.size() == 1 ? "" : "s");
    out << ", zones without one first\n" << safe_lines(l.command()) << "\n\n";
  }
  // One snippet for every object that needs the same change, so 20 one-replica Deployments read as one step.
  std::vector<std::pair<const Snippet*, std::vector<std::string>>> merged;
  for (const auto& s : plan.snippets) {
    auto it = std::find_if(merged.begin(), merged.end(),
                           [&](const auto& m) { return m.first->yaml == s.yaml && m.first->rules == s.rules; });
    if (it == merged.end()) it = merged.insert(merged.end(), std::pair<const Snippet*, std::vector<std::string>>{&s, {}});
    it->second.push_back(s.object);
  }
  for (const auto& [s, objects] : merged) {
    std::string rules, names;
    for (const auto& r : s->rules) rules += (rules.empty() ? "" : ", ") + r;
    for (std::size_t i = 0; i < objects.size() && i < max_objects; ++i) names += (i ? ", " : "") + objects[i];
    if (objects.size() > max_objects) names += fmt::format(" and {} more", objects.size() - max_objects);
    out << fmt::format("# {} ({}): merge into {}\n", terminal_text(names), terminal_text(rules),
                       objects.size() == 1 ? "its manifest" : "each manifest")
        << safe_lines(s->yaml);
    if (!s->yaml.ends_with('\n')) out << '\n';
    out << '\n';
  }
}

}  // namespace faultline::report
