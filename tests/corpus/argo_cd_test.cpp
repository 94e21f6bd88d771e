// The Argo CD release manifests: which workloads single-replica names, non-HA against HA.
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "faultline/pipeline.hpp"

using namespace faultline;

namespace {

std::set<std::string> single_replica_names(const std::string& file) {
  AnalysisOptions options;
  options.paths = {std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/corpus/argo-cd/" + file};
  options.selection.packs = {"core"};
  const auto analysis = analyze(options);
  for (const auto& d : analysis->diagnostics) {
    INFO(d.where.file << ":" << d.where.line << ": " << d.message);
    CHECK(d.severity != Severity::error);
  }
  CHECK_FALSE(analysis->input_error);
  std::set<std::string> names;
  for (const auto& f : analysis->findings) {
    if (f.rule == "single-replica") names.insert(f.object.kind + "/" + f.object.name);
  }
  return names;
}

}  // namespace

TEST_SUITE("corpus") {
  TEST_CASE("argo-cd install.yaml: single-replica names all seven workloads") {
    CHECK(single_replica_names("install.yaml") == std::set<std::string>{
                                                      "StatefulSet/argocd-application-controller",
                                                      "Deployment/argocd-applicationset-controller",
                                                      "Deployment/argocd-dex-server",
                                                      "Deployment/argocd-notifications-controller",
                                                      "Deployment/argocd-redis",
                                                      "Deployment/argocd-repo-server",
                                                      "Deployment/argocd-server",
                                                  });
  }

  TEST_CASE("argo-cd ha-install.yaml: single-replica still names four, not server or repo-server") {
    CHECK(single_replica_names("ha-install.yaml") == std::set<std::string>{
                                                         "StatefulSet/argocd-application-controller",
                                                         "Deployment/argocd-applicationset-controller",
                                                         "Deployment/argocd-dex-server",
                                                         "Deployment/argocd-notifications-controller",
                                                     });
  }
}
