// Benchmark harness (`make bench`): generates seeded inputs at growing scales, runs the built
// `faultline` end to end as a process and, on the same file in the same run, the baselines
// `cat > /dev/null` (the I/O floor) and PyYAML's C loader; prints each row as soon as it is
// measured, then the growth from one scale to the next. Not a test: nothing here asserts a time.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "capacity_bench.hpp"
#include "graph_bench.hpp"
#include "manifest_generator.hpp"
#include "process_runner.hpp"

namespace fs = std::filesystem;
using namespace faultline::bench;

namespace {

struct Options {
  std::vector<int> scales{1000, 2000, 4000, 8000};  ///< workloads per generated dump
  bool one_gigabyte = false;
  bool graph = true;
  std::uint64_t seed = 1;
  double timeout = 300;
  int runs = 3;  ///< --runs: each program runs this many times, interleaved; the fastest run counts
  std::string faultline;
  std::string write_path;  ///< --write: only generate the first scale's dump there (for profilers)
};

constexpr int kOneGigabyteWorkloads = 184'000;  ///< about 1 GB of cluster dump

/// One measured input: the three programs side by side.
struct Row {
  std::string label;
  double mb = 0;
  std::uint64_t objects = 0;
  RunResult cat, pyyaml, faultline;
};

constexpr const char* kPyYamlLoad =
    "import sys, yaml\n"
    "for _ in yaml.load_all(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader): pass\n";

std::string outcome(const RunResult& r, double timeout) {
  if (r.timed_out) return fmt::format("killed after {:.0f} s", timeout);
  if (r.exit_code < 0) return "killed by a signal";
  if (r.exit_code == 2) return "exit 2 (input error)";
  return "";
}

void print_header() {
  fmt::print("{:<26} {:>8} {:>9} | {:>8} | {:>8} | {:>8} {:>7} {:>9} {:>8} {:>6} | {:>7} {:>6}\n", "input", "MB", "objects",
             "cat s", "PyYAML s", "fl s", "MB/s", "objects/s", "peak MiB", "×input", "÷PyYAML", "×cat");
  std::fflush(stdout);
}

void print_row(const Row& r, double timeout) {
  const double t = r.faultline.seconds;
  fmt::print("{:<26} {:>8.1f} {:>9} | {:>8.3f} | {:>8.3f} | {:>8.3f} {:>7.1f} {:>9.0f} {:>8.1f} {:>6.1f} | {:>6.1f}× {:>5.0f}× {}\n",
             r.label, r.mb, r.objects, r.cat.seconds, r.pyyaml.seconds, t, r.mb / t, static_cast<double>(r.objects) / t,
             r.faultline.peak_mib, r.faultline.peak_mib / (r.mb / 1.048576), r.pyyaml.seconds / t, t / r.cat.seconds,
             outcome(r.faultline, timeout));
  std::fflush(stdout);
}

/// The faster of two runs: on a shared machine noise only ever adds time. Its own peak memory.
RunResult faster(const RunResult& best, const RunResult& next, bool first) {
  return first || next.seconds < best.seconds ? next : best;
}

Row measure(const Options& o, std::string label, const fs::path& file, double mb, std::uint64_t objects, int runs) {
  Row r{std::move(label), mb, objects, {}, {}, {}};
  for (int i = 0; i < runs; ++i) {  // interleaved, so a slow spell of the machine hits all three alike
    r.cat = faster(r.cat, run_process({"cat", file.string()}, o.timeout), i == 0);
    r.pyyaml = faster(r.pyyaml, run_process({"python3", "-c", kPyYamlLoad, file.string()}, o.timeout), i == 0);
    r.faultline = faster(r.faultline, run_process({o.faultline, "check", "--fail-on", "never", file.string()}, o.timeout), i == 0);
  }
  print_row(r, o.timeout);
  return r;
}

std::uint64_t count_documents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::uint64_t n = 0;
  for (std::string line; std::getline(in, line);) n += line.rfind("---", 0) == 0 ? 1 : 0;
  return n;
}

void print_growth(const std::vector<Row>& rows) {
  if (rows.size() < 2) return;
  fmt::print("\ngrowth from one scale to the next (linear: time and memory grow like the input)\n");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const Row &a = rows[i - 1], &b = rows[i];
    fmt::print("  {} → {}: input ×{:.2f}, faultline time ×{:.2f}, peak memory ×{:.2f}; PyYAML time ×{:.2f}\n", a.label,
               b.label, b.mb / a.mb, b.faultline.seconds / a.faultline.seconds, b.faultline.peak_mib / a.faultline.peak_mib,
               b.pyyaml.seconds / a.pyyaml.seconds);
  }
  const Row &first = rows.front(), &last = rows.back();
  fmt::print("  {} → {}: input ×{:.2f}, faultline time ×{:.2f}, peak memory ×{:.2f}\n", first.label, last.label,
             last.mb / first.mb, last.faultline.seconds / first.faultline.seconds, last.faultline.peak_mib / first.faultline.peak_mib);
  std::fflush(stdout);
}

