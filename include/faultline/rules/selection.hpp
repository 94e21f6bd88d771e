#pragma once
/// Which rules run: packs, explicit enables and disables, severity overrides.
#include <map>
#include <string>
#include <vector>

#include "faultline/common/severity.hpp"

namespace faultline::rules {

/// --pack, --enable, --disable, --severity (also read from .faultline.yaml).
struct Selection {
  std::vector<std::string> packs;  ///< empty: core, plus runai when Run:ai objects are present
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::map<std::string, Severity> severity;
};

}  // namespace faultline::rules
