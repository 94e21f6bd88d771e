// Finding Service DNS names in free text (env values, args, ConfigMap data).
#include <algorithm>
#include <cctype>

#include "faultline/graph/dependencies.hpp"

namespace faultline::graph {
namespace {

// Characters that end a chunk: whitespace, quotes, brackets and list separators. Everything
// else (including ':', '/', '=', '@') is URL or setting structure, taken apart below.
bool is_chunk_break(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' ||
         c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>' || c == '|';
}

bool is_dns_label(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> split_labels(std::string_view host) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  while (true) {
    const auto dot = host.find('.', start);
    labels.push_back(host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels;
}

// Reads a host name the way a pod's resolver would (search list <ns>.svc.<zone> svc.<zone> <zone>).
std::optional<ServiceName> resolve_host(std::string_view host, const std::string& pod_namespace) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty()) return std::nullopt;
  const auto labels = split_labels(host);
  if (!std::all_of(labels.begin(), labels.end(), is_dns_label)) return std::nullopt;
  if (all_digits(labels.front())) return std::nullopt;  // an IP address or a number
  // <svc>.<ns>.svc[.<zone>] and <pod>.<svc>.<ns>.svc[.<zone>]: the first "svc" label at index ≥ 2.
  for (std::size_t i = 2; i < labels.size(); ++i) {
    if (labels[i] == "svc") return ServiceName{std::string(labels[i - 1]), std::string(labels[i - 2])};
  }
  if (labels.size() == 1) return ServiceName{pod_namespace, std::string(labels[0])};
  if (labels.size() == 2) return ServiceName{std::string(labels[1]), std::string(labels[0])};
  return std::nullopt;
}

// Words that say a value names a host: in the env var or ConfigMap key, a flag ("--db-host="),
// or a key earlier on the same line ("host: postgres").
constexpr std::string_view kHostHints[] = {"host", "addr", "url", "uri", "server", "endpoint", "service", "svc",
                                           "dsn", "broker", "upstream", "backend", "target", "connect", "peer",
                                           "seed", "proxy", "gateway", "remote", "dest", "sink"};

bool hints_host(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::any_of(std::begin(kHostHints), std::end(kHostHints),
                     [&](std::string_view hint) { return lower.find(hint) != std::string::npos; });
}

// A chunk taken apart: its host, whether the chunk says it is a host (scheme, port or dotted
// name), and the setting name before '=' if any.
struct Candidate {
  std::string_view host;
  bool explicit_host = false;
  std::string_view key;
};

// "http://user@svc.ns:8080/path", "svc:5432", "--db=svc", "host=svc" → the host part.
Candidate host_of(std::string_view chunk) {
  Candidate c;
  if (const auto scheme = chunk.find("://"); scheme != std::string_view::npos) {
    chunk.remove_prefix(scheme + 3);
    c.explicit_host = true;
  } else if (const auto eq = chunk.rfind('='); eq != std::string_view::npos) {
    c.key = chunk.substr(0, eq);
    chunk.remove_prefix(eq + 1);
  }
  if (const auto end = chunk.find_first_of("/?#"); end != std::string_view::npos) chunk = chunk.substr(0, end);
  if (const auto at = chunk.rfind('@'); at != std::string_view::npos) chunk.remove_prefix(at + 1);
  if (const auto colon = chunk.find(':'); colon != std::string_view::npos) {
    // host:port only; "key:value" and "scheme:opaque" are not host names.
    if (!all_digits(chunk.substr(colon + 1))) return {};
    chunk = chunk.substr(0, colon);
    c.explicit_host = true;
  }
  c.host = chunk;
  if (chunk.find('.') != std::string_view::npos && chunk.find('.') + 1 < chunk.size()) c.explicit_host = true;
  return c;
}

}  // namespace

std::vector<ServiceName> service_names_in(std::string_view text, const std::string& pod_namespace,
                                          std::string_view context) {
  std::vector<ServiceName> names;
  const bool context_hints = hints_host(context);
  std::string_view previous;  // the chunk before, on the same line: a key such as "host:"
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_chunk_break(text[i])) {
      if (text[i] == '\n') previous = {};
      ++i;
    }
    std::size_t j = i;
    while (j < text.size() && !is_chunk_break(text[j])) ++j;
    if (j > i) {
      const std::string_view chunk = text.substr(i, j - i);
      const Candidate c = host_of(chunk);
      // A bare word is a host only when something around it says so ("redis" alone may be a product name).
      const bool host = c.explicit_host || context_hints || hints_host(c.key) ||
                        (previous.size() > 1 && previous.back() == ':' && hints_host(previous));
      if (auto name = host ? resolve_host(c.host, pod_namespace) : std::nullopt) names.push_back(std::move(*name));
      previous = chunk;
    }
    i = j;
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace faultline::graph
