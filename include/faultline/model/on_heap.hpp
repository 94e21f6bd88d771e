#pragma once
/// A part of a model object that many objects of a kind never fill, kept behind a pointer.
#include <memory>

namespace faultline::model {

/// A value of T that costs one pointer until something writes it. A cluster dump's owned Pods and
/// ReplicaSets outnumber the workloads that read their scheduling and rollout fields, so those
/// fields live here and an owned object leaves them unallocated. Reading an unallocated part sees
/// a default T, exactly as an inline empty T read before; writing goes through edit(), so no
/// reader (several run in parallel over the same model) ever allocates.
template <typename T>
class OnHeap {
 public:
  OnHeap() = default;
  OnHeap(const OnHeap& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  OnHeap(OnHeap&&) noexcept = default;
  OnHeap& operator=(const OnHeap& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  OnHeap& operator=(OnHeap&&) noexcept = default;
  ~OnHeap() = default;

  const T& operator*() const { return value_ ? *value_ : empty(); }
  const T* operator->() const { return &**this; }
  /// Allocates the part when it is first written.
  T& edit() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }
  bool allocated() const { return value_ != nullptr; }
  /// Frees the part; it reads as a default T again.
  void reset() { value_.reset(); }

 private:
  static const T& empty() {
    static const T value{};
    return value;
  }
  std::unique_ptr<T> value_;
};

}  // namespace faultline::model
