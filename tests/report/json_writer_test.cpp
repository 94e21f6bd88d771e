#include <sstream>

#include <doctest/doctest.h>

#include "faultline/report/json_writer.hpp"

using faultline::report::json_quote;
using faultline::report::JsonWriter;

TEST_CASE("json_quote escapes quotes, backslashes and control characters") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_quote("l1\nl2\tx\r") == "\"l1\\nl2\\tx\\r\"");
  CHECK(json_quote(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
  CHECK(json_quote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
}

TEST_CASE("json_quote keeps valid UTF-8 and replaces invalid bytes") {
  CHECK(json_quote("zone \xc3\xa9t\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x94\xa5") == "\"zone \xc3\xa9t\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x94\xa5\"");
  CHECK(json_quote("\xff") == "\"\\ufffd\"");
  CHECK(json_quote("a\xc3") == "\"a\\ufffd\"");            // truncated sequence
  CHECK(json_quote("\xc0\xaf") == "\"\\ufffd\\ufffd\"");    // overlong
  CHECK(json_quote("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // surrogate
}

TEST_CASE("JsonWriter lays out nested values deterministically") {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object();
  json.member("n", 3);
  json.member("ok", true);
  json.key("none").null();
  json.key("empty").begin_array().end_array();
  json.key("list").strings({"a", "b"});
  json.key("obj").begin_object().member("k", "v").end_object();
  json.end_object();
  CHECK(out.str() ==
        "{\n"
        "  \"n\": 3,\n"
        "  \"ok\": true,\n"
        "  \"none\": null,\n"
        "  \"empty\": [],\n"
        "  \"list\": [\n"
        "    \"a\",\n"
        "    \"b\"\n"
        "  ],\n"
        "  \"obj\": {\n"
        "    \"k\": \"v\"\n"
        "  }\n"
        "}\n");
}
