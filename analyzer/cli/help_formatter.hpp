#pragma once
// Help text without CLI11's artefacts: no "{false}" after negatable flags, no validator names
// (":{text,json}", ":POSITIVE") or raw defaults after value names; the descriptions say both.
#include <CLI/CLI.hpp>

namespace faultline::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_name(const CLI::Option* option, bool positional) const override;
  std::string make_option_opts(const CLI::Option* option) const override;
};

}  // namespace faultline::cli
