#pragma once
/// Builds the yaml-cpp tree of one document from libfyaml's events: the same nodes, scalars,
/// tags, styles, anchors and line marks as YAML::Load, in a fraction of its time. Policy packs,
/// the configuration file and the rare manifests that need yaml-cpp's fix-ups use it; the
/// manifest stream builds compact trees (tree_builder.hpp).
#include <optional>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace faultline::load {

/// The tree of `text` (one document), or nullopt when libfyaml reports an error or the text uses
/// what this builder leaves to yaml-cpp (explicit tags), so the caller falls back to YAML::Load
/// and its messages. An empty document gives a null node.
std::optional<YAML::Node> build_tree(std::string_view text);

}  // namespace faultline::load
