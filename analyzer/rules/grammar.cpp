// Count agreement in filled messages: rule texts are written once for any number, so "{n} replica(s)",
// "1 replicas" and "3 replica" are mended here instead of in every rule file.
#include <regex>

#include "grammar.hpp"

namespace faultline::rules::detail {

std::string agree_counts(const std::string& text) {
  static const std::regex counted(R"(\b(\d+) (replica|node|zone|pod|workload|domain|copy|copie)(\(s\)|s\b|\b))");
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), counted), end; it != end; ++it) {
    const auto& m = *it;
    out.append(last, m[0].first);
    const bool one = m[1].str() == "1";
    std::string noun = m[2].str();
    if (noun == "copie") noun = "copy";
    if (!one) noun = noun == "copy" ? "copies" : noun + "s";
    out += m[1].str() + " " + noun;
    last = m[0].second;
  }
  out.append(last, text.cend());
  return out;
}

}  // namespace faultline::rules::detail
