// Dispatch from (group, kind) to a builder, plus the metadata every object shares.
#include "faultline/model/builder.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <iterator>
#include <type_traits>

#include <fmt/format.h>

#include "builders.hpp"
#include "faultline/load/tree_yaml.hpp"
#include "model_lists.hpp"
#include "readers.hpp"

namespace faultline::model {
namespace {

bool is_cluster_scoped(const std::string& kind) {
  static constexpr std::array<std::string_view, 17> kKinds{
      "Node", "PersistentVolume", "StorageClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
      "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "IngressClass",
      "APIService", "CSIDriver", "RuntimeClass", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
      "VolumeSnapshotClass"};
  return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

std::string scalar(const load::Node& map, const char* key) {
  const load::Node v = FieldReader::child(map, key);
  return v && v.IsScalar() ? std::string(v.Scalar()) : std::string{};
}


void read_metadata(const load::Node& root, FieldReader& r, ObjectMeta& meta) {
  const load::Node metadata = r.map(root, "metadata", "");
  if (meta.ref.name.empty() && !FieldReader::child(metadata, "generateName"))
    r.error(metadata ? metadata : root, "metadata.name", "the object has no name", Severity::warning);
  r.str(metadata, "name", "metadata");  // reports a non-string name
  meta.labels = r.string_map(metadata, "labels", "metadata");
  meta.annotations = r.string_map(metadata, "annotations", "metadata");
  r.for_each(metadata, "ownerReferences", "metadata", [&](const load::Node& owner, const std::string& p) {
    meta.owners.push_back(OwnerRef{r.str_or(owner, "kind", p), r.str_or(owner, "name", p), r.boolean(owner, "controller", p).value_or(false)});
  });
}

using Build = void (*)(const load::Node&, FieldReader&, Model&);

/// The built-in kinds the analysis models besides workloads, sorted by kind.
constexpr std::array<std::pair<std::string_view, Build>, 11> kBuilders{{
    {"ConfigMap", build_config_map},
    {"Event", build_event},
    {"HorizontalPodAutoscaler", build_hpa},
    {"MutatingWebhookConfiguration", [](const load::Node& root, FieldReader& r, Model& m) { build_webhooks(true, root, r, m); }},
    {"Node", build_node},
    {"PersistentVolume", build_pv},
    {"PersistentVolumeClaim", build_pvc},
    {"PodDisruptionBudget", build_pdb},
    {"Service", build_service},
    {"StorageClass", build_storage_class},
    {"ValidatingWebhookConfiguration", [](const load::Node& root, FieldReader& r, Model& m) { build_webhooks(false, root, r, m); }},
}};

/// Returns false when the kind is not one the analysis models (the caller keeps it raw).
bool build_typed(const std::string& kind, const load::Node& root, FieldReader& r, Model& model) {
  if (const auto wk = parse_workload_kind(kind)) {
    build_workload(*wk, root, r, model);
    return true;
  }
  for (const auto& [name, build] : kBuilders) {
    if (name == kind) {
      build(root, r, model);
      return true;
    }
  }
  return false;
}

void count_into(const load::LoadStats& loaded, Model& model, Diagnostics& diags, const std::string& what) {
  model.stats.documents += loaded.documents;
  model.stats.failed += loaded.failed;
  if (model.stats.objects == 0)
    diags.push_back(Diagnostic{Severity::error, SourceLocation{what, 0, 0, {}},
                               "no Kubernetes object found in the input (did an upstream `helm template` or `kubectl` fail?)"});
}

}  // namespace

ObjectRef identity_of(const load::Document& doc, const BuildOptions& options) {
  ObjectRef ref;
  ref.api_version = scalar(doc.root, "apiVersion");
  ref.kind = scalar(doc.root, "kind");
  const load::Node metadata = FieldReader::child(doc.root, "metadata");
  ref.name = scalar(metadata, "name");
  if (!is_cluster_scoped(ref.kind)) {
    ref.ns = scalar(metadata, "namespace");
    if (ref.ns.empty()) ref.ns = options.default_namespace;
  }
  return ref;
}

bool is_builtin_api_version(const std::string& api_version) {
  const auto slash = api_version.find('/');
  if (slash == std::string::npos) return true;  // core group ("v1")
  const std::string group = api_version.substr(0, slash);
  return group.find('.') == std::string::npos || group.ends_with(".k8s.io");
}

void add_document(const load::Document& doc, const BuildOptions& options, Model& model, Diagnostics& diags) {
  ObjectMeta meta;
  meta.ref = identity_of(doc, options);
  meta.where = doc.where;
  if (options.count_in_stats) ++model.stats.objects;
  try {
    FieldReader r(meta, doc.root, diags);
    read_metadata(doc.root, r, meta);
    const bool builtin = is_builtin_api_version(meta.ref.api_version);
    if (builtin && build_typed(meta.ref.kind, doc.root, r, model)) return;
    RawObject raw;
    raw.meta = meta;
    if (builtin) {
      if (options.count_in_stats) ++model.stats.skipped;  // kept by name only, e.g. for Namespace labels
      // A CRD's schema tells the expand stage which custom resources run replicas it does not model.
      if (meta.ref.kind == "CustomResourceDefinition") raw.body = crd_outline(doc.root);
    } else {
      raw.body = load::to_yaml(doc.root);
    }
    model.raw.push_back(std::move(raw));
  } catch (const std::exception& e) {
    diags.push_back(Diagnostic{Severity::error, doc.where,
                               fmt::format("{}: cannot be read: {}", meta.ref.display(), e.what())});
  }
}

PreparedObject prepare_object(const load::Document& doc, const BuildOptions& options) {
  // One scratch model per thread: building pushes into a list, and an empty deque is not free to make.
  thread_local Model scratch;
  PreparedObject out;
  out.ref = identity_of(doc, options);
  add_document(doc, options, scratch, out.diags);
  out.objects = scratch.stats.objects;
  out.skipped = scratch.stats.skipped;
  scratch.stats = {};
  detail::for_each_list(scratch, [&](auto& list) {
    if (list.empty()) return;
    out.object = std::move(list.back());
    list.pop_back();
  });
  return out;
}

std::optional<std::pair<std::size_t, std::size_t>> add_prepared(PreparedObject&& prepared, Model& model, Diagnostics& diags) {
  diags.insert(diags.end(), std::make_move_iterator(prepared.diags.begin()), std::make_move_iterator(prepared.diags.end()));
  model.stats.objects += prepared.objects;
  model.stats.skipped += prepared.skipped;
  std::optional<std::pair<std::size_t, std::size_t>> slot;
  std::size_t number = 0;
  detail::for_each_list(model, [&](auto& list) {
    using T = typename std::decay_t<decltype(list)>::value_type;
    if (prepared.object.index() == number + 1) {
      slot.emplace(number, list.size());
      list.push_back(std::get<T>(std::move(prepared.object)));
    }
    ++number;
  });
  return slot;
}

load::LoadStats load_model(const std::vector<std::string>& paths, const BuildOptions& options, Model& model,
                           Diagnostics& diags) {
  const auto loaded = load::load_inputs(
      paths, [&](load::Document&& doc) { add_document(doc, options, model, diags); }, diags);
  count_into(loaded, model, diags, paths.empty() ? "<stdin>" : paths.front());
  return loaded;
}

load::LoadStats load_model_text(const std::string& text, const std::string& file, const BuildOptions& options, Model& model,
                                Diagnostics& diags) {
  const auto loaded = load::load_text(text, file, [&](load::Document&& doc) { add_document(doc, options, model, diags); }, diags);
  count_into(loaded, model, diags, file);
  return loaded;
}

}  // namespace faultline::model
