// Pod requests from a template: containers summed, init containers as a maximum, sidecars
// alongside, limits standing in for missing requests, overhead added; none at all is unknown.
#include <doctest/doctest.h>

#include "faultline/capacity/requests.hpp"

namespace model = faultline::model;
using faultline::capacity::describe;
using faultline::capacity::pod_requests;

namespace {

model::Container container(model::ResourceAmounts requests, bool init = false, std::string restart = "") {
  model::Container c;
  c.name = "c";
  c.requests = std::move(requests);
  c.init = init;
  c.restart_policy = std::move(restart);
  return c;
}

}  // namespace

TEST_CASE("app containers are summed, per resource") {
  model::PodTemplate pod;
  pod.containers = {container({{"cpu", 500}, {"memory", 1 << 20}}), container({{"cpu", 250}, {"nvidia.com/gpu", 1}})};
  const auto r = pod_requests(pod);
  CHECK(r.known);
  CHECK(r.amounts.at("cpu") == 750);
  CHECK(r.amounts.at("memory") == 1 << 20);
  CHECK(r.amounts.at("nvidia.com/gpu") == 1);
  CHECK(describe(r.amounts) == "cpu 750m, memory 1Mi, nvidia.com/gpu 1");
}

TEST_CASE("an init container larger than the app counts as the maximum, not the sum") {
  model::PodTemplate pod;
  pod.containers = {container({{"cpu", 500}}), container({{"cpu", 2000}, {"memory", 100}}, true)};
  const auto r = pod_requests(pod);
  CHECK(r.amounts.at("cpu") == 2000);
  CHECK(r.amounts.at("memory") == 100);
}

TEST_CASE("sidecars (restartPolicy Always) run beside the app and beside later init containers") {
  model::PodTemplate pod;
  pod.containers = {container({{"cpu", 500}}), container({{"cpu", 100}}, true, "Always"), container({{"cpu", 1000}}, true)};
  // app 500 + sidecar 100 = 600; the later init container runs with the sidecar: 1100.
  CHECK(pod_requests(pod).amounts.at("cpu") == 1100);
  pod.containers[2].requests["cpu"] = 200;  // 200 + 100 < 600
  CHECK(pod_requests(pod).amounts.at("cpu") == 600);
}

TEST_CASE("a limit without a request stands in for it; overhead is added") {
  model::PodTemplate pod;
  auto c = container({{"cpu", 100}});
  c.limits = {{"cpu", 400}, {"memory", 1024}};
  pod.containers = {c};
  pod.overhead = {{"cpu", 50}};
  const auto r = pod_requests(pod);
  CHECK(r.amounts.at("cpu") == 150);
  CHECK(r.amounts.at("memory") == 1024);
}

TEST_CASE("no requests and no limits: capacity unknown") {
  model::PodTemplate pod;
  pod.containers = {container({})};
  pod.overhead = {{"cpu", 50}};
  const auto r = pod_requests(pod);
  CHECK_FALSE(r.known);
  CHECK(describe({}) == "no requests");
}
