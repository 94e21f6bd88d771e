#pragma once
// Running the project's shell scripts (the Helm plugin, the CI examples) from tests: exit status
// and output of one /bin/sh command line, and quoting for it.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../hostile/run_faultline.hpp"

namespace faultline::test {

struct ShellResult {
  int code = -1;       ///< exit status; -1 when killed by a signal
  std::string out;     ///< standard output
  std::string err;     ///< standard error
};

/// Whether `needle` occurs in `haystack`.
inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

/// `text` single-quoted for /bin/sh.
inline std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Runs `command` with /bin/sh in `dir` (stdin from /dev/null); its streams go through files in `dir`.
inline ShellResult run_shell(const std::filesystem::path& dir, const std::string& command) {
  const auto out = dir / ".shell-stdout", err = dir / ".shell-stderr";
  const std::string full = "cd " + sh_quote(dir.string()) + " && ( " + command + " ) >" + sh_quote(out.string()) +
                           " 2>" + sh_quote(err.string()) + " </dev/null";
  const int status = std::system(full.c_str());
  ShellResult result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = hostile::slurp(out);
  result.err = hostile::slurp(err);
  std::error_code ec;
  std::filesystem::remove(out, ec);
  std::filesystem::remove(err, ec);
  return result;
}

}  // namespace faultline::test
