// Entry points of the load stage: paths to files, files to text, text to documents.
#include "faultline/load/loader.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "faultline/load/document_batch.hpp"
#include "faultline/load/splitter.hpp"
#include "faultline/load/text_checks.hpp"
#include "input_file.hpp"

namespace faultline::load {
namespace fs = std::filesystem;

namespace {

bool has_manifest_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

constexpr std::size_t kChunkBytes = 1u << 20;

/// Reads one stream in chunks and feeds its lines to a splitter, so no file is ever held whole:
/// memory is bounded by the largest document (--max-document-bytes), not by the file.
class StreamReader {
 public:
  StreamReader(const std::string& file, DocumentBatch& batch, Diagnostics& diags, LoadStats& stats, const Limits& limits)
      : file_(file), batch_(batch), diags_(diags), stats_(stats), limits_(limits),
        splitter_([this](RawDocument&& raw) { batch_.add(std::move(raw), file_); }, limits.max_document_bytes) {}

  /// `chunk` is the caller's buffer, reused for every file: a directory of 100,000 small files
  /// must not allocate and clear a megabyte for each.
  void read(std::istream& in, std::vector<char>& chunk) {
    const std::uint64_t total_left = limits_.max_total_bytes > stats_.bytes ? limits_.max_total_bytes - stats_.bytes : 0;
    const std::uint64_t budget = std::min(limits_.max_file_bytes, total_left);
    chunk.resize(kChunkBytes);
    std::uint64_t read_bytes = 0;
    bool first = true;
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      std::string_view data(chunk.data(), static_cast<std::size_t>(in.gcount()));
      if (data.empty()) break;
      if (read_bytes + data.size() > budget) {
        data = data.substr(0, static_cast<std::size_t>(budget - read_bytes));
        cut_ = true;
      }
      read_bytes += data.size();
      if (first) {
        first = false;
        if (const auto problem = foreign_encoding(data)) {
          refuse(std::move(*problem));
          stats_.bytes += read_bytes;
          return;
        }
        data = strip_bom(data);
      }
      feed(data);
      if (cut_) break;
    }
    stats_.bytes += read_bytes;
    if (in.bad()) error_at(splitter_.lines() + 1, "cannot read the rest of the input: I/O error");
    if (cut_) {
      const int first_line = splitter_.discard();
      const bool total = budget < limits_.max_file_bytes;
      error_at(first_line, total ? fmt::format("inputs are too large together: more than {} bytes (maximum, --max-total-bytes); "
                                               "the rest is not read", limits_.max_total_bytes)
                                 : fmt::format("input is too large: more than {} bytes (maximum, --max-file-bytes); the "
                                               "rest of it is not read", limits_.max_file_bytes));
      return;
    }
    if (!line_.empty() || line_length_ > 0) end_line();
    splitter_.finish();
  }

 private:
  void feed(std::string_view data) {
    while (!data.empty()) {
      const auto nl = data.find('\n');
      const std::string_view part = data.substr(0, nl);
      // A line longer than any document can hold is kept only as far as the limit.
      const std::size_t room = limits_.max_document_bytes + 1 > line_.size() ? limits_.max_document_bytes + 1 - line_.size() : 0;
      line_.append(part.substr(0, std::min(room, part.size())));
      line_length_ += part.size();
      if (nl == std::string_view::npos) return;
      end_line();
      data.remove_prefix(nl + 1);
    }
  }

  void end_line() {
    splitter_.add_line(line_, line_length_, line_.size() < line_length_);
    line_.clear();
    line_length_ = 0;
  }

  void refuse(std::string message) {
    ++stats_.documents;
    ++stats_.failed;
    error_at(1, std::move(message));
  }

  void error_at(int line, std::string message) {
    batch_.flush();  // the documents before it come first, whatever --jobs is
    diags_.push_back(Diagnostic{Severity::error, SourceLocation{file_, line, 0, {}}, std::move(message)});
  }

  const std::string& file_;
  DocumentBatch& batch_;
  Diagnostics& diags_;
  LoadStats& stats_;
  const Limits& limits_;
  DocumentSplitter splitter_;
  std::string line_;
  std::size_t line_length_ = 0;
  bool cut_ = false;
};

/// Walks the inputs in a deterministic order and loads every manifest file once.
class InputWalker {
 public:
  InputWalker(const DocumentSink& sink, const DocumentPreparer& prepare, Diagnostics& diags, LoadStats& stats, const Limits& limits,
              const InputFilter& filter)
      : diags_(diags), stats_(stats), limits_(limits), filter_(filter), batch_(sink, prepare, diags, stats, limits) {}

  void finish() { batch_.flush(); }

