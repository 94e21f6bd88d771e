// Elastic Cloud on Kubernetes (elasticsearch.k8s.elastic.co/v1): an Elasticsearch's nodeSets as
// StatefulSets <name>-es-<nodeSet>, with ECK's default anti-affinity, master-eligible nodes as a
// quorum, the HTTP and transport Services and the default PodDisruptionBudget.
#include <algorithm>

#include <fmt/format.h>

#include "expanders.hpp"
#include "manifest.hpp"
#include "operator_manifest.hpp"

namespace faultline::expand::detail {

namespace {

constexpr const char* kClusterLabel = "elasticsearch.k8s.elastic.co/cluster-name";

/// node.roles as a flat key ("node.roles") or nested (node: {roles: ...}); absent means every
/// role, master included. The older node.master: false also removes it.
bool master_eligible(const YAML::Node& config) {
  if (!config || !config.IsMap()) return true;
  YAML::Node roles = config["node.roles"];
  if (!roles && config["node"] && config["node"].IsMap()) roles = config["node"]["roles"];
  if (roles && roles.IsSequence()) {
    return std::any_of(roles.begin(), roles.end(), [](const YAML::Node& n) { return n.IsScalar() && n.Scalar() == "master"; });
  }
  const YAML::Node legacy = config["node.master"];
  bool master = true;
  if (legacy && legacy.IsScalar() && YAML::convert<bool>::decode(legacy, master)) return master;
  return true;
}

}  // namespace

void expand_eck_elasticsearch(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const YAML::Node spec = r.map(r.body(), "spec", "spec");
  const YAML::Node sets = r.seq(spec, "nodeSets", "spec.nodeSets");
  const model::Labels cluster{{kClusterLabel, ref.name}};

  // Masters spread over several nodeSets form one quorum, which a per-workload majority cannot
  // express: the quorum mark is set only when a single nodeSet holds every master-eligible node.
  int master_sets = 0;
  for (const auto& set : sets) {
    if (set.IsMap() && master_eligible(set["config"]) && set["count"] && set["count"].as<std::string>() != "0") ++master_sets;
  }
  int i = 0;
  for (const auto& set : sets) {
    const std::string path = fmt::format("spec.nodeSets[{}]", i++);
    if (!set.IsMap()) {
      r.report(set, path + " must be a mapping; it is ignored");
      continue;
    }
    const std::string set_name = r.text(set, "name", path + ".name").value_or("default");
    const int count = r.count(set, "count", path + ".count").value_or(0);
    const std::string sts = fmt::format("{}-es-{}", ref.name, set_name);
    model::Labels labels = cluster;
    labels["elasticsearch.k8s.elastic.co/statefulset-name"] = sts;
    labels["common.k8s.elastic.co/type"] = "elasticsearch";
    YAML::Node m = workload_manifest(r, "StatefulSet", ref.ns, sts, labels,
                                     {{kClusterLabel, ref.name}, {"elasticsearch.k8s.elastic.co/statefulset-name", sts}});
    m["spec"]["replicas"] = count;
    m["spec"]["serviceName"] = sts;
    m["spec"]["podManagementPolicy"] = "Parallel";
    m["spec"]["updateStrategy"]["type"] = "OnDelete";  // ECK restarts nodes itself, one at a time
    YAML::Node pod = m["spec"]["template"]["spec"];
    const YAML::Node tmpl = r.map(set, "podTemplate", path + ".podTemplate");
    copy_scheduling(r, r.map(tmpl, "spec", path + ".podTemplate.spec"), path + ".podTemplate.spec", pod);
    // The default when podTemplate sets no affinity: prefer one Elasticsearch node per host.
    if (!pod["affinity"]) add_preferred_anti_affinity(pod, 100, "kubernetes.io/hostname", cluster);
    pod["containers"].push_back(ready_container("elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch"));
    bool claimed = false;
    for (const auto& vct : r.seq(set, "volumeClaimTemplates", path + ".volumeClaimTemplates")) {
      if (!vct.IsMap()) continue;
      m["spec"]["volumeClaimTemplates"].push_back(YAML::Clone(vct));
      claimed = true;
    }
    if (!claimed) add_claim(m, "elasticsearch-data", "");
    if (master_sets == 1 && master_eligible(set["config"]) && count > 0)
      mark_quorum(m, "Elasticsearch needs a majority of its master-eligible nodes to elect a master");
    out.push_back(implied(r, m, ref.display()));
  }
  out.push_back(service_of(r, ref.name + "-es-http", cluster, 9200));
  out.push_back(service_of(r, ref.name + "-es-transport", cluster, 9300, true));
  // spec.podDisruptionBudget: absent gives ECK's default (maxUnavailable 1); {} disables it.
  const YAML::Node pdb = r.body()["spec"] ? r.body()["spec"]["podDisruptionBudget"] : YAML::Node();
  if (!pdb) {
    out.push_back(pdb_of(r, ref.name + "-es-default", cluster, 1));
  } else if (pdb.IsMap() && pdb.size() > 0) {
    ImpliedObject o = pdb_of(r, ref.name + "-es-default", cluster, 1);
    if (const YAML::Node s = r.map(pdb, "spec", "spec.podDisruptionBudget.spec")) {
      o.doc.root["spec"] = YAML::Clone(s);
      if (!o.doc.root["spec"]["selector"]) o.doc.root["spec"]["selector"]["matchLabels"] = label_map_of(cluster);
    }
    out.push_back(std::move(o));
  }
}

}  // namespace faultline::expand::detail
