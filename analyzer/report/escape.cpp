// Escaping for XML (JUnit) and Markdown: input strings become text in them, never markup.
#include "faultline/report/escape.hpp"

#include <algorithm>

#include "faultline/report/terminal_text.hpp"

namespace faultline::report {
namespace {

/// XML 1.0's Char production: tab, newline, return, and U+0020 up, minus surrogates, U+FFFE, U+FFFF.
bool xml_allowed(char32_t cp) {
  return cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      char32_t cp = 0;
      const std::size_t length = utf8_sequence(text, i, cp);
      if (length > 0 && xml_allowed(cp)) out.append(text.substr(i, length));
      i += length == 0 ? 1 : length;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (xml_allowed(c)) out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

std::string markdown_text(std::string_view text) {
  const std::string plain = terminal_text(text);  // no newline or control character is left
  std::string out;
  out.reserve(plain.size());
  for (const char c : plain) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\': case '`': case '*': case '_': case '~': case '[': case ']': case '|': case '#': case '!':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_code(std::string_view text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '/' || c == '-';
  });
  return plain ? "`" + std::string(text) + "`" : markdown_text(text);
}

}  // namespace faultline::report
