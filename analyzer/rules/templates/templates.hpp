#pragma once
// The factory of every template, one per file in this folder; registry.cpp lists them in order.
#include "faultline/rules/template.hpp"

namespace faultline::rules::templates {

Template dependency_cycle();
Template depends_on_spof();
Template hard_spread();
Template min_replicas();
Template pdb_blocks_drain();
Template pdb_missing();
Template pdb_orphan();
Template pdb_overlap();
Template quorum_at_risk();
Template service_no_backend();
Template webhook_spof();

}  // namespace faultline::rules::templates
