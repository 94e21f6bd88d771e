// Every manifest of the corpus (fixtures/corpus, copied with its licenses) loads without a parse
// diagnostic, with the counts its README gives.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>

#include "faultline/load/loader.hpp"
#include "faultline/model/builder.hpp"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(FAULTLINE_SOURCE_DIR) / "fixtures" / "corpus";

/// Loads one corpus folder into a model; the loader's own diagnostics must be empty.
model::Model load_folder(const std::string& folder) {
  model::Model m;
  Diagnostics diags;
  model::load_model({(kCorpus / folder).string()}, {}, m, diags);
  return m;
}

std::map<std::string, int> kinds(const model::Model& m) {
  std::map<std::string, int> out;
  for (const auto& w : m.workloads) ++out[w.meta.ref.kind];
  out["PodDisruptionBudget"] = static_cast<int>(m.pdbs.size());
  out["HorizontalPodAutoscaler"] = static_cast<int>(m.hpas.size());
  out["Node"] = static_cast<int>(m.nodes.size());
  out["Service"] = static_cast<int>(m.services.size());
  return out;
}

}  // namespace

TEST_SUITE("corpus") {
  TEST_CASE("corpus: the corpus is present in the repository") {
    REQUIRE_MESSAGE(fs::is_directory(kCorpus), "missing corpus at ", kCorpus.string());
  }

  TEST_CASE("corpus: every file loads without a parse diagnostic") {
    REQUIRE(fs::is_directory(kCorpus));
    std::size_t files = 0, objects = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".json")) continue;
      Diagnostics diags;
      const auto stats = load::load_inputs({entry.path().string()}, [](load::Document&&) {}, diags);
      ++files;
      objects += stats.objects;
      for (const auto& d : diags) CHECK_MESSAGE(d.severity != Severity::error, d.where.file, ":", d.where.line, ": ", d.message);
      CHECK(stats.failed == 0);
      CHECK(stats.documents == stats.objects + stats.failed);
    }
    CHECK(files > 200);
    CHECK(objects >= 843);  // the corpus README's total, before peer-fixtures
  }

  TEST_CASE("corpus: object counts match the corpus README") {
    const auto argo = load_folder("argo-cd");
    CHECK(argo.stats.objects == 240);
    CHECK(argo.stats.failed == 0);
    CHECK(argo.stats.documents == argo.stats.objects);
    CHECK(kinds(argo)["Deployment"] == 24);
    CHECK(kinds(argo)["StatefulSet"] == 6);
    CHECK(kinds(argo)["Service"] == 40);

    const auto dump = load_folder("troubleshoot-cluster-dump");
    CHECK(dump.stats.objects == 20);
    CHECK(kinds(dump)["Deployment"] == 10);
    CHECK(kinds(dump)["StatefulSet"] == 3);
    CHECK(kinds(dump)["Node"] == 7);

    const auto openshift = load_folder("openshift-insights-nodes");
    CHECK(openshift.nodes.size() == 6);

    const auto popeye = load_folder("popeye-testdata");
    CHECK(popeye.stats.objects == 19);
    CHECK(kinds(popeye)["Node"] == 5);
    CHECK(kinds(popeye)["PodDisruptionBudget"] == 5);
    CHECK(kinds(popeye)["DaemonSet"] == 3);

    const auto knative = load_folder("knative-serving");
    CHECK(knative.stats.objects == 72);
    CHECK(kinds(knative)["HorizontalPodAutoscaler"] == 2);

    const auto prom = load_folder("kube-prometheus");
    CHECK(prom.stats.objects == 88);
    std::size_t custom = 0;
    for (const auto& r : prom.raw)
      if (!r.body.IsNull()) ++custom;
    CHECK(custom == 13 + 8 + 1 + 1);  // ServiceMonitor, PrometheusRule, Alertmanager, Prometheus bodies kept
  }
}

TEST_SUITE("corpus") {
  TEST_CASE("corpus: real manifests give no field diagnostics of error severity") {
    for (const auto& entry : fs::directory_iterator(kCorpus)) {
      if (!entry.is_directory() || entry.path().filename() == "peer-fixtures") continue;
      model::Model m;
      Diagnostics diags;
      model::load_model({entry.path().string()}, {}, m, diags);
      for (const auto& d : diags) CHECK_MESSAGE(d.severity != Severity::error, d.where.file, ":", d.where.line, ": ", d.message);
    }
  }
}
