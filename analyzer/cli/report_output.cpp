// A report can be larger than the model it comes from (SARIF or JSON of a large dump), so it is
// streamed to a temporary file beside --output and renamed over it once complete: a failed or
// interrupted write never leaves a truncated report where the old one was. Devices and pipes
// (/dev/stdout, a FIFO) and symbolic links are written in place: a rename would replace them.
#include "report_output.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

#include <unistd.h>

namespace faultline::cli {
namespace fs = std::filesystem;

namespace {

/// A device, pipe, directory or symbolic link: written in place (a rename would replace the link).
bool write_in_place(const std::string& path) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  return !ec && fs::exists(status) && !fs::is_regular_file(status);
}

/// Streams `body` into `path`; false when opening, writing or closing failed.
bool stream_to(const std::string& path, const std::function<void(std::ostream&)>& body) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return false;
  body(file);
  file.close();
  return static_cast<bool>(file);
}

}  // namespace

bool write_result(const std::string& output, Environment& env, const std::function<void(std::ostream&)>& body) {
  if (output.empty()) {
    body(env.out);
    env.out.flush();
    return true;
  }
  bool written = false;
  if (write_in_place(output)) {
    written = stream_to(output, body);
  } else {
    const std::string temporary = output + ".faultline-" + std::to_string(::getpid()) + ".tmp";
    written = stream_to(temporary, body);
    std::error_code ec;
    if (written) fs::rename(temporary, output, ec);
    written = written && !ec;
    if (!written) fs::remove(temporary, ec);
  }
  if (!written) env.err << "faultline: error: cannot write " << output << '\n';
  return written;
}

}  // namespace faultline::cli
