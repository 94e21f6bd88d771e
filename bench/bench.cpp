// Benchmark harness: generates synthetic inputs, runs the pipeline, and prints each measurement
// in absolute seconds and as a ratio to a baseline measured in the same invocation, so numbers
// compare across machines. Not a test: nothing here asserts a time.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include <fmt/format.h>

#include "faultline/pipeline.hpp"
#include "capacity_bench.hpp"
#include "graph_bench.hpp"

namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// One namespace's worth of objects: a Deployment, its Service and (every other one) a PDB.
void append_app(std::string& out, int i) {
  const std::string ns = fmt::format("team-{}", i % 97);
  const int replicas = 1 + i % 4;
  out += fmt::format(R"(---
# Source: app-{0}/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{0}
  namespace: {1}
  labels: {{app: app-{0}, tier: web}}
spec:
  replicas: {2}
  selector:
    matchLabels: {{app: app-{0}}}
  template:
    metadata:
      labels: {{app: app-{0}, tier: web}}
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                labelSelector:
                  matchLabels: {{app: app-{0}}}
                topologyKey: kubernetes.io/hostname
      containers:
        - name: app
          image: registry.example/app-{0}:1.0
          env:
            - {{name: UPSTREAM, value: "http://app-{3}.{1}.svc:8080"}}
---
apiVersion: v1
kind: Service
metadata:
  name: app-{0}
  namespace: {1}
spec:
  selector: {{app: app-{0}}}
  ports: [{{port: 8080}}]
)",
                     i, ns, replicas, (i + 97) % 1000000);
  if (i % 2 == 0) {
    out += fmt::format(R"(---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: app-{0}
  namespace: {1}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {{app: app-{0}}}
)",
                       i, ns);
  }
}

/// Writes about `objects` objects (2.5 per app) to `path`; returns the byte count.
std::size_t write_input(const fs::path& path, int objects) {
  std::string text;
  const int apps = objects * 2 / 5;
  for (int i = 0; i < apps; ++i) append_app(text, i);
  std::ofstream(path, std::ios::binary) << text;
  return text.size();
}

/// The baseline: read the bytes and split them into documents at `---` lines, no parsing.
double read_and_split(const fs::path& path, std::size_t& documents) {
  const auto start = std::chrono::steady_clock::now();
  std::ifstream in(path, std::ios::binary);
  std::string line;
  documents = 0;
  while (std::getline(in, line)) documents += line.rfind("---", 0) == 0 ? 1 : 0;
  return seconds_since(start);
}

double analyze_file(const fs::path& path, std::size_t& findings) {
  faultline::AnalysisOptions options;
  options.paths = {path.string()};
  const auto start = std::chrono::steady_clock::now();
  const auto analysis = faultline::analyze(options);
  const double seconds = seconds_since(start);
  findings = analysis->findings.size();
  return seconds;
}

void pipeline_benchmark() {
  const fs::path dir = fs::temp_directory_path() / fmt::format("faultline-bench-{}", ::getpid());
  fs::create_directories(dir);
  const auto small = dir / "small.yaml", large = dir / "large.yaml";
  const std::size_t small_bytes = write_input(small, 10'000);
  const std::size_t large_bytes = write_input(large, 100'000);

  std::size_t documents = 0, findings = 0;
  const double baseline = read_and_split(large, documents);
  const double t_small = analyze_file(small, findings);
  const std::size_t small_findings = findings;
  const double t_large = analyze_file(large, findings);

  fmt::print("input: {} documents, {:.1f} MB (small input: {:.1f} MB)\n", documents, large_bytes / 1e6,
             small_bytes / 1e6);
  fmt::print("baseline  read + split into documents (100k objects)   {:8.3f} s\n", baseline);
  fmt::print("pipeline  load+model+rules, 10k objects, {:>6} findings {:8.3f} s\n", small_findings, t_small);
  fmt::print("pipeline  load+model+rules, 100k objects, {:>6} findings {:7.3f} s   {:6.1f} x baseline\n", findings,
             t_large, t_large / baseline);
  fmt::print("scaling   100k / 10k objects                             {:8.1f} x   (10 = linear)\n", t_large / t_small);
  fs::remove_all(dir);
}

}  // namespace

int main() {
  pipeline_benchmark();
  faultline::bench::graph_benchmark();
  faultline::bench::capacity_benchmark();
  return 0;
}
