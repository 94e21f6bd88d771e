// Proportions follow a mid-sized production cluster: per 20 workloads one Node (three zones);
// 80% Deployments (each with its ReplicaSet and Pods in a dump), 15% StatefulSets with a PVC per
// replica, a handful of DaemonSets with one Pod per Node; Services, PDBs, HPAs, ConfigMaps and
// Secrets with kilobytes of data; CRDs with large schemas, which are most of a render's bytes.
#include "manifest_generator.hpp"

#include <random>
#include <string>

#include <fmt/format.h>

namespace faultline::bench {
namespace {

constexpr int kZones = 3;
constexpr int kDaemonSets = 6;

class Writer {
 public:
  Writer(const GeneratorSpec& spec, std::ostream& out) : spec_(spec), out_(out), rng_(spec.seed) {}

  GeneratedInput run() {
    result_.nodes = spec_.workloads / 20 < kZones ? kZones : spec_.workloads / 20;
    for (int c = 0; c < 3 + spec_.workloads / 250; ++c) crd(c);
    if (!spec_.helm_render)
      for (int n = 0; n < result_.nodes; ++n) node(n);
    for (int w = 0; w < spec_.workloads; ++w) {
      if (w < kDaemonSets) daemon_set(w);
      else if (w % 20 < 3) stateful_set(w);
      else deployment(w);
    }
    out_.flush();
    return result_;
  }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return pick(1, 100) <= percent; }
  std::string ns(int w) const { return fmt::format("team-{}", w % 37); }
  std::string node_name(int n) const { return fmt::format("node-{:05}", n); }

  /// Hex digits from the generator: uids and payloads that do not compress into repetition.
  std::string noise(std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(n, '0');
    for (char& c : s) c = kDigits[pick(0, 15)];
    return s;
  }

  void emit(const std::string& source, const std::string& text) {
    std::string doc = "---\n";
    if (spec_.helm_render) doc += fmt::format("# Source: {}\n", source);
    doc += text;
    out_.write(doc.data(), static_cast<std::streamsize>(doc.size()));
    result_.bytes += doc.size();
    ++result_.documents;
  }

  /// metadata block shared by every object, with what a dump adds (uid, resourceVersion).
  std::string metadata(const std::string& name, const std::string& nspace, const std::string& app,
                       const std::string& owner_kind = {}, const std::string& owner = {}) {
    std::string m = "metadata:\n";
    if (!spec_.helm_render)
      m += fmt::format("  creationTimestamp: \"2026-11-{:02}T10:{:02}:00Z\"\n  generation: 1\n", pick(1, 28), pick(0, 59));
    m += fmt::format("  labels:\n    app.kubernetes.io/name: {}\n    app.kubernetes.io/part-of: shop\n", app);
    m += fmt::format("  name: {}\n", name);
    if (!nspace.empty()) m += fmt::format("  namespace: {}\n", nspace);
    if (!owner_kind.empty() && !spec_.helm_render)
      m += fmt::format("  ownerReferences:\n  - apiVersion: apps/v1\n    blockOwnerDeletion: true\n    controller: true\n"
                       "    kind: {}\n    name: {}\n    uid: {}\n",
                       owner_kind, owner, noise(32));
    if (!spec_.helm_render) m += fmt::format("  resourceVersion: \"{}\"\n  uid: {}\n", pick(1000, 9999999), noise(32));
    return m;
  }

  std::string pod_spec(const std::string& app, const std::string& indent, bool spread) {
    std::string s = fmt::format("{0}containers:\n{0}- env:\n{0}  - name: UPSTREAM\n{0}    value: http://{1}-up.svc:8080\n"
                                "{0}  image: registry.example/{1}:1.{2}\n{0}  name: main\n{0}  ports:\n{0}  - containerPort: 8080\n"
                                "{0}  resources:\n{0}    requests:\n{0}      cpu: 100m\n{0}      memory: 128Mi\n",
                                indent, app, pick(0, 40));
    if (spread)
      s += fmt::format("{0}topologySpreadConstraints:\n{0}- labelSelector:\n{0}    matchLabels:\n{0}      app.kubernetes.io/name: {1}\n"
                       "{0}  maxSkew: 1\n{0}  topologyKey: topology.kubernetes.io/zone\n{0}  whenUnsatisfiable: DoNotSchedule\n",
                       indent, app);
    return s;
  }

