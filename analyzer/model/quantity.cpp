// resource.Quantity: <sign><digits>[.<digits>]<suffix>, suffix one of the binary SI (Ki … Ei),
// decimal SI (m, k, M, G, T, P, E) or a decimal exponent (e3, E-2). Computed in 128 bits so the
// rounding is exact; anything beyond 2^63 − 1 is refused rather than clamped.
#include "faultline/model/quantity.hpp"

#include <array>
#include <cctype>
#include <limits>

#include <fmt/format.h>

namespace faultline::model {
namespace {

__extension__ typedef unsigned __int128 Big;  // GCC and Clang; exact intermediate products
constexpr Big kMax = static_cast<Big>(std::numeric_limits<std::int64_t>::max());
// Intermediate bound: 19 significant digits (< 2^64) times 2^60 stays below it.
constexpr Big kWorkingMax = static_cast<Big>(1) << 126;

struct Suffix {
  int exp10 = 0;
  int exp2 = 0;
};

std::optional<Suffix> parse_suffix(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, Suffix>, 14> kSuffixes{{
      {"", {0, 0}}, {"m", {-3, 0}}, {"k", {3, 0}}, {"M", {6, 0}}, {"G", {9, 0}}, {"T", {12, 0}}, {"P", {15, 0}},
      {"E", {18, 0}}, {"Ki", {0, 10}}, {"Mi", {0, 20}}, {"Gi", {0, 30}}, {"Ti", {0, 40}}, {"Pi", {0, 50}}, {"Ei", {0, 60}},
  }};
  for (const auto& [text, suffix] : kSuffixes)
    if (s == text) return suffix;
  if (s.size() < 2 || (s[0] != 'e' && s[0] != 'E')) return std::nullopt;
  std::size_t i = 1;
  const bool negative = s[i] == '-';
  if (s[i] == '+' || s[i] == '-') ++i;
  if (i == s.size() || s.size() - i > 4) return std::nullopt;
  int exp = 0;
  for (; i < s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    exp = exp * 10 + (s[i] - '0');
  }
  return Suffix{negative ? -exp : exp, 0};
}

bool multiply(Big& value, Big factor) {
  if (value != 0 && factor > kWorkingMax / value) return false;
  value *= factor;
  return true;
}

}  // namespace

int resource_scale(std::string_view resource) { return resource == "cpu" ? 3 : 0; }

std::optional<std::int64_t> parse_quantity(std::string_view text, int scale, std::string& error) {
  const auto fail = [&](std::string_view why) -> std::optional<std::int64_t> {
    error = fmt::format("\"{}\" is not a quantity ({})", text, why);
    return std::nullopt;
  };
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) ++i;
  Big mantissa = 0;
  int digits = 0, fraction = 0;
  bool point = false, seen_digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    seen_digit = true;
    if (point) ++fraction;
    if (mantissa == 0 && c == '0') continue;  // leading zeros carry no value
    if (++digits > 19) return fail("more than 19 significant digits");
    mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
  }
  if (!seen_digit) return fail("expected a number such as 500m, 1Gi, 0.5 or 1e3");
  const auto suffix = parse_suffix(text.substr(i));
  if (!suffix) return fail(fmt::format("unknown suffix \"{}\"", text.substr(i)));
  Big value = mantissa;
  if (!multiply(value, static_cast<Big>(1) << suffix->exp2)) return fail("larger than 2^63 - 1");
  int exp10 = suffix->exp10 + scale - fraction;
  for (; exp10 > 0; --exp10)
    if (!multiply(value, 10)) return fail("larger than 2^63 - 1");
  if (exp10 < 0) {
    Big divisor = 1;
    bool tiny = false;
    for (; exp10 < 0; ++exp10) {
      if (divisor > kWorkingMax / 10) {
        tiny = true;
        break;
      }
      divisor *= 10;
    }
    // Rounded away from zero, as Quantity.ScaledValue rounds up.
    value = tiny ? (value != 0 ? 1 : 0) : (value + divisor - 1) / divisor;
  }
  if (value > kMax) return fail("larger than 2^63 - 1");
  const auto magnitude = static_cast<std::int64_t>(value);
  return negative ? -magnitude : magnitude;
}

std::string format_quantity(std::string_view resource, std::int64_t amount) {
  if (resource == "cpu") return amount % 1000 == 0 ? std::to_string(amount / 1000) : fmt::format("{}m", amount);
  if (resource == "memory" || resource == "ephemeral-storage" || resource.starts_with("hugepages-")) {
    static constexpr std::array<std::string_view, 6> kUnits{"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
    for (std::size_t k = 0; k < kUnits.size(); ++k) {
      const std::int64_t unit = std::int64_t{1} << (10 * (kUnits.size() - k));
      if (amount != 0 && amount % unit == 0) return fmt::format("{}{}", amount / unit, kUnits[k]);
    }
  }
  return std::to_string(amount);
}

}  // namespace faultline::model
