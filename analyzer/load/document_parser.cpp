// One document at a time: parse, check it is a Kubernetes object, unpack lists.
#include "faultline/load/document_parser.hpp"

#include <utility>

#include <fmt/format.h>

namespace faultline::load {
namespace {

constexpr std::string_view kHelmHint = "it looks like an unrendered Helm template ({{ ... }}); run `helm template` first and check its output";

std::string scalar_at(const YAML::Node& map, const char* key) {
  const YAML::Node v = map[key];
  return v && v.IsScalar() ? v.Scalar() : std::string{};
}

/// A mapping whose key is itself a mapping: what `{{ .Values.x }}` parses to as YAML.
bool has_template_structure(const YAML::Node& node) {
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (has_template_structure(item)) return true;
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      if (kv.first.IsMap() || has_template_structure(kv.second)) return true;
    }
  }
  return false;
}

bool looks_unrendered(const std::string& text, const YAML::Node& root) {
  if (text.find("{{") == std::string::npos) return false;
  const YAML::Node meta = root["metadata"];
  if (meta && meta.IsMap() && scalar_at(meta, "name").find("{{") != std::string::npos) return true;
  return has_template_structure(root);
}

/// Parser state for one document: location arithmetic and counting live here.
class DocumentReader {
 public:
  DocumentReader(const RawDocument& raw, const std::string& file, const DocumentSink& sink, Diagnostics& diags,
                 LoadStats& stats)
      : raw_(raw), file_(file), sink_(sink), diags_(diags), stats_(stats) {}

  void run() {
    YAML::Node root;
    try {
      root = YAML::Load(raw_.text);
    } catch (const YAML::Exception& e) {
      report_parse_error(e);
      return;
    }
    if (!root || root.IsNull()) return;  // only comments or an explicit null: an empty document
    const std::string kind = root.IsMap() ? scalar_at(root, "kind") : std::string{};
    const YAML::Node items = root.IsMap() ? std::as_const(root)["items"] : YAML::Node();
    if (kind.size() >= 4 && kind.ends_with("List") && items && items.IsSequence() && !looks_unrendered(raw_.text, root)) {
      unpack_list(root, kind, items);  // each item counts as a document
      return;
    }
    ++stats_.documents;
    if (!root.IsMap()) {
      fail(line_of(root), fmt::format("document is a YAML {}, not a Kubernetes object (expected a mapping with apiVersion and kind)",
                                      root.IsSequence() ? "sequence" : "scalar"));
      return;
    }
    if (looks_unrendered(raw_.text, root)) {
      fail(line_of(root), std::string(kHelmHint));
      return;
    }
    emit(root, "", "");
  }

 private:
  int line_of(const YAML::Node& node) const {
    const int rel = node.Mark().line;
    return raw_.first_line + (rel < 0 ? 0 : rel);
  }

  SourceLocation at(int line, int column = 0) const { return SourceLocation{file_, line, column, raw_.helm_template}; }

  void fail(int line, std::string message) {
    ++stats_.failed;
    diags_.push_back(Diagnostic{Severity::error, at(line), std::move(message)});
  }

  void report_parse_error(const YAML::Exception& e) {
    ++stats_.documents;
    const int rel_line = e.mark.line < 0 ? 0 : e.mark.line;
    int column = e.mark.column < 0 ? 0 : e.mark.column + 1;
    if (rel_line == 0 && column > 0) column += raw_.first_column_shift;
    std::string message = fmt::format("cannot parse YAML: {}", e.msg);
    if (raw_.text.find("{{") != std::string::npos) message = fmt::format("{} ({})", kHelmHint, message);
    ++stats_.failed;
    diags_.push_back(Diagnostic{Severity::error, at(raw_.first_line + rel_line, column), std::move(message)});
  }

  void unpack_list(const YAML::Node& list, const std::string& list_kind, const YAML::Node& items) {
    const std::string item_kind = item_kind_of_list(list_kind);
    const std::string list_api = scalar_at(list, "apiVersion");
    for (YAML::Node item : items) {
      ++stats_.documents;
      if (!item.IsMap()) {
        fail(line_of(item), fmt::format("item of {} is not a Kubernetes object (expected a mapping)", list_kind));
        continue;
      }
      emit(item, item_kind, item_kind.empty() ? "" : list_api);
    }
  }

  /// Fills in kind/apiVersion when they can be inferred, then checks and hands over the object.
  void emit(YAML::Node obj, const std::string& inferred_kind, const std::string& inferred_api) {
    const int line = line_of(obj);
    if (scalar_at(obj, "kind").empty()) {
      std::string kind = inferred_kind;
      std::string api = inferred_api;
      const YAML::Node status = std::as_const(obj)["status"];
      if (kind.empty() && status && status.IsMap() && status["nodeInfo"]) {
        kind = "Node";
        api = "v1";
      }
      if (kind.empty()) {
        fail(line, "object has no kind (every Kubernetes object needs apiVersion and kind)");
        return;
      }
      obj["kind"] = kind;
      if (scalar_at(obj, "apiVersion").empty() && !api.empty()) obj["apiVersion"] = api;
    }
    if (scalar_at(obj, "apiVersion").empty()) {
      fail(line, fmt::format("{} object has no apiVersion", scalar_at(obj, "kind")));
      return;
    }
    ++stats_.objects;
    sink_(Document{obj, at(line)});
  }

  const RawDocument& raw_;
  const std::string& file_;
  const DocumentSink& sink_;
  Diagnostics& diags_;
  LoadStats& stats_;
};

}  // namespace

std::string item_kind_of_list(const std::string& list_kind) {
  if (list_kind == "List" || !list_kind.ends_with("List")) return {};
  return list_kind.substr(0, list_kind.size() - 4);
}

void parse_document(const RawDocument& raw, const std::string& file, const DocumentSink& sink, Diagnostics& diags,
                    LoadStats& stats) {
  if (!raw.has_content) return;
  DocumentReader(raw, file, sink, diags, stats).run();
}

}  // namespace faultline::load
