#pragma once
/// Splits a YAML stream into documents by scanning lines, so only one document is held at a time.
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::load {

/// A line whose bytes are not UTF-8 text (1-based file line).
struct BadLine {
  int line = 0;
  std::string message;
};

/// One document's text and where it sits in its file.
struct RawDocument {
  std::string text;           ///< the document without its `---` marker (content after `--- ` kept)
  int first_line = 1;         ///< 1-based file line of the first line of `text`
  int first_column_shift = 0; ///< columns removed from the first line (`--- ` before content)
  std::string helm_template;  ///< from a preceding `# Source: <template>` comment
  bool has_content = false;   ///< false when only blank lines, comments or directives
  std::string kind;           ///< from a `kind:` line at column 0 (block style); empty when none
  std::string api_version;    ///< from an `apiVersion:` line at column 0
  std::size_t bytes = 0;      ///< size of the document in the input, even when `text` was cut
  bool oversized = false;     ///< larger than the document limit: `text` was not kept
  std::optional<BadLine> bad_content;        ///< first content line that is not UTF-8 text
  std::vector<BadLine> bad_comments;         ///< comment lines that are not UTF-8 text (blanked in `text`)
};

/// Feeds lines one at a time and hands over each document when its end is seen: separated by
/// `---` (alone, with a comment, or followed by content), ended by `...`, after optional `%`
/// directives, or, for a document that is one JSON (flow) value, where the next value starts
/// (`{…}{…}` or `{…}` then `{…}` on a later line, as a loop of `kubectl get -o json` writes).
/// Documents without content are passed too (has_content false).
class DocumentSplitter {
 public:
  explicit DocumentSplitter(std::function<void(RawDocument&&)> on_doc,
                   std::size_t max_document_bytes = std::numeric_limits<std::size_t>::max());
  /// One line without its '\n'; `cut` when the reader kept only the start of a longer line.
  void add_line(std::string_view line, std::size_t full_length, bool cut = false);
  void add_line(std::string_view line) { add_line(line, line.size()); }
  /// Ends the stream: hands over the last document.
  void finish();
  /// Drops the document in progress (the input was cut inside it); returns its first line.
  int discard();
  int lines() const { return line_no_; }

 private:
  void start(int first_line);
  void append(std::string_view line, std::size_t full_length);
  void note_comment(std::string_view comment);
  void note_top_level(std::string_view line);
  void add_content(std::string_view line, std::size_t full_length);
  std::size_t next_flow_value(std::string_view line, std::size_t from);
  std::size_t skip_string(std::string_view line, std::size_t i);

  /// Where the current document stands in a top-level flow value (a JSON object or array).
  struct FlowState {
    enum class Phase { before, inside, closed, off } phase = Phase::before;
    int depth = 0;
    char quote = 0;          ///< the open string's quote character, 0 outside strings
    bool escaped = false;    ///< the previous character was a backslash inside "…"
    char last = 0;           ///< the last significant character outside strings
  };

  std::function<void(RawDocument&&)> on_doc_;
  std::size_t max_bytes_;
  RawDocument doc_;
  FlowState flow_;
  int line_no_ = 0;
};

/// Calls `on_doc` for every document of `text` (see DocumentSplitter).
void split_documents(std::string_view text, const std::function<void(RawDocument&&)>& on_doc,
                     std::size_t max_document_bytes = std::numeric_limits<std::size_t>::max());

}  // namespace faultline::load
