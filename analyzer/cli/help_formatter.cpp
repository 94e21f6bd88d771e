#include "help_formatter.hpp"

#include <regex>

namespace faultline::cli {

std::string HelpFormatter::make_option_name(const CLI::Option* option, bool positional) const {
  static const std::regex flag_value(R"(\{[^}]*\})");
  return std::regex_replace(CLI::Formatter::make_option_name(option, positional), flag_value, "");
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (option->get_type_size() == 0) return {};
  std::string name = option->get_type_name();
  if (const auto colon = name.find(':'); colon != std::string::npos) name.resize(colon);
  std::string out = name.empty() ? std::string{} : " " + name;
  if (option->get_required()) out += " (required)";
  return out;
}

}  // namespace faultline::cli
