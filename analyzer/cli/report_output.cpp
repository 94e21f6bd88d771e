#include "report_output.hpp"

#include <fstream>
#include <sstream>

namespace faultline::cli {

bool write_result(const std::string& output, Environment& env, const std::function<void(std::ostream&)>& body) {
  if (output.empty()) {
    body(env.out);
    env.out.flush();
    return true;
  }
  std::ostringstream buffer;
  body(buffer);
  std::ofstream file(output, std::ios::binary | std::ios::trunc);
  file << buffer.str();
  file.close();
  if (!file) env.err << "faultline: error: cannot write " << output << '\n';
  return static_cast<bool>(file);
}

}  // namespace faultline::cli
