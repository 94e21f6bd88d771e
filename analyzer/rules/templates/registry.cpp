// Every template, in one explicit list sorted by id. Adding one: declare its factory in
// templates.hpp, add it here, and write analyzer/rules/templates/<id_with_underscores>.cpp.
#include <algorithm>

#include "templates.hpp"

namespace faultline::rules {

const std::vector<Template>& all_templates() {
  static const std::vector<Template> list = {
      templates::dependency_cycle(),
      templates::depends_on_spof(),
      templates::hard_spread(),
      templates::min_replicas(),
      templates::pdb_blocks_drain(),
      templates::pdb_missing(),
      templates::pdb_orphan(),
      templates::pdb_overlap(),
      templates::quorum_at_risk(),
      templates::service_no_backend(),
      templates::webhook_spof(),
  };
  return list;
}

const Template* find_template(const std::string& id) {
  const auto& list = all_templates();
  const auto it = std::find_if(list.begin(), list.end(), [&](const Template& t) { return t.id == id; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace faultline::rules
