// Excerpts of values and integer checks shared by the model and expand stages.
#include "faultline/common/value_text.hpp"

#include <charconv>

#include <fmt/format.h>

namespace faultline {

std::string quoted_excerpt(std::string_view value) {
  if (value.size() <= kExcerptBytes) return fmt::format("\"{}\"", value);
  std::size_t cut = kExcerptBytes;
  // Back up over UTF-8 continuation bytes so the excerpt never ends inside a character.
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0u) == 0x80u) --cut;
  return fmt::format("\"{}…\" ({} bytes)", value.substr(0, cut), value.size());
}

std::optional<std::string> integer_problem(std::string_view text, long min, long max, long& value) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  const char* first = digits.data();
  const char* last = first + digits.size();
  const auto [end, ec] = std::from_chars(first, last, value);
  if (digits.empty() || end != last || (ec != std::errc{} && ec != std::errc::result_out_of_range)) {
    return fmt::format("invalid value {} (expected an integer)", quoted_excerpt(text));
  }
  const bool negative = digits.front() == '-';
  if (ec == std::errc::result_out_of_range || value > max || value < min) {
    const std::string shown = ec == std::errc{} ? std::to_string(value) : quoted_excerpt(text);
    const bool below = ec == std::errc{} ? value < min : negative;
    if (below) return fmt::format("{} is too small (minimum {})", shown, min);
    return fmt::format("{} is too large (maximum {})", shown, max);
  }
  return std::nullopt;
}

}  // namespace faultline
