// Objects built on parser threads (prepare_object, add_prepared) must give the model exactly what
// add_document gives: the same lists, counts and diagnostics.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "faultline/load/loader.hpp"
#include "faultline/model/builder.hpp"

using namespace faultline;
using namespace faultline::model;

namespace {

const std::string kMixed =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: many\n"
    "  template:\n    metadata:\n      labels: {app: web}\n---\n"
    "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n---\n"
    "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: aGk=}\n---\n"
    "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n---\n"
    "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec:\n  minAvailable: 150%\n---\n"
    "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n";

struct Built {
  Model model;
  Diagnostics diags;
};

Built directly() {
  Built b;
  load::load_text(kMixed, "m.yaml", [&](load::Document&& doc) { add_document(doc, {}, b.model, b.diags); }, b.diags);
  return b;
}

Built prepared(unsigned jobs) {
  Built b;
  load::Limits limits;
  limits.jobs = jobs;
  const BuildOptions options;
  load::load_text(
      kMixed, "m.yaml",
      [&](load::Document&& doc) {
        auto* p = std::any_cast<PreparedObject>(&doc.prepared);
        REQUIRE(p != nullptr);
        CHECK(p->ref.name == identity_of(doc, options).name);
        add_prepared(std::move(*p), b.model, b.diags);
      },
      b.diags, limits, [&](load::Document& doc) { doc.prepared = prepare_object(doc, options); });
  return b;
}

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(d.where.file + ":" + std::to_string(d.where.line) + " " + d.message);
  return out;
}

}  // namespace

TEST_CASE("prepared objects: the same model, counts and diagnostics as add_document, for any --jobs") {
  const Built want = directly();
  REQUIRE(want.model.workloads.size() == 1);
  REQUIRE(want.model.raw.size() == 2);  // the Secret by name, the Widget whole
  REQUIRE(!want.diags.empty());         // replicas "many" and 150% are reported
  for (const unsigned jobs : {1u, 2u, 4u}) {
    CAPTURE(jobs);
    const Built got = prepared(jobs);
    CHECK(messages(got.diags) == messages(want.diags));
    CHECK(got.model.stats.objects == want.model.stats.objects);
    CHECK(got.model.stats.skipped == want.model.stats.skipped);
    CHECK(got.model.workloads.size() == 1);
    CHECK(got.model.workloads[0].meta.ref.name == "web");
    CHECK(got.model.workloads[0].pod.labels == want.model.workloads[0].pod.labels);
    CHECK(got.model.services.size() == 1);
    CHECK(got.model.pdbs.size() == 1);
    CHECK(got.model.nodes.size() == 1);
    REQUIRE(got.model.raw.size() == 2);
    CHECK(got.model.raw[0].meta.ref.kind == "Secret");
    CHECK(got.model.raw[1].body["spec"]["size"].as<int>() == 3);
  }
}

TEST_CASE("prepared objects: a document that gives no object adds nothing but its diagnostics") {
  PreparedObject empty;
  empty.diags.push_back({Severity::error, {"x.yaml", 3, 0, {}}, "cannot be read"});
  Model m;
  Diagnostics diags;
  CHECK_FALSE(add_prepared(std::move(empty), m, diags));
  CHECK(diags.size() == 1);
  CHECK(m.workloads.empty());
  CHECK(m.stats.objects == 0);
}
