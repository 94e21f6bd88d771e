// Byte-level checks run before any YAML parsing, so binary files give one clear message
// instead of a parser error about an odd character.
#include "faultline/load/text_checks.hpp"

#include <algorithm>
#include <cstring>

namespace faultline::load {
namespace {

int line_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

/// Length of the UTF-8 sequence starting at `i`, or 0 when it is malformed.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t len = 0;
  unsigned min_value = 0;
  unsigned value = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) { len = 2; min_value = 0x80; value = lead & 0x1Fu; }
  else if ((lead & 0xF0) == 0xE0) { len = 3; min_value = 0x800; value = lead & 0x0Fu; }
  else if ((lead & 0xF8) == 0xF0) { len = 4; min_value = 0x10000; value = lead & 0x07u; }
  else return 0;
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3Fu);
  }
  if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::string_view strip_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::optional<TextProblem> check_text(std::string_view text) {
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
    return TextProblem{1, "file is UTF-16 encoded; convert it to UTF-8"};
  if (const void* nul = std::memchr(text.data(), '\0', text.size()))
    return TextProblem{line_at(text, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data())),
                       "file looks binary (it contains NUL bytes); expected YAML or JSON text"};
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence(text, i);
    if (len == 0) return TextProblem{line_at(text, i), "file is not valid UTF-8 text; expected YAML or JSON"};
    i += len;
  }
  return std::nullopt;
}

}  // namespace faultline::load
