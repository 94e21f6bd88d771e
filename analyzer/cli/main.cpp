// Entry point: parses the command line and dispatches to one subcommand.
#include <cstdio>

int main() {
  std::puts("faultline " FAULTLINE_VERSION);
  return 0;
}
