#pragma once
/// One Kubernetes object as read from the input, before typing.
#include <any>
#include <cstdint>
#include <memory>
#include <string>

#include "faultline/common/location.hpp"
#include "faultline/load/tree.hpp"

namespace faultline::load {

/// A parsed YAML mapping with apiVersion and kind, and where it came from. Items of a
/// `kind: List` or typed list arrive one by one, with `kind` inferred when missing.
struct Document {
  Node root;
  SourceLocation where;  ///< line where the object starts
  /// load::content_hash of `root`, taken while parsing (on the parser threads) so that copies of
  /// one object read from several files can be told apart from identical ones.
  std::uint64_t content = 0;
  /// What the DocumentPreparer made of this object on the parser thread (the model stage's typed
  /// object); empty when there is no preparer.
  std::any prepared;
  /// What `root` points into; shared by the items of one List.
  std::shared_ptr<const Tree> tree;
};

}  // namespace faultline::load
