#pragma once
/// Escaping for the markup formats: whatever an input string holds stays text, never markup.
#include <string>
#include <string_view>

namespace faultline::report {

/// XML 1.0 character data or attribute value: & < > " ' escaped; characters XML 1.0 cannot hold
/// (C0 controls other than tab, newline and return, U+FFFE, U+FFFF) and invalid UTF-8 removed.
std::string xml_escape(std::string_view text);

/// Inline Markdown (a paragraph, a list item, a table cell): control characters and newlines
/// shown as escapes (terminal_text), HTML characters as entities, and the characters Markdown
/// reads as markup (emphasis, code, links, table pipes) backslash-escaped.
std::string markdown_text(std::string_view text);

/// A code span for an identifier ([A-Za-z0-9._/-] only); anything else is markdown_text.
std::string markdown_code(std::string_view text);

}  // namespace faultline::report
