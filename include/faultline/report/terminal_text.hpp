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

}  // namespace faultline::report
