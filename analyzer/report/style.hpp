#pragma once
// ANSI styling for the text report; every helper returns the text unchanged when colour is off.
#include <string>
#include <string_view>

#include "faultline/common/severity.hpp"

namespace faultline::report {

/// Wraps text in SGR escape codes when enabled.
class Style {
 public:
  explicit Style(bool enabled) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }
  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string green(std::string_view text) const { return wrap("32", text); }
  std::string red(std::string_view text) const { return wrap("31", text); }
  /// Red for errors, yellow for warnings, cyan for infos.
  std::string severity(Severity s, std::string_view text) const {
    switch (s) {
      case Severity::error: return wrap("1;31", text);
      case Severity::warning: return wrap("1;33", text);
      case Severity::info: return wrap("1;36", text);
    }
    return std::string(text);
  }

 private:
  std::string wrap(std::string_view code, std::string_view text) const {
    if (!enabled_) return std::string(text);
    std::string out = "\x1b[";
    out.append(code).append("m").append(text).append("\x1b[0m");
    return out;
  }
  bool enabled_;
};

}  // namespace faultline::report
