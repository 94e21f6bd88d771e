#pragma once
/// Hash indexes over a Model: by namespace, by namespace+label, by name, and the precomputed
/// PDB and Service matches per workload. Pointers refer into the Model's deques.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "faultline/model/model.hpp"

namespace faultline::model {

struct Model::Index {
  explicit Index(const Model& model);

  /// False once the model has moved or grown since the index was built.
  bool is_current_for(const Model& model) const;

  std::vector<const Workload*> workloads_selected(const std::string& ns, const LabelSelector& selector) const;
  const std::vector<const Pdb*>* pdbs_of(const Workload& w) const;
  const std::vector<const Service*>* services_of(const Workload& w) const;
  const Hpa* hpa_for(const Workload& w) const;
  const Workload* find_workload(std::string_view kind, const std::string& ns, const std::string& name) const;

  template <typename T>
  using ByName = std::unordered_map<std::string, const T*>;
  template <typename T>
  const T* find(const ByName<T>& map, const std::string& ns, const std::string& name) const {
    const auto it = map.find(key(ns, name));
    return it == map.end() ? nullptr : it->second;
  }

  ByName<Service> services;
  ByName<ConfigMap> config_maps;
  ByName<Pvc> pvcs;
  ByName<Pv> pvs;

 private:
  static std::string key(std::string_view a, std::string_view b) {
    std::string k(a);
    k.push_back('\0');
    k.append(b);
    return k;
  }
  /// Candidates for a selector: the shortest posting list among its equality terms.
  const std::vector<const Workload*>* candidates(const std::string& ns, const LabelSelector& selector) const;

  const Model* owner_;
  std::size_t sizes_[4];
  std::unordered_map<std::string, std::vector<const Workload*>> by_ns_;
  std::unordered_map<std::string, std::vector<const Workload*>> by_label_;  ///< ns \0 key=value
  std::unordered_map<std::string, std::vector<const Workload*>> by_key_;    ///< ns \0 key
  std::unordered_map<std::string, const Workload*> by_name_;                ///< kind/ns \0 name
  std::unordered_map<std::string, const Hpa*> hpa_by_target_;               ///< kind/ns \0 name
  std::unordered_map<const Workload*, std::vector<const Pdb*>> pdbs_;
  std::unordered_map<const Workload*, std::vector<const Service*>> services_;
};

}  // namespace faultline::model
