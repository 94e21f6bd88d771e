#!/bin/sh
# help2man's view of faultline: `--help` prints `faultline --help`, `faultline check --help`
# (the default command, whose options are most of the manual) and, for every other subcommand,
# its usage and the options check does not have, as one text; `--version` the version. Only the layout changes, so that help2man finds one synopsis, the check options
# inside OPTIONS and one paragraph per example: the words are the help text's, so the man page
# follows the help on every build.
# Usage: help2man-input.sh FAULTLINE_BINARY --help|--version
set -eu
faultline=$1
case ${2-} in
  --version) exec "$faultline" --version ;;
  --help) ;;
  *) echo "usage: $0 FAULTLINE_BINARY --help|--version" >&2; exit 2 ;;
esac

main_help=$("$faultline" --help)
check_help=$("$faultline" check --help)

# Everything before the "Examples:" (or "Example:") line.
before_examples() { printf '%s\n' "$1" | awk '/^Examples?:$/ { exit } { print }'; }
# The example lines, each followed by a blank line (help2man joins adjacent lines into one
# paragraph), then the text after them; the pointer to `check --help` is dropped: the page holds it.
examples() {
  printf '%s\n' "$1" | awk '
    /^Examples?:$/ { inside = 1; next }
    !inside || /^$/ || /^Run .faultline check --help./ { next }
    /^  / { print; print ""; next }
    { print }
  '
}

before_examples "$main_help"
# The check command's usage line heads its options (the positional paths first); its one-line
# summary and -h are already listed.
before_examples "$check_help" | awk '
  NR == 1 { next }
  /^Usage: / { sub(/^Usage: /, ""); print "Options of " $0 ":"; heading = 1; next }
  /^Options:$/ || /^  -h,--help/ || (heading && (/^$/ || /^Positionals:$/)) { next }
  { heading = 0; print }
'
# Other subcommands: the usage line as a heading, then each option entry (its line and the
# indented lines that continue it) that check's help does not list word for word.
subcommands=$(printf '%s\n' "$main_help" | awk '/^Subcommands:$/ { inside = 1; next } inside && /^  [a-z]/ { print $1 } inside && /^$/ { exit }')
sub_examples="${TMPDIR:-/tmp}/faultline-h2m-examples.$$"
: >"$sub_examples"
for sub in $subcommands; do
  [ "$sub" = check ] && continue
  sub_help=$("$faultline" "$sub" --help)
  # Its own examples only (plan's help repeats check's).
  printf '%s\n' "$sub_help" | awk -v cmd="  faultline $sub" 'index($0, cmd " ") == 1 || $0 == cmd { print; print "" }' >>"$sub_examples"
  printf '%s\n' "$check_help" >"${TMPDIR:-/tmp}/faultline-h2m-check.$$"
  before_examples "$sub_help" | awk -v check="${TMPDIR:-/tmp}/faultline-h2m-check.$$" '
    BEGIN { while ((getline line < check) > 0) known[line] = 1 }
    NR == 1 { summary = $0; next }
    /^Usage: / { sub(/^Usage: /, ""); print ""; print "Options of " $0 ":"; print "  " summary; next }
    /^  -h,--help/ { keep = 0; next }
    /^  [^ ]/ { keep = !($0 in known); if (keep) print; else shared = 1; next }
    /^      / { if (keep) print; next }
    { keep = 0 }
    END { if (shared) print "  The other options are those of check, above." }
  '
  rm -f "${TMPDIR:-/tmp}/faultline-h2m-check.$$"
done
echo "Examples:"
examples "$main_help"
examples "$check_help"
cat "$sub_examples"
rm -f "$sub_examples"
