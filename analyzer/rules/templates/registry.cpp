// Every template, in one explicit list sorted by id. Adding one: declare its factory in
// templates.hpp, add it here, and write analyzer/rules/templates/<id_with_underscores>.cpp.
#include <algorithm>

#include "rollout_templates.hpp"
#include "templates.hpp"

namespace faultline::rules {

const std::vector<Template>& all_templates() {
  static const std::vector<Template> list = {
      templates::capacity_after_loss(),
      templates::cluster_size_replicas(),
      templates::dependency_cycle(),
      templates::depends_on_spof(),
      templates::hard_spread(),
      templates::helm_key_replicas(),
      templates::hpa_bounds(),
      templates::max_declared_replicas(),
      templates::min_replicas(),
      templates::no_eligible_node(),
      templates::node_condition(),
      templates::observed_colocation(),
      templates::observed_images(),
      templates::observed_ready(),
      templates::pdb_blocks_drain(),
      templates::pdb_missing(),
      templates::pdb_orphan(),
      templates::pdb_overlap(),
      templates::pending_replicas(),
      templates::quorum_at_risk(),
      templates::readiness_probe(),
      templates::replicas_placeable(),
      templates::replication_factor(),
      templates::rollout_all_at_once(),
      templates::rollout_deadlock(),
      templates::service_no_backend(),
      templates::single_domain_cluster(),
      templates::storage_pinning(),
      templates::survives_domain_loss(),
      templates::system_nodes(),
      templates::webhook_spof(),
      templates::workload_present(),
  };
  return list;
}

const Template* find_template(const std::string& id) {
  const auto& list = all_templates();
  const auto it = std::find_if(list.begin(), list.end(), [&](const Template& t) { return t.id == id; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace faultline::rules
