// One list of fields per type serves both directions: Writer reads the fields, Reader fills
// them, so encoding and decoding cannot drift apart. Integers are little-endian 32-bit.
#include "catalogue_codec.hpp"

#include <cstdint>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace faultline::rules::detail {
namespace {

/// std::map and the model's flat string maps, written the same way.
template <class T>
concept KeyValueMap = requires { typename T::mapped_type; };

/// Changes whenever a field is added to, removed from or reordered in a list below.
constexpr std::string_view kMagic = "faultline-packs-1\n";

template <class A> void fields(A& a, SourceLocation& v) { a.all(v.file, v.line, v.column, v.helm_template); }
template <class A> void fields(A& a, model::LabelRequirement& v) { a.all(v.key, v.op, v.values); }
template <class A> void fields(A& a, model::LabelSelector& v) { a.all(v.match_labels, v.match_expressions); }
template <class A> void fields(A& a, Scope& v) { a.all(v.kinds, v.namespaces, v.names, v.labels); }
template <class A> void fields(A& a, PlanItems& v) { a.all(v.helm_sets, v.runaiconfig, v.node_label, v.node_count, v.yaml); }
template <class A> void fields(A& a, Variant& v) { a.all(v.severity, v.message, v.remediation, v.plan); }
template <class A> void fields(A& a, Example& v) { a.all(v.description, v.yaml); }
template <class A> void fields(A& a, ParamValue& v) { a.all(v.scalar, v.list, v.is_list); }
template <class A> void fields(A& a, Rule& v) {
  a.all(v.id, v.pack, v.template_id, v.params, v.scope, v.severity, v.message, v.remediation, v.summary, v.explanation,
        v.failing_examples, v.passing_examples, v.variants, v.plan, v.supersedes, v.supersedes_where, v.enabled,
        v.builtin, v.severity_override, v.where);
}
template <class A> void fields(A& a, graph::DeclaredEdge& v) {
  a.all(v.from_namespace, v.from_name, v.to_namespace, v.to_name, v.reason, v.where);
}
template <class A> void fields(A& a, graph::DeclaredQuorum& v) { a.all(v.name_pattern, v.image_pattern, v.reason, v.where); }
template <class A> void fields(A& a, graph::Declarations& v) { a.all(v.edges, v.quorum); }
template <class A> void fields(A& a, PackContents& v) { a.all(v.rules, v.declarations); }

class Writer {
 public:
  std::string out;

  template <class... T>
  void all(T&... v) { (value(v), ...); }

  void value(const std::string& s) {
    number(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
  void value(int v) { number(static_cast<std::uint32_t>(v)); }
  void value(bool v) { out.push_back(v ? '\1' : '\0'); }
  void value(Severity v) { out.push_back(static_cast<char>(v)); }
  template <class T> void value(const std::vector<T>& v) {
    number(static_cast<std::uint32_t>(v.size()));
    for (const T& item : v) value(item);
  }
  template <KeyValueMap Map> void value(const Map& m) {
    number(static_cast<std::uint32_t>(m.size()));
    for (const auto& [k, v] : m) {
      value(k);
      value(v);
    }
  }
  template <class T> void value(const std::optional<T>& v) {
    value(v.has_value());
    if (v) value(*v);
  }
  template <class F, class S> void value(const std::pair<F, S>& p) {
    value(p.first);
    value(p.second);
  }
  // The field lists take non-const references, for the Reader; the Writer only reads through them.
  template <class T> requires(std::is_class_v<T> && !KeyValueMap<T>) void value(const T& v) { fields(*this, const_cast<T&>(v)); }

 private:
  void number(std::uint32_t n) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((n >> shift) & 0xffu));
  }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool at_end() const { return in_.empty(); }

  template <class... T>
  void all(T&... v) { (value(v), ...); }

  void value(std::string& s) {
    const std::uint32_t n = number();
    s.assign(take(n));
  }
  void value(int& v) { v = static_cast<int>(number()); }
  void value(bool& v) { v = take(1)[0] != '\0'; }
  void value(Severity& v) {
    const auto raw = static_cast<unsigned char>(take(1)[0]);
    if (raw > static_cast<unsigned char>(Severity::error)) throw std::runtime_error("bad severity");
    v = static_cast<Severity>(raw);
  }
  template <class T> void value(std::vector<T>& v) {
    const std::uint32_t n = number();
    if (n > in_.size()) throw std::runtime_error("bad count");  // every item takes a byte at least
    v.resize(n);
    for (T& item : v) value(item);
  }
  template <KeyValueMap Map> void value(Map& m) {
    const std::uint32_t n = number();
    if (n > in_.size()) throw std::runtime_error("bad count");
    std::vector<std::pair<typename Map::key_type, typename Map::mapped_type>> entries(n);
    for (auto& [k, v] : entries) {
      value(k);
      value(v);
    }
    m = Map(entries.begin(), entries.end());  // one sort, not an insertion per entry
  }
  template <class T> void value(std::optional<T>& v) {
    bool present = false;
    value(present);
    if (!present) return;
    v.emplace();
    value(*v);
  }
  template <class F, class S> void value(std::pair<F, S>& p) {
    value(p.first);
    value(p.second);
  }
  template <class T> requires(std::is_class_v<T> && !KeyValueMap<T>) void value(T& v) { fields(*this, v); }

 private:
  std::string_view take(std::size_t n) {
    if (n > in_.size()) throw std::runtime_error("truncated");
    const std::string_view out = in_.substr(0, n);
    in_.remove_prefix(n);
    return out;
  }
  std::uint32_t number() {
    const std::string_view b = take(4);
    std::uint32_t n = 0;
    for (int i = 3; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
    return n;
  }

  std::string_view in_;
};

}  // namespace

std::string encode_packs(const PackContents& contents) {
  Writer w;
  w.out.append(kMagic);
  w.value(contents);
  return std::move(w.out);
}

std::optional<PackContents> decode_packs(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  Reader r(bytes.substr(kMagic.size()));
  PackContents contents;
  try {
    r.value(contents);
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
  if (!r.at_end()) return std::nullopt;
  return contents;
}

}  // namespace faultline::rules::detail
