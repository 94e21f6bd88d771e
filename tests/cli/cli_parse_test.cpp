// In-process tests of the command line: parsing, help, default subcommand and exit codes,
// with the pipeline replaced by a hand-built Analysis.
#include <sstream>

#include <doctest/doctest.h>

#include "../../analyzer/cli/check_command.hpp"
#include "../report/sample_analysis.hpp"
#include "faultline/report/report.hpp"

using namespace faultline;

namespace {

struct Fake {
  std::ostringstream out, err;
  cli::Environment env{out, err, false, false, false, {}};
  AnalysisOptions seen;
  std::function<std::unique_ptr<Analysis>()> make = [] { return std::make_unique<Analysis>(); };

  Fake() {
    env.analyze = [this](const AnalysisOptions& options) {
      seen = options;
      return make();
    };
  }
  int run(const std::vector<std::string>& args) { return cli::run(args, env); }
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::unique_ptr<Analysis> with_finding(Severity severity) {
  auto a = std::make_unique<Analysis>();
  rules::Finding f;
  f.rule = "r";
  f.severity = severity;
  a->findings.push_back(f);
  return a;
}

}  // namespace

TEST_CASE("a path without a subcommand runs check") {
  Fake fake;
  CHECK(fake.run({"x.yaml", "--namespace", "shop", "--nodes", "n.yaml", "--topology-key", "rack"}) == 0);
  REQUIRE(fake.seen.paths.size() == 1);
  CHECK(fake.seen.paths[0] == "x.yaml");
  CHECK(fake.seen.default_namespace == "shop");
  CHECK(fake.seen.node_paths == std::vector<std::string>{"n.yaml"});
  CHECK(fake.seen.extra_topology_keys == std::vector<std::string>{"rack"});
}

TEST_CASE("'-' reads standard input, also beside files") {
  Fake fake;
  CHECK(fake.run({"check", "-"}) == 0);
  CHECK(fake.seen.paths == std::vector<std::string>{"-"});
  CHECK(fake.run({"check", "a.yaml", "-"}) == 0);
  CHECK(fake.seen.paths == std::vector<std::string>{"a.yaml", "-"});
}

TEST_CASE("no input on a terminal is a usage error with the help") {
  Fake fake;
  fake.env.stdin_is_terminal = true;
  CHECK(fake.run({}) == 2);
  CHECK(contains(fake.err.str(), "Subcommands:"));
  CHECK(fake.run({"check"}) == 2);
  CHECK(contains(fake.err.str(), "no input"));
}

TEST_CASE("exit codes follow --fail-on") {
  Fake fake;
  fake.make = [] { return with_finding(Severity::warning); };
  CHECK(fake.run({"x.yaml"}) == 0);
  CHECK(fake.run({"x.yaml", "--fail-on", "warning"}) == 1);
  CHECK(fake.run({"x.yaml", "--fail-on", "info"}) == 1);
  fake.make = [] { return with_finding(Severity::error); };
  CHECK(fake.run({"x.yaml"}) == 1);
  CHECK(fake.run({"x.yaml", "--fail-on", "never"}) == 0);
}

TEST_CASE("an input error exits 2 even with findings") {
  Fake fake;
  fake.make = [] {
    auto a = with_finding(Severity::error);
    a->input_error = true;
    return a;
  };
  CHECK(fake.run({"x.yaml"}) == 2);
  CHECK(fake.run({"x.yaml", "--fail-on", "never"}) == 2);
}

TEST_CASE("suppressed findings never fail the run") {
  Fake fake;
  fake.make = [] {
    auto a = with_finding(Severity::error);
    a->findings[0].suppressed = true;
    return a;
  };
  CHECK(fake.run({"x.yaml"}) == 0);
}

TEST_CASE("bad flags and values are usage errors") {
  Fake fake;
  CHECK(fake.run({"x.yaml", "--no-such-flag"}) == 2);
  CHECK(fake.run({"x.yaml", "--format", "yaml"}) == 2);
  CHECK(fake.run({"x.yaml", "--fail-on", "sometimes"}) == 2);
  CHECK(fake.run({"x.yaml", "--severity", "single-replica"}) == 2);
  CHECK(contains(fake.err.str(), "RULE=info|warning|error"));
  CHECK(fake.run({"x.yaml", "--severity", "single-replica=warning"}) == 0);
}

TEST_CASE("--help and check --help teach the command line") {
  Fake fake;
  CHECK(fake.run({"--help"}) == 0);
  const auto main_help = fake.out.str();
  CHECK(contains(main_help, "check"));
  CHECK(contains(main_help, "faultline check -"));
  fake.out.str("");
  CHECK(fake.run({"check", "--help"}) == 0);
  const auto help = fake.out.str();
  for (const char* flag : {"--format", "--output", "--fail-on", "--namespace", "--quiet", "--nodes", "--topology-key",
                           "--coverage", "--policy", "--pack", "--enable", "--disable", "--severity", "--config",
                           "--baseline", "--write-baseline", "--show-suppressed", "Examples:", "Exit codes:"}) {
    CHECK_MESSAGE(contains(help, flag), flag);
  }
}

TEST_CASE("--version prints the version") {
  Fake fake;
  CHECK(fake.run({"--version"}) == 0);
  CHECK(fake.out.str() == "faultline " FAULTLINE_VERSION "\n");
}

TEST_CASE("json format and colour choice") {
  Fake fake;
  fake.make = [] { return test::sample_analysis(); };
  fake.env.stdout_is_terminal = true;
  fake.run({"x.yaml"});
  CHECK(contains(fake.out.str(), "\x1b["));
  fake.out.str("");
  fake.env.no_color = true;
  fake.run({"x.yaml"});
  CHECK_FALSE(contains(fake.out.str(), "\x1b["));
  fake.out.str("");
  fake.run({"x.yaml", "--format", "json"});
  CHECK(fake.out.str().rfind("{\n  \"version\": 1,", 0) == 0);
}

TEST_CASE("coverage is on by default with an inventory, and can be switched") {
  Fake fake;
  fake.make = [] { return test::sample_analysis(); };  // has 3 nodes
  fake.run({"x.yaml"});
  CHECK(contains(fake.out.str(), "Coverage"));
  fake.out.str("");
  fake.run({"x.yaml", "--no-coverage"});
  CHECK_FALSE(contains(fake.out.str(), "Coverage"));
  fake.make = [] { return std::make_unique<Analysis>(); };
  fake.out.str("");
  fake.run({"x.yaml"});
  CHECK_FALSE(contains(fake.out.str(), "Coverage"));
  fake.out.str("");
  fake.run({"x.yaml", "--coverage"});
  CHECK(contains(fake.out.str(), "Coverage"));
}

TEST_CASE("a misspelt subcommand or flag gets a did-you-mean, not an analysis") {
  Fake fake;
  bool analyzed = false;
  fake.make = [&analyzed] {
    analyzed = true;
    return std::make_unique<Analysis>();
  };
  CHECK(fake.run({"chek", "x.yaml"}) == 2);
  CHECK(contains(fake.err.str(), "unknown command 'chek' (did you mean 'check'?)"));
  CHECK_FALSE(contains(fake.err.str(), "path does not exist"));
  fake.err.str("");
  CHECK(fake.run({"simualte", "--fail", "any-node"}) == 2);
  CHECK(contains(fake.err.str(), "did you mean 'simulate'?"));
  fake.err.str("");
  CHECK(fake.run({"check", "--fial-on", "warning", "x.yaml"}) == 2);
  CHECK(contains(fake.err.str(), "--fial-on (did you mean '--fail-on'?)"));
  fake.err.str("");
  CHECK(fake.run({"graph", "--nodse", "n.yaml", "x.yaml"}) == 2);
  CHECK(contains(fake.err.str(), "--nodse (did you mean '--nodes'?)"));
  CHECK_FALSE(analyzed);
  CHECK(fake.run({"x.yaml"}) == 0);  // a word far from every command is a path
  CHECK(analyzed);
}

TEST_CASE("faultline help [COMMAND] prints the help") {
  Fake fake;
  CHECK(fake.run({"help"}) == 0);
  CHECK(contains(fake.out.str(), "Subcommands:"));
  fake.out.str("");
  CHECK(fake.run({"help", "simulate"}) == 0);
  CHECK(contains(fake.out.str(), "--fail"));
}

TEST_CASE("check --help: no CLI11 artefacts; formats, exit codes, config file and annotations") {
  Fake fake;
  CHECK(fake.run({"check", "--help"}) == 0);
  const auto help = fake.out.str();
  CHECK_FALSE(contains(help, "{false}"));
  CHECK_FALSE(contains(help, ":{"));
  CHECK_FALSE(contains(help, ":POSITIVE"));
  CHECK_FALSE(contains(help, "=4294967296"));
  for (const auto& format : report::formats()) CHECK_MESSAGE(contains(help, "  " + format.name + ": "), format.name);
  for (const char* text : {"Exit codes:", ".faultline.yaml", "faultline.io/ignore", "faultline.io/depends-on",
                           "--color WHEN", "--exclude GLOB", "--context PATH"}) {
    CHECK_MESSAGE(contains(help, text), text);
  }
}

TEST_CASE("--color always colours even a file or a pipe; never wins over a terminal") {
  Fake fake;
  fake.make = [] { return test::sample_analysis(); };
  fake.run({"x.yaml", "--color", "always"});
  CHECK(contains(fake.out.str(), "\x1b["));
  fake.out.str("");
  fake.env.stdout_is_terminal = true;
  fake.run({"x.yaml", "--color", "never"});
  CHECK_FALSE(contains(fake.out.str(), "\x1b["));
  fake.out.str("");
  fake.env.no_color = true;  // NO_COLOR: auto means no colour
  fake.run({"x.yaml", "--color", "auto"});
  CHECK_FALSE(contains(fake.out.str(), "\x1b["));
  CHECK(fake.run({"x.yaml", "--color", "sometimes"}) == 2);
}
