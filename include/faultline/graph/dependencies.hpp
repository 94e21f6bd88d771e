#pragma once
/// Which Services a workload calls: DNS names in env, args, command and referenced ConfigMaps,
/// the faultline.io/depends-on annotation, and edges declared by policy packs.
#include <string>
#include <string_view>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/graph/declared.hpp"
#include "faultline/model/model.hpp"

namespace faultline::graph {

/// A Service name as written in text, resolved the way a pod's resolv.conf would.
struct ServiceName {
  std::string ns;  ///< the pod's namespace for a bare short name
  std::string name;
  auto operator<=>(const ServiceName&) const = default;
};

/// Host names that may denote Services in `text`, read as URLs, host:port pairs, key=value
/// settings and plain words. Tokens break only at URL and host boundaries, so a word that merely
/// contains a Service name ("postgres-password") yields that whole word, never the Service.
/// Forms: svc, svc.ns, svc.ns.svc, svc.ns.svc.<cluster domain>, <pod>.svc.ns.svc.<cluster domain>.
/// A bare word without scheme, port or dot counts only when `context` (the env var or ConfigMap
/// key), its own flag name or a key earlier on its line hints at a host (HOST, ADDR, URL, ...):
/// POSTGRES_USER=keycloak names a user, not the Service keycloak.
std::vector<ServiceName> service_names_in(std::string_view text, const std::string& pod_namespace,
                                          std::string_view context = {});

/// One dependency of a workload: on a Service, or on a workload directly (declared edges).
struct Dependency {
  const model::Service* service = nullptr;
  const model::Workload* workload = nullptr;
  std::string evidence;  ///< "env DB_HOST", "ConfigMap app/settings key url (envFrom)", "annotation ...", "pack file:line"
};

/// Every dependency of `w` found in the model, in a deterministic order, one entry per evidence.
/// References to unknown Services in the depends-on annotation become warnings in `diags`.
std::vector<Dependency> dependencies_of(const model::Model& model, const model::Workload& w,
                                        const Declarations& declarations, Diagnostics& diags);

}  // namespace faultline::graph
