// One document at a time: scan its events within the limits, parse it (all of it, or only its
// identity for kinds the analysis never reads), check it is a Kubernetes object, unpack lists.
#include "faultline/load/document_parser.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "faultline/load/content_hash.hpp"
#include "faultline/load/event_scan.hpp"
#include "faultline/load/event_tree.hpp"
#include "faultline/load/tree_builder.hpp"
#include "faultline/load/tree_yaml.hpp"
#include "faultline/load/yaml_fixups.hpp"

namespace faultline::load {
namespace {

constexpr std::string_view kHelmHint = "it looks like an unrendered Helm template ({{ ... }}); run `helm template` first and check its output";

std::string scalar_at(const Node& map, const char* key) {
  const Node v = map[key];
  return v && v.IsScalar() ? std::string(v.Scalar()) : std::string{};
}

/// A mapping whose key is itself a mapping: what `{{ .Values.x }}` parses to as YAML.
bool has_template_structure(const Node& node) {
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

/// Kinds whose body no stage reads: the model keeps them by name only (see model/builder.cpp).
/// Not CustomResourceDefinition (the expand stage reads its schema for replicas-like fields) nor
/// Event (observed health reads FailedScheduling events).
constexpr std::array<std::string_view, 8> kMetadataOnlyKinds{
    "ClusterRole", "ClusterRoleBinding", "NetworkPolicy", "Role", "RoleBinding", "Secret", "ServiceAccount", "APIService"};

/// The lines of the top-level keys apiVersion, kind and metadata; every other line is left
/// empty so that line numbers stay those of the file, and the tail after the last kept line
/// is dropped. Only called for block-style documents (a `kind:` line at column 0).
std::string identity_text(std::string_view text) {
  std::string out;
  std::size_t kept_end = 0;
  bool keep = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.front() != ' ' && line.front() != '\t' && line.front() != '#')
      keep = line.starts_with("apiVersion:") || line.starts_with("kind:") || line.starts_with("metadata:");
    if (keep) {
      out.append(line);
      kept_end = out.size() + 1;
    }
    out.push_back('\n');
  }
  out.resize(kept_end);
  return out;
}

bool looks_unrendered(const std::string& text, const Node& root) {
  if (text.find("{{") == std::string::npos) return false;
  const Node meta = root["metadata"];
  if (meta && meta.IsMap() && scalar_at(meta, "name").find("{{") != std::string::npos) return true;
  return has_template_structure(root);
}

std::string not_an_object(bool sequence) {
  return fmt::format("document is a YAML {}, not a Kubernetes object (expected a mapping with apiVersion and kind)",
                     sequence ? "sequence" : "scalar");
}

/// Parser state for one document: location arithmetic and counting live here.
class DocumentReader {
 public:
  DocumentReader(const RawDocument& raw, const std::string& file, const Limits& limits, ParsedDocument& out)
      : raw_(raw), file_(file), limits_(limits), out_(out) {}

