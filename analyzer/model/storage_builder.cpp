// Claims, volumes and classes: what pins pods to nodes or zones.
#include "builders.hpp"
#include "readers.hpp"

namespace faultline::model {

void build_pvc(const load::Node& root, FieldReader& r, Model& model) {
  Pvc pvc;
  pvc.meta = r.meta();
  pvc.spec = read_claim_spec(r, pvc.meta.ref.name, r.map(root, "spec", ""), "spec");
  model.pvcs.push_back(std::move(pvc));
}

void build_pv(const load::Node& root, FieldReader& r, Model& model) {
  Pv pv;
  pv.meta = r.meta();
  const load::Node spec = r.map(root, "spec", "");
  const load::Node affinity = r.map(spec, "nodeAffinity", "spec");
  pv.node_affinity = read_node_selector_terms(r, r.map(affinity, "required", "spec.nodeAffinity"), "nodeSelectorTerms",
                                              "spec.nodeAffinity.required");
  pv.storage_class = r.str_or(spec, "storageClassName", "spec");
  if (const load::Node claim = r.map(spec, "claimRef", "spec")) {
    pv.claim_namespace = r.str_or(claim, "namespace", "spec.claimRef");
    pv.claim_name = r.str_or(claim, "name", "spec.claimRef");
  }
  pv.local = static_cast<bool>(FieldReader::child(spec, "local")) || static_cast<bool>(FieldReader::child(spec, "hostPath"));
  model.pvs.push_back(std::move(pv));
}

void build_storage_class(const load::Node& root, FieldReader& r, Model& model) {
  StorageClass sc;
  sc.meta = r.meta();
  sc.provisioner = r.str_or(root, "provisioner", "");
  sc.volume_binding_mode = r.str_or(root, "volumeBindingMode", "", "Immediate");
  r.for_each(root, "allowedTopologies", "", [&](const load::Node& topo, const std::string& p) {
    NodeSelectorTerm term;
    r.for_each(topo, "matchLabelExpressions", p, [&](const load::Node& expr, const std::string& ep) {
      term.match_expressions.push_back(NodeSelectorRequirement{r.str_or(expr, "key", ep), "In", r.string_list(expr, "values", ep)});
    });
    sc.allowed_topologies.push_back(std::move(term));
  });
  for (const char* key : {"storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"}) {
    const auto it = sc.meta.annotations.find(key);
    if (it != sc.meta.annotations.end() && it->second == "true") sc.is_default = true;
  }
  model.storage_classes.push_back(std::move(sc));
}

}  // namespace faultline::model
