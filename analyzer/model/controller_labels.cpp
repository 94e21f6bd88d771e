// Selector matching with the labels controllers add at run time (see controller_labels.hpp).
#include "faultline/model/controller_labels.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "field_reader.hpp"

namespace faultline::model {
namespace {

constexpr const char* kTemplateHash = "pod-template-hash";
constexpr const char* kRevisionHash = "controller-revision-hash";

bool mentions(const LabelSelector& s, std::string_view key) {
  if (s.match_labels.contains(std::string(key))) return true;
  return std::any_of(s.match_expressions.begin(), s.match_expressions.end(),
                     [&](const LabelRequirement& r) { return r.key == key; });
}

// The values the selector asks `key` to have (matchLabels, In).
std::vector<std::string> wanted(const LabelSelector& s, const std::string& key) {
  std::vector<std::string> out;
  if (const auto it = s.match_labels.find(key); it != s.match_labels.end()) out.push_back(it->second);
  for (const auto& r : s.match_expressions)
    if (r.key == key && r.op == "In") out.insert(out.end(), r.values.begin(), r.values.end());
  return out;
}

// How many values NotIn lists exclude for `key`: that many ordinals at most fail before one passes.
std::size_t excluded(const LabelSelector& s, const std::string& key) {
  std::size_t n = 0;
  for (const auto& r : s.match_expressions)
    if (r.key == key && r.op == "NotIn") n += r.values.size();
  return n;
}

// A hash the analysis cannot compute: the value the selector asks for, else one it names nowhere.
void add_hash(Labels& labels, const LabelSelector& s, const std::string& key) {
  const auto values = wanted(s, key);
  labels.emplace(key, values.empty() ? std::string("<computed by the controller>") : values.front());
}

// The ordinal a pod-name or pod-index value denotes for StatefulSet `name`, when it is one.
std::optional<long> ordinal_of(const std::string& key, const std::string& value, const std::string& name) {
  if (key == kPodIndexLabel) return parse_integer(value);
  if (!value.starts_with(name + "-")) return std::nullopt;
  const std::string digits = value.substr(name.size() + 1);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return parse_integer(digits);
}

}  // namespace

bool is_controller_label(std::string_view key) {
  return key == kPodNameLabel || key == kPodIndexLabel || key == kTemplateHash || key == kRevisionHash;
}

PodsSelected pods_selected(const LabelSelector& selector, const Workload& w) {
  const bool named = std::any_of(selector.match_labels.begin(), selector.match_labels.end(),
                                 [](const auto& kv) { return is_controller_label(kv.first); }) ||
                     std::any_of(selector.match_expressions.begin(), selector.match_expressions.end(),
                                 [](const LabelRequirement& r) { return is_controller_label(r.key); });
  if (!named) return {selector.matches(w.pod.labels), {}};
  Labels labels = w.pod.labels;
  const bool stateful = w.kind == WorkloadKind::StatefulSet;
  if (w.kind == WorkloadKind::Deployment || w.kind == WorkloadKind::ReplicaSet) add_hash(labels, selector, kTemplateHash);
  if (stateful || w.kind == WorkloadKind::DaemonSet) add_hash(labels, selector, kRevisionHash);
  if (!stateful || (!mentions(selector, kPodNameLabel) && !mentions(selector, kPodIndexLabel)))
    return {selector.matches(labels), {}};

  const std::string& name = w.meta.ref.name;
  const int replicas = w.declared_replicas();
  const auto matches_pod = [&](int k) {
    labels[kPodNameLabel] = name + "-" + std::to_string(k);
    labels[kPodIndexLabel] = std::to_string(k);
    return selector.matches(labels);
  };
  // Pods the selector names by name or index: each is checked as itself.
  std::set<int> candidates;
  bool names_pods = false;
  for (const std::string key : {kPodNameLabel, kPodIndexLabel}) {
    for (const auto& value : wanted(selector, key)) {
      names_pods = true;
      const auto k = ordinal_of(key, value, name);
      if (k && *k >= 0 && *k < replicas) candidates.insert(static_cast<int>(*k));
    }
  }
  PodsSelected out;
  if (names_pods) {
    for (const int k : candidates)
      if (matches_pod(k)) out.ordinals.push_back(k);
    out.any = !out.ordinals.empty();
    return out;
  }
  // Only Exists, NotIn or DoesNotExist: true of every pod but the few NotIn lists name.
  const std::size_t tries = excluded(selector, kPodNameLabel) + excluded(selector, kPodIndexLabel) + 1;
  for (int k = 0; k < replicas && static_cast<std::size_t>(k) < tries; ++k)
    if (matches_pod(k)) return {true, {}};
  return out;
}

bool selects_pods_of(const LabelSelector& selector, const Workload& w) { return pods_selected(selector, w).any; }

}  // namespace faultline::model
