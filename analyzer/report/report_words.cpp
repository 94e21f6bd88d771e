// Wording shared by the report writers.
#include "report_words.hpp"

#include <fmt/format.h>

#include "faultline/report/terminal_text.hpp"

namespace faultline::report {

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string location_words(const SourceLocation& where) {
  std::string text = terminal_text(where.file);
  if (!text.empty() && where.line > 0) text += fmt::format(":{}", where.line);
  if (!where.helm_template.empty())
    text += fmt::format("{}(template {})", text.empty() ? "" : " ", terminal_text(where.helm_template));
  return text;
}

}  // namespace faultline::report
