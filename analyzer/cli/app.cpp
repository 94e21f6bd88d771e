// The subcommand table and the dispatcher: parse, pick the subcommand (check by default), run it.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>

#include "check_command.hpp"
#include "graph_command.hpp"
#include "simulate_command.hpp"
#include "command.hpp"
#include "help_formatter.hpp"
#include "explain_command.hpp"
#include "rules_command.hpp"
#include "faultline/rules/suggest.hpp"

namespace faultline::cli {
namespace {

constexpr const char* kDescription =
    "faultline finds the single points of failure in Kubernetes manifests (helm template output,\n"
    "kubectl get -o yaml dumps) before they ship, and the failure domains each workload survives.";

constexpr const char* kFooter = R"(Examples:
  faultline deploy/                          same as: faultline check deploy/
  helm template my-release ./chart | faultline check -
  faultline check --nodes nodes.yaml deploy/ with the cluster's nodes: coverage per node and zone
  faultline rules                            every rule, one line each
  faultline explain single-replica           one rule in full, with its fix

Run 'faultline check --help' for every option of the default command.
)";

bool is_subcommand(const std::string& arg) {
  const auto& table = subcommands();
  return std::any_of(table.begin(), table.end(), [&](const Subcommand& s) { return arg == s.name; });
}

std::vector<std::string> subcommand_names() {
  std::vector<std::string> names;
  for (const auto& s : subcommands()) names.emplace_back(s.name);
  return names;
}

/// `faultline help [COMMAND]` is `faultline [COMMAND] --help`.
std::vector<std::string> with_help_command(const std::vector<std::string>& args) {
  if (args.empty() || args.front() != "help") return args;
  if (args.size() > 1 && is_subcommand(args[1])) return {args[1], "--help"};
  return {"--help"};
}

/// A first word that is no subcommand, flag or existing path but close to a subcommand's name
/// (`faultline chek x.yaml`): a typo, not a file to analyze.
std::string mistyped_subcommand(const std::vector<std::string>& args) {
  if (args.empty() || is_subcommand(args.front()) || args.front().empty() || args.front()[0] == '-') return {};
  std::error_code ec;
  if (std::filesystem::exists(args.front(), ec)) return {};
  return rules::did_you_mean(args.front(), subcommand_names());
}

/// " (did you mean '--fail-on'?)" for each unknown long flag of the chosen subcommand.
std::string flag_suggestions(const CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty()) return {};
  const auto named = app.get_subcommands([&](const CLI::App* s) { return s->get_name() == args.front(); });
  if (named.empty()) return {};
  const CLI::App* sub = named.front();
  std::vector<std::string> known;
  for (const auto* option : sub->get_options())
    for (const auto& name : option->get_lnames()) known.push_back("--" + name);
  std::string out;
  for (const auto& arg : args) {
    if (arg.rfind("--", 0) != 0 || arg == "--") continue;
    const std::string flag = arg.substr(0, arg.find('='));
    if (std::find(known.begin(), known.end(), flag) != known.end()) continue;
    if (const auto hint = rules::did_you_mean(flag, known); !hint.empty()) out += "faultline: " + flag + hint + "\n";
  }
  return out;
}

/// `faultline x.yaml` means `faultline check x.yaml`; help and version stay the program's own.
std::vector<std::string> with_default_subcommand(const std::vector<std::string>& args) {
  static const std::vector<std::string> own = {"-h", "--help", "--version", "-V"};
  if (!args.empty() && (is_subcommand(args.front()) ||
                        std::find(own.begin(), own.end(), args.front()) != own.end())) {
    return args;
  }
  std::vector<std::string> out = {"check"};
  out.insert(out.end(), args.begin(), args.end());
  return out;
}

}  // namespace

// One row per subcommand. To add one, write <name>_command.{hpp,cpp} with an options struct,
// setup_<name>(CLI::App&, Options&) and run_<name>(const Options&, Environment&), include its
// header above, and add a row here with bind_command<...> (simulate and graph go here too).
const std::vector<Subcommand>& subcommands() {
  static const std::vector<Subcommand> table = {
      {"check", "Analyze manifests for single points of failure (the default command)",
       bind_command<CheckOptions, setup_check, run_check>},
      {"plan", "Print only the fix plan: helm upgrade, runaiconfig patch, kubectl label, YAML snippets",
       bind_command<CheckOptions, setup_check, run_plan>},
      {"rules", "List every rule: id, pack, severity, what it checks", bind_command<RulesOptions, setup_rules, run_rules>},
      {"explain", "Explain one rule: why it matters, failing and passing examples, the fix",
       bind_command<ExplainOptions, setup_explain, run_explain>},
      {"simulate", "What a failure (--fail zone=eu-1a, any-node, ...) takes down, with its cascade",
       bind_command<SimulateOptions, setup_simulate, run_simulate>},
      {"graph", "The system graph (dependencies, SPOFs, zones) as Graphviz DOT or JSON",
       bind_command<GraphOptions, setup_graph, run_graph>},
  };
  return table;
}

int run(const std::vector<std::string>& args, Environment& env) {
  CLI::App app(kDescription, "faultline");
  app.formatter(std::make_shared<HelpFormatter>());  // subcommands inherit it
  app.set_version_flag("--version,-V", "faultline " FAULTLINE_VERSION);
  app.require_subcommand(0, 1);
  std::map<const CLI::App*, Runner> runners;
  for (const auto& entry : subcommands()) {
    auto* sub = app.add_subcommand(entry.name, entry.description);
    runners[sub] = entry.setup(*sub, env);
  }
  app.footer(kFooter);

  if (args.empty() && env.stdin_is_terminal) {
    env.err << app.help();
    return static_cast<int>(ExitCode::error);
  }
  const auto words = with_help_command(args);
  if (const auto hint = mistyped_subcommand(words); !hint.empty()) {
    env.err << "faultline: error: unknown command '" << words.front() << "'" << hint
            << "\nRun 'faultline --help' for the commands.\n";
    return static_cast<int>(ExitCode::error);
  }
  const auto full = with_default_subcommand(words);
  auto reversed = full;
  std::reverse(reversed.begin(), reversed.end());  // CLI11 consumes arguments from the back
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, env.out, env.err);
    if (code != 0) env.err << flag_suggestions(app, full);
    return code == 0 ? 0 : static_cast<int>(ExitCode::error);
  }
  try {
    for (const auto* sub : app.get_subcommands()) {
      const ExitCode code = runners.at(sub)();
      // A report that did not reach stdout (a full disk, > /dev/full) is a failed run, whatever it found.
      env.out.flush();
      if (!env.out) {
        env.err << "faultline: error: cannot write to standard output; the report is incomplete\n";
        return static_cast<int>(ExitCode::error);
      }
      return static_cast<int>(code);
    }
  } catch (const std::exception& e) {
    env.err << "faultline: internal error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::error);
  }
  env.err << app.help();
  return static_cast<int>(ExitCode::error);
}

}  // namespace faultline::cli
