#pragma once
/// Turns loaded YAML documents into typed objects, one document at a time.
#include "faultline/common/diagnostic.hpp"
#include "faultline/load/document.hpp"
#include "faultline/model/model.hpp"

namespace faultline::model {

/// Adds `doc` (one Kubernetes object) to `model`. Fields of the wrong type or out of range
/// become diagnostics naming object, field and file:line; the object is kept as far as it
/// can be read. Never throws.
void add_document(const load::Document& doc, const BuildOptions& options, Model& model, Diagnostics& diags);

}  // namespace faultline::model
