#pragma once
// A small Analysis built by hand, so report writers are tested without the other stages.
#include <memory>

#include "faultline/pipeline.hpp"

namespace faultline::test {

/// Two workloads, three findings (one suppressed), one diagnostic, an inventory of 3 nodes in 2 zones.
inline std::unique_ptr<Analysis> sample_analysis() {
  auto a = std::make_unique<Analysis>();
  auto& web = a->model.workloads.emplace_back();
  web.meta.ref = {"apps/v1", "Deployment", "shop", "web"};
  web.meta.where = {"deploy/web.yaml", 3, 0, "shop/templates/web.yaml"};
  web.replicas = 1;
  auto& db = a->model.workloads.emplace_back();
  db.kind = model::WorkloadKind::StatefulSet;
  db.meta.ref = {"apps/v1", "StatefulSet", "shop", "db"};
  db.meta.where = {"deploy/db.yaml", 1, 0, ""};
  db.meta.provenance.edit().expanded_from = "Postgres/shop/main";
  db.replicas = 3;

  rules::Finding single;
  single.rule = "single-replica";
  single.pack = "core";
  single.severity = Severity::error;
  single.object = web.meta.ref;
  single.where = web.meta.where;
  single.message = "Deployment web runs 1 replica: losing its pod takes it down.";
  single.remediation = "Set spec.replicas to 2 or more.";
  single.evidence = {"spec.replicas: 1"};
  single.blast_radius = {"Deployment/shop/api"};
  rules::Finding pdb = single;
  pdb.rule = "pdb-missing";
  pdb.severity = Severity::warning;
  pdb.object = db.meta.ref;
  pdb.where = db.meta.where;
  pdb.expanded_from = db.meta.provenance->expanded_from;
  pdb.message = "No PodDisruptionBudget selects the pods of \"db\"\tyet.";
  pdb.remediation = "Add a PodDisruptionBudget.";
  pdb.evidence = {};
  pdb.blast_radius = {};
  rules::Finding hidden = single;
  hidden.rule = "no-node-spread";
  hidden.severity = Severity::warning;
  hidden.suppressed = true;
  hidden.suppression = "annotation: accepted";
  a->findings = {single, pdb, hidden};

  a->diagnostics.push_back({Severity::error, {"deploy/bad.yaml", 7, 3, ""}, "could not parse: bad indentation"});

  for (const char* name : {"n1", "n2", "n3"}) {
    auto& node = a->model.nodes.emplace_back();
    node.meta.ref = {"v1", "Node", "", name};
  }
  for (const auto& node : a->model.nodes) a->inventory.nodes.push_back(&node);
  a->inventory.topology_keys = {"kubernetes.io/hostname", "topology.kubernetes.io/zone", "topology.kubernetes.io/region"};

  placement::WorkloadPlacement pw;
  pw.workload = &web;
  pw.replicas = 1;
  pw.eligible_nodes = 3;
  pw.levels = {{"kubernetes.io/hostname", 3, 1, 0, placement::Verdict::does_not_survive, std::vector<std::string>{"n1", "n2", "n3"}, "1 replica"},
               {"topology.kubernetes.io/zone", 2, 1, 0, placement::Verdict::does_not_survive, {}, ""},
               {"topology.kubernetes.io/region", 0, 1, 0, placement::Verdict::unknown, {}, ""}};
  a->placement.workloads.push_back(pw);
  pw.workload = &db;
  pw.replicas = 3;
  pw.levels = {{"kubernetes.io/hostname", 3, 1, 2, placement::Verdict::survives, {}, "required anti-affinity"},
               {"topology.kubernetes.io/zone", 2, 2, 1, placement::Verdict::survives, std::vector<std::string>{"a"}, ""},
               {"topology.kubernetes.io/region", 0, 3, 0, placement::Verdict::unknown, {}, ""}};
  a->placement.workloads.push_back(pw);

  a->summary = {4, 6, 2, 1, 1, 1, 1, 0, 1};
  a->input_error = true;
  return a;
}

}  // namespace faultline::test
