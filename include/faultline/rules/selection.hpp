#pragma once
/// Which rules run: packs, explicit enables and disables, severity overrides.
#include <map>
#include <string>
#include <vector>

#include "faultline/common/severity.hpp"

namespace faultline::rules {

/// `ignore:` in .faultline.yaml: a rule's findings on one scope or object are accepted.
struct ScopeIgnore {
  std::string rule;
  std::string scope;   ///< ObjectRef::display(): "Namespace/runai-backend", "Cluster", "Deployment/ns/name"
  std::string reason;  ///< shown as the suppression
};

/// --pack, --enable, --disable, --severity (also read from .faultline.yaml).
struct Selection {
  std::vector<std::string> packs;  ///< empty: core, plus runai when Run:ai objects are present
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::map<std::string, Severity> severity;
  std::vector<ScopeIgnore> ignore;  ///< only from the config file
};

}  // namespace faultline::rules
