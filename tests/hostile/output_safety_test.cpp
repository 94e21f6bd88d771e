// Issue 11: input strings cannot drive the terminal or forge report lines, and secret values
// never reach any output.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "../../fuzz/exercise.hpp"
#include "faultline/report/terminal_text.hpp"

using namespace faultline;
using report::terminal_text;

TEST_SUITE("report") {

TEST_CASE("terminal_text escapes control characters, bidi overrides and invalid UTF-8, keeps the rest") {
  CHECK(terminal_text("web-1") == "web-1");
  CHECK(terminal_text("a\nb\r\tc") == "a\\nb\\r\\tc");
  CHECK(terminal_text("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
  CHECK(terminal_text(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(terminal_text("del\x7f") == "del\\x7f");
  CHECK(terminal_text("c1 \xc2\x9b") == "c1 \\u{009b}");           // CSI as a C1 control
  CHECK(terminal_text("rtl \xe2\x80\xae") == "rtl \\u{202e}");      // RIGHT-TO-LEFT OVERRIDE
  CHECK(terminal_text("bad \xff\xc3") == "bad \\xff\\xc3");         // invalid and truncated UTF-8
  CHECK(terminal_text("overlong \xc0\xaf") == "overlong \\xc0\\xaf");
  CHECK(terminal_text("zone é 東京 🙂") == "zone é 東京 🙂");
}

TEST_CASE("a name with a newline or an escape sequence cannot forge a finding line in text or DOT") {
  const std::string forged = "web\n  error [forged-rule] Deployment/x is fine\x1b[2J";
  const std::string yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \"web\\n  error [forged-rule] "
                           "Deployment/x is fine\\e[2J\"\n  namespace: shop\nspec:\n  selector: {matchLabels: {app: w}}\n"
                           "  template:\n    metadata: {labels: {app: w}}\n    spec: {containers: [{name: w, image: w}]}\n";
  std::ostringstream out;
  const auto a = fuzz::exercise(yaml, out);
  REQUIRE_FALSE(a->findings.empty());
  REQUIRE(a->findings[0].object.name == forged);
  const std::string text = out.str();
  CHECK(text.find("\n  error [forged-rule]") == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("web\\n  error [forged-rule] Deployment/x is fine\\x1b[2J") != std::string::npos);
  std::ostringstream dot;
  report::write_graph_dot(*a->graph, dot);
  CHECK(dot.str().find("web\\\\n  error [forged-rule]") != std::string::npos);  // a visible \n, not a line break
}

TEST_CASE("diagnostics are sanitized too: a file name or value cannot inject escapes") {
  Diagnostic d{Severity::error, {"evil\x1b]0;title\x07.yaml", 3, 0, {}}, "Deployment/a\nb: bad"};
  CHECK(report::format_diagnostic(d) == "evil\\x1b]0;title\\x07.yaml:3: error: Deployment/a\\nb: bad");
}

TEST_CASE("secret and ConfigMap values never appear in any output format, even in diagnostics about them") {
  const std::string secret = "s3cr3t-Value-42";
  const std::string yaml =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n"
      "  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n"
      "      containers:\n      - name: api\n        image: api:1\n"
      "        env:\n        - {name: DB_PASSWORD, value: " + secret + "-env}\n"
      "        - {name: BAD, value: {nested: " + secret + "-envmap}}\n"
      "        - {name: BAD2, valueFrom: " + secret + "-from}\n"
      "        envFrom: " + secret + "-envfrom\n"
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: shop}\n"
      "data: {password: " + secret + "-cm, broken: [" + secret + "-cmlist]}\n"
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg2, namespace: shop}\ndata: " + secret + "-cmscalar\n"
      "---\napiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: shop}\n"
      "data: {token: " + secret + "-secret}\nstringData: " + secret + "-stringdata\n";
  std::ostringstream out;
  const auto a = fuzz::exercise(yaml, out);
  CHECK(a->diagnostics.size() >= 4);  // the wrong types above are reported...
  for (const auto& d : a->diagnostics) CHECK_MESSAGE(d.message.find(secret) == std::string::npos, d.message);
  CHECK(out.str().find(secret) == std::string::npos);  // ...and no format shows a value
}

}  // TEST_SUITE
