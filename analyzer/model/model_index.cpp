// Builds the indexes once; selector queries then touch only the workloads sharing a label.
#include "model_index.hpp"

#include <fmt/format.h>

#include "faultline/model/controller_labels.hpp"

namespace faultline::model {
namespace {

std::string kind_ns(std::string_view kind, const std::string& ns) { return fmt::format("{}/{}", kind, ns); }

}  // namespace

Model::Index::Index(const Model& model)
    : owner_(&model), sizes_{model.workloads.size(), model.pdbs.size(), model.services.size(), model.hpas.size()} {
  for (const Workload& w : model.workloads) {
    const std::string& ns = w.meta.ref.ns;
    by_ns_[ns].push_back(&w);
    for (const auto& [k, v] : w.pod.labels) {
      by_label_[key(ns, k + "=" + v)].push_back(&w);
      by_key_[key(ns, k)].push_back(&w);
    }
    by_name_.emplace(key(kind_ns(to_string(w.kind), ns), w.meta.ref.name), &w);
  }
  for (const Hpa& h : model.hpas) hpa_by_target_.emplace(key(kind_ns(h.target_kind, h.meta.ref.ns), h.target_name), &h);
  for (const Service& s : model.services) services.emplace(key(s.meta.ref.ns, s.meta.ref.name), &s);
  for (const ConfigMap& c : model.config_maps) config_maps.emplace(key(c.meta.ref.ns, c.meta.ref.name), &c);
  for (const Pvc& p : model.pvcs) pvcs.emplace(key(p.meta.ref.ns, p.meta.ref.name), &p);
  for (const Pv& p : model.pvs) pvs.emplace(key("", p.meta.ref.name), &p);
  for (const Workload& w : model.workloads) {
    pdbs_[&w];
    services_[&w];
  }
  for (const Pdb& p : model.pdbs) {
    if (!p.selector || (p.selector->empty() && !p.selects_all_when_empty)) continue;
    for (const Workload* w : workloads_selected(p.meta.ref.ns, *p.selector)) pdbs_[w].push_back(&p);
  }
  for (const Service& s : model.services) {
    if (!s.selector || s.selector->empty()) continue;
    for (const Workload* w : workloads_selected(s.meta.ref.ns, LabelSelector{*s.selector, {}})) services_[w].push_back(&s);
  }
}

bool Model::Index::is_current_for(const Model& model) const {
  return owner_ == &model && sizes_[0] == model.workloads.size() && sizes_[1] == model.pdbs.size() &&
         sizes_[2] == model.services.size() && sizes_[3] == model.hpas.size();
}

const std::vector<const Workload*>* Model::Index::candidates(const std::string& ns, const LabelSelector& selector) const {
  static const std::vector<const Workload*> kNone;
  const std::vector<const Workload*>* best = nullptr;
  const auto consider = [&](const std::unordered_map<std::string, std::vector<const Workload*>>& map, const std::string& k) {
    const auto it = map.find(key(ns, k));
    const auto* list = it == map.end() ? &kNone : &it->second;
    if (!best || list->size() < best->size()) best = list;
  };
  // Labels controllers add at run time are in no template, so no posting list narrows by them.
  for (const auto& [k, v] : selector.match_labels)
    if (!is_controller_label(k)) consider(by_label_, k + "=" + v);
  for (const auto& req : selector.match_expressions) {
    if (is_controller_label(req.key)) continue;
    if (req.op == "In" && req.values.size() == 1) consider(by_label_, req.key + "=" + req.values.front());
    if (req.op == "Exists" || (req.op == "In" && req.values.size() > 1)) consider(by_key_, req.key);
  }
  if (best) return best;
  const auto it = by_ns_.find(ns);
  return it == by_ns_.end() ? &kNone : &it->second;
}

std::vector<const Workload*> Model::Index::workloads_selected(const std::string& ns, const LabelSelector& selector) const {
  std::vector<const Workload*> out;
  for (const Workload* w : *candidates(ns, selector))
    if (selects_pods_of(selector, *w)) out.push_back(w);
  return out;
}

const std::vector<const Pdb*>* Model::Index::pdbs_of(const Workload& w) const {
  const auto it = pdbs_.find(&w);
  return it == pdbs_.end() ? nullptr : &it->second;
}

const std::vector<const Service*>* Model::Index::services_of(const Workload& w) const {
  const auto it = services_.find(&w);
  return it == services_.end() ? nullptr : &it->second;
}

const Hpa* Model::Index::hpa_for(const Workload& w) const {
  const auto it = hpa_by_target_.find(key(kind_ns(to_string(w.kind), w.meta.ref.ns), w.meta.ref.name));
  return it == hpa_by_target_.end() ? nullptr : it->second;
}

const Workload* Model::Index::find_workload(std::string_view kind, const std::string& ns, const std::string& name) const {
  const auto it = by_name_.find(key(kind_ns(kind, ns), name));
  return it == by_name_.end() ? nullptr : it->second;
}

}  // namespace faultline::model
