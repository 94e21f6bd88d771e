// webhook-spof: one finding per configuration and backend Service, listing each webhook with what
// it intercepts, in words (rules, namespaceSelector, objectSelector, cluster-scoped resources).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "analyze_yaml.hpp"

using namespace faultline;

TEST_CASE("webhook-spof: webhooks sharing a backend give one finding that lists them with their scope") {
  std::ifstream in(std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/rules/webhook-spof/fail-three-webhooks-one-backend.yaml");
  std::stringstream text;
  text << in.rdbuf();
  const auto a = test::analyze_yaml(text.str());
  const auto found = test::findings_of(*a, "webhook-spof");
  REQUIRE(found.size() == 1);
  const auto& f = found[0];
  CHECK(f.subject == "Service/gatekeeper-system/gatekeeper-webhook-service");
  CHECK(f.message.find("3 webhooks (validation.gatekeeper.sh, check-ignore-label.gatekeeper.sh, nodes.gatekeeper.sh) have "
                       "failurePolicy Fail") != std::string::npos);
  std::string evidence;
  for (const auto& line : f.evidence) evidence += line + "\n";
  CHECK(evidence.find("webhook validation.gatekeeper.sh: CREATE,UPDATE pods, deployments in namespaces matching "
                      "admission.gatekeeper.sh/ignore DoesNotExist for objects labelled policy=enforced\n") != std::string::npos);
  CHECK(evidence.find("webhook check-ignore-label.gatekeeper.sh: CREATE,UPDATE namespaces (cluster-scoped)\n") != std::string::npos);
  CHECK(evidence.find("webhook nodes.gatekeeper.sh: UPDATE nodes (cluster-scoped)\n") != std::string::npos);
}

TEST_CASE("webhook-spof: a webhook whose Service is not in the input gets a diagnostic naming it, with the -n hint") {
  const std::string hook =
      "apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata: {name: inject}\n"
      "webhooks:\n  - name: inject.example.com\n    clientConfig: {service: {namespace: mesh, name: injector}}\n"
      "    sideEffects: None\n    admissionReviewVersions: [v1]\n";
  auto message_of = [](const Analysis& a) {
    for (const auto& d : a.diagnostics)
      if (d.message.find("not in the input") != std::string::npos) return d.message;
    return std::string{};
  };
  const auto alone = test::analyze_yaml(hook);
  CHECK(message_of(*alone) ==
        "MutatingWebhookConfiguration/inject webhook inject.example.com calls Service mesh/injector, which is not in the "
        "input: its backend cannot be checked");
  const auto unnamespaced = test::analyze_yaml(
      hook + "---\napiVersion: v1\nkind: Service\nmetadata: {name: injector}\nspec: {selector: {app: i}, ports: [{port: 443}]}\n");
  CHECK(message_of(*unnamespaced).find("(a Service injector is in namespace default: pass -n mesh") != std::string::npos);
}

TEST_CASE("webhook-spof: each finding points at the line of its first webhook entry, not at the configuration") {
  const std::string yaml =
      "apiVersion: admissionregistration.k8s.io/v1\n"        // 1
      "kind: ValidatingWebhookConfiguration\n"                // 2
      "metadata: {name: policy}\n"                            // 3
      "webhooks:\n"                                           // 4
      "  - name: first.example.com\n"                         // 5
      "    clientConfig: {service: {namespace: p, name: a}}\n"  // 6
      "    sideEffects: None\n"                               // 7
      "    admissionReviewVersions: [v1]\n"                   // 8
      "  - name: second.example.com\n"                        // 9
      "    clientConfig: {service: {namespace: p, name: b}}\n"  // 10
      "    sideEffects: None\n"
      "    admissionReviewVersions: [v1]\n"
      "---\napiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: p}\nspec: {selector: {app: a}, ports: [{port: 443}]}\n"
      "---\napiVersion: v1\nkind: Service\nmetadata: {name: b, namespace: p}\nspec: {selector: {app: b}, ports: [{port: 443}]}\n";
  const auto a = test::analyze_yaml(yaml);
  const auto found = test::findings_of(*a, "webhook-spof");
  REQUIRE(found.size() == 2);
  for (const auto& f : found) {
    CHECK(f.where.file.ends_with("input.yaml"));
    CHECK(f.where.line == (f.subject == "Service/p/a" ? 5 : 9));
  }
}
