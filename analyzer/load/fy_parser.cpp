#include "fy_parser.hpp"

#include <algorithm>

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

YAML::Mark mark_of(fy_event* e, std::string_view text) {
  YAML::Mark m;
  const fy_mark* fm = fy_event_start_mark(e);
  if (!fm) return m;
  std::size_t pos = fm->input_pos;
  m.line = fm->line;
  m.column = fm->column;
  if (e->type == FYET_SCALAR) {
    switch (fy_token_scalar_style(e->scalar.value)) {
      case FYSS_SINGLE_QUOTED:
      case FYSS_DOUBLE_QUOTED:
        if (pos > 0 && m.column > 0) {
          --pos;
          --m.column;
        }
        break;
      case FYSS_LITERAL:
      case FYSS_FOLDED: {
        const std::size_t indicator = text.find_last_of("|>", pos > 0 ? pos - 1 : 0);
        if (indicator == std::string_view::npos || indicator >= pos) break;
        const std::string_view between = text.substr(indicator, pos - indicator);
        m.line -= static_cast<int>(std::count(between.begin(), between.end(), '\n'));
        const std::size_t line_start = text.rfind('\n', indicator);
        m.column = static_cast<int>(indicator - (line_start == std::string_view::npos ? 0 : line_start + 1));
        pos = indicator;
        break;
      }
      default:
        break;
    }
  }
  m.pos = static_cast<int>(pos);
  return m;
}

YAML::Mark anchor_mark(fy_token* anchor) {
  YAML::Mark m;
  if (const fy_mark* fm = fy_token_start_mark(anchor)) {
    m.pos = static_cast<int>(fm->input_pos) - (fm->column > 0 ? 1 : 0);
    m.line = fm->line;
    m.column = fm->column > 0 ? fm->column - 1 : 0;
  }
  return m;
}

}  // namespace faultline::load::detail
