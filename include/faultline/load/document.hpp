#pragma once
/// One Kubernetes object as read from the input, before typing.
#include <string>

#include <yaml-cpp/yaml.h>

#include "faultline/common/location.hpp"

namespace faultline::load {

/// A parsed YAML mapping with apiVersion and kind, and where it came from. Items of a
/// `kind: List` or typed list arrive one by one, with `kind` inferred when missing.
struct Document {
  YAML::Node root;
  SourceLocation where;  ///< line where the object starts
};

}  // namespace faultline::load
