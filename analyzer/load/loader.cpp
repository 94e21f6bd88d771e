// Entry points of the load stage: paths to files, files to text, text to documents.
#include "faultline/load/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "faultline/load/document_parser.hpp"
#include "faultline/load/splitter.hpp"
#include "faultline/load/text_checks.hpp"

namespace faultline::load {
namespace fs = std::filesystem;

namespace {

bool has_manifest_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

/// Walks the inputs in a deterministic order and loads every manifest file once.
class InputWalker {
 public:
  InputWalker(const DocumentSink& sink, Diagnostics& diags, LoadStats& stats) : sink_(sink), diags_(diags), stats_(stats) {}

  void load_path(const std::string& path) {
    if (path == "-") {
      load_stdin();
      return;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      const bool dangling = fs::is_symlink(fs::symlink_status(path, ec));
      error(path, dangling ? "path is a symbolic link whose target does not exist" : "path does not exist");
      return;
    }
    if (fs::is_directory(st)) {
      walk_directory(path);
    } else {
      load_file(path);
    }
  }

 private:
  void error(const std::string& file, std::string message, Severity severity = Severity::error) {
    diags_.push_back(Diagnostic{severity, SourceLocation{file, 0, 0, {}}, std::move(message)});
  }

  /// A file that could not be read at all counts as one failed document, so totals add up.
  void unreadable(const std::string& file, std::string message) {
    ++stats_.documents;
    ++stats_.failed;
    error(file, std::move(message));
  }

  void load_stdin() {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    ++stats_.files;
    load_contents(buffer.str(), "<stdin>");
  }

  void load_file(const std::string& file) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(file, ec);
    if (!ec && !seen_files_.insert(canonical).second) return;  // same file reached twice through symlinks
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      unreadable(file, fmt::format("cannot read file: {}", std::strerror(errno)));
      return;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
      unreadable(file, "cannot read file: I/O error");
      return;
    }
    ++stats_.files;
    load_contents(text, file);
  }

  void load_contents(const std::string& text, const std::string& file) {
    const LoadStats added = load_text(text, file, sink_, diags_);
    stats_.documents += added.documents;
    stats_.objects += added.objects;
    stats_.failed += added.failed;
  }

  /// Recursion with the chain of canonical directories on the stack, so a symlink back to an
  /// ancestor is reported instead of followed forever.
  void walk_directory(const fs::path& dir) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      unreadable(dir.string(), fmt::format("cannot read directory: {}", ec.message()));
      return;
    }
    if (std::find(ancestors_.begin(), ancestors_.end(), canonical) != ancestors_.end()) {
      error(dir.string(), fmt::format("symbolic link loop: {} leads back to {}; not followed", dir.string(), canonical.string()),
            Severity::warning);
      return;
    }
    if (!seen_dirs_.insert(canonical).second) return;  // reached before through another link
    std::vector<fs::path> entries;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      unreadable(dir.string(), fmt::format("cannot read directory: {}", ec.message()));
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(it->path());
    }
    if (ec) error(dir.string(), fmt::format("cannot list the whole directory: {}", ec.message()));
    std::sort(entries.begin(), entries.end());
    ancestors_.push_back(canonical);
    for (const fs::path& entry : entries) visit_entry(entry);
    ancestors_.pop_back();
  }

  void visit_entry(const fs::path& entry) {
    std::error_code ec;
    const fs::file_status st = fs::status(entry, ec);
    if (ec) {
      const std::string reason = ec.message();
      if (fs::is_symlink(fs::symlink_status(entry, ec)) || has_manifest_extension(entry))
        error(entry.string(), fmt::format("cannot follow entry: {}; skipped", reason), Severity::warning);
      return;
    }
    if (fs::is_directory(st)) {
      walk_directory(entry);
    } else if (fs::is_regular_file(st) && has_manifest_extension(entry)) {
      load_file(entry.string());
    }
  }

  const DocumentSink& sink_;
  Diagnostics& diags_;
  LoadStats& stats_;
  std::vector<fs::path> ancestors_;
  std::set<fs::path> seen_dirs_;
  std::set<fs::path> seen_files_;
};

}  // namespace

LoadStats load_inputs(const std::vector<std::string>& paths, const DocumentSink& sink, Diagnostics& diags) {
  LoadStats stats;
  InputWalker walker(sink, diags, stats);
  if (paths.empty()) {
    walker.load_path("-");
    return stats;
  }
  for (const std::string& path : paths) walker.load_path(path);
  return stats;
}

LoadStats load_text(const std::string& text, const std::string& file, const DocumentSink& sink, Diagnostics& diags) {
  LoadStats stats;
  const std::string_view body = strip_bom(text);
  if (const auto problem = check_text(body)) {
    ++stats.documents;
    ++stats.failed;
    diags.push_back(Diagnostic{Severity::error, SourceLocation{file, problem->line, 0, {}}, problem->message});
    return stats;
  }
  split_documents(body, [&](RawDocument&& raw) { parse_document(raw, file, sink, diags, stats); });
  return stats;
}

}  // namespace faultline::load
