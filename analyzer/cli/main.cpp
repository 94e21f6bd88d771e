// The faultline executable: the real environment handed to the command line in the library.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>

#include "command.hpp"
#include "faultline/report/progress_line.hpp"

namespace {

/// FAULTLINE_PROGRESS_AFTER: seconds (a decimal number ≥ 0) before the progress line shows.
std::chrono::milliseconds progress_after(const char* text, std::chrono::milliseconds fallback) {
  if (text == nullptr || *text == '\0') return fallback;
  char* end = nullptr;
  const double seconds = std::strtod(text, &end);
  if (*end != '\0' || !(seconds >= 0 && seconds < 86400)) return fallback;
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

}  // namespace

namespace {

/// A closed stdin, stdout or stderr (`<&-`, `>&-`) gets /dev/null opened read-only in its place:
/// otherwise the next file opened would take its number, and stdin would read that file. Read-only,
/// stdin is empty ("no Kubernetes object found") and a write to stdout fails (exit 2), as it should.
void reserve_standard_streams() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) (void)::open("/dev/null", O_RDONLY);
  }
}

}  // namespace

int main(int argc, char** argv) {
  reserve_standard_streams();
  const char* no_color = std::getenv("NO_COLOR");
  faultline::cli::Environment env{std::cout,
                                  std::cerr,
                                  isatty(STDOUT_FILENO) == 1,
                                  isatty(STDIN_FILENO) == 1,
                                  no_color != nullptr && *no_color != '\0',
                                  &faultline::analyze};
  env.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  env.progress = faultline::report::progress_wanted(env.stderr_is_terminal, std::getenv("CI"), std::getenv("TERM"));
  env.progress_after = progress_after(std::getenv("FAULTLINE_PROGRESS_AFTER"), env.progress_after);
#ifndef FAULTLINE_INSTRUMENTED
  env.keep_analysis_until_exit = true;
#endif
  std::ios::sync_with_stdio(false);
  return faultline::cli::run(std::vector<std::string>(argv + 1, argv + argc), env);
}
