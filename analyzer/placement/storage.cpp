// Storage topology (k8s-semantics §7): a bound PersistentVolume's node affinity and zone labels
// restrict where its pod may run; StorageClass allowedTopologies restrict where volumes are
// provisioned; Immediate binding provisions a StatefulSet's volumes before its pods are placed.
#include <fmt/format.h>

#include "steps.hpp"

namespace faultline::placement::detail {

namespace {

/// The single value `terms` pin `key` to ("zone-a" for one term `zone In (zone-a)`), if any.
std::optional<std::string> single_value(const std::vector<model::NodeSelectorTerm>& terms, const std::string& key) {
  if (terms.size() != 1) return std::nullopt;
  for (const auto& r : terms.front().match_expressions)
    if (inventory::canonical_key(r.key) == key && r.op == "In" && r.values.size() == 1) return r.values.front();
  if (key == inventory::kHostname)
    for (const auto& r : terms.front().match_fields)
      if (r.key == "metadata.name" && r.op == "In" && r.values.size() == 1) return r.values.front();
  return std::nullopt;
}

const model::Pv* bound_pv(const model::Model& model, const std::string& ns, const std::string& claim, const model::Pvc* pvc) {
  if (pvc && !pvc->spec.volume_name.empty()) return model.find_pv(pvc->spec.volume_name);
  for (const model::Pv& pv : model.pvs)
    if (pv.claim_namespace == ns && pv.claim_name == claim) return &pv;
  return nullptr;
}

/// Where a bound PV pins its pod, if to one node or one zone.
std::optional<Pin> pv_pin(const model::Pv& pv) {
  const std::string name = pv.meta.ref.name;
  if (auto node = single_value(pv.node_affinity, inventory::kHostname))
    return Pin{name, inventory::kHostname, *node, fmt::format("PersistentVolume {} has node affinity to node {}", name, *node)};
  if (auto zone = single_value(pv.node_affinity, inventory::kZone))
    return Pin{name, inventory::kZone, *zone, fmt::format("PersistentVolume {} has node affinity to zone {}", name, *zone)};
  for (const char* key : {inventory::kZone, inventory::kDeprecatedZone})
    if (const auto it = pv.meta.labels.find(key); it != pv.meta.labels.end())
      return Pin{name, inventory::kZone, it->second, fmt::format("PersistentVolume {} is labelled with zone {}", name, it->second)};
  if (pv.local) return Pin{name, inventory::kHostname, "", fmt::format("PersistentVolume {} is a local volume", name)};
  return std::nullopt;
}

/// The PV's node affinity (or zone label) as a node filter.
void add_pv_filter(const model::Pv& pv, const std::optional<Pin>& pin, Storage& out) {
  if (!pv.node_affinity.empty()) {
    out.filters.push_back({"PersistentVolume " + pv.meta.ref.name + " node affinity", pv.node_affinity});
  } else if (pin && pin->key == inventory::kZone) {
    model::NodeSelectorTerm term;
    term.match_expressions.push_back({inventory::kZone, "In", {pin->domain}});
    out.filters.push_back({"PersistentVolume " + pv.meta.ref.name + " zone label", {term}});
  }
}

const model::StorageClass* class_of(const model::Model& model, const model::ClaimSpec& spec) {
  if (spec.storage_class && spec.storage_class->empty()) return nullptr;  // "" = no class, static volumes only
  return model.find_storage_class(spec.storage_class.value_or(""));
}

void add_class_filter(const model::StorageClass* sc, const std::string& claim, Storage& out) {
  if (!sc || sc->allowed_topologies.empty()) return;
  out.filters.push_back({"StorageClass " + sc->meta.ref.name + " allowedTopologies", sc->allowed_topologies});
  if (auto zone = single_value(sc->allowed_topologies, inventory::kZone))
    out.pins.push_back({claim, inventory::kZone, *zone,
                        fmt::format("StorageClass {} provisions volumes only in zone {}", sc->meta.ref.name, *zone)});
}

void claim_of_workload(const model::Model& model, const model::Workload& w, const std::string& claim, Storage& out) {
  const std::string& ns = w.meta.ref.ns;
  const model::Pvc* pvc = model.find_pvc(ns, claim);
  if (const model::Pv* pv = bound_pv(model, ns, claim, pvc)) {
    const auto pin = pv_pin(*pv);
    add_pv_filter(*pv, pin, out);
    if (pin) out.pins.push_back(*pin);
  } else if (pvc) {
    add_class_filter(class_of(model, pvc->spec), claim, out);
  }
}

int zones_in(const inventory::Inventory& inv) { return static_cast<int>(inv.domains(inventory::kZone).size()); }

void claim_template(const model::Model& model, const model::Workload& w, const model::ClaimSpec& tmpl, int replicas,
                    const inventory::Inventory& inv, Storage& out) {
  const model::StorageClass* sc = class_of(model, tmpl);
  add_class_filter(sc, tmpl.name, out);
  bool any_bound = false;
  for (int i = 0; i < replicas; ++i) {
    const std::string claim = fmt::format("{}-{}-{}", tmpl.name, w.meta.ref.name, i);
    const model::Pv* pv = bound_pv(model, w.meta.ref.ns, claim, model.find_pvc(w.meta.ref.ns, claim));
    if (!pv) continue;
    any_bound = true;
    if (auto pin = pv_pin(*pv)) {
      pin->volume = claim;
      out.replica_pins.push_back(*pin);
      out.pins.push_back(*pin);
    }
  }
  const bool one_zone_class = sc && single_value(sc->allowed_topologies, inventory::kZone);
  if (any_bound || !sc || sc->volume_binding_mode != "Immediate" || one_zone_class || zones_in(inv) < 2) return;
  out.zone_collocation = fmt::format(
      "StorageClass {} binds volumes Immediately: each replica's volume is provisioned before its pod is scheduled, "
      "so every volume, and with it every replica, may end up in one zone", sc->meta.ref.name);
  out.pins.push_back({tmpl.name, inventory::kZone, "", out.zone_collocation});
}

}  // namespace

Storage storage_of(const model::Model& model, const model::Workload& w, int replicas, const inventory::Inventory& inv) {
  Storage out;
  for (const auto& v : w.pod.detail->volumes)
    if (v.type == "persistentVolumeClaim" && !v.claim_name.empty()) claim_of_workload(model, w, v.claim_name, out);
  for (const auto& tmpl : w.detail->volume_claim_templates) claim_template(model, w, tmpl, replicas, inv, out);
  return out;
}

}  // namespace faultline::placement::detail
