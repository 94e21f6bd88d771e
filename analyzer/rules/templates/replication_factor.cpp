/// replication-factor: a replicated store whose copies of each item are too few: fewer than
/// `min_copies` replicas (variant `replicas`), a replication factor below `min_copies`, read from
/// the command-line `flag` of its containers (variant `factor`), or a factor above the replica
/// count, which no write can satisfy (variant `factor-above-replicas`).
#include <fmt/format.h>

#include <optional>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

/// The flag's integer value in args or command ("--flag=3" or "--flag 3"); nullopt when absent.
std::optional<int> flag_value(const model::Workload& w, const std::string& flag) {
  for (const auto& c : w.pod.containers) {
    for (const auto* words : {&c.command, &c.args}) {
      for (std::size_t i = 0; i < words->size(); ++i) {
        const std::string& word = (*words)[i];
        std::string value;
        if (word.starts_with(flag + "=")) value = word.substr(flag.size() + 1);
        else if (word == flag && i + 1 < words->size()) value = (*words)[i + 1];
        else continue;
        try {
          return std::stoi(value);
        } catch (const std::exception&) {
          return std::nullopt;
        }
      }
    }
  }
  return std::nullopt;
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min_copies");
  const std::string flag = in.params.get_string("flag");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    const std::optional<int> written = flag_value(w, flag);
    const int factor = written.value_or(in.params.get_int("default_factor"));
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.vars = {{"replicas", std::to_string(replicas)}, {"factor", std::to_string(factor)},
                {"min", std::to_string(min)}, {"flag", flag}};
    hit.evidence.push_back(fmt::format("effective replicas {}", replicas));
    hit.evidence.push_back(written ? fmt::format("{}={}", flag, factor)
                                   : fmt::format("{} not set (default {})", flag, factor));
    if (replicas < min) hit.variant = "replicas";
    else if (factor > replicas) hit.variant = "factor-above-replicas";
    else if (factor < min) hit.variant = "factor";
    else continue;
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template replication_factor() {
  return {"replication-factor",
          "A replicated store keeps fewer than `min_copies` copies of each item, or asks for more copies than replicas.",
          {{"flag", "string", "", "command-line flag holding the replication factor", true},
           {"default_factor", "int", "1", "factor when the flag is absent", false},
           {"min_copies", "int", "2", "fewest replicas and copies that pass", false}},
          {"replicated"},
          {"replicas", "factor", "min", "flag"},
          evaluate};
}

}  // namespace faultline::rules::templates
