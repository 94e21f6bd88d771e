#pragma once
/// Turns loaded YAML documents into typed objects, one document at a time.
#include <cstddef>
#include <optional>
#include <utility>
#include <string>
#include <variant>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/document.hpp"
#include "faultline/load/loader.hpp"
#include "faultline/model/model.hpp"

namespace faultline::model {

/// Adds `doc` (one Kubernetes object) to `model`. Fields of the wrong type or out of range
/// become diagnostics naming object, field and file:line; the object is kept as far as it
/// can be read. Counts it in model.stats (objects, and skipped for unused built-in kinds).
/// Never throws.
void add_document(const load::Document& doc, const BuildOptions& options, Model& model, Diagnostics& diags);

/// One object built apart from the model (on a parser thread, in parallel), waiting to be put
/// into it in input order: what add_document would add, with its diagnostics and counts.
struct PreparedObject {
  /// The alternatives follow the model's lists (analyzer/model/model_lists.hpp); monostate: the
  /// document gave no object (its diagnostics say why).
  using Object = std::variant<std::monostate, Workload, Hpa, Pdb, Service, Pvc, Pv, StorageClass, Node,
                              WebhookConfiguration, ConfigMap, Event, RawObject>;
  ObjectRef ref;  ///< identity_of(doc)
  Object object;
  Diagnostics diags;
  std::size_t objects = 0, skipped = 0;  ///< what add_document adds to model.stats
};

/// Builds `doc` as add_document would, apart from any model; thread-safe.
PreparedObject prepare_object(const load::Document& doc, const BuildOptions& options);

/// Puts a prepared object into `model` (and its diagnostics into `diags`), as add_document would
/// have. Returns the number of the list it went to (model_lists.hpp) and its index there, or
/// nullopt when there was no object.
std::optional<std::pair<std::size_t, std::size_t>> add_prepared(PreparedObject&& prepared, Model& model, Diagnostics& diags);

/// The object `doc` names: apiVersion, kind, name, and its namespace (`options.default_namespace`
/// when unset, empty for cluster-scoped kinds).
ObjectRef identity_of(const load::Document& doc, const BuildOptions& options);

/// Loads `paths` (see load::load_inputs) straight into `model`, one document at a time, and
/// fills model.stats so that documents = objects + failed. Reports an error when the input
/// holds no Kubernetes object at all. Returns the loader's counts.
load::LoadStats load_model(const std::vector<std::string>& paths, const BuildOptions& options, Model& model,
                           Diagnostics& diags);

/// As load_model, for one in-memory stream read as if from `file`.
load::LoadStats load_model_text(const std::string& text, const std::string& file, const BuildOptions& options, Model& model,
                                Diagnostics& diags);

/// True for built-in Kubernetes API groups (core, apps, batch, policy, *.k8s.io, ...): kinds of
/// other groups are custom resources whose bodies are kept for the expand stage.
bool is_builtin_api_version(const std::string& api_version);

}  // namespace faultline::model
