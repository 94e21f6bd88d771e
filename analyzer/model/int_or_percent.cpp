// IntOrString arithmetic as intstr.GetScaledValueFromIntOrPercent computes it.
#include "faultline/model/int_or_percent.hpp"

#include "field_reader.hpp"

namespace faultline::model {

int IntOrPercent::resolve(int total, bool round_up) const {
  if (!percent) return value;
  const long product = static_cast<long>(value) * total;
  const long scaled = round_up ? (product + 99) / 100 : product / 100;
  return static_cast<int>(scaled);
}

std::string IntOrPercent::to_string() const { return percent ? std::to_string(value) + "%" : std::to_string(value); }

std::optional<IntOrPercent> parse_int_or_percent(std::string_view text) {
  const bool is_percent = !text.empty() && text.back() == '%';
  const std::string_view digits = is_percent ? text.substr(0, text.size() - 1) : text;
  if (digits.empty() || digits.front() == '-' || digits.front() == '+') return std::nullopt;
  const auto value = parse_integer(digits);
  if (!value || *value > kMaxIntOrPercent) return std::nullopt;
  return IntOrPercent{static_cast<int>(*value), is_percent};
}

}  // namespace faultline::model
