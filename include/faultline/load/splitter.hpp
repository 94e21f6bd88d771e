#pragma once
/// Splits a YAML stream into documents by scanning lines, so only one document is parsed at a time.
#include <functional>
#include <string>
#include <string_view>

namespace faultline::load {

/// One document's text and where it sits in its file.
struct RawDocument {
  std::string text;           ///< the document without its `---` marker (content after `--- ` kept)
  int first_line = 1;         ///< 1-based file line of the first line of `text`
  int first_column_shift = 0; ///< columns removed from the first line (`--- ` before content)
  std::string helm_template;  ///< from a preceding `# Source: <template>` comment
  bool has_content = false;   ///< false when only blank lines, comments or directives
};

/// Calls `on_doc` for every document of `text`: separated by `---` (alone, with a comment, or
/// followed by content), ended by `...`, after optional `%` directives. Documents without
/// content are passed too (has_content false) so callers can ignore them explicitly.
void split_documents(std::string_view text, const std::function<void(RawDocument&&)>& on_doc);

}  // namespace faultline::load
