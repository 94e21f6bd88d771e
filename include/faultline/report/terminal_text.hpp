#pragma once
/// Input strings made safe to print: what a manifest says can never move the cursor, change
/// colours, or start a new line that looks like one of faultline's own.
#include <string>
#include <string_view>

namespace faultline::report {

/// `text` with control characters (C0, DEL, C1), bidirectional overrides and invalid UTF-8
/// bytes written as visible escapes (\n, \t, \x1b, \u{202e}); printable UTF-8 is kept. A
/// backslash is kept as is: the escapes are for reading, not for decoding.
std::string terminal_text(std::string_view text);

/// Length of the UTF-8 sequence that starts at text[i] (1 to 4), its code point in `cp`; 0 when
/// the bytes there are not UTF-8 (overlong, surrogate, truncated, past U+10FFFF, or ASCII).
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& cp);

}  // namespace faultline::report
