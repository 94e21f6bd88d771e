// Count agreement in filled messages: rule texts are written once for any number, so "{n} replica(s)",
// "1 replicas" and "3 replica" are mended here instead of in every rule file. A hand-written scan,
// not std::regex: this runs on every finding's texts, and the regex took 12% of a cluster dump's run.
#include "grammar.hpp"

#include <array>
#include <string_view>

namespace faultline::rules::detail {
namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool digit(char c) { return c >= '0' && c <= '9'; }

/// In the order they are tried: "copy" before "copie", so "copies" reaches the second.
constexpr std::array<std::string_view, 8> kNouns{"replica", "node", "zone", "pod", "workload", "domain", "copy", "copie"};

bool boundary_at(std::string_view text, std::size_t pos) { return pos >= text.size() || !word_char(text[pos]); }

/// A counted noun found in the text: which one, and where its word ends.
struct CountedNoun {
  std::string_view noun;
  std::size_t end = 0;  ///< 0: none
};

/// "noun", "noun(s)" or "nouns" at `pos` as a whole word.
CountedNoun counted_noun(std::string_view text, std::size_t pos) {
  for (const std::string_view candidate : kNouns) {
    if (text.substr(pos, candidate.size()) != candidate) continue;
    const std::size_t after = pos + candidate.size();
    if (text.substr(after, 3) == "(s)") return {candidate, after + 3};
    if (after < text.size() && text[after] == 's' && boundary_at(text, after + 1)) return {candidate, after + 1};
    if (boundary_at(text, after)) return {candidate, after};
  }
  return {};
}

}  // namespace

std::string agree_counts(const std::string& input) {
  const std::string_view text = input;
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!digit(text[i]) || (i > 0 && word_char(text[i - 1]))) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t digits_end = i;
    while (digits_end < text.size() && digit(text[digits_end])) ++digits_end;
    const std::string_view number = text.substr(i, digits_end - i);
    const CountedNoun found = digits_end < text.size() && text[digits_end] == ' ' ? counted_noun(text, digits_end + 1)
                                                                                  : CountedNoun{};
    out.append(number);
    if (found.end == 0) {
      i = digits_end;
      continue;
    }
    out.push_back(' ');
    const bool one = number == "1";
    if (found.noun == "copy" || found.noun == "copie") out.append(one ? "copy" : "copies");
    else {
      out.append(found.noun);
      if (!one) out.push_back('s');
    }
    i = found.end;
  }
  return out;
}

}  // namespace faultline::rules::detail
