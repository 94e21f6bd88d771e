#pragma once
/// An object read from several places (a dump and a render of the same release, one file given
/// under two names, a dump sent twice) is analyzed once and reported with every place it was read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/document.hpp"
#include "faultline/model/model.hpp"

namespace faultline::model {

/// Feeds documents to the model keyed on the identity the API server gives an object (API group,
/// kind, namespace, name): one hash lookup per object, never a comparison of pairs.
class RepeatedObjects {
 public:
  RepeatedObjects(Model& model, const BuildOptions& options, Diagnostics& diags);

  /// Adds `doc` to the model (model::add_document, or its prepared object: model::prepare_object) unless its object was read before. A copy with
  /// the same content only adds its place; a different one replaces the earlier copy, so the
  /// object is analyzed as the last copy in input order says, as applying the files in that order
  /// would leave it. Objects without a name (generateName) are each their own.
  void add(load::Document& doc);

  /// Drops the replaced copies from the model, gives every repeated object its other places
  /// (ObjectMeta::also_at) and one note at the place analyzed: an info when the copies are the
  /// same, a warning when they differ. Returns how many objects were read more than once. Call
  /// once, after the last add.
  std::size_t finish();

 private:
  /// Where an added object sits in the model: which list (see repeated_objects.cpp), which index.
  struct Slot {
    std::size_t list = kNoList;
    std::size_t index = 0;
  };
  static constexpr std::size_t kNoList = static_cast<std::size_t>(-1);
  struct Entry {
    Slot slot;
    std::uint64_t content = 0;
    std::size_t repeat = kNoList;  ///< index into repeats_ once read a second time
  };
  struct Repeat {
    ObjectRef ref;
    Entry* entry;
    std::vector<SourceLocation> places;  ///< in input order
    std::size_t analyzed = 0;            ///< index into places
    bool differ = false;
  };

  Slot build(load::Document& doc);
  void note_identical(const std::vector<const Repeat*>& same);

  Model& model_;
  const BuildOptions& options_;
  Diagnostics& diags_;
  std::unordered_map<std::string, Entry> entries_;  ///< group \0 kind \0 namespace \0 name
  std::vector<Repeat> repeats_;
  std::vector<std::vector<std::size_t>> dropped_;  ///< per list, indices of replaced copies
};

}  // namespace faultline::model
