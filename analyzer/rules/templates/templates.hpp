#pragma once
// The factory of every template, one per file in this folder; registry.cpp lists them in order.
#include "faultline/rules/template.hpp"

namespace faultline::rules::templates {

Template capacity_after_loss();
Template cluster_size_replicas();
Template dependency_cycle();
Template depends_on_spof();
Template hard_spread();
Template helm_key_replicas();
Template hpa_bounds();
Template max_declared_replicas();
Template min_replicas();
Template no_eligible_node();
Template node_condition();
Template observed_colocation();
Template observed_images();
Template observed_ready();
Template pdb_blocks_drain();
Template pdb_missing();
Template pdb_orphan();
Template pdb_overlap();
Template pending_replicas();
Template quorum_at_risk();
Template replicas_placeable();
Template replication_factor();
Template rollout_deadlock();
Template service_no_backend();
Template single_domain_cluster();
Template storage_pinning();
Template survives_domain_loss();
Template system_nodes();
Template webhook_spof();
Template workload_present();

}  // namespace faultline::rules::templates
