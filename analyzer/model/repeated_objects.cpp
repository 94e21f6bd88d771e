// Only the first copy of an object is built unless a later one differs, so identical repeats cost
// a hash lookup. A replaced copy is only marked while loading (pointers into the model's deques
// must stay valid) and removed in one pass at the end.
#include "faultline/model/repeated_objects.hpp"

#include <algorithm>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "faultline/model/builder.hpp"
#include "model_lists.hpp"

namespace faultline::model {
namespace {

using detail::for_each_list;
using detail::kLists;
constexpr std::size_t kMaxPlacesNamed = 5;

// add_prepared finds an object's list by its alternative's position: the two orders must agree.
static_assert(std::variant_size_v<PreparedObject::Object> == kLists + 1);

ObjectMeta& meta_at(Model& m, std::size_t list, std::size_t index) {
  ObjectMeta* meta = nullptr;
  std::size_t i = 0;
  for_each_list(m, [&](auto& l) {
    if (i++ == list) meta = &l[index].meta;
  });
  return *meta;
}

/// Removes the elements at `indices` in one pass, keeping the others' order. The survivors are
/// move-constructed into a new list, never assigned: assigning a load::Node (a RawObject's body)
/// rewrites the tree it referred to, which another survivor may still share.
template <typename List>
void remove_at(List& objects, std::vector<std::size_t>& indices) {
  if (indices.empty()) return;
  std::sort(indices.begin(), indices.end());
  List kept;
  std::size_t next = 0;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (next < indices.size() && indices[next] == i) {
      ++next;
      continue;
    }
    kept.push_back(std::move(objects[i]));
  }
  objects.swap(kept);
}

/// The API group, not the version: apps/v1beta2 and apps/v1 name the same Deployment.
std::string identity_key(const ObjectRef& ref) {
  const auto slash = ref.api_version.find('/');
  const std::string group = slash == std::string::npos ? std::string{} : ref.api_version.substr(0, slash);
  return fmt::format("{}\x1f{}\x1f{}\x1f{}", group, ref.kind, ref.ns, ref.name);
}

std::string place(const SourceLocation& where) {
  return where.line > 0 ? fmt::format("{}:{}", where.file, where.line) : where.file;
}

/// "a.yaml:3, b.yaml:9 and 4 more": every place but the analyzed one.
std::string other_places(const std::vector<SourceLocation>& places, std::size_t analyzed) {
  std::string out;
  std::size_t named = 0;
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (i == analyzed) continue;
    if (named == kMaxPlacesNamed) return out + fmt::format(" and {} more", places.size() - 1 - named);
    out += (named++ ? ", " : "") + place(places[i]);
  }
  return out;
}

}  // namespace

RepeatedObjects::RepeatedObjects(Model& model, const BuildOptions& options, Diagnostics& diags)
    : model_(model), options_(options), diags_(diags), dropped_(kLists) {}

RepeatedObjects::Slot RepeatedObjects::build(load::Document& doc) {
  // Documents loaded without a preparer (load_model_text's callers in tests) are prepared here.
  if (!std::any_cast<PreparedObject>(&doc.prepared)) doc.prepared = prepare_object(doc, options_);
  const auto slot = add_prepared(std::move(*std::any_cast<PreparedObject>(&doc.prepared)), model_, diags_);
  return slot ? Slot{slot->first, slot->second} : Slot{};  // no slot: the object could not be read
}

void RepeatedObjects::add(load::Document& doc) {
  const auto* prepared = std::any_cast<PreparedObject>(&doc.prepared);
  const ObjectRef ref = prepared ? prepared->ref : identity_of(doc, options_);
  if (ref.name.empty()) {
    build(doc);
    return;
  }
  const auto [it, first] = entries_.try_emplace(identity_key(ref));
  Entry& entry = it->second;
  if (first) {
    entry.slot = build(doc);
    entry.content = doc.content;
    return;
  }
  if (entry.repeat == kNoList) {
    entry.repeat = repeats_.size();
    const SourceLocation first_place =
        entry.slot.list == kNoList ? SourceLocation{} : meta_at(model_, entry.slot.list, entry.slot.index).where;
    repeats_.push_back(Repeat{ref, &entry, {first_place}, 0, false});
  }
  Repeat& repeat = repeats_[entry.repeat];
  repeat.places.push_back(doc.where);
  if (doc.content != entry.content) {
    repeat.differ = true;
    if (entry.slot.list != kNoList) dropped_[entry.slot.list].push_back(entry.slot.index);
    entry.slot = build(doc);
    entry.content = doc.content;
  }
  if (repeat.differ) repeat.analyzed = repeat.places.size() - 1;  // the analyzed copy says what the last one says
}

// Identical copies are harmless (a dump and a render of the same release, an install file beside
// its HA variant): one note for all of them, not a line per object; the findings list every place.
void RepeatedObjects::note_identical(const std::vector<const Repeat*>& same) {
  if (same.empty()) return;
  const Repeat& first = *same.front();
  const SourceLocation& at = first.places[first.analyzed];
  if (same.size() == 1) {
    diags_.push_back({Severity::info, at,
                      fmt::format("{} was read {} times, the same each time (also at {}); analyzed once",
                                  first.ref.display(), first.places.size(), other_places(first.places, first.analyzed))});
    return;
  }
  std::string names;
  for (std::size_t i = 0; i < same.size() && i < kMaxPlacesNamed; ++i)
    names += fmt::format("{}{} ({} times)", i ? ", " : "", same[i]->ref.display(), same[i]->places.size());
  if (same.size() > kMaxPlacesNamed) names += fmt::format(" and {} more", same.size() - kMaxPlacesNamed);
  diags_.push_back({Severity::info, at,
                    fmt::format("{} objects were read more than once, the same each time: {}; each is analyzed once, "
                                "and its findings list every place it was read",
                                same.size(), names)});
}

std::size_t RepeatedObjects::finish() {
  std::vector<const Repeat*> same;
  for (Repeat& repeat : repeats_) {
    const SourceLocation& analyzed = repeat.places[repeat.analyzed];
    if (repeat.differ)
      diags_.push_back({Severity::warning, analyzed,
                        fmt::format("{} was read {} times, with different content (also at {}); analyzed once, as written "
                                    "here: the last copy in input order",
                                    repeat.ref.display(), repeat.places.size(), other_places(repeat.places, repeat.analyzed))});
    else
      same.push_back(&repeat);
    const Slot slot = repeat.entry->slot;
    if (slot.list == kNoList) continue;
    ObjectMeta& meta = meta_at(model_, slot.list, slot.index);
    meta.where = analyzed;
    auto& also_at = meta.provenance.edit().also_at;
    also_at.clear();
    for (std::size_t i = 0; i < repeat.places.size(); ++i)
      if (i != repeat.analyzed) also_at.push_back(repeat.places[i]);
  }
  note_identical(same);
  std::size_t list = 0;
  for_each_list(model_, [&](auto& objects) {
    remove_at(objects, dropped_[list]);
    ++list;
  });
  const std::size_t repeated = repeats_.size();
  repeats_.clear();
  entries_.clear();
  return repeated;
}

}  // namespace faultline::model
