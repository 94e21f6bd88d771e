// Pod status and Events from a cluster dump: what observed health reads.
#include <fmt/format.h>

#include "builders.hpp"
#include "readers.hpp"

namespace faultline::model {

PodStatus read_pod_status(FieldReader& r, const load::Node& status) {
  PodStatus out;
  out.present = static_cast<bool>(FieldReader::child(status, "phase")) || static_cast<bool>(FieldReader::child(status, "conditions"));
  r.for_each(status, "conditions", "status", [&](const load::Node& cond, const std::string& p) {
    const std::string type = r.str_or(cond, "type", p);
    const std::string value = r.str_or(cond, "status", p);
    if (type == "Ready") out.ready = value == "True";
    if (type == "PodScheduled" && value == "False") {
      const std::string reason = r.str_or(cond, "reason", p, "not scheduled");
      const std::string message = r.str_or(cond, "message", p);
      out.trouble.edit().unschedulable = message.empty() ? reason : fmt::format("{}: {}", reason, message);
    }
  });
  for (const char* key : {"initContainerStatuses", "containerStatuses"}) {
    r.for_each(status, key, "status", [&](const load::Node& cs, const std::string& p) {
      out.restarts += static_cast<int>(r.integer(cs, "restartCount", p, 0, 1'000'000'000).value_or(0));
      const load::Node state = r.map(cs, "state", p);
      for (const char* phase : {"waiting", "terminated"}) {
        const load::Node s = r.map(state, phase, join_path(p, "state"));
        const std::string reason = r.str_or(s, "reason", join_path(join_path(p, "state"), phase));
        // A container that ran to completion (an init container) is not a problem.
        if (!reason.empty() && reason != "Completed") out.trouble.edit().waiting.push_back(fmt::format("{}: {}", r.str_or(cs, "name", p), reason));
      }
    });
  }
  return out;
}

void build_event(const load::Node& root, FieldReader& r, Model& model) {
  Event e;
  e.meta = r.meta();
  // core/v1 names the object in involvedObject, events.k8s.io/v1 in regarding; the message is
  // `message` in core/v1 and `note` in events.k8s.io/v1.
  const bool v1 = FieldReader::child(root, "involvedObject").IsDefined();
  const char* object_key = v1 ? "involvedObject" : "regarding";
  const load::Node object = r.map(root, object_key, "");
  e.object_kind = r.str_or(object, "kind", object_key);
  e.object_namespace = r.str_or(object, "namespace", object_key, e.meta.ref.ns);
  e.object_name = r.str_or(object, "name", object_key);
  e.reason = r.str_or(root, "reason", "");
  e.message = r.str_or(root, v1 ? "message" : "note", "");
  if (e.object_kind == "Pod") model.events.push_back(std::move(e));
}

}  // namespace faultline::model