  void run() {
    for (const BadLine& bad : raw_.bad_comments)
      warn(bad.line, fmt::format("{} in a comment; the comment is ignored", bad.message));
    if (raw_.oversized) {
      ++out_.stats.documents;
      fail(raw_.first_line, fmt::format("document is too large: {} bytes (maximum {}, --max-document-bytes); skipped",
                                        raw_.bytes, limits_.max_document_bytes));
      return;
    }
    if (raw_.bad_content) {
      ++out_.stats.documents;
      fail(raw_.bad_content->line, fmt::format("{}; document skipped", raw_.bad_content->message));
      return;
    }
    // The kinds no stage reads are scanned only; the others are scanned and built in one pass.
    const bool identity_only = is_metadata_only_kind(raw_.api_version, raw_.kind) && raw_.text.find("{{") == std::string::npos;
    const bool crd = raw_.kind == "CustomResourceDefinition" && raw_.api_version.starts_with("apiextensions.k8s.io/");
    ScannedDocument scanned = identity_only ? ScannedDocument{scan_document(raw_.text, limits_), nullptr}
                                            : scan_and_build(raw_.text, limits_, crd ? Pruning::crd : Pruning::managed_fields);
    const ScanReport& scan = scanned.scan;
    if (scan.limit_exceeded) {
      ++out_.stats.documents;
      const auto& p = *scan.limit_exceeded;
      fail(raw_.first_line + p.line, p.message, column_at(p.line, p.column));
      return;
    }
    if (!scan.syntax_error && !scan.has_alias && scan.root != RootKind::mapping) {
      // Not an object, known without a tree: the same outcome as the parse below, far cheaper.
      if (scan.root == RootKind::none || scan.root == RootKind::null) return;
      ++out_.stats.documents;
      fail(raw_.first_line + scan.root_line, not_an_object(scan.root == RootKind::sequence));
      return;
    }
    if (identity_only && scan.syntax_error) {
      ++out_.stats.documents;
      const auto& p = *scan.syntax_error;
      fail(raw_.first_line + p.line, fmt::format("cannot parse YAML: {}", p.message), column_at(p.line, p.column));
      return;
    }
    try {
      // What libfyaml found valid is built from its events; yaml-cpp parses the rest for its messages.
      const auto parse = [&scan](const std::string& text) {
        std::shared_ptr<Tree> built = scan.syntax_error ? nullptr : build_compact_tree(text);
        return built ? built : tree_from_yaml(YAML::Load(text));
      };
      if (identity_only) {
        tree_ = parse(identity_text(raw_.text));
        // A column-0 `kind:` that was not the document's own (inside a multi-line scalar): read it all.
        if (!tree_->root().IsMap() || scalar_at(tree_->root(), "kind") != raw_.kind) tree_ = parse(raw_.text);
      } else {
        tree_ = scanned.tree ? std::move(scanned.tree) : tree_from_yaml(YAML::Load(raw_.text));
      }
    } catch (const YAML::Exception& e) {
      report_parse_error(e);
      return;
    }
    if (scan.syntax_error) {  // yaml-cpp accepted what is not YAML: refuse it as a YAML parser would
      ++out_.stats.documents;
      const auto& p = *scan.syntax_error;
      fail(raw_.first_line + p.line, fmt::format("cannot parse YAML: {}", p.message), column_at(p.line, p.column));
      return;
    }
    apply_fixups(scan);
    const Node root = tree_->root();
    if (!root || root.IsNull()) return;  // only comments or an explicit null: an empty document
    const std::string kind = root.IsMap() ? scalar_at(root, "kind") : std::string{};
    const Node items = root["items"];
    if (kind.size() >= 4 && kind.ends_with("List") && items && items.IsSequence() && !looks_unrendered(raw_.text, root)) {
      unpack_list(root, kind, items);  // each item counts as a document
      return;
    }
    ++out_.stats.documents;
    if (!root.IsMap()) {
      fail(line_of(root), not_an_object(root.IsSequence()));
      return;
    }
    if (looks_unrendered(raw_.text, root)) {
      fail(line_of(root), std::string(kHelmHint));
      return;
    }
    emit(root, "", "");
  }

 private:
  int line_of(const Node& node) const {
    const int rel = node.Mark().line;
    return raw_.first_line + (rel < 0 ? 0 : rel);
  }

  SourceLocation at(int line, int column = 0) const { return SourceLocation{file_, line, column, raw_.helm_template}; }

  /// 1-based column of a 0-based position of the text, counting what the splitter removed.
  int column_at(int rel_line, int rel_column) const {
    return rel_column + 1 + (rel_line == 0 ? raw_.first_column_shift : 0);
  }

  void fail(int line, std::string message, int column = 0) {
    ++out_.stats.failed;
    out_.diags.push_back(Diagnostic{Severity::error, at(line, column), std::move(message)});
  }

  void warn(int line, std::string message) { out_.diags.push_back(Diagnostic{Severity::warning, at(line), std::move(message)}); }

