#pragma once
/// Identity and metadata shared by every modelled object.
#include <compare>
#include <string>
#include <vector>

#include "faultline/common/location.hpp"
#include "faultline/model/labels.hpp"
#include "faultline/model/on_heap.hpp"

namespace faultline::model {

/// apiVersion, kind, namespace, name: how reports and baselines name an object.
struct ObjectRef {
  std::string api_version;
  std::string kind;
  std::string ns;  ///< empty for cluster-scoped kinds
  std::string name;
  /// "Kind/ns/name", or "Kind/name" when cluster-scoped.
  std::string display() const;
  auto operator<=>(const ObjectRef&) const = default;
};

/// metadata.ownerReferences entry.
struct OwnerRef {
  std::string kind;
  std::string name;
  bool controller = false;
};

/// Where else an object was read and what it was derived from: few objects have either.
struct Provenance {
  /// The other places the same object was read (model/repeated_objects.hpp), in input order;
  /// empty for an object read once.
  std::vector<SourceLocation> also_at;
  /// Set by the expand stage: the custom resource this object was derived from ("Prometheus/ns/name").
  std::string expanded_from;
};

/// Metadata plus provenance.
struct ObjectMeta {
  ObjectRef ref;
  Labels labels;
  Labels annotations;
  std::vector<OwnerRef> owners;
  SourceLocation where;
  OnHeap<Provenance> provenance;  ///< behind a pointer: most of a dump's objects have none
};

}  // namespace faultline::model
