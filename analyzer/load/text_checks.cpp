// Byte-level checks run before any YAML parsing, so binary files give one clear message
// instead of a parser error about an odd character.
#include "faultline/load/text_checks.hpp"

namespace faultline::load {
namespace {

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

std::optional<std::string> foreign_encoding(std::string_view head) {
  const auto at = [&](std::size_t k) { return k < head.size() ? static_cast<unsigned char>(head[k]) : 0xFFu; };
  // YAML 1.2 (5.2) detects the encoding from the first bytes: a BOM, or NULs beside an ASCII character.
  if (head.substr(0, 4) == std::string_view("\x00\x00\xFE\xFF", 4) || head.substr(0, 4) == std::string_view("\xFF\xFE\x00\x00", 4) ||
      (at(0) == 0 && at(1) == 0 && at(2) == 0 && at(3) != 0 && at(3) < 0x80))
    return "file is UTF-32 encoded; convert it to UTF-8 (e.g. iconv -f UTF-32 -t UTF-8)";
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF" || (at(0) == 0 && at(1) != 0 && at(1) < 0x80) ||
      (at(0) != 0 && at(0) < 0x80 && at(1) == 0))
    return "file is UTF-16 encoded; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)";
  return std::nullopt;
}

std::optional<std::string> line_problem(std::string_view line) {
  std::size_t i = 0;
  // Fast path over ASCII without NUL, which is nearly every line.
  while (i < line.size() && static_cast<unsigned char>(line[i]) - 1u < 0x7Fu) ++i;
  while (i < line.size()) {
    if (line[i] == '\0') return "the line holds a NUL byte: binary data, not YAML or JSON text";
    const std::size_t len = utf8_sequence(line, i);
    if (len == 0) return "the line is not valid UTF-8 text (expected YAML or JSON)";
    i += len;
  }
  return std::nullopt;
}

}  // namespace faultline::load
