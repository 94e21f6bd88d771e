#!/bin/sh
# A CI step in plain POSIX sh, for any CI system: render a chart (or take manifests as they are),
# analyze them with faultline, print the report, keep it as a file, and fail the job on findings.
#
#   examples/ci/check.sh CHART_DIR|MANIFESTS [faultline check flags]
#
# A directory with a Chart.yaml is rendered with `helm template` first (the rendered manifests stay
# in $FAULTLINE_RENDERED for the job's artifacts); anything else is analyzed as it is.
# Environment: FAULTLINE (default: faultline), HELM (default: helm), FAULTLINE_REPORT (default:
# faultline-report.txt), FAULTLINE_RENDERED (default: faultline-rendered.yaml).
# Exit status: faultline's: 0 nothing at or above --fail-on, 1 findings, 2 input error (or the
# chart did not render).
set -eu
if [ $# -eq 0 ]; then
  echo "usage: $0 CHART_DIR|MANIFESTS [faultline check flags]" >&2
  exit 2
fi
target=$1
shift
faultline=${FAULTLINE:-faultline}
report=${FAULTLINE_REPORT:-faultline-report.txt}

if [ -f "$target/Chart.yaml" ]; then
  rendered=${FAULTLINE_RENDERED:-faultline-rendered.yaml}
  if ! "${HELM:-helm}" template "$target" >"$rendered"; then
    echo "check.sh: helm template $target failed; nothing analyzed" >&2
    exit 2
  fi
  target=$rendered
fi

status=0
rm -f "$report"   # never show a previous run's report
"$faultline" check --output "$report" "$@" "$target" || status=$?
if [ -f "$report" ]; then cat "$report"; fi
case $status in
  0) echo "faultline: no finding at or above --fail-on" ;;
  1) echo "faultline: findings at or above --fail-on; failing the job (report: $report)" ;;
  *) echo "faultline: the input could not be analyzed (exit $status)" >&2 ;;
esac
exit "$status"
