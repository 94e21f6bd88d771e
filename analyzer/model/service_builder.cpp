// Services and the admission webhooks that call them.
#include <fmt/format.h>

#include "builders.hpp"
#include "readers.hpp"

namespace faultline::model {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

Webhook read_webhook(const std::string& default_policy, const load::Node& item, const std::string& p, FieldReader& r) {
  Webhook hook;
  hook.name = r.str_or(item, "name", p);
  hook.line = r.line_of(item);
  hook.failure_policy = r.str_or(item, "failurePolicy", p, default_policy);
  if (hook.failure_policy != "Fail" && hook.failure_policy != "Ignore")
    r.error(item, p + ".failurePolicy", fmt::format("unknown value \"{}\" (expected Fail or Ignore)", hook.failure_policy));
  const load::Node client = r.map(item, "clientConfig", p);
  hook.url = r.str_or(client, "url", p + ".clientConfig");
  if (const load::Node svc = r.map(client, "service", p + ".clientConfig")) {
    hook.service_namespace = r.str_or(svc, "namespace", p + ".clientConfig.service");
    hook.service_name = r.str_or(svc, "name", p + ".clientConfig.service");
  }
  hook.namespace_selector = read_label_selector(r, item, "namespaceSelector", p);
  hook.object_selector = read_label_selector(r, item, "objectSelector", p);
  r.for_each(item, "rules", p, [&](const load::Node& rule, const std::string& rp) {
    hook.rules.push_back(join(r.string_list(rule, "operations", rp)) + " " + join(r.string_list(rule, "resources", rp)));
  });
  return hook;
}

}  // namespace

void build_service(const load::Node& root, FieldReader& r, Model& model) {
  Service svc;
  svc.meta = r.meta();
  const load::Node spec = r.map(root, "spec", "");
  if (FieldReader::child(spec, "selector")) svc.selector = r.string_map(spec, "selector", "spec");
  svc.type = r.str_or(spec, "type", "spec", "ClusterIP");
  svc.external_name = r.str_or(spec, "externalName", "spec");
  svc.headless = r.str_or(spec, "clusterIP", "spec") == "None";
  r.for_each(spec, "ports", "spec", [&](const load::Node& port, const std::string& p) {
    if (const auto n = r.integer(port, "port", p, 1, 65535)) svc.ports.push_back(static_cast<int>(*n));
    // targetPort is an int or a string; only a string names a container port.
    const load::Node target = FieldReader::child(port, "targetPort");
    if (target && target.IsScalar() && !parse_integer(target.Scalar())) svc.target_port_names.emplace_back(target.Scalar());
  });
  model.services.push_back(std::move(svc));
}

void build_webhooks(bool mutating, const load::Node& root, FieldReader& r, Model& model) {
  WebhookConfiguration config;
  config.meta = r.meta();
  config.mutating = mutating;
  // admissionregistration v1beta1 defaulted failurePolicy to Ignore; v1 defaults to Fail.
  const std::string default_policy = config.meta.ref.api_version.ends_with("/v1beta1") ? "Ignore" : "Fail";
  r.for_each(root, "webhooks", "", [&](const load::Node& item, const std::string& p) {
    config.webhooks.push_back(read_webhook(default_policy, item, p, r));
  });
  model.webhooks.push_back(std::move(config));
}

}  // namespace faultline::model
