// Offline review of what a customer sent (fixtures/golden/offline-review/input): `faultline check
// DIR` with no flag reads the dumps, the render, the runaiconfig and the concatenated-JSON nodes,
// uses those Nodes as the inventory, analyzes each repeated object once with a note, and the
// Markdown review written with --output carries the same notes.
#include <string>

#include <doctest/doctest.h>

#include "../rules/temp_dir.hpp"
#include "shell.hpp"

using faultline::hostile::slurp;
using faultline::test::contains;
using faultline::test::run_shell;
using faultline::test::sh_quote;

namespace {

const std::string kUpload = "fixtures/golden/offline-review/input";
const std::string kBinary = sh_quote(FAULTLINE_BINARY);

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("offline review: a customer's upload analyzed without any flag") {
    const auto r = run_shell(FAULTLINE_SOURCE_DIR, "NO_COLOR=1 " + kBinary + " check " + kUpload);
    INFO(r.out);
    CHECK(r.code == 1);    // findings at error: the Run:ai services and Prometheus run 1 replica
    CHECK(r.err.empty());  // nothing could not be read: the concatenated JSON nodes included
    // Every object read, the three Nodes of nodes.json among them: they are the inventory.
    CHECK(contains(r.out, "11 documents, 11 objects, 31 workloads, 0 skipped, 0 failed"));
    CHECK(contains(r.out, "Coverage (worst case"));
    CHECK(contains(r.out, "Deployment/runai/cluster-sync                   1         2               2/1/0 fails"));
    CHECK(contains(r.out, "usable nodes labelled node-role.kubernetes.io/runai-system: sys-1, sys-2"));
    CHECK(contains(r.out, "kubectl label nodes gpu-1 node-role.kubernetes.io/runai-system=true"));
    CHECK(contains(r.out, "error [runai-prometheus-replicas] StatefulSet/runai/prometheus-runai runs 1 replica"));
    // researcher-service: in the render (1 replica) and in two dumps (2 replicas): the last dump is analyzed.
    CHECK(contains(r.out, "Deployment/runai/researcher-service             2         2"));
    CHECK(contains(r.out, "Deployment/runai/researcher-service  " + kUpload + "/kubectl-get-deploy-runai.yaml:2\n"
                          "  also read at " + kUpload + "/helm-template-researcher.yaml:17 (template "
                          "researcher/templates/deployment.yaml), " + kUpload + "/kubectl-get-all-runai.yaml:7 "
                          "(one object, analyzed once)\n"));
    const std::string once = "warning [pdb-missing] Deployment/runai/researcher-service";
    CHECK(r.out.find(once) != std::string::npos);
    CHECK(r.out.find(once) == r.out.rfind(once));  // one finding, not one per copy
    CHECK(contains(r.out, kUpload + "/kubectl-get-deploy-runai.yaml:2: warning: Deployment/runai/researcher-service was "
                                    "read 3 times, with different content (also at " + kUpload +
                              "/helm-template-researcher.yaml:17, " + kUpload +
                              "/kubectl-get-all-runai.yaml:7); analyzed once, as written here: the last copy in input order\n"));
    // cluster-sync's Service: a List item in one dump, a JSON file beside it; the same content.
    CHECK(contains(r.out, kUpload + "/kubectl-get-all-runai.yaml:60: info: Service/runai/cluster-sync was read 2 times, "
                                    "the same each time (also at " + kUpload + "/kubectl-get-svc-runai.json:1); analyzed once\n"));
    CHECK(contains(r.out, "; 2 objects read more than once, analyzed once\n"));
  }

  TEST_CASE("offline review: --format markdown --output review.md is the review to send back") {
    faultline::test::TempDir dir;
    const auto review = dir.path() / "review.md";
    const auto r = run_shell(FAULTLINE_SOURCE_DIR,
                             kBinary + " check --format markdown --output " + sh_quote(review.string()) + " " + kUpload);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    const std::string md = slurp(review);
    CHECK(md.starts_with("**faultline: fails**: 29 errors, 5 warnings, 0 infos in 31 workloads"));
    CHECK(contains(md, "### Coverage"));
    CHECK(contains(md, "`pdb-missing` on Deployment/runai/researcher-service at " + kUpload +
                           "/kubectl-get-deploy-runai.yaml:2 (also read at " + kUpload + "/helm-template-researcher.yaml:17"));
    CHECK(contains(md, "<details><summary>Input problems: 2 notes</summary>"));
    // The warning about copies that differ comes before the note about identical ones.
    const auto differ = md.find("warning: Deployment/runai/researcher-service was read 3 times, with different content");
    const auto same = md.find("info: Service/runai/cluster-sync was read 2 times, the same each time");
    REQUIRE(differ != std::string::npos);
    REQUIRE(same != std::string::npos);
    CHECK(differ < same);
    CHECK(contains(md, "2 objects read more than once and analyzed once.</sub>"));
  }
}
