// The faultline executable: the real environment handed to the command line in the library.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "command.hpp"

int main(int argc, char** argv) {
  const char* no_color = std::getenv("NO_COLOR");
  faultline::cli::Environment env{std::cout,
                                  std::cerr,
                                  isatty(STDOUT_FILENO) == 1,
                                  isatty(STDIN_FILENO) == 1,
                                  no_color != nullptr && *no_color != '\0',
                                  &faultline::analyze};
  env.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  std::ios::sync_with_stdio(false);
  return faultline::cli::run(std::vector<std::string>(argv + 1, argv + argc), env);
}
