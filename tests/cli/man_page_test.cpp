// The man page's input: cmake/help2man-input.sh rearranges `faultline --help`, `faultline check
// --help` and every other subcommand's own options for help2man. These tests run it on the built
// binary, so a change of the help's layout that would garble the man page fails here, and (when
// CMake found help2man) they generate the page itself and check its sections.
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "../rules/temp_dir.hpp"
#include "shell.hpp"

using faultline::hostile::slurp;
using faultline::test::run_shell;
using faultline::test::sh_quote;

namespace {

const std::string kInputScript = FAULTLINE_SOURCE_DIR "/cmake/help2man-input.sh";

std::string run_ok(const std::string& command) {
  faultline::test::TempDir tmp;
  const auto r = run_shell(tmp.path(), command);
  INFO(command, r.err);
  REQUIRE(r.code == 0);
  return r.out;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("help2man's input holds every option line of faultline check, under one heading, and one Examples block") {
    const auto input = run_ok(sh_quote(kInputScript) + " " + sh_quote(FAULTLINE_BINARY) + " --help");
    const auto main_help = run_ok(sh_quote(FAULTLINE_BINARY) + " --help");
    const auto check_help = run_ok(sh_quote(FAULTLINE_BINARY) + " check --help");
    // The main help's text up to its examples comes first, unchanged.
    CHECK(input.rfind(main_help.substr(0, main_help.find("\nExamples:\n") + 1), 0) == 0);
    // The check options' heading is followed directly by the first option: help2man makes it a subsection.
    CHECK(count(input, "\nOptions of faultline check [OPTIONS] [paths...]:\n  paths ") == 1);
    std::istringstream lines(check_help);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("  -", 0) != 0 || line.rfind("  -h,--help", 0) == 0) continue;
      INFO(line);
      CHECK(count(input, "\n" + line + "\n") >= 1);
    }
    CHECK(count(input, "\nExamples:\n") == 1);
    CHECK(count(input, "Usage: ") == 1);  // one synopsis
    // A paragraph per example: help2man would join adjacent lines into one.
    std::istringstream examples(input.substr(input.find("\nExamples:\n") + 11));
    std::string previous;
    for (std::string line; std::getline(examples, line); previous = line) {
      INFO(previous, " / ", line);
      CHECK_FALSE((previous.rfind("  ", 0) == 0 && !line.empty()));
    }
    CHECK(count(input, "Run 'faultline check --help'") == 0);
    CHECK(run_ok(sh_quote(kInputScript) + " " + sh_quote(FAULTLINE_BINARY) + " --version") ==
          run_ok(sh_quote(FAULTLINE_BINARY) + " --version"));
  }

  TEST_CASE("help2man's input gives every other subcommand its usage, summary, own options and examples") {
    const auto input = run_ok(sh_quote(kInputScript) + " " + sh_quote(FAULTLINE_BINARY) + " --help");
    const auto check_help = run_ok(sh_quote(FAULTLINE_BINARY) + " check --help");
    for (const std::string sub : {"plan", "rules", "explain", "simulate", "graph"}) {
      INFO(sub);
      const auto help = run_ok(sh_quote(FAULTLINE_BINARY) + " " + sub + " --help");
      const auto usage = help.substr(help.find("Usage: ") + 7, help.find('\n', help.find("Usage: ")) - help.find("Usage: ") - 7);
      const auto heading = "\nOptions of " + usage + ":\n  " + help.substr(0, help.find('\n')) + "\n";
      REQUIRE(count(input, heading) == 1);
      const auto begin = input.find(heading);
      const auto section = input.substr(begin, input.find(":\n", begin + heading.size()) - begin);
      std::istringstream lines(help);
      for (std::string line; std::getline(lines, line);) {
        if (line.rfind("  -", 0) != 0 || line.rfind("  -h,--help", 0) == 0) continue;
        INFO(line);
        // An option check has word for word is listed once, with check's; the others in the subcommand's section.
        if (check_help.find("\n" + line + "\n") == std::string::npos) CHECK(count(section, "\n" + line + "\n") == 1);
        else CHECK(count(section, "\n" + line + "\n") == 0);
      }
      std::istringstream examples(help.substr(help.find("Example")));
      for (std::string line; std::getline(examples, line);)
        if (line.rfind("  faultline " + sub, 0) == 0) CHECK(count(input, "\n" + line + "\n\n") >= 1);
    }
    CHECK(count(input, "  faultline simulate --nodes nodes.yaml --fail zone=eu-1a deploy/\n") == 1);
    CHECK(count(input, "  --fail KEY=VALUE|any-KEY (required)\n") == 1);
  }

#ifdef FAULTLINE_HELP2MAN
  TEST_CASE("the man page help2man makes from it has the help's options and the sections of cmake/faultline.h2m") {
    faultline::test::TempDir tmp;
    const auto page = tmp.path() / "faultline.1";
    run_ok(sh_quote(FAULTLINE_HELP2MAN) + " --no-info --section=1 --name=x --include=" +
           sh_quote(FAULTLINE_SOURCE_DIR "/cmake/faultline.h2m") + " --output=" + sh_quote(page.string()) + " " +
           sh_quote("'" + kInputScript + "' '" FAULTLINE_BINARY "'"));
    const auto roff = slurp(page);
    CHECK(roff.find(".TH FAULTLINE \"1\"") != std::string::npos);
    for (const char* section : {".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH OPTIONS\n", ".SH \"EXIT STATUS\"\n",
                                ".SH \"CONFIGURATION FILE\"\n", ".SH ANNOTATIONS\n", ".SH ENVIRONMENT\n", ".SH FILES\n",
                                ".SH EXAMPLES\n", ".SH \"SEE ALSO\"\n", ".SS \"Options of faultline check [OPTIONS] [paths...]:\"\n",
                                ".SS \"Options of faultline simulate [OPTIONS] [paths...]:\"\n"}) {
      INFO(section);
      CHECK(count(roff, section) == 1);
    }
    CHECK(roff.find("\\-\\-fail\\-on") != std::string::npos);
    CHECK(roff.find("faultline.io/ignore") != std::string::npos);
  }
#endif
}
