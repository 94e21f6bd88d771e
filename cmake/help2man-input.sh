#!/bin/sh
# help2man's view of faultline: `--help` prints `faultline --help` and `faultline check --help`
# (the default command, whose options are most of the manual) as one text, `--version` the
# version. Only the layout changes, so that help2man finds one synopsis, the check options
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

# Everything before the "Examples:" line.
before_examples() { printf '%s\n' "$1" | awk '/^Examples:$/ { exit } { print }'; }
# The example lines, each followed by a blank line (help2man joins adjacent lines into one
# paragraph), then the text after them; the pointer to `check --help` is dropped: the page holds it.
examples() {
  printf '%s\n' "$1" | awk '
    /^Examples:$/ { inside = 1; next }
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
echo "Examples:"
examples "$main_help"
examples "$check_help"
