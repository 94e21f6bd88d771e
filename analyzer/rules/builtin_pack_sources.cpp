// The built-in packs parsed from their YAML, embedded from policies/ at build time. Only the pack
// compiler (which encodes the result) and the tests call this: in a static library, this object
// and the embedded YAML are linked into a program only when it does, so `faultline` carries the
// precompiled packs alone.
#include <filesystem>

#include "faultline/rules/embedded.hpp"
#include "catalogue_codec.hpp"
#include "pack_files.hpp"

namespace faultline::rules::detail {

PackContents parse_builtin_packs(Diagnostics& errors) {
  Catalogue catalogue;
  for (const auto& file : embedded_policy_files())
    if (is_pack_file(file.path))
      add_pack_file(file.path, file.content, std::filesystem::path(file.path).parent_path().filename().string(), true,
                    catalogue, errors);
  return PackContents{std::move(catalogue.rules), std::move(catalogue.declarations)};
}

}  // namespace faultline::rules::detail
