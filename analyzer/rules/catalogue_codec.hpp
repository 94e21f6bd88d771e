#pragma once
// The built-in packs precompiled: their rules and declarations in a compact binary form, written
// at build time by tools/pack_compiler.cpp, so that a run does not parse the packs' YAML.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/graph/declared.hpp"
#include "faultline/rules/rule.hpp"

namespace faultline::rules::detail {

/// What the built-in packs hold once parsed and validated.
struct PackContents {
  std::vector<Rule> rules;
  graph::Declarations declarations;
};

/// The built-in packs parsed and validated from their embedded YAML (what the pack compiler encodes);
/// builtin_pack_sources.cpp, linked only into the pack compiler and the tests.
PackContents parse_builtin_packs(Diagnostics& errors);

/// The bytes of `contents`; decode_packs(encode_packs(c)) gives `c` back, field for field.
std::string encode_packs(const PackContents& contents);

/// nullopt when `bytes` are not what encode_packs wrote (another version, or truncated).
std::optional<PackContents> decode_packs(std::string_view bytes);

/// The built-in packs as tools/pack_compiler.cpp encoded them at build time (generated
/// precompiled_packs.cpp); empty in the compiler itself.
std::string_view precompiled_packs();

}  // namespace faultline::rules::detail