  void load_stream(std::istream& in, const std::string& file) {
    ++stats_.files;
    StreamReader(file, batch_, diags_, stats_, limits_).read(in, chunk_);
    batch_.flush();  // a file's diagnostics stay together, before the next file's
  }

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
      walk_directory(path, true);
    } else if (const auto reason = filter_.skip_reason(path, false)) {
      ++stats_.skipped_files;
      error(path, "skipped: " + *reason, Severity::info);
    } else {
      load_file(path, true);
    }
  }

 private:
  void error(const std::string& file, std::string message, Severity severity = Severity::error) {
    diags_.push_back(Diagnostic{severity, SourceLocation{file, 0, 0, {}}, std::move(message)});
  }

  /// A path named on the command line that cannot be read is an error and counts as one failed
  /// document, so totals add up; met inside a directory (`named` false) it is skipped with a
  /// warning, like a FIFO.
  void unreadable(const std::string& file, const std::string& message, bool named) {
    if (!named) {
      error(file, message + "; skipped", Severity::warning);
      return;
    }
    ++stats_.documents;
    ++stats_.failed;
    error(file, message);
  }

  void load_stdin() {
    std::cin.clear();
    load_stream(std::cin, "<stdin>");
  }

  /// `named`: given on the command line, where a FIFO is read (`<(helm template ...)`); in a
  /// directory walk only regular files are opened, without blocking.
  void load_file(const std::string& file, bool named) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(file, ec);
    if (!ec && !seen_files_.insert(canonical).second) return;  // same file reached twice through symlinks
    std::error_code size_ec;
    const std::uintmax_t size = fs::is_regular_file(file, size_ec) ? fs::file_size(file, size_ec) : 0;
    if (!size_ec && size > limits_.max_file_bytes) {
      // An input limit, so an error wherever the file was met.
      unreadable(file, fmt::format("file is too large: {} bytes (maximum {}, --max-file-bytes); skipped", size,
                                   limits_.max_file_bytes), true);
      return;
    }
    const OpenedInput opened = open_input(file, !named);
    if (opened.not_regular) {
      not_regular(file);
      return;
    }
    if (opened.fd < 0) {
      unreadable(file, "cannot read file: " + opened.error, named);
      return;
    }
    FileReadBuf buffer(opened.fd);
    std::istream in(&buffer);
    load_stream(in, file);
  }

  void not_regular(const std::string& file) {
    error(file, "not a regular file (a FIFO, socket or device) inside a directory; skipped", Severity::warning);
  }

  /// Recursion with the chain of canonical directories on the stack, so a symlink back to an
  /// ancestor is reported instead of followed forever.
  void walk_directory(const fs::path& dir, bool named) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      unreadable(dir.string(), fmt::format("cannot read directory: {}", ec.message()), named);
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
      unreadable(dir.string(), fmt::format("cannot read directory: {}", ec.message()), named);
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
      if (!filter_.skip_reason(entry, true)) walk_directory(entry, false);
    } else if (fs::is_regular_file(st) && has_manifest_extension(entry)) {
      if (filter_.skip_reason(entry, false)) ++stats_.skipped_files;
      else load_file(entry.string(), false);
    } else if (has_manifest_extension(entry)) {
      // Reading a FIFO could block for ever and a device could be endless: only named ones are read.
      not_regular(entry.string());
    }
  }

  Diagnostics& diags_;
  LoadStats& stats_;
  const Limits& limits_;
  const InputFilter& filter_;
  DocumentBatch batch_;
  std::vector<fs::path> ancestors_;
  std::set<fs::path> seen_dirs_;
  std::set<fs::path> seen_files_;
  std::vector<char> chunk_;
};

}  // namespace

void LoadStats::add(const LoadStats& other) {
  documents += other.documents;
  objects += other.objects;
  failed += other.failed;
  files += other.files;
  skipped_files += other.skipped_files;
  bytes += other.bytes;
}

LoadStats load_inputs(const std::vector<std::string>& paths, const DocumentSink& sink, Diagnostics& diags,
                      const Limits& limits, const InputFilter& filter, const DocumentPreparer& prepare) {
  LoadStats stats;
  InputWalker walker(sink, prepare, diags, stats, limits, filter);
  if (paths.empty()) walker.load_path("-");
  for (const std::string& path : paths) walker.load_path(path);
  walker.finish();
  return stats;
}

LoadStats load_stream(std::istream& in, const std::string& file, const DocumentSink& sink, Diagnostics& diags,
                      const Limits& limits, const DocumentPreparer& prepare) {
  LoadStats stats;
  const InputFilter no_filter;
  InputWalker walker(sink, prepare, diags, stats, limits, no_filter);
  walker.load_stream(in, file);
  walker.finish();
  return stats;
}

LoadStats load_text(const std::string& text, const std::string& file, const DocumentSink& sink, Diagnostics& diags,
                    const Limits& limits, const DocumentPreparer& prepare) {
  std::istringstream in(text);
  LoadStats stats = load_stream(in, file, sink, diags, limits, prepare);
  stats.files = 0;  // in-memory text is not a file
  return stats;
}

}  // namespace faultline::load
