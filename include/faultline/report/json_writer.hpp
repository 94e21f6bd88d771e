#pragma once
/// A small streaming JSON writer: correct escaping, deterministic layout, no dependency.
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::report {

/// Writes one JSON value to a stream, pretty-printed with two-space indentation.
/// Inside an object call key() before each member's value. Misuse (a value without a key
/// inside an object) is a programming error and is not diagnosed.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::size_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  /// A string, or null when `text` is empty.
  JsonWriter& string_or_null(std::string_view text);
  /// An array of strings.
  JsonWriter& strings(const std::vector<std::string>& items);

  /// key(name) followed by value(v).
  template <typename T>
  JsonWriter& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void newline_indent();

  struct Level {
    bool empty = true;
  };
  std::ostream& out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

/// `text` as a JSON string literal, quotes included. Control characters are escaped and
/// invalid UTF-8 bytes become U+FFFD, so the output is always valid JSON.
std::string json_quote(std::string_view text);

}  // namespace faultline::report
