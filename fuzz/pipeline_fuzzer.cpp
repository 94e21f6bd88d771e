// libFuzzer entry point: every input is a manifest file run through load → model → expand →
// inventory → placement → graph → rules → every report format (fuzz/exercise.hpp).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "exercise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::ostringstream sink;
  faultline::fuzz::exercise(std::string(reinterpret_cast<const char*>(data), size), sink);
  return 0;
}