  void pod(const std::string& name, const std::string& nspace, const std::string& app, const std::string& owner_kind,
           const std::string& owner) {
    const int n = pick(0, result_.nodes - 1);
    emit("", fmt::format("apiVersion: v1\nkind: Pod\n{}spec:\n{}  nodeName: {}\nstatus:\n  conditions:\n  - status: \"True\"\n"
                         "    type: Ready\n  hostIP: 10.0.{}.{}\n  phase: Running\n  podIP: 10.1.{}.{}\n",
                         metadata(name, nspace, app, owner_kind, owner), pod_spec(app, "  ", false), node_name(n), n / 250,
                         n % 250, pick(0, 255), pick(0, 255)));
  }

  void node(int n) {
    std::string images;
    for (int i = 0; i < 8; ++i)
      images += fmt::format("  - names:\n    - registry.example/img-{}@sha256:{}\n    sizeBytes: {}\n", pick(0, 500), noise(64),
                            pick(1000000, 900000000));
    emit("", fmt::format("apiVersion: v1\nkind: Node\n{}spec:\n  podCIDR: 10.1.{}.0/24\nstatus:\n  allocatable:\n    cpu: \"16\"\n"
                         "    memory: 64Gi\n    pods: \"110\"\n  images:\n{}  nodeInfo:\n    architecture: amd64\n"
                         "    kubeletVersion: v1.29.4\n    operatingSystem: linux\n",
                         node_metadata(n), n % 256, images));
  }

  std::string node_metadata(int n) {
    return fmt::format("metadata:\n  labels:\n    kubernetes.io/hostname: {0}\n    kubernetes.io/os: linux\n"
                       "    topology.kubernetes.io/region: eu-1\n    topology.kubernetes.io/zone: eu-1{1}\n  name: {0}\n"
                       "  resourceVersion: \"{2}\"\n  uid: {3}\n",
                       node_name(n), static_cast<char>('a' + n % kZones), pick(1000, 9999999), noise(32));
  }

  void service(int w, const std::string& app, bool headless) {
    emit(fmt::format("{}/templates/service.yaml", app),
         fmt::format("apiVersion: v1\nkind: Service\n{}spec:\n{}  ports:\n  - port: 8080\n    targetPort: 8080\n  selector:\n"
                     "    app.kubernetes.io/name: {}\n",
                     metadata(app, ns(w), app), headless ? "  clusterIP: None\n" : "", app));
  }

  void deployment(int w) {
    const std::string app = fmt::format("app-{}", w);
    const int replicas = pick(1, 3);
    emit(fmt::format("{}/templates/deployment.yaml", app),
         fmt::format("apiVersion: apps/v1\nkind: Deployment\n{}spec:\n  replicas: {}\n  selector:\n    matchLabels:\n"
                     "      app.kubernetes.io/name: {}\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: {}\n"
                     "    spec:\n{}",
                     metadata(app, ns(w), app), replicas, app, app, pod_spec(app, "      ", chance(40))));
    if (!spec_.helm_render) {
      const std::string rs = fmt::format("{}-{}", app, noise(10));
      emit("", fmt::format("apiVersion: apps/v1\nkind: ReplicaSet\n{}spec:\n  replicas: {}\n  selector:\n    matchLabels:\n"
                           "      app.kubernetes.io/name: {}\n  template:\n    metadata:\n      labels:\n"
                           "        app.kubernetes.io/name: {}\n    spec:\n{}status:\n  readyReplicas: {}\n  replicas: {}\n",
                           metadata(rs, ns(w), app, "Deployment", app), replicas, app, app, pod_spec(app, "      ", false),
                           replicas, replicas));
      for (int r = 0; r < replicas; ++r) pod(fmt::format("{}-{}", rs, noise(5)), ns(w), app, "ReplicaSet", rs);
    }
    if (chance(80)) service(w, app, false);
    if (chance(50))
      emit(fmt::format("{}/templates/pdb.yaml", app),
           fmt::format("apiVersion: policy/v1\nkind: PodDisruptionBudget\n{}spec:\n  maxUnavailable: 1\n  selector:\n"
                       "    matchLabels:\n      app.kubernetes.io/name: {}\n",
                       metadata(app, ns(w), app), app));
    if (chance(20))
      emit(fmt::format("{}/templates/hpa.yaml", app),
           fmt::format("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n{}spec:\n  maxReplicas: 10\n  minReplicas: {}\n"
                       "  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: {}\n",
                       metadata(app, ns(w), app), pick(1, 3), app));
    if (chance(30)) config_map(w, app);
    if (chance(20)) secret(w, app);
  }

