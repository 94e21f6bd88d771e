// Pod requests the way the scheduler's resource helper computes them (PodRequests).
#include "faultline/capacity/requests.hpp"

#include <algorithm>

#include "faultline/model/quantity.hpp"

namespace faultline::capacity {
namespace {

ResourceList container_requests(const model::Container& c) {
  ResourceList out = c.limits;  // a limit without a request defaults the request
  for (const auto& [name, amount] : c.requests) out[name] = amount;
  return out;
}

void add(ResourceList& into, const ResourceList& more) {
  for (const auto& [name, amount] : more) into[name] += amount;
}

void max_into(ResourceList& into, const ResourceList& other) {
  for (const auto& [name, amount] : other) into[name] = std::max(into[name], amount);
}

}  // namespace

PodRequests pod_requests(const model::PodTemplate& pod) {
  PodRequests out;
  ResourceList sidecars, init_peak;
  for (const auto& c : pod.containers) {
    if (!c.requests.empty() || !c.limits.empty()) out.known = true;
    ResourceList own = container_requests(c);
    if (!c.init) {
      add(out.amounts, own);
    } else if (c.restart_policy == "Always") {
      add(sidecars, own);
      max_into(init_peak, sidecars);
    } else {
      add(own, sidecars);  // an init container runs beside the sidecars started before it
      max_into(init_peak, own);
    }
  }
  add(out.amounts, sidecars);
  max_into(out.amounts, init_peak);
  add(out.amounts, pod.overhead);
  auto amounts = out.amounts.extract_sequence();
  amounts.erase(std::remove_if(amounts.begin(), amounts.end(), [](const auto& kv) { return kv.second == 0; }), amounts.end());
  out.amounts.adopt_sequence(boost::container::ordered_unique_range, std::move(amounts));
  return out;
}

std::string describe(const ResourceList& list) {
  std::string text;
  for (const auto& [name, amount] : list) text += (text.empty() ? "" : ", ") + name + " " + model::format_quantity(name, amount);
  return text.empty() ? "no requests" : text;
}

}  // namespace faultline::capacity