Row generated(const Options& o, const fs::path& dir, int workloads, bool helm) {
  const fs::path file = dir / fmt::format("{}-{}.yaml", helm ? "render" : "dump", workloads);
  GeneratedInput in;
  {
    std::ofstream out(file, std::ios::binary);
    in = generate_manifests(GeneratorSpec{workloads, o.seed, helm}, out);
  }
  // The 1 GB dump takes minutes a run: once is enough to see where it stands.
  const int runs = workloads > kOneGigabyteWorkloads / 2 ? 1 : o.runs;
  const Row r = measure(o, fmt::format("{} {} workloads", helm ? "helm render" : "cluster dump", workloads), file,
                        static_cast<double>(in.bytes) / 1e6, in.documents, runs);
  fs::remove(file);
  return r;
}

/// The pre-commit case: the real Argo CD render, a one-Deployment file, and start-up alone.
void pre_commit(const Options& o, const fs::path& dir, const fs::path& source_root) {
  const fs::path argo = source_root / "fixtures/corpus/argo-cd/ha-install.yaml";
  if (fs::exists(argo))
    measure(o, "argo-cd ha-install.yaml", argo, static_cast<double>(fs::file_size(argo)) / 1e6, count_documents(argo), o.runs);
  const fs::path one = dir / "one-deployment.yaml";
  std::ofstream(one) << "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n"
                        "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
                        "    spec: {containers: [{name: web, image: web:1}]}\n";
  RunResult version, check;
  for (int i = 0; i < o.runs; ++i) {
    version = faster(version, run_process({o.faultline, "--version"}, o.timeout), i == 0);
    check = faster(check, run_process({o.faultline, "check", "--fail-on", "never", one.string()}, o.timeout), i == 0);
  }
  fmt::print("one-Deployment check {:.3f} s, {:.1f} MiB; `faultline --version` {:.3f} s: ×{:.2f} of start-up\n\n", check.seconds,
             check.peak_mib, version.seconds, check.seconds / version.seconds);
  std::fflush(stdout);
}

std::vector<int> parse_scales(const std::string& list) {
  std::vector<int> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoi(item));
  return out;
}

std::optional<Options> parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--scales") o.scales = parse_scales(value());
    else if (a == "--1g") o.one_gigabyte = true;
    else if (a == "--no-graph") o.graph = false;
    else if (a == "--seed") o.seed = std::stoull(value());
    else if (a == "--timeout") o.timeout = std::stod(value());
    else if (a == "--runs") o.runs = std::max(1, std::stoi(value()));
    else if (a == "--faultline") o.faultline = value();
    else if (a == "--write") o.write_path = value();
    else {
      fmt::print(stderr, "usage: faultline_bench [--scales N,N,...] [--1g] [--runs N] [--seed N] [--timeout SECONDS] [--no-graph] "
                         "[--faultline PATH] [--write FILE]\n");
      return std::nullopt;
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = parse_args(argc, argv);
  if (!parsed) return 2;
  Options& o = *parsed;
  if (!o.write_path.empty()) {  // the same dump the benchmark measures, kept for perf or massif
    std::ofstream out(o.write_path, std::ios::binary);
    const GeneratedInput in = generate_manifests(GeneratorSpec{o.scales.empty() ? 1000 : o.scales.front(), o.seed, false}, out);
    fmt::print("wrote {}: {} bytes, {} documents\n", o.write_path, in.bytes, in.documents);
    return out ? 0 : 1;
  }
  const fs::path self_dir = fs::read_symlink("/proc/self/exe").parent_path();
  if (o.faultline.empty()) o.faultline = (self_dir / "faultline").string();
  if (o.one_gigabyte) o.scales.push_back(kOneGigabyteWorkloads);
  const fs::path dir = fs::temp_directory_path() / fmt::format("faultline-bench-{}", ::getpid());
  fs::create_directories(dir);

  fmt::print("faultline {} vs `cat > /dev/null` and PyYAML (python3-yaml) CSafeLoader, the fastest of {} interleaved runs "
             "each (one for the 1 GB dump); ÷PyYAML: how many times faultline is faster than PyYAML; ×cat: faultline's "
             "time in units of the I/O floor\n\n", o.faultline, o.runs);
  print_header();
  pre_commit(o, dir, fs::path(FAULTLINE_SOURCE_DIR));
  print_header();
  std::vector<Row> dumps;
  for (const int w : o.scales) dumps.push_back(generated(o, dir, w, false));
  if (!o.scales.empty()) generated(o, dir, o.scales.front(), true);
  print_growth(dumps);
  fs::remove_all(dir);
  if (o.graph) {
    fmt::print("\n");
    faultline::bench::graph_benchmark();
    fmt::print("\n");
    faultline::bench::capacity_benchmark();
  }
  return 0;
}