  void config_map(int w, const std::string& app) {
    std::string data;
    for (int k = 0, n = pick(2, 8); k < n; ++k)
      data += fmt::format("  setting-{}.properties: |\n    upstream=http://app-{}.{}.svc:8080\n    token={}\n", k,
                          pick(0, spec_.workloads), ns(w), noise(static_cast<std::size_t>(pick(64, 512))));
    emit(fmt::format("{}/templates/configmap.yaml", app),
         fmt::format("apiVersion: v1\ndata:\n{}kind: ConfigMap\n{}", data, metadata(app + "-config", ns(w), app)));
  }

  void secret(int w, const std::string& app) {
    emit(fmt::format("{}/templates/secret.yaml", app),
         fmt::format("apiVersion: v1\ndata:\n  tls.crt: {}\n  tls.key: {}\nkind: Secret\n{}type: kubernetes.io/tls\n",
                     noise(static_cast<std::size_t>(pick(1500, 3000))), noise(1700), metadata(app + "-tls", ns(w), app)));
  }

  void stateful_set(int w) {
    const std::string app = fmt::format("db-{}", w);
    const int replicas = pick(1, 2) * 2 + 1;
    emit(fmt::format("{}/templates/statefulset.yaml", app),
         fmt::format("apiVersion: apps/v1\nkind: StatefulSet\n{}spec:\n  replicas: {}\n  selector:\n    matchLabels:\n"
                     "      app.kubernetes.io/name: {}\n  serviceName: {}\n  template:\n    metadata:\n      labels:\n"
                     "        app.kubernetes.io/name: {}\n    spec:\n{}  volumeClaimTemplates:\n  - metadata:\n      name: data\n"
                     "    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 10Gi\n",
                     metadata(app, ns(w), app), replicas, app, app, app, pod_spec(app, "      ", true)));
    service(w, app, true);
    if (spec_.helm_render) return;
    for (int r = 0; r < replicas; ++r) {
      pod(fmt::format("{}-{}", app, r), ns(w), app, "StatefulSet", app);
      emit("", fmt::format("apiVersion: v1\nkind: PersistentVolumeClaim\n{}spec:\n  accessModes:\n  - ReadWriteOnce\n"
                           "  resources:\n    requests:\n      storage: 10Gi\n  storageClassName: standard\n"
                           "status:\n  phase: Bound\n",
                           metadata(fmt::format("data-{}-{}", app, r), ns(w), app)));
    }
  }

  void daemon_set(int w) {
    const std::string app = fmt::format("agent-{}", w);
    emit(fmt::format("{}/templates/daemonset.yaml", app),
         fmt::format("apiVersion: apps/v1\nkind: DaemonSet\n{}spec:\n  selector:\n    matchLabels:\n"
                     "      app.kubernetes.io/name: {}\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: {}\n"
                     "    spec:\n{}      tolerations:\n      - operator: Exists\n",
                     metadata(app, "kube-system", app), app, app, pod_spec(app, "      ", false)));
    if (spec_.helm_render) return;
    for (int n = 0; n < result_.nodes; ++n)
      pod(fmt::format("{}-{}", app, noise(5)), "kube-system", app, "DaemonSet", app);
  }

  /// An OpenAPI schema of nested properties, as operators ship them: tens of kilobytes each.
  void crd(int c) {
    std::string props;
    for (int p = 0, n = pick(150, 300); p < n; ++p)
      props += fmt::format("              field{}:\n                description: Setting {} of the resource; {} explains what"
                           " it controls and which values the operator accepts.\n                properties:\n"
                           "                  enabled:\n                    type: boolean\n                  value:\n"
                           "                    type: string\n                type: object\n",
                           p, p, noise(24));
    const std::string plural = fmt::format("widgets{}", c);
    emit(fmt::format("operator/crds/{}.yaml", plural),
         fmt::format("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n{}spec:\n  group: example.io\n"
                     "  names:\n    kind: Widget{}\n    plural: {}\n  scope: Namespaced\n  versions:\n  - name: v1\n"
                     "    schema:\n      openAPIV3Schema:\n        properties:\n          spec:\n            properties:\n{}"
                     "            type: object\n        type: object\n    served: true\n    storage: true\n",
                     metadata(plural + ".example.io", "", "operator"), c, plural, props));
  }

  const GeneratorSpec& spec_;
  std::ostream& out_;
  std::mt19937_64 rng_;
  GeneratedInput result_;
};

}  // namespace

GeneratedInput generate_manifests(const GeneratorSpec& spec, std::ostream& out) { return Writer(spec, out).run(); }

}  // namespace faultline::bench
