#include "fy_parser.hpp"

namespace faultline::load::detail {
namespace {

thread_local ParserPtr tls_parser;

/// libfyaml 0.7 frees the errors a diagnostic object collected only when collecting is switched
/// off, not when the object is destroyed: without this, every syntax error leaked (found by
/// LeakSanitizer while fuzzing; fixtures/regressions/syntax-error-leak.yaml).
void drop_collected_errors(fy_parser* p, bool keep_collecting) {
  fy_diag* diag = fy_parser_get_diag(p);
  if (!diag) return;
  fy_diag_set_collect_errors(diag, false);
  if (keep_collecting) fy_diag_set_collect_errors(diag, true);
  fy_diag_unref(diag);
}

}  // namespace

void ParserDeleter::operator()(fy_parser* p) const {
  drop_collected_errors(p, false);
  fy_parser_destroy(p);
}

// Errors are collected for the diagnostic, never printed by the library.
ParserPtr make_parser() {
  fy_diag_cfg diag_cfg{};
  fy_diag_cfg_default(&diag_cfg);
  diag_cfg.fp = nullptr;
  diag_cfg.output_fn = [](fy_diag*, void*, const char*, std::size_t) {};
  fy_diag* diag = fy_diag_create(&diag_cfg);
  if (!diag) return nullptr;
  fy_diag_set_collect_errors(diag, true);
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_COLLECT_DIAG | FYPCF_SLOPPY_FLOW_INDENTATION |
                                              FYPCF_ALLOW_DUPLICATE_KEYS);
  cfg.diag = diag;
  ParserPtr parser(fy_parser_create(&cfg));
  fy_diag_unref(diag);  // the parser holds its own reference
  return parser;
}

fy_parser* thread_parser(std::string_view text) {
  if (tls_parser) {
    drop_collected_errors(tls_parser.get(), true);  // warnings, if any, would pile up in a reused parser
    fy_parser_reset(tls_parser.get());
  }
  else tls_parser = make_parser();
  if (!tls_parser || fy_parser_set_string(tls_parser.get(), text.data(), text.size()) != 0) {
    tls_parser.reset();
    return nullptr;
  }
  return tls_parser.get();
}

void drop_thread_parser() { tls_parser.reset(); }

std::string_view text_of(fy_token* token) {
  std::size_t len = 0;
  const char* text = token ? fy_token_get_text(token, &len) : nullptr;
  return text ? std::string_view(text, len) : std::string_view{};
}

}  // namespace faultline::load::detail
