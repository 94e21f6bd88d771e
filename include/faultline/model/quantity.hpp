#pragma once
/// Kubernetes resource.Quantity ("500m", "1Gi", "1e3", "0.5") as exact integers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faultline::model {

/// The scale a resource is counted in: 3 (milli-units) for cpu, 0 (whole units: bytes, GPUs) otherwise,
/// as the scheduler reads them (MilliValue for cpu, Value for the rest).
int resource_scale(std::string_view resource);

/// ceil(quantity × 10^scale), exactly, as resource.Quantity rounds up; nullopt with `error` set when
/// `text` is not a quantity or the value does not fit in 63 bits.
std::optional<std::int64_t> parse_quantity(std::string_view text, int scale, std::string& error);

/// An amount in the resource's scale as people write it: "1500m", "2", "1Gi", "1536Mi", "4".
std::string format_quantity(std::string_view resource, std::int64_t amount);

}  // namespace faultline::model
