#pragma once
// Reading files and running the built faultline binary from a shell, for the robustness tests.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace faultline::hostile {

/// The whole content of `path` ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Exit code and stderr of `cd DIR && PREFIX faultline ARGS` with stdin from /dev/null; stdout
/// goes where `redirect` says (a shell redirection such as "> /dev/full").
struct Run {
  int code = -1;
  std::string err;
};

inline Run run_in(const std::filesystem::path& dir, const std::string& args, const std::string& redirect,
                  const std::string& prefix = "") {
  const auto err = dir / ".stderr";
  const std::string command = "cd '" + dir.string() + "' && " + prefix + " '" FAULTLINE_BINARY "' " + args +
                              " </dev/null " + redirect + " 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  std::filesystem::remove(err);
  return r;
}

}  // namespace faultline::hostile
