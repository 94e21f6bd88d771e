#pragma once
/// Reading the inventory files (--nodes, `nodes:`): `kubectl get nodes -o yaml|json` output.
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/limits.hpp"
#include "faultline/model/model.hpp"

namespace faultline::inventory {

/// Adds the Node objects of `paths` to `model` through the manifest loader; other kinds are
/// warned about and ignored. False when a path could not be read or parsed (an input error, exit 2).
bool load_node_files(const std::vector<std::string>& paths, const std::string& default_namespace,
                     const load::Limits& limits, model::Model& model, Diagnostics& diagnostics);

}  // namespace faultline::inventory