  /// Duplicate keys keep their last value, as the API server does; merge keys are resolved. Both
  /// are rare, and yaml-cpp's tree does them: the tree goes there and back.
  void apply_fixups(const ScanReport& scan) {
    for (const DuplicateKey& d : scan.duplicates)
      warn(raw_.first_line + d.line, fmt::format("duplicate key '{}' (first at line {}); the last value is used, as the "
                                                 "Kubernetes API server does",
                                                 d.key.substr(0, 80), raw_.first_line + d.first_line));
    if (scan.duplicates.empty() && !scan.has_merge_key) return;
    const std::uint64_t budget = 4 * (raw_.text.size() + limits_.max_aliases) + 16;
    YAML::Node root = to_yaml(tree_->root());
    if (!scan.duplicates.empty()) keep_last_duplicate(root, budget);
    if (scan.has_merge_key) resolve_merge_keys(root, budget);
    tree_ = tree_from_yaml(root);
  }

  void report_parse_error(const YAML::Exception& e) {
    ++out_.stats.documents;
    const int rel_line = e.mark.line < 0 ? 0 : e.mark.line;
    int column = e.mark.column < 0 ? 0 : e.mark.column + 1;
    if (rel_line == 0 && column > 0) column += raw_.first_column_shift;
    std::string message = fmt::format("cannot parse YAML: {}", e.msg);
    if (raw_.text.find("{{") != std::string::npos) message = fmt::format("{} ({})", kHelmHint, message);
    ++out_.stats.failed;
    out_.diags.push_back(Diagnostic{Severity::error, at(raw_.first_line + rel_line, column), std::move(message)});
  }

  void unpack_list(const Node& list, const std::string& list_kind, const Node& items) {
    const std::string item_kind = item_kind_of_list(list_kind);
    const std::string list_api = scalar_at(list, "apiVersion");
    for (const Node& item : items) {
      ++out_.stats.documents;
      if (!item.IsMap()) {
        fail(line_of(item), fmt::format("item of {} is not a Kubernetes object (expected a mapping)", list_kind));
        continue;
      }
      emit(item, item_kind, item_kind.empty() ? "" : list_api);
    }
  }

  /// Fills in kind/apiVersion when they can be inferred, then checks and hands over the object.
  void emit(const Node& obj, const std::string& inferred_kind, const std::string& inferred_api) {
    const int line = line_of(obj);
    if (scalar_at(obj, "kind").empty()) {
      std::string kind = inferred_kind;
      std::string api = inferred_api;
      const Node status = obj["status"];
      if (kind.empty() && status && status.IsMap() && status["nodeInfo"]) {
        kind = "Node";
        api = "v1";
      }
      if (kind.empty()) {
        fail(line, "object has no kind (every Kubernetes object needs apiVersion and kind)");
        return;
      }
      tree_->set_entry(obj, "kind", kind);
      if (scalar_at(obj, "apiVersion").empty() && !api.empty()) tree_->set_entry(obj, "apiVersion", api);
    }
    if (scalar_at(obj, "apiVersion").empty()) {
      fail(line, fmt::format("{} object has no apiVersion", scalar_at(obj, "kind")));
      return;
    }
    ++out_.stats.objects;
    out_.objects.emplace_back(out_.diags.size(), Document{obj, at(line), content_hash(obj), {}, tree_});
  }

  const RawDocument& raw_;
  const std::string& file_;
  const Limits& limits_;
  ParsedDocument& out_;
  std::shared_ptr<Tree> tree_;  ///< the document's tree, once parsed
};

}  // namespace

std::string item_kind_of_list(const std::string& list_kind) {
  if (list_kind == "List" || !list_kind.ends_with("List")) return {};
  return list_kind.substr(0, list_kind.size() - 4);
}

bool is_metadata_only_kind(const std::string& api_version, const std::string& kind) {
  if (std::find(kMetadataOnlyKinds.begin(), kMetadataOnlyKinds.end(), kind) == kMetadataOnlyKinds.end()) return false;
  // Built-in groups only: a custom resource that happens to be called Secret is read in full.
  const auto slash = api_version.find('/');
  if (slash == std::string::npos) return api_version == "v1";
  const std::string_view group(api_version.data(), slash);
  return group.ends_with(".k8s.io");
}

ParsedDocument parse_document(const RawDocument& raw, const std::string& file, const Limits& limits) {
  ParsedDocument out;
  if (!raw.has_content && raw.bad_comments.empty()) return out;
  DocumentReader(raw, file, limits, out).run();
  return out;
}

}  // namespace faultline::load
