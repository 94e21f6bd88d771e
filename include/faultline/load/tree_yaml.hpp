#pragma once
/// Between compact trees and yaml-cpp's: the stages that keep or build yaml-cpp nodes (custom
/// resources' bodies, the expand stage's manifests) and yaml-cpp's fix-ups of duplicate and
/// merge keys.
#include <memory>

#include <yaml-cpp/yaml.h>

#include "faultline/load/document.hpp"
#include "faultline/load/tree.hpp"

namespace faultline::load {

/// yaml-cpp's tree as a Tree: nodes shared through aliases stay shared, marks keep their lines.
std::shared_ptr<Tree> tree_from_yaml(const YAML::Node& node);
/// A node as a yaml-cpp tree, for the stages that keep or build yaml-cpp nodes (custom resources'
/// bodies, the expand stage's manifests) and for yaml-cpp's fix-ups. Marks keep their lines;
/// scalars are tagged as yaml-cpp tags them ("?" plain, "!" otherwise).
YAML::Node to_yaml(const Node& node);

/// A Document of a yaml-cpp tree (the expand stage's manifests, tests).
Document document_of(const YAML::Node& root, SourceLocation where = {});

}  // namespace faultline::load
