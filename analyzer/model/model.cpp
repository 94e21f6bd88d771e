// Model queries. Each uses the index when it is current and falls back to a scan otherwise,
// so results never depend on whether build_indexes() was called.
#include "faultline/model/model.hpp"

#include "faultline/model/controller_labels.hpp"
#include "model_index.hpp"

namespace faultline::model {
namespace {

bool same_ns(const std::string& a, const std::string& b) { return a == b; }

}  // namespace

const Model::Index* Model::current_index() const {
  return index_ && index_->is_current_for(*this) ? index_.get() : nullptr;
}

void Model::build_indexes() { index_ = std::make_shared<const Index>(*this); }

const Hpa* Model::hpa_for(const Workload& w) const {
  if (const Index* ix = current_index()) return ix->hpa_for(w);
  for (const Hpa& h : hpas)
    if (same_ns(h.meta.ref.ns, w.meta.ref.ns) && h.target_kind == to_string(w.kind) && h.target_name == w.meta.ref.name) return &h;
  return nullptr;
}

int Model::effective_replicas(const Workload& w) const {
  if (w.kind == WorkloadKind::DaemonSet) return 1;
  // A target scaled to zero disables its autoscaler ("ScalingDisabled"): zero stays zero.
  if (w.replicas && *w.replicas == 0) return 0;
  if (const Hpa* h = hpa_for(w)) return h->min_replicas;
  return w.declared_replicas();
}

std::vector<const Workload*> Model::workloads_selected(const std::string& ns, const LabelSelector& selector) const {
  if (const Index* ix = current_index()) return ix->workloads_selected(ns, selector);
  std::vector<const Workload*> out;
  for (const Workload& w : workloads)
    if (w.meta.ref.ns == ns && selects_pods_of(selector, w)) out.push_back(&w);
  return out;
}

std::vector<const Pdb*> Model::pdbs_for(const Workload& w) const {
  if (const Index* ix = current_index()) {
    if (const auto* found = ix->pdbs_of(w)) return *found;
  }
  std::vector<const Pdb*> out;
  for (const Pdb& p : pdbs)
    if (p.selects(w.meta.ref.ns, w.pod.labels)) out.push_back(&p);
  return out;
}

std::vector<const Service*> Model::services_for(const Workload& w) const {
  if (const Index* ix = current_index()) {
    if (const auto* found = ix->services_of(w)) return *found;
  }
  std::vector<const Service*> out;
  for (const Service& s : services)
    if (service_selects(s, w)) out.push_back(&s);
  return out;
}

std::vector<const Workload*> Model::backends_of(const Service& s) const {
  if (!s.selector || s.selector->empty()) return {};
  return workloads_selected(s.meta.ref.ns, LabelSelector{*s.selector, {}});
}

const Service* Model::find_service(const std::string& ns, const std::string& name) const {
  if (const Index* ix = current_index()) return ix->find(ix->services, ns, name);
  for (const Service& s : services)
    if (s.meta.ref.ns == ns && s.meta.ref.name == name) return &s;
  return nullptr;
}

const ConfigMap* Model::find_config_map(const std::string& ns, const std::string& name) const {
  if (const Index* ix = current_index()) return ix->find(ix->config_maps, ns, name);
  for (const ConfigMap& c : config_maps)
    if (c.meta.ref.ns == ns && c.meta.ref.name == name) return &c;
  return nullptr;
}

const Pvc* Model::find_pvc(const std::string& ns, const std::string& name) const {
  if (const Index* ix = current_index()) return ix->find(ix->pvcs, ns, name);
  for (const Pvc& p : pvcs)
    if (p.meta.ref.ns == ns && p.meta.ref.name == name) return &p;
  return nullptr;
}

const Pv* Model::find_pv(const std::string& name) const {
  if (const Index* ix = current_index()) return ix->find(ix->pvs, "", name);
  for (const Pv& p : pvs)
    if (p.meta.ref.name == name) return &p;
  return nullptr;
}

const StorageClass* Model::find_storage_class(const std::string& name) const {
  for (const StorageClass& sc : storage_classes)
    if (name.empty() ? sc.is_default : sc.meta.ref.name == name) return &sc;
  return nullptr;
}

const Workload* Model::find_workload(std::string_view kind, const std::string& ns, const std::string& name) const {
  if (const Index* ix = current_index()) return ix->find_workload(kind, ns, name);
  for (const Workload& w : workloads)
    if (to_string(w.kind) == kind && w.meta.ref.ns == ns && w.meta.ref.name == name) return &w;
  return nullptr;
}

bool service_selects(const Service& s, const Workload& w) {
  if (!s.selector || s.selector->empty() || s.meta.ref.ns != w.meta.ref.ns) return false;
  return selects_pods_of(LabelSelector{*s.selector, {}}, w);
}

}  // namespace faultline::model
