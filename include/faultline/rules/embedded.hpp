#pragma once
/// The built-in policy packs, compiled into the binary from policies/.
#include <string>
#include <vector>

namespace faultline::rules {

/// One embedded file: its path relative to the source tree ("policies/core/x.yaml") and its bytes.
struct EmbeddedFile {
  std::string path;
  std::string content;
};

const std::vector<EmbeddedFile>& embedded_policy_files();

}  // namespace faultline::rules
