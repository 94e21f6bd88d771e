#pragma once
/// What faultline asks of a CustomResourceDefinition's schema: whether its resources carry a
/// replica count, so that an operator creating their pods is worth naming (expand/not_analyzed).
#include <string_view>

namespace faultline::model {

/// A property name operators use for a replica count (replicas, instances, nodeCount …).
bool replicas_like_field(std::string_view name);

/// How deep below `properties.spec` a replica count is looked for: spec.replicas (0),
/// spec.kafka.replicas (1), spec.nodeSets[].count (2).
inline constexpr int kReplicasSchemaDepth = 2;

}  // namespace faultline::model
